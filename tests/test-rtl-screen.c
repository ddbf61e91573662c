/*
 * test-rtl-screen: a right-to-left language on the full screen, driven in a pseudo-terminal (term.h).
 * Each row of an Arabic page is read from its right end to its left, the way an Arabic reader reads it,
 * and compared with the logical text: Arabic letters shown in their joined presentation forms are read
 * back through NFKC, brackets and arrows drawn mirrored are read back unmirrored, and runs of Latin
 * letters and digits (a web address, a year), which keep their own left-to-right order inside Arabic,
 * are read left to right.  The body and the title hang on the right edge of the column; the progress is
 * on the left.  The text field edits in logical order with the arrows going the way the text reads, and
 * a number typed in Arabic-Indic digits is the number.  Skipped (77) when libfribidi is not installed.
 *
 *   test-rtl-screen TRIN SOURCE_ROOT
 */
#include <dlfcn.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uninorm.h>
#include <unistr.h>

#include "term.h"
#include "test.h"

static const char *test_root;

/* The column the right-to-left body and title end at on an 80-column screen: 4 + 72 - 1 (page.h). */
#define TEST_RIGHT 75

/* Whether c is ASCII and a letter or digit: one of a left-to-right run inside Arabic. */
static bool test_ltr(uint32_t c)
{
	return c < 0x80 && ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
}

/* Reverse s[from, to). */
static void test_reverse(uint32_t *s, size_t from, size_t to)
{
	while (from + 1 < to) {
		uint32_t c = s[from];
		s[from++] = s[--to];
		s[to] = c;
	}
}

/*
 * Row r read from the right as logical text into out: trailing cells that are blank dropped, presentation
 * forms through NFKC, mirrored brackets unmirrored, Latin and digit runs (with a '.', '/' or ':' inside
 * them) put back left to right.  Also the column of the rightmost cell that is not blank, in *right.
 */
static void test_read_rtl(struct term *t, int r, char *out, size_t size, int *right)
{
	uint32_t cells[512];
	size_t n = 0;
	*right = -1;
	for (int c = t->cols - 1; c >= 0; c--) {
		VTermScreenCell cell = { 0 };
		vterm_screen_get_cell(t->screen, (VTermPos){ r, c }, &cell);
		if (cell.chars[0] == (uint32_t)-1)
			continue;
		uint32_t ch = cell.chars[0] ? cell.chars[0] : ' ';
		if (ch != ' ' && *right < 0)
			*right = c;
		for (int k = 0; *right >= 0 && n < 500 && k < VTERM_MAX_CHARS_PER_CELL && (k == 0 || cell.chars[k]); k++)
			cells[n++] = k ? cell.chars[k] : ch;	/* the letter, then its marks (harakat) */
	}
	while (n && cells[n - 1] == ' ')
		n--;
	size_t len = 0;
	uint32_t *norm = u32_normalize(UNINORM_NFKC, cells, n, NULL, &len);
	static const char mirror[][2] = { { '(', ')' }, { ')', '(' }, { '<', '>' }, { '>', '<' }, { '[', ']' }, { ']', '[' } };
	for (size_t i = 0; norm && i < len; i++)
		for (size_t k = 0; k < sizeof mirror / sizeof *mirror; k++)
			if (norm[i] == (uint32_t)mirror[k][0]) {
				norm[i] = (uint32_t)mirror[k][1];
				break;
			}
	for (size_t i = 0; norm && i < len;) {
		if (!test_ltr(norm[i])) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < len && (test_ltr(norm[j]) || (j + 1 < len && strchr("./:", (int)norm[j]) && test_ltr(norm[j + 1]))))
			j++;
		test_reverse(norm, i, j);
		i = j;
	}
	size_t bytes = size - 1;
	uint8_t *u = norm ? u32_to_u8(norm, len, (uint8_t *)out, &bytes) : NULL;
	out[u ? bytes : 0] = '\0';
	if (u && u != (uint8_t *)out)
		free(u);
	free(norm);
}

/*
 * Whether some row reads, from the right, as want (or starts so, when prefix) and ends at the column right
 * (or any, when -1).
 */
