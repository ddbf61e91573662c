/*
 * test-speech: the text a page is read aloud as (speech_text), for every step kind and overlay, with what
 * is typed in a field and the message of an answer refused.  The seam between the page and the
 * synthesizer: what is read is exactly the page's text, in reading order, a line per block.  Links the
 * core library only: no espeak-ng, no sound.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "glossary.h"
#include "i18n.h"
#include "model.h"
#include "page.h"
#include "speech-text.h"
#include "util.h"

#include "test.h"

static const char test_yaml[] =
	"trin: 1\n"
	"id: speechtest\n"
	"title: Speech test\n"
	"language: en\n"
	"glossary:\n"
	"  CVR: The number of a business.\n"
	"steps:\n"
	"  - id: hello\n"
	"    type: info\n"
	"    title: Welcome\n"
	"    text: Have your CVR at hand.\n"
	"    help: Ask at the desk.\n"
	"  - id: kind\n"
	"    type: choice\n"
	"    title: What do you need?\n"
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
	"    text: Come on {day}.\n"
	"    todo:\n"
	"      - Pay first.\n";

/* The wizard, an engine on it, its view, the glossary terms and the page input. */
struct test_walk {
	struct wizard *w;
	struct engine *e;
	struct engine_view v;
	struct glossary_terms gl;
	struct page_input in;
	char *text;
};

static void test_start(struct test_walk *t)
{
	struct diags d = { 0 };
	t->w = wizard_load_buffer("t.yaml", test_yaml, strlen(test_yaml), NULL, &d);
	CHECK(t->w && d.n == 0);
	diag_print(&d, stdout);
	diag_free(&d);
	t->e = engine_create(t->w, NULL);
	glossary_terms_init(&t->gl, t->w, engine_tr, t->w);
	t->in = (struct page_input){ .w = t->w, .e = t->e, .v = &t->v, .gl = &t->gl, .width = 60 };
	t->text = NULL;
}

/* What the page of the step now (or kind over it) is read aloud as, typed in its field; kept till the next. */
static const char *test_said(struct test_walk *t, enum page_kind kind, const char *typed)
{
	engine_view(t->e, &t->v);
	t->in.show = kind;
	t->in.message = t->v.message;
	struct page *p = page_build(&t->in);
	if (t->text)
		xfree_wiped(t->text);
	t->text = speech_text(p, typed);
	page_free(p);
	return t->text;
}

/* Give the current step the answer typed: "" none, "[tea]" one choice of a multi. */
static bool test_answer(struct engine *e, const char *typed)
{
	const char *items[1] = { typed + 1 };
	char item[32];
	struct answer_input in = { .text = *typed ? typed : NULL };
	if (*typed == '[') {
		snprintf(item, sizeof item, "%.*s", (int)strcspn(typed + 1, "]"), typed + 1);
		items[0] = item;
		in = (struct answer_input){ .is_list = true, .items = items, .nitems = *item != '\0' };
	}
	return engine_submit(e, &in);
}

static void test_stop(struct test_walk *t)
{
	if (t->text)
		xfree_wiped(t->text);
	glossary_terms_free(&t->gl);
	engine_free(t->e);
	wizard_free(t->w);
}

/* Every step kind, in order: the heading, the text, the items with their numbers, the field, the hints. */
static void test_kinds(void)
{
	struct test_walk t;
	test_start(&t);
	/* the glossary term as the word it is, not marked or spelled */
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, NULL), "Welcome\nHave your CVR at hand.\n");
	CHECK_STR(test_said(&t, PAGE_KIND_HELP, NULL), "Help\nAsk at the desk.\n");
	CHECK_STR(test_said(&t, PAGE_KIND_WORDS, NULL), "Words explained\nCVR\nThe number of a business.\n");
	CHECK(test_answer(t.e, ""));
	t.in.sel = 1;	/* the cursor is not read: every choice is, in order */
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, NULL), "What do you need?\n1: A new key\n2: Something else\n");
	CHECK(test_answer(t.e, "key"));
	bool ticks[2] = { false, true };
	t.in.ticks = ticks;
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, NULL), "What else?\n1: Tea\n2: Coffee, ticked\n");
	t.in.ticks = NULL;
	CHECK(test_answer(t.e, "[]"));
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, NULL), "Have you paid?\n1: Yes\n2: No\n");
	CHECK(test_answer(t.e, "yes"));
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, NULL), "What is your name?\n");
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, ""), "What is your name?\n");
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, "Ada Lovelace"), "What is your name?\nAda Lovelace\n");
	CHECK(test_answer(t.e, "Ada"));
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, "12"), "How many?\n12\npeople\n");
	/* an answer refused: its message last, after what was typed */
	CHECK(!test_answer(t.e, "many"));
	const char *said = test_said(&t, PAGE_KIND_STEP, "many");
	CHECK(!strncmp(said, "How many?\nmany\npeople\n", 22));
	CHECK(t.v.message && strlen(said) > 22 && !strncmp(said + 22, t.v.message, strlen(t.v.message)));
	CHECK(said[strlen(said) - 1] == '\n' && strlen(said) == 22 + strlen(t.v.message) + 1);
	CHECK(test_answer(t.e, "2"));
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, "31/01/2030"), "Which day?\n31/01/2030\nday/month/year\n");
	CHECK(test_answer(t.e, "31/01/2030"));
	t.in.sel = 0;
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, NULL),
		  "Are your answers right?\n1: What do you need?\nA new key\n2: What else?\n3: Have you paid?\nyes\n"
		  "4: What is your name?\nAda\n5: How many?\n2\n6: Which day?\n31/01/2030\nEverything is right: go on\n");
	CHECK(test_answer(t.e, ""));
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, NULL), "Thank you, Ada\nCome on 31/01/2030.\nNext steps\nPay first.\n");
	test_stop(&t);
}

/* The other overlays, the helper's second language left out, and Danish for trin's own words. */
static void test_overlays(void)
{
	struct test_walk t;
	test_start(&t);
	CHECK_STR(test_said(&t, PAGE_KIND_STOP, NULL), "Do you want to stop?\nYour answers will not be kept.\n");
	char en[] = "en", da[] = "da";
	char *langs[] = { en, da };
	t.in.langs = langs;
	t.in.nlangs = 2;
	CHECK_STR(test_said(&t, PAGE_KIND_LANGUAGE, NULL), "Choose a language\n1: English\n2: Dansk\n");
	t.in.second_lang = "da";
	CHECK(test_answer(t.e, ""));
	CHECK_STR(test_said(&t, PAGE_KIND_STEP, NULL), "What do you need?\n1: A new key\n2: Something else\n");
	test_stop(&t);
}

/* A notice and a menu, as the full screen builds them. */
static void test_menu(void)
{
	const char *labels[] = { "Visit", "Post" };
	struct page *p = page_menu("Choose a guide", labels, 2, 1, "None", PAGE_CHOOSE, false);
	char *s = speech_text(p, "ignored: no field");
	CHECK_STR(s, "Choose a guide\n1: Visit\n2: Post\n");
	xfree_wiped(s);
	page_free(p);
	p = page_notice("Out of order", (const char *const[]){ "Ask at the desk.", NULL }, 0);
	s = speech_text(p, NULL);
	CHECK_STR(s, "Out of order\nAsk at the desk.\n");
	xfree_wiped(s);
	page_free(p);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	i18n_switch("en");
	test_kinds();
	test_overlays();
	test_menu();
	return test_done("test-speech");
}
