/*
 * test-util: unit tests of the arena, the string map, edit distance and diagnostics.
 * Prints each failing check with its line; exits non-zero when any check failed.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "diag.h"
#include "util.h"

#include "test.h"

static void test_arena(void)
{
	struct arena a = { 0 };
	char *s = arena_strdup(&a, "hej");
	CHECK(strcmp(s, "hej") == 0);
	CHECK(((uintptr_t)s & 15) == 0);
	/* a request bigger than a chunk gets its own, and the current chunk keeps filling */
	unsigned char *big = arena_alloc(&a, 1 << 20);
	CHECK(big[0] == 0 && big[(1 << 20) - 1] == 0);
	char *t = arena_strdup(&a, "efter");
	CHECK(strcmp(t, "efter") == 0);
	CHECK(strcmp(s, "hej") == 0);
	char *p = arena_printf(&a, "%s-%d", "trin", 42);
	CHECK(strcmp(p, "trin-42") == 0);
	/* longer than the small buffer inside arena_printf */
	char *long_ = arena_printf(&a, "%0300d", 7);
	CHECK(strlen(long_) == 300 && long_[299] == '7' && long_[0] == '0');
	CHECK(strcmp(arena_strndup(&a, "abcdef", 3), "abc") == 0);
	/* strings are packed, and what comes after one is aligned and zeroed all the same */
	char *u = arena_strdup(&a, "x"), *v = arena_strdup(&a, "y");
	CHECK(v == u + 2);
	unsigned char *after = arena_alloc(&a, 40);
	CHECK(((uintptr_t)after & 15) == 0 && after[0] == 0 && after[39] == 0);
	int nonzero = 0;
	for (int i = 0; i < 10000; i++)
		nonzero += *(int *)arena_alloc(&a, sizeof(int)) != 0;
	CHECK(nonzero == 0);
	arena_free(&a);
	CHECK(a.head == NULL && a.total == 0);
	arena_free(&a);	/* twice is harmless */
}

static void test_strmap(void)
{
	struct strmap m = { 0 };
	CHECK(strmap_get(&m, "x") == -1);
	static char keys[5000][8];
	for (int i = 0; i < 5000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		CHECK(strmap_put(&m, keys[i], i));
	}
	CHECK(m.n == 5000);
	CHECK(!strmap_put(&m, "k17", 99));
	CHECK(strmap_get(&m, "k17") == 17);
	/* add: the value a key has, or INT_MIN once it is put in; a negative value is a value like any */
	CHECK(strmap_add(&m, "k42", 7) == 42 && strmap_get(&m, "k42") == 42);
	CHECK(strmap_add(&m, "ny", -3) == INT_MIN && strmap_get(&m, "ny") == -3 && m.n == 5001);
	CHECK(strmap_add(&m, "ny", 5) == -3);
	int found = 0;
	for (int i = 0; i < 5000; i++)
		found += strmap_get(&m, keys[i]) == i;
	CHECK(found == 5000);
	CHECK(strmap_get(&m, "k5000") == -1);
	strmap_free(&m);
	CHECK(m.n == 0 && strmap_get(&m, "k1") == -1);
}

static void test_printable_span(void)
{
	/* every byte value at every place of a 19-byte run, the others printable, both ends of the range */
	unsigned char b[19];
	int wrong = 0;
	for (size_t at = 0; at < sizeof b; at++) {
		for (int v = 0; v < 256; v++) {
			for (int fill = 0x20; fill <= 0x7E; fill += 0x5E) {
				memset(b, fill, sizeof b);
				b[at] = (unsigned char)v;
				size_t want = v >= 0x20 && v < 0x7F ? sizeof b : at;
				wrong += util_printable_span(b, sizeof b) != want;
			}
		}
	}
	CHECK(wrong == 0);
	/* two bytes set, each of the edges: a carry or a borrow from the later never hides the earlier */
	static const unsigned char edge[] = { 0x00, 0x01, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFE, 0xFF };
	unsigned char c[16];
	wrong = 0;
	for (size_t i = 0; i < sizeof c; i++)
		for (size_t j = i + 1; j < sizeof c; j++)
			for (size_t x = 0; x < sizeof edge; x++)
				for (size_t y = 0; y < sizeof edge; y++) {
					memset(c, 0x20, sizeof c);
					c[i] = edge[x];
					c[j] = edge[y];
					size_t want = 0;
					while (want < sizeof c && c[want] >= 0x20 && c[want] < 0x7F)
						want++;
					wrong += util_printable_span(c, sizeof c) != want;
					wrong += util_printable8(c) > (want < 8 ? want : 8);
				}
	CHECK(wrong == 0);
	CHECK(util_printable_span("", 0) == 0);
	CHECK(util_printable_span("abc\ndef", 7) == 3);
	CHECK(util_printable_span("Sp\xC3\xB8rgsm\xC3\xA5l", 12) == 2);
}

