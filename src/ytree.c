/*
 * ytree: YAML events to a tree, with limits.  See ytree.h.
 *
 * Invariants: every libyaml event is deleted on every path; no pointer into an event is kept (scalars
 * are copied into the arena); the tree is never deeper than limits->max_depth, so walking it recursively
 * is safe.  Before libyaml sees the text, its first bytes are checked for UTF-16, which libyaml would read
 * otherwise; invalid UTF-8 and control characters are looked for when the parse stops short
 * (ytree_bad_bytes), because libyaml reports those with a byte offset only.
 */
#include "ytree.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>
#include <yaml.h>

const struct load_limits load_default_limits = {
	.max_file = 1024 * 1024,
	.max_scalar = 64 * 1024,
	.max_depth = 32,
	.max_events = 250000,
};

/* Open path to read it: a regular file of at most max bytes (its size in *size). */
static int ytree_open(const char *path, size_t max, size_t *size, struct diags *d)
{
	struct loc at = { path, 0, 0 };
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		diag_error(d, at, "cannot open: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0)
		diag_error(d, at, "cannot read: %s", strerror(errno));
	else if (S_ISDIR(st.st_mode))
		diag_error(d, at, "is a directory, not a wizard file");
	else if (!S_ISREG(st.st_mode))
		diag_error(d, at, "is not a regular file");
	else if ((uintmax_t)st.st_size > max)
		diag_error(d, at, "file is %jd bytes; the limit is %zu", (intmax_t)st.st_size, max);
	else {
		*size = (size_t)st.st_size;
		return fd;
	}
	close(fd);
	return -1;
}

/*
 * What the parse reads: a text in memory, or a file read as the parse goes into libyaml's own buffer, so
 * that a file is not in memory whole beside its model while it parses (only a parse that stops short reads
 * it whole, at most the limit, to say what is wrong).  A file's first bytes are read first, to look at
 * them (ytree_check_start), and handed to libyaml before the rest.
 */
#define YTREE_HEAD 11	/* a file's first bytes looked at: a byte order mark and 8 more */

struct ytree_input {
	int fd;				/* the file, or -1: the text in memory */
	const char *path;
	unsigned char head[YTREE_HEAD];	/* its first bytes */
	size_t nhead, head_at;		/* how many were read, and how many are given (or skipped: a BOM) */
	size_t got, max;		/* bytes read in all, and the most the file may have */
	int error;			/* errno of a read that failed */
	bool over;			/* the file had more than max bytes */
	void (*seen)(void *ctx, const void *bytes, size_t n);	/* each byte read, once, in order */
	void *seen_ctx;
};

/* Read up to size bytes of the file; false for a read that fails or one past the limit (noted in in). */
static bool ytree_input_take(struct ytree_input *in, unsigned char *out, size_t size, size_t *got)
{
	for (;;) {
		ssize_t r = read(in->fd, out, size);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			in->error = errno;
			return false;
		}
		in->got += (size_t)r;
		if (in->got > in->max) {
			in->over = true;
			return false;
		}
		if (in->seen && r > 0)
			in->seen(in->seen_ctx, out, (size_t)r);
		*got = (size_t)r;
		return true;
	}
}

/* Say why a file could not be read to its end (a read that failed, or a file grown past the limit). */
static bool ytree_input_failed(const struct ytree_input *in, struct diags *d)
{
	if (in->error)
		diag_error(d, ((struct loc){ in->path, 0, 0 }), "cannot read: %s", strerror(in->error));
	else if (in->over)
		diag_error(d, ((struct loc){ in->path, 0, 0 }), "file is over the limit of %zu bytes", in->max);
	return in->error || in->over;
}

/*
 * Read in's file from where it stands to its end, at most in->max bytes (about size), into *buf
 * (NUL-terminated, malloc'd).
 */
