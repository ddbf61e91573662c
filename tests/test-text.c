/*
 * test-text: unit tests of wrapping, widths and grapheme clusters (text.h).
 */
#include <locale.h>
#include <stdlib.h>

#include "test.h"
#include "text.h"
#include "util.h"

/* The wrapped lines of s joined by '|', for exact comparison. */
static const char *test_wrap(const char *s, int width)
{
	static char out[1024];
	struct text_line *lines;
	size_t n = text_wrap(s, width, &lines);
	size_t o = 0;
	int too_wide = 0;
	for (size_t i = 0; i < n; i++) {
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s", i ? "|" : "", (int)lines[i].len,
				      s + lines[i].start);
		too_wide += lines[i].width > width && lines[i].width != text_width(s + lines[i].start, lines[i].len);
	}
	free(lines);
	CHECK(too_wide == 0);
	return out;
}

static void test_wrapping(void)
{
	CHECK_STR(test_wrap("Hej med dig", 5), "Hej|med|dig");
	CHECK_STR(test_wrap("Hej med dig", 7), "Hej med|dig");
	CHECK_STR(test_wrap("Hej med dig", 80), "Hej med dig");
	CHECK_STR(test_wrap("", 10), "");
	/* a final line break (YAML block scalars) makes no empty line; inner ones do */
	CHECK_STR(test_wrap("En.\n\nTo.\n", 10), "En.||To.");
	/* Danish letters are one cell each */
	CHECK_STR(test_wrap("Ærø Åbenrå", 5), "Ærø|Åbenr|å");
	CHECK_STR(test_wrap("Ærø Åbenrå", 6), "Ærø|Åbenrå");
	/* groups of digits stay together: a phone number, an amount; a word after them does not */
	CHECK_STR(test_wrap("Ring på +45 33 98 00 10 nu", 22), "Ring på|+45 33 98 00 10 nu");
	CHECK_STR(test_wrap("Det koster 50 000 kr.", 16), "Det koster|50 000 kr.");
	CHECK_STR(test_wrap("Det er 2 personer", 8), "Det er 2|personer");
	CHECK_STR(test_wrap("+45 33 98 00 10", 6), "+45 33|98 00|10");	/* too long for the line: broken */
	/* a web address stays whole, in any script around it */
	CHECK_STR(test_wrap("Det kan du g\xC3\xB8re p\xC3\xA5 borger.dk. L\xC3\xA6s", 26), "Det kan du g\xC3\xB8re p\xC3\xA5|borger.dk. L\xC3\xA6s");
	CHECK_STR(test_wrap("\xD0\xA6\xD0\xB5 \xD0\xBD\xD0\xB0 borger.dk/abc", 13), "\xD0\xA6\xD0\xB5 \xD0\xBD\xD0\xB0|borger.dk/abc");
	CHECK_STR(test_wrap("borger.dk", 5), "borge|r.dk");	/* wider than the line: broken as any word */
	/* a word longer than the line is broken between grapheme clusters */
	CHECK_STR(test_wrap("Virksomhedsform", 6), "Virkso|mhedsf|orm");
	CHECK_STR(test_wrap("Du vælger virksomhedsform nu", 8), "Du|vælger|virksomh|edsform|nu");
	/* a combining accent stays with its letter */
	CHECK_STR(test_wrap("e\xCC\x81" "e\xCC\x81" "e\xCC\x81", 2), "e\xCC\x81" "e\xCC\x81" "|e\xCC\x81");
	/* East Asian wide characters are two cells; lines break between them */
	CHECK_STR(test_wrap("日本語のテキスト", 5), "日本|語の|テキ|スト");
	CHECK_NUM(text_width("日本語", 9), 6);
	/* Turkish dotted and dotless i are one cell */
	CHECK_STR(test_wrap("İstanbul ılık", 8), "İstanbul|ılık");
	/* spaces at the end of a line are dropped, not carried */
	CHECK_STR(test_wrap("ab    cd", 3), "ab|cd");
	/* a line of width one still makes progress with a wide character */
	CHECK_STR(test_wrap("日本", 1), "日|本");
	/* a paragraph exactly as wide as the line is one line; a cell more wraps it */
	CHECK_STR(test_wrap("Spørgsmål om dig", 16), "Spørgsmål om dig");
	CHECK_STR(test_wrap("Spørgsmål om dig", 15), "Spørgsmål om|dig");
	struct text_line *lines;
	CHECK_NUM(text_wrap("Ærø og   ", 9, &lines), 1);	/* its spaces at the end are neither shown nor counted */
	CHECK_NUM(lines[0].len, 8);
	CHECK_NUM(lines[0].width, 6);
	free(lines);
}

