/*
 * test-engine: unit tests of the engine (engine.h) over wizards loaded from YAML strings.
 *
 * Each check compares exact values: the current step's id, an answer printed as the tests spell values
 * ("40000", "2.5", "\"2025-02-27\"", "true", "[\"a\", \"b\"]", "null"), the refusal message word for word,
 * the progress numbers.  Prints each failing check with its line; exits non-zero when any check failed.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "model.h"

#include "i18n.h"
#include "test.h"

/* Scratch for printed values; freed at the end. */
static struct arena test_arena;

/* A value as the tests spell it. */
static const char *test_show(struct value v)
{
	struct arena *a = &test_arena;
	char buf[32];
	switch (v.type) {
	case VAL_NULL:
		return "null";
	case VAL_BOOL:
		return v.u.b ? "true" : "false";
	case VAL_NUM:
		return arena_strdup(a, value_num_format(v.u.n, buf, sizeof buf));
	case VAL_STR:
		return arena_printf(a, "\"%s\"", v.u.s);
	case VAL_LIST: {
		const char *s = "[";
		for (size_t i = 0; i < v.u.list.n; i++)
			s = arena_printf(a, "%s%s%s", s, i ? ", " : "", test_show(v.u.list.items[i]));
		return arena_printf(a, "%s]", s);
	}
	}
	return "?";
}

/* Load a wizard that must load clean; prints the diagnostics otherwise. */
static struct wizard *test_load(const char *yaml)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &d);
	test_checks++;
	if (!w || d.n) {
		test_failed++;
		printf("test-engine.c: a test wizard did not load clean:\n");
		diag_print(&d, stdout);
	}
	diag_free(&d);
	return w;
}

/* A wizard of one step (given as YAML list entry, indented by two) followed by an end step. */
static struct wizard *test_load_step(const char *step)
{
	char *yaml = arena_printf(&test_arena, "trin: 1\ntitle: T\nsteps:\n%s\n  - id: slut\n    type: end\n"
				  "    title: Slut\n", step);
	return test_load(yaml);
}

static const char *test_id(struct engine *e)
{
	struct engine_view v;
	engine_view(e, &v);
	return v.step->id;
}

static const char *test_message(struct engine *e)
{
	struct engine_view v;
	engine_view(e, &v);
	return v.message ? v.message : "(none)";
}

static size_t test_path_len(struct engine *e)
{
	size_t n;
	engine_path(e, &n);
	return n;
}

static bool test_submit(struct engine *e, const char *text)
{
	struct answer_input in = { .text = text };
	return engine_submit(e, &in);
}

static bool test_submit_list(struct engine *e, const char **items, size_t n)
{
	struct answer_input in = { .is_list = true, .items = items, .nitems = n };
	return engine_submit(e, &in);
}

/* The answer of step id, printed. */
static const char *test_answer(struct engine *e, const struct wizard *w, const char *id)
{
	return test_show(engine_answer(e, wizard_step_index(w, id)));
}

/* Derived value i, printed. */
static const char *test_derived(struct engine *e, size_t i)
{
	const char *err = NULL;
	struct value v = engine_derived(e, i, &err);
	return err ? arena_printf(&test_arena, "error: %s", err) : test_show(v);
}

/* Submit text at the first step of w in a new engine: the answer printed, or "! message". */
static const char *test_try(const struct wizard *w, const char *text)
{
	if (!w)
		return "(no wizard)";
	struct engine *e = engine_create(w, NULL);
	const char *r;
	if (test_submit(e, text))
		r = test_show(engine_answer(e, w->start));
	else
		r = arena_printf(&test_arena, "! %s", test_message(e));
	engine_free(e);
	return r;
}

static const char *const test_walk_yaml =
	"trin: 1\n"
	"title: Walk\n"
	"steps:\n"
	"  - id: intro\n"
	"    type: info\n"
	"    title: Hi\n"
	"  - id: farve\n"
	"    type: choice\n"
	"    title: Farve\n"
	"    choices:\n"
	"      - {value: roed, label: Rød}\n"
	"      - {value: blaa, label: Blå}\n"
	"  - id: ting\n"
	"    type: multi\n"
	"    title: Ting\n"
	"    choices: [a, b, c]\n"
	"  - id: ok\n"
	"    type: yesno\n"
	"    title: OK?\n"
	"  - id: navn\n"
	"    type: text\n"
	"    title: Navn\n"
	"    pattern: '[A-Z][a-z]+'\n"
	"    message: Skriv et navn med stort forbogstav.\n"
	"  - id: antal\n"
	"    type: number\n"
	"    title: Antal\n"
	"    min: 0\n"
	"    max: 100000\n"
	"  - id: dag\n"
	"    type: date\n"
	"    title: Dag\n"
	"  - id: slut\n"
	"    type: end\n"
	"    title: Slut\n";

/* Walk every step type, accepted and refused; a refusal changes nothing. */
static void test_walk(void)
{
	struct wizard *w = test_load(test_walk_yaml);
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	struct engine_view v;
	engine_view(e, &v);
	CHECK_STR(v.step->id, "intro");
	CHECK_NUM(v.position, 1);
	CHECK(!v.can_back);
	CHECK(!v.answered);
	CHECK(v.message == NULL);
	CHECK(!engine_back(e));

	CHECK(engine_submit(e, NULL));
	CHECK_STR(test_id(e), "farve");
	CHECK_STR(test_message(e), "(none)");

	/* choice */
	CHECK(!test_submit(e, "x"));
	CHECK_STR(test_message(e), "'x' is not one of the options.");
	CHECK_STR(test_id(e), "farve");
	CHECK_NUM(test_path_len(e), 2);
	CHECK(!test_submit(e, ""));
	CHECK_STR(test_message(e), "Please choose one of the options.");
	CHECK(!engine_submit(e, NULL));
	CHECK_STR(test_message(e), "Please choose one of the options.");
	CHECK(!test_submit(e, "Rød"));	/* the label is not the value */
	CHECK_STR(test_message(e), "'Rød' is not one of the options.");
	CHECK(test_submit(e, "blaa"));
	CHECK_STR(test_id(e), "ting");
	CHECK_STR(test_answer(e, w, "farve"), "\"blaa\"");

	/* multi: at least one by default, in the order of the choices */
	CHECK(!test_submit_list(e, NULL, 0));
	CHECK_STR(test_message(e), "Please choose at least 1 option.");
	const char *bad[] = { "a", "z" };
	CHECK(!test_submit_list(e, bad, 2));
	CHECK_STR(test_message(e), "'z' is not one of the options.");
	CHECK_STR(test_id(e), "ting");
	CHECK_STR(test_answer(e, w, "ting"), "null");
	const char *picks[] = { "c", "a", "c" };
	CHECK(test_submit_list(e, picks, 3));
	CHECK_STR(test_answer(e, w, "ting"), "[\"a\", \"c\"]");
	CHECK_STR(test_id(e), "ok");

	/* yesno */
	CHECK(!test_submit(e, "maybe"));
	CHECK_STR(test_message(e), "Please answer yes or no.");
	CHECK(!test_submit(e, ""));
	CHECK_STR(test_message(e), "Please answer yes or no.");
	const char *two[] = { "ja", "nej" };
	CHECK(!test_submit_list(e, two, 2));
	CHECK_STR(test_message(e), "Please give one answer, not a list.");
	CHECK(test_submit(e, " Ja "));
	CHECK_STR(test_answer(e, w, "ok"), "true");
	CHECK_STR(test_id(e), "navn");

	/* text with the author's message for a pattern */
	CHECK(!test_submit(e, "   "));
	CHECK_STR(test_message(e), "Please write an answer.");
	CHECK(!test_submit(e, "anna"));
	CHECK_STR(test_message(e), "Skriv et navn med stort forbogstav.");
	CHECK(test_submit(e, "Anna"));
	CHECK_STR(test_answer(e, w, "navn"), "\"Anna\"");

	/* number */
	CHECK(!test_submit(e, ""));
	CHECK_STR(test_message(e), "Please write a number.");
	CHECK(!test_submit(e, "abc"));
	CHECK_STR(test_message(e), "Please write a number using only digits, such as 40000.");
	CHECK(!test_submit(e, "-3"));
	CHECK_STR(test_message(e), "The number must be at least 0.");
	CHECK(!test_submit(e, "100001"));
	CHECK_STR(test_message(e), "The number must be at most 100.000.");
	CHECK_STR(test_id(e), "antal");
	CHECK(test_submit(e, "100000"));
	CHECK_STR(test_answer(e, w, "antal"), "100000");

	/* date */
	CHECK(!test_submit(e, "31-02-2025"));
	CHECK_STR(test_message(e), "Please write a real date with the day first, such as 27-02-2025.");
	CHECK(!test_submit(e, ""));
	CHECK_STR(test_message(e), "Please write a date.");
	CHECK(test_submit(e, "27-02-2025"));
	CHECK_STR(test_answer(e, w, "dag"), "\"2025-02-27\"");

	engine_view(e, &v);
	CHECK_STR(v.step->id, "slut");
	CHECK(engine_done(e));
	CHECK_NUM(v.position, 8);
	/* at an end step nothing happens */
	CHECK(!engine_submit(e, NULL));
	CHECK_STR(test_message(e), "(none)");
	CHECK_NUM(test_path_len(e), 8);

	/* a refused input at a step with a remembered answer keeps the old answer */
	CHECK(engine_back(e));
	CHECK(engine_back(e));
	CHECK_STR(test_id(e), "antal");
	engine_view(e, &v);
	CHECK(v.answered);
	CHECK_STR(test_show(v.prefill), "100000");
	CHECK(!test_submit(e, "-1"));
	CHECK_STR(test_message(e), "The number must be at least 0.");
	engine_view(e, &v);
	CHECK_STR(v.step->id, "antal");
	CHECK_NUM(v.position, 6);
	CHECK_STR(test_show(v.prefill), "100000");
	CHECK_STR(test_answer(e, w, "antal"), "100000");
	CHECK_STR(test_answer(e, w, "navn"), "\"Anna\"");
	/* the next change clears the message */
	CHECK(engine_back(e));
	CHECK_STR(test_message(e), "(none)");
	engine_free(e);
	wizard_free(w);
}

