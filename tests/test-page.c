/*
 * test-page: unit tests of the page model (page.h) over a small wizard loaded from YAML: a page per step
 * kind and per overlay, the review with answers that no longer count, the second language, the helper's
 * notes, glossary terms on a page, the actions and their words, the lines laid out and the fit figures.
 * Links the core library only: no terminal, no ncurses.
 *
 * A page is compared as text: one line per block ("item (*) 1 > A new key"), or the lines laid out as
 * the full screen shows them.
 */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine.h"
#include "glossary.h"
#include "i18n.h"
#include "model.h"
#include "page.h"

#include "test.h"

static const char test_yaml[] =
	"trin: 1\n"
	"id: pagetest\n"
	"title: Page test\n"
	"language: en\n"
	"glossary:\n"
	"  deposit: Money you pay now and get back later.\n"
	"steps:\n"
	"  - id: hello\n"
	"    type: info\n"
	"    title: Welcome\n"
	"    text: A few questions about the deposit.\n"
	"    help: Ask at the desk.\n"
	"    guide: Read it aloud.\n"
	"  - id: kind\n"
	"    type: choice\n"
	"    title: What do you need?\n"
	"    choices:\n"
	"      - {value: key, label: A new key}\n"
	"      - {value: other, label: Something else}\n"
	"    next:\n"
	"      - {when: kind == \"other\", goto: check}\n"
	"      - goto: extras\n"
	"  - id: extras\n"
	"    type: multi\n"
	"    title: What else?\n"
	"    required: false\n"
	"    choices:\n"
	"      - {value: tea, label: Tea}\n"
	"      - {value: coffee, label: Coffee}\n"
	"  - id: paid\n"
	"    type: yesno\n"
	"    title: Have you paid?\n"
	"  - id: name\n"
	"    type: text\n"
	"    title: What is your name?\n"
	"  - id: count\n"
	"    type: number\n"
	"    title: How many?\n"
	"    unit: people\n"
	"  - id: day\n"
	"    type: date\n"
	"    title: Which day?\n"
	"  - id: check\n"
	"    type: review\n"
	"    title: Are your answers right?\n"
	"  - id: done\n"
	"    type: end\n"
	"    title: Thank you, {name}\n"
	"    text: Bring the deposit on {day}.\n"
	"    todo:\n"
	"      - Pay the deposit first.\n"
	"      - Come at ten.\n";

static const char *const test_roles[PAGE_ROLE_COUNT] = {
	[PAGE_BLANK] = "blank", [PAGE_HEADING] = "heading", [PAGE_TEXT] = "text", [PAGE_NOTICE] = "notice",
	[PAGE_SECOND] = "second", [PAGE_ITEM] = "item", [PAGE_ITEM_SECOND] = "item-second", [PAGE_FIELD] = "field",
	[PAGE_HINT] = "hint", [PAGE_DROPPED_HEAD] = "dropped-head", [PAGE_DROPPED] = "dropped", [PAGE_ROW] = "row",
	[PAGE_ANSWER] = "answer", [PAGE_CONTINUE] = "continue", [PAGE_TODO_HEAD] = "todo-head", [PAGE_TODO] = "todo",
	[PAGE_NOTE_HEAD] = "note-head", [PAGE_NOTE] = "note", [PAGE_TERM] = "term", [PAGE_EXPLAIN] = "explain",
};

static char test_buf[8192];

/* The blocks of p, one line each: role, mark, number, "> " at the cursor, "*" where terms count, text. */
static const char *test_blocks(const struct page *p)
{
	size_t n = 0;
	test_buf[0] = '\0';
	for (size_t i = 0; i < p->nblocks && n < sizeof test_buf; i++) {
		const struct page_block *b = &p->blocks[i];
		n += (size_t)snprintf(test_buf + n, sizeof test_buf - n, "%s%s%s", test_roles[b->role], *b->mark ? " " : "",
				      b->mark);
		if (b->number && n < sizeof test_buf)
			n += (size_t)snprintf(test_buf + n, sizeof test_buf - n, " %d", b->number);
		if (n < sizeof test_buf)
			n += (size_t)snprintf(test_buf + n, sizeof test_buf - n, "%s%s%s%s\n", b->focus ? " >" : "",
					      b->terms ? " *" : "", *b->text ? " " : "", b->text);
	}
	return test_buf;
}

