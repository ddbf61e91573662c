/*
 * test-wipe: no copy of what a person typed is left in trin's memory once a kiosk has started over, or a
 * line-mode walk has finished.  trin runs in a pseudo-terminal (term.h); a name is typed and shown again
 * with a number on a screen with a glossary term; then the walk is reset, gcore (from gdb) takes a core of the running
 * process, and the core is searched for the name as typed and in lower case.
 *
 *   test-wipe TRIN SOURCE_ROOT
 *
 * Exit 77 (skipped) when gcore is not installed or cannot attach (ptrace not permitted), and under
 * AddressSanitizer.  With TEST_WIPE_KEEP=PREFIX in the environment, a core that holds the name is kept.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "term.h"
#include "test.h"

#define TEST_SKIP 77

/* Typed on the screen; in the core neither it nor its lower case may be found. */
static const char *const test_names[] = { "Qzxjvbnmwk Plokijuhyg", "qzxjvbnmwk plokijuhyg", "Qzxjvbnmwk", "qzxjvbnmwk",
					  "Plokijuhyg", "plokijuhyg", "97531864", "97.531.864" };
/* The number typed, as typed. */
#define TEST_NUMBER "97531864"

static char test_dir[] = "/tmp/trin-wipe-XXXXXX";

/* A core of process pid in test_dir; its path, or NULL when gcore cannot take one. */
static const char *test_core(pid_t pid)
{
	static char core[sizeof test_dir + 32];
	snprintf(core, sizeof core, "%s/core", test_dir);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "gcore -o %s %ld >%s/gcore.log 2>&1", core, (long)pid, test_dir);
	int rc = system(cmd);
	snprintf(core, sizeof core, "%s/core.%ld", test_dir, (long)pid);
	struct stat st;
	if (rc != 0 || stat(core, &st) != 0 || st.st_size == 0)
		return NULL;
	return core;
}

/* How many times needle is in the file at path; its offsets printed. */
static size_t test_count(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t n = strlen(needle), found = 0, cap = 1 << 20, have = 0;
	char *buf = malloc(cap + n);
	long base = 0;
	for (;;) {
		size_t r = fread(buf + have, 1, cap - have, f);
		have += r;
		for (size_t i = 0; i + n <= have; i++)
			if (buf[i] == needle[0] && memcmp(buf + i, needle, n) == 0) {
				printf("  '%s' at offset %ld of the core\n", needle, base + (long)i);
				found++;
			}
		if (r == 0)
			break;
		size_t keep = have >= n ? n - 1 : have;	/* a match across two reads */
		memmove(buf, buf + have - keep, keep);
		base += (long)(have - keep);
		have = keep;
	}
	free(buf);
	fclose(f);
	return found;
}

/* Take a core of t's trin and find no name in it; false when no core could be taken. */
static bool test_search(struct term *t, const char *what)
{
	const char *core = test_core(t->pid);
	if (!core)
		return false;
	size_t found = 0;
	for (size_t i = 0; i < sizeof test_names / sizeof *test_names; i++)
		found += test_count(core, test_names[i]);
	if (found)
		printf("%s: the typed name is still in trin's memory (%zu copies)\n", what, found);
	CHECK_NUM(found, 0);
	if (found && getenv("TEST_WIPE_KEEP")) {	/* to look into: gdb TRIN CORE */
		char kept[128];
		snprintf(kept, sizeof kept, "%s.%s", getenv("TEST_WIPE_KEEP"), what[0] == 'k' ? "kiosk" : "line");
		if (rename(core, kept) == 0)
			printf("  kept as %s\n", kept);
	}
	unlink(core);
	return true;
}

