/*
 * bidi: text written right to left.  See bidi.h.
 *
 * The only file that includes FriBidi's header, for its declarations only: the library is opened at the
 * first line laid out, and its one function taken from it (bidi_load).  Lines are short (a screen's width),
 * so a line is laid out whole each time it is drawn.
 */
#include "bidi.h"

#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

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
	void *lib = dlopen(BIDI_LIBRARY, RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		return false;
	if (!(*(void **)&bidi_fn.log2vis = dlsym(lib, "fribidi_log2vis"))) {
		dlclose(lib);
		return false;
	}
	bidi_fn.lib = lib;
	return true;
}

bool bidi_visual(const char *s, size_t n, bool rtl, struct bidi_line *out)
{
	bidi_line_free(out);
	if (!bidi_load() || u8_check((const uint8_t *)s, n))
		return false;
	if (!n)
		return true;
	size_t len = u8_mbsnlen((const uint8_t *)s, n);
	if (len > 1u << 20)
		return false;
	FriBidiChar *logical = xcalloc(len, sizeof *logical), *visual = xcalloc(len, sizeof *visual);
	FriBidiStrIndex *to_logical = xcalloc(len, sizeof *to_logical);
	FriBidiLevel *level = xcalloc(len, sizeof *level);
	size_t *offset = xcalloc(len, sizeof *offset);
	const uint8_t *p = (const uint8_t *)s;
	for (size_t i = 0; i < len; i++) {
		ucs4_t c;
		offset[i] = (size_t)(p - (const uint8_t *)s);
		p += u8_mbtouc(&c, p, n - offset[i]);
		logical[i] = c;
	}
	FriBidiParType dir = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	bool ok = bidi_fn.log2vis(logical, (FriBidiStrIndex)len, &dir, visual, NULL, to_logical, level) != 0;
	out->cp = xcalloc(len, sizeof *out->cp);
	out->from = xcalloc(len, sizeof *out->from);
	out->rtl = xcalloc(len, sizeof *out->rtl);
	for (size_t v = 0; ok && v < len; v++) {
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
	struct bidi_line none = { 0 };
	return i18n_lang_shown(own)->rtl && bidi_visual("", 0, true, &none);
}

bool bidi_lang_rtl(const char *lang)
{
	struct bidi_line none = { 0 };
	return lang && i18n_lang(lang)->rtl && bidi_visual("", 0, true, &none);
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