/* The lines of p as the full screen shows them, each indented, ended by '|'. */
static const char *test_lines(const struct page *p)
{
	size_t n = 0;
	test_buf[0] = '\0';
	for (size_t i = 0; i < p->nlines && n < sizeof test_buf; i++)
		n += (size_t)snprintf(test_buf + n, sizeof test_buf - n, "%*s%.*s|\n", p->lines[i].indent, "",
				      (int)p->lines[i].len, p->lines[i].s);
	return test_buf;
}

/* The footer of p, as the full screen shows it: each key and the words for its action. */
static const char *test_footer(const struct page *p, int width)
{
	char lines[PAGE_FOOT_LINES][512];
	struct page_key keys[PAGE_FOOT_MAX];
	int n = page_footer_lines(keys, page_footer(p, keys), false, width, lines);
	test_buf[0] = '\0';
	for (int i = 0; i < n; i++)
		snprintf(test_buf + strlen(test_buf), sizeof test_buf - strlen(test_buf), "%s|", lines[i]);
	return test_buf;
}

static struct wizard *test_wizard(const char *file)
{
	struct diags d = { 0 };
	struct wizard *w = file ? wizard_load(file, NULL, &d) : wizard_load_buffer("t.yaml", test_yaml, strlen(test_yaml),
											NULL, &d);
	CHECK(w && d.n == 0);
	if (d.n)
		diag_print(&d, stdout);
	diag_free(&d);
	return w;
}

/* Give the current step the answer typed. */
static void test_answer(struct engine *e, const char *typed)
{
	struct answer_input in = { .text = typed };
	CHECK(engine_submit(e, &in));
}

/*
 * Walk on by giving each step its answer from typed, NULL-terminated: "" for a step that takes none, "[]"
 * no choice of a multi, "[tea]" one.
 */
static void test_answers(struct engine *e, const char *const *typed)
{
	for (; *typed; typed++) {
		char item[32] = "";
		const char *items[1] = { item };
		struct answer_input in = { .text = **typed ? *typed : NULL };
		if (**typed == '[') {
			snprintf(item, sizeof item, "%.*s", (int)strcspn(*typed + 1, "]"), *typed + 1);
			in = (struct answer_input){ .is_list = true, .items = items, .nitems = *item != '\0' };
		}
		CHECK(engine_submit(e, &in));
	}
}

/* The fixture of a test: the wizard, an engine on it, its view and the glossary terms. */
struct test_walk {
	struct wizard *w;
	struct engine *e;
	struct engine_view v;
	struct glossary_terms gl;
	struct page_input in;
};

static void test_start(struct test_walk *t, const char *file)
{
	t->w = test_wizard(file);
	t->e = engine_create(t->w, NULL);
	glossary_terms_init(&t->gl, t->w, engine_tr, t->w);
	engine_view(t->e, &t->v);
	t->in = (struct page_input){ .w = t->w, .e = t->e, .v = &t->v, .gl = &t->gl, .width = 60 };
}

/* The page of the step now, or of kind over it, laid out at 60 cells. */
static struct page *test_page(struct test_walk *t, enum page_kind kind)
{
	engine_view(t->e, &t->v);
	t->in.show = kind;
	return page_build(&t->in);
}

static void test_stop(struct test_walk *t)
{
	glossary_terms_free(&t->gl);
	engine_free(t->e);
	wizard_free(t->w);
}