/* The kiosk: a name typed, shown with a glossary term, a summary saved, then a start over. */
static bool test_kiosk_start_over(void)
{
	struct term t;
	char dir[sizeof test_dir + 16];
	snprintf(dir, sizeof dir, "%s/summaries", test_dir);
	mkdir(dir, 0700);
	term_start(&t, 24, 80, (const char *[]){ "--kiosk", "--summary-dir", dir, "tests/screen/wipe.yaml", NULL });
	CHECK(term_wait(&t, "Hvad hedder du?"));
	term_type(&t, test_names[0]);
	CHECK(term_wait(&t, test_names[0]));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Et tal?"));
	term_type(&t, TEST_NUMBER);
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Fuldmagt for Qzxjvbnmwk"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Tak, Qzxjvbnmwk"));
	term_key(&t, VTERM_KEY_FUNCTION(3));	/* a summary written to a file: through a buffer of stdio's */
	CHECK(term_wait(&t, "A summary is saved in"));
	term_key(&t, VTERM_KEY_FUNCTION(10));
	CHECK(term_wait(&t, "Do you want to start over?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad hedder du?"));
	CHECK(term_wait_gone(&t, "Qzxjvbnmwk"));
	term_settle(&t, 200);
	bool ok = test_search(&t, "kiosk start over");
	term_close(&t);
	return ok;
}

/* The kiosk with a repeated group: a name and a number typed in an item, shown in the review, then a start over. */
static bool test_kiosk_group(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--kiosk", "tests/screen/wipe-repeat.yaml", NULL });
	CHECK(term_wait(&t, "Hvad hedder personen?"));
	term_type(&t, test_names[0]);
	CHECK(term_wait(&t, test_names[0]));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Et tal for Qzxjvbnmwk"));
	term_type(&t, TEST_NUMBER);
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "En mere?"));
	term_key(&t, VTERM_KEY_DOWN);
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Qzxjvbnmwk Plokijuhyg (97.531.864)"));
	term_key(&t, VTERM_KEY_FUNCTION(10));
	CHECK(term_wait(&t, "Do you want to start over?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad hedder personen?"));
	CHECK(term_wait_gone(&t, "Qzxjvbnmwk"));
	term_settle(&t, 200);
	bool ok = test_search(&t, "kiosk group start over");
	term_close(&t);
	return ok;
}

/* Line mode: a name typed, the walk finished, back at the menu of two wizards. */
static bool test_line_finished(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--plain", "tests/screen/wipe.yaml", "tests/good/minimal.yaml", NULL });
	CHECK(term_wait(&t, "1. Sletning"));
	term_type(&t, "1\r");
	CHECK(term_wait(&t, "Hvad hedder du?"));
	term_type(&t, test_names[0]);
	term_type(&t, "\r");
	CHECK(term_wait(&t, "Et tal?"));
	term_type(&t, TEST_NUMBER "\r");
	CHECK(term_wait(&t, "Fuldmagt for Qzxjvbnmwk"));
	term_type(&t, "\r");
	CHECK(term_wait(&t, "Tak, Qzxjvbnmwk"));
	term_type(&t, "\r");
	term_settle(&t, 300);
	bool ok = test_search(&t, "line mode finished");
	term_close(&t);
	return ok;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: test-wipe TRIN SOURCE_ROOT\n");
		return 2;
	}
	term_setup(argv[1], argv[2]);
	signal(SIGPIPE, SIG_IGN);
	if (system("command -v gcore >/dev/null 2>&1") != 0) {
		printf("test-wipe: skipped: gcore (from gdb) is not installed\n");
		return TEST_SKIP;
	}
	char asan[512];
	snprintf(asan, sizeof asan, "ldd '%s' 2>/dev/null | grep -q libasan", argv[1]);
	if (system(asan) == 0) {	/* its shadow memory makes a core of terabytes, and its allocator keeps copies */
		printf("test-wipe: skipped: trin is built with AddressSanitizer\n");
		return TEST_SKIP;
	}
	if (!mkdtemp(test_dir))
		return 99;
	bool ok = test_kiosk_start_over();
	if (ok)
		ok = test_kiosk_group();
	if (ok)
		ok = test_line_finished();
	char cmd[128];
	if (!ok) {
		snprintf(cmd, sizeof cmd, "cat %s/gcore.log", test_dir);
		if (system(cmd) != 0)
			printf("(no log)\n");
	}
	snprintf(cmd, sizeof cmd, "rm -rf %s", test_dir);
	if (system(cmd) != 0)
		return 99;
	if (!ok) {
		printf("test-wipe: skipped: gcore could not take a core (is ptrace permitted?)\n");
		return TEST_SKIP;
	}
	return test_done("test-wipe");
}
