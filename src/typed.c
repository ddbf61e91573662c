/*
 * typed: lines typed, read as commands and answers, and what to type (typed.h).
 *
 * Invariants: a line read is at most LIMIT_INPUT bytes and UTF-8 with no NUL, or refused whole; every byte
 * read is wiped where it was read ahead once taken, and the line before the next is read; an answer kept
 * as text is wiped when freed.  The words of a command are in one table (typed_commands): a line is a
 * command only through it, and a sentence names a command only through it.
 */
#include "typed.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <unistr.h>

#include "compat.h"
#include "content.h"
#include "i18n.h"
#include "kind.h"
#include "text.h"
#include "util.h"

/* Reading */

/* One byte typed, or EOF; wiped where it was read ahead. */
static int typed_getc(struct typed_reader *r)
{
	if (r->pos == r->len) {
		r->pos = r->len = 0;
		ssize_t got;
		do
			got = read(r->fd, r->ahead, sizeof r->ahead);
		while (got < 0 && errno == EINTR);
		if (got <= 0)
			return EOF;
		r->len = (size_t)got;
	}
	unsigned char c = (unsigned char)r->ahead[r->pos];
	r->ahead[r->pos++] = 0;
	return c;
}

enum typed_read typed_read(struct typed_reader *r)
{
	compat_wipe(r->line, sizeof r->line);
	size_t n = 0;
	int c = EOF;
	while (n < sizeof r->line - 1 && (c = typed_getc(r)) != EOF && c != '\n')
		r->line[n++] = (char)c;
	if (c == EOF && n == 0)
		return TYPED_READ_EOF;
	if (c != '\n' && c != EOF && n > LIMIT_INPUT) {
		while ((c = typed_getc(r)) != EOF && c != '\n')
			;
		return TYPED_READ_LONG;
	}
	if (n && r->line[n - 1] == '\r')	/* a serial line or a Windows file */
		r->line[--n] = '\0';
	if (memchr(r->line, '\0', n) || u8_check((const uint8_t *)r->line, n))
		return TYPED_READ_BAD;
	return TYPED_READ_OK;
}

void typed_reader_wipe(struct typed_reader *r)
{
	compat_wipe(r->line, sizeof r->line);
	compat_wipe(r->ahead, sizeof r->ahead);
	r->pos = r->len = 0;
}

char *typed_trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* Commands */

/* A command: the sign and the word that give it, and how the sentences name it. */
struct typed_cmd {
	enum page_action action;
	const char *sign;	/* typed as it is, or NULL */
	const char *word;	/* typed in English or in the language shown (N_) */
	bool named_by_sign;	/* the sentences name the sign, not the word */
};

/* In the order a line is tried against them. */
static const struct typed_cmd typed_commands[] = {
	{ PAGE_BACK, "<", N_("back"), false },
	{ PAGE_HELP, "?", N_("help"), true },
	{ PAGE_STOP, NULL, N_("stop"), false },
	{ PAGE_SAVE, NULL, N_("save"), false },
	{ PAGE_PRINT, NULL, N_("print"), false },
};

/* Whether s is word (in English) or its translation, regardless of the case of ASCII letters. */
static bool typed_is_word(const char *s, const char *word)
{
	return !strcasecmp(s, word) || !strcasecmp(s, _(word));
}

unsigned typed_command(const char *t)
{
	for (size_t i = 0; i < ARRAY_LEN(typed_commands); i++) {
		const struct typed_cmd *c = &typed_commands[i];
		if ((c->sign && !strcmp(t, c->sign)) || typed_is_word(t, c->word))
			return c->action;
	}
	return 0;
}

const char *typed_command_name(enum page_action a)
{
	for (size_t i = 0; i < ARRAY_LEN(typed_commands); i++)
		if (typed_commands[i].action == a)
			return typed_commands[i].named_by_sign ? typed_commands[i].sign : _(typed_commands[i].word);
	return NULL;
}

int typed_yes_no(const char *t)
{
	if (!strcmp(t, "1") || typed_is_word(t, "yes"))
		return 1;
	if (!strcmp(t, "2") || typed_is_word(t, "no"))
		return 0;
	return -1;
}

