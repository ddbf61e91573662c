/*
 * text: text for the screen, measured in terminal cells, over libunistring.
 *
 * Wrapping by display width at the line-break opportunities of Unicode (UAX #14), with words longer than
 * a line broken at grapheme-cluster boundaries; cursor movement by grapheme cluster (UAX #29); width of a
 * string in cells (East Asian wide characters count two).  No terminal, no curses: the screen code and the
 * checker both use this, so what is checked is what is shown.
 */
#ifndef TRIN_TEXT_H
#define TRIN_TEXT_H

#include <stddef.h>

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
 * A copy of s ready for the screen: soft hyphens removed (their width differs between libraries), and
 * NFC-normalised.  The caller frees it.
 */
char *text_clean(const char *s);

#endif