static bool ytree_read_rest(struct ytree_input *in, size_t size, char **buf, size_t *len, struct diags *d)
{
	size_t cap = size + 1, n = 0, got;
	char *b = xmalloc(cap + 1);
	while (ytree_input_take(in, (unsigned char *)b + n, cap - n, &got) && got) {
		n += got;
		if (n == cap)
			b = xrealloc(b, (cap *= 2) + 1);
	}
	if (ytree_input_failed(in, d)) {
		free(b);
		return false;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return true;
}

bool ytree_read_file(const char *path, size_t max, char **buf, size_t *len, struct diags *d)
{
	size_t size;
	int fd = ytree_open(path, max, &size, d);
	if (fd < 0)
		return false;
	struct ytree_input in = { .fd = fd, .path = path, .max = max };
	bool ok = ytree_read_rest(&in, size, buf, len, d);
	close(fd);
	return ok;
}

/* A byte order mark of UTF-16 or UTF-32, or text whose first characters alternate with zero bytes. */
static bool ytree_is_utf16(const unsigned char *u, size_t len)
{
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return true;
	if (len < 8)
		return false;
	bool even_zero = true, odd_zero = true, even_set = true, odd_set = true;
	for (size_t i = 0; i < 8; i++) {
		if (i % 2) {
			odd_zero &= u[i] == 0;
			odd_set &= u[i] != 0;
		} else {
			even_zero &= u[i] == 0;
			even_set &= u[i] != 0;
		}
	}
	return (even_zero && odd_set) || (odd_zero && even_set);
}

/* What libyaml cannot read at all: nothing, or UTF-16 or UTF-32 (from the first bytes). */
static bool ytree_check_start(const char *file, const char *buf, size_t len, struct diags *d)
{
	if (len == 0) {
		diag_error(d, ((struct loc){ file, 1, 1 }), "the file is empty");
		return false;
	}
	if (ytree_is_utf16((const unsigned char *)buf, len)) {
		diag_error(d, ((struct loc){ file, 1, 1 }),
			   "the file is UTF-16 or UTF-32; save it as UTF-8");
		return false;
	}
	return true;
}

/*
 * The first byte from from on that starts what a wizard may not hold, or len: invalid UTF-8 (*c is then
 * -1), or a control character other than tab, line feed and carriage return (its code in *c).  libyaml
 * refuses the same as it reads, with the byte's offset; this says it in words an author can act on.
 */
static size_t ytree_bad_byte(const unsigned char *u, size_t from, size_t len, int32_t *c)
{
	for (size_t i = from; i < len;) {
		i += util_printable_span(u + i, len - i);
		if (i == len)
			break;
		if (u[i] == '\n') {
			i++;
			continue;
		}
		ucs4_t uc;
		int w = u8_mbtoucr(&uc, u + i, len - i);
		*c = w < 0 ? -1 : (int32_t)uc;
		if (w < 0 || (uc < 0x20 && uc != '\t' && uc != '\r') || uc == 0x7F ||
		    (uc >= 0x80 && uc < 0xA0 && uc != 0x85) || uc == 0xFFFE || uc == 0xFFFF)
			return i;
		i += (size_t)w;
	}
	return len;
}

/* A container being filled: where its own node is on the parser's stack of kids (SIZE_MAX: the root),
 * and where its children start there. */
struct ytree_open {
	size_t node;
	size_t first;
};

struct ytree_seen {
	const char *text;
	size_t len;
};

struct ytree_parser {
	struct arena *a, *texts;	/* of the nodes, of the scalars' texts */
	const char *file;
	const char *buf;
	size_t len;
	const struct load_limits *limits;
	struct diags *d;
	struct ytree_open *stack;
	size_t depth;
	struct ynode *kids;	/* the children of every open container, innermost last: one array for all */
	size_t nkids, capkids;
	struct ynode top;	/* the root until it is done, */
	struct ynode *root;	/* and in the arena when it is */
	const struct ytree_items *items;	/* NULL: nothing is read as it comes */
	bool in_items;		/* the list at depth 2 is the one whose items go to items */
	struct arena *tree;	/* the nodes' arena: a is item_nodes while an item of that list is open */
	struct arena item_nodes;
	struct ytree_seen *seen;	/* texts kept before, by ytree_seen_slot: a text met again is kept once */
	size_t seen_bits;
	const char *const *words;	/* the keys known by their word (ytree_items), or NULL */
	unsigned char word_at[256];	/* 1 + the place of a word, by ytree_word_hash; 0: empty */
	unsigned char word_len[255];	/* each word's length */
};

static struct loc ytree_mark(const struct ytree_parser *p, yaml_mark_t m)
{
	return (struct loc){ p->file, (int)m.line + 1, (int)m.column + 1 };
}

/* A new node, as the root or as the last child of the innermost open container; *where its place then. */
static struct ynode *ytree_attach(struct ytree_parser *p, size_t *where)
{
	if (p->depth == 0) {
		*where = SIZE_MAX;
		p->top = (struct ynode){ 0 };
		return &p->top;
	}
	util_grow((void **)&p->kids, &p->capkids, p->nkids + 1, sizeof *p->kids);
	*where = p->nkids;
	p->kids[p->nkids] = (struct ynode){ 0 };
	return &p->kids[p->nkids++];
}

/* Whether a node attached now is an item of the list that goes to p->items. */
static bool ytree_at_item(const struct ytree_parser *p)
{
	return p->in_items && p->depth == 2;
}

/* The item at where is whole: to the reader, and gone. */
static void ytree_item_take(struct ytree_parser *p, size_t where)
{
	p->items->item(p->items->ctx, &p->kids[where]);
	p->nkids = where;
	arena_clear(&p->item_nodes);
	p->a = p->tree;
}

/* After the node at where was finished: an item of that list goes to the reader. */
static inline void ytree_item_done(struct ytree_parser *p, size_t where)
{
	if (ytree_at_item(p))
		ytree_item_take(p, where);
}

/*
 * A list starting at depth 1 (before it is pushed): whether it is the value of items->key in the top-level
 * mapping, and the reader takes it.
 */
static bool ytree_items_start(struct ytree_parser *p)
{
	if (!p->items || !p->items->key || p->depth != 1 || p->top.kind != YNODE_MAP)
		return false;
	size_t first = p->stack[0].first, n = p->nkids - first;	/* the new list is the last of n */
	if (n % 2 || n < 2)
		return false;
	const struct ynode *key = &p->kids[p->nkids - 2];
	if (key->kind != YNODE_SCALAR || key->len != strlen(p->items->key) || strcmp(key->str, p->items->key) != 0)
		return false;
	struct ynode top = { .loc = p->top.loc, .kind = YNODE_MAP };
	top.kids = &p->kids[first];
	top.n = (uint32_t)(n - 2);	/* the pairs before this one */
	return p->items->begin(p->items->ctx, &top);
}

/*
 * The slot of p->seen for a text of len bytes: from its length and three words of it (its start, middle and
 * end), so that finding a text costs the same whatever its length; a text that differs elsewhere only
 * takes the slot over.
 */
static size_t ytree_seen_slot(const struct ytree_parser *p, const char *s, size_t len)
{
	uint64_t a = 0, b = 0, c = 0;
	memcpy(&a, s, len < 8 ? len : 8);
	if (len > 8) {
		memcpy(&b, s + len - 8, 8);
		memcpy(&c, s + len / 2 - 4, 8);
	}
	uint64_t h = ((a * 0x9E3779B97F4A7C15u) ^ (b * 0xC2B2AE3D27D4EB4Fu) ^ c ^ len) * 0x9E3779B97F4A7C15u;
	return (size_t)(h >> (64 - p->seen_bits));
}

/*
 * The text of a scalar, in the texts' arena: the same text as one kept shortly before is that one ('ja',
 * a help written on every step), so that a long wizard holds each once.
 */
static const char *ytree_text(struct ytree_parser *p, const char *s, size_t len)
{
	struct ytree_seen *seen = &p->seen[ytree_seen_slot(p, s, len)];
	if (seen->text && seen->len == len && memcmp(seen->text, s, len) == 0)
		return seen->text;
	seen->len = len;
	return seen->text = arena_strndup(p->texts, s, len);
}

static unsigned ytree_word_hash(const char *s, size_t len)
{
	return (unsigned)(len * 7 + (unsigned char)s[0] * 31 + (unsigned char)s[len - 1]) & 255;
}

/* Put words into p->word_at, open addressing from each word's hash. */
static void ytree_words_start(struct ytree_parser *p, const char *const *words)
{
	p->words = words;
	for (unsigned i = 0; words && words[i] && i < 255; i++) {
		size_t len = strlen(words[i]);
		unsigned h = ytree_word_hash(words[i], len);
		while (p->word_at[h])
			h = (h + 1) & 255;
		p->word_at[h] = (unsigned char)(i + 1);
		p->word_len[i] = (unsigned char)len;
	}
}

/* The word a key of len bytes spells: 1 + its place in p->words, or 0. */
static unsigned ytree_word(const struct ytree_parser *p, const char *s, size_t len)
{
	if (!p->words || !len)
		return 0;
	for (unsigned h = ytree_word_hash(s, len); p->word_at[h]; h = (h + 1) & 255) {
		unsigned w = p->word_at[h];
		if (p->word_len[w - 1] == len && memcmp(p->words[w - 1], s, len) == 0)
			return w;
	}
	return 0;
}

/*
 * The characters other than a line feed that libyaml counts as line breaks (NEL, U+2028, U+2029) in the len
 * bytes at s: a value on one line of the file may hold them, and libyaml's marks count them as lines.
 */
static size_t ytree_breaks(const char *s, size_t len)
{
	size_t n = 0;
	for (const char *p = s, *end = s + len; (p = memchr(p, '\xE2', (size_t)(end - p))) != NULL; p++)
		n += end - p >= 3 && p[1] == '\x80' && (p[2] == '\xA8' || p[2] == '\xA9');
	for (const char *p = s, *end = s + len; (p = memchr(p, '\xC2', (size_t)(end - p))) != NULL; p++)
		n += end - p >= 2 && p[1] == '\x85';
	return n;
}

/* Whether the node at where (not the root) is a key of the mapping it is in. */
static bool ytree_is_key(const struct ytree_parser *p, size_t where)
{
	const struct ytree_open *o = &p->stack[p->depth - 1];
	const struct ynode *parent = o->node == SIZE_MAX ? &p->top : &p->kids[o->node];
	return parent->kind == YNODE_MAP && (where - o->first) % 2 == 0;
}

/* The root, in the arena, once the root node is whole. */
static void ytree_done_root(struct ytree_parser *p)
{
	p->root = arena_alloc(p->a, sizeof *p->root);
	*p->root = p->top;
}

static void ytree_scalar(struct ytree_parser *p, const yaml_event_t *ev, struct loc at)
{
	size_t where;
	struct ynode *n = ytree_attach(p, &where);
	n->kind = YNODE_SCALAR;
	n->loc = at;
	n->len = (uint32_t)ev->data.scalar.length;
	bool key = where != SIZE_MAX && ytree_is_key(p, where);
	const char *value = (const char *)ev->data.scalar.value;
	unsigned word = key ? ytree_word(p, value, n->len) : 0;
	if (key && !word && memchr(value, '\0', n->len))	/* (no word holds one) */
		diag_error(p->d, at, "a key may not hold a NUL character (\\0)");
	if (word) {	/* a word of the format: known by it, and spelled by the words' own copy */
		n->word = (unsigned char)word;
		n->str = p->words[word - 1];
	} else if (key && p->a == &p->item_nodes) {	/* a key of an item read as it comes: gone with it */
		n->str = arena_strndup(p->a, value, n->len);
	} else {
		n->str = ytree_text(p, value, n->len);
		n->kept = true;
	}
	yaml_scalar_style_t style = ev->data.scalar.style;
	n->plain = style == YAML_PLAIN_SCALAR_STYLE;
	/* exact: for a column inside a value; a plain key is only ever placed at its start, as it is */
	if ((n->plain && !key) || style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
		/* One line, as written: plain text on one line is its value; a quoted one is when no escape
		 * (every one two characters or more for one) made it shorter than what stands between the quotes. */
		n->exact = ev->start_mark.line == ev->end_mark.line ||
			   ev->end_mark.line - ev->start_mark.line == ytree_breaks(n->str, n->len);
		if (n->exact && !n->plain) {
			size_t chars = 0;
			for (size_t i = 0; i < n->len; i++)
				chars += ((unsigned char)n->str[i] & 0xC0) != 0x80;
			n->exact = chars + 2 == ev->end_mark.index - ev->start_mark.index;
			n->loc.col += n->exact;	/* past the quote */
		}
	}
	if (where == SIZE_MAX)
		ytree_done_root(p);
	else
		ytree_item_done(p, where);
}

/* Report duplicate keys of a finished mapping. */
static void ytree_check_keys(struct ytree_parser *p, const struct ynode *map)
{
	if (map->n <= 2 * 8) {	/* most mappings: comparing each key with those before is cheaper than a map */
		uint64_t words = 0;	/* the words (below 64) among the keys so far: one not among them is new */
		for (size_t i = 0; i + 1 < map->n; i += 2) {
			const struct ynode *k = &map->kids[i];
			if (k->kind != YNODE_SCALAR) {
				diag_error(p->d, k->loc, "a key must be a plain name, not a %s", ynode_kind_name(k));
				continue;
			}
			uint64_t bit = k->word && k->word < 64 ? (uint64_t)1 << k->word : 0;
			if (bit && !(words & bit)) {
				words |= bit;
				continue;
			}
			for (size_t j = 0; j < i; j += 2) {
				const struct ynode *first = &map->kids[j];
				if (k->word ? first->word == k->word
					    : first->kind == YNODE_SCALAR && first->str[0] == k->str[0] &&
						      first->len == k->len && memcmp(first->str, k->str, k->len) == 0) {
					diag_error(p->d, k->loc, "duplicate key '%s' (first at line %d)", k->str,
						   first->loc.line);
					break;
				}
			}
		}
		return;
	}
	struct strmap seen = { 0 };
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const struct ynode *k = &map->kids[i];
		if (k->kind != YNODE_SCALAR) {
			diag_error(p->d, k->loc, "a key must be a plain name, not a %s", ynode_kind_name(k));
			continue;
		}
		if (!strmap_put(&seen, k->str, (int)i)) {
			const struct ynode *first = &map->kids[strmap_get(&seen, k->str)];
			diag_error(p->d, k->loc, "duplicate key '%s' (first at line %d)", k->str, first->loc.line);
		}
	}
	strmap_free(&seen);
}

