/*
 * field: a one-line text field of any frontend; see field.h.  The buffer grows by copy, not realloc, so no
 * old block is left unwiped, and the bytes text moves away from are wiped.
 */
#include "field.h"

#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

#include "compat.h"
#include "limit.h"
#include "text.h"
#include "util.h"

/* Replace the text with s (the old one wiped), the cursor at its end. */
void field_set(struct field *f, const char *s)
{
	size_t n = strlen(s);
	char *copy = xmalloc(n + 1);
	memcpy(copy, s, n + 1);	/* before the wipe: s may be f->buf */
	if (f->buf)
		compat_wipe(f->buf, f->len);
	free(f->buf);
	f->buf = copy;
	f->len = f->cur = n;
	f->hscroll = 0;
}

/* Whether c is a character typing puts in a field (not a control character, a surrogate or beyond Unicode). */
bool field_typable(uint32_t c)
{
	return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && !(c >= 0xd800 && c < 0xe000) && c < 0x110000;
}

/* Insert c at the cursor; false (and nothing changes) when the text would pass LIMIT_INPUT bytes. */
bool field_insert(struct field *f, uint32_t c)
{
	if (!f->buf)
		field_set(f, "");
	uint8_t enc[8];
	int n = u8_uctomb(enc, (ucs4_t)c, sizeof enc);
	if (n <= 0)
		return true;
	if (f->len + (size_t)n > LIMIT_INPUT)
		return false;
	char *grown = xmalloc(f->len + (size_t)n + 1);	/* not realloc: the old block is wiped first */
	memcpy(grown, f->buf, f->len + 1);
	compat_wipe(f->buf, f->len + 1);
	free(f->buf);
	f->buf = grown;
	memmove(f->buf + f->cur + n, f->buf + f->cur, f->len - f->cur + 1);
	memcpy(f->buf + f->cur, enc, (size_t)n);
	f->len += (size_t)n;
	f->cur += (size_t)n;
	return true;
}

/* Delete bytes from..to; the cursor goes to from. */
static void field_delete(struct field *f, size_t from, size_t to)
{
	memmove(f->buf + from, f->buf + to, f->len - to + 1);
	f->len -= to - from;
	f->cur = from;
	compat_wipe(f->buf + f->len + 1, to - from);	/* the tail the text moved away from */
}

/* Move the cursor or delete, by grapheme cluster. */
void field_do(struct field *f, enum field_op op)
{
	if (!f->buf)
		return;
	switch (op) {
	case FIELD_LEFT:
		f->cur = text_prev_grapheme(f->buf, f->len, f->cur);
		break;
	case FIELD_RIGHT:
		f->cur = text_next_grapheme(f->buf, f->len, f->cur);
		break;
	case FIELD_HOME:
		f->cur = 0;
		break;
	case FIELD_END:
		f->cur = f->len;
		break;
	case FIELD_DEL_BACK:
		if (f->cur)
			field_delete(f, text_prev_grapheme(f->buf, f->len, f->cur), f->cur);
		break;
	case FIELD_DEL_FORWARD:
		if (f->cur < f->len)
			field_delete(f, f->cur, text_next_grapheme(f->buf, f->len, f->cur));
		break;
	case FIELD_DEL_TO_START:
		field_delete(f, 0, f->cur);
		break;
	}
}

/*
 * The part shown in width columns: from f->hscroll to *end, keeping the cursor in view; its width.
 * Grapheme boundaries are found once per call, so a field holding a long paste costs one pass, not one per
 * cell.
 */
int field_view(struct field *f, int width, size_t *end)
{
	if (!f->buf)
		field_set(f, "");
	char *brk = xcalloc(f->len + 1, 1);
	u8_grapheme_breaks((const uint8_t *)f->buf, f->len, brk);
	brk[f->len] = 1;
	size_t start = f->cur;	/* the leftmost start that still shows the cursor */
	int w = 0;
	while (start > 0) {
		size_t prev = start - 1;
		while (prev > 0 && !brk[prev])
			prev--;
		int gw = text_width(f->buf + prev, start - prev);
		if (w + gw >= width)
			break;
		w += gw;
		start = prev;
	}
	if (f->hscroll < start || f->hscroll > f->cur)
		f->hscroll = start;
	size_t e = f->hscroll;
	int used = 0;
	while (e < f->len) {
		size_t next = e + 1;
		while (next < f->len && !brk[next])
			next++;
		int gw = text_width(f->buf + e, next - e);
		if (used + gw > width)
			break;
		used += gw;
		e = next;
	}
	free(brk);
	*end = e;
	return used;
}

/* Keep the text as the draft of step (of nsteps), to show again when the person comes back to it. */
void field_draft_keep(struct field *f, size_t step, size_t nsteps)
{
	if (!f->drafts) {
		f->drafts = xcalloc(nsteps, sizeof *f->drafts);
		f->ndrafts = nsteps;
	}
	if (step >= f->ndrafts)
		return;
	xfree_wiped(f->drafts[step]);
	f->drafts[step] = xstrdup(f->buf ? f->buf : "");
}

/* Set the text to the draft of step and forget the draft; false when there is none. */
bool field_draft_take(struct field *f, size_t step)
{
	if (!f->drafts || step >= f->ndrafts || !f->drafts[step])
		return false;
	field_set(f, f->drafts[step]);
	xfree_wiped(f->drafts[step]);
	f->drafts[step] = NULL;
	return true;
}

/* Wipe and forget the drafts. */
void field_drafts_free(struct field *f)
{
	for (size_t i = 0; f->drafts && i < f->ndrafts; i++)
		xfree_wiped(f->drafts[i]);
	free(f->drafts);
	f->drafts = NULL;
	f->ndrafts = 0;
}

/* Wipe and free the text and the drafts. */
void field_free(struct field *f)
{
	if (f->buf)
		compat_wipe(f->buf, f->len);
	free(f->buf);
	f->buf = NULL;
	f->len = f->cur = f->hscroll = 0;
	field_drafts_free(f);
}
