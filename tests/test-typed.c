/*
 * test-typed: unit tests of typed.h, what a person types a line at a time: lines read with their bound
 * (too long, not UTF-8, a NUL, CRLF, the end of input) and wiped once taken; the commands and the words
 * that give them; answers typed for each kind of step (numbers, lists, yes and no in each language's
 * words, out of range, empty, the remembered answer kept); the review's rows; and the sentence of what to
 * type, whose every command named works.  Links the core library only: no terminal, no ncurses.
 *
 *   test-typed [CATALOGUES]	with the build's folder of trin's catalogues, the Danish words too
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "glossary.h"
#include "i18n.h"
#include "model.h"
#include "page.h"
#include "typed.h"

#include "test.h"

static const char test_yaml[] =
	"trin: 1\n"
	"id: typedtest\n"
	"title: Typed test\n"
	"language: en\n"
	"glossary:\n"
	"  deposit: Money you pay now and get back later.\n"
	"steps:\n"
	"  - id: hello\n"
	"    type: info\n"
	"    title: Welcome\n"
	"  - id: kind\n"
	"    type: choice\n"
	"    title: What do you need?\n"
	"    help: Ask at the desk.\n"
	"    choices:\n"
	"      - {value: key, label: A new key}\n"
	"      - {value: other, label: Something else}\n"
	"  - id: extras\n"
	"    type: multi\n"
	"    title: What else?\n"
	"    required: false\n"
	"    choices:\n"
	"      - {value: tea, label: Tea}\n"
	"      - {value: coffee, label: Coffee}\n"
	"      - {value: water, label: Water}\n"
	"  - id: paid\n"
	"    type: yesno\n"
	"    title: Have you paid the deposit?\n"
	"  - id: count\n"
	"    type: number\n"
	"    title: How many?\n"
	"    unit: people\n"
	"  - id: name\n"
	"    type: text\n"
	"    title: What is your name?\n"
	"  - id: check\n"
	"    type: review\n"
	"    title: Are your answers right?\n"
	"  - id: done\n"
	"    type: end\n"
	"    title: Thank you, {name}\n";

/* A reader over a file holding the n bytes of s. */
static void test_reader(struct typed_reader *r, const char *s, size_t n)
{
	FILE *f = tmpfile();
	CHECK(f != NULL);
	if (!f)
		exit(1);
	CHECK_NUM(fwrite(s, 1, n, f), n);
	fflush(f);
	rewind(f);
	memset(r, 0, sizeof *r);
	r->fd = dup(fileno(f));
	fclose(f);
}

/* Whether the bytes of r read ahead and already taken are wiped. */
static bool test_taken_wiped(const struct typed_reader *r)
{
	for (size_t i = 0; i < r->pos; i++)
		if (r->ahead[i])
			return false;
	return true;
}

static void test_read(void)
{
	static const char input[] = "one\r\n  two\t \n\nlast";
	struct typed_reader r;
	test_reader(&r, input, sizeof input - 1);
	CHECK_NUM(typed_read(&r), TYPED_READ_OK);
	CHECK_STR(r.line, "one");	/* the CR of a Windows file goes with its line end */
	CHECK(test_taken_wiped(&r) && r.pos == 5);
	CHECK_NUM(typed_read(&r), TYPED_READ_OK);
	CHECK_STR(r.line, "  two\t ");
	CHECK_STR(typed_trim(r.line), "two");
	CHECK_NUM(typed_read(&r), TYPED_READ_OK);
	CHECK_STR(r.line, "");
	CHECK_NUM(typed_read(&r), TYPED_READ_OK);	/* a last line without its end */
	CHECK_STR(r.line, "last");
	CHECK_NUM(typed_read(&r), TYPED_READ_EOF);
	CHECK_NUM(typed_read(&r), TYPED_READ_EOF);
	CHECK(test_taken_wiped(&r));
	typed_reader_wipe(&r);
	CHECK_STR(r.line, "");
	close(r.fd);

	static const char bad[] = "a\0b\nnot \xFF utf-8\n\xC3\xA6\xC3\xB8\n";
	test_reader(&r, bad, sizeof bad - 1);
	CHECK_NUM(typed_read(&r), TYPED_READ_BAD);	/* a NUL */
	CHECK_NUM(typed_read(&r), TYPED_READ_BAD);
	CHECK_NUM(typed_read(&r), TYPED_READ_OK);
	CHECK_STR(r.line, "\xC3\xA6\xC3\xB8");
	close(r.fd);

	CHECK_STR(typed_refusal(TYPED_READ_BAD), "That line has characters that could not be read. Please type it again.");
	CHECK(typed_refusal(TYPED_READ_OK) == NULL && typed_refusal(TYPED_READ_EOF) == NULL);
	CHECK_STR(typed_trim((char[]){ " \t " }), "");
	CHECK_STR(typed_trim((char[]){ "a b" }), "a b");
}