/* Say that a node's anchor or tag (either may be NULL) is not allowed. */
static void ytree_refuse(struct ytree_parser *p, struct loc at, const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor)
		diag_error(p->d, at, "anchors (&%s) are not allowed in a wizard; write the text out", anchor);
	if (tag)
		diag_error(p->d, at, "tags (%s) are not allowed in a wizard", tag);
}

static bool ytree_event(struct ytree_parser *p, const yaml_event_t *ev)
{
	struct loc at = ytree_mark(p, ev->start_mark);
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (p->root) {
			diag_error(p->d, at, "a second YAML document ('---'); a wizard is one document");
			return false;
		}
		return true;
	case YAML_ALIAS_EVENT: {
		diag_error(p->d, at, "aliases (*%s) are not allowed in a wizard; write the text out",
			   ev->data.alias.anchor);
		size_t where;
		struct ynode *n = ytree_attach(p, &where);
		n->kind = YNODE_SCALAR;
		n->loc = at;
		n->str = "";
		n->plain = true;
		n->alias = true;
		if (where == SIZE_MAX)
			ytree_done_root(p);
		else
			ytree_item_done(p, where);
		return true;
	}
	case YAML_SCALAR_EVENT:
		ytree_refuse(p, at, ev->data.scalar.anchor, ev->data.scalar.tag);
		if (ev->data.scalar.length > p->limits->max_scalar) {
			diag_error(p->d, at, "text of %zu bytes; the limit is %zu", ev->data.scalar.length,
				   p->limits->max_scalar);
			return false;
		}
		ytree_scalar(p, ev, at);
		return true;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		if (ev->type == YAML_SEQUENCE_START_EVENT)
			ytree_refuse(p, at, ev->data.sequence_start.anchor, ev->data.sequence_start.tag);
		else
			ytree_refuse(p, at, ev->data.mapping_start.anchor, ev->data.mapping_start.tag);
		if (p->depth >= p->limits->max_depth) {
			diag_error(p->d, at, "nested more than %zu levels deep", p->limits->max_depth);
			return false;
		}
		size_t where;
		struct ynode *n = ytree_attach(p, &where);
		n->kind = ev->type == YAML_SEQUENCE_START_EVENT ? YNODE_SEQ : YNODE_MAP;
		n->loc = at;
		if (ytree_at_item(p))
			p->a = &p->item_nodes;
		else if (n->kind == YNODE_SEQ && ytree_items_start(p))
			p->in_items = true;
		p->stack[p->depth++] = (struct ytree_open){ where, p->nkids };
		return true;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT: {
		struct ytree_open *o = &p->stack[--p->depth];
		struct ynode *node = o->node == SIZE_MAX ? &p->top : &p->kids[o->node];
		size_t n = p->nkids - o->first;
		node->kids = arena_alloc(p->a, (n ? n : 1) * sizeof *node->kids);
		if (n)
			memcpy(node->kids, p->kids + o->first, n * sizeof *node->kids);
		node->n = (uint32_t)(node->kind == YNODE_MAP ? n / 2 * 2 : n);
		p->nkids = o->first;
		if (node->kind == YNODE_MAP)
			ytree_check_keys(p, node);
		if (o->node == SIZE_MAX)
			ytree_done_root(p);
		else if (p->depth == 1)
			p->in_items = false;	/* the list read as it came, if it was */
		else
			ytree_item_done(p, o->node);
		return true;
	}
	default:
		return true;
	}
}

