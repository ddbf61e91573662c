/*
 * test-content: unit tests of what a step shows when parts of it have a condition (content.h, format 1.1):
 * the paragraphs of a text and a help, the todo items of an end, the choices offered and how the page,
 * the cursor (pick.h), what is typed in line mode (typed.h) and the engine number and refuse them, and the
 * summary's checklist.  Links the core library only.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "engine.h"
#include "i18n.h"
#include "model.h"
#include "page.h"
#include "pick.h"
#include "summary.h"
#include "typed.h"

#include "test.h"

static const char test_yaml[] =
	"trin: 1.1\n"
	"title: Firma\n"
	"language: en\n"
	"steps:\n"
	"  - id: staff\n"
	"    type: yesno\n"
	"    title: Staff?\n"
	"  - id: capital\n"
	"    type: number\n"
	"    title: Capital?\n"
	"    help:\n"
	"      - Your own money.\n"
	"      - {when: staff, text: \"Wages do not count.\"}\n"
	"  - id: form\n"
	"    type: choice\n"
	"    title: Form?\n"
	"    text:\n"
	"      - Choose one.\n"
	"      - {when: capital < 40000, text: \"A company needs 40000.\"}\n"
	"    choices:\n"
	"      - {value: sole, label: Sole trader}\n"
	"      - {value: ltd, label: Ltd, when: capital >= 40000}\n"
	"      - {value: plc, label: Plc, when: capital >= 400000}\n"
	"  - id: end\n"
	"    type: end\n"
	"    title: Now\n"
	"    todo:\n"
	"      - Register.\n"
	"      - {when: staff, text: \"Register as an employer.\"}\n"
	"      - {when: form != \"sole\", text: \"Pay in {capital}.\"}\n";

static struct wizard *test_wizard(void)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", test_yaml, strlen(test_yaml), NULL, &d);
	CHECK(w && d.n == 0);
	if (d.n)
		diag_print(&d, stdout);
	diag_free(&d);
	return w;
}

static bool test_give(struct engine *e, const char *typed)
{
	struct answer_input in = { .text = typed };
	return engine_submit(e, &in);
}

/* The items of the page of the step now, "label|label|". */
static const char *test_items(struct engine *e, const struct wizard *w, int sel)
{
	static char buf[256];
	struct engine_view v;
	engine_view(e, &v);
	struct page_input in = { .w = w, .e = e, .v = &v, .sel = sel };
	struct page *p = page_build(&in);
	buf[0] = '\0';
	for (size_t i = 0; i < p->nblocks; i++)
		if (p->blocks[i].role == PAGE_ITEM || p->blocks[i].role == PAGE_TEXT || p->blocks[i].role == PAGE_TODO)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%d%s %s|", p->blocks[i].number,
				 p->blocks[i].focus ? ">" : "", p->blocks[i].text);
	CHECK(!(p->actions & PAGE_HELP) == (v.step->type != STEP_NUMBER));
	page_free(p);
	return buf;
}

/* Texts and choices with little capital and no staff: the hidden choices are neither shown nor taken. */
static void test_little(void)
{
	struct wizard *w = test_wizard();
	struct engine *e = engine_create(w, NULL);
	CHECK(test_give(e, "false"));
	struct engine_view v;
	engine_view(e, &v);
	size_t n;
	const struct text *help = content_help_of(v.step, &n);
	CHECK_NUM(n, 2);
	char *shown = content_paras(e, help, n, NULL, false);
	CHECK_STR(shown, "Your own money.");
	free(shown);
	shown = content_paras(e, help, n, NULL, true);	/* page_fit: everything */
	CHECK_STR(shown, "Your own money.\n\nWages do not count.");
	free(shown);
	CHECK(test_give(e, "10000"));
	CHECK_STR(test_items(e, w, 0), "0 Choose one.\n\nA company needs 40000.|1> Sole trader|");
	int rows[3];
	engine_view(e, &v);
	CHECK_NUM(content_choices(e, v.step, false, rows), 1);
	CHECK(!content_offered(e, v.step, 1, false));
	CHECK(content_offered(e, v.step, 1, true));
	CHECK(!test_give(e, "ltd"));	/* not offered: refused, as from an answers file */
	engine_view(e, &v);
	CHECK_STR(v.message ? v.message : "", "'ltd' is not one of the options.");
	struct typed_answer a;	/* line mode: number 2 is no option here */
	char two[] = "2";
	CHECK(!typed_answer(e, &v, two, &a));
	typed_answer_free(&a);
	CHECK(test_give(e, "sole"));
	CHECK_STR(test_items(e, w, 0), "0 Register.|");
	engine_free(e);
	wizard_free(w);
}