/* Numbers as people type them. */
static void test_numbers(void)
{
	struct wizard *w0 = test_load_step("  - id: n\n    type: number\n    title: N\n");
	CHECK_STR(test_try(w0, "40000"), "40000");
	CHECK_STR(test_try(w0, "40 000"), "40000");
	CHECK_STR(test_try(w0, "40.000"), "40000");
	CHECK_STR(test_try(w0, "40,000"), "40000");
	CHECK_STR(test_try(w0, "1.234.567"), "1234567");
	CHECK_STR(test_try(w0, "40\xC2\xA0" "000"), "40000");
	CHECK_STR(test_try(w0, "-3"), "-3");
	CHECK_STR(test_try(w0, "\xE2\x88\x92" "3"), "-3");
	CHECK_STR(test_try(w0, "  7  "), "7");
	CHECK_STR(test_try(w0, "2.5"), "! Please write a whole number.");
	CHECK_STR(test_try(w0, "2,5"), "! Please write a whole number.");
	CHECK_STR(test_try(w0, "abc"), "! Please write a number using only digits, such as 40000.");
	CHECK_STR(test_try(w0, "12abc"), "! Please write a number using only digits, such as 40000.");
	CHECK_STR(test_try(w0, "40.00.0"), "! Please write a number using only digits, such as 40000.");
	CHECK_STR(test_try(w0, "1.2345.678"), "! Please write a number using only digits, such as 40000.");
	CHECK_STR(test_try(w0, "12 34"), "! Please write a number using only digits, such as 40000.");
	CHECK_STR(test_try(w0, "0.500"), "! Please write a whole number.");
	CHECK_STR(test_try(w0, ".5"), "! Please write a number using only digits, such as 40000.");
	CHECK_STR(test_try(w0, "-"), "! Please write a number using only digits, such as 40000.");
	CHECK_STR(test_try(w0, ""), "! Please write a number.");
	wizard_free(w0);

	struct wizard *w1 = test_load_step("  - id: n\n    type: number\n    title: N\n    decimals: 1\n");
	CHECK_STR(test_try(w1, "2,5"), "2.5");
	CHECK_STR(test_try(w1, "2.5"), "2.5");
	CHECK_STR(test_try(w1, "1.234,5"), "1234.5");
	CHECK_STR(test_try(w1, "1,234.5"), "1234.5");
	CHECK_STR(test_try(w1, "1 234,5"), "1234.5");
	CHECK_STR(test_try(w1, "-0,5"), "-0.5");
	CHECK_STR(test_try(w1, "40"), "40");
	CHECK_STR(test_try(w1, "2,55"), "! Please use at most 1 decimal.");
	CHECK_STR(test_try(w1, "12.34,5"), "! Please write a number using only digits, such as 40000.");
	wizard_free(w1);

	struct wizard *w2 = test_load_step("  - id: n\n    type: number\n    title: N\n    decimals: 2\n"
					   "    min: -10.5\n    max: 1000\n");
	CHECK_STR(test_try(w2, "2,555"), "! Please use at most 2 decimals.");
	CHECK_STR(test_try(w2, "-10,5"), "-10.5");
	CHECK_STR(test_try(w2, "-10,51"), "! The number must be at least -10,5.");
	CHECK_STR(test_try(w2, "1000"), "1000");
	CHECK_STR(test_try(w2, "1000,01"), "! The number must be at most 1000.");
	wizard_free(w2);

	/* the author's message replaces the engine's for input that is not a number */
	struct wizard *w3 = test_load_step("  - id: n\n    type: number\n    title: N\n    required: false\n"
					   "    message: Skriv et beløb i kroner.\n");
	CHECK_STR(test_try(w3, "mange"), "! Skriv et beløb i kroner.");
	CHECK_STR(test_try(w3, ""), "null");
	wizard_free(w3);
}

/* Dates as people type them. */
static void test_dates(void)
{
	struct wizard *w = test_load_step("  - id: d\n    type: date\n    title: D\n    min: 2000-01-01\n"
					  "    max: 2030-12-31\n");
	CHECK_STR(test_try(w, "2025-02-27"), "\"2025-02-27\"");
	CHECK_STR(test_try(w, "27-02-2025"), "\"2025-02-27\"");
	CHECK_STR(test_try(w, "27.02.2025"), "\"2025-02-27\"");
	CHECK_STR(test_try(w, "27/2/2025"), "\"2025-02-27\"");
	CHECK_STR(test_try(w, " 1-1-2000 "), "\"2000-01-01\"");
	CHECK_STR(test_try(w, "29-02-2024"), "\"2024-02-29\"");
	CHECK_STR(test_try(w, "2030-12-31"), "\"2030-12-31\"");
	const char *bad = "! Please write a real date with the day first, such as 27-02-2025.";
	CHECK_STR(test_try(w, "31-02-2025"), bad);
	CHECK_STR(test_try(w, "29-02-2025"), bad);
	CHECK_STR(test_try(w, "2025-13-01"), bad);
	CHECK_STR(test_try(w, "27-02-25"), bad);
	CHECK_STR(test_try(w, "27-02/2025"), bad);
	CHECK_STR(test_try(w, "27-02-2025x"), bad);
	CHECK_STR(test_try(w, "i morgen"), bad);
	CHECK_STR(test_try(w, "+1-+2-2025"), bad);	/* no signs or spaces inside */
	CHECK_STR(test_try(w, "27- 2-2025"), bad);
	CHECK_STR(test_try(w, "0202-02-27"), bad);	/* a year has four digits, ISO or not */
	CHECK_STR(test_try(w, "27-02-0999"), bad);
	CHECK_STR(test_try(w, "31-12-1999"), "! The date must be on or after 01-01-2000.");
	CHECK_STR(test_try(w, "2031-01-01"), "! The date must be on or before 31-12-2030.");
	wizard_free(w);

	struct wizard *w2 = test_load_step("  - id: d\n    type: date\n    title: D\n    required: false\n"
					   "    message: Skriv datoen som dag-måned-år.\n");
	CHECK_STR(test_try(w2, "31-02-2025"), "! Skriv datoen som dag-måned-år.");
	CHECK_STR(test_try(w2, "  "), "null");
	struct engine *e = engine_create(w2, NULL);
	CHECK(engine_set_today(e, "2028-02-29"));
	CHECK(!engine_set_today(e, "2026-02-29"));
	CHECK(!engine_set_today(e, "29-02-2028"));
	engine_free(e);
	wizard_free(w2);
}

