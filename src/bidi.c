/*
 * bidi: text written right to left.  See bidi.h.
 *
 * The only file that includes FriBidi's header, for its declarations only: the library is opened at the
 * first line laid out, and its one function taken from it (bidi_load).  Lines are short (a screen's width),
 * so a line is laid out whole each time it is drawn.
 */
#include "bidi.h"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "compat.h"
#include "i18n.h"
#include "util.h"

#if HAVE_FRIBIDI
#include <fribidi.h>

/* The library's name as the dynamic linker finds it (Debian's libfribidi0). */
#define BIDI_LIBRARY "libfribidi.so.0"

static struct {
	void *lib;
	bool tried;
	__typeof__(fribidi_log2vis) *log2vis;
} bidi_fn;

/* Open the library and take its function, once; false when either is missing. */
static bool bidi_load(void)
{
	if (bidi_fn.tried)
		return bidi_fn.lib != NULL;
	bidi_fn.tried = true;
	const struct compat_sym syms[] = { { "fribidi_log2vis", (void **)&bidi_fn.log2vis } };
	bidi_fn.lib = compat_open_library(BIDI_LIBRARY, syms, ARRAY_LEN(syms));
	return bidi_fn.lib != NULL;
}

enum { BIDI_LRI = 0x2066, BIDI_PDI = 0x2069 };

/* Whether the byte at s[i] of n starts a digit group: a digit, or a '+' before one. */
static bool bidi_number_at(const char *s, size_t n, size_t i)
{
	return (s[i] >= '0' && s[i] <= '9') || (s[i] == '+' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9');
}

/*
 * The characters of the n bytes of UTF-8 s into logical, each one's byte offset into offset; a number
 * written in groups ("+45 33 98 00 10", "50 000", with spaces or no-break spaces) between a left-to-right
 * isolate and its end, so that a right-to-left line keeps it whole and in order, as it is read out and
 * typed, rather than take each group for a number of its own.  How many characters.
 */
static size_t bidi_logical(const char *s, size_t n, FriBidiChar *logical, size_t *offset)
{
	size_t len = 0, close = SIZE_MAX;	/* where the open isolate ends */
	for (size_t i = 0; i < n;) {
		if (i == close) {
			offset[len] = i;
			logical[len++] = BIDI_PDI;
			close = SIZE_MAX;
		}
		if (close == SIZE_MAX && bidi_number_at(s, n, i) && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
			size_t j = i + (s[i] == '+'), groups = 0;
			for (;;) {
				while (j < n && s[j] >= '0' && s[j] <= '9')
					j++;
				size_t gap = j < n && s[j] == ' ' ? 1 : j + 1 < n && !memcmp(s + j, "\xC2\xA0", 2) ? 2 : 0;
				if (!gap || j + gap >= n || s[j + gap] < '0' || s[j + gap] > '9')
					break;
				j += gap;
				groups++;
			}
			if (groups) {
				offset[len] = i;
				logical[len++] = BIDI_LRI;
				close = j;
			}
		}
		ucs4_t c;
		offset[len] = i;
		i += (size_t)u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		logical[len++] = c;
	}
	if (close != SIZE_MAX) {
		offset[len] = n;
		logical[len++] = BIDI_PDI;
	}
	return len;
}

bool bidi_visual(const char *s, size_t n, bool rtl, struct bidi_line *out)
{
	bidi_line_free(out);
	if (!bidi_load() || u8_check((const uint8_t *)s, n))
		return false;
	if (!n)
		return true;
	size_t chars = u8_mbsnlen((const uint8_t *)s, n);
	if (chars > 1u << 20)
		return false;
	size_t len = chars + 2 * (chars / 2 + 1);	/* room for an isolate around every number */
	FriBidiChar *logical = xcalloc(len, sizeof *logical), *visual = xcalloc(len, sizeof *visual);
	FriBidiStrIndex *to_logical = xcalloc(len, sizeof *to_logical);
	FriBidiLevel *level = xcalloc(len, sizeof *level);
	size_t *offset = xcalloc(len, sizeof *offset);
	len = bidi_logical(s, n, logical, offset);
	FriBidiParType dir = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	bool ok = bidi_fn.log2vis(logical, (FriBidiStrIndex)len, &dir, visual, NULL, to_logical, level) != 0;
	out->cp = xcalloc(len, sizeof *out->cp);
	out->from = xcalloc(len, sizeof *out->from);
	out->rtl = xcalloc(len, sizeof *out->rtl);
	for (size_t v = 0; ok && v < len; v++) {
		if (visual[v] == BIDI_LRI || visual[v] == BIDI_PDI)	/* bidi_logical's own */
			continue;
		if (visual[v] == FRIBIDI_CHAR_FILL) {	/* a letter joined into its neighbour's ligature */
			size_t k = (size_t)to_logical[v];
			if (out->n && out->from[out->n - 1] > offset[k])	/* the ligature starts where its first letter does */
				out->from[out->n - 1] = offset[k];
			continue;
		}
		out->cp[out->n] = visual[v];
		out->rtl[out->n] = level[to_logical[v]] & 1;
		out->from[out->n++] = offset[to_logical[v]];
	}
	free(logical);
	free(visual);
	free(to_logical);
	free(level);
	free(offset);
	if (!ok)
		bidi_line_free(out);
	return ok;
}
#else
bool bidi_visual(const char *s, size_t n, bool rtl, struct bidi_line *out)
{
	(void)s;
	(void)n;
	(void)rtl;
	bidi_line_free(out);
	return false;
}
#endif

bool bidi_screen_rtl(const char *own)
{
	return bidi_lang_rtl(i18n_lang_shown(own)->code);
}

bool bidi_lang_rtl(const char *lang)
{
	struct bidi_line none = { 0 };
	return lang && i18n_lang(lang)->rtl && bidi_visual("", 0, true, &none);
}

bool bidi_has_rtl(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		if (u[i] < 0xD6)
			continue;
		if (u[i] <= 0xDF || (i + 1 < n && ((u[i] == 0xE0 && u[i + 1] >= 0xA0 && u[i + 1] <= 0xA3) ||
						   (u[i] == 0xEF && u[i + 1] >= 0xAC && u[i + 1] <= 0xBB))))
			return true;
	}
	return false;
}

