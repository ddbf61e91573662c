/*
 * speech-text: a page as the words to read aloud.  See speech-text.h.
 */
#include "speech-text.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

/* The text being made: a buffer that grows, wiped as it moves (it may hold answers). */
struct speech_buf {
	char *s;
	size_t len, cap;
};

/* Append the n bytes of s as a line of its own; nothing for an empty one. */
static void speech_line(struct speech_buf *b, const char *s, size_t n)
{
	if (!n)
		return;
	util_grow_wiped(&b->s, &b->cap, b->len + n + 2);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len++] = '\n';
	b->s[b->len] = '\0';
}

static void speech_add(struct speech_buf *b, const char *s)
{
	speech_line(b, s, s ? strlen(s) : 0);
}

/* An item with its number: "1: A new key", and a ticked one of a multi said so. */
static void speech_item(struct speech_buf *b, const struct page_block *k)
{
	char *line;
	int n;
	if (!strcmp(k->mark, "[x]"))
		/* TRANSLATORS: read aloud: a choice's number and words, ticked on a step of several choices */
		n = asprintf(&line, _("%d: %s, ticked"), k->number, k->text);
	else if (k->number > 0)
		n = asprintf(&line, "%d: %s", k->number, k->text);
	else
		n = asprintf(&line, "%s", k->text);
	if (n < 0)
		return;
	speech_line(b, line, (size_t)n);
	xfree_wiped(line);
}

/* The words of block k, as read aloud. */
static void speech_block(struct speech_buf *b, const struct page_block *k, const char *typed)
{
	switch (k->role) {
	case PAGE_BLANK:
	case PAGE_SECOND:
	case PAGE_ITEM_SECOND:
		return;	/* a gap, or the helper's language */
	case PAGE_ITEM:
	case PAGE_ROW:
		speech_item(b, k);
		return;
	case PAGE_FIELD:
		speech_add(b, typed);
		return;
	case PAGE_HEADING:
	case PAGE_TEXT:
	case PAGE_NOTICE:
	case PAGE_HINT:
	case PAGE_DROPPED_HEAD:
	case PAGE_DROPPED:
	case PAGE_ANSWER:
	case PAGE_CONTINUE:
	case PAGE_TODO_HEAD:
	case PAGE_TODO:
	case PAGE_NOTE_HEAD:
	case PAGE_NOTE:
	case PAGE_TERM:
	case PAGE_EXPLAIN:
	case PAGE_ROLE_COUNT:
		speech_add(b, k->text);
		return;
	}
}

char *speech_text(const struct page *p, const char *typed)
{
	struct speech_buf b = { 0 };
	util_grow_wiped(&b.s, &b.cap, 1);
	b.s[0] = '\0';
	for (size_t i = 0; i < p->nblocks; i++)
		speech_block(&b, &p->blocks[i], typed);
	speech_add(&b, p->message);
	return b.s;
}