static void test_distance(void)
{
	CHECK(util_edit_distance("kapital", "kapital", 2) == 0);
	CHECK(util_edit_distance("kapitl", "kapital", 2) == 1);
	CHECK(util_edit_distance("titel", "title", 2) == 1);	/* a transposition counts once */
	CHECK(util_edit_distance("abc", "xyz", 2) == 3);	/* beyond the limit: limit + 1 */
	CHECK(util_edit_distance("a", "abcdefgh", 2) == 3);
	CHECK(util_edit_distance("", "", 0) == 0);
}

static void test_diag(void)
{
	struct diags d = { 0 };
	diag_error(&d, ((struct loc){ "b.yaml", 1, 1 }), "third");
	diag_error(&d, ((struct loc){ "a.yaml", 9, 2 }), "second %d", 2);
	diag_warning(&d, ((struct loc){ "a.yaml", 3, 7 }), "first");
	diag_error(&d, ((struct loc){ "a.yaml", 9, 2 }), "second, same place, later");
	CHECK(d.errors == 3 && d.warnings == 1 && d.n == 4);
	diag_sort(&d);
	CHECK(strcmp(d.v[0].msg, "first") == 0);
	CHECK(strcmp(d.v[1].msg, "second 2") == 0);
	CHECK(strcmp(d.v[2].msg, "second, same place, later") == 0);
	CHECK(strcmp(d.v[3].msg, "third") == 0);

	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag_print(&d, f);
	fclose(f);
	CHECK(strcmp(buf, "a.yaml:3:7: warning: first\n"
			  "a.yaml:9:2: error: second 2\n"
			  "a.yaml:9:2: error: second, same place, later\n"
			  "b.yaml:1:1: error: third\n") == 0);
	free(buf);
	diag_free(&d);

	/* the list stops growing and says how much it left out */
	for (int i = 0; i < DIAG_MAX + 50; i++)
		diag_error(&d, ((struct loc){ "c.yaml", i + 1, 1 }), "problem %d", i);
	CHECK(d.n == DIAG_MAX && d.dropped == 50 && d.errors == DIAG_MAX + 50);
	CHECK(diag_full(&d));
	f = open_memstream(&buf, &len);
	diag_print(&d, f);
	fclose(f);
	CHECK(strstr(buf, "c.yaml: note: 50 more problems not shown\n") != NULL);
	free(buf);
	diag_free(&d);

	/* locations inside a text: lines by '\n', columns in characters */
	struct loc at = diag_loc_advance((struct loc){ "x", 4, 10 }, "æø {x}\nab {y}", 5);
	CHECK(at.line == 4 && at.col == 13);
	at = diag_loc_advance((struct loc){ "x", 4, 10 }, "æø {x}\nab {y}", 12);
	CHECK(at.line == 5 && at.col == 4);
}

/* Real dates of the Gregorian calendar, and the one spelling "YYYY-MM-DD". */
static void test_dates(void)
{
	CHECK(util_date_real(2028, 2, 29));
	CHECK(util_date_real(2000, 2, 29));
	CHECK(!util_date_real(1900, 2, 29));
	CHECK(!util_date_real(2026, 2, 29));
	CHECK(!util_date_real(2026, 4, 31));
	CHECK(!util_date_real(0, 1, 1));
	CHECK(util_date_iso("2026-11-30"));
	CHECK(!util_date_iso("2026-11-31"));
	CHECK(!util_date_iso("30-11-2026"));
	CHECK(!util_date_iso("2026-+1-30"));
	CHECK(!util_date_iso("2026-11-300"));
	CHECK(!util_date_iso("2026-11- 3"));
}

/* Faulting memory in ahead changes nothing in it, moves ready on by a stretch, and skips small memory. */
static void test_prefault(void)
{
	size_t size = 3u << 20, ready = 0;
	unsigned char *p = xmalloc(size);
	for (size_t i = 0; i < size; i++)
		p[i] = (unsigned char)(i * 7);
	util_prefault(p, size, 100, &ready);
#ifdef MADV_POPULATE_WRITE
	CHECK(ready > 100 && ready < size);	/* a stretch ahead, not the whole */
#else
	CHECK(ready == size);	/* nothing to ask: done with */
#endif
	size_t was = ready;
	util_prefault(p, size, 200, &ready);	/* still inside what was done: nothing */
	CHECK(ready == was);
	util_prefault(p, size, size, &ready);
	CHECK(ready == size);
	int wrong = 0;
	for (size_t i = 0; i < size; i++)
		wrong += p[i] != (unsigned char)(i * 7);
	CHECK(wrong == 0);
	free(p);
	size_t small = 0;
	char tiny[64] = "x";
	util_prefault(tiny, sizeof tiny, 1, &small);
	CHECK(small == sizeof tiny && tiny[0] == 'x');	/* done with at once */
	/* a large arena is zeroed as ever */
	struct arena a = { 0 };
	size_t nonzero = 0;
	for (int i = 0; i < 4000; i++) {
		const unsigned char *q = arena_alloc(&a, 1000);
		for (size_t k = 0; k < 1000; k++)
			nonzero += q[k] != 0;
	}
	CHECK(nonzero == 0);
	arena_free(&a);
}

int main(void)
{
	test_arena();
	test_strmap();
	test_prefault();
	test_printable_span();
	test_distance();
	test_diag();
	test_dates();
	return test_done("test-util");
}