/* Text: NFC, trimming, length in characters, patterns. */
static void test_texts(void)
{
	struct wizard *w = test_load_step("  - id: t\n    type: text\n    title: T\n    min_length: 3\n"
					  "    max_length: 5\n");
	CHECK_STR(test_try(w, "e\xCC\x81" "bc"), "\"\xC3\xA9" "bc\"");
	CHECK_STR(test_try(w, "  hej  "), "\"hej\"");
	CHECK_STR(test_try(w, "æøå"), "\"æøå\"");
	CHECK_STR(test_try(w, "æøåæø"), "\"æøåæø\"");
	/* three characters after NFC, six before */
	CHECK_STR(test_try(w, "e\xCC\x81" "e\xCC\x81" "e\xCC\x81"), "\"\xC3\xA9\xC3\xA9\xC3\xA9\"");
	CHECK_STR(test_try(w, "æø"), "! Please write at least 3 characters.");
	CHECK_STR(test_try(w, "æøåæøå"), "! Please write at most 5 characters.");
	CHECK_STR(test_try(w, ""), "! Please write an answer.");
	CHECK_STR(test_try(w, "a\tb"), "\"a b\"");
	wizard_free(w);

	struct wizard *w1 = test_load_step("  - id: t\n    type: text\n    title: T\n    min_length: 1\n"
					   "    max_length: 1\n");
	CHECK_STR(test_try(w1, "ab"), "! Please write at most 1 character.");
	wizard_free(w1);

	struct wizard *wp = test_load_step("  - id: t\n    type: text\n    title: T\n    pattern: '[0-9]{4}'\n");
	CHECK_STR(test_try(wp, "1234"), "\"1234\"");
	CHECK_STR(test_try(wp, "12345"), "! The answer does not have the expected form.");
	CHECK_STR(test_try(wp, "a1234"), "! The answer does not have the expected form.");
	CHECK_STR(test_try(wp, "123"), "! The answer does not have the expected form.");
	wizard_free(wp);

	/* an alternation is matched whole too, not just its first or last branch */
	struct wizard *wa = test_load_step("  - id: t\n    type: text\n    title: T\n    pattern: 'ja|nej'\n");
	CHECK_STR(test_try(wa, "nej"), "\"nej\"");
	CHECK_STR(test_try(wa, "jaxx"), "! The answer does not have the expected form.");
	CHECK_STR(test_try(wa, "xxnej"), "! The answer does not have the expected form.");
	wizard_free(wa);

	struct wizard *wo = test_load_step("  - id: t\n    type: text\n    title: T\n    required: false\n");
	CHECK_STR(test_try(wo, ""), "null");
	CHECK_STR(test_try(wo, "   "), "null");
	if (wo) {
		struct engine *e = engine_create(wo, NULL);
		CHECK(engine_submit(e, NULL));
		CHECK_STR(test_id(e), "slut");
		CHECK_STR(test_answer(e, wo, "t"), "null");
		CHECK(engine_back(e));
		struct engine_view v;
		engine_view(e, &v);
		CHECK(v.answered);	/* answered with nothing */
		CHECK_STR(test_show(v.prefill), "null");
		engine_free(e);
	}
	wizard_free(wo);
}

static const char *const test_branch_yaml =
	"trin: 1\n"
	"title: Branch\n"
	"values:\n"
	"  hold: partnere + 1\n"
	"  kan_aps: kapital >= 20000\n"
	"  alle: hold * kapital\n"
	"steps:\n"
	"  - id: alene\n"
	"    type: choice\n"
	"    title: Alene?\n"
	"    choices:\n"
	"      - {value: alene, label: Jeg starter alene}\n"
	"      - {value: flere, label: Vi er flere}\n"
	"    next:\n"
	"      - {when: alene == \"flere\", goto: partnere}\n"
	"      - {goto: kapital}\n"
	"  - id: partnere\n"
	"    type: number\n"
	"    title: Hvor mange partnere?\n"
	"  - id: kapital\n"
	"    type: number\n"
	"    title: Kapital\n"
	"    next:\n"
	"      - {when: kan_aps, goto: review}\n"
	"      - {goto: lille}\n"
	"  - id: lille\n"
	"    type: info\n"
	"    title: Lille\n"
	"    next: review\n"
	"  - id: review\n"
	"    type: review\n"
	"    title: Se dine svar\n"
	"    next: slut\n"
	"  - id: slut\n"
	"    type: end\n"
	"    title: Slut\n";

/* Conditions, derived values, back, and answers on a branch no longer taken. */
static void test_branches(void)
{
	struct wizard *w = test_load(test_branch_yaml);
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	struct engine_view v;
	CHECK_STR(test_derived(e, 0), "null");
	CHECK_STR(test_derived(e, 1), "false");
	CHECK(test_submit(e, "flere"));
	CHECK_STR(test_id(e), "partnere");
	CHECK(test_submit(e, "3"));
	CHECK_STR(test_id(e), "kapital");
	CHECK_STR(test_derived(e, 0), "4");
	CHECK(test_submit(e, "40000"));
	CHECK_STR(test_id(e), "review");
	CHECK_STR(test_derived(e, 1), "true");
	CHECK_STR(test_derived(e, 2), "160000");
	CHECK_STR(test_derived(e, 99), "null");

	/* back: every step shows its old answer */
	CHECK(engine_back(e));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "kapital");
	CHECK(v.answered);
	CHECK_STR(test_show(v.prefill), "40000");
	CHECK(v.can_back);
	CHECK(engine_back(e));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "partnere");
	CHECK_STR(test_show(v.prefill), "3");
	/* the step left is off the path: its answer no longer counts */
	CHECK_STR(test_answer(e, w, "kapital"), "null");
	CHECK_STR(test_derived(e, 1), "false");
	CHECK(engine_back(e));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "alene");
	CHECK_STR(test_show(v.prefill), "\"flere\"");
	CHECK_NUM(v.position, 1);
	CHECK(!v.can_back);

	/* forward on the other branch */
	CHECK(test_submit(e, "alene"));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "kapital");
	CHECK(v.answered);
	CHECK_STR(test_show(v.prefill), "40000");
	CHECK_NUM(v.position, 2);
	CHECK(test_submit(e, "10000"));
	CHECK_STR(test_id(e), "lille");
	CHECK(engine_submit(e, NULL));
	CHECK_STR(test_id(e), "review");
	/* partnere was answered, but on a branch no longer taken */
	CHECK_STR(test_answer(e, w, "partnere"), "null");
	CHECK_STR(test_answer(e, w, "alene"), "\"alene\"");
	CHECK_STR(test_answer(e, w, "kapital"), "10000");
	CHECK_STR(test_derived(e, 0), "null");
	CHECK_STR(test_derived(e, 1), "false");
	CHECK_STR(test_derived(e, 2), "null");
	CHECK_STR(engine_format(e, "{partnere}/{hold}/{kapital}", NULL, NULL), "(not answered)/(not answered)/10.000");
	size_t n;
	const int *path = engine_path(e, &n);
	CHECK_NUM(n, 4);
	if (n == 4) {
		CHECK_NUM(path[0], wizard_step_index(w, "alene"));
		CHECK_NUM(path[1], wizard_step_index(w, "kapital"));
		CHECK_NUM(path[2], wizard_step_index(w, "lille"));
		CHECK_NUM(path[3], wizard_step_index(w, "review"));
	}
	engine_free(e);
	wizard_free(w);
}

/* Revising from the review. */
static void test_review(void)
{
	struct wizard *w = test_load(test_branch_yaml);
	if (!w)
		return;
	int alene = wizard_step_index(w, "alene"), partnere = wizard_step_index(w, "partnere");
	int kapital = wizard_step_index(w, "kapital"), review = wizard_step_index(w, "review");
	struct engine *e = engine_create(w, NULL);
	struct engine_view v;
	CHECK(!engine_revise(e, alene));	/* not at a review */
	CHECK(test_submit(e, "alene"));
	CHECK(!engine_revise(e, alene));
	CHECK(test_submit(e, "40000"));
	CHECK_STR(test_id(e), "review");
	CHECK(!engine_revise(e, partnere));	/* not on the path */
	CHECK(!engine_revise(e, review));	/* not before the review */
	CHECK(!engine_revise(e, -1));
	CHECK(!engine_revise(e, 1000));
	CHECK_STR(test_id(e), "review");
	CHECK_NUM(test_path_len(e), 3);

	/* change a number: straight back to the review */
	CHECK(engine_revise(e, kapital));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "kapital");
	CHECK(v.revising);
	CHECK_STR(test_show(v.prefill), "40000");
	CHECK(test_submit(e, "50000"));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "review");
	CHECK(!v.revising);
	CHECK_NUM(v.position, 3);
	CHECK_STR(test_answer(e, w, "kapital"), "50000");

	/* the same answer again: skips the answered kapital back to the review */
	CHECK(engine_revise(e, alene));
	CHECK_STR(test_id(e), "alene");
	CHECK_NUM(test_path_len(e), 1);
	CHECK(test_submit(e, "alene"));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "review");
	CHECK(!v.revising);
	CHECK_NUM(test_path_len(e), 3);

	/* a change that opens an unanswered step stops there first */
	CHECK(engine_revise(e, alene));
	CHECK(test_submit(e, "flere"));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "partnere");
	CHECK(v.revising);
	CHECK(!v.answered);
	CHECK(!test_submit(e, "mange"));	/* refused: still revising */
	engine_view(e, &v);
	CHECK(v.revising);
	CHECK_STR(v.step->id, "partnere");
	CHECK(test_submit(e, "2"));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "review");
	CHECK(!v.revising);
	CHECK_NUM(v.position, 4);
	CHECK_STR(test_derived(e, 0), "3");
	CHECK_STR(test_derived(e, 2), "150000");
	CHECK_NUM(v.ndropped, 0);	/* a step was added; none dropped */

	/* a change that leads through a step without an answer (info) still returns to the review */
	CHECK(engine_revise(e, kapital));
	CHECK(test_submit(e, "100"));
	CHECK_STR(test_id(e), "review");
	size_t n;
	const int *path = engine_path(e, &n);
	CHECK_NUM(n, 5);
	if (n == 5)
		CHECK_STR(w->steps[path[3]].id, "lille");

	/* back from a step being revised leaves revising as it was; the review comes again */
	CHECK(engine_revise(e, alene));
	CHECK(engine_back(e) == false);
	CHECK(test_submit(e, "flere"));
	CHECK_STR(test_id(e), "review");
	CHECK_STR(engine_format(e, "{alene}: {partnere}", NULL, NULL), "Vi er flere: 2");

	/* a change that leaves a step off the way: the review names the answer that no longer counts, once */
	CHECK(engine_revise(e, alene));
	CHECK(test_submit(e, "alene"));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "review");
	CHECK_NUM(v.ndropped, 1);
	if (v.ndropped == 1)
		CHECK_NUM(v.dropped[0], partnere);
	CHECK_STR(test_answer(e, w, "partnere"), "null");
	engine_view(e, &v);	/* a view again: still there */
	CHECK_NUM(v.ndropped, 1);
	CHECK(engine_revise(e, kapital));	/* the next change forgets it */
	CHECK(test_submit(e, "100"));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "review");
	CHECK_NUM(v.ndropped, 0);
	engine_free(e);
	wizard_free(w);
}

