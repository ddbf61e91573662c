/*
 * text: wrapping, width and grapheme clusters.  See text.h.
 *
 * Invariants: every line returned by text_wrap is at most `width` cells wide, except a single grapheme
 * cluster wider than the line (a wide character on a one-cell line), which gets a line of its own.
 * Depends on libunistring and util only.
 */
#include "text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "compat.h"
#include "util.h"

#define TEXT_ENCODING "UTF-8"

/* As u8_width counts: character by character, control characters none, to the first NUL; printable ASCII
 * a cell a byte without decoding. */
int text_width(const char *s, size_t n)
{
	const uint8_t *u = (const uint8_t *)s;
	int w = 0;
	for (size_t i = 0; i < n;) {
		size_t ascii = util_printable_span(u + i, n - i);
		w += (int)ascii;
		i += ascii;
		if (i == n || u[i] == 0)
			break;
		ucs4_t c;
		i += (size_t)u8_mbtouc_unsafe(&c, u + i, n - i);
		int cw = uc_width(c, TEXT_ENCODING);
		if (cw > 0)
			w += cw;
	}
	return w;
}

size_t text_next_grapheme(const char *s, size_t n, size_t pos)
{
	if (pos >= n)
		return n;
	char *brk = xmalloc(n);
	u8_grapheme_breaks((const uint8_t *)s, n, brk);
	size_t i = pos + 1;
	while (i < n && !brk[i])
		i++;
	free(brk);
	return i;
}

size_t text_prev_grapheme(const char *s, size_t n, size_t pos)
{
	if (pos == 0 || n == 0)
		return 0;
	char *brk = xmalloc(n);
	u8_grapheme_breaks((const uint8_t *)s, n, brk);
	size_t i = pos > n ? n : pos;
	i--;
	while (i > 0 && !brk[i])
		i--;
	free(brk);
	return i;
}

/* The length of the bidi control that u starts with, or 0. */
static size_t text_bidi_control(const unsigned char *u)
{
	if (u[0] == 0xD8)
		return u[1] == 0x9C ? 2 : 0;
	if (u[0] != 0xE2)
		return 0;
	if (u[1] == 0x80)
		return u[2] == 0x8E || u[2] == 0x8F || (u[2] >= 0xAA && u[2] <= 0xAE) ? 3 : 0;
	return u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9 ? 3 : 0;
}

size_t text_control_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if ((u[0] < 0x20 && u[0] != '\n' && u[0] != '\0') || u[0] == 0x7F)
		return 1;
	if (u[0] == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F)
		return 2;
	return text_bidi_control(u);
}

char *text_digits(char *s)
{
	char *out = s;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		unsigned char b = p[1];
		if (p[0] == 0xD9 && b >= 0xA0 && b <= 0xAC && b != 0xAA) {	/* U+0660..0669, U+066B, U+066C */
			*out++ = b <= 0xA9 ? (char)('0' + (b - 0xA0)) : b == 0xAB ? '.' : '\'';
			p += 2;
		} else if (p[0] == 0xDB && b >= 0xB0 && b <= 0xB9) {	/* U+06F0..06F9 */
			*out++ = (char)('0' + (b - 0xB0));
			p += 2;
		} else {
			*out++ = (char)*p++;
		}
	}
	*out = '\0';
	return s;
}

/*
 * s of len bytes without soft hyphens and bidi controls into out (len + 1 bytes); the length written.
 * *nfc is set when what is written is valid UTF-8 of characters below U+0300 only (ASCII, Latin-1, Latin
 * Extended-A and -B, IPA, spacing modifiers): such text is its own NFC, as none of these characters
 * decomposes and none combines with the one before (the first that does, U+0300, is the first combining
 * mark).
 */
