/*
 * ytree: YAML text to a small tree of scalars, sequences and mappings, built from libyaml's event API.
 *
 * It refuses what a wizard never needs and an attacker would use: anchors and aliases, tags, several
 * documents, nesting deeper than the limit, oversized scalars, too many events, invalid UTF-8, UTF-16 and
 * control characters.  Every problem is a diagnostic with a 1-based line and column (in characters).
 * Duplicate mapping keys are found here, once, for every caller.
 *
 * Nodes live in one arena, the entries of each container side by side, and the scalars' texts in another
 * (or the same), so that the nodes can go once read while the texts stay; the buffer is borrowed only
 * during the call.
 */
#ifndef TRIN_YTREE_H
#define TRIN_YTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "model.h"
#include "util.h"

enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

/*
 * 32 bytes: a wizard's tree has a node for every key and value, so the node is kept small.  Scalars use
 * str and len, containers kids and n; lengths and counts fit in 32 bits, as ytree_parse refuses files
 * of 4 GiB and more.
 */
struct ynode {
	struct loc loc;
	union {
		const char *str;	/* scalars: NUL-terminated copy; may hold NUL bytes from "\0" escapes: see len */
		struct ynode *kids;	/* sequences: n items; mappings: n/2 pairs, key at kids[2i], value at kids[2i+1] */
	};
	union {
		uint32_t len;	/* scalars: bytes in str */
		uint32_t n;	/* containers: entries in kids */
	};
	unsigned char kind;	/* enum ynode_kind */
	unsigned char word;	/* keys: 1 + the place of the word it spells in the parse's words; 0: none */
	bool plain : 1;		/* written without quotes or block indicator */
	bool exact : 1;		/* str is the file's text as it stands at loc (for column mapping) */
	bool alias : 1;		/* stands for a refused alias: already reported, to be skipped */
	bool kept : 1;		/* str is in the texts' arena, where no other text takes its place */
};

/*
 * Read path whole, refusing directories, special files and files over max bytes.  On success *buf is
 * NUL-terminated and owned by the caller, who frees it with free.
 */
bool ytree_read_file(const char *path, size_t max, char **buf, size_t *len, struct diags *d);

/*
 * Parse buf (len bytes) named file, the nodes into arena a and the scalars' texts into arena texts.
 * A key that spells one of words (NULL-terminated, at most 255; or none: NULL) is known by it (ynode.word,
 * ynode_word).  Returns the root node, or NULL when the text could not be read as YAML.  A tree may come
 * back with errors reported too (an alias, a duplicate key): check d->errors.
 */
struct ynode *ytree_parse(struct arena *a, struct arena *texts, const char *file, const char *buf, size_t len,
			  const struct load_limits *limits, const char *const *words, struct diags *d);

/*
 * A reader of the items of one list as the parse goes: the list that is the value of key in the top-level
 * mapping ('steps').  When that list starts, begin sees the top-level pairs read so far and says whether
 * to take its items; if so, item sees each as soon as it is whole, and the item's nodes are gone when it
 * returns (the texts of its scalars other than keys stay in texts), so that the tree never holds the whole
 * list: the list comes back empty.  Neither is called when the text cannot be read as YAML before the list starts.
 */
struct ytree_items {
	const char *const *words;	/* as ytree_parse's */
	const char *key;		/* NULL: no list is read as it comes */
	bool (*begin)(void *ctx, const struct ynode *top);
	void (*item)(void *ctx, const struct ynode *item);
	void *ctx;
};

/* As ytree_parse, handing the items of one list to items (or none: NULL) as they are read. */
struct ynode *ytree_parse_items(struct arena *a, struct arena *texts, const char *file, const char *buf, size_t len,
				const struct load_limits *limits, const struct ytree_items *items, struct diags *d);

/*
 * As ytree_parse_items, for the file at path, read as the parse goes (refused as ytree_read_file refuses
 * it), so that it is not in memory whole while it parses (a parse that stops short reads it whole again, at
 * most the limit, to say what is wrong); each of its bytes goes through seen (when given) once, in order,
 * as it is read: a file parsed to its end has given them all.
 */
struct ynode *ytree_parse_file(struct arena *a, struct arena *texts, const char *path,
			       const struct load_limits *limits, const struct ytree_items *items,
			       void (*seen)(void *ctx, const void *bytes, size_t n), void *seen_ctx, struct diags *d);

/* Entry i of a sequence or mapping node (see kids). */
static inline const struct ynode *ynode_kid(const struct ynode *n, size_t i)
{
	return &n->kids[i];
}
/* The value for the key that spells word (ynode.word) in a mapping node, or NULL. */
const struct ynode *ynode_word(const struct ynode *map, unsigned word);
/* Whether a plain scalar spells null: empty, "~", "null". */
bool ynode_is_null(const struct ynode *n);
/* The kind of node in words for messages: "text", "list", "mapping". */
const char *ynode_kind_name(const struct ynode *n);

#endif