/* Progress bounds. */
static void test_progress(void)
{
	struct engine_view v;
	struct wizard *w = test_load("trin: 1\ntitle: P\nsteps:\n"
				     "  - id: a\n    type: choice\n    title: A\n    choices: [x, y]\n"
				     "    next:\n      - {when: a == \"x\", goto: b1}\n      - {goto: c}\n"
				     "  - id: b1\n    type: info\n    title: B1\n"
				     "  - id: b2\n    type: info\n    title: B2\n"
				     "  - id: c\n    type: info\n    title: C\n"
				     "  - id: slut\n    type: end\n    title: Slut\n");
	if (w) {
		struct engine *e = engine_create(w, NULL);
		engine_view(e, &v);
		CHECK_NUM(v.position, 1);
		CHECK_NUM(v.total_min, 2);
		CHECK_NUM(v.total_max, 4);
		CHECK(test_submit(e, "x"));
		engine_view(e, &v);
		CHECK_NUM(v.position, 2);
		CHECK_NUM(v.total_min, 4);
		CHECK_NUM(v.total_max, 4);
		CHECK(engine_back(e));
		CHECK(test_submit(e, "y"));
		engine_view(e, &v);
		CHECK_STR(v.step->id, "c");
		CHECK_NUM(v.position, 2);
		CHECK_NUM(v.total_min, 2);
		CHECK_NUM(v.total_max, 2);
		CHECK(engine_submit(e, NULL));
		engine_view(e, &v);
		CHECK_STR(v.step->id, "slut");
		CHECK_NUM(v.position, 3);
		CHECK_NUM(v.total_min, 2);
		CHECK_NUM(v.total_max, 2);
		engine_free(e);
	}
	wizard_free(w);

	/* two ends at different depths */
	w = test_load("trin: 1\ntitle: P\nsteps:\n"
		      "  - id: a\n    type: yesno\n    title: A\n"
		      "    next:\n      - {when: a, goto: kort}\n      - {goto: b}\n"
		      "  - id: b\n    type: info\n    title: B\n"
		      "  - id: c\n    type: info\n    title: C\n"
		      "  - id: lang\n    type: end\n    title: Lang\n"
		      "  - id: kort\n    type: end\n    title: Kort\n");
	if (w) {
		struct engine *e = engine_create(w, NULL);
		engine_view(e, &v);
		CHECK_NUM(v.total_min, 1);
		CHECK_NUM(v.total_max, 3);
		CHECK(test_submit(e, "ja"));
		engine_view(e, &v);
		CHECK_STR(v.step->id, "kort");
		CHECK_NUM(v.position, 2);
		CHECK_NUM(v.total_min, 1);
		CHECK_NUM(v.total_max, 1);
		engine_free(e);
	}
	wizard_free(w);

	/* a loop: bounded by the steps of the loop, counted once */
	w = test_load("trin: 1\ntitle: P\nsteps:\n"
		      "  - id: a\n    type: info\n    title: A\n"
		      "  - id: b\n    type: yesno\n    title: B\n"
		      "    next:\n      - {when: b, goto: a}\n      - {goto: slut}\n"
		      "  - id: slut\n    type: end\n    title: Slut\n");
	if (w) {
		struct engine *e = engine_create(w, NULL);
		engine_view(e, &v);
		CHECK_NUM(v.total_min, 2);
		CHECK_NUM(v.total_max, 2);
		CHECK(engine_submit(e, NULL));
		CHECK(test_submit(e, "ja"));
		engine_view(e, &v);
		CHECK_STR(v.step->id, "a");
		CHECK_NUM(v.position, 3);
		CHECK_NUM(v.total_min, 4);
		CHECK_NUM(v.total_max, 4);
		engine_free(e);
	}
	wizard_free(w);

	/* a loop with a way out in the middle and a tail after it */
	w = test_load("trin: 1\ntitle: P\nsteps:\n"
		      "  - id: a\n    type: info\n    title: A\n"
		      "  - id: b\n    type: yesno\n    title: B\n"
		      "    next:\n      - {when: b, goto: d}\n      - {goto: c}\n"
		      "  - id: c\n    type: info\n    title: C\n    next: a\n"
		      "  - id: d\n    type: info\n    title: D\n"
		      "  - id: slut\n    type: end\n    title: Slut\n");
	if (w) {
		struct engine *e = engine_create(w, NULL);
		engine_view(e, &v);
		CHECK_NUM(v.total_min, 3);	/* a b d */
		CHECK_NUM(v.total_max, 4);	/* a b c d, the loop once */
		engine_free(e);
	}
	wizard_free(w);

	/* no end can be reached: a loop of info steps */
	w = test_load("trin: 1\ntitle: P\nsteps:\n"
		      "  - id: a\n    type: info\n    title: A\n"
		      "  - id: b\n    type: info\n    title: B\n    next: a\n"
		      "  - id: slut\n    type: end\n    title: Slut\n");
	if (w) {
		struct engine *e = engine_create(w, NULL);
		engine_view(e, &v);
		CHECK_NUM(v.position, 1);
		CHECK_NUM(v.total_min, 0);
		CHECK_NUM(v.total_max, 0);
		/* submitting forever stops with a message at the path limit */
		size_t steps = 0;
		while (steps < 20000 && engine_submit(e, NULL))
			steps++;
		CHECK_NUM(steps, 9999);
		CHECK_STR(test_message(e), "This wizard has gone on for too many steps. Please start over.");
		CHECK_NUM(test_path_len(e), 10000);
		engine_view(e, &v);
		CHECK_NUM(v.total_max, 0);
		engine_free(e);
	}
	wizard_free(w);
}

static const char *test_translate(void *ctx, const char *msgid)
{
	(void)ctx;
	return arena_printf(&test_arena, "[%s]", msgid);
}

/* Revising into a loop of info steps: the skip forward stops at the path limit, and nothing changes. */
static void test_endless(void)
{
	struct wizard *w = test_load("trin: 1\ntitle: L\nsteps:\n"
				     "  - id: q\n    type: yesno\n    title: Q\n"
				     "    next:\n      - {when: q, goto: loop1}\n      - {goto: r}\n"
				     "  - id: r\n    type: review\n    title: R\n    next: slut\n"
				     "  - id: loop1\n    type: info\n    title: L1\n"
				     "  - id: loop2\n    type: info\n    title: L2\n    next: loop1\n"
				     "  - id: slut\n    type: end\n    title: S\n");
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	struct engine_view v;
	CHECK(test_submit(e, "nej"));
	CHECK_STR(test_id(e), "r");
	CHECK(engine_revise(e, wizard_step_index(w, "q")));
	CHECK(!test_submit(e, "ja"));
	engine_view(e, &v);
	CHECK_STR(v.message ? v.message : "(none)", "This wizard has gone on for too many steps. Please start over.");
	/* refused: same step, same answer, still revising */
	CHECK_STR(v.step->id, "q");
	CHECK_NUM(test_path_len(e), 1);
	CHECK(v.revising);
	CHECK_STR(test_show(v.prefill), "false");
	CHECK_STR(test_answer(e, w, "q"), "false");
	CHECK_STR(test_answer(e, w, "r"), "null");
	CHECK(test_submit(e, "nej"));
	CHECK_STR(test_id(e), "r");
	CHECK_NUM(test_path_len(e), 2);
	engine_free(e);
	wizard_free(w);
}