struct ynode *ytree_parse(struct arena *a, struct arena *texts, const char *file, const char *buf, size_t len,
			  const struct load_limits *limits, const char *const *words, struct diags *d)
{
	struct ytree_items none = { .words = words };
	return ytree_parse_items(a, texts, file, buf, len, limits, &none, d);
}

/* The 1-based line and column (in characters) of byte off of the text. */
static struct loc ytree_loc_of(const struct ytree_parser *p, size_t off)
{
	return diag_loc_advance((struct loc){ p->file, 1, 1 }, p->buf, off);
}

/* Say why libyaml stopped, and where (a byte it cannot read is said by ytree_bad_bytes). */
static void ytree_parse_error(struct ytree_parser *p, const yaml_parser_t *yp)
{
	const char *problem = yp->problem ? yp->problem : "invalid YAML";
	if (yp->error == YAML_READER_ERROR && p->buf && yp->problem_offset <= p->len)
		diag_error(p->d, ytree_loc_of(p, yp->problem_offset), "YAML syntax: %s", problem);
	else if (yp->context)
		diag_error(p->d, ytree_mark(p, yp->problem_mark), "YAML syntax: %s %s (line %zu)", problem, yp->context,
			   yp->context_mark.line + 1);
	else
		diag_error(p->d, ytree_mark(p, yp->problem_mark), "YAML syntax: %s", problem);
}