static void test_graphemes(void)
{
	const char *s = "ae\xCC\x81" "b";	/* a, e + combining acute, b */
	size_t n = strlen(s);
	CHECK_NUM(text_next_grapheme(s, n, 0), 1);
	CHECK_NUM(text_next_grapheme(s, n, 1), 4);
	CHECK_NUM(text_next_grapheme(s, n, 4), 5);
	CHECK_NUM(text_next_grapheme(s, n, 5), 5);
	CHECK_NUM(text_prev_grapheme(s, n, 5), 4);
	CHECK_NUM(text_prev_grapheme(s, n, 4), 1);
	CHECK_NUM(text_prev_grapheme(s, n, 1), 0);
	CHECK_NUM(text_prev_grapheme(s, n, 0), 0);
	/* a flag is two regional indicators: one cluster */
	const char *flag = "\xF0\x9F\x87\xA9\xF0\x9F\x87\xB0x";	/* DK flag, x */
	CHECK_NUM(text_next_grapheme(flag, strlen(flag), 0), 8);
	/* a family joined by ZWJ is one cluster */
	const char *family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7!";
	CHECK_NUM(text_next_grapheme(family, strlen(family), 0), strlen(family) - 1);
	CHECK_NUM(text_prev_grapheme(family, strlen(family), strlen(family) - 1), 0);
}

static void test_clean(void)
{
	char *c = text_clean("virk\xC2\xADsom\xC2\xADheds\xC2\xAD" "form");
	CHECK_STR(c, "virksomhedsform");
	free(c);
	c = text_clean("Cafe\xCC\x81");	/* decomposed é becomes one code point */
	CHECK_STR(c, "Caf\xC3\xA9");
	free(c);
	/* text below U+0300 is passed over as it is: Danish, and Latin Extended-B */
	c = text_clean("Sp\xC3\xB8rgsm\xC3\xA5l \xC7\x84");
	CHECK_STR(c, "Sp\xC3\xB8rgsm\xC3\xA5l \xC7\x84");
	free(c);
	/* a combining mark after Danish letters still composes: the quick way must not skip it */
	c = text_clean("\xC3\xA6" "bleA\xCC\x8A");
	CHECK_STR(c, "\xC3\xA6" "ble\xC3\x85");
	free(c);
	/* a singleton (Ohm sign to Omega) is replaced too */
	c = text_clean("5 \xE2\x84\xA6");
	CHECK_STR(c, "5 \xCE\xA9");
	free(c);
	/* bidi controls, as a catalogue may hold them, are dropped; other characters of their blocks stay */
	c = text_clean("a\xE2\x80\xAE" "b\xE2\x81\xA9\xD8\x9C" "c\xE2\x80\x8F \xE2\x80\x94 \xE2\x81\xA0 \xD8\xA7");
	CHECK_STR(c, "abc \xE2\x80\x94 \xE2\x81\xA0 \xD8\xA7");
	free(c);
	/* into an arena: the same */
	struct arena a = { 0 };
	CHECK_STR(text_clean_in(&a, "virk\xC2\xADsom \xE2\x80\xAE" "Cafe\xCC\x81 \xC3\xA6"), "virksom Caf\xC3\xA9 \xC3\xA6");
	CHECK_STR(text_clean_in(&a, "Sp\xC3\xB8rgsm\xC3\xA5l"), "Sp\xC3\xB8rgsm\xC3\xA5l");
	CHECK_STR(text_clean_in(&a, ""), "");
	arena_free(&a);
}