static bool test_shows_as(struct term *t, const char *want, int right, bool prefix)
{
	char got[1024];
	int at;
	for (int r = 0; r < t->rows; r++) {
		test_read_rtl(t, r, got, sizeof got, &at);
		if ((prefix ? !strncmp(got, want, strlen(want)) : !strcmp(got, want)) && (right < 0 || at == right))
			return true;
	}
	printf("no row reads \"%s\" from the right (ending at column %d); the rows, read so:\n", want, right);
	for (int r = 0; r < t->rows; r++) {
		test_read_rtl(t, r, got, sizeof got, &at);
		if (*got)
			printf("  %2d [%2d] %s\n", r, at, got);
	}
	return false;
}

/* Whether some row reads, from the right, as want and ends at the column right (or any, when -1). */
static bool test_shows(struct term *t, const char *want, int right)
{
	return test_shows_as(t, want, right, false);
}

/* Wait until some row reads, from the right, as want does at its start; false (the screen dumped) at the deadline. */
static bool test_wait_rtl(struct term *t, const char *want)
{
	char got[1024];
	int at;
	for (long end = term_now_ms() + term_deadline_ms(); term_now_ms() < end;) {
		for (int r = 0; r < t->rows; r++) {
			test_read_rtl(t, r, got, sizeof got, &at);
			if (!strncmp(got, want, strlen(want)))
				return true;
		}
		term_pump(t, 50);
	}
	printf("waited in vain for a row reading \"%s\" from the right\n", want);
	term_dump(t);
	return false;
}

/* An Arabic page's rows, read right to left, are its logical text; the title right, the progress left. */
static void test_page(struct term *t)
{
	CHECK(term_wait(t, "F10"));
	CHECK(test_shows_as(t, "\xD8\xAF\xD9\x84\xD9\x8A\xD9\x84 \xD8\xAA\xD8\xAC\xD8\xB1\xD9\x8A\xD8\xA8\xD9\x8A ", TEST_RIGHT,
			    true));
	/* the progress on the left, in Arabic ("Step 1 of 3"), its number in Western digits */
	char top[256];
	int right;
	test_read_rtl(t, 0, top, sizeof top, &right);
	const char *progress = "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xB7\xD9\x88\xD8\xA9 1 \xD9\x85\xD9\x86 3";	/* الخطوة 1 من 3 */
	CHECK(strlen(top) > strlen(progress) && !strcmp(top + strlen(top) - strlen(progress), progress));
	VTermScreenCell cell = { 0 };
	vterm_screen_get_cell(t->screen, (VTermPos){ 0, 4 }, &cell);
	CHECK(cell.chars[0] == '3');	/* "3" is the left end of "الخطوة 1 من 3" drawn right to left */
	/* the question, and its text with a web address and a year inside */
	CHECK(test_shows(t, "\xD9\x83\xD9\x8A\xD9\x81 \xD8\xAA\xD8\xA8\xD8\xAF\xD8\xA3 \xD8\xB4\xD8\xB1\xD9\x83\xD8\xAA\xD9\x83\xD8\x9F",
			 TEST_RIGHT));
	CHECK(test_shows(t, "\xD8\xA7\xD9\x82\xD8\xB1\xD8\xA3 \xD8\xA7\xD9\x84\xD9\x85\xD8\xB2\xD9\x8A\xD8\xAF \xD8\xB9\xD9\x84\xD9\x89 "
			 "virk.dk \xD9\x81\xD9\x8A 2026.", TEST_RIGHT));
	/* the choices: the focus mark, the radio and the number on the right, then the label */
	CHECK(test_shows(t, "> (*) 1. \xD8\xA3\xD8\xA8\xD8\xAF\xD8\xA3 \xD9\x88\xD8\xAD\xD8\xAF\xD9\x8A (\xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9 "
			 "\xD9\x81\xD8\xB1\xD8\xAF\xD9\x8A\xD8\xA9)", TEST_RIGHT));
	CHECK(test_shows(t, "( ) 2. \xD9\x86\xD8\xAD\xD9\x86 \xD8\xA7\xD8\xAB\xD9\x86\xD8\xA7\xD9\x86 \xD8\xA3\xD9\x88 "
			 "\xD8\xA3\xD9\x83\xD8\xAB\xD8\xB1", TEST_RIGHT - 2));
	/* the glossary term is marked where it is drawn: four letters, underlined and bold */
	int marked = 0;
	for (int r = 2; r < 10; r++)
		for (int c = 0; c < t->cols; c++)
			marked += term_marked(t, r, c);
	CHECK_NUM(marked, 4);
	/* Down moves the focus and the choice to the second */
	term_key(t, VTERM_KEY_DOWN);
	term_settle(t, 100);
	CHECK(test_shows(t, "> (*) 2. \xD9\x86\xD8\xAD\xD9\x86 \xD8\xA7\xD8\xAB\xD9\x86\xD8\xA7\xD9\x86 \xD8\xA3\xD9\x88 "
			 "\xD8\xA3\xD9\x83\xD8\xAB\xD8\xB1", TEST_RIGHT));
	term_key(t, VTERM_KEY_UP);
	term_key(t, VTERM_KEY_ENTER);
}

