/*
 * test-kind: unit tests of the table of step kinds (kind.h) and of the loader's reading of it.
 */
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>

#include "i18n.h"
#include "kind.h"
#include "test.h"

static bool test_has_key(enum step_type t, const char *key)
{
	for (unsigned w = 1; w < KW_COUNT; w++)
		if (strcmp(kind_words[w - 1], key) == 0)
			return kind_word_in(kind_of(t)->keys, w);
	return false;
}

/* The words are spelled as their names, once each, and a set holds just its own. */
static void test_words(void)
{
	CHECK_STR(kind_words[KW_trin - 1], "trin");
	CHECK_STR(kind_words[KW_min_length - 1], "min_length");
	CHECK_STR(kind_words[KW_todo - 1], "todo");
	CHECK(kind_words[KW_COUNT - 1] == NULL);
	for (unsigned a = 1; a < KW_COUNT; a++)
		for (unsigned b = 1; b < a; b++)
			CHECK(strcmp(kind_words[a - 1], kind_words[b - 1]) != 0);
	kind_word_set set = KIND_WORD(id) | KIND_WORD(todo);
	CHECK(kind_word_in(set, KW_id) && kind_word_in(set, KW_todo));
	CHECK(!kind_word_in(set, KW_trin) && !kind_word_in(set, KW_NONE) && !kind_word_in(set, KW_type));
	CHECK(test_has_key(STEP_CHOICE, "choices") && !test_has_key(STEP_TEXT, "choices"));
	CHECK(!test_has_key(STEP_CHOICE, "no such key"));
}

/* Every row is filled in: false (after saying which is not) when a kind has no row, as the rest would crash. */
static bool test_complete(void)
{
	bool complete = true;
	for (int i = 0; i < STEP_TYPE_COUNT; i++) {
		const struct kind *k = kind_of((enum step_type)i);
		CHECK(k->name && k->keys);
		complete &= k->name && k->keys;
	}
	return complete;
}

/* The rows agree with one another and with the names. */
static void test_rows(void)
{
	const char *const *names = kind_names();
	for (int i = 0; i < STEP_TYPE_COUNT; i++) {
		enum step_type t = (enum step_type)i;
		const struct kind *k = kind_of(t);
		CHECK_STR(names[i], k->name);
		CHECK_NUM(kind_by_name(k->name), t);
		CHECK_STR(step_type_name(t), k->name);
		CHECK(!(k->field && k->list));	/* a field or a list, never both */
		CHECK(step_takes_answer(t) == (k->answer != 0));
		CHECK(!k->answer || (k->answer & TYPE_NULL));	/* an optional answer may be left empty */
		CHECK(!k->answer || test_has_key(t, "required") == (t != STEP_REPEAT));	/* a group has min */
		CHECK(k->choices == test_has_key(t, "choices"));
		CHECK(!k->always_answered || k->answer);
		CHECK(!k->field || k->answer);	/* what is typed is an answer */
		CHECK((k->instruction != NULL) == (t != STEP_END && t != STEP_REPEAT));	/* a group shows its steps */
	}
	CHECK(names[STEP_TYPE_COUNT] == NULL);
	CHECK_NUM(kind_by_name("chioce"), STEP_TYPE_COUNT);
	CHECK_NUM(kind_by_name(""), STEP_TYPE_COUNT);
	CHECK_STR(kind_name_list(), "info, choice, multi, yesno, text, number, date, review, repeat, end");
	CHECK_STR(step_type_name((enum step_type)STEP_TYPE_COUNT), "?");
}