/* With staff and much capital: every choice, the cursor over rows; every todo item, in the summary too. */
static void test_much(void)
{
	struct wizard *w = test_wizard();
	struct engine *e = engine_create(w, NULL);
	CHECK(test_give(e, "true"));
	CHECK(test_give(e, "50000"));
	CHECK_STR(test_items(e, w, 1), "0 Choose one.|1 Sole trader|2> Ltd|");
	struct pick p = { 0 };
	struct engine_view v;
	engine_view(e, &v);
	pick_enter(&p, w, e, &v);
	CHECK_NUM(pick_len(&p, v.step), 2);
	CHECK(pick_move(&p, v.step, 1));
	CHECK(pick_submit(&p, e, v.step));
	CHECK_STR(engine_answer(e, 2).u.s, "ltd");
	CHECK_STR(test_items(e, w, 0), "0 Register.|0 Register as an employer.|0 Pay in 50,000.|");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	summary_write(f, w, e, 0);
	fclose(f);
	CHECK(strstr(buf, "[ ] Register as an employer.\n[ ] Pay in 50,000.\n") != NULL);
	free(buf);
	/* Back to the capital, and less of it: Ltd is no longer offered, nor kept. */
	CHECK(engine_back(e));
	CHECK(engine_back(e));
	CHECK(test_give(e, "1000"));
	engine_view(e, &v);
	CHECK(!v.answered);
	pick_enter(&p, w, e, &v);
	CHECK_NUM(pick_len(&p, v.step), 1);
	pick_free(&p);
	engine_free(e);
	wizard_free(w);
}

/* A multi step: the ticks are the rows offered; a remembered tick no longer offered is not kept. */
static void test_multi(void)
{
	static const char yaml[] =
		"trin: 1.1\n"
		"title: Multi\n"
		"language: en\n"
		"steps:\n"
		"  - id: staff\n"
		"    type: yesno\n"
		"    title: Staff?\n"
		"  - id: duties\n"
		"    type: multi\n"
		"    title: Which?\n"
		"    required: false\n"
		"    choices:\n"
		"      - {value: vat, label: VAT}\n"
		"      - {value: wages, label: Wages, when: staff}\n"
		"      - {value: rent, label: Rent}\n"
		"  - id: end\n"
		"    type: end\n"
		"    title: Done\n";
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("m.yaml", yaml, strlen(yaml), NULL, &d);
	CHECK(w && d.n == 0);
	diag_free(&d);
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	CHECK(test_give(e, "true"));
	struct engine_view v;
	engine_view(e, &v);
	struct pick p = { 0 };
	pick_enter(&p, w, e, &v);
	CHECK_NUM(pick_len(&p, v.step), 3);
	p.ticks[1] = p.ticks[2] = true;	/* Wages and Rent */
	CHECK(pick_submit(&p, e, v.step));
	CHECK(engine_back(e));
	CHECK(engine_back(e));
	CHECK(test_give(e, "false"));	/* no staff: Wages is no longer offered */
	engine_view(e, &v);
	pick_enter(&p, w, e, &v);
	CHECK_NUM(pick_len(&p, v.step), 2);
	CHECK(!p.ticks[0] && p.ticks[1]);	/* rows: VAT, Rent; Rent still ticked */
	CHECK_STR(test_items(e, w, 1), "1 VAT|2> Rent|");
	CHECK(pick_submit(&p, e, v.step));
	struct value got = engine_answer(e, 1);
	CHECK(got.type == VAL_LIST && got.u.list.n == 1 && strcmp(got.u.list.items[0].u.s, "rent") == 0);
	pick_free(&p);
	engine_free(e);
	wizard_free(w);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	i18n_switch("en");
	test_little();
	test_much();
	test_multi();
	return test_done("test-content");
}