/* The cursor's column. */
static int test_cursor(struct term *t)
{
	VTermPos pos;
	vterm_state_get_cursorpos(vterm_obtain_state(t->vt), &pos);
	return pos.col;
}

/* The text field: typed in logical order, shown right to left, the arrows going the way the text reads. */
static void test_field(struct term *t)
{
	CHECK(test_wait_rtl(t, "\xD9\x85\xD8\xA7 \xD8\xA7\xD8\xB3\xD9\x85"));	/* ما اسم: the name */
	term_type(t, "\xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9 ABC");	/* شركة ABC */
	term_settle(t, 100);
	int row, col;
	CHECK(term_find(t, "ABC", &row, &col));
	/* "ABC" keeps its order at the left of the Arabic word, which ends at the field's right edge */
	char got[256];
	int right;
	test_read_rtl(t, row, got, sizeof got, &right);
	CHECK_STR(got, "[ \xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9 ABC                                                             ]");
	CHECK_NUM(right, TEST_RIGHT);	/* the field's box is not mirrored: it reads the same both ways */
	int end = test_cursor(t);
	CHECK_NUM(end, col + 3);	/* after "ABC", on its right */
	term_key(t, VTERM_KEY_RIGHT);	/* back, towards the start of the text: before "C" */
	term_settle(t, 100);
	CHECK_NUM(test_cursor(t), col + 2);
	term_key(t, VTERM_KEY_HOME);
	term_settle(t, 100);
	CHECK_NUM(test_cursor(t), col + 7);	/* on the first letter, at the right */
	term_key(t, VTERM_KEY_LEFT);	/* on through the text: the second letter */
	term_settle(t, 100);
	CHECK_NUM(test_cursor(t), col + 6);
	term_key(t, VTERM_KEY_DEL);	/* deletes the second letter, ر */
	term_settle(t, 100);
	test_read_rtl(t, row, got, sizeof got, &right);
	CHECK(!strncmp(got, "[ \xD8\xB4\xD9\x83\xD8\xA9 ABC ", strlen("[ \xD8\xB4\xD9\x83\xD8\xA9 ABC ")));
	term_key(t, VTERM_KEY_ENTER);
	/* the number: Arabic-Indic digits */
	CHECK(test_wait_rtl(t, "\xD9\x83\xD9\x85 \xD8\xB4\xD8\xAE\xD8\xB5\xD8\xA7"));	/* كم شخصا: how many */
	term_type(t, "\xD9\xA1\xD9\xA2");	/* ١٢ */
	term_key(t, VTERM_KEY_ENTER);
}

static void test_walk(void)
{
	char dir[] = "/tmp/trin-rtl-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char out[300];
	snprintf(out, sizeof out, "%s/answers.json", dir);
	term_environ((const char *[]){ "TRIN_LOCALEDIR", "LANGUAGE", "LANG", "LC_ALL", NULL });
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--output", out, "tests/screen/arabic.yaml", NULL });
	test_page(&t);
	test_field(&t);
	CHECK(test_wait_rtl(&t, "\xD8\xB4\xD9\x83\xD8\xB1\xD8\xA7 \xD9\x84\xD9\x83"));	/* شكرا لك: the end */
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 0);
	term_close(&t);
	char json[4096] = "";
	FILE *f = fopen(out, "r");
	CHECK(f != NULL);
	if (f) {
		json[fread(json, 1, sizeof json - 1, f)] = '\0';
		fclose(f);
	}
	CHECK(strstr(json, "\"name\": \"\xD8\xB4\xD9\x83\xD8\xA9 ABC\"") != NULL);	/* stored in logical order */
	CHECK(strstr(json, "\"people\": 12") != NULL);
	if (!strstr(json, "\"people\": 12"))
		printf("%s\n", json);
	unlink(out);
	rmdir(dir);
	term_environ(NULL);
}