/* A line of exactly LIMIT_INPUT bytes is taken; one byte more is refused whole, and the next line read. */
static void test_read_long(void)
{
	size_t n = 2 * LIMIT_INPUT + 12;
	char *s = malloc(n);
	memset(s, 'x', LIMIT_INPUT);
	s[LIMIT_INPUT] = '\n';
	memset(s + LIMIT_INPUT + 1, 'y', LIMIT_INPUT + 1);
	memcpy(s + 2 * LIMIT_INPUT + 2, "\nok\n", 4);
	struct typed_reader r;
	test_reader(&r, s, 2 * LIMIT_INPUT + 6);
	CHECK_NUM(typed_read(&r), TYPED_READ_OK);
	CHECK_NUM(strlen(r.line), LIMIT_INPUT);
	CHECK_NUM(typed_read(&r), TYPED_READ_LONG);
	CHECK_STR(typed_refusal(TYPED_READ_LONG), "That is as much text as fits here.");
	CHECK_NUM(typed_read(&r), TYPED_READ_OK);
	CHECK_STR(r.line, "ok");
	CHECK_NUM(typed_read(&r), TYPED_READ_EOF);
	close(r.fd);
	free(s);
}

static void test_words(void)
{
	CHECK_NUM(typed_command("<"), PAGE_BACK);
	CHECK_NUM(typed_command("back"), PAGE_BACK);
	CHECK_NUM(typed_command("BaCk"), PAGE_BACK);
	CHECK_NUM(typed_command("?"), PAGE_HELP);
	CHECK_NUM(typed_command("Help"), PAGE_HELP);
	CHECK_NUM(typed_command("STOP"), PAGE_STOP);
	CHECK_NUM(typed_command("save"), PAGE_SAVE);
	CHECK_NUM(typed_command("Print"), PAGE_PRINT);
	CHECK_NUM(typed_command("backs"), 0);
	CHECK_NUM(typed_command(" back"), 0);	/* the frontend trims first */
	CHECK_NUM(typed_command(""), 0);
	CHECK_NUM(typed_command("1"), 0);
	CHECK_STR(typed_command_name(PAGE_HELP), "?");
	CHECK_STR(typed_command_name(PAGE_BACK), "back");
	CHECK_STR(typed_command_name(PAGE_STOP), "stop");
	CHECK(typed_command_name(PAGE_GO_ON) == NULL);
	/* what the sentences name for a command is that command */
	static const enum page_action named[] = { PAGE_BACK, PAGE_HELP, PAGE_STOP, PAGE_SAVE, PAGE_PRINT };
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		CHECK_NUM(typed_command(typed_command_name(named[i])), named[i]);

	CHECK_NUM(typed_yes_no("1"), 1);
	CHECK_NUM(typed_yes_no("YES"), 1);
	CHECK_NUM(typed_yes_no("2"), 0);
	CHECK_NUM(typed_yes_no("No"), 0);
	CHECK_NUM(typed_yes_no("3"), -1);
	CHECK_NUM(typed_yes_no("ja"), -1);	/* not here: the engine reads every language's words */
	CHECK_NUM(typed_yes_no(""), -1);

	CHECK_NUM(typed_number("1", 3), 1);
	CHECK_NUM(typed_number("03", 3), 3);
	CHECK_NUM(typed_number("4", 3), 0);
	CHECK_NUM(typed_number("0", 3), 0);
	CHECK_NUM(typed_number("", 3), 0);
	CHECK_NUM(typed_number("-1", 3), 0);
	CHECK_NUM(typed_number("+1", 3), 0);
	CHECK_NUM(typed_number("1 ", 3), 0);
	CHECK_NUM(typed_number("1e1", 30), 0);
	CHECK_NUM(typed_number("999999", 1 << 20), 999999);
	CHECK_NUM(typed_number("0000001", 1 << 20), 0);	/* seven digits are too many */
}