static size_t text_strip(const char *s, size_t len, char *out, bool *nfc)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0;
	*nfc = true;
	for (size_t i = 0; i < len; i++) {
		size_t plain = util_printable_span(s + i, len - i);	/* ASCII is kept as it is */
		memcpy(out + o, s + i, plain);
		o += plain;
		i += plain;
		if (i == len)
			break;
		if (u[i] == 0xC2 && u[i + 1] == 0xAD) {	/* U+00AD soft hyphen */
			i++;
			continue;
		}
		size_t bidi = text_bidi_control(u + i);
		if (bidi) {	/* from a catalogue: wizards refuse them */
			i += bidi - 1;
			continue;
		}
		if (u[i] >= 0xC2 && u[i] <= 0xCB && (u[i + 1] & 0xC0) == 0x80) {	/* U+0080 to U+02FF */
			out[o++] = s[i++];
		} else if (u[i] >= 0x80) {
			*nfc = false;
		}
		out[o++] = s[i];
	}
	out[o] = '\0';
	return o;
}

/* The NFC form of the n bytes at s, malloc'd (its length in *len), or NULL when there is no memory. */
static uint8_t *text_nfc(const char *s, size_t n, size_t *len)
{
	*len = 0;
	return u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, len);
}

char *text_clean(const char *s)
{
	size_t len = strlen(s), n;
	char *out = xmalloc(len + 1);
	bool nfc;
	size_t o = text_strip(s, len, out, &nfc);
	uint8_t *norm = nfc ? NULL : text_nfc(out, o, &n);	/* most texts are NFC already */
	if (!norm)
		return out;
	xfree_wiped(out);	/* a text may show an answer */
	char *r = xstrndup((const char *)norm, n);
	compat_wipe(norm, n);
	free(norm);
	return r;
}

char *text_clean_in(struct arena *a, const char *s)
{
	size_t len = strlen(s), n;
	char *out = arena_alloc(a, len + 1);
	bool nfc;
	size_t o = text_strip(s, len, out, &nfc);
	uint8_t *norm = nfc ? NULL : text_nfc(out, o, &n);
	if (!norm)
		return out;
	char *r = arena_strndup(a, (const char *)norm, n);
	compat_wipe(norm, n);
	free(norm);
	return r;
}

bool text_is_hidden(uint32_t c)
{
	if (c < 0x20 || c == 0x7F)
		return true;
	if (c < 0x80)
		return false;
	return uc_is_general_category_withtable(c, UC_CATEGORY_MASK_Cc | UC_CATEGORY_MASK_Cf | UC_CATEGORY_MASK_Co |
							   UC_CATEGORY_MASK_Cs | UC_CATEGORY_MASK_Zl |
							   UC_CATEGORY_MASK_Zp);
}

void text_put_visible(FILE *out, const char *s, size_t n)
{
	const uint8_t *u = (const uint8_t *)s;
	for (size_t i = 0; i < n;) {
		size_t plain = util_printable_span(u + i, n - i);
		fwrite(u + i, 1, plain, out);
		i += plain;
		if (i == n)
			break;
		ucs4_t c;
		int w = u8_mbtoucr(&c, u + i, n - i);
		if (w < 0) {
			fprintf(out, "\\x%02X", u[i]);
			i++;
			continue;
		}
		if (!text_is_hidden(c))
			fwrite(u + i, 1, (size_t)w, out);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c == '\r')
			fputs("\\r", out);
		else if (c < 0x80)
			fprintf(out, "\\x%02X", (unsigned)c);
		else if (c <= 0xFFFF)
			fprintf(out, "\\u%04X", (unsigned)c);
		else
			fprintf(out, "\\U%08X", (unsigned)c);
		i += (size_t)w;
	}
}

