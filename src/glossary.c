/*
 * glossary: glossary terms in a text.  See glossary.h.
 *
 * The text is case-mapped (libunistring) and, at each start of a word, the terms it starts with are
 * looked up in a sorted index (glossary_index): the cost grows with the text, not with the number of
 * terms.  Each character is mapped on its own and the bytes of the result are mapped back to the
 * text's, so a letter whose lower case is longer or shorter (Turkish 'İ') moves nothing.
 */
#include "glossary.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unistr.h>

#include "compat.h"
#include "util.h"

/*
 * s[0..n) in lower case, each character mapped on its own (the simple mapping: 'İ' becomes 'i'); with map,
 * (*map)[j] is where in s the character that byte j of the result belongs to starts, and (*map)[len] is n
 * (a NULL map: the same places).  NULL for text that is not UTF-8.
 */
static char *glossary_lower(const char *s, size_t n, size_t *outlen, size_t **map)
{
	if (util_printable_span(s, n) == n) {	/* printable ASCII: byte by byte, and no map needed */
		char *out = xmalloc(n + 1);
		for (size_t i = 0; i < n; i++)
			out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
		out[n] = '\0';
		*outlen = n;
		if (map)
			*map = NULL;
		return out;
	}
	char *out = xmalloc(n * 2 + 1);	/* a simple mapping grows a character by at most one byte */
	size_t *m = map ? xmalloc((n * 2 + 1) * sizeof *m) : NULL;
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, (const uint8_t *)s + i, n - i);
		if (k <= 0) {
			xfree_wiped(out);
			free(m);
			return NULL;
		}
		int w = u8_uctomb((uint8_t *)out + o, uc_tolower(c), (int)(n * 2 - o));
		if (w <= 0 || (size_t)w > (size_t)k + 1) {
			xfree_wiped(out);
			free(m);
			return NULL;
		}
		for (int j = 0; m && j < w; j++)
			m[o + (size_t)j] = i;
		o += (size_t)w;
		i += (size_t)k;
	}
	out[o] = '\0';
	if (m)
		m[o] = n;
	if (map)
		*map = m;
	*outlen = o;
	return out;
}

static char *const *glossary_sorting;	/* for glossary_cmp: qsort passes no context */

static int glossary_cmp(const void *a, const void *b)
{
	return strcmp(glossary_sorting[*(const size_t *)a], glossary_sorting[*(const size_t *)b]);
}

void glossary_index_init(struct glossary_index *x, char *const *s, size_t n)
{
	x->s = s;
	x->order = xmalloc((n ? n : 1) * sizeof *x->order);
	x->n = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] && *s[i])
			x->order[x->n++] = i;
	glossary_sorting = s;
	qsort(x->order, x->n, sizeof *x->order, glossary_cmp);	/* stable enough: equal strings match alike */
	glossary_sorting = NULL;
}

void glossary_index_free(struct glossary_index *x)
{
	free(x->order);
	*x = (struct glossary_index){ 0 };
}

/* The first place in order[lo, hi) whose string's byte at depth is above c (above or at c when !after). */
static size_t glossary_bound(const struct glossary_index *x, size_t lo, size_t hi, size_t depth, unsigned char c,
			     bool after)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		unsigned char m = (unsigned char)x->s[x->order[mid]][depth];
		if (m < c || (after && m == c))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void glossary_index_find(const struct glossary_index *x, const char *p, size_t n,
			 void (*found)(void *ctx, size_t i, size_t len), void *ctx)
{
	/* order[lo, hi) are the strings that start with the depth bytes of p seen so far; the ones that end
	 * there sort first */
	size_t lo = 0, hi = x->n;
	for (size_t depth = 0; lo < hi; depth++) {
		for (; lo < hi && x->s[x->order[lo]][depth] == '\0'; lo++)
			found(ctx, x->order[lo], depth);
		if (lo == hi || depth == n || p[depth] == '\0')
			break;
		unsigned char c = (unsigned char)p[depth];
		lo = glossary_bound(x, lo, hi, depth, c, false);
		hi = glossary_bound(x, lo, hi, depth, c, true);
	}
}

