/*
 * test-keys: unit tests of what a key means on the full screen (keys.h) and what it does to the screen's
 * state (screen.h), with no terminal: the table of keys and the footer it makes, editing a field, moving
 * a list's cursor, scrolling; then a walk driven key by key through overlays, the language picker, a
 * field, the kiosk's idle warning and saving at the end.  Links the core library only: no ncurses.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "i18n.h"
#include "keys.h"
#include "model.h"
#include "page.h"
#include "screen.h"
#include "status.h"

#include "test.h"

static char keys_dir[] = "/tmp/trin-test-keys-XXXXXX";

/* Which action key does on a page that offers every action, a field focused or not. */
static void test_action(void)
{
	unsigned all = ~0u;
	CHECK_NUM(keys_action('\r', all, false), PAGE_GO_ON);
	CHECK_NUM(keys_action(KEYS_ENTER, all, true), PAGE_GO_ON);
	CHECK_NUM(keys_action('?', all, false), PAGE_HELP);
	CHECK_NUM(keys_action('?', PAGE_HELP, true), 0);	/* a field takes it as text */
	CHECK_NUM(keys_action(KEYS_F1, PAGE_HELP, true), PAGE_HELP);
	CHECK_NUM(keys_action(KEYS_CTRL('g'), PAGE_HELP, true), PAGE_HELP);
	CHECK_NUM(keys_action(' ', all, false), PAGE_TICK);
	CHECK_NUM(keys_action(' ', PAGE_TICK, true), 0);
	CHECK_NUM(keys_action(KEYS_HOME, PAGE_CHOOSE, true), 0);	/* Home moves in the field */
	CHECK_NUM(keys_action('7', PAGE_CHOOSE, false), PAGE_CHOOSE);
	CHECK_NUM(keys_action(0x1b, PAGE_BACK | PAGE_CLOSE, false), PAGE_BACK);	/* the first row offered */
	CHECK_NUM(keys_action(0x1b, PAGE_CLOSE, false), PAGE_CLOSE);
	CHECK_NUM(keys_action(KEYS_F10, PAGE_STOP, false), PAGE_STOP);
	CHECK_NUM(keys_action(KEYS_CTRL('c'), PAGE_STOP, true), PAGE_STOP);
	CHECK_NUM(keys_action(KEYS_F2, PAGE_LANGUAGE, false), PAGE_LANGUAGE);
	CHECK_NUM(keys_action(KEYS_F3, PAGE_SAVE, false), PAGE_SAVE);
	CHECK_NUM(keys_action(KEYS_F5, PAGE_PRINT, false), PAGE_PRINT);
	CHECK_NUM(keys_action(KEYS_CTRL('p'), PAGE_PRINT | PAGE_SAVE, false), PAGE_PRINT);
	CHECK_NUM(keys_action(KEYS_CTRL('p'), PAGE_SAVE | PAGE_GO_ON, false), 0);	/* only where printing is offered */
	CHECK_NUM(keys_action('\t', PAGE_WORDS, false), PAGE_WORDS);
	CHECK_NUM(keys_action('\r', PAGE_STOP, false), 0);	/* an action the page does not offer */
	CHECK_NUM(keys_action('x', PAGE_ANY_KEY, false), PAGE_ANY_KEY);
	CHECK_NUM(keys_action(KEYS_OTHER, PAGE_ANY_KEY, false), PAGE_ANY_KEY);
	CHECK_NUM(keys_action(0, PAGE_ANY_KEY, false), 0);
}

/* Every key the footer of p names does its action there, and every action a key does there is named. */
static void test_footer_keys(const struct page *p)
{
	static const uint32_t keys[] = {
		'\r', '1', ' ', '?', '\t', 0x1b, KEYS_UP, KEYS_DOWN, KEYS_HOME, KEYS_END, KEYS_ENTER, KEYS_F1, KEYS_F2,
		KEYS_F3, KEYS_F10, KEYS_CTRL('g'), KEYS_CTRL('q'), KEYS_CTRL('l'), KEYS_CTRL('s'), 'x',
	};
	struct page_key foot[PAGE_FOOT_MAX];
	size_t n = keys_footer(p, foot);
	unsigned named = 0, done = 0;
	for (size_t i = 0; i < n; i++)
		for (unsigned a = 1; a <= PAGE_ANY_KEY; a <<= 1)
			if (page_action_label(p, (enum page_action)a) == foot[i].label)
				named |= a;
	for (size_t i = 0; i < ARRAY_LEN(keys); i++)
		done |= keys_action(keys[i], p->actions, p->field);
	CHECK_NUM(named, p->actions);
	CHECK_NUM(done, p->actions);
}

