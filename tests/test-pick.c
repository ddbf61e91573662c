/*
 * test-pick: unit tests of what is picked on the step shown (pick.h) over a small wizard: entering a step
 * from its remembered answer, the cursor kept in the list, ticks and text given as answers, the draft
 * typed before going back, the review's rows, going on and back.  Links the core library only.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "model.h"
#include "pick.h"
#include "test.h"

static const char test_yaml[] =
	"trin: 1\n"
	"id: picktest\n"
	"title: Pick test\n"
	"language: en\n"
	"steps:\n"
	"  - id: kind\n"
	"    type: choice\n"
	"    title: What?\n"
	"    choices:\n"
	"      - {value: key, label: A key}\n"
	"      - {value: other, label: Other}\n"
	"      - {value: more, label: More}\n"
	"  - id: extras\n"
	"    type: multi\n"
	"    title: Else?\n"
	"    required: false\n"
	"    choices:\n"
	"      - {value: tea, label: Tea}\n"
	"      - {value: coffee, label: Coffee}\n"
	"  - id: paid\n"
	"    type: yesno\n"
	"    title: Paid?\n"
	"  - id: name\n"
	"    type: text\n"
	"    title: Name?\n"
	"  - id: check\n"
	"    type: review\n"
	"    title: Check\n"
	"  - id: done\n"
	"    type: end\n"
	"    title: Done\n";

/* Enter the step the engine shows; its id. */
static const char *test_enter(struct pick *p, const struct wizard *w, struct engine *e, struct engine_view *v)
{
	engine_view(e, v);
	pick_enter(p, w, e, v);
	return v->step->id;
}

/* A cursor over a list of three: moved, kept in the list, and numbers past the end refused. */
static void test_cursor(void)
{
	int sel = 0;
	CHECK(pick_cursor(&sel, 3, PICK_UP, 0) && sel == 0);	/* kept at the top */
	CHECK(pick_cursor(&sel, 3, PICK_DOWN, 0) && sel == 1);
	CHECK(pick_cursor(&sel, 3, PICK_LAST, 0) && sel == 2);
	CHECK(pick_cursor(&sel, 3, PICK_DOWN, 0) && sel == 2);	/* kept at the bottom */
	CHECK(pick_cursor(&sel, 3, PICK_FIRST, 0) && sel == 0);
	CHECK(pick_cursor(&sel, 3, PICK_NUMBER, 2) && sel == 1);
	CHECK(!pick_cursor(&sel, 3, PICK_NUMBER, 4) && sel == 1);	/* no item four */
	CHECK(!pick_cursor(&sel, 3, PICK_NUMBER, 0) && sel == 1);
	CHECK(!pick_cursor(&sel, 3, PICK_NONE, 0) && sel == 1);
	sel = 0;
	CHECK(!pick_cursor(&sel, 0, PICK_DOWN, 0) && sel == 0);	/* an empty list */
	CHECK(!pick_cursor(&sel, 0, PICK_NUMBER, 1) && sel == 0);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_cursor();
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", test_yaml, strlen(test_yaml), NULL, &d);
	CHECK(w && d.n == 0);
	diag_free(&d);
	if (!w)
		return test_done("test-pick");
	struct engine *e = engine_create(w, NULL);
	struct pick p = { 0 };
	struct engine_view v;
	CHECK_STR(test_enter(&p, w, e, &v), "kind");
	CHECK(!pick_back(&p, e, w, &v));	/* the first step */
	CHECK_NUM(pick_len(&p, v.step), 3);
	CHECK(pick_move(&p, v.step, 9));	/* kept in the list */
	CHECK_NUM(p.sel, 2);
	CHECK(pick_move(&p, v.step, -4));
	CHECK_NUM(p.sel, 0);
	pick_move(&p, v.step, 1);
	CHECK(pick_submit(&p, e, v.step));
	CHECK_STR(test_enter(&p, w, e, &v), "extras");
	p.ticks[1] = true;
	CHECK(pick_submit(&p, e, v.step));
	CHECK_STR(test_enter(&p, w, e, &v), "paid");
	CHECK_NUM(pick_len(&p, v.step), 2);
	p.sel = 1;	/* no */
	CHECK(pick_submit(&p, e, v.step));
	CHECK_STR(test_enter(&p, w, e, &v), "name");
	CHECK(!pick_move(&p, v.step, 1));	/* no list */
	CHECK_NUM(pick_len(&p, v.step), 0);
	field_insert(&p.field, 'A');
	field_draft_keep(&p.field, (size_t)v.index, w->nsteps);	/* going back with it typed */
	CHECK(engine_back(e));
	CHECK_STR(test_enter(&p, w, e, &v), "paid");
	CHECK_NUM(p.sel, 1);	/* the answer given: no */
	CHECK(engine_back(e));
	CHECK_STR(test_enter(&p, w, e, &v), "extras");
	CHECK(!p.ticks[0] && p.ticks[1]);
	CHECK(engine_back(e));
	CHECK_STR(test_enter(&p, w, e, &v), "kind");
	CHECK_NUM(p.sel, 1);
	CHECK(pick_submit(&p, e, v.step));
	test_enter(&p, w, e, &v);
	CHECK(pick_submit(&p, e, v.step));
	test_enter(&p, w, e, &v);
	CHECK(pick_submit(&p, e, v.step));
	CHECK_STR(test_enter(&p, w, e, &v), "name");
	CHECK_STR(p.field.buf, "A");	/* the draft, as it was left */
	field_set(&p.field, "");
	CHECK(!pick_submit(&p, e, v.step));	/* required: not taken */
	CHECK(pick_go_on(&p, e, v.step) == PICK_STAYED);
	field_set(&p.field, "Bo");
	CHECK(pick_back(&p, e, w, &v));
	CHECK_STR(test_enter(&p, w, e, &v), "paid");
	CHECK(pick_go_on(&p, e, v.step) == PICK_MOVED);
	CHECK_STR(test_enter(&p, w, e, &v), "name");
	CHECK_STR(p.field.buf, "Bo");	/* kept as the step's draft */
	field_set(&p.field, "Ada");
	CHECK(pick_submit(&p, e, v.step));
	CHECK_STR(test_enter(&p, w, e, &v), "check");
	CHECK(p.nreview >= 2 && p.review[p.nreview - 1].step == -1);	/* the answers, then continue */
	CHECK_NUM(p.sel, (long long)p.nreview - 1);
	CHECK_NUM(pick_len(&p, v.step), (long long)p.nreview);
	p.sel = 0;	/* the first answer's row: change it */
	CHECK(pick_go_on(&p, e, v.step) == PICK_MOVED);
	CHECK_STR(test_enter(&p, w, e, &v), "kind");
	CHECK(pick_go_on(&p, e, v.step) == PICK_MOVED);	/* the same answer: back to the review */
	CHECK_STR(test_enter(&p, w, e, &v), "check");
	CHECK(pick_submit(&p, e, v.step));
	CHECK_STR(test_enter(&p, w, e, &v), "done");
	CHECK(pick_go_on(&p, e, v.step) == PICK_FINISHED);
	CHECK_STR(engine_answer(e, 3).u.s, "Ada");
	pick_free(&p);
	CHECK(p.field.buf == NULL && p.ticks == NULL);
	engine_free(e);
	wizard_free(w);
	return test_done("test-pick");
}
