/*
 * glossary: glossary terms in a text.  See glossary.h.
 *
 * The text is case-mapped whole (libunistring) and searched for each term; when the mapping changes the
 * length in bytes, offsets no longer match and nothing is found rather than something wrong.
 */
#include "glossary.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>

#include "util.h"

static char *glossary_lower(const char *s, size_t n, size_t *outlen)
{
	if (util_printable_span(s, n) == n) {	/* printable ASCII: case-mapped byte by byte, as Unicode does */
		char *out = xmalloc(n + 1);
		for (size_t i = 0; i < n; i++)
			out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
		out[n] = '\0';
		*outlen = n;
		return out;
	}
	size_t len = 0;
	uint8_t *l = u8_tolower((const uint8_t *)s, n, NULL, NULL, NULL, &len);
	if (!l)
		return NULL;
	char *out = xstrndup((const char *)l, len);
	explicit_bzero(l, len);	/* a text may show an answer */
	free(l);
	*outlen = len;
	return out;
}

void glossary_terms_init(struct glossary_terms *t, const struct wizard *w,
			 const char *(*translate)(void *ctx, const char *), void *ctx)
{
	t->n = w->nglossary;
	t->lower = xcalloc(t->n ? t->n : 1, sizeof *t->lower);
	for (size_t i = 0; i < t->n; i++) {
		const char *term = translate ? translate(ctx, w->glossary[i].term) : w->glossary[i].term;
		size_t len;
		t->lower[i] = glossary_lower(term, strlen(term), &len);
	}
}

void glossary_terms_free(struct glossary_terms *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->lower[i]);
	free(t->lower);
	t->lower = NULL;
	t->n = 0;
}

static bool glossary_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

void glossary_terms_find(const struct glossary_terms *t, const char *s, size_t n, bool *mark, bool *seen)
{
	if (!t->n)	/* no terms: nothing to case-map the text for */
		return;
	size_t llen;
	char *l = glossary_lower(s, n, &llen);
	if (!l)
		return;
	for (size_t k = 0; llen == n && k < t->n; k++) {
		const char *term = t->lower[k];
		size_t tl = term ? strlen(term) : 0;
		for (size_t i = 0; tl && i + tl <= n; i++) {
			if ((i == 0 || !glossary_letter((unsigned char)l[i - 1])) && memcmp(l + i, term, tl) == 0) {
				for (size_t b = i; mark && b < i + tl; b++)
					mark[b] = true;
				seen[k] = true;
				i += tl - 1;
			}
		}
	}
	xfree_wiped(l);
}