/* The footer in the table's order, each action once, named as page_key_name names it. */
static void test_footer(void)
{
	const char *labels[] = { "One", "Two" };
	struct page *p = page_menu("Choose", labels, 2, 0, NULL, PAGE_CHOOSE | PAGE_GO_ON | PAGE_STOP, false);
	struct page_key foot[PAGE_FOOT_MAX];
	CHECK_NUM(keys_footer(p, foot), 3);
	CHECK_STR(foot[0].label, "Choose");
	CHECK_STR(foot[1].key, "Enter");
	CHECK_STR(foot[1].label, "Start");
	CHECK_STR(foot[2].key, "F10/Ctrl-Q");
	test_footer_keys(p);
	page_free(p);
	p = page_notice("Heading", (const char *[]){ "Text.", NULL },
			PAGE_GO_ON | PAGE_SAVE | PAGE_BACK | PAGE_HELP | PAGE_WORDS | PAGE_STOP | PAGE_LANGUAGE);
	CHECK_NUM(keys_footer(p, foot), 7);
	CHECK_STR(foot[1].key, "F3/Ctrl-S");	/* save right after Enter, as the table has it */
	CHECK_STR(foot[3].key, "F1/?");
	test_footer_keys(p);
	p->field = true;
	keys_footer(p, foot);
	CHECK_STR(foot[3].key, "F1/Ctrl-G");
	test_footer_keys(p);
	page_free(p);
}

/* A list's cursor, scrolling and the text field. */
static void test_moves(void)
{
	int num, sel = 1;
	CHECK_NUM(keys_list_way('3', &num), PICK_NUMBER);
	CHECK_NUM(num, 3);
	CHECK_NUM(keys_list_way(KEYS_END, &num), PICK_LAST);
	CHECK_NUM(keys_list_way('0', &num), PICK_NONE);
	CHECK_NUM(keys_list('3', PAGE_CHOOSE, &sel, 3), KEYS_LIST_NUMBER);
	CHECK_NUM(sel, 2);
	CHECK_NUM(keys_list(KEYS_UP, PAGE_CHOOSE, &sel, 3), KEYS_LIST_MOVED);
	CHECK_NUM(sel, 1);
	CHECK_NUM(keys_list('7', PAGE_CHOOSE, &sel, 3), KEYS_LIST_NO_ITEM);
	CHECK_NUM(keys_list('\r', PAGE_GO_ON, &sel, 3), KEYS_LIST_GO_ON);
	CHECK_NUM(keys_list('x', 0, &sel, 3), KEYS_LIST_NONE);
	CHECK_NUM(sel, 1);

	int scroll = 5;
	CHECK(keys_scroll(KEYS_PAGE_DOWN, false, 10, &scroll) && scroll == 14);
	CHECK(keys_scroll(KEYS_PAGE_UP, false, 10, &scroll) && scroll == 5);
	CHECK(!keys_scroll(KEYS_DOWN, false, 10, &scroll) && scroll == 5);
	CHECK(keys_scroll(KEYS_DOWN, true, 10, &scroll) && scroll == 6);

	struct field f = { 0 };
	bool full;
	field_set(&f, "");
	CHECK(keys_edit(&f, 'a', &full) && keys_edit(&f, 'b', &full) && !full);
	CHECK(keys_edit(&f, KEYS_LEFT, &full) && keys_edit(&f, 0xE6, &full));
	CHECK_STR(f.buf, "a\xC3\xA6" "b");
	CHECK(keys_edit(&f, 0x7f, &full));
	CHECK_STR(f.buf, "ab");
	CHECK(keys_edit(&f, KEYS_CTRL('u'), &full));
	CHECK_STR(f.buf, "b");
	CHECK(!keys_edit(&f, KEYS_F1, &full) && !keys_edit(&f, KEYS_CTRL('b'), &full) && !keys_edit(&f, KEYS_OTHER, &full));
	CHECK_STR(f.buf, "b");
	field_free(&f);
}

static const char test_yaml[] =
	"trin: 1\n"
	"id: keystest\n"
	"title: Keys test\n"
	"language: en\n"
	"steps:\n"
	"  - id: hello\n"
	"    type: info\n"
	"    title: Welcome\n"
	"    help: Ask at the desk.\n"
	"  - id: extras\n"
	"    type: multi\n"
	"    required: false\n"
	"    title: Anything with it?\n"
	"    choices:\n"
	"      - {value: milk, label: Milk}\n"
	"      - {value: sugar, label: Sugar}\n"
	"  - id: name\n"
	"    type: text\n"
	"    title: What is your name?\n"
	"  - id: done\n"
	"    type: end\n"
	"    title: Thank you, {name}\n";