/* An info step: the question, its text, the help, words and stop; terms and the guide's notes. */
static void test_info(void)
{
	struct test_walk t;
	test_start(&t, NULL);
	struct page *p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(p->title, "Page test");
	CHECK_STR(p->progress, "Step 1 of 3\xE2\x80\x93" "8");
	CHECK(p->message == NULL);
	CHECK_STR(test_blocks(p), "heading * Welcome\nblank\ntext * A few questions about the deposit.\nblank\n");
	CHECK_NUM(p->actions, PAGE_GO_ON | PAGE_HELP | PAGE_WORDS | PAGE_STOP);
	CHECK(p->nseen == 1 && p->seen[0]);
	CHECK_STR(page_action_label(p, PAGE_GO_ON), "Go on");
	CHECK(page_action_label(p, PAGE_BACK) == NULL);
	CHECK_STR(test_footer(p, 72), "Enter Go on   F1/? Help   Tab Words explained   F10/Ctrl-Q Stop|");
	CHECK_STR(test_lines(p), "Welcome|\n|\nA few questions about the deposit.|\n|\n");
	page_free(p);

	t.in.guide = true;
	t.in.message = "A message.";
	p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * Welcome\nblank\ntext * A few questions about the deposit.\nblank\nblank\n"
		  "note-head For the helper, not for the citizen:\nnote Read it aloud.\n");
	CHECK_STR(test_lines(p), "Welcome|\n|\nA few questions about the deposit.|\n|\n"
		  "For the helper, not for the citizen:|\n  Read it aloud.|\n");
	CHECK_STR(p->message, "A message.");
	page_free(p);
	t.in.guide = false;
	t.in.message = NULL;

	p = test_page(&t, PAGE_KIND_HELP);
	CHECK_STR(test_blocks(p), "heading Help\nblank\ntext * Ask at the desk.\n");
	CHECK_NUM(p->actions, PAGE_CLOSE);
	CHECK_STR(test_footer(p, 72), "Esc Close the help|");
	page_free(p);

	p = test_page(&t, PAGE_KIND_WORDS);
	CHECK_STR(test_blocks(p), "heading Words explained\nblank\nterm deposit\nexplain Money you pay now and get back "
		  "later.\n");
	CHECK_STR(test_footer(p, 72), "Esc Close|");
	CHECK_STR(test_lines(p), "Words explained|\n|\ndeposit|\n  Money you pay now and get back later.|\n");
	page_free(p);
	test_stop(&t);
}

/* Choices, ticks, yes and no: marks, numbers, the cursor, and the footer of each. */
static void test_choices(void)
{
	struct test_walk t;
	test_start(&t, NULL);
	test_answer(t.e, NULL);
	t.in.sel = 1;
	struct page *p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * What do you need?\nblank\nitem ( ) 1 * A new key\nitem (*) 2 > * Something "
		  "else\n");
	CHECK_NUM(p->actions, PAGE_CHOOSE | PAGE_GO_ON | PAGE_BACK | PAGE_STOP);
	CHECK_STR(test_lines(p), "What do you need?|\n|\n  ( ) 1. A new key|\n> (*) 2. Something else|\n");
	CHECK_STR(test_footer(p, 72), "\xE2\x86\x91\xE2\x86\x93 Choose   Enter Go on   Esc Back   F10/Ctrl-Q Stop|");
	CHECK_STR(test_footer(p, 30), "\xE2\x86\x91\xE2\x86\x93 Choose   Enter Go on|Esc Back   F10/Ctrl-Q Stop|");
	page_free(p);

	test_answer(t.e, "key");
	bool ticks[2] = { false, true };
	t.in.ticks = ticks;
	t.in.sel = 0;
	p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * What else?\nblank\nitem [ ] 1 > * Tea\nitem [x] 2 * Coffee\n");
	CHECK_NUM(p->actions, PAGE_CHOOSE | PAGE_TICK | PAGE_GO_ON | PAGE_BACK | PAGE_STOP);
	CHECK_STR(page_action_label(p, PAGE_TICK), "Tick or untick");
	CHECK_STR(page_key_name(p, PAGE_TICK), "Space");
	page_free(p);

	test_answers(t.e, (const char *[]){ "[]", NULL });
	t.in.sel = 1;
	p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * Have you paid?\nblank\nitem ( ) 1 * Yes\nitem (*) 2 > * No\n");
	CHECK_STR(p->progress, "Step 4 of 8");
	page_free(p);
	test_stop(&t);
}

/* Fields: a text, a number with its unit, a date with its order. */
static void test_fields(void)
{
	struct test_walk t;
	test_start(&t, NULL);
	test_answers(t.e, (const char *[]){ "", "key", "[]", "true", NULL });
	struct page *p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * What is your name?\nblank\nfield >\n");
	CHECK(p->field);
	CHECK_STR(page_key_name(p, PAGE_HELP), "F1/Ctrl-G");
	CHECK_STR(test_lines(p), "What is your name?|\n|\n|\n");
	page_free(p);
	test_answer(t.e, "Ada");
	p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * How many?\nblank\nfield >\nhint people\n");
	CHECK_STR(test_lines(p), "How many?|\n|\n|\n  people|\n");
	page_free(p);
	test_answer(t.e, "2");
	i18n_switch("da");	/* as a frontend switches: the screen's language and the engine's */
	engine_set_lang(t.e, i18n_lang("da"));
	p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * Which day?\nblank\nfield >\nhint day-month-year\n");
	page_free(p);
	i18n_switch("en");
	engine_set_lang(t.e, i18n_lang("en"));
	p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * Which day?\nblank\nfield >\nhint day/month/year\n");
	page_free(p);
	test_stop(&t);
}

