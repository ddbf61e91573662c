/*
 * test-i18n: unit tests of the languages as the engine is given them (i18n_lang) and of the words that
 * answer a yes/no step (i18n_yes_no).  Needs no catalogue and no installed locale.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "test.h"

/* Every code the table might hold; those it does not know come back as another code. */
static const char *const test_codes[] = { "da", "en", "tr", "de", "sv", "nb", "pl", "uk", "ar", "fr", "nn" };

/* A language by code, by locale name and by list; an unknown one writes as Danish; NULL is the current. */
static void test_lang(void)
{
	const struct i18n_lang *da = i18n_lang("da"), *en = i18n_lang("en"), *tr = i18n_lang("tr");
	CHECK_STR(da->code, "da");
	CHECK_STR(en->name, "English");
	CHECK(en->style.decimal == '.' && da->style.decimal == ',' && tr->style.decimal == ',');
	CHECK(en->style.date_sep == '/' && da->style.date_sep == '-' && tr->style.date_sep == '.');
	CHECK_STR(en->style.group, ",");
	CHECK(i18n_lang("tr_TR.UTF-8") == tr);
	CHECK(i18n_lang("en:da") == en);
	CHECK(i18n_lang("da_DK@euro") == da);
	CHECK(i18n_lang("pt_BR") == da);
	CHECK(i18n_lang("e") == da);	/* a prefix is no code */
	CHECK(&i18n_lang("en")->style == i18n_style("en"));

	i18n_switch("tr:da");
	CHECK(i18n_lang(NULL) == tr);
	CHECK(i18n_lang_shown("en") == tr);	/* the one chosen before the wizard's own */
	i18n_switch("");
	CHECK(i18n_lang(NULL) == da);
	CHECK(i18n_lang_shown("en") == en);
	CHECK(i18n_lang_shown("xx") == da);
}

/* The words of every language, each once in the table, mean the same in all of them. */
static void test_yes_no(void)
{
	size_t words = 0;
	for (size_t i = 0; i < sizeof test_codes / sizeof *test_codes; i++) {
		const struct i18n_lang *l = i18n_lang(test_codes[i]);
		if (strcmp(l->code, test_codes[i]) != 0)
			continue;
		for (size_t k = 0; l->yes && l->yes[k]; k++, words++)
			CHECK_NUM(i18n_yes_no(l->yes[k]), 1);
		for (size_t k = 0; l->no && l->no[k]; k++, words++)
			CHECK_NUM(i18n_yes_no(l->no[k]), 0);
	}
	CHECK_NUM(words, 17);	/* da 4, en 6, tr 3, uk 2, ar 2 */
	static const struct {
		const char *word;
		int answer;
	} cases[] = {
		{ "ja", 1 }, { "JA", 1 }, { "Nej", 0 }, { "yes", 1 }, { "Y", 1 }, { "no", 0 }, { "true", 1 },
		{ "FALSE", 0 }, { "evet", 1 }, { "hay\xC4\xB1r", 0 }, { "HAYIR", 0 }, { "Hay\xC4\xB1r", 0 },
		{ "j", 1 }, { "n", 0 }, { "\xD0\xA2\xD0\xB0\xD0\xBA", 1 } /* Так */, { "\xD0\x9D\xD0\x86", 0 } /* НІ */,
		{ "\xD9\x86\xD8\xB9\xD9\x85", 1 } /* نعم */, { "\xD9\x84\xD8\xA7", 0 } /* لا */, { "", -1 }, { "jo", -1 }, { "nein", -1 }, { "1", -1 }, { "yes ", -1 },
		{ "yesyesyesyesyesyesyes", -1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int got = i18n_yes_no(cases[i].word);
		if (got != cases[i].answer)
			printf("word '%s':\n", cases[i].word);
		CHECK_NUM(got, cases[i].answer);
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_lang();
	test_yes_no();
	return test_done("test-i18n");
}