static int test_holds;

static void test_hold(bool hold)
{
	test_holds += hold ? 1 : 10;
}

/* The view now, entered when it is a new step, and the page of it shown: as the full screen's walk does. */
static void test_frame(struct screen *s, struct engine_view *v, long now)
{
	engine_view(s->e, v);
	if (v->index != s->step || v->position != s->position)
		screen_enter(s, v);
	if (engine_done(s->e) && !s->output_done)
		screen_save_at_end(s);
	screen_show(s, screen_page(s, v, now));
}

/* Keys on the step, one after another, each on the page it meets; what the last one did. */
static enum screen_action test_keys(struct screen *s, const uint32_t *keys, size_t n)
{
	enum screen_action a = SCREEN_STAY;
	struct engine_view v;
	for (size_t i = 0; i < n; i++) {
		test_frame(s, &v, 0);
		a = screen_key(s, &v, keys[i], 0);
	}
	test_frame(s, &v, 0);
	return a;
}

#define TEST_KEYS(s, ...) test_keys((s), (const uint32_t[]){ __VA_ARGS__ }, sizeof((const uint32_t[]){ __VA_ARGS__ }) / sizeof(uint32_t))

/* A walk key by key: help, the question before stopping, ticking, typing, back, and saving at the end. */
static void test_walk(void)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", test_yaml, strlen(test_yaml), NULL, &d);
	CHECK(w && d.n == 0);
	char out[sizeof keys_dir + 16];
	snprintf(out, sizeof out, "%s/out.json", keys_dir);
	struct ui_options opts = { .output = out };
	struct screen s = { .w = w, .e = engine_create(w, NULL), .opts = &opts, .cols = 80, .rows = 24, .step = -1,
			    .hold = test_hold };
	screen_terms_init(&s);
	TEST_KEYS(&s, '?');
	CHECK_NUM(s.overlay, PAGE_KIND_HELP);
	CHECK_STR(s.page->blocks[s.page->nblocks - 1].text, "Ask at the desk.");
	TEST_KEYS(&s, KEYS_PAGE_DOWN, KEYS_DOWN);	/* the pages and arrows scroll it by hand */
	CHECK_NUM(s.overlay, PAGE_KIND_HELP);
	CHECK(!s.follow);
	TEST_KEYS(&s, 'x');	/* any other key closes it */
	CHECK_NUM(s.overlay, PAGE_KIND_STEP);
	CHECK(s.follow && s.scroll == 0);
	TEST_KEYS(&s, 0x1b);
	CHECK_STR(s.note, "This is the first step.");
	CHECK_STR(s.page->message, "This is the first step.");
	TEST_KEYS(&s, KEYS_F2);
	CHECK_STR(s.note, "This guide is in one language only.");
	CHECK_NUM(TEST_KEYS(&s, KEYS_F10), SCREEN_STAY);
	CHECK_NUM(s.overlay, PAGE_KIND_STOP);
	CHECK_NUM(TEST_KEYS(&s, 'n'), SCREEN_STAY);	/* any key but Enter goes on */
	CHECK_NUM(s.overlay, PAGE_KIND_STEP);

	TEST_KEYS(&s, '\r', '2');	/* on to the multi; a number ticks its choice */
	CHECK_NUM(s.step, 1);
	CHECK(!s.pick.ticks[0] && s.pick.ticks[1] && s.pick.sel == 1);
	TEST_KEYS(&s, KEYS_HOME, ' ', '9');
	CHECK(s.pick.ticks[0] && s.pick.sel == 0);
	CHECK_STR(s.note, "There is no option with that number.");
	TEST_KEYS(&s, '?');
	CHECK_STR(s.note, "There is no help for this step.");

	TEST_KEYS(&s, '\r', 'A', 'd', 'a', '?');	/* in a field '?' is text */
	CHECK_NUM(s.step, 2);
	CHECK_STR(s.pick.field.buf, "Ada?");
	TEST_KEYS(&s, KEYS_BACKSPACE, 0x1b);	/* back: what is typed is kept for coming back */
	CHECK_NUM(s.step, 1);
	TEST_KEYS(&s, '\r');
	CHECK_STR(s.pick.field.buf, "Ada");
	CHECK_NUM(test_holds, 0);
	CHECK_NUM(TEST_KEYS(&s, '\r'), SCREEN_STAY);
	CHECK_NUM(s.step, 3);
	CHECK_NUM(test_holds, 11);	/* the signals held once while the answers were written */
	CHECK(s.output_done && !s.output_failed);
	char want[128];
	snprintf(want, sizeof want, "Your answers are saved in %s.", out);
	CHECK_STR(s.page->message, want);
	CHECK_STR(s.page->title, "Keys test");
	CHECK_NUM(TEST_KEYS(&s, '\r'), SCREEN_DONE);
	unlink(out);

	screen_terms_free(&s);
	engine_free(s.e);
	screen_free(&s);
	wizard_free(w);
}