/* The date's order is written the way the engine's language writes dates, not the process's language. */
static void test_date_lang(void)
{
	struct test_walk t;
	test_start(&t, NULL);
	test_answers(t.e, (const char *[]){ "", "key", "[]", "true", "Ada", "2", NULL });
	i18n_switch("da");	/* the process in Danish, the engine in the wizard's English */
	struct page *p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * Which day?\nblank\nfield >\nhint day/month/year\n");
	page_free(p);
	i18n_switch("en");	/* and the other way round */
	engine_set_lang(t.e, i18n_lang("da"));
	p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * Which day?\nblank\nfield >\nhint day-month-year\n");
	page_free(p);
	test_stop(&t);
}

/* Walk to the review, then change the choice so that five answers no longer count. */
static void test_review(void)
{
	struct test_walk t;
	test_start(&t, NULL);
	test_answers(t.e, (const char *[]){ "", "key", "[tea]", "true", "Ada", "2", "27/02/2027", NULL });
	t.in.sel = 6;
	struct page *p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * Are your answers right?\nblank\n"
		  "row 1 * What do you need?\nanswer A new key\nrow 2 * What else?\nanswer Tea\n"
		  "row 3 * Have you paid?\nanswer yes\nrow 4 * What is your name?\nanswer Ada\n"
		  "row 5 * How many?\nanswer 2\nrow 6 * Which day?\nanswer 27/02/2027\nblank\n"
		  "continue > * Everything is right: go on\n");
	CHECK_STR(page_action_label(p, PAGE_GO_ON), "Change or go on");
	CHECK_STR(test_lines(p), "Are your answers right?|\n|\n  What do you need?|\n      A new key|\n"
		  "  What else?|\n      Tea|\n  Have you paid?|\n      yes|\n  What is your name?|\n      Ada|\n"
		  "  How many?|\n      2|\n  Which day?|\n      27/02/2027|\n|\n> Everything is right: go on|\n");
	page_free(p);
	size_t n;
	int *steps = page_review_steps(t.w, t.e, &n);
	CHECK_NUM(n, 6);
	CHECK_NUM(steps[0], wizard_step_index(t.w, "kind"));
	free(steps);

	CHECK(engine_revise(t.e, wizard_step_index(t.w, "kind")));
	test_answer(t.e, "other");
	t.in.sel = 0;
	p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * Are your answers right?\nblank\n"
		  "dropped-head Because of your change, these answers no longer count:\n"
		  "dropped What else?\ndropped Have you paid?\ndropped What is your name?\ndropped How many?\n"
		  "dropped Which day?\nblank\nrow 1 > * What do you need?\nanswer > Something else\nblank\n"
		  "continue * Everything is right: go on\n");
	CHECK_STR(test_lines(p), "Are your answers right?|\n|\nBecause of your change, these answers no longer count:|\n"
		  "  - What else?|\n  - Have you paid?|\n  - What is your name?|\n  - How many?|\n  - Which day?|\n|\n"
		  "> What do you need?|\n      Something else|\n|\n  Everything is right: go on|\n");
	page_free(p);
	test_stop(&t);
}