/* Multi and choice limits. */
static void test_multi(void)
{
	struct wizard *w = test_load_step("  - id: m\n    type: multi\n    title: M\n    choices: [a, b, c, d]\n"
					  "    min: 2\n    max: 3\n");
	CHECK_STR(test_try(w, "a"), "! Please choose at least 2 options.");
	CHECK_STR(test_try(w, "x"), "! 'x' is not one of the options.");
	if (w) {
		const char *four[] = { "d", "c", "b", "a" }, *two[] = { "d", "b" }, *dup[] = { "a", "a" };
		struct engine *e = engine_create(w, NULL);
		CHECK(!test_submit_list(e, four, 4));
		CHECK_STR(test_message(e), "Please choose at most 3 options.");
		CHECK(!test_submit_list(e, dup, 2));
		CHECK_STR(test_message(e), "Please choose at least 2 options.");
		CHECK(test_submit_list(e, two, 2));
		CHECK_STR(test_answer(e, w, "m"), "[\"b\", \"d\"]");
		engine_free(e);
	}
	wizard_free(w);

	struct wizard *w0 = test_load_step("  - id: m\n    type: multi\n    title: M\n    choices: [a, b]\n"
					   "    required: false\n");
	CHECK_STR(test_try(w0, NULL), "[]");
	wizard_free(w0);

	struct wizard *wc = test_load_step("  - id: c\n    type: choice\n    title: C\n    choices: [a, b]\n"
					   "    required: false\n");
	CHECK_STR(test_try(wc, ""), "null");
	CHECK_STR(test_try(wc, "b"), "\"b\"");
	wizard_free(wc);

	struct wizard *wy = test_load_step("  - id: y\n    type: yesno\n    title: Y\n    required: false\n");
	CHECK_STR(test_try(wy, ""), "null");
	CHECK_STR(test_try(wy, "NEJ"), "false");
	CHECK_STR(test_try(wy, "hayır"), "false");
	CHECK_STR(test_try(wy, "y"), "true");
	CHECK_STR(test_try(wy, "jo"), "! Please answer yes or no.");
	wizard_free(wy);
}

/* engine_format. */
static void test_format(void)
{
	struct wizard *w = test_load("trin: 1\ntitle: F\n"
				     "values:\n  dobbelt: kapital * 2\n  halv: kapital / 8\n"
				     "steps:\n"
				     "  - id: farve\n    type: choice\n    title: F\n"
				     "    choices:\n      - {value: roed, label: Rød}\n      - {value: blaa, label: Blå}\n"
				     "  - id: ting\n    type: multi\n    title: T\n"
				     "    choices:\n      - {value: a, label: Alfa}\n      - {value: b, label: Beta}\n"
				     "      - {value: c, label: Gamma}\n"
				     "  - id: ok\n    type: yesno\n    title: OK\n"
				     "  - id: kapital\n    type: number\n    title: K\n    decimals: 2\n"
				     "  - id: dag\n    type: date\n    title: D\n"
				     "  - id: navn\n    type: text\n    title: N\n"
				     "  - id: slut\n    type: end\n    title: S\n");
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	CHECK_STR(engine_format(e, "{farve} {ok} {kapital}", NULL, NULL),
		  "(not answered) (not answered) (not answered)");
	CHECK(test_submit(e, "roed"));
	const char *ab[] = { "b", "a" };
	CHECK(test_submit_list(e, ab, 2));
	CHECK(test_submit(e, "nej"));
	CHECK(test_submit(e, "40000"));
	CHECK(test_submit(e, "2025-02-27"));
	CHECK(test_submit(e, "Anna {x}"));
	CHECK(engine_done(e));
	CHECK_STR(engine_format(e, "Du valgte {farve}.", NULL, NULL), "Du valgte Rød.");
	CHECK_STR(engine_format(e, "{ting}", NULL, NULL), "Alfa, Beta");
	CHECK_STR(engine_format(e, "{ok}", NULL, NULL), "no");
	CHECK_STR(engine_format(e, "{kapital} kr.", NULL, NULL), "40.000 kr.");
	CHECK_STR(engine_format(e, "{dobbelt}", NULL, NULL), "80.000");
	CHECK_STR(engine_format(e, "{halv}", NULL, NULL), "5000");
	CHECK_STR(engine_format(e, "{dag}", NULL, NULL), "27-02-2025");
	CHECK_STR(engine_format(e, "{navn}", NULL, NULL), "Anna {x}");
	CHECK_STR(engine_format(e, "{{farve}} {{ }}", NULL, NULL), "{farve} { }");
	CHECK_STR(engine_format(e, "{x} {farve", NULL, NULL), "{x} {farve");
	CHECK_STR(engine_format(e, "} {", NULL, NULL), "} {");
	CHECK_STR(engine_format(e, "", NULL, NULL), "");
	CHECK_STR(engine_value_text(e, &w->steps[4], engine_answer(e, 4)), "27-02-2025");
	CHECK_STR(engine_value_text(e, &w->steps[3], engine_answer(e, 3)), "40000");

	/* decimals and grouping at other sizes */
	int kapital = wizard_step_index(w, "kapital");
	static const struct {
		const char *in, *out;
	} nums[] = {
		{ "2,5", "2,5" },
		{ "1234", "1234" },
		{ "12345,67", "12.345,67" },
		{ "1234567", "1.234.567" },
		{ "-40000", "-40.000" },
		{ "-0,25", "-0,25" },
	};
	CHECK(engine_back(e));
	CHECK(engine_back(e));
	CHECK(engine_back(e));
	CHECK_STR(test_id(e), "kapital");
	for (size_t i = 0; i < ARRAY_LEN(nums); i++) {
		CHECK(test_submit(e, nums[i].in));
		CHECK_STR(engine_format(e, "{kapital}", NULL, NULL), nums[i].out);
		CHECK(engine_back(e));
		CHECK_NUM(test_id(e) == w->steps[kapital].id, 1);
	}
	CHECK_STR(engine_format(e, "{kapital}", NULL, NULL), "-0,25");	/* the current step's own answer */
	CHECK(engine_back(e));
	CHECK_STR(engine_format(e, "{kapital} {ok}", NULL, NULL), "(not answered) no");

	/* a translated label */
	CHECK_STR(engine_format(e, "{farve}", test_translate, NULL), "[Rød]");
	engine_free(e);
	wizard_free(w);

	/* an English wizard writes a decimal point */
	w = test_load("trin: 1\ntitle: F\nlanguage: en\nsteps:\n"
		      "  - id: k\n    type: number\n    title: K\n    decimals: 1\n"
		      "  - id: slut\n    type: end\n    title: S\n");
	if (!w)
		return;
	e = engine_create(w, NULL);
	CHECK(test_submit(e, "12345.5"));
	CHECK_STR(engine_format(e, "{k}", NULL, NULL), "12,345.5");
	engine_free(e);
	wizard_free(w);
}

/* Numbers and dates the way the language shown writes them, typed and read back. */
static void test_languages(void)
{
	struct wizard *w = test_load_step("  - id: n\n    type: number\n    title: N\n    decimals: 3\n"
					  "  - id: d\n    type: date\n    title: D\n");
	if (!w)
		return;
	static const struct {
		const char *lang, *typed, *number, *prefill, *date;
	} cases[] = {
		{ "da", "25.000", "25.000", "25000", "31-12-2026" },
		{ "tr", "25.000", "25.000", "25000", "31.12.2026" },
		{ "en", "2.500", "2.5", "2.5", "31/12/2026" },
		{ "en", "40,000", "40,000", "40000", "31/12/2026" },
		{ "da", "1,125", "1,125", "1,125", "31-12-2026" },
		{ "da", "40000,5", "40.000,5", "40000,5", "31-12-2026" },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct engine *e = engine_create(w, i18n_lang(cases[i].lang));
		CHECK(test_submit(e, cases[i].typed));
		CHECK_STR(engine_format(e, "{n}", NULL, NULL), cases[i].number);
		CHECK_STR(engine_value_text(e, &w->steps[0], engine_answer(e, 0)), cases[i].prefill);
		CHECK(test_submit(e, cases[i].date));
		CHECK_STR(engine_format(e, "{d}", NULL, NULL), cases[i].date);
		engine_free(e);
	}
	struct engine *e = engine_create(w, i18n_lang("en"));
	CHECK(test_submit(e, "7"));
	CHECK(!test_submit(e, "31-02-2026"));
	CHECK_STR(test_message(e), "Please write a real date with the day first, such as 27/02/2025.");
	engine_free(e);
	wizard_free(w);
}

/*
 * Answers from a file read the same in every language (engine_file_answers): a point before three digits
 * is the decimal mark.  The engine writes in the language it was given, switched by engine_set_lang, and
 * in another for one text (engine_show_text), never in the one chosen (i18n_switch).
 */