/*
 * Once the parse has stopped short: a byte the file may not hold, anywhere in it, is what is wrong with it,
 * as it would be had it been looked for before the parse; then it alone is said (into to, and what the
 * parse said is dropped).  libyaml read everything before where it stopped, and refuses the same bytes,
 * so one is found whenever it stopped for one.
 */
static bool ytree_bad_bytes(const struct ytree_parser *p, struct diags *to)
{
	if (!p->buf)
		return false;
	const unsigned char *u = (const unsigned char *)p->buf;
	int32_t c = 0;
	size_t bad = ytree_bad_byte(u, 0, p->len, &c);
	if (bad == p->len)
		return false;
	if (c < 0)
		diag_error(to, ytree_loc_of(p, bad), "invalid UTF-8 (byte 0x%02X); save the file as UTF-8", u[bad]);
	else
		diag_error(to, ytree_loc_of(p, bad), "control character U+%04X in the file", (unsigned)c);
	return true;
}

/* libyaml's read handler: the first bytes read already, then the rest of the file. */
static int ytree_input_read(void *data, unsigned char *out, size_t size, size_t *got)
{
	struct ytree_input *in = data;
	if (in->head_at < in->nhead) {
		size_t n = in->nhead - in->head_at < size ? in->nhead - in->head_at : size;
		memcpy(out, in->head + in->head_at, n);
		in->head_at += n;
		*got = n;
		return 1;
	}
	return ytree_input_take(in, out, size, got);
}