void text_printf(FILE *out, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	char *big = NULL, *t = small;
	if ((size_t)n >= sizeof small) {
		t = big = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	size_t len = (size_t)n;
	bool nl = len && t[len - 1] == '\n';
	text_put_visible(out, t, len - nl);
	if (nl)
		fputc('\n', out);
	free(big);
}

/* Whether the character of n bytes at s is a visible one, for text_answer: not a space, not hidden. */
static bool text_visible_at(const uint8_t *s, size_t n)
{
	ucs4_t c;
	if (!n || u8_mbtoucr(&c, s, n) < 0)
		return false;
	return c != ' ' && !text_is_hidden(c) && !uc_is_property_white_space(c);
}

char *text_answer(const char *s)
{
	/* first what is dropped, then NFC: a character dropped between a letter and a mark lets them compose */
	size_t n = strlen(s);
	const uint8_t *in = (const uint8_t *)s;
	char *out = xmalloc(n + 1);
	size_t o = 0, prev = SIZE_MAX;	/* where the last character written starts */
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int w = u8_mbtoucr(&c, in + i, n - i);
		if (w < 0) {	/* not UTF-8: as a control character */
			prev = o;
			out[o++] = ' ';
			i++;
			continue;
		}
		size_t next = i + (size_t)w;
		bool keep = !text_is_hidden(c);
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029) {
			prev = o;
			out[o++] = ' ';
			i = next;
			continue;
		}
		if ((c == 0x200C || c == 0x200D) && prev != SIZE_MAX)	/* ZWNJ, ZWJ: inside a word or a sequence */
			keep = text_visible_at((const uint8_t *)out + prev, o - prev) && text_visible_at(in + next, n - next);
		if (keep) {
			prev = o;
			memcpy(out + o, in + i, (size_t)w);
			o += (size_t)w;
		} else {
			prev = SIZE_MAX;	/* a joiner after a dropped character joins nothing */
		}
		i = next;
	}
	out[o] = '\0';
	size_t nn = 0;
	uint8_t *norm = u8_normalize(UNINORM_NFC, (const uint8_t *)out, o, NULL, &nn);
	if (norm) {
		xfree_wiped(out);
		out = xstrndup((const char *)norm, nn);
		compat_wipe(norm, nn);
		free(norm);
		o = nn;
	}
	size_t b = 0;
	while (out[b] == ' ')
		b++;
	while (o > b && out[o - 1] == ' ')
		o--;
	size_t len = o - b;
	memmove(out, out + b, len);
	compat_wipe(out + len, strlen(out + len));	/* what trimming moved away from */
	out[len] = '\0';
	return out;
}

struct text_wrapper {
	struct text_line *lines;
	size_t n, cap;
	int width;
};

/* A line of s from start to end, its spaces at the end dropped; width is its width when known, or -1. */
static void text_emit_width(struct text_wrapper *tw, const char *s, size_t start, size_t end, int width)
{
	size_t full = end;
	while (end > start && s[end - 1] == ' ')
		end--;
	if (width < 0)
		width = text_width(s + start, end - start);
	else
		width -= (int)(full - end);	/* a space is a cell */
	util_grow((void **)&tw->lines, &tw->cap, tw->n + 1, sizeof *tw->lines);
	tw->lines[tw->n++] = (struct text_line){ start, end - start, width };
}

static void text_emit(struct text_wrapper *tw, const char *s, size_t start, size_t end)
{
	text_emit_width(tw, s, start, end, -1);
}

/* Lay out a segment wider than a line: as many grapheme clusters as fit on each line. */
static size_t text_break_long(struct text_wrapper *tw, const char *s, size_t start, size_t end)
{
	size_t n = end - start;
	char *brk = xmalloc(n ? n : 1);
	u8_grapheme_breaks((const uint8_t *)s + start, n, brk);
	size_t line = start;
	int w = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && !brk[j])
			j++;
		int gw = text_width(s + start + i, j - i);
		if (w + gw > tw->width && start + i > line) {
			text_emit(tw, s, line, start + i);
			line = start + i;
			w = 0;
		}
		w += gw;
		i = j;
	}
	free(brk);
	return line;	/* the last, partial line goes on with what follows */
}