/* The end: the checklist, Finish, saving a summary, the terms in the todo. */
static void test_end(void)
{
	struct test_walk t;
	test_start(&t, NULL);
	test_answers(t.e, (const char *[]){ "", "key", "[]", "false", "Bo", "1", "01/01/2027", NULL });
	CHECK(engine_submit(t.e, NULL));
	t.in.summary_dir = true;
	struct page *p = test_page(&t, PAGE_KIND_STEP);
	CHECK(p->progress == NULL);
	CHECK_STR(test_blocks(p), "heading * Thank you, Bo\nblank\ntext * Bring the deposit on 01/01/2027.\nblank\n"
		  "todo-head Next steps\ntodo * Pay the deposit first.\ntodo * Come at ten.\n");
	CHECK_STR(test_lines(p), "Thank you, Bo|\n|\nBring the deposit on 01/01/2027.|\n|\n[ ] Pay the deposit first.|\n"
		  "[ ] Come at ten.|\n");
	CHECK_STR(test_footer(p, 72), "Enter Finish   F3/Ctrl-S Save a summary   Esc Back   Tab Words explained|"
		  "F10/Ctrl-Q Stop|");
	CHECK(!(p->actions & PAGE_PRINT));
	page_free(p);
	t.in.summary_dir = false;
	t.in.print = true;	/* --print: the end offers to print, after saving in the order of the keys */
	p = test_page(&t, PAGE_KIND_STEP);
	CHECK(p->actions & PAGE_PRINT);
	CHECK_STR(test_footer(p, 72), "Enter Finish   F5/Ctrl-P Print   Esc Back   Tab Words explained|F10/Ctrl-Q Stop|");
	page_free(p);
	test_stop(&t);
}

/* The overlays of a kiosk and of the language: start over, the picker, the idle warning; a menu. */
static void test_overlays(void)
{
	struct test_walk t;
	test_start(&t, NULL);
	struct page *p = test_page(&t, PAGE_KIND_STOP);
	CHECK_STR(test_blocks(p), "heading Do you want to stop?\nblank\ntext Your answers will not be kept.\n");
	CHECK_STR(test_footer(p, 72), "Enter Stop   Esc Go on with the guide|");
	page_free(p);
	t.in.kiosk = true;
	p = test_page(&t, PAGE_KIND_STOP);
	CHECK_STR(test_blocks(p), "heading Do you want to start over?\nblank\ntext Your answers will be wiped.\n");
	CHECK_STR(test_footer(p, 72), "Enter Start over   Esc Go on with the guide|");
	page_free(p);
	p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(page_action_label(p, PAGE_STOP), "Start over");
	page_free(p);

	t.in.idle_left = 1;
	p = test_page(&t, PAGE_KIND_IDLE);
	CHECK_STR(test_blocks(p), "heading Are you still there?\nblank\ntext Press any key to go on.\nblank\n"
		  "notice In 1 second the answers are wiped and the guide starts over.\n");
	CHECK_STR(test_footer(p, 72), "Any key Go on with the guide|");
	page_free(p);
	t.in.idle_left = -3;
	p = test_page(&t, PAGE_KIND_IDLE);
	CHECK_STR(p->blocks[p->nblocks - 1].text, "In 0 seconds the answers are wiped and the guide starts over.");
	page_free(p);
	t.in.kiosk = false;

	char en[] = "en", da[] = "da", *langs[] = { en, da };
	t.in.langs = langs;
	t.in.nlangs = 2;
	t.in.lang_sel = 1;
	p = test_page(&t, PAGE_KIND_LANGUAGE);
	CHECK_STR(test_blocks(p), "heading Choose a language\nblank\nitem (*) 1 * English\nitem ( ) 2 > * Dansk\n");
	CHECK_STR(test_footer(p, 72), "\xE2\x86\x91\xE2\x86\x93 Choose   Enter Use this language   Esc Close|");
	page_free(p);
	p = test_page(&t, PAGE_KIND_STEP);
	CHECK(p->actions & PAGE_LANGUAGE);
	CHECK_STR(test_footer(p, 72), "Enter Go on   F1/? Help   Tab Words explained   F10/Ctrl-Q Stop|"
		  "F2/Ctrl-L Language|");
	page_free(p);
	test_stop(&t);

	const char *labels[] = { "One guide", "Another" };
	p = page_menu("Choose a guide", labels, 2, 1, "None.", PAGE_CHOOSE | PAGE_GO_ON | PAGE_STOP, true);
	CHECK_STR(test_blocks(p), "heading Choose a guide\nblank\nitem 1 * One guide\nitem 2 > * Another\n");
	CHECK_STR(test_footer(p, 72), "\xE2\x86\x91\xE2\x86\x93 Choose   Enter Start   F10/Ctrl-Q Back|");
	page_free(p);
	p = page_menu("Choose a guide", labels, 0, 0, "None.", PAGE_STOP, false);
	CHECK_STR(test_blocks(p), "heading Choose a guide\nblank\ntext None.\n");
	page_lay_out(p, 40, NULL);
	CHECK_STR(test_lines(p), "Choose a guide|\n|\nNone.|\n");
	page_free(p);
	page_free(NULL);
}