static void test_file_answers(void)
{
	struct wizard *w = test_load_step("  - id: n\n    type: number\n    title: N\n    decimals: 3\n"
					  "  - id: ok\n    type: yesno\n    title: OK {n}\n");
	if (!w)
		return;
	static const struct {
		const char *typed, *value;
	} cases[] = {
		{ "1.234", "1.234" }, { "2,500", "2500" }, { "40.000,5", "40000.5" }, { "2,5", "2.5" },
		{ "1,234.5", "1234.5" }, { "40 000", "40000" }, { "0,500", "0.5" },
	};
	static const char *const langs[] = { "da", "en", "tr" };
	for (size_t l = 0; l < ARRAY_LEN(langs); l++) {
		i18n_switch(langs[(l + 1) % ARRAY_LEN(langs)]);	/* another language chosen: no matter */
		for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
			struct engine *e = engine_create(w, i18n_lang(langs[l]));
			engine_file_answers(e);
			CHECK(test_submit(e, cases[i].typed));
			CHECK_STR(test_answer(e, w, "n"), cases[i].value);
			CHECK(test_submit(e, "evet"));
			CHECK_STR(test_answer(e, w, "ok"), "true");
			engine_free(e);
		}
	}
	i18n_switch("");

	/* as a person types: the language's mark, as the language switches */
	struct engine *e = engine_create(w, i18n_lang("da"));
	CHECK(test_submit(e, "1.234"));
	CHECK_STR(test_answer(e, w, "n"), "1234");
	CHECK_STR(engine_format(e, "{n}", NULL, NULL), "1234");
	CHECK(engine_back(e));
	engine_set_lang(e, i18n_lang("en"));
	CHECK(test_submit(e, "1.234"));
	CHECK_STR(test_answer(e, w, "n"), "1.234");
	CHECK_STR(engine_format(e, "{n}", NULL, NULL), "1.234");
	engine_set_lang(e, NULL);	/* the wizard's own: Danish */
	CHECK_STR(engine_format(e, "{n}", NULL, NULL), "1,234");
	CHECK_STR(engine_show_text(e, &w->steps[1].title, "en"), "OK 1.234");
	CHECK_STR(engine_show_text(e, &w->steps[1].title, NULL), "OK 1,234");
	engine_set_lang(NULL, NULL);	/* no engine: nothing */
	engine_free(e);
	wizard_free(w);
}

