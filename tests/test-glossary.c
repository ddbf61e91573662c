/*
 * test-glossary: the indexed matcher of glossary terms (glossary.h) finds what one scan per term found:
 * the same terms and the same marked bytes on chosen texts and on many random ones, for the screens (at
 * the start of a word) and for trin check (anywhere, as strstr finds).
 */
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "glossary.h"
#include "test.h"
#include "util.h"

static bool test_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The matcher as it was: every term scanned over the lowered text (l, of n bytes). */
static void test_reference(char **lower, size_t nterms, const char *l, size_t n, bool *mark, bool *seen)
{
	for (size_t k = 0; k < nterms; k++) {
		const char *term = lower[k];
		size_t tl = term ? strlen(term) : 0;
		for (size_t i = 0; tl && i + tl <= n; i++) {
			if ((i == 0 || !test_letter((unsigned char)l[i - 1])) && memcmp(l + i, term, tl) == 0) {
				for (size_t b = i; b < i + tl; b++)
					mark[b] = true;
				seen[k] = true;
				i += tl - 1;
			}
		}
	}
}

static bool *test_anywhere_found;

static void test_anywhere(void *ctx, size_t i, size_t len)
{
	(void)ctx;
	(void)len;
	test_anywhere_found[i] = true;
}

/* Both matchers on text s (already lower case) with the given terms; false on the first difference. */
static bool test_same(const char *const *terms, size_t nterms, const char *s)
{
	struct glossary_entry *g = xcalloc(nterms ? nterms : 1, sizeof *g);
	for (size_t i = 0; i < nterms; i++)
		g[i].term = terms[i];
	struct wizard w = { 0 };
	w.glossary = g;
	w.nglossary = nterms;
	struct glossary_terms t;
	glossary_terms_init(&t, &w, NULL, NULL);
	size_t n = strlen(s);
	bool *mark = xcalloc(n + 1, 1), *seen = xcalloc(nterms + 1, 1);
	bool *rmark = xcalloc(n + 1, 1), *rseen = xcalloc(nterms + 1, 1);
	glossary_terms_find(&t, s, n, mark, seen);
	test_reference(t.lower, t.n, s, n, rmark, rseen);
	bool same = memcmp(mark, rmark, n) == 0 && memcmp(seen, rseen, nterms) == 0;
	/* anywhere, as trin check looks: what strstr finds */
	test_anywhere_found = xcalloc(nterms + 1, 1);
	for (size_t at = 0; at < n; at++)
		glossary_index_find(&t.index, s + at, n - at, test_anywhere, NULL);
	for (size_t k = 0; k < nterms; k++)
		same &= test_anywhere_found[k] == (t.lower[k] && *t.lower[k] && strstr(s, t.lower[k]) != NULL);
	if (!same)
		printf("differs on '%s'\n", s);
	free(test_anywhere_found);
	free(mark);
	free(seen);
	free(rmark);
	free(rseen);
	glossary_terms_free(&t);
	free(g);
	return same;
}

static void test_chosen(void)
{
	const char *terms[] = { "skat", "skattekort", "Hæftelse", "a a", "selskab", "ApS", "skat", "", "æ", "a" };
	size_t n = sizeof terms / sizeof *terms;
	CHECK(test_same(terms, n, "skattekortet og skat"));
	CHECK(test_same(terms, n, "hæftelsen for et aps-selskab"));
	CHECK(test_same(terms, n, "a a a a"));	/* a term found again only after its match */
	CHECK(test_same(terms, n, "kulskat, skat-skat, (skat)"));
	CHECK(test_same(terms, n, ""));
	CHECK(test_same(terms, n, "æ æææ øæ"));
	CHECK(test_same(terms, 0, "skat"));
}

/* Random terms and texts over a small alphabet, so that terms share prefixes and overlap often. */
static void test_random(void)
{
	static const char *const alphabet[] = { "a", "b", "c", " ", "-", "\xC3\xA6", "\xC3\xB8", "1" };
	unsigned seed = 12345;
	int differ = 0;
	for (int round = 0; round < 300; round++) {
		char *terms[40];
		size_t nterms = (size_t)(round % 40);
		for (size_t k = 0; k < nterms; k++) {
			char buf[64] = "";
			int len = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 5;
			for (int c = 0; c < len; c++)
				strcat(buf, alphabet[((seed = seed * 1103515245 + 12345) >> 16) % 8]);
			terms[k] = xstrdup(buf);
		}
		char text[512] = "";
		int len = (int)((seed = seed * 1103515245 + 12345) >> 16) % 80;
		for (int c = 0; c < len; c++)
			strcat(text, alphabet[((seed = seed * 1103515245 + 12345) >> 16) % 8]);
		differ += !test_same((const char *const *)terms, nterms, text);
		for (size_t k = 0; k < nterms; k++)
			free(terms[k]);
	}
	CHECK_NUM(differ, 0);
}