void bidi_line_free(struct bidi_line *l)
{
	free(l->cp);
	free(l->from);
	free(l->rtl);
	*l = (struct bidi_line){ 0 };
}

bool bidi_balanced(const char *s, size_t n, size_t *at)
{
	enum { BIDI_DEPTH = 125 };	/* the algorithm's own limit on nesting */
	char open[BIDI_DEPTH];		/* 'e' an embedding or override, 'i' an isolate */
	size_t where[BIDI_DEPTH];
	int depth = 0;
	/* Every control is E2 80 AA..AE or E2 81 A6..A9 in UTF-8: a scan for E2 passes over the rest. */
	for (const char *p = s, *end = s + n; (p = memchr(p, 0xE2, (size_t)(end - p))) != NULL; p++) {
		if (end - p < 3)
			break;
		unsigned char b1 = (unsigned char)p[1], b2 = (unsigned char)p[2];
		bool embed = b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE, isolate = b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9;
		if (!embed && !isolate)
			continue;
		size_t off = (size_t)(p - s);
		bool closes = (embed && b2 == 0xAC) || (isolate && b2 == 0xA9);
		char kind = embed ? 'e' : 'i';
		if (!closes && depth < BIDI_DEPTH) {
			open[depth] = kind;
			where[depth++] = off;
		} else if (!closes || !depth || open[depth - 1] != kind) {
			*at = off;
			return false;
		} else {
			depth--;
		}
	}
	if (depth)
		*at = where[0];
	return depth == 0;
}