/* Width: printable ASCII is taken a byte a cell, the rest as libunistring counts it. */
static void test_width(void)
{
	CHECK_NUM(text_width("abcdefghijklmnop", 16), 16);
	CHECK_NUM(text_width("abcdefghijk\x01lmnop", 17), 16);	/* a control character takes no cell */
	CHECK_NUM(text_width("abcdefgh\xC3\xA6\xC3\xB8\xC3\xA5" "xyz", 17), 14);
	CHECK_NUM(text_width("abcdefgh\xE6\x97\xA5", 11), 10);
	CHECK_NUM(text_width("abc\0def", 7), 3);	/* a NUL ends the text */
	CHECK_NUM(text_width("", 0), 0);
}

/* What text_put_visible prints for s. */
static const char *test_visible(const char *s)
{
	static char out[1024];
	FILE *f = fmemopen(out, sizeof out, "w");
	text_put_visible(f, s, strlen(s));
	fclose(f);
	return out;
}

static void test_visible_escapes(void)
{
	CHECK_STR(test_visible("plain Ærø 日本 \xF0\x9F\x91\xA9"), "plain Ærø 日本 \xF0\x9F\x91\xA9");
	CHECK_STR(test_visible("a\x1B[2Jb\x07\x7F"), "a\\x1B[2Jb\\x07\\x7F");
	CHECK_STR(test_visible("line\nnext\ttab\r"), "line\\nnext\\ttab\\r");
	CHECK_STR(test_visible("c1 \xC2\x9B bidi \xE2\x80\xAE zw \xE2\x80\x8B pua \xEE\x80\x80"),
		  "c1 \\u009B bidi \\u202E zw \\u200B pua \\uE000");
	CHECK_STR(test_visible("\xF3\xB0\x80\x81 \xE2\x80\xA8"), "\\U000F0001 \\u2028");
	CHECK_STR(test_visible("bad \xFF\xC3"), "bad \\xFF\\xC3");	/* not UTF-8: each byte */
	/* text_printf: the whole text, but for the line feed that ends it */
	static char out[256];
	FILE *f = fmemopen(out, sizeof out, "w");
	text_printf(f, "%s: '%s'\n", "x\ny", "\x1B]0;t\x07");
	fclose(f);
	CHECK_STR(out, "x\\ny: '\\x1B]0;t\\x07'\n");
}

/* text_answer of s, compared and freed. */
static void test_answer_is(const char *s, const char *want)
{
	char *got = text_answer(s);
	CHECK_STR(got, want);
	xfree_wiped(got);
}

static void test_answer(void)
{
	test_answer_is("  Anna  ", "Anna");
	test_answer_is("An\x1B[31mna\t", "An [31mna");	/* control characters become spaces */
	test_answer_is("A\xC2\x85" "B", "A B");		/* C1 too */
	test_answer_is("\xE2\x80\xAE" "anna\xE2\x81\xA9", "anna");	/* bidi controls are dropped */
	test_answer_is("An\xE2\x80\x8Bna\xEE\x80\x80\xEF\xBB\xBF", "Anna");	/* zero-width, private use */
	test_answer_is("A\xCC\x8A" "ndersen", "\xC3\x85ndersen");	/* NFC */
	test_answer_is("A\xE2\x80\x8B\xCC\x8A" "ndersen", "\xC3\x85ndersen");	/* NFC after what is dropped */
	/* a joiner or non-joiner between visible characters stays; at a word's edge, or doubled, it goes */
	test_answer_is("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7");
	test_answer_is("\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE", "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE");
	test_answer_is("\xE2\x80\x8D" "a \xE2\x80\x8C" "b\xE2\x80\x8D", "a b");
	test_answer_is("a\xE2\x80\x8D\xE2\x80\x8D" "b", "ab");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_wrapping();
	test_graphemes();
	test_clean();
	test_width();
	test_visible_escapes();
	test_answer();
	return test_done("test-text");
}