/* s with the first from replaced by to. */
static const char *test_replace(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	if (!at)
		return s;
	return arena_printf(&test_arena, "%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
}

/* The walk of one engine carried over to a changed wizard, as the full screen does when --watch reloads. */
static void test_follow(void)
{
	const char *walk = test_replace(test_walk_yaml, "max: 100000\n", "max: 100000\n    decimals: 1\n");
	struct wizard *w = test_load(walk);
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	const char *ac[] = { "a", "c" };
	CHECK(test_submit(e, NULL));
	CHECK(test_submit(e, "roed"));
	CHECK(test_submit_list(e, ac, 2));
	CHECK(test_submit(e, "nej"));
	CHECK(test_submit(e, "Ali"));
	CHECK(test_submit(e, "40000,5"));
	CHECK_STR(test_id(e), "dag");

	/* the same wizard: the same step, every answer */
	struct engine *f = engine_create(w, NULL);
	CHECK(engine_follow(f, e));
	CHECK_STR(test_id(f), "dag");
	CHECK_NUM(test_path_len(f), 7);
	CHECK_STR(test_answer(f, w, "farve"), "\"roed\"");
	CHECK_STR(test_answer(f, w, "ting"), "[\"a\", \"c\"]");
	CHECK_STR(test_answer(f, w, "ok"), "false");
	CHECK_STR(test_answer(f, w, "navn"), "\"Ali\"");
	CHECK_STR(test_answer(f, w, "antal"), "40000.5");
	CHECK_STR(test_message(f), "(none)");
	engine_free(f);

	/* a step added on the way: the walk stops there, and the answers after it are remembered */
	struct wizard *w2 = test_load(test_replace(walk, "  - id: ok\n", "  - id: ny\n    type: text\n    title: Ny\n  - id: ok\n"));
	if (w2) {
		f = engine_create(w2, NULL);
		CHECK(!engine_follow(f, e));
		CHECK_STR(test_id(f), "ny");
		CHECK_STR(test_answer(f, w2, "ting"), "[\"a\", \"c\"]");
		CHECK(test_submit(f, "x"));
		struct engine_view v;
		engine_view(f, &v);
		CHECK_STR(v.step->id, "ok");
		CHECK(v.answered && v.prefill.type == VAL_BOOL && !v.prefill.u.b);
		engine_free(f);
		wizard_free(w2);
	}

	/* an option of the multi taken away: unticked, and the others stay ticked */
	w2 = test_load(test_replace(walk, "choices: [a, b, c]", "choices: [a, b]"));
	if (w2) {
		f = engine_create(w2, NULL);
		CHECK(engine_follow(f, e));
		CHECK_STR(test_id(f), "dag");
		CHECK_STR(test_answer(f, w2, "ting"), "[\"a\"]");
		engine_free(f);
		wizard_free(w2);
	}

	/* an option renamed and the number narrowed: those answers no longer count, the others do */
	w2 = test_load(test_replace(test_replace(walk, "value: roed", "value: rood"), "max: 100000", "max: 100"));
	if (w2) {
		f = engine_create(w2, NULL);
		CHECK(!engine_follow(f, e));
		CHECK_STR(test_id(f), "farve");
		CHECK(test_submit(f, "blaa"));
		struct engine_view v;
		engine_view(f, &v);	/* ting: remembered, for the screen to tick */
		CHECK(v.answered && !strcmp(test_show(v.prefill), "[\"a\", \"c\"]"));
		CHECK(test_submit_list(f, ac, 2));
		CHECK(test_submit(f, "nej"));
		CHECK(test_submit(f, "Ali"));
		engine_view(f, &v);	/* antal: 40000,5 is over the new maximum, so not remembered */
		CHECK_STR(v.step->id, "antal");
		CHECK(!v.answered);
		engine_free(f);
		wizard_free(w2);
	}

	/* the step the person was at is gone: the walk goes as far as the answers carry it, but not onto an end
	 * the person has not reached */
	w2 = test_load(test_replace(walk, "  - id: dag\n    type: date\n    title: Dag\n", ""));
	if (w2) {
		f = engine_create(w2, NULL);
		CHECK(!engine_follow(f, e));
		CHECK_STR(test_id(f), "antal");
		CHECK_STR(test_answer(f, w2, "navn"), "\"Ali\"");
		struct engine_view v;
		engine_view(f, &v);
		CHECK(v.answered);	/* its answer waits, filled in */
		CHECK(test_submit(f, "40000,5"));
		CHECK_STR(test_id(f), "slut");
		engine_free(f);
		wizard_free(w2);
	}
	engine_free(e);
	wizard_free(w);
}

/* A value read twice, by an expression and a text: worked out once for the answers as they are. */
static const char *const test_once_yaml =
	"trin: 1\ntitle: T\nvalues:\n"
	"  hilsen: navn + \"!\"\n"
	"  dobbelt: hilsen + \" \" + hilsen\n"
	"steps:\n"
	"  - id: navn\n    type: text\n    title: Navn\n"
	"  - id: slut\n    type: end\n    title: '{hilsen} {dobbelt}'\n";

static void test_values_once(void)
{
	struct wizard *w = test_load(test_once_yaml);
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	CHECK_STR(test_derived(e, 0), "null");
	CHECK(test_submit(e, "Ane"));
	struct value a = engine_derived(e, 0, NULL), b = engine_derived(e, 0, NULL);
	CHECK_STR(test_show(a), "\"Ane!\"");
	CHECK(a.u.s == b.u.s);	/* the same string: not worked out again */
	CHECK_STR(engine_format(e, "{hilsen}, {dobbelt}", NULL, NULL), "Ane!, Ane! Ane!");
	struct engine_view v;
	engine_view(e, &v);	/* a new view keeps what is known */
	b = engine_derived(e, 0, NULL);
	CHECK(a.u.s == b.u.s);
	/* Every change of the answers or the path: worked out again. */
	CHECK(engine_back(e));
	CHECK_STR(test_derived(e, 0), "\"Ane!\"");	/* the answer of the current step counts */
	CHECK(test_submit(e, "Bo"));
	CHECK_STR(test_derived(e, 0), "\"Bo!\"");
	CHECK_STR(test_derived(e, 1), "\"Bo! Bo!\"");
	engine_free(e);
	wizard_free(w);

	/* 40 values each adding the one before twice: 2^40 readings if each were worked out at each. */
	char *yaml = arena_strdup(&test_arena, "trin: 1\ntitle: T\nvalues:\n  v0: a\n");
	for (int i = 1; i < 40; i++)
		yaml = arena_printf(&test_arena, "%s  v%d: v%d + v%d\n", yaml, i, i - 1, i - 1);
	yaml = arena_printf(&test_arena, "%ssteps:\n  - id: a\n    type: number\n    title: A\n"
			    "  - id: slut\n    type: end\n    title: '{v39}'\n", yaml);
	w = test_load(yaml);
	if (!w)
		return;
	e = engine_create(w, NULL);
	CHECK(test_submit(e, "3"));
	CHECK_STR(test_derived(e, 39), "1649267441664");
	engine_free(e);
	wizard_free(w);
}

/* Values each within the bounds but together beyond the work of one call: the engine says so calmly. */
static void test_values_work(void)
{
	char *yaml = arena_printf(&test_arena, "trin: 1\ntitle: T\nvalues:\n  s: '\"%0*d\"'\n  alle: '[", 60000, 0);
	for (int i = 0; i < 200; i++)
		yaml = arena_printf(&test_arena, "%s%slen(v%d)", yaml, i ? ", " : "", i);
	yaml = arena_printf(&test_arena, "%s]'\n", yaml);
	for (int i = 0; i < 200; i++)
		yaml = arena_printf(&test_arena, "%s  v%d: s + \"%d\"\n", yaml, i, i);
	yaml = arena_printf(&test_arena, "%ssteps:\n  - id: a\n    type: number\n    title: A\n    next:\n"
			    "      - {when: len(alle) > 0, goto: slut}\n      - goto: slut\n"
			    "  - id: slut\n    type: end\n    title: '{alle}'\n", yaml);
	struct wizard *w = test_load(yaml);
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	CHECK(!test_submit(e, "1"));
	CHECK_STR(test_message(e), "This wizard cannot work out its value 'alle' (line 5): working it out takes "
		  "too much time and memory. Please tell the people who made it.");
	CHECK_STR(test_id(e), "a");
	const char *why;
	CHECK(engine_check(e, &why));
	CHECK_STR(engine_format(e, "{alle}", NULL, NULL), "(too large to work out)");
	/* A text naming a long value over and over is cut at 1 MiB. */
	(void)engine_back(e);	/* at the start it goes nowhere, but a new call has a new budget */
	char *text = arena_strdup(&test_arena, "");
	for (int i = 0; i < 100; i++)
		text = arena_printf(&test_arena, "%s{s}", text);
	const char *shown = engine_format(e, text, NULL, NULL);
	CHECK_NUM(strlen(shown), 18 * 60000 + 3);	/* the first past 1 MiB, and an ellipsis */
	CHECK_STR(shown + strlen(shown) - 4, "0\xE2\x80\xA6");
	engine_free(e);
	wizard_free(w);
}

static const char *const test_rules_yaml =
	"trin: 1.1\n"
	"title: Moms\n"
	"values:\n"
	"  halvdel: omsaetning / 2\n"
	"steps:\n"
	"  - id: omsaetning\n"
	"    type: number\n"
	"    title: Omsætning\n"
	"  - id: moms_del\n"
	"    type: number\n"
	"    title: Med moms\n"
	"    required: false\n"
	"    max: omsaetning\n"
	"    check:\n"
	"      - {valid: moms_del != 13, message: Ikke 13.}\n"
	"      - {valid: moms_del != halvdel, message: \"Ikke {moms_del}, halvdelen af {omsaetning} kr.\"}\n"
	"  - id: eksport\n"
	"    type: number\n"
	"    title: Eksport\n"
	"    min: halvdel\n"
	"  - id: review\n"
	"    type: review\n"
	"    title: Tjek\n"
	"  - id: slut\n"
	"    type: end\n"
	"    title: Slut\n";

/* Checks across answers and limits worked out from answers (1.1): a refusal keeps nothing. */
static void test_rules(void)
{
	struct wizard *w = test_load(test_rules_yaml);
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	CHECK(test_submit(e, "300000"));
	CHECK(!test_submit(e, "300001"));
	CHECK_STR(test_message(e), "The number must be at most 300.000.");
	CHECK_STR(test_id(e), "moms_del");
	CHECK_STR(test_answer(e, w, "moms_del"), "null");
	CHECK(!test_submit(e, "13"));
	CHECK_STR(test_message(e), "Ikke 13.");
	CHECK(!test_submit(e, "150000"));	/* the message shows the answer refused */
	CHECK_STR(test_message(e), "Ikke 150.000, halvdelen af 300.000 kr.");
	CHECK_STR(test_answer(e, w, "moms_del"), "null");
	CHECK_NUM(test_path_len(e), 2);
	CHECK(test_submit(e, "100000"));
	CHECK_STR(test_message(e), "(none)");
	CHECK_STR(test_id(e), "eksport");
	CHECK(!test_submit(e, "149999"));
	CHECK_STR(test_message(e), "The number must be at least 150.000.");
	CHECK(test_submit(e, "150000"));
	CHECK_STR(test_id(e), "review");

	/* back: a refused answer leaves the one given before */
	CHECK(engine_back(e));
	CHECK(engine_back(e));
	CHECK_STR(test_id(e), "moms_del");
	CHECK(!test_submit(e, "13"));
	CHECK_STR(test_answer(e, w, "moms_del"), "100000");
	CHECK(test_submit(e, "100000"));
	CHECK(test_submit(e, "150000"));

	/* a change from the review that makes a later answer wrong stops there, saying why */
	CHECK(engine_revise(e, wizard_step_index(w, "omsaetning")));
	CHECK(test_submit(e, "200000"));
	CHECK_STR(test_id(e), "moms_del");
	CHECK_STR(test_message(e), "Ikke 100.000, halvdelen af 200.000 kr.");
	CHECK(test_submit(e, "90000"));
	CHECK_STR(test_id(e), "review");	/* eksport 150000 is at least 100000: kept */
	CHECK_STR(test_answer(e, w, "eksport"), "150000");
	engine_free(e);

	/* an empty answer is not checked */
	e = engine_create(w, NULL);
	CHECK(test_submit(e, "26"));
	CHECK(test_submit(e, ""));
	CHECK_STR(test_answer(e, w, "moms_del"), "null");
	CHECK_STR(test_id(e), "eksport");
	engine_free(e);
	wizard_free(w);
}

/* Date limits worked out from answers; null is no limit; a limit that is not a date is the wizard's error. */
static void test_rule_dates(void)
{
	struct wizard *w = test_load("trin: 1.1\ntitle: T\nsteps:\n"
				     "  - id: start\n    type: date\n    title: Start\n    required: false\n"
				     "  - id: navn\n    type: text\n    title: Navn\n"
				     "  - id: slut_dato\n    type: date\n    title: Slut\n    min: start\n    max: navn\n"
				     "  - id: slut\n    type: end\n    title: Slut\n");
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	CHECK(test_submit(e, "30-11-2026"));
	CHECK(test_submit(e, "2027-06-01"));
	CHECK(!test_submit(e, "29-11-2026"));
	CHECK_STR(test_message(e), "The date must be on or after 30-11-2026.");
	CHECK(test_submit(e, "30-11-2026"));
	CHECK(engine_done(e));
	engine_free(e);

	e = engine_create(w, NULL);
	CHECK(test_submit(e, ""));	/* no start: no lower limit */
	CHECK(test_submit(e, "2027-06-01"));
	CHECK(!test_submit(e, "2027-06-02"));
	CHECK_STR(test_message(e), "The date must be on or before 01-06-2027.");
	CHECK(test_submit(e, "01-01-1900"));
	engine_free(e);

	e = engine_create(w, NULL);
	CHECK(test_submit(e, ""));
	CHECK(test_submit(e, "Ole"));
	CHECK(!test_submit(e, "01-01-2000"));
	CHECK_STR(test_message(e), "This wizard has an error at line 15: 'max' is not a date. Please tell the people "
		  "who made it.");
	engine_free(e);
	wizard_free(w);
}

/* Date limits relative to today, with today fixed: the refusal names the limit's day. */
static void test_rule_today(void)
{
	struct wizard *w = test_load("trin: 1.1\ntitle: T\nsteps:\n"
				     "  - id: dag\n    type: date\n    title: Dag\n    min: today()\n"
				     "    max: add_years(today(), 1)\n"
				     "  - id: slut\n    type: end\n    title: Slut\n");
	if (!w)
		return;
	struct engine *e = engine_create(w, NULL);
	CHECK(engine_set_today(e, "2026-11-30"));
	CHECK(!test_submit(e, "29-11-2026"));
	CHECK_STR(test_message(e), "The date must be on or after 30-11-2026.");
	CHECK(!test_submit(e, "01-12-2027"));
	CHECK_STR(test_message(e), "The date must be on or before 30-11-2027.");
	CHECK(test_submit(e, "30-11-2027"));
	CHECK(engine_done(e));
	engine_free(e);
	e = engine_create(w, NULL);
	CHECK(engine_set_today(e, "2028-02-29"));
	CHECK(!test_submit(e, "01-03-2029"));
	CHECK_STR(test_message(e), "The date must be on or before 28-02-2029.");
	CHECK(test_submit(e, "29-02-2028"));
	engine_free(e);
	wizard_free(w);
}

/* Whether s is "first and last" with the wizard's word for "and" (Danish, or English without catalogues). */
static bool test_joined(const char *s, const char *first, const char *last)
{
	return strcmp(s, arena_printf(&test_arena, "%s og %s", first, last)) == 0 ||
	       strcmp(s, arena_printf(&test_arena, "%s and %s", first, last)) == 0;
}

/* A repeated group: items kept going back and forward, below min no question, the review's change, add
 * and remove, removing below min refused in words, and every item wiped with the engine. */
static void test_repeat(void)
{
	struct wizard *w = test_load("trin: 1.1\ntitle: T\nsteps:\n"
				     "  - id: p\n    type: repeat\n    title: Hvem?\n    min: 2\n    max: 3\n"
				     "    add: En mere?\n    item: \"{navn}/{alder}\"\n    steps:\n"
				     "      - {id: navn, type: text, title: Navn}\n"
				     "      - {id: alder, type: number, title: \"Alder for {navn}\"}\n"
				     "  - {id: r, type: review, title: R}\n"
				     "  - {id: slut, type: end, title: \"Slut {p}\"}\n");
	if (!w)
		return;
	int p = wizard_step_index(w, "p");
	struct engine *e = engine_create(w, NULL);
	struct engine_view v;
	engine_view(e, &v);
	CHECK(v.group == &w->steps[p] && v.item == 1 && !v.can_back);
	CHECK_STR(v.step->id, "navn");
	CHECK(test_submit(e, "Ada"));
	CHECK_STR(engine_format(e, "{navn}", NULL, NULL), "Ada");	/* the item at hand */
	CHECK(test_submit(e, "40"));
	engine_view(e, &v);
	CHECK_STR(v.step->id, "navn");	/* below min: no question, the next item */
	CHECK(v.item == 2 && v.can_back && v.position == 4);	/* each step and add question a place */
	CHECK(test_submit(e, "Bo") && test_submit(e, "9"));
	CHECK_STR(test_id(e), "add");
	CHECK(test_submit(e, "ja") && test_submit(e, "Cai") && test_submit(e, "70"));
	CHECK_STR(test_id(e), "r");	/* max reached: no question */
	CHECK_STR(test_show(engine_answer(e, p)), "[[\"Ada\", 40], [\"Bo\", 9], [\"Cai\", 70]]");
	CHECK(test_joined(engine_format(e, "{p}", NULL, NULL), "Ada/40, Bo/9", "Cai/70"));
	/* back into the group and forward again: every item kept */
	CHECK(engine_back(e));
	engine_view(e, &v);
	CHECK(v.item == 3 && v.answered);
	CHECK_STR(v.step->id, "alder");
	for (int i = 0; i < 4; i++)
		CHECK(engine_back(e));
	engine_view(e, &v);
	CHECK(v.item == 2 && v.answered);
	CHECK_STR(v.step->id, "navn");
	CHECK_STR(test_show(v.prefill), "\"Bo\"");
	CHECK(test_submit(e, "Bo") && test_submit(e, "9"));
	engine_view(e, &v);
	CHECK(v.answered && v.prefill.type == VAL_BOOL && v.prefill.u.b);	/* a third was given */
	CHECK(test_submit(e, "nej"));
	CHECK_STR(test_id(e), "r");
	CHECK_STR(test_show(engine_answer(e, p)), "[[\"Ada\", 40], [\"Bo\", 9]]");
	/* a reload (--watch) carries the items over: the walk goes on at the review */
	struct engine *again = engine_create(w, NULL);
	CHECK(engine_follow(again, e));
	CHECK_STR(test_id(again), "r");
	CHECK_STR(test_show(engine_answer(again, p)), "[[\"Ada\", 40], [\"Bo\", 9]]");
	CHECK(engine_revise_item(again, p, 2));
	CHECK_STR(test_show(engine_item(again, p, 2, 0)), "\"Cai\"");	/* the kept third too */
	engine_free(again);
	/* the review: removing below min is refused in words; add one; change one; remove one */
	CHECK(!engine_remove_item(e, p, 0));
	engine_view(e, &v);
	CHECK(v.message && strstr(v.message, "2"));
	CHECK_STR(v.step->id, "r");
	CHECK(!engine_revise_item(e, p, 3) && !engine_remove_item(e, p, 2));
	CHECK(engine_revise_item(e, p, 2));
	engine_view(e, &v);
	CHECK(v.item == 3 && v.answered);	/* the third, kept from before */
	CHECK(test_submit(e, "Dan") && test_submit(e, "50"));
	CHECK_STR(test_id(e), "r");
	CHECK(test_joined(engine_format(e, "{p}", NULL, NULL), "Ada/40, Bo/9", "Dan/50"));
	CHECK(engine_revise_item(e, p, 0));
	CHECK(test_submit(e, "Eva") && test_submit(e, "41"));
	CHECK_STR(test_id(e), "r");	/* one item changed: back at the review */
	CHECK(engine_remove_item(e, p, 1));
	CHECK_STR(test_id(e), "r");
	CHECK_STR(test_show(engine_answer(e, p)), "[[\"Eva\", 41], [\"Dan\", 50]]");
	const char *why;
	CHECK(engine_check(e, &why));
	CHECK(test_submit(e, ""));
	CHECK(engine_done(e));
	CHECK(test_joined(engine_format(e, "{p}", NULL, NULL), "Eva/41", "Dan/50"));
	engine_free(e);
	wizard_free(w);
}

/*
 * Checks, conditions and limits of a group's steps read the item at hand by its steps' ids, and the
 * answers outside the group by theirs; a refused answer leaves the item as it was.
 */
static void test_repeat_rules(void)
{
	struct wizard *w = test_load("trin: 1.1\ntitle: T\nsteps:\n"
				     "  - {id: loft, type: number, title: Loft}\n"
				     "  - id: p\n    type: repeat\n    title: Hvem?\n    max: 3\n"
				     "    add: En mere?\n    item: \"{navn} {cpr}\"\n    steps:\n"
				     "      - {id: navn, type: text, title: Navn}\n"
				     "      - {id: cpr, type: text, title: CPR, sensitive: true}\n"
				     "      - id: andel\n        type: number\n        title: Andel\n        max: loft\n"
				     "        check:\n          - {valid: andel > len(navn), message: \"Mere end {navn}.\"}\n"
				     "      - id: rolle\n        type: choice\n        title: Rolle\n        choices:\n"
				     "          - {value: ejer, label: Ejer}\n"
				     "          - {value: stor, label: Storejer, when: andel >= 50}\n"
				     "  - {id: slut, type: end, title: \"Slut {p}\"}\n");
	if (!w)
		return;
	int p = wizard_step_index(w, "p");
	struct engine *e = engine_create(w, NULL);
	CHECK(test_submit(e, "60") && test_submit(e, "Ada") && test_submit(e, "010101-1111"));
	CHECK(!test_submit(e, "61"));	/* max: loft, an answer outside the group */
	CHECK_STR(test_message(e), "The number must be at most 60.");
	CHECK(!test_submit(e, "3"));	/* the check reads the item's own navn */
	CHECK_STR(test_message(e), "Mere end Ada.");
	CHECK(engine_item(e, p, 0, 2).type == VAL_NULL);	/* refused: nothing kept */
	CHECK(test_submit(e, "4"));
	CHECK(!test_submit(e, "stor"));	/* hidden: andel is below 50 in this item */
	CHECK(test_submit(e, "ejer") && test_submit(e, "ja"));
	CHECK(test_submit(e, "Bo") && test_submit(e, "020202-2222") && test_submit(e, "55"));
	CHECK(test_submit(e, "stor"));	/* shown in this item */
	CHECK(test_submit(e, "nej"));
	CHECK(engine_done(e));
	CHECK(test_joined(engine_format(e, "{p}", NULL, NULL), "Ada (hidden)", "Bo (hidden)"));
	engine_free(e);
	wizard_free(w);
}

/* text() and join() write as the sentence around them: in the wizard's own language when it has no catalogue. */
static void test_value_language(void)
{
	struct wizard *w = test_load("trin: 1.1\ntitle: T\nvalues:\n  d: text(today())\n"
				     "  j: join([\"Ada\", \"Bo\", \"Cai\"])\n"
				     "steps:\n  - {id: slut, type: end, title: \"{d} {j}\"}\n");
	if (!w)
		return;
	struct engine *e = engine_create(w, i18n_lang("en"));	/* English asked for; the texts stay Danish */
	CHECK(engine_set_today(e, "2026-12-01"));
	CHECK_STR(engine_format(e, "{d} {j}", NULL, NULL), "01-12-2026 Ada, Bo og Cai");
	engine_free(e);
	wizard_free(w);
	w = test_load("trin: 1.1\ntitle: T\nlanguage: en\nvalues:\n  d: text(today())\n"
		      "steps:\n  - {id: slut, type: end, title: \"{d}\"}\n");
	if (!w)
		return;
	e = engine_create(w, i18n_lang("da"));	/* an English wizard without a Danish catalogue */
	CHECK(engine_set_today(e, "2026-12-01"));
	CHECK_STR(engine_format(e, "{d}", NULL, NULL), "01/12/2026");
	engine_free(e);
	wizard_free(w);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_walk();
	test_numbers();
	test_dates();
	test_texts();
	test_branches();
	test_review();
	test_progress();
	test_endless();
	test_multi();
	test_format();
	test_languages();
	test_file_answers();
	test_follow();
	test_values_once();
	test_values_work();
	test_rules();
	test_rule_dates();
	test_rule_today();
	test_repeat();
	test_repeat_rules();
	test_value_language();
	arena_free(&test_arena);
	return test_done("test-engine");
}
