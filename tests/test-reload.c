/*
 * test-reload: a kiosk's wizard files kept in step (reload.h), by a clock the test gives.  A change is
 * loaded once the file has been still, and only when the kiosk asks between people; a version that does not
 * load leaves the last good one, said in a note with the reasons; the same bytes again change nothing; a
 * file that never loaded is offered once it does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "reload.h"
#include "test.h"

static char reload_dir[] = "/tmp/trin-reload-XXXXXX";

/* Write text to path by a new file renamed over it, as apt and config management do. */
static void test_save(const char *path, const char *text)
{
	char tmp[128];
	snprintf(tmp, sizeof tmp, "%s.new", path);
	FILE *f = fopen(tmp, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
	CHECK(rename(tmp, path) == 0);
}

/* The wizard text whose title is title. */
static const char *test_wizard(const char *title)
{
	static char buf[256];
	snprintf(buf, sizeof buf, "trin: 1\nid: w\ntitle: %s\nlanguage: en\nsteps:\n  - id: done\n    type: end\n"
		 "    title: Done\n", title);
	return buf;
}

/* The text of the notes and diagnostics in d, one a line, and d emptied. */
static const char *test_log(struct diags *d)
{
	static char buf[2048];
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");
	diag_print(d, f);
	fclose(f);
	diag_free(d);
	return buf;
}

int main(void)
{
	if (!mkdtemp(reload_dir)) {
		perror("mkdtemp");
		return 1;
	}
	char a[64], b[64];
	snprintf(a, sizeof a, "%s/a.yaml", reload_dir);
	snprintf(b, sizeof b, "%s/b.yaml", reload_dir);
	test_save(a, test_wizard("First"));
	test_save(b, "trin: 1\nid: b\n");	/* does not load */
	char *files[] = { a, b };
	struct reload r = { 0 };
	struct diags held = { 0 };
	CHECK_NUM(reload_start(&r, files, 2, &held), 1);
	CHECK(r.list[0].path == a && r.f[0].w == r.list[0].w && r.f[1].w == NULL);
	CHECK(held.errors > 0);
	diag_free(&held);
	char first[VERSION_DIGITS + 1];
	snprintf(first, sizeof first, "%s", r.f[0].w->version);
	CHECK_NUM(strlen(first), VERSION_DIGITS);

	/* a change: seen, but loaded only once the file has been still for the moment asked for */
	CHECK(!reload_poll(&r, 1000, 500));
	test_save(a, test_wizard("Second"));
	CHECK(!reload_poll(&r, 2000, 500));	/* seen now */
	CHECK(!reload_poll(&r, 2499, 500));
	CHECK_NUM(reload_update(&r, 2499, 500, &held), 1);	/* not yet: the same wizard */
	CHECK_STR(r.f[0].w->title.msgid, "First");
	CHECK(reload_poll(&r, 2500, 500));
	CHECK(reload_poll(&r, 2600, 500));	/* waits for the kiosk, which loads it between people */
	CHECK_STR(r.f[0].w->title.msgid, "First");
	CHECK_NUM(reload_update(&r, 2700, 500, &held), 1);
	CHECK_STR(r.list[0].w->title.msgid, "Second");
	char line[256];
	snprintf(line, sizeof line, "%s: note: changed: version %s from the next person on (was %s)\n", a,
		 r.f[0].w->version, first);
	CHECK_STR(test_log(&held), line);
	CHECK(!reload_poll(&r, 5000, 500));

	/* a version that does not load: the last good one stays, and the note says why */
	char second[VERSION_DIGITS + 1];
	snprintf(second, sizeof second, "%s", r.f[0].w->version);
	test_save(a, "trin: 1\nid: w\ntitle: Broken\nsteps: 3\n");
	reload_poll(&r, 6000, 500);
	CHECK_NUM(reload_update(&r, 7000, 500, &held), 1);
	CHECK_STR(r.list[0].w->title.msgid, "Second");
	const char *log = test_log(&held);
	snprintf(line, sizeof line, "%s: note: changed, but does not load: the kiosk keeps version %s\n%s:4:", a, second, a);
	CHECK(strncmp(log, line, strlen(line)) == 0);
	CHECK(strstr(log, "error: ") != NULL);
	/* the good version written back: the same bytes, nothing to say */
	test_save(a, test_wizard("Second"));
	reload_poll(&r, 8000, 500);
	CHECK_NUM(reload_update(&r, 9000, 500, &held), 1);
	CHECK_NUM(held.n, 0);
	CHECK_STR(r.f[0].w->version, second);

	/* a file that never loaded is offered once it does, in the order of the files */
	test_save(b, test_wizard("Other"));
	reload_poll(&r, 10000, 500);
	CHECK_NUM(reload_update(&r, 11000, 500, &held), 2);
	CHECK(r.list[0].path == a && r.list[1].path == b);
	CHECK_STR(r.list[1].w->title.msgid, "Other");
	CHECK(strstr(test_log(&held), "b.yaml: note: changed: version ") != NULL);
	/* a file gone (removed, or between an unlink and a rename) is no change: the wizard stays */
	unlink(b);
	reload_poll(&r, 12000, 500);
	CHECK_NUM(reload_update(&r, 13000, 500, NULL), 2);
	reload_free(&r);
	unlink(a);
	rmdir(reload_dir);
	return test_done("test-reload");
}