struct test_walk {
	struct wizard *w;
	struct engine *e;
	struct engine_view v;
	struct glossary_terms gl;
};

static void test_start(struct test_walk *t)
{
	struct diags d = { 0 };
	t->w = wizard_load_buffer("t.yaml", test_yaml, strlen(test_yaml), NULL, &d);
	CHECK(t->w && d.n == 0);
	if (d.n)
		diag_print(&d, stdout);
	diag_free(&d);
	if (!t->w)
		exit(1);
	t->e = engine_create(t->w, NULL);
	glossary_terms_init(&t->gl, t->w, engine_tr, t->w);
	engine_view(t->e, &t->v);
}

static void test_stop(struct test_walk *t)
{
	glossary_terms_free(&t->gl);
	engine_free(t->e);
	wizard_free(t->w);
}

/* Type s on the step now: whether typed_answer read it and the engine took it (1), refused it (0), or it
 * named no option (-1). */
static int test_type(struct test_walk *t, const char *s)
{
	engine_view(t->e, &t->v);
	char line[256];
	snprintf(line, sizeof line, "%s", s);
	struct typed_answer a;
	int got = !typed_answer(t->e, &t->v, line, &a) ? -1 : engine_submit(t->e, &a.in);
	typed_answer_free(&a);
	return got;
}

/* The answer of step id, as the review shows it. */
static const char *test_answer(struct test_walk *t, const char *id)
{
	char name[80];
	snprintf(name, sizeof name, "{%s}", id);
	return engine_format(t->e, name, engine_tr, t->w);
}

/* What to type on the step now, where a summary can be saved (--summary-dir) and printed (--print). */
static const char *test_instructions_at(struct test_walk *t, bool summary_dir, bool print)
{
	static char buf[512];
	engine_view(t->e, &t->v);
	struct page_input in = { .w = t->w, .e = t->e, .v = &t->v, .gl = &t->gl, .summary_dir = summary_dir,
				 .print = print };
	struct page *p = page_build(&in);
	typed_instructions(p, t->e, &t->v, buf, sizeof buf);
	page_free(p);
	return buf;
}

/* What to type on the step now, where a summary can be saved (--summary-dir). */
static const char *test_instructions(struct test_walk *t, bool summary_dir)
{
	return test_instructions_at(t, summary_dir, false);
}

