/*
 * test-bidi: unit tests of right-to-left lines (bidi.h) and of Arabic-Indic digits typed (text_digits).
 * The layout checks need libfribidi; without it they are skipped (77) after the checks that need none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "bidi.h"
#include "engine.h"
#include "i18n.h"
#include "test.h"
#include "text.h"

/* Which byte of s balance fails at, or -1 when it holds. */
static long test_unbalanced(const char *s)
{
	size_t at = 0;
	return bidi_balanced(s, strlen(s), &at) ? -1 : (long)at;
}

static void test_balance(void)
{
	CHECK_NUM(test_unbalanced("plain text"), -1);
	CHECK_NUM(test_unbalanced("a\xE2\x80\xABrtl\xE2\x80\xAC b"), -1);	/* RLE .. PDF */
	CHECK_NUM(test_unbalanced("\xE2\x81\xA7x\xE2\x80\xAEy\xE2\x80\xACz\xE2\x81\xA9"), -1);	/* RLI RLO PDF PDI */
	CHECK_NUM(test_unbalanced("ab\xE2\x80\xAE"), 2);	/* RLO left open */
	CHECK_NUM(test_unbalanced("a\xE2\x81\xA9"), 1);	/* PDI that closes nothing */
	CHECK_NUM(test_unbalanced("\xE2\x81\xA7x\xE2\x80\xAC\xE2\x81\xA9"), 4);	/* PDF closing an isolate */
	CHECK_NUM(test_unbalanced("\xE2\x80\x8F \xD8\x9C \xE2\x80\x8E"), -1);	/* the marks need no pair */
	CHECK_NUM(test_unbalanced("\xE2\x82\xAC 5"), -1);	/* E2 of another character (the euro sign) */
	char deep[130 * 3 + 1] = "";
	for (int i = 0; i < 130; i++)
		strcat(deep, "\xE2\x81\xA6");	/* deeper than the algorithm goes */
	CHECK(test_unbalanced(deep) >= 0);
}

static void test_digits(void)
{
	char a[] = "\xD9\xA1\xD9\xA2\xD9\xAC\xD9\xA3\xD9\xA4\xD9\xA5\xD9\xAB\xD9\xA5";	/* ١٢٬٣٤٥٫٥ */
	CHECK_STR(text_digits(a), "12'345.5");
	char p[] = "\xDB\xB0\xDB\xB9-x";	/* ۰۹ */
	CHECK_STR(text_digits(p), "09-x");
	char d[] = "\xD9\xA3\xD9\xA1/\xD9\xA1\xD9\xA2/\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA6";	/* ٣١/١٢/٢٠٢٦ */
	CHECK_STR(text_digits(d), "31/12/2026");
	char keep[] = "\xD9\x84\xD8\xA7 abc";	/* letters stay */
	CHECK_STR(text_digits(keep), "\xD9\x84\xD8\xA7 abc");
}

/* The visual line of s as UTF-8, and each character's logical byte in from (comma separated). */
static const char *test_visual(const char *s, char *from, size_t size)
{
	static char out[256];
	struct bidi_line l = { 0 };
	if (!bidi_visual(s, strlen(s), true, &l))
		return "(not laid out)";
	size_t len = sizeof out - 1;
	uint8_t *u = u32_to_u8(l.cp, l.n, (uint8_t *)out, &len);
	out[u ? len : 0] = '\0';
	size_t o = 0;
	for (size_t i = 0; i < l.n && o < size; i++)
		o += (size_t)snprintf(from + o, size - o, "%s%zu", i ? "," : "", l.from[i]);
	bidi_line_free(&l);
	return out;
}

static void test_layout(void)
{
	char from[256];
	/* Latin alone keeps its order, even in a right-to-left paragraph */
	CHECK_STR(test_visual("abc", from, sizeof from), "abc");
	CHECK_STR(from, "0,1,2");
	/* Arabic is reversed and shaped: ب ا (beh alef) is drawn alef-final then beh-initial from the left */
	CHECK_STR(test_visual("\xD8\xA8\xD8\xA7", from, sizeof from), "\xEF\xBA\x8E\xEF\xBA\x91");
	CHECK_STR(from, "2,0");
	/* a number inside Arabic keeps its order, and the words around it move */
	CHECK_STR(test_visual("\xD8\xA8 2026 \xD8\xA8", from, sizeof from), "\xEF\xBA\x8F 2026 \xEF\xBA\x8F");
	CHECK_STR(from, "8,7,3,4,5,6,2,0");
	/* brackets are mirrored: "(x)" in Arabic reads the same way round */
	CHECK_STR(test_visual("\xD8\xA8 (\xD8\xA8)", from, sizeof from), "(\xEF\xBA\x8F) \xEF\xBA\x8F");
	/* lam alef joins into one ligature, one cell: the second letter is not drawn */
	CHECK_STR(test_visual("\xD9\x84\xD8\xA7", from, sizeof from), "\xEF\xBB\xBB");
	CHECK_STR(from, "0");
	/* Arabic inside a left-to-right line: reversed and shaped in place, the line's order kept */
	struct bidi_line ltr = { 0 };
	CHECK(bidi_visual("a \xD8\xA8\xD8\xA7 b", 7, false, &ltr) && ltr.n == 5);
	CHECK(ltr.n == 5 && ltr.from[0] == 0 && ltr.from[2] == 4 && ltr.from[3] == 2 && ltr.from[4] == 6 && !ltr.rtl[0] &&
	      ltr.rtl[2]);
	bidi_line_free(&ltr);
	/* not UTF-8: not laid out */
	struct bidi_line l = { 0 };
	CHECK(!bidi_visual("\xFF", 1, true, &l) && l.n == 0);
}

int main(void)
{
	i18n_init("en");
	test_balance();
	test_digits();
	struct bidi_line l = { 0 };
	if (!bidi_visual("", 0, true, &l)) {
		printf("libfribidi cannot be used here: the layout checks are skipped\n");
		int status = test_done("test-bidi");
		return status ? status : 77;
	}
	i18n_switch("ar");	/* the language chosen is the one shown, whatever the wizard's own */
	CHECK(bidi_screen_rtl("da"));
	i18n_switch("da");
	CHECK(!bidi_screen_rtl("ar"));
	test_layout();
	return test_done("test-bidi");
}
