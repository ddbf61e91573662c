/*
 * fuzz-mo: message catalogues (.mo), as i18n_mo_check sees a wizard's before trin reads it.  A catalogue
 * it accepts is then used every way trin and glibc use one: every string read to its NUL, each
 * translation's printf arguments compared with its original's (i18n_format_fits), and the hash table
 * searched as glibc's gettext searches it, for every original and for a string not in it; and the header's
 * plural rule read and worked out (plural.h).  A search that would not end (glibc loops until it meets an
 * empty slot) aborts: a finding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "i18n.h"
#include "plural.h"

static uint32_t fuzz_u32(const uint8_t *p, int big)
{
	return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
		   : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* gettext's hash of a string (hash-string.c), as glibc computes it. */
static uint32_t fuzz_hash(const char *s)
{
	unsigned long h = 0, g;
	while (*s) {
		h = (h << 4) + (unsigned char)*s++;
		g = h & (~0UL << 28);
		if (g) {
			h ^= g >> 24;
			h ^= g;
		}
	}
	return (uint32_t)h;
}

/* Search key in the hash table as glibc's find_msg does; abort when the search would go on for ever. */
static void fuzz_search(const uint8_t *d, int big, uint32_t n, uint32_t orig, uint32_t hsize, uint32_t hoff,
			const char *key)
{
	uint32_t h = fuzz_hash(key), idx = h % hsize, incr = 1 + h % (hsize - 2);
	for (uint32_t step = 0;; step++) {
		if (step > hsize)
			abort();
		uint32_t k = fuzz_u32(d + hoff + 4 * (size_t)idx, big);
		if (k == 0)
			return;
		if (k - 1 >= n)
			abort();	/* glibc would read past the table */
		if (strcmp(key, (const char *)d + fuzz_u32(d + orig + 8 * (size_t)(k - 1) + 4, big)) == 0)
			return;
		idx = idx >= hsize - incr ? idx - (hsize - incr) : idx + incr;
	}
}

/* A header's plural rule, as i18n reads it, worked out for counts that pick every form of the rules gettext
 * ships; a form must be below nplurals. */
static void fuzz_plural(const char *header, size_t len)
{
	static const unsigned long counts[] = { 0, 1, 2, 3, 5, 11, 21, 101, 1000000, (unsigned long)-1 };
	struct plural_rule rule;
	if (!plural_rule(header, len, &rule))
		return;
	for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
		unsigned form;
		if (plural_form(&rule, counts[i], &form) && form >= rule.nplurals)
			abort();
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *why;
	/* a copy of exactly size bytes: a read past the end is a sanitizer report */
	uint8_t *d = malloc(size ? size : 1);
	memcpy(d, data, size);
	if (!i18n_mo_check(d, size, &why)) {
		if (!why || !*why)
			abort();
		free(d);
		return 0;
	}
	int big = fuzz_u32(d, 1) == 0x950412deu;
	uint32_t n = fuzz_u32(d + 8, big), orig = fuzz_u32(d + 12, big), trans = fuzz_u32(d + 16, big);
	uint32_t hsize = fuzz_u32(d + 20, big), hoff = fuzz_u32(d + 24, big);
	for (uint32_t i = 0; i < n; i++) {
		const char *o = (const char *)d + fuzz_u32(d + orig + 8 * (size_t)i + 4, big);
		const char *t = (const char *)d + fuzz_u32(d + trans + 8 * (size_t)i + 4, big);
		if (strlen(o) + strlen(t) > size)
			abort();
		(void)i18n_format_fits(o, t);
		if (hsize > 2)
			fuzz_search(d, big, n, orig, hsize, hoff, o);
		if (!*o)	/* the header: its Plural-Forms, read and worked out as trin picks a form */
			fuzz_plural(t, fuzz_u32(d + trans + 8 * (size_t)i, big));
	}
	if (hsize > 2)
		fuzz_search(d, big, n, orig, hsize, hoff, "a string no catalogue has \x01");
	free(d);
	return 0;
}