static void test_choices(void)
{
	struct test_walk t;
	test_start(&t);
	CHECK_STR(test_instructions(&t, false), "Press Enter to go on.");
	CHECK_NUM(test_type(&t, ""), 1);
	CHECK_STR(test_instructions(&t, false), "Type the number of your choice. Type ? for help, or back to go back.");
	CHECK(typed_kept(t.w, t.e, &t.v) == NULL);
	CHECK_NUM(test_type(&t, "3"), -1);
	CHECK_NUM(test_type(&t, "A new key"), -1);	/* by number only */
	CHECK_NUM(test_type(&t, ""), 0);		/* required: the engine asks for one */
	CHECK_NUM(test_type(&t, "2"), 1);
	CHECK_STR(test_answer(&t, "kind"), "Something else");

	/* multi: numbers apart, each once, in any order; leaving it out */
	CHECK_STR(test_instructions(&t, false), "Type the numbers of your choices, such as 1 3. Press Enter to leave "
						 "it out. Type back to go back.");
	CHECK_NUM(test_type(&t, "1 4"), -1);
	CHECK_NUM(test_type(&t, "3, 1;3"), 1);
	CHECK_STR(test_answer(&t, "extras"), "Tea, Water");
	CHECK(engine_back(t.e));
	engine_view(t.e, &t.v);
	CHECK_STR(typed_kept(t.w, t.e, &t.v), "Tea, Water");
	CHECK_STR(test_instructions(&t, false), "Type the numbers of your choices, such as 1 3. Type back to go back.");
	CHECK_NUM(test_type(&t, ""), 1);		/* an empty line keeps them */
	CHECK_STR(test_answer(&t, "extras"), "Tea, Water");

	/* yes or no: a glossary term and no help still offer "?" */
	CHECK_STR(test_instructions(&t, false), "Type the number of your choice. Type ? for help, or back to go back.");
	CHECK_NUM(test_type(&t, "maybe"), 0);
	CHECK_NUM(test_type(&t, "3"), 0);
	CHECK_NUM(test_type(&t, "2"), 1);
	CHECK_STR(test_answer(&t, "paid"), "no");
	static const char *const yes[] = { "1", "yes", "Y", "JA", "evet", "true" }, *const no[] = { "NEJ", "hay\xC4\xB1r",
												   "n" };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		CHECK(engine_back(t.e));
		CHECK_NUM(test_type(&t, yes[i]), 1);
		CHECK_STR(test_answer(&t, "paid"), "yes");
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		CHECK(engine_back(t.e));
		CHECK_NUM(test_type(&t, no[i]), 1);
		CHECK_STR(test_answer(&t, "paid"), "no");
	}
	CHECK(engine_back(t.e));
	CHECK_NUM(test_type(&t, ""), 1);		/* kept: no */
	CHECK_STR(test_answer(&t, "paid"), "no");
	test_stop(&t);
}

static void test_fields(void)
{
	struct test_walk t;
	test_start(&t);
	CHECK_NUM(test_type(&t, ""), 1);
	CHECK_NUM(test_type(&t, "1"), 1);
	CHECK_NUM(test_type(&t, ""), 1);
	CHECK_NUM(test_type(&t, "yes"), 1);
	CHECK_STR(test_instructions(&t, false), "Type a number (people). Type back to go back.");
	CHECK_NUM(test_type(&t, "many"), 0);
	CHECK_NUM(test_type(&t, "1"), 1);		/* a number is not a choice here */
	CHECK_STR(test_answer(&t, "count"), "1");
	CHECK_NUM(test_type(&t, "stop it"), 1);		/* the line as typed */
	CHECK_STR(test_answer(&t, "name"), "stop it");
	CHECK(engine_back(t.e));
	engine_view(t.e, &t.v);
	CHECK_STR(typed_kept(t.w, t.e, &t.v), "stop it");
	CHECK_NUM(test_type(&t, ""), 1);
	CHECK_STR(test_answer(&t, "name"), "stop it");

	/* the review: a row's number, or nothing to go on; "deposit" in a row is not explained again (no "?") */
	engine_view(t.e, &t.v);
	CHECK(typed_kept(t.w, t.e, &t.v) == NULL);
	CHECK_STR(test_instructions(&t, false), "Type a number to change that answer, or press Enter to go on. Type "
						 "back to go back.");
	int step = 99;
	CHECK(typed_review_row(t.w, t.e, "", &step) && step == -1);
	CHECK(typed_review_row(t.w, t.e, "1", &step) && step == 1);	/* the first answered: kind */
	CHECK(typed_review_row(t.w, t.e, "5", &step) && step == 5);
	CHECK(!typed_review_row(t.w, t.e, "6", &step) && step == -1);
	CHECK(!typed_review_row(t.w, t.e, "0", &step));
	CHECK(!typed_review_row(t.w, t.e, "name", &step));

	/* the end: saving only where a folder was chosen, printing only where a queue was named */
	CHECK(engine_submit(t.e, NULL));
	CHECK_STR(test_instructions(&t, false), "Press Enter to finish. Type back to go back.");
	CHECK_STR(test_instructions(&t, true), "Type save to save a summary to take away. Press Enter to finish. Type "
						"back to go back.");
	CHECK_STR(test_instructions_at(&t, false, true), "Type print to print a summary to take away. Press Enter to "
							  "finish. Type back to go back.");
	CHECK_STR(test_instructions_at(&t, true, true), "Type save to save a summary to take away. Type print to print "
							 "a summary to take away. Press Enter to finish. Type back to go "
							 "back.");
	test_stop(&t);
}