int typed_number(const char *in, int max)
{
	char s[16];
	if (strlen(in) >= sizeof s)
		return 0;
	text_digits(strcpy(s, in));
	if (!*s || strlen(s) > 6 || strspn(s, "0123456789") != strlen(s))
		return 0;
	int n = atoi(s);
	return n >= 1 && n <= max ? n : 0;
}

/* Answers */

/* The choice typed as its number (kept: the remembered answer's text) into a; false when there is none. */
static bool typed_choice(const struct engine_view *v, const char *t, bool kept, const int *rows, size_t nrows,
			 struct typed_answer *a)
{
	const struct step *s = v->step;
	int i = *t ? typed_number(t, (int)nrows) : 0;
	if (!*t)
		a->in.text = "";
	else if (kept && v->prefill.type == VAL_STR)
		a->in.text = v->prefill.u.s;
	else if (i)
		a->in.text = s->choices[rows[i - 1]].value;
	return a->in.text != NULL;
}

/* The choices typed as numbers apart into a, or those remembered for an empty line; false for a wrong number. */
static bool typed_multi(const struct engine_view *v, char *t, const int *rows, size_t nrows, struct typed_answer *a)
{
	const struct step *s = v->step;
	bool *picked = xcalloc(s->nchoices + 1, sizeof *picked), ok = true;
	a->in.is_list = true;
	a->in.items = a->items;
	for (size_t k = 0; !*t && v->answered && v->prefill.type == VAL_LIST && k < v->prefill.u.list.n &&
			   k < s->nchoices; k++)
		a->items[a->in.nitems++] = v->prefill.u.list.items[k].u.s;
	for (char *save = NULL, *w = strtok_r(t, " ,;\t", &save); w && ok; w = strtok_r(NULL, " ,;\t", &save)) {
		int i = typed_number(w, (int)nrows);
		if (!i) {
			ok = false;
		} else if (!picked[i - 1]) {
			a->items[a->in.nitems++] = s->choices[rows[i - 1]].value;
			picked[i - 1] = true;
		}
	}
	free(picked);
	return ok;
}

bool typed_answer(struct engine *e, const struct engine_view *v, char *t, struct typed_answer *a)
{
	const struct step *s = v->step;
	*a = (struct typed_answer){ .items = xcalloc(s->nchoices + 1, sizeof *a->items) };
	if (!*t && v->answered && v->prefill.type != VAL_NULL)
		t = a->kept = xstrdup(engine_value_text(e, s, v->prefill));
	int yes = s->type == STEP_YESNO ? typed_yes_no(t) : -1;
	if (kind_of(s->type)->choices) {	/* numbered as offered (content.h) */
		int *rows = xmalloc((s->nchoices ? s->nchoices : 1) * sizeof *rows);
		size_t nrows = content_choices(e, s, false, rows);
		bool ok = s->type == STEP_CHOICE ? typed_choice(v, t, t == a->kept, rows, nrows, a)
						 : typed_multi(v, t, rows, nrows, a);
		free(rows);
		return ok;
	}
	a->in.text = yes == 1 ? "true" : yes == 0 ? "false" : t;
	return true;
}

void typed_answer_free(struct typed_answer *a)
{
	free(a->items);
	xfree_wiped(a->kept);
	*a = (struct typed_answer){ 0 };
}

bool typed_review_pick(const struct wizard *w, struct engine *e, const char *t, struct page_row *row)
{
	*row = (struct page_row){ -1, -1, PAGE_ROW_CHANGE };
	if (!*t)
		return true;
	size_t n;
	struct page_row *rows = page_review_rows(w, e, &n);
	int nth = typed_number(t, 1 << 20);
	if (nth >= 1 && (size_t)nth <= n)
		*row = rows[nth - 1];
	free(rows);
	return row->step >= 0;
}

bool typed_review_row(const struct wizard *w, struct engine *e, const char *t, int *step)
{
	struct page_row row;
	bool ok = typed_review_pick(w, e, t, &row);
	*step = row.step;
	return ok;
}

/* What to type */

const char *typed_kept(const struct wizard *w, struct engine *e, const struct engine_view *v)
{
	enum step_type t = v->step->type;
	if (!v->answered || v->prefill.type == VAL_NULL || t == STEP_INFO || t == STEP_REVIEW || t == STEP_END)
		return NULL;
	return engine_answer_text(e, v->step, v->prefill, engine_tr, (void *)w);	/* its own page: a sensitive one too */
}

