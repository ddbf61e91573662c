/*
 * test.h: the checks of the unit tests.  Each test program is one file that includes this once.
 * A failing check prints its file, line and what was expected; test_done() prints the closing count
 * and gives main's return value.
 */
#ifndef TRIN_TEST_H
#define TRIN_TEST_H

#include <stdio.h>
#include <string.h>

static int test_checks, test_failed;

#define CHECK(cond)                                                                   \
	do {                                                                          \
		test_checks++;                                                        \
		if (!(cond)) {                                                        \
			test_failed++;                                                \
			printf("%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                     \
	} while (0)

#define CHECK_STR(got, want) test_check_str(__FILE__, __LINE__, #got, (got), (want))
#define CHECK_NUM(got, want) test_check_num(__FILE__, __LINE__, #got, (long long)(got), (long long)(want))

static inline void test_check_str(const char *file, int line, const char *what, const char *got, const char *want)
{
	test_checks++;
	if (strcmp(got, want) != 0) {
		test_failed++;
		printf("%s:%d: check failed: %s\n  got   %s\n  want  %s\n", file, line, what, got, want);
	}
}

static inline void test_check_num(const char *file, int line, const char *what, long long got, long long want)
{
	test_checks++;
	if (got != want) {
		test_failed++;
		printf("%s:%d: check failed: %s\n  got   %lld\n  want  %lld\n", file, line, what, got, want);
	}
}

/* Write s to path, whole; a file that cannot be opened is a failed check. */
static inline void test_write(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(s, f);
		fclose(f);
	}
}

/* Print "NAME: N checks, M failed"; the exit status for main. */
static inline int test_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, test_checks, test_failed);
	return test_failed != 0;
}

#endif
