/*
 * text: text for the screen, measured in terminal cells, over libunistring.
 *
 * Wrapping by display width at the line-break opportunities of Unicode (UAX #14), with words longer than
 * a line broken at grapheme-cluster boundaries; cursor movement by grapheme cluster (UAX #29); width of a
 * string in cells (East Asian wide characters count two).  No terminal, no curses: the screen code and the
 * checker both use this, so what is checked is what is shown.  Also which characters would act on a
 * terminal or hide themselves: shown as escapes wherever trin prints text from a file (text_printf), and
 * dropped from what a person types (text_answer).
 */
#ifndef TRIN_TEXT_H
#define TRIN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct arena;

/* One wrapped line: a byte range of the text and its width in cells. */
struct text_line {
	size_t start, len;
	int width;
};

/*
 * Wrap s into lines of at most width cells (width >= 1).  '\n' ends a line; spaces at a line's end are
 * dropped.  Returns the number of lines (at least 1) and sets *lines to a malloc'd array the caller frees.
 */
size_t text_wrap(const char *s, int width, struct text_line **lines);

/* The width of n bytes of s in cells. */
int text_width(const char *s, size_t n);

/* The byte offset of the grapheme boundary after (or before) pos in s of n bytes; n (or 0) at the ends. */
size_t text_next_grapheme(const char *s, size_t n, size_t pos);
size_t text_prev_grapheme(const char *s, size_t n, size_t pos);

/*
 * A copy of s ready for the screen: soft hyphens removed (their width differs between libraries), bidi
 * controls removed (a wizard and a catalogue may hold them only balanced; the screen lays out direction
 * itself, bidi.h), and NFC-normalised.  The caller frees it.
 */
char *text_clean(const char *s);
/* As text_clean, the copy in arena a (which wipes it when freed). */
char *text_clean_in(struct arena *a, const char *s);

/*
 * Arabic-Indic and Extended Arabic-Indic digits in s written as 0 to 9, in place, and the Arabic decimal
 * and thousands separators as '.' and '\'': a number or a date typed in either script reads the same.
 * Returns s.
 */
char *text_digits(char *s);

/*
 * Whether character c is one that acts on a terminal or hides itself: a control character (C0, DEL, C1),
 * a format character (bidi controls, zero-width characters, soft hyphen, tags), a private-use character,
 * a surrogate or a line or paragraph separator.
 */
bool text_is_hidden(uint32_t c);

/*
 * The length in bytes of the control character (C0 but the line feed, DEL, C1) or bidi control (U+061C,
 * U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) that the NUL-terminated s starts with, or 0.
 */
size_t text_control_at(const char *s);

/*
 * Print the n bytes of s to out with every character that text_is_hidden names, and every byte that is not
 * UTF-8, shown as an escape a person can read: "\n", "\t", "\r", "\x1B" (below U+0080 and bytes),
 * "\u202E" and "\U000F0001".  Anything read from a file goes to a terminal through this or text_printf.
 */
void text_put_visible(FILE *out, const char *s, size_t n);

/* printf to out, the whole text shown as text_put_visible shows it, but for a line feed that ends it. */
void text_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * A typed answer made ready to keep: NFC-normalised; control characters turned into spaces; bidi
 * controls, private-use and other format characters removed, but for a zero-width joiner or non-joiner
 * between two visible characters (emoji sequences, Persian and Indic scripts need them); spaces trimmed
 * at both ends.  The caller frees it (with xfree_wiped); every copy made on the way is wiped.
 */
char *text_answer(const char *s);

#endif