/* Add a sentence made as printf makes it to the n bytes in buf, a space between; the length now. */
__attribute__((format(printf, 4, 5))) static size_t typed_say(char *buf, size_t size, size_t n, const char *fmt, ...)
{
	if (n && n + 1 < size)
		buf[n++] = ' ';
	va_list ap;
	va_start(ap, fmt);
	if (n < size)
		n += (size_t)vsnprintf(buf + n, size - n, fmt, ap);
	va_end(ap);
	return n < size ? n : size - 1;
}

/*
 * At an end: save a summary (where an operator chose a folder), print one (where an operator named a
 * queue), finish, or go back.
 */
static void typed_end_instructions(const struct page *p, char *buf, size_t size)
{
	size_t n = 0;
	if (p->actions & PAGE_SAVE)
		n = typed_say(buf, size, n, _("Type %s to save a summary to take away."), typed_command_name(PAGE_SAVE));
	if (p->actions & PAGE_PRINT)
		n = typed_say(buf, size, n, _("Type %s to print a summary to take away."), typed_command_name(PAGE_PRINT));
	n = typed_say(buf, size, n, "%s", _("Press Enter to finish."));
	if (p->actions & PAGE_BACK)
		typed_say(buf, size, n, _("Type %s to go back."), typed_command_name(PAGE_BACK));
}

/* What to type on a step, but an end: what an answer is, whether Enter leaves it out, help and back. */
static void typed_step_instructions(const struct page *p, struct engine *e, const struct engine_view *v, char *buf,
				    size_t size)
{
	const struct step *s = v->step;
	size_t n = 0;
	const char *unit = s->type == STEP_NUMBER ? engine_show_text(e, &step_more(s)->unit, NULL) : NULL;
	if (unit)
		n = typed_say(buf, size, n, _("Type a number (%s)."), unit);
	else if (kind_instruction(s->type))
		n = typed_say(buf, size, n, "%s", kind_instruction(s->type));
	bool kept = v->answered && v->prefill.type != VAL_NULL;
	if (!kept && !s->required && s->type != STEP_INFO && s->type != STEP_REVIEW)
		n = typed_say(buf, size, n, "%s", _("Press Enter to leave it out."));
	bool help = p->actions & (PAGE_HELP | PAGE_WORDS), back = p->actions & PAGE_BACK;
	const char *help_is = typed_command_name(PAGE_HELP), *back_is = typed_command_name(PAGE_BACK);
	if (help && back)	/* TRANSLATORS: the first %s is what to type for help ("?"), the second the word for back */
		typed_say(buf, size, n, _("Type %s for help, or %s to go back."), help_is, back_is);
	else if (help)	/* TRANSLATORS: %s is what to type for help ("?") */
		typed_say(buf, size, n, _("Type %s for help."), help_is);
	else if (back)
		typed_say(buf, size, n, _("Type %s to go back."), back_is);
}

const char *typed_instructions(const struct page *p, struct engine *e, const struct engine_view *v, char *buf,
			       size_t size)
{
	*buf = '\0';
	switch (p->kind) {
	case PAGE_KIND_STEP:
		if (v->step->type == STEP_END)
			typed_end_instructions(p, buf, size);
		else
			typed_step_instructions(p, e, v, buf, size);
		break;
	case PAGE_KIND_STOP:	/* the answer is yes, as typed_yes_no reads it */
		typed_say(buf, size, 0, _("Type %s to stop, or press Enter to go on."), _("yes"));
		break;
	case PAGE_KIND_MENU:
		if (p->nblocks && p->blocks[p->nblocks - 1].role == PAGE_ITEM)	/* guides, not "none found" */
			typed_say(buf, size, 0, _("Type the number of a guide, or %s to leave."),
				  typed_command_name(PAGE_STOP));
		break;
	case PAGE_KIND_HELP:
	case PAGE_KIND_WORDS:
	case PAGE_KIND_LANGUAGE:
	case PAGE_KIND_IDLE:
	case PAGE_KIND_NOTICE:
		break;
	}
	return buf;
}

const char *typed_refusal(enum typed_read r)
{
	switch (r) {
	case TYPED_READ_LONG:
		return _("That is as much text as fits here.");
	case TYPED_READ_BAD:
		return _("That line has characters that could not be read. Please type it again.");
	case TYPED_READ_OK:
	case TYPED_READ_EOF:
		break;
	}
	return NULL;
}