void glossary_terms_init(struct glossary_terms *t, const struct wizard *w,
			 const char *(*translate)(void *ctx, const char *), void *ctx)
{
	t->n = w->nglossary;
	t->lower = xcalloc(t->n ? t->n : 1, sizeof *t->lower);
	for (size_t i = 0; i < t->n; i++) {
		const char *term = translate ? translate(ctx, w->glossary[i].term) : w->glossary[i].term;
		size_t len;
		t->lower[i] = glossary_lower(term, strlen(term), &len, NULL);
	}
	glossary_index_init(&t->index, t->lower, t->n);
}

void glossary_terms_free(struct glossary_terms *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->lower[i]);
	free(t->lower);
	t->lower = NULL;
	t->n = 0;
	glossary_index_free(&t->index);
}

static bool glossary_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The matches of one text: a term is found again only after its last match ended, as one scan per term did. */
struct glossary_finding {
	bool *mark, *seen;
	const size_t *map;	/* from the lower-case text's bytes to the text's; NULL: the same */
	size_t at;		/* where the lookup starts in the lower-case text */
	struct glossary_last {
		size_t term, end;
	} *last;
	size_t nlast, caplast;
};

static void glossary_found(void *ctx, size_t k, size_t len)
{
	struct glossary_finding *f = ctx;
	size_t j = 0;
	while (j < f->nlast && f->last[j].term != k)
		j++;
	if (j < f->nlast && f->at < f->last[j].end)
		return;	/* inside this term's match before */
	if (j == f->nlast) {
		util_grow((void **)&f->last, &f->caplast, f->nlast + 1, sizeof *f->last);
		f->nlast++;
	}
	f->last[j] = (struct glossary_last){ k, f->at + len };
	size_t from = f->map ? f->map[f->at] : f->at, to = f->map ? f->map[f->at + len] : f->at + len;
	for (size_t b = from; f->mark && b < to; b++)
		f->mark[b] = true;
	f->seen[k] = true;
}

/*
 * Where in l (n bytes, at the start of an Arabic word) a term may start after what Arabic writes onto the
 * front of a word, into at; how many such places.  Up to two of the letters wa "and", fa "so", bi "with",
 * li "for", ka "as", sa "will", then the article al-: "والمكتب" is "و" and "المكتب", "بالشريحة" is "ب",
 * "ال" and "شريحة".  Other languages write each as a word of its own.
 */
static size_t glossary_proclitics(const char *l, size_t n, size_t at[6])
{
	static const char *const letters[] = { "\xD9\x88", "\xD9\x81", "\xD8\xA8", "\xD9\x84", "\xD9\x83", "\xD8\xB3" };
	size_t k = 0, pos = 0;
	for (int front = 0; front <= 2; front++) {
		if (n - pos > 4 && !memcmp(l + pos, "\xD8\xA7\xD9\x84", 4))	/* the article after them */
			at[k++] = pos + 4;
		size_t was = pos;
		for (size_t i = 0; front < 2 && i < ARRAY_LEN(letters) && pos == was; i++)
			if (n - pos > 2 && !memcmp(l + pos, letters[i], 2))
				pos += 2;
		if (pos == was)
			break;
		at[k++] = pos;
	}
	return k;
}

void glossary_terms_find(const struct glossary_terms *t, const char *s, size_t n, bool *mark, bool *seen)
{
	if (!t->index.n)	/* no terms: nothing to case-map the text for */
		return;
	size_t llen, *map;
	char *l = glossary_lower(s, n, &llen, &map);
	if (!l)
		return;
	struct glossary_finding f = { mark, seen, map, 0, NULL, 0, 0 };
	for (size_t i = 0; i < llen; i++) {
		if (i > 0 && glossary_letter((unsigned char)l[i - 1]))
			continue;	/* terms start a word */
		f.at = i;
		glossary_index_find(&t->index, l + i, llen - i, glossary_found, &f);
		size_t at[6], nat = (unsigned char)l[i] == 0xD8 || (unsigned char)l[i] == 0xD9 ?
			glossary_proclitics(l + i, llen - i, at) : 0;
		for (size_t k = 0; k < nat; k++) {	/* and after what Arabic joins in front */
			f.at = i + at[k];
			glossary_index_find(&t->index, l + f.at, llen - f.at, glossary_found, &f);
		}
	}
	free(f.last);
	free(map);
	xfree_wiped(l);
}