/* A kiosk left alone: the warning, which a key takes away, and then the start over. */
static void test_idle(void)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", test_yaml, strlen(test_yaml), NULL, &d);
	struct ui_options opts = { .kiosk = true, .idle = 60, .warn = 20 };
	struct screen s = { .w = w, .e = engine_create(w, NULL), .opts = &opts, .cols = 80, .rows = 24, .step = -1 };
	struct engine_view v;
	test_frame(&s, &v, 0);
	kiosk_key(&s.clock, 0);
	CHECK_NUM(screen_idle(&s, 59999), SCREEN_STAY);
	CHECK_NUM(s.overlay, PAGE_KIND_STEP);
	CHECK_NUM(screen_idle(&s, 60000), SCREEN_STAY);
	CHECK_NUM(s.overlay, PAGE_KIND_IDLE);
	test_frame(&s, &v, 61000);
	CHECK_NUM(s.page->kind, PAGE_KIND_IDLE);
	CHECK_NUM(s.page->actions, PAGE_ANY_KEY);
	CHECK_NUM(screen_key(&s, &v, 'x', 62000), SCREEN_STAY);	/* still there */
	CHECK_NUM(s.overlay, PAGE_KIND_STEP);
	CHECK_NUM(screen_idle(&s, 122000), SCREEN_STAY);
	CHECK_NUM(screen_idle(&s, 141999), SCREEN_STAY);
	CHECK_NUM(screen_idle(&s, 142000), SCREEN_RESET);
	opts.kiosk = false;
	CHECK_NUM(screen_idle(&s, 1000000), SCREEN_STAY);
	engine_free(s.e);
	screen_free(&s);
	wizard_free(w);
}

/* The language picker starts at the language shown, "da" for "da_DK" too. */
static void test_lang_index(void)
{
	char en[] = "en", da[] = "da", tr[] = "tr";
	char *langs[] = { en, da, tr };
	i18n_switch("da_DK");
	CHECK_NUM(ui_lang_index(langs, 3), 1);
	i18n_switch("tr");
	CHECK_NUM(ui_lang_index(langs, 3), 2);
	i18n_switch("de");
	CHECK_NUM(ui_lang_index(langs, 3), 0);
	i18n_switch("en");
}

/* After a walk: the status, and whether the menu comes again. */
static void test_walked(void)
{
	int status = -1;
	CHECK(!ui_walked(false, true, false, false, &status) && status == EXIT_OK);
	CHECK(!ui_walked(false, false, true, false, &status) && status == EXIT_INCOMPLETE);
	CHECK(ui_walked(true, false, false, false, &status) && status == EXIT_OK);	/* back to the menu */
	CHECK(!ui_walked(true, false, true, false, &status) && status == EXIT_OK);
	CHECK(!ui_walked(false, true, false, true, &status) && status == EXIT_INPUT);	/* an output that failed */
}

/* The menu of guides: each by its title, the cursor where asked, and a sentence when there are none. */
static void test_menu(void)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", test_yaml, strlen(test_yaml), NULL, &d);
	struct ui_wizard list[] = { { "a.yaml", w }, { "b.yaml", w } };
	struct page *p = ui_menu_page(list, 2, 1, PAGE_CHOOSE | PAGE_GO_ON, false);
	CHECK_STR(p->blocks[0].text, "Choose a guide");
	CHECK(p->nblocks == 4 && p->blocks[3].focus && !strcmp(p->blocks[3].text, "Keys test"));
	page_free(p);
	p = ui_menu_page(list, 0, 0, PAGE_STOP, false);
	CHECK_STR(p->blocks[p->nblocks - 1].text, "No guides were found.");
	page_free(p);
	wizard_free(w);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	i18n_switch("en");
	if (!mkdtemp(keys_dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_action();
	test_footer();
	test_moves();
	test_walk();
	test_idle();
	test_lang_index();
	test_walked();
	test_menu();
	rmdir(keys_dir);
	return test_done("test-keys");
}