/* The question whether to stop, and a menu of guides: the words that answer them. */
static void test_overlays(void)
{
	struct test_walk t;
	test_start(&t);
	char buf[256];
	struct page_input in = { .w = t.w, .e = t.e, .v = &t.v, .show = PAGE_KIND_STOP };
	struct page *p = page_build(&in);
	CHECK_STR(typed_instructions(p, t.e, &t.v, buf, sizeof buf), "Type yes to stop, or press Enter to go on.");
	page_free(p);
	in.show = PAGE_KIND_HELP;
	p = page_build(&in);
	CHECK_STR(typed_instructions(p, t.e, &t.v, buf, sizeof buf), "");
	page_free(p);
	test_stop(&t);
	const char *const guides[] = { "One", "Two" };
	p = page_menu("Choose a guide", guides, 2, -1, "None.", 0, false);
	CHECK_STR(typed_instructions(p, NULL, NULL, buf, sizeof buf), "Type the number of a guide, or stop to leave.");
	page_free(p);
	p = page_menu("Choose a guide", guides, 0, -1, "None.", 0, false);
	CHECK_STR(typed_instructions(p, NULL, NULL, buf, sizeof buf), "");
	page_free(p);
}

/* The same in Danish, from the build's catalogues: the words, and the sentences that name them. */
static void test_danish(const char *dir)
{
	setenv("TRIN_LOCALEDIR", dir, 1);
	CHECK(i18n_init("da"));
	CHECK_NUM(typed_command("tilbage"), PAGE_BACK);
	CHECK_NUM(typed_command("back"), PAGE_BACK);
	CHECK_NUM(typed_command("Hj\xC3\xA6lp"), PAGE_HELP);
	CHECK_STR(typed_command_name(PAGE_HELP), "?");
	CHECK_STR(typed_command_name(PAGE_BACK), "tilbage");
	CHECK_NUM(typed_command(typed_command_name(PAGE_SAVE)), PAGE_SAVE);
	CHECK_NUM(typed_command("udskriv"), PAGE_PRINT);
	CHECK_NUM(typed_command("print"), PAGE_PRINT);	/* the English word too */
	CHECK_NUM(typed_yes_no("JA"), 1);
	CHECK_NUM(typed_yes_no("nej"), 0);
	struct test_walk t;
	test_start(&t);
	CHECK_NUM(test_type(&t, ""), 1);
	CHECK_STR(test_instructions(&t, false), "Skriv nummeret p\xC3\xA5 dit valg. Skriv ? for hj\xC3\xA6lp eller "
						 "tilbage for at g\xC3\xA5 tilbage.");
	test_stop(&t);
	i18n_switch("en");
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	i18n_switch("en");
	test_read();
	test_read_long();
	test_words();
	test_choices();
	test_fields();
	test_overlays();
	if (argc > 1)
		test_danish(argv[1]);
	return test_done("test-typed");
}
