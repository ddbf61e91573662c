/*
 * test-stats: the kiosk's statistics file shared by many processes: every line arrives whole, a writer
 * killed mid-line damages at most that line, and the report counts what happened.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stats.h"
#include "test.h"

#define TEST_WRITERS 8
#define TEST_EVENTS 500

/* The report of path, as text. */
static const char *test_report(const char *path)
{
	static char buf[8192];
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");
	char err[256];
	bool ok = stats_report(path, f, err, sizeof err);
	fclose(f);
	return ok ? buf : "(unreadable)";
}

int main(void)
{
	char path[] = "/tmp/trin-stats-test-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);

	/* many processes at once, each with its own open file, as many kiosks would */
	for (int w = 0; w < TEST_WRITERS; w++) {
		pid_t pid = fork();
		if (pid == 0) {
			struct stats *s = stats_open(path);
			bool ok = s != NULL;
			for (int i = 0; i < TEST_EVENTS && ok; i++)
				ok = stats_event(s, "virksomhedsform", i % 2 ? STATS_SHOWN : STATS_GAVE_UP, "haeftelse");
			stats_close(s);
			_exit(ok ? 0 : 1);
		}
	}
	int failed = 0;
	for (int w = 0; w < TEST_WRITERS; w++) {
		int st;
		wait(&st);
		failed += !WIFEXITED(st) || WEXITSTATUS(st) != 0;
	}
	CHECK_NUM(failed, 0);
	FILE *f = fopen(path, "r");
	char line[512];
	int lines = 0, whole = 0;
	while (f && fgets(line, sizeof line, f)) {
		lines++;
		whole += strcmp(line, "trin-stats 1\tvirksomhedsform\tshown\thaeftelse\n") == 0 ||
			 strcmp(line, "trin-stats 1\tvirksomhedsform\tgaveup\thaeftelse\n") == 0;
	}
	if (f)
		fclose(f);
	CHECK_NUM(lines, TEST_WRITERS * TEST_EVENTS);
	CHECK_NUM(whole, TEST_WRITERS * TEST_EVENTS);
	CHECK(strstr(test_report(path), "haeftelse                gave up 2000 of 2000 times shown (100%)") != NULL);

	/* a writer killed in the middle of a line: the line is skipped and counted, nothing else is lost */
	fd = open(path, O_WRONLY | O_APPEND);
	CHECK(fd >= 0 && write(fd, "trin-stats 1\tvirksomhedsform\tsho", 32) == 32);
	close(fd);
	struct stats *s = stats_open(path);
	CHECK(stats_event(s, "virksomhedsform", STATS_END, "slut_aps"));
	stats_close(s);
	const char *r = test_report(path);
	CHECK(strstr(r, "gave up 2000 of 2000 times shown") != NULL);
	CHECK(strstr(r, "ends reached:\n    slut_aps                 1\n") != NULL);	/* the next line is whole */
	CHECK(strstr(r, "(1 damaged lines skipped)") != NULL);

	/* no answer can get in: names are cleaned of tabs and line breaks */
	s = stats_open(path);
	CHECK(stats_event(s, "a\tb", STATS_END, "c\nd"));
	stats_close(s);
	CHECK(strstr(test_report(path), "a_b\n") != NULL);
	unlink(path);
	return test_done("test-stats");
}
