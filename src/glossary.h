/*
 * glossary: where a wizard's glossary terms occur in a text the person reads.  A term is found without
 * regard to case, at the start of a word, with any ending after it (Danish "hæftelsen" for "hæftelse").
 * The terms are taken as translated by the frontend's translate function.  No terminal: the full screen
 * marks what this finds, line mode explains it.
 */
#ifndef TRIN_GLOSSARY_H
#define TRIN_GLOSSARY_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/*
 * Strings sorted so that the ones a text starts with at a given place are found in steps of the string's
 * length, not of how many strings there are: a wizard may have tens of thousands of glossary terms.
 */
struct glossary_index {
	char *const *s;		/* borrowed: the strings, NULL ones left out */
	size_t *order;		/* indices into s of the non-empty strings, sorted by their bytes */
	size_t n;		/* how many are in order */
};

/* Index the n strings of s (which must outlive the index; NULL and empty ones are never found). */
void glossary_index_init(struct glossary_index *x, char *const *s, size_t n);
void glossary_index_free(struct glossary_index *x);
/* Call found(ctx, i, len) for each string s[i] that the n bytes at p start with, shortest first. */
void glossary_index_find(const struct glossary_index *x, const char *p, size_t n,
			 void (*found)(void *ctx, size_t i, size_t len), void *ctx);

/* A wizard's terms in lower case, in the order of its glossary; owned, freed by glossary_terms_free. */
struct glossary_terms {
	char **lower;	/* NULL for a term that could not be case-mapped */
	size_t n;
	struct glossary_index index;
};

/* The terms of w, translated (translate may be NULL) and in lower case. */
void glossary_terms_init(struct glossary_terms *t, const struct wizard *w,
			 const char *(*translate)(void *ctx, const char *), void *ctx);
void glossary_terms_free(struct glossary_terms *t);

/*
 * Find the terms in the n bytes of s: set seen[i] (of t->n) for each term i found, and, when mark is not
 * NULL, mark[k] for each byte k of s that is part of one.
 */
void glossary_terms_find(const struct glossary_terms *t, const char *s, size_t n, bool *mark, bool *seen);

#endif