/* Write a catalogue of one translation (and the header) as a .mo file. */
static void test_write_mo(const char *path, const char *msgid, const char *msgstr)
{
	const char *ids[2] = { "", msgid }, *strs[2] = { "Content-Type: text/plain; charset=UTF-8\n", msgstr };
	uint32_t head[7] = { 0x950412de, 0, 2, 28, 28 + 16, 0, 0 }, at = 28 + 32;
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	fwrite(head, 4, 7, f);
	for (int table = 0; table < 2; table++)
		for (int i = 0; i < 2; i++) {
			const char *s = table ? strs[i] : ids[i];
			uint32_t e[2] = { (uint32_t)strlen(s), at };
			fwrite(e, 4, 2, f);
			at += e[0] + 1;
		}
	for (int table = 0; table < 2; table++)
		for (int i = 0; i < 2; i++)
			fwrite(table ? strs[i] : ids[i], 1, strlen(table ? strs[i] : ids[i]) + 1, f);
	fclose(f);
}

/* The helper's language beneath the person's: the title and the choices, with a catalogue in Danish. */
static void test_second(void)
{
	char dir[] = "/tmp/test-page-XXXXXX", path[256];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/locale", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/locale/da", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/locale/da/LC_MESSAGES", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/locale/da/LC_MESSAGES/pagetest.mo", dir);
	test_write_mo(path, "What do you need?", "Hvad har du brug for?");
	snprintf(path, sizeof path, "%s/w.yaml", dir);
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(test_yaml, f);
	fclose(f);
	struct test_walk t;
	test_start(&t, path);
	const char *why;
	CHECK(i18n_bind_wizard(path, t.w->domain, &why) != NULL);
	test_answer(t.e, NULL);
	t.in.second_lang = "da";
	struct page *p = test_page(&t, PAGE_KIND_STEP);
	CHECK_STR(test_blocks(p), "heading * What do you need?\nsecond Hvad har du brug for?\nblank\n"
		  "item (*) 1 > * A new key\nitem ( ) 2 * Something else\n");
	CHECK_STR(test_lines(p), "What do you need?|\n  Hvad har du brug for?|\n|\n> (*) 1. A new key|\n"
		  "  ( ) 2. Something else|\n");
	page_free(p);
	test_stop(&t);
	snprintf(path, sizeof path, "%s/locale/da/LC_MESSAGES/pagetest.mo", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/w.yaml", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/locale/da/LC_MESSAGES", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/locale/da", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/locale", dir);
	rmdir(path);
	rmdir(dir);
}

/* page_fit_sizes at 80x24 and 40x12 as page_fit at each: n steps. */
static void test_fit_sizes(const struct wizard *w, size_t n)
{
	struct page_fit both[32], one[16];
	const struct page_size sizes[] = { { 80, 24 }, { 40, 12 } };
	CHECK(w->nsteps <= 16);
	CHECK_NUM(page_fit_sizes(w, 1, sizes, 2, both), n);
	for (size_t z = 0; z < 2; z++) {
		CHECK_NUM(page_fit(w, 1, sizes[z].cols, sizes[z].rows, one), n);
		for (size_t k = 0; k < n; k++) {
			const struct page_fit *f = &both[z * w->nsteps + k];
			CHECK(f->step == one[k].step && f->needed == one[k].needed && f->available == one[k].available);
		}
	}
}

