/*
 * test-summary: unit tests of the take-away summary (summary.h): its exact text for a walk through a small
 * wizard, before and at the end, and that whatever a text holds, summary_para prints no control character
 * and no line wider than asked.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "model.h"
#include "summary.h"

#include "test.h"

static const char test_yaml[] =
	"trin: 1\n"
	"id: visit\n"
	"title: A visit\n"
	"steps:\n"
	"  - {id: hello, type: info, title: Welcome}\n"
	"  - id: drinks\n"
	"    type: multi\n"
	"    title: What would you like?\n"
	"    choices: [{value: tea, label: Tea}, {value: coffee, label: Coffee}]\n"
	"  - {id: name, type: text, title: What is your name?, required: false}\n"
	"  - id: done\n"
	"    type: end\n"
	"    title: See you, {name}\n"
	"    text: We will have {drinks} ready.\n"
	"    todo: [\"Come at ten, and bring a long list of things that will not fit on one line of the page.\"]\n";

/* The summary of e's walk as a string; the caller frees it. */
static char *test_summary(const struct wizard *w, struct engine *e)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	summary_write(f, w, e, 1795651200);	/* 2026-11-26 */
	fclose(f);
	return buf;
}

static void test_walk(void)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", test_yaml, strlen(test_yaml), NULL, &d);
	CHECK(w != NULL);
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	CHECK(engine_submit(e, NULL));
	const char *items[] = { "coffee", "tea" };
	struct answer_input drinks = { .is_list = true, .items = items, .nitems = 2 };
	CHECK(engine_submit(e, &drinks));
	char *s = test_summary(w, e);
	CHECK_STR(s, "A visit\n=======\nDate: 2026-11-26\n\n"
		     "Result\n------\nThe guide was not finished.\n\n"
		     "Your answers\n------------\nWhat would you like?\n    Tea, Coffee\n");
	free(s);
	struct answer_input name = { .text = "Ada" };
	CHECK(engine_submit(e, &name));
	s = test_summary(w, e);
	CHECK_STR(s, "A visit\n=======\nDate: 2026-11-26\n\n"
		     "Result\n------\nSee you, Ada\n\nWe will have Tea, Coffee ready.\n\n"
		     "Your answers\n------------\nWhat would you like?\n    Tea, Coffee\n\n"
		     "What is your name?\n    Ada\n\n"
		     "Next steps\n----------\n"
		     "[ ] Come at ten, and bring a long list of things that will not fit on\n"
		     "    one line of the page.\n");
	free(s);
	/* on a receipt: the same words, no line wider than asked */
	char *narrow = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&narrow, &len);
	summary_write_width(f, w, e, 1795651200, 36);
	fclose(f);
	CHECK(strstr(narrow, "[ ] Come at ten, and bring a long\n    list of things that will not fit\n    on one line of the page.\n") != NULL);
	int widest = 0;
	for (const char *p = narrow; *p;) {
		size_t n = strcspn(p, "\n");
		widest = (int)n > widest ? (int)n : widest;
		p += n + (p[n] == '\n');
	}
	CHECK(widest <= 36 && widest > 30);
	free(narrow);
	engine_free(e);
	wizard_free(w);
	diag_free(&d);
}

static void test_para(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	summary_para(f, "> ", "a\x1b[31mb\x07 c\x7f d\xc2\x9b" "2J e\tf \xc3\xa6", 20, 2);
	summary_para(f, "[ ] ", "one two three four five six seven eight", 20, 4);
	summary_para(f, "  a long term here: ", "its text", 20, 4);
	fclose(f);
	CHECK_STR(buf, "> a [31mb  c  d  2J\n  e f \xc3\xa6\n"
		       "[ ] one two three\n    four five six\n    seven eight\n"
		       "  a long term\n    here:\n    its text\n");
	free(buf);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_walk();
	test_para();
	return test_done("test-summary");
}