/* A letter whose lower case is longer or shorter in bytes (Turkish 'İ' is 2 bytes, 'i' 1) moves no mark. */
static void test_mapped(void)
{
	struct glossary_entry g[] = { { .term = "sorumluluk" }, { .term = "İzin" } };
	struct wizard w = { 0 };
	w.glossary = g;
	w.nglossary = 2;
	struct glossary_terms t;
	glossary_terms_init(&t, &w, NULL, NULL);
	const char *s = "İki tür erişim var: sorumluluk ve izin.";
	size_t n = strlen(s);
	bool *mark = xcalloc(n + 1, 1), seen[2] = { false, false };
	glossary_terms_find(&t, s, n, mark, seen);
	CHECK(seen[0] && seen[1]);
	const char *at = strstr(s, "sorumluluk"), *iz = strstr(s, "izin");
	size_t marked = 0;
	for (size_t b = 0; b < n; b++)
		marked += mark[b];
	CHECK_NUM(marked, strlen("sorumluluk") + strlen("izin"));
	CHECK(mark[at - s] && mark[at - s + 9] && !mark[at - s + 10] && !mark[at - s - 1]);
	CHECK(mark[iz - s] && mark[iz - s + 3] && !mark[0]);
	free(mark);
	glossary_terms_free(&t);
}

/*
 * Arabic: a term found after the letters joined in front of a word (و، ف، ب، ل، ك، س, one or two) and the
 * article ال, only the term marked.
 */
static void test_arabic(void)
{
	struct glossary_entry g[] = { { .term = "\xD8\xA7\xD9\x84\xD9\x85\xD9\x83\xD8\xAA\xD8\xA8" },	/* المكتب */
				      { .term = "\xD8\xB1\xD8\xB3\xD9\x88\xD9\x85" } };			/* رسوم */
	struct wizard w = { 0 };
	w.glossary = g;
	w.nglossary = 2;
	struct glossary_terms t;
	glossary_terms_init(&t, &w, NULL, NULL);
	static const struct {
		const char *text;
		bool office, fees;
		size_t marked;	/* bytes */
	} cases[] = {
		{ "\xD9\x88\xD8\xA7\xD9\x84\xD9\x85\xD9\x83\xD8\xAA\xD8\xA8", true, false, 12 },	/* والمكتب */
		{ "\xD9\x88\xD8\xA8\xD8\xB1\xD8\xB3\xD9\x88\xD9\x85", false, true, 8 },		/* وبرسوم: two in front */
		{ "\xD8\xAA\xD8\xB1\xD8\xB3\xD9\x88\xD9\x85", false, false, 0 },			/* ترسوم: ت is no such letter */
		{ "\xD9\x88\xD9\x88\xD9\x88\xD8\xB1\xD8\xB3\xD9\x88\xD9\x85", false, false, 0 },	/* three in front: no */
		{ "x\xD8\xA8\xD8\xB1\xD8\xB3\xD9\x88\xD9\x85", false, false, 0 },			/* not at a word's start */
		{ "\xD9\x88\xD8\xA8\xD8\xA7\xD9\x84\xD8\xB1\xD8\xB3\xD9\x88\xD9\x85", false, true, 8 },	/* وبالرسوم: and the article */
		{ "\xD9\x84\xD9\x84\xD8\xB1\xD8\xB3\xD9\x88\xD9\x85", false, true, 8 },		/* للرسوم: li and al- as one */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = strlen(cases[i].text), marked = 0;
		bool *mark = xcalloc(n + 1, 1), seen[2] = { false, false };
		glossary_terms_find(&t, cases[i].text, n, mark, seen);
		for (size_t b = 0; b < n; b++)
			marked += mark[b];
		CHECK(seen[0] == cases[i].office && seen[1] == cases[i].fees);
		CHECK_NUM(marked, cases[i].marked);
		CHECK(!mark[0] || !cases[i].marked);	/* the letters in front are not marked */
		free(mark);
	}
	glossary_terms_free(&t);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_chosen();
	test_random();
	test_mapped();
	test_arabic();
	return test_done("test-glossary");
}