/* Wrapping: items hang under their label, and the fit of every step at two sizes. */
static void test_fit(void)
{
	struct wizard *w = test_wizard(NULL);
	struct page_fit out[16];
	CHECK_NUM(page_fit(w, 1, 80, 24, out), 8);
	/* hello: 4 lines; the footer, F4 "Read aloud" named as the screen names it when reading aloud is on,
	   takes two lines of 72 cells: 24 - 1 - 1 - 2 - 2 */
	CHECK_NUM(out[0].step, 0);
	CHECK_NUM(out[0].needed, 4);
	CHECK_NUM(out[0].available, 18);
	CHECK_NUM(out[1].needed, 4);
	CHECK_NUM(out[5].needed, 4);	/* count: the field and its unit */
	CHECK_NUM(out[7].step, 8);	/* the review is left out */
	CHECK_NUM(out[7].needed, 6);
	CHECK_NUM(page_fit(w, 2, 40, 12, out), 8);
	CHECK_NUM(out[0].available, 5);	/* a footer of three lines at 38 cells, Language too */
	CHECK_NUM(out[7].needed, 6);	/* no answers: "Bring the deposit on ." fits 38 cells */
	CHECK_NUM(page_width(80), 72);
	CHECK_NUM(page_width(40), 38);
	test_fit_sizes(w, 8);
	wizard_free(w);
	/* a term whole on a line of 72 cells but split on one of 38: "Words explained" on the first only */
	static const char split[] = "trin: 1\nid: split\ntitle: Split\nlanguage: en\n"
				    "glossary:\n  security deposit: Money you get back.\nsteps:\n"
				    "  - id: one\n    type: info\n    title: One\n"
				    "    text: Bring it all to the desk, security deposit and all.\n"
				    "  - id: done\n    type: end\n    title: Done\n";
	struct diags d = { 0 };
	w = wizard_load_buffer("split.yaml", split, strlen(split), NULL, &d);
	CHECK(w && d.n == 0);
	diag_free(&d);
	if (w) {
		struct page_fit wide[2], narrow[2];
		page_fit(w, 1, 80, 24, wide);
		page_fit(w, 1, 40, 12, narrow);
		CHECK_NUM(wide[0].available, 18);	/* the footer on two lines, Tab Words explained and F4 too */
		CHECK_NUM(narrow[0].available, 6);	/* without it, on two lines of 38 too (with it, three) */
		test_fit_sizes(w, 2);
	}
	wizard_free(w);

	struct page *p = page_menu("H", (const char *[]){ "a long label that must wrap under itself" }, 1, 0, NULL, 0,
				   false);
	page_lay_out(p, 20, NULL);
	CHECK_STR(test_lines(p), "H|\n|\n> 1. a long label|\n     that must wrap|\n     under itself|\n");
	page_free(p);
	/* taller than the screen: PgUp/PgDn joins the footer, and the body has what is left */
	const char *many[8] = { "a", "b", "c", "d", "e", "f", "g", "h" };
	p = page_menu("H", many, 8, 0, NULL, PAGE_CHOOSE | PAGE_GO_ON, false);
	page_lay_out(p, 38, NULL);
	char foot[PAGE_FOOT_LINES][512];
	struct page_key keys[PAGE_FOOT_MAX];
	size_t nkeys = page_footer(p, keys);
	int nfoot;
	CHECK_NUM(p->nlines, 10);
	CHECK_NUM(nkeys, 2);
	CHECK_NUM(page_frame(p, keys, nkeys, 12, 38, 2, foot, &nfoot), 5);
	CHECK_NUM(nfoot, 2);
	CHECK_STR(foot[0], "\xE2\x86\x91\xE2\x86\x93 Choose   Enter Start");
	CHECK_STR(foot[1], "PgUp/PgDn Scroll");
	CHECK_NUM(page_frame(p, keys, nkeys, 24, 38, 1, foot, &nfoot), 19);
	CHECK_NUM(nfoot, 1);
	page_free(p);
}

/* Scrolling: the focus kept in view when the body follows it, and the body kept within its lines. */
static void test_scroll(void)
{
	const char *labels[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J" };
	struct page *p = page_menu("Choose", labels, 10, 8, NULL, PAGE_CHOOSE, false);
	page_lay_out(p, 40, NULL);
	CHECK_NUM(p->nlines, 12);	/* the heading, a blank, ten items: the ninth on line 10 */
	CHECK(p->blocks[p->lines[10].block].focus);
	CHECK_NUM(page_scroll(p, 0, 4, true), 7);	/* the focus on the last line in view */
	CHECK_NUM(page_scroll(p, 0, 4, false), 0);
	CHECK_NUM(page_scroll(p, 11, 4, true), 8);	/* back to the focus, at the top */
	CHECK_NUM(page_scroll(p, 11, 4, false), 8);	/* no further than the body's end */
	CHECK_NUM(page_scroll(p, -3, 4, false), 0);
	CHECK_NUM(page_scroll(p, 5, 40, true), 0);	/* all of it in view */
	page_free(p);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	i18n_switch("en");
	test_info();
	test_choices();
	test_fields();
	test_date_lang();
	test_review();
	test_end();
	test_overlays();
	test_second();
	test_fit();
	test_scroll();
	return test_done("test-page");
}
