/*
 * test-watch: unit tests of --watch's reload decision (watch.h): a change is reported once the file has
 * been still for the time asked, by a clock the test gives (no sleeping, no timing); the walk carried over
 * to the wizard loaded again, and what the screen keeps of it.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "model.h"
#include "test.h"
#include "watch.h"

static char watch_dir[] = "/tmp/trin-watch-XXXXXX";

/* The wizard of the test, with step middle as the author last saved it. */
static struct wizard *test_wizard(const char *middle)
{
	char yaml[1024];
	snprintf(yaml, sizeof yaml,
		 "trin: 1\nid: watchtest\ntitle: Watch test\nlanguage: en\nsteps:\n"
		 "  - id: kind\n    type: choice\n    title: What?\n    choices:\n"
		 "      - {value: a, label: A}\n      - {value: b, label: B}\n"
		 "%s"
		 "  - id: done\n    type: end\n    title: Done\n", middle);
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &d);
	CHECK(w && d.n == 0);
	diag_free(&d);
	return w;
}

/* Carry engine from, at step (an index of old), over to the wizard with step middle; the step shown. */
static const char *test_carry(const char *middle, const struct wizard *old, const struct engine *from, int step,
			      enum watch_keep *keep)
{
	static char id[64];
	struct wizard *w = test_wizard(middle);
	if (!w)
		return "";
	struct engine_view v;
	struct engine *e = watch_carry(w, old, from, step, &v, keep);
	snprintf(id, sizeof id, "%s", v.step->id);
	engine_free(e);
	wizard_free(w);
	return id;
}

/* The walk carried over to an edited wizard: the step kept where it still is, and what the screen keeps. */
static void test_carry_walk(void)
{
	static const char name[] = "  - id: name\n    type: text\n    title: Name?\n";
	struct wizard *old = test_wizard(name);
	if (!old)
		return;
	struct engine *from = engine_create(old, NULL);
	enum watch_keep keep;
	CHECK_STR(test_carry(name, old, from, -1, &keep), "kind");
	CHECK(keep == WATCH_KEEP_NOTHING);	/* no step shown yet */
	CHECK_STR(test_carry(name, old, from, 0, &keep), "kind");
	CHECK(keep == WATCH_KEEP_STEP);
	CHECK(engine_submit(from, &(struct answer_input){ .text = "b" }));
	CHECK_STR(test_carry(name, old, from, 1, &keep), "name");
	CHECK(keep == WATCH_KEEP_TYPED);	/* what is typed in the field stays */
	CHECK_STR(test_carry("  - id: name\n    type: number\n    title: Age?\n", old, from, 1, &keep), "name");
	CHECK(keep == WATCH_KEEP_NOTHING);	/* another type: another step */
	CHECK_STR(test_carry("", old, from, 1, &keep), "kind");	/* the person goes on to the end by hand */
	CHECK(keep == WATCH_KEEP_NOTHING);
	CHECK(engine_submit(from, &(struct answer_input){ .text = "Ada" }));
	CHECK_STR(test_carry(name, old, from, 2, &keep), "done");
	CHECK(keep == WATCH_KEEP_SAVED);	/* the same end: saved once */
	engine_free(from);
	wizard_free(old);
}

/* The screen of a file that does not load: its report between the heading and what to do, and Stop. */
static void test_page(void)
{
	struct page *p = watch_page("t.yaml:3:1: error: no steps");
	CHECK_STR(p->blocks[0].text, "The guide has errors, so it cannot be shown.");
	int found = 0;
	for (size_t i = 0; i < p->nblocks; i++)
		found += p->blocks[i].role == PAGE_TEXT && !strcmp(p->blocks[i].text, "t.yaml:3:1: error: no steps");
	CHECK_NUM(found, 1);
	CHECK_NUM(p->actions, PAGE_STOP);
	page_free(p);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_carry_walk();
	test_page();
	if (!mkdtemp(watch_dir)) {
		perror("mkdtemp");
		return 1;
	}
	char path[64];
	snprintf(path, sizeof path, "%s/w.yaml", watch_dir);
	test_write(path, "id: a\n");
	struct watch w;
	watch_start(&w, path);
	CHECK(!watch_changed(&w, 1000, 100));	/* as it was loaded: no change */
	CHECK(!watch_changed(&w, 5000, 100));
	test_write(path, "id: ab\n");	/* another size: a change, whatever the clock's resolution */
	CHECK(!watch_changed(&w, 6000, 100));	/* seen to change: not yet still */
	CHECK(!watch_changed(&w, 6099, 100));
	CHECK(watch_changed(&w, 6100, 100));	/* still for 100 ms */
	CHECK(!watch_changed(&w, 6200, 100));	/* once per change */
	test_write(path, "id: abc\n");
	CHECK(!watch_changed(&w, 7000, 100));
	test_write(path, "id: abcd\n");	/* changed again while being written: the wait starts over */
	CHECK(!watch_changed(&w, 7090, 100));
	CHECK(!watch_changed(&w, 7150, 100));
	CHECK(watch_changed(&w, 7190, 100));
	unlink(path);	/* missing for a moment (an editor replacing it): no change yet */
	CHECK(!watch_changed(&w, 8000, 100));
	CHECK(!watch_changed(&w, 9000, 100));
	test_write(path, "id: abcde\n");
	CHECK(!watch_changed(&w, 9500, 100));
	CHECK(watch_changed(&w, 9600, 100));
	unlink(path);
	/* a file missing when watching started: its appearance is a change */
	watch_start(&w, path);
	CHECK(!watch_changed(&w, 100, 100));
	test_write(path, "id: a\n");
	CHECK(!watch_changed(&w, 200, 100));
	CHECK(watch_changed(&w, 300, 100));
	unlink(path);
	rmdir(watch_dir);
	return test_done("test-watch");
}
