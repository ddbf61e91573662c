/*
 * test-stats: the kiosk's statistics file shared by many processes: every line arrives whole, a writer
 * killed mid-line damages at most that line, and the report counts what happened, per wizard and version.
 * A line the kiosk would not write is skipped and counted, and a path that is not a regular file is refused
 * without waiting.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stats-journal.h"
#include "stats.h"
#include "test.h"

#define TEST_WRITERS 8
#define TEST_EVENTS 500

/* The report of path, as text. */
static const char *test_report(const char *path)
{
	static char buf[1 << 20];
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");
	char err[256];
	bool ok = stats_report(path, f, err, sizeof err);
	fclose(f);
	return ok ? buf : "(unreadable)";
}

/* The report of a log of n bytes, written to path first. */
static const char *test_log_bytes(const char *path, const char *log, size_t n)
{
	FILE *f = fopen(path, "w");
	if (!f || fwrite(log, 1, n, f) != n)
		return "(not written)";
	fclose(f);
	const char *r = test_report(path);
	unlink(path);
	return r;
}

/* The report of a log, written to path first. */
static const char *test_log(const char *path, const char *log)
{
	return test_log_bytes(path, log, strlen(log));
}

/* The report of journal entries given as text (stats_journal_report_text), split as by says. */
static const char *test_entries(const char *text, size_t n, enum stats_journal_by by)
{
	static char buf[4096];
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");
	if (!f)
		return "(no memory)";
	stats_journal_report_text(text, n, by, f);
	fflush(f);
	buf[ftell(f)] = '\0';
	fclose(f);
	return buf;
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
				ok = stats_event(s, "virksomhedsform", NULL, i % 2 ? STATS_SHOWN : STATS_GAVE_UP, "haeftelse");
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
	CHECK(stats_event(s, "virksomhedsform", NULL, STATS_END, "slut_aps"));
	stats_close(s);
	const char *r = test_report(path);
	CHECK(strstr(r, "gave up 2000 of 2000 times shown") != NULL);
	CHECK(strstr(r, "ends reached:\n    slut_aps                 1\n") != NULL);	/* the next line is whole */
	CHECK(strstr(r, "(1 damaged lines skipped)") != NULL);

	/* no answer can get in: names are cleaned of tabs and line breaks */
	s = stats_open(path);
	CHECK(stats_event(s, "a\tb", NULL, STATS_END, "c\nd"));
	stats_close(s);
	CHECK(strstr(test_report(path), "a_b\n") != NULL);
	unlink(path);

	/* lines stats_event would never write are skipped and counted, never counted as events */
	CHECK_STR(test_log(path, "garbage\nnot\ta\tstats\tline\n\n"), "no counts\n(3 damaged lines skipped)\n");
	CHECK_STR(test_log(path, ""), "no counts\n");
	CHECK_STR(test_log(path, "trin-stats 1\tw\tshown\ts\textra\ntrin-stats 1\tw\tend\te\t\n"
			  "trin-stats 1\tw\tend\t\ntrin-stats 1\t\tend\te\n"),
		  "no counts\n(4 damaged lines skipped)\n");
	/* a control character or a byte that is not ASCII in a name: skipped, never printed to the terminal */
	CHECK_STR(test_log(path, "trin-stats 1\tw\x1b]0;owned\x07\tshown\ts\ntrin-stats 1\tw\tend\t\x1b[2J\n"
			  "trin-stats 1\tw\tend\t\xc2\x9b\ntrin-stats 1\tw\tend\te e\ntrin-stats 1\tw\tend\tok\n"),
		  "w\n  where people gave up:\n    nowhere\n  ends reached:\n    ok                       1\n"
		  "(4 damaged lines skipped)\n");
	/* a NUL inside a line spoils that line alone */
	CHECK(strstr(test_log_bytes(path, "trin-stats 1\tw\tend\te\0x\ntrin-stats 1\tw\tend\te\n", 44),
		     "    e                        1\n(1 damaged lines skipped)\n") != NULL);
	/* names longer than an id can be: never cut to a common prefix and merged */
	char longer[1024], name[140];
	memset(name, 'x', 127);
	name[127] = '\0';
	snprintf(longer, sizeof longer, "trin-stats 1\tw\tshown\t%sa\ntrin-stats 1\tw\tshown\t%sb\n"
		 "trin-stats 1\tw\tend\t%s\n", name, name, name);
	CHECK_STR(test_log(path, longer), "w\n  where people gave up:\n    nowhere\n  ends reached:\n    "
		  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		  "xxxxxxxxxxxxxxxxxxxxxxxxxxx 1\n(2 damaged lines skipped)\n");
	name[126] = '\0';
	snprintf(longer, sizeof longer, "trin-stats 1\tw\tgaveup\t%sa\ntrin-stats 1\tw\tgaveup\t%sb\n", name, name);
	CHECK(strstr(test_log(path, longer), "a gave up 1 times, but shown only 0") != NULL);
	CHECK(strstr(test_log(path, longer), "b gave up 1 times, but shown only 0") != NULL);
	/* more gave-ups than showings (lines lost, or the file rotated): no percentage over 100 */
	CHECK_STR(test_log(path, "trin-stats 1\tw\tshown\ts\ntrin-stats 1\tw\tgaveup\ts\ntrin-stats 1\tw\tgaveup\ts\n"
			  "trin-stats 1\tw\tshown\tt\ntrin-stats 1\tw\tgaveup\tt\n"),
		  "w\n  where people gave up:\n    s                        gave up 2 times, but shown only 1 (the file is not "
		  "whole)\n    t                        gave up 1 of 1 times shown (100%)\n  ends reached:\n    none\n");

	/* a bounded number of rows: the lines of steps past the limit are counted, not kept */
	FILE *many = fopen(path, "w");
	for (int i = 0; many && i <= 10000; i++)
		fprintf(many, "trin-stats 1\tw\tshown\ts%d\n", i);
	if (many) {
		fputs("trin-stats 1\tw\tgaveup\ts0\n", many);
		fclose(many);
	}
	const char *limited = test_report(path);
	CHECK(strstr(limited, "    s0                       gave up 1 of 1 times shown (100%)\n") != NULL);
	CHECK(strstr(limited, "(1 lines not counted: more than 10000 different steps)\n") != NULL);
	unlink(path);

	/* an event carries its wizard's version, so counts before and after a change are told apart */
	struct stats *vs = stats_open(path);
	CHECK(stats_event(vs, "w", "ffff00000000", STATS_SHOWN, "navn"));
	CHECK(stats_event(vs, "w", "0123456789ab", STATS_GAVE_UP, "navn"));
	CHECK(stats_event(vs, "w", "", STATS_END, "slut"));	/* none: the line of version 1 */
	stats_close(vs);
	char versioned[512] = "";
	FILE *vf = fopen(path, "r");
	if (vf) {
		versioned[fread(versioned, 1, sizeof versioned - 1, vf)] = '\0';
		fclose(vf);
	}
	CHECK_STR(versioned, "trin-stats 2\tw\tffff00000000\tshown\tnavn\ntrin-stats 2\tw\t0123456789ab\tgaveup\tnavn\n"
		  "trin-stats 1\tw\tend\tslut\n");
	unlink(path);
	/* the report: a wizard's versions in the order they came first, each its own; lines without one as before */
	CHECK_STR(test_log(path, "trin-stats 1\tw\tshown\tnavn\ntrin-stats 1\tw\tgaveup\tnavn\n"
			  "trin-stats 2\tw\tffff00000000\tshown\tnavn\ntrin-stats 2\tw\tffff00000000\tend\tslut\n"
			  "trin-stats 2\tw\t0123456789ab\tshown\tnavn\ntrin-stats 2\tw\t0123456789ab\tgaveup\tnavn\n"
			  "trin-stats 2\tw\tffff00000000\tshown\tnavn\n"),
		  "w\n  where people gave up:\n    navn                     gave up 1 of 1 times shown (100%)\n"
		  "  ends reached:\n    none\n"
		  "w, version ffff00000000\n  where people gave up:\n    nowhere\n  ends reached:\n"
		  "    slut                     1\n"
		  "w, version 0123456789ab\n  where people gave up:\n    navn                     gave up 1 of 1 times shown (100%)\n"
		  "  ends reached:\n    none\n");
	/* a version line stats_event would not write: too few or many fields, no version, one that is not a name */
	char vlong[200];
	snprintf(vlong, sizeof vlong, "trin-stats 2\tw\t%065d\tend\te\n", 0);
	char vlog[1024];
	snprintf(vlog, sizeof vlog, "trin-stats 2\tw\tend\te\ntrin-stats 2\tw\tv\tend\te\tx\ntrin-stats 2\tw\t\tend\te\n"
		 "trin-stats 2\tw\tv\x1b[2J\tend\te\ntrin-stats 2\tw\tv v\tend\te\n%strin-stats 2\tw\tv\tlost\te\n"
		 "trin-stats 1\tw\tv\tend\te\ntrin-stats 2\tw\tv\tend\te\n", vlong);
	CHECK_STR(test_log(path, vlog), "w, version v\n  where people gave up:\n    nowhere\n  ends reached:\n"
		  "    e                        1\n(8 damaged lines skipped)\n");

	/* anything but a regular file is refused, without waiting on it: a FIFO, a folder, a device */
	char err[256];
	CHECK(mkfifo(path, 0600) == 0);
	FILE *null = fopen("/dev/null", "w");
	CHECK(!stats_report(path, null, err, sizeof err));
	CHECK_STR(err, "is not a regular file");
	errno = 0;
	CHECK(stats_open(path) == NULL);	/* the kiosk would block once the pipe is full */
	CHECK_NUM(errno, EINVAL);
	CHECK_STR(stats_strerror(errno), "is not a regular file");	/* what the kiosk says, not "Invalid argument" */
	unlink(path);
	CHECK(mkdir(path, 0700) == 0);
	CHECK(!stats_report(path, null, err, sizeof err));
	CHECK(stats_open(path) == NULL);
	CHECK_NUM(errno, EISDIR);
	rmdir(path);
	CHECK(!stats_report("/dev/zero", null, err, sizeof err));
	CHECK_STR(err, "is not a regular file");
	fclose(null);

	/* the counts of another format (the journal's entries): what stats_event would not write is skipped */
	struct stats_counts *c = stats_counts_new();
	CHECK(stats_counts_add(c, "w", "v1", "shown", "navn"));
	CHECK(stats_counts_add(c, "w", "v1", "gaveup", "navn"));
	CHECK(stats_counts_add(c, "w", "", "end", "slut"));	/* no version: under the wizard's name alone */
	CHECK(!stats_counts_add(c, "w", "v1", "clicked", "navn"));	/* an event trin has not */
	CHECK(!stats_counts_add(c, "", "", "", ""));	/* fields missing */
	CHECK(!stats_counts_add(c, "w", "v 1", "shown", "navn"));	/* a version trin does not write */
	CHECK(!stats_counts_add(c, "w\x1b[2J", "v1", "shown", "navn"));	/* never printed to the terminal */
	CHECK_NUM(stats_counts_total(c), 3);
	char counted[512];
	FILE *cf = fmemopen(counted, sizeof counted - 1, "w");
	stats_counts_print_free(c, cf, "damaged", "entries");
	fflush(cf);
	counted[ftell(cf)] = '\0';
	fclose(cf);
	CHECK_STR(counted, "w, version v1\n  where people gave up:\n    navn                     gave up 1 of 1 times "
		  "shown (100%)\n  ends reached:\n    none\nw\n  where people gave up:\n    nowhere\n  ends reached:\n"
		  "    slut                     1\n(4 damaged entries skipped)\n");

	/* journal entries as text: only trin's MESSAGE_ID counts; a field missing, doubled or not one trin writes */
#define ID "MESSAGE_ID=" STATS_JOURNAL_ID "\n"
	static const char entries[] =
		ID "_HOSTNAME=a\nTRIN_WIZARD=w\nTRIN_VERSION=v1\nTRIN_EVENT=shown\nTRIN_STEP=navn\n\n"
		ID "_HOSTNAME=a\nTRIN_WIZARD=w\nTRIN_VERSION=v1\nTRIN_EVENT=gaveup\nTRIN_STEP=navn\n\n"
		"MESSAGE_ID=00000000000000000000000000000000\nTRIN_WIZARD=w\nTRIN_EVENT=end\nTRIN_STEP=x\n\n"
		"MESSAGE_ID=" STATS_JOURNAL_ID "0\nTRIN_WIZARD=w\nTRIN_EVENT=end\nTRIN_STEP=x\n\n"
		ID "_HOSTNAME=b\nTRIN_WIZARD=w\nTRIN_EVENT=end\nTRIN_STEP=slut\n\n\n\n"
		ID "_HOSTNAME=b\nTRIN_WIZARD=w\nTRIN_EVENT=end\n\n"
		ID "_HOSTNAME=b\nTRIN_WIZARD=w\nTRIN_VERSION=v 1\nTRIN_EVENT=end\nTRIN_STEP=slut\n\n"
		ID "_HOSTNAME=\x1b[2J\nTRIN_WIZARD=w\nTRIN_EVENT=end\nTRIN_STEP=slut\n\n"
		ID "TRIN_WIZARD=w\nTRIN_EVENT=end\nTRIN_STEP=sl\0t\n\n"
		ID "TRIN_WIZARD=w\nTRIN_EVENT=end\nTRIN_STEP=slut";	/* the last entry, cut before its line end */
#undef ID
	CHECK_STR(test_entries(entries, sizeof entries - 1, STATS_BY_NONE),
		  "5 events\nw, version v1\n  where people gave up:\n    navn                     gave up 1 of 1 times "
		  "shown (100%)\n  ends reached:\n    none\nw\n  where people gave up:\n    nowhere\n  ends reached:\n"
		  "    slut                     3\n(3 damaged entries skipped)\n");
	CHECK_STR(test_entries(entries, sizeof entries - 1, STATS_BY_HOST),
		  "machine a: 2 events\nw, version v1\n  where people gave up:\n    navn                     gave up 1 of 1 "
		  "times shown (100%)\n  ends reached:\n    none\n\nmachine b: 1 events\nw\n  where people gave up:\n"
		  "    nowhere\n  ends reached:\n    slut                     1\n(2 damaged entries skipped)\n\n"
		  "machine (unknown): 2 events\nw\n  where people gave up:\n    nowhere\n  ends reached:\n"
		  "    slut                     2\n(1 damaged entries skipped)\n");
	CHECK_STR(test_entries("", 0, STATS_BY_NONE), "0 events\nno counts\n");
	return test_done("test-stats");
}