/* What the frontends ask of a kind. */
static void test_frontend(void)
{
	CHECK(kind_is_field(STEP_TEXT) && kind_is_field(STEP_NUMBER) && kind_is_field(STEP_DATE));
	CHECK(!kind_is_field(STEP_CHOICE) && !kind_is_field(STEP_INFO) && !kind_is_field(STEP_END));
	CHECK(kind_is_list(STEP_CHOICE) && kind_is_list(STEP_MULTI) && kind_is_list(STEP_YESNO));
	CHECK(kind_is_list(STEP_REVIEW) && !kind_is_list(STEP_INFO) && !kind_is_list(STEP_END));
	CHECK(!kind_is_list(STEP_TEXT));
	CHECK(kind_of(STEP_MULTI)->always_answered && !kind_of(STEP_CHOICE)->always_answered);

	i18n_switch("en");
	CHECK_STR(kind_instruction(STEP_NUMBER), "Type a number.");
	CHECK_STR(kind_instruction(STEP_MULTI), "Type the numbers of your choices, such as 1 3.");
	CHECK(kind_instruction(STEP_END) == NULL);
	char buf[64];
	CHECK_STR(kind_input_hint(STEP_DATE, '.', buf, sizeof buf), "day.month.year");
	CHECK(kind_input_hint(STEP_TEXT, '-', buf, sizeof buf) == NULL);
	CHECK(kind_input_hint(STEP_DATE, '-', buf, 0) == NULL);
}

/* Whether a value has the shape of an answer of a kind. */
static void test_values(void)
{
	struct value null = { VAL_NULL, { 0 } }, yes = { VAL_BOOL, { .b = true } };
	struct value num = { VAL_NUM, { .n = 5 * EXPR_SCALE } }, str = { VAL_STR, { .s = "a" } };
	struct value nostr = { VAL_STR, { .s = NULL } }, empty = { VAL_LIST, { .list = { NULL, 0 } } };
	struct value broken = { VAL_LIST, { .list = { NULL, 2 } } };
	CHECK(kind_value_fits(STEP_TEXT, null) && kind_value_fits(STEP_INFO, null));
	CHECK(kind_value_fits(STEP_YESNO, yes) && !kind_value_fits(STEP_YESNO, num));
	CHECK(kind_value_fits(STEP_NUMBER, num) && !kind_value_fits(STEP_NUMBER, str));
	CHECK(kind_value_fits(STEP_CHOICE, str) && kind_value_fits(STEP_DATE, str) && kind_value_fits(STEP_TEXT, str));
	CHECK(!kind_value_fits(STEP_TEXT, nostr));
	CHECK(kind_value_fits(STEP_MULTI, empty) && !kind_value_fits(STEP_MULTI, broken));
	CHECK(!kind_value_fits(STEP_MULTI, str) && !kind_value_fits(STEP_CHOICE, empty));
	CHECK(!kind_value_fits(STEP_INFO, str) && !kind_value_fits(STEP_END, yes) && !kind_value_fits(STEP_REVIEW, num));
}

/* The first diagnostic of loading yaml, or "ok". */
static const char *test_first(const char *yaml)
{
	static char out[512];
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &d);
	diag_sort(&d);
	snprintf(out, sizeof out, "%s", d.n ? d.v[0].msg : "ok");
	wizard_free(w);
	diag_free(&d);
	return out;
}

#define HEAD "trin: 1\ntitle: T\nsteps:\n  - id: a\n    title: A\n"
#define SLUT "  - id: slut\n    type: end\n    title: S\n"

/* The loader takes names and keys from the table. */
static void test_loader(void)
{
	CHECK_STR(test_first(HEAD "    type: yesno\n" SLUT), "ok");
	CHECK_STR(test_first(HEAD "    type: zzzzzz\n" SLUT),
		  "unknown step type 'zzzzzz' (one of info, choice, multi, yesno, text, number, date, review, repeat, end)");
	CHECK_STR(test_first(HEAD "    type: mutli\n" SLUT), "unknown step type 'mutli' (did you mean 'multi'?)");
	CHECK_STR(test_first(HEAD "    type: yesno\n    decimals: 2\n" SLUT),
		  "key 'decimals' does not apply to steps of type yesno");
	CHECK_STR(test_first(HEAD "    type: date\n    min_lenght: 2\n" SLUT),
		  "unknown key 'min_lenght' in a step (did you mean 'min_length'?)");
	CHECK_STR(test_first(HEAD "    type: number\n    unit: kr.\n    decimals: 2\n" SLUT), "ok");
	CHECK_STR(test_first(HEAD "    type: end\n    todo: [x]\n"), "ok");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (!test_complete())
		return test_done("test-kind");
	test_rows();
	test_words();
	test_frontend();
	test_values();
	test_loader();
	return test_done("test-kind");
}