/* s with every run of white space made one space, and none at the ends, in place. */
static char *test_squeeze(char *s)
{
	char *o = s;
	for (const char *p = s; *p; p++) {
		bool space = *p == ' ' || *p == '\n' || *p == '\t';
		if (space && (o == s || o[-1] == ' '))
			continue;
		*o++ = space ? ' ' : *p;
	}
	if (o > s && o[-1] == ' ')
		o--;
	*o = '\0';
	return s;
}

/*
 * Every row of the body of step's page, read from the right, is a piece of the page's logical text as
 * `trin speak --print` gives it (what the synthesizer reads, in reading order): the marks and the number
 * of a choice aside, as speech says "1: label".  How many rows were compared, or -1.
 */
static int test_rows_are_text(struct term *t, const char *wizard, const char *step)
{
	char cmd[512], text[16384] = "";
	snprintf(cmd, sizeof cmd, "cd '%s' && \"$TRIN\" --lang ar speak --print %s %s", test_root, wizard, step);
	FILE *p = popen(cmd, "r");
	if (!p)
		return -1;
	text[fread(text, 1, sizeof text - 1, p)] = '\0';
	if (pclose(p) != 0)
		return -1;
	test_squeeze(text);
	int compared = 0;
	for (int r = 2; r < t->rows - 3; r++) {
		char row[1024];
		int right;
		test_read_rtl(t, r, row, sizeof row, &right);
		char *s = test_squeeze(row);
		if (!*s || !strncmp(s, "\xE2\x94\x80", 3))	/* blank, or the rule above the footer */
			continue;
		if (!strncmp(s, "> ", 2))
			s += 2;
		if (!strncmp(s, "(*) ", 4) || !strncmp(s, "( ) ", 4) || !strncmp(s, "[x] ", 4) || !strncmp(s, "[ ] ", 4))
			s += 4;
		if (s[0] >= '1' && s[0] <= '9' && s[1] == '.' && s[2] == ' ')
			s += 3;
		if (!strstr(text, s)) {
			printf("%s %s: row %d, read from the right, is not in the page's text:\n  %s\ntext:\n  %s\n", wizard,
			       step, r, s, text);
			return -1;
		}
		compared++;
	}
	return compared;
}

/* virksomhedsform in Arabic: each page of a walk reads right to left as its text; the answers kept. */
static void test_wizard(void)
{
	static const struct {
		const char *step;
		VTermKey key;	/* what goes on from it */
		int number;	/* or the number of the choice to type first */
	} walk[] = {
		{ "velkommen", VTERM_KEY_ENTER, 0 }, { "ejere", VTERM_KEY_ENTER, 1 }, { "alder", VTERM_KEY_ENTER, 3 },
		{ "haeftelse_alene", VTERM_KEY_ENTER, 0 },
	};
	term_environ((const char *[]){ "TRIN_LOCALEDIR", "LANGUAGE", "LANG", "LC_ALL", NULL });
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--lang", "ar", "wizards/virksomhedsform.yaml", NULL });
	CHECK(term_wait(&t, "F10"));
	for (size_t i = 0; i < sizeof walk / sizeof *walk; i++) {
		term_settle(&t, 150);
		int rows = test_rows_are_text(&t, "wizards/virksomhedsform.yaml", walk[i].step);
		CHECK(rows >= 3);
		if (rows < 3)
			term_dump(&t);
		if (walk[i].number) {
			char n[2] = { (char)('0' + walk[i].number), '\0' };
			term_type(&t, n);
		}
		term_key(&t, walk[i].key);
	}
	term_key(&t, VTERM_KEY_FUNCTION(10));
	term_key(&t, VTERM_KEY_ENTER);
	term_finish(&t);
	term_close(&t);
	term_environ(NULL);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: test-rtl-screen TRIN SOURCE_ROOT\n");
		return 2;
	}
	void *fribidi = dlopen("libfribidi.so.0", RTLD_NOW | RTLD_LOCAL);
	if (!fribidi) {
		printf("libfribidi is not installed: right to left is not laid out here; skipped\n");
		return 77;
	}
	dlclose(fribidi);
	test_root = argv[2];
	term_setup(argv[1], argv[2]);
	signal(SIGPIPE, SIG_IGN);
	test_walk();
	setenv("TRIN", argv[1], 1);
	test_wizard();
	return test_done("test-rtl-screen");
}