/*
 * No break at a space between two groups of digits: a phone number "+45 33 98 00 10" or an amount
 * "50 000" stays on one line, as a reader copies it; unless the whole run is wider than a line.
 */
static void text_keep_numbers(const char *s, size_t n, char *brk, int width)
{
	size_t i = 0;
	while (i < n) {
		if (!isdigit((unsigned char)s[i]) && !(s[i] == '+' && i + 1 < n && isdigit((unsigned char)s[i + 1]))) {
			i++;
			continue;
		}
		size_t j = i + (s[i] == '+'), end;
		for (;;) {	/* digits, then spaces and digits again */
			while (j < n && isdigit((unsigned char)s[j]))
				j++;
			end = j;
			while (j < n && s[j] == ' ')
				j++;
			if (j == end || j >= n || !isdigit((unsigned char)s[j]))
				break;
		}
		for (size_t k = i + 1; k < end && width > 0 && end - i <= (size_t)width; k++)
			if (s[k - 1] == ' ' && brk[k] == UC_BREAK_POSSIBLE)
				brk[k] = UC_BREAK_PROHIBITED;
		i = end;
	}
}

/*
 * No break inside a web address or a file name: after a '.' or '/' between letters or digits
 * ("borger.dk", "virk.dk/moms"), which the line breaking algorithm allows before a letter in some texts.
 * A run wider than a line is still broken, as any word is.
 */
static void text_keep_addresses(const char *s, size_t n, char *brk)
{
	for (size_t k = 2; k < n; k++)
		if (brk[k] == UC_BREAK_POSSIBLE && (s[k - 1] == '.' || s[k - 1] == '/') &&
		    isalnum((unsigned char)s[k]) && isalnum((unsigned char)s[k - 2]))
			brk[k] = UC_BREAK_PROHIBITED;
}

/* Wrap one paragraph (no '\n' inside) greedily at the break opportunities. */
static void text_wrap_paragraph(struct text_wrapper *tw, const char *s, size_t start, size_t end)
{
	size_t n = end - start;
	int all = text_width(s + start, n);
	if (all <= tw->width) {	/* most paragraphs of a screen: one line, no break needed */
		text_emit_width(tw, s, start, end, all);
		return;
	}
	char *brk = xmalloc(n);
	u8_possible_linebreaks((const uint8_t *)s + start, n, TEXT_ENCODING, brk);
	text_keep_numbers(s + start, n, brk, tw->width);
	text_keep_addresses(s + start, n, brk);
	size_t line = start;	/* where the current line starts */
	int w = 0;		/* its width so far, trailing spaces included */
	size_t seg = 0;
	while (seg < n) {
		size_t next = seg + 1;
		while (next < n && brk[next] != UC_BREAK_POSSIBLE)
			next++;
		size_t trim = next;
		while (trim > seg && s[start + trim - 1] == ' ')
			trim--;
		int full = text_width(s + start + seg, next - seg);
		int bare = text_width(s + start + seg, trim - seg);
		if (w + bare > tw->width && start + seg > line) {
			text_emit(tw, s, line, start + seg);
			line = start + seg;
			w = 0;
		}
		if (bare > tw->width) {
			line = text_break_long(tw, s, start + seg, start + trim);
			w = text_width(s + line, start + next - line);
		} else {
			w += full;
		}
		seg = next;
	}
	text_emit(tw, s, line, end);
	free(brk);
}

size_t text_wrap(const char *s, int width, struct text_line **lines)
{
	struct text_wrapper tw = { NULL, 0, 0, width < 1 ? 1 : width };
	size_t len = strlen(s);
	while (len && s[len - 1] == '\n')	/* a block scalar's final line break makes no empty line */
		len--;
	size_t start = 0;
	for (;;) {
		const char *nl = memchr(s + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - s) : len;
		text_wrap_paragraph(&tw, s, start, end);
		if (!nl)
			break;
		start = end + 1;
	}
	*lines = tw.lines;
	return tw.n;
}