/* The file's first bytes into in->head, as many as it has up to YTREE_HEAD. */
static bool ytree_input_head(struct ytree_input *in)
{
	while (in->nhead < YTREE_HEAD) {
		size_t got = 0;
		if (!ytree_input_take(in, in->head + in->nhead, YTREE_HEAD - in->nhead, &got))
			return false;
		if (!got)
			break;
		in->nhead += got;
	}
	return true;
}

static bool ytree_has_bom(const char *s, size_t len)
{
	/* A UTF-8 byte order mark, as some editors on Windows write: skipped, so that columns on the first
	 * line count from the first character an editor shows. */
	return len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
}

/*
 * The parse of the text of file: len bytes at buf, or the file in when in->fd >= 0 (buf NULL), of about
 * size bytes.  When it stops short, a file is read whole after all, to find a byte it may not hold and to
 * place what libyaml says by its offset.
 */
static struct ynode *ytree_run(struct arena *a, struct arena *texts, const char *file, const char *buf, size_t len,
			       const struct load_limits *limits, const struct ytree_items *items, struct ytree_input *in,
			       size_t size, struct diags *d)
{
	struct diags said = { 0 };	/* what the parse says: dropped for a byte the file may not hold */
	struct ytree_parser parser = { .a = a, .texts = texts, .file = file, .buf = buf, .len = len, .limits = limits,
				       .d = &said, .items = items, .tree = a, .item_nodes = { .unwiped = true } };
	struct ytree_parser *p = &parser;
	ytree_words_start(p, items ? items->words : NULL);
	p->stack = xmalloc((limits->max_depth + 1) * sizeof *p->stack);
	for (p->seen_bits = 6; p->seen_bits < 13 && ((size_t)1 << p->seen_bits) * 512 < size; p->seen_bits++)
		continue;	/* a slot for each half kilobyte of the file, 64 to 8192 */
	p->seen = xcalloc((size_t)1 << p->seen_bits, sizeof *p->seen);
	size_t errors_before = d->errors;

	yaml_parser_t yp;
	yaml_parser_initialize(&yp);
	if (in->fd >= 0)
		yaml_parser_set_input(&yp, ytree_input_read, in);
	else
		yaml_parser_set_input_string(&yp, (const unsigned char *)p->buf, p->len);
	yaml_parser_set_encoding(&yp, YAML_UTF8_ENCODING);
	bool ok = true, stopped = false;	/* stopped: libyaml could read no further */
	for (size_t count = 0;; count++) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&yp, &ev)) {
			ok = false;
			stopped = true;
			break;
		}
		if (count >= limits->max_events) {
			diag_error(&said, ytree_mark(p, ev.start_mark),
				   "more than %zu YAML events (keys, values, lists); the limit is %zu", limits->max_events,
				   limits->max_events);
			yaml_event_delete(&ev);
			ok = false;
			break;
		}
		bool more = ytree_event(p, &ev);
		bool end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (!more) {
			ok = false;
			break;
		}
		if (end)
			break;
	}
	arena_free(&p->item_nodes);	/* an item cut short by an error */
	free(p->kids);
	free(p->stack);
	free(p->seen);
	char *whole = NULL;	/* a file read whole once the parse has stopped short */
	bool failed = ytree_input_failed(in, d);
	if (!ok && !failed && in->fd >= 0 && lseek(in->fd, 0, SEEK_SET) == 0) {
		struct diags none = { 0 };	/* a file that cannot be read again is placed no better */
		size_t n;
		struct ytree_input again = { .fd = in->fd, .path = in->path, .max = in->max };
		if (ytree_read_rest(&again, size, &whole, &n, &none)) {
			size_t bom = ytree_has_bom(whole, n) ? 3 : 0;
			p->buf = whole + bom;
			p->len = n - bom;
		}
		diag_free(&none);
	}
	if (stopped && !failed)
		ytree_parse_error(p, &yp);
	yaml_parser_delete(&yp);
	bool bad = !ok && !failed && ytree_bad_bytes(p, d);
	free(whole);
	if (failed || bad) {
		diag_free(&said);
		return NULL;
	}
	diag_append(d, &said);
	diag_free(&said);
	if (!ok)
		return NULL;
	if (!p->root && d->errors == errors_before)
		diag_error(d, ((struct loc){ p->file, 1, 1 }), "the file is empty");
	return p->root;
}

