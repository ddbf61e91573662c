/*
 * test-plural: unit tests of gettext's Plural-Forms as trin reads a wizard's catalogue (plural.h): the
 * rules gettext ships for a few languages, each count picking its form, and rules a hostile or broken
 * catalogue may hold, which are refused or give no form.
 */
#include <string.h>

#include "plural.h"

#include "test.h"

/* The forms rule picks for counts[0..n), as digits ("0121"), '-' where none. */
static const char *test_forms(const char *header, const unsigned long *counts, size_t n)
{
	static char buf[64];
	struct plural_rule rule;
	buf[0] = '\0';
	if (!plural_rule(header, strlen(header), &rule))
		return rule.broken ? "broken" : "none";
	for (size_t i = 0; i < n && i + 1 < sizeof buf; i++) {
		unsigned form;
		buf[i] = plural_form(&rule, counts[i], &form) ? (char)('0' + form) : '-';
		buf[i + 1] = '\0';
	}
	return buf;
}

static void test_languages(void)
{
	static const unsigned long c[] = { 0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 111 };
	size_t n = sizeof c / sizeof *c;
	CHECK_STR(test_forms("Plural-Forms: nplurals=2; plural=(n != 1);\n", c, n), "10111111111");
	CHECK_STR(test_forms("Plural-Forms: nplurals=2; plural=(n > 1);\n", c, n), "00111111111");	/* French */
	CHECK_STR(test_forms("Plural-Forms: nplurals=1; plural=0;\n", c, n), "00000000000");
	CHECK_STR(test_forms("Language: pl\nPlural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
			     "(n%100<10 || n%100>=20) ? 1 : 2);\n", c, n), "20112221222");
	CHECK_STR(test_forms("Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
			     "(n%100<10 || n%100>=20) ? 1 : 2);\n", c, n), "20112201202");	/* Russian */
	CHECK_STR(test_forms("Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
			     "n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\n", c, n), "01233444454");	/* Arabic */
}

static void test_hostile(void)
{
	static const unsigned long c[] = { 0, 1, 2 };
	CHECK_STR(test_forms("Content-Type: text/plain\n", c, 3), "none");
	CHECK_STR(test_forms("Plural-Forms: nplurals=2; plural=n / 0;\n", c, 3), "broken");
	CHECK_STR(test_forms("Plural-Forms: nplurals=2; plural=n == 1 ? 1 : 2 % (n - 2);\n", c, 3), "-1-");
	CHECK_STR(test_forms("Plural-Forms: nplurals=2; plural=n + 5;\n", c, 3), "---");
	CHECK_STR(test_forms("Plural-Forms: nplurals=9; plural=n;\n", c, 3), "broken");
	CHECK_STR(test_forms("Plural-Forms: nplurals=0; plural=0;\n", c, 3), "broken");
	CHECK_STR(test_forms("Plural-Forms: nplurals=2; plural=(n == 1;\n", c, 3), "broken");
	CHECK_STR(test_forms("Plural-Forms: nplurals=2; plural=n x 1;\n", c, 3), "broken");
	CHECK_STR(test_forms("Plural-Forms: nplurals=2; plural=99999999999999999999999 % 7 > n;\n", c, 3), "111");
	char deep[512] = "Plural-Forms: nplurals=2; plural=";
	for (int i = 0; i < 40; i++)
		strcat(deep, "(");
	strcat(deep, "n");
	for (int i = 0; i < 40; i++)
		strcat(deep, ")");
	strcat(deep, ";\n");
	CHECK_STR(test_forms(deep, c, 3), "broken");
	char is_long[400] = "Plural-Forms: nplurals=2; plural=n";
	for (int i = 0; i < 70; i++)
		strcat(is_long, " + 0");
	strcat(is_long, ";\n");
	CHECK_STR(test_forms(is_long, c, 3), "broken");	/* longer than any rule gettext ships */
	/* a header cut short, without its final line break */
	CHECK_STR(test_forms("Plural-Forms: nplurals=2; plural=n != 1", c, 3), "101");
}

int main(void)
{
	test_languages();
	test_hostile();
	return test_done("test-plural");
}
