/*
 * bidi: text written right to left, for any frontend.  No terminal, no I/O.
 *
 * A page is built and wrapped in logical order, the order a text is stored, typed and read aloud; line
 * mode prints it so, which is what screen readers and braille displays expect.  Only the full screen
 * shows a right-to-left language in visual order: each wrapped line is laid out by the Unicode
 * Bidirectional Algorithm as a line of a right-to-left paragraph (GNU FriBidi), with brackets and
 * arrows mirrored and Arabic letters joined into their presentation forms, for terminals that do not
 * shape; Danish words, numbers and web addresses inside keep their own order.
 *
 * libfribidi is opened at the first line laid out (dlopen), so a left-to-right language costs nothing;
 * where it is missing, bidi_visual says so and the screen stays in logical order.  The balance check of
 * the explicit controls needs no library.
 */
#ifndef TRIN_BIDI_H
#define TRIN_BIDI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A line in the order a screen shows it from the left: owned, freed by bidi_line_free. */
struct bidi_line {
	uint32_t *cp;		/* the characters, shaped, left to right */
	size_t *from;		/* for each, the byte offset in the logical line of the character it shows */
	bool *rtl;		/* for each, whether it is in a right-to-left run (an odd level) */
	size_t n;
};

/*
 * The n bytes of UTF-8 s as a line of a right-to-left paragraph (or a left-to-right one, with Arabic words
 * inside it: a helper's line in Arabic under Danish ones has rtl false), into out (emptied first); false
 * when libfribidi cannot be used here or s is not valid UTF-8, out then empty.
 */
bool bidi_visual(const char *s, size_t n, bool rtl, struct bidi_line *out);
/* Free what l holds (it may be empty). */
void bidi_line_free(struct bidi_line *l);

/*
 * Whether a screen is laid out right to left: the language shown (a wizard's own is own, or NULL) is
 * written so, and libfribidi can be used here.
 */
bool bidi_screen_rtl(const char *own);
/* Whether text in lang is laid out right to left here: lang is written so, and libfribidi can be used. */
bool bidi_lang_rtl(const char *lang);

/*
 * Whether the explicit directional controls in the n bytes of s are balanced: each embedding or override
 * (U+202A, U+202B, U+202D, U+202E) closed by a U+202C and each isolate (U+2066 to U+2068) by a U+2069, in
 * order, nothing closed that is not open.  When not, *at is the byte offset of the first control out of
 * place, or of the first left open.
 */
bool bidi_balanced(const char *s, size_t n, size_t *at);

#endif
