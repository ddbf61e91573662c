/*
 * field: a one-line text field of any frontend: UTF-8 text with a cursor, edited and moved by grapheme
 * cluster, bounded at LIMIT_INPUT bytes, wiped when it shrinks or is freed; and the drafts per step (what
 * was typed and not given when the person went back).
 */
#ifndef TRIN_FIELD_H
#define TRIN_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct field {
	char *buf;		/* UTF-8, NUL-terminated; NULL before the first field_set */
	size_t len, cur;	/* bytes, and the cursor's byte offset */
	size_t hscroll;		/* the first byte shown (field_view) */
	char **drafts;		/* per step, or NULL */
	size_t ndrafts;
};

enum field_op { FIELD_LEFT, FIELD_RIGHT, FIELD_HOME, FIELD_END, FIELD_DEL_BACK, FIELD_DEL_FORWARD, FIELD_DEL_TO_START };

/* Replace the text with s (the old one wiped), the cursor at its end. */
void field_set(struct field *f, const char *s);
/* Whether c is a character typing puts in a field (not a control character, a surrogate or beyond Unicode). */
bool field_typable(uint32_t c);
/* Insert c at the cursor; false (and nothing changes) when the text would pass LIMIT_INPUT bytes. */
bool field_insert(struct field *f, uint32_t c);
/* Move the cursor or delete, by grapheme cluster. */
void field_do(struct field *f, enum field_op op);
/* The part shown in width columns (at least 1): from f->hscroll to *end, keeping the cursor in view; its width. */
int field_view(struct field *f, int width, size_t *end);
/* Keep the text as the draft of step (of nsteps), to show again when the person comes back to it. */
void field_draft_keep(struct field *f, size_t step, size_t nsteps);
/* Set the text to the draft of step and forget the draft; false when there is none. */
bool field_draft_take(struct field *f, size_t step);
/* Wipe and forget the drafts. */
void field_drafts_free(struct field *f);
/* Wipe and free the text and the drafts. */
void field_free(struct field *f);

#endif