/* The most bytes a wizard's text may have: the limit's, and less than 4 GiB (a node's length is 32 bits). */
static size_t ytree_max_file(const struct load_limits *limits)
{
	return limits->max_file < UINT32_MAX - 1 ? limits->max_file : (size_t)UINT32_MAX - 1;
}

struct ynode *ytree_parse_items(struct arena *a, struct arena *texts, const char *file, const char *buf, size_t len,
				const struct load_limits *limits, const struct ytree_items *items, struct diags *d)
{
	if (!limits)
		limits = &load_default_limits;
	if (len > ytree_max_file(limits)) {
		diag_error(d, ((struct loc){ file, 0, 0 }), "file is %zu bytes; the limit is %zu", len,
			   ytree_max_file(limits));
		return NULL;
	}
	if (ytree_has_bom(buf, len)) {
		buf += 3;
		len -= 3;
	}
	if (!ytree_check_start(file, buf, len, d))
		return NULL;
	struct ytree_input in = { .fd = -1, .path = file };
	return ytree_run(a, texts, file, buf, len, limits, items, &in, len, d);
}

struct ynode *ytree_parse_file(struct arena *a, struct arena *texts, const char *path,
			       const struct load_limits *limits, const struct ytree_items *items,
			       void (*seen)(void *ctx, const void *bytes, size_t n), void *seen_ctx, struct diags *d)
{
	if (!limits)
		limits = &load_default_limits;
	size_t max = ytree_max_file(limits), size;
	struct ytree_input in = { .path = path, .max = max, .seen = seen, .seen_ctx = seen_ctx };
	if ((in.fd = ytree_open(path, max, &size, d)) < 0)
		return NULL;
	struct ynode *root = NULL;
	if (!ytree_input_head(&in)) {
		ytree_input_failed(&in, d);
	} else {
		in.head_at = ytree_has_bom((const char *)in.head, in.nhead) ? 3 : 0;
		/* all of a file shorter than the head, or enough of it to look at */
		if (ytree_check_start(path, (const char *)in.head + in.head_at, in.nhead - in.head_at, d))
			root = ytree_run(a, texts, path, NULL, 0, limits, items, &in, size, d);
	}
	close(in.fd);
	return root;
}

const struct ynode *ynode_word(const struct ynode *map, unsigned word)
{
	if (!map || map->kind != YNODE_MAP || !word)
		return NULL;
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (map->kids[i].word == word)
			return &map->kids[i + 1];
	return NULL;
}

bool ynode_is_null(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && n->plain &&
	       (n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0);
}

const char *ynode_kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case YNODE_SCALAR:
		return "text";
	case YNODE_SEQ:
		return "list";
	case YNODE_MAP:
		return "mapping";
	}
	return "node";
}
