/*
 * ui-line: the plain line mode.  See ui-line.h.
 *
 * A step is printed once, when it is entered: the progress, the question, its text, the glossary words
 * met for the first time in this walk with their explanations, the numbered choices, and a line saying
 * what to type.  Then lines are read until one moves the walk on; a refused answer prints only the
 * engine's message and the prompt again, so a slow line or a screen reader does not hear the step twice.
 *
 * Invariants: everything printed goes through summary_para, which wraps to the width and turns control
 * characters into spaces; a line read is bounded (LIMIT_INPUT) and must be UTF-8; answers in the
 * read buffer are wiped before it is reused or freed.  No terminal handling at all: no curses, no termios.
 */
#include "ui-line.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "compat.h"
#include "diag.h"
#include "engine.h"
#include "glossary.h"
#include "i18n.h"
#include "kind.h"
#include "limit.h"
#include "model.h"
#include "page.h"
#include "status.h"
#include "summary.h"
#include "util.h"

enum line_read { LINE_READ_OK, LINE_READ_EOF, LINE_READ_LONG, LINE_READ_BAD };
enum line_outcome { LINE_FINISHED, LINE_QUIT_ASKED, LINE_STOPPED };

struct line {
	const struct wizard *w;
	struct engine *e;
	const struct ui_options *opts;
	FILE *in, *out;
	int width;
	bool echo;		/* input is not a terminal: print each line read after the prompt */
	char buf[LIMIT_INPUT + 2];
	char inbuf[4096];	/* read(2) reads here, not into stdio's buffer, so that trin wipes what is typed */
	size_t inpos, inlen;
	struct glossary_terms terms;	/* translated, in lower case */
	bool *told;		/* which of them this walk has explained */
	bool failed;		/* an output file could not be written */
};

/* Printing */

static void line_para(struct line *l, const char *s)
{
	summary_para(l->out, "", s, l->width, 0);
}

static void line_blank(struct line *l)
{
	fputc('\n', l->out);
}

/* The answer of a step on the path as the review shows it. */
static const char *line_answer(struct line *l, int step)
{
	char name[80];
	snprintf(name, sizeof name, "{%s}", l->w->steps[step].id);
	return engine_format(l->e, name, engine_tr, (void *)l->w);
}

/* The roles line mode prints after a fixed prefix, under which the lines after the first hang. */
static const char *const line_hung[PAGE_ROLE_COUNT] = {
	[PAGE_HEADING] = "", [PAGE_TEXT] = "", [PAGE_NOTICE] = "", [PAGE_DROPPED_HEAD] = "", [PAGE_NOTE_HEAD] = "",
	[PAGE_ANSWER] = "     ", [PAGE_DROPPED] = "  - ", [PAGE_TODO] = "[ ] ", [PAGE_NOTE] = "  ",
};

/* Whether line mode prints a block: not the field and its hint (said in what to type), nor "go on" (Enter). */
static bool line_shows(const struct page_block *b)
{
	return line_hung[b->role] || b->role == PAGE_SECOND || b->role == PAGE_ITEM_SECOND || b->role == PAGE_ITEM ||
	       b->role == PAGE_ROW || b->role == PAGE_TODO_HEAD || b->role == PAGE_EXPLAIN;
}

/*
 * One block of a page, in line mode's words: items numbered to be typed, texts in the helper's language
 * marked with its code, a term with its explanation (*term keeps the term for it).
 */
static void line_block(struct line *l, const struct page_block *b, const char **term)
{
	char prefix[64];
	if (b->role == PAGE_SECOND || b->role == PAGE_ITEM_SECOND)
		snprintf(prefix, sizeof prefix, "%*s(%s) ", b->role == PAGE_ITEM_SECOND ? 5 : 0, "", l->opts->second_lang);
	else if (b->role == PAGE_ITEM || b->role == PAGE_ROW)
		snprintf(prefix, sizeof prefix, "  %d. ", b->number);
	else if (line_hung[b->role])
		snprintf(prefix, sizeof prefix, "%s", line_hung[b->role]);
	else if (b->role == PAGE_TODO_HEAD)
		snprintf(prefix, sizeof prefix, "%s:", b->text);
	if (b->role == PAGE_TERM)
		*term = b->text;
	else if (b->role == PAGE_EXPLAIN) {
		char *head = xmalloc(strlen(*term) + 8);
		sprintf(head, "  %s: ", *term);
		summary_para(l->out, head, b->text, l->width, 4);
		free(head);
	} else if (b->role == PAGE_TODO_HEAD)
		line_para(l, prefix);
	else if (line_shows(b))
		summary_para(l->out, prefix, b->text, l->width, (int)strlen(prefix));
}

/* Print the blocks of p, a gap where one falls between two blocks printed; with tight, no gaps. */
static void line_print(struct line *l, const struct page *p, bool tight)
{
	bool gap = false;
	const char *term = "";
	for (size_t i = 0; i < p->nblocks; i++) {
		const struct page_block *b = &p->blocks[i];
		gap |= b->role == PAGE_BLANK && !tight;
		if (line_shows(b) && gap)
			line_blank(l);
		gap &= !line_shows(b);
		line_block(l, b, &term);
	}
}

/* Reading */

/*
 * One byte typed, or EOF.  Input is read with read(2) into l->inbuf, and each byte is wiped there as it is
 * taken: stdio's buffer would keep the last line typed after the walk.
 */
static int line_getc(struct line *l)
{
	if (l->inpos == l->inlen) {
		l->inpos = l->inlen = 0;
		ssize_t r;
		do
			r = read(fileno(l->in), l->inbuf, sizeof l->inbuf);
		while (r < 0 && errno == EINTR);
		if (r <= 0)
			return EOF;
		l->inlen = (size_t)r;
	}
	unsigned char c = (unsigned char)l->inbuf[l->inpos];
	l->inbuf[l->inpos++] = 0;
	return c;
}

/* Read one line into l->buf, without its line end; a line too long is read to its end and refused. */
static enum line_read line_read(struct line *l)
{
	fputs("> ", l->out);
	fflush(l->out);
	compat_wipe(l->buf, sizeof l->buf);
	size_t n = 0;
	int c = EOF;
	while (n < sizeof l->buf - 1 && (c = line_getc(l)) != EOF && c != '\n')
		l->buf[n++] = (char)c;
	if (c == EOF && n == 0) {
		if (l->echo)
			line_blank(l);
		return LINE_READ_EOF;
	}
	if (c != '\n' && c != EOF && n > LIMIT_INPUT) {
		while ((c = line_getc(l)) != EOF && c != '\n')
			;
		if (l->echo)
			line_blank(l);
		return LINE_READ_LONG;
	}
	if (n && l->buf[n - 1] == '\r')	/* a serial line or a Windows file */
		l->buf[--n] = '\0';
	if (l->echo)
		summary_para(l->out, "", l->buf, l->width - 2, 2);
	if (memchr(l->buf, '\0', n) || u8_check((const uint8_t *)l->buf, n))
		return LINE_READ_BAD;
	return LINE_READ_OK;
}

/* The line read, without spaces at its ends, in place. */
static char *line_trimmed(struct line *l)
{
	char *s = l->buf;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* Whether s is word (in English) or its translation, regardless of the case of ASCII letters. */
static bool line_is_word(const char *s, const char *word, const char *translated)
{
	return !strcasecmp(s, word) || !strcasecmp(s, translated);
}

/* A number from 1 to max as typed, or 0 when s is not one. */
static int line_number(const char *s, int max)
{
	if (!*s || strlen(s) > 6 || strspn(s, "0123456789") != strlen(s))
		return 0;
	int n = atoi(s);
	return n >= 1 && n <= max ? n : 0;
}

/* Pages */

static void line_terms_init(struct line *l)
{
	glossary_terms_init(&l->terms, l->w, engine_tr, (void *)l->w);
	l->told = xcalloc(l->w->nglossary ? l->w->nglossary : 1, sizeof *l->told);
}

static void line_terms_free(struct line *l)
{
	glossary_terms_free(&l->terms);
	free(l->told);
	l->told = NULL;
}

/*
 * The page of step v, or of kind over it; page_free it.  Its glossary terms are found in whole blocks, not
 * in the review's rows: they name steps shown before, whose words were explained there.
 */
static struct page *line_page(struct line *l, const struct engine_view *v, enum page_kind kind, const bool *words)
{
	struct page_input in = { .w = l->w, .e = l->e, .v = v, .show = kind, .sel = -1,
				 .second_lang = l->opts->second_lang, .guide = l->opts->guide,
				 .summary_dir = l->opts->summary_dir != NULL, .words = words };
	struct page *p = page_build(&in);
	for (size_t i = 0; i < p->nblocks; i++) {
		const struct page_block *b = &p->blocks[i];
		if (b->terms && b->role != PAGE_ROW && b->role != PAGE_CONTINUE)
			glossary_terms_find(&l->terms, b->text, strlen(b->text), NULL, p->seen);
	}
	return p;
}

/* "Words explained:" and each term marked in which with its explanation; nothing when none is. */
static void line_terms_explain(struct line *l, const struct engine_view *v, const bool *which)
{
	struct page *p = line_page(l, v, PAGE_KIND_WORDS, which);
	if (p->nblocks > 1) {
		char head[128];
		snprintf(head, sizeof head, "%s:", p->blocks[0].text);
		line_blank(l);
		line_para(l, head);
		const char *term = "";
		for (size_t i = 1; i < p->nblocks; i++)
			line_block(l, &p->blocks[i], &term);
	}
	page_free(p);
}

/* The words of the glossary page p uses that this walk has not explained yet, explained. */
static void line_terms_new(struct line *l, const struct engine_view *v, const struct page *p)
{
	bool *fresh = xcalloc(p->nseen ? p->nseen : 1, sizeof *fresh);
	for (size_t i = 0; i < p->nseen; i++) {
		fresh[i] = p->seen[i] && !l->told[i];
		l->told[i] |= fresh[i];
	}
	line_terms_explain(l, v, fresh);
	free(fresh);
}

/* What to type at an end: save a summary (where an operator chose a folder), finish, or go back. */
static void line_end_instructions(struct line *l, const struct engine_view *v)
{
	char what[512];
	size_t n = 0;
	if (l->opts->summary_dir)
		n = (size_t)snprintf(what, sizeof what, _("Type %s to save a summary to take away."), _("save"));
	snprintf(what + n, sizeof what - n, "%s%s", n ? " " : "", _("Press Enter to finish."));
	n = strlen(what);
	if (v->can_back) {
		what[n++] = ' ';
		snprintf(what + n, sizeof what - n, _("Type %s to go back."), _("back"));
	}
	line_blank(l);
	line_para(l, what);
}

/* What to type on this step, and the words that work here. */
static void line_instructions(struct line *l, const struct engine_view *v)
{
	const struct step *s = v->step;
	if (s->type == STEP_END) {
		line_end_instructions(l, v);
		return;
	}
	char what[512] = "";
	const char *unit = s->type == STEP_NUMBER ? engine_show_text(l->e, &s->unit, NULL) : NULL;
	if (unit)
		snprintf(what, sizeof what, _("Type a number (%s)."), unit);
	else if (kind_instruction(s->type))
		snprintf(what, sizeof what, "%s", kind_instruction(s->type));
	if (v->answered && v->prefill.type != VAL_NULL && s->type != STEP_INFO && s->type != STEP_REVIEW) {
		char *kept = xstrdup(line_answer(l, v->index));
		line_blank(l);
		char head[64];
		snprintf(head, sizeof head, "%s ", _("Your answer:"));
		summary_para(l->out, head, kept, l->width, 2);
		line_para(l, _("Press Enter to keep it."));
		xfree_wiped(kept);
	} else if (!s->required && s->type != STEP_INFO && s->type != STEP_REVIEW) {
		size_t n = strlen(what);
		snprintf(what + n, sizeof what - n, " %s", _("Press Enter to leave it out."));
	}
	size_t n = strlen(what);
	struct page *p = line_page(l, v, PAGE_KIND_STEP, NULL);
	bool help = p->actions & PAGE_HELP, back = p->actions & PAGE_BACK;
	for (size_t i = 0; i < p->nseen; i++)
		help |= p->seen[i];
	page_free(p);
	if (n && (help || back))
		what[n++] = ' ';
	if (help && back)
		snprintf(what + n, sizeof what - n, _("Type ? for help, or %s to go back."), _("back"));
	else if (help)
		snprintf(what + n, sizeof what - n, "%s", _("Type ? for help."));
	else if (back)
		snprintf(what + n, sizeof what - n, _("Type %s to go back."), _("back"));
	line_blank(l);
	line_para(l, what);
}

/* Print the step: progress, the page of the step, the new glossary words, and what to type. */
static void line_show(struct line *l, const struct engine_view *v)
{
	struct page *p = line_page(l, v, PAGE_KIND_STEP, NULL);
	line_blank(l);
	if (p->progress)
		line_para(l, p->progress);
	line_print(l, p, false);
	line_terms_new(l, v, p);
	page_free(p);
	if (v->step->type != STEP_END)
		line_instructions(l, v);
}

/* The help of the step and every glossary word it uses; at an end, what to type. */
static void line_help(struct line *l, const struct engine_view *v)
{
	if (v->step->type == STEP_END) {
		line_instructions(l, v);
		return;
	}
	struct page *step = line_page(l, v, PAGE_KIND_STEP, NULL), *help = line_page(l, v, PAGE_KIND_HELP, NULL);
	line_blank(l);
	if (step->actions & PAGE_HELP) {
		char head[64];
		snprintf(head, sizeof head, "%s:", help->blocks[0].text);
		line_para(l, head);
		line_para(l, help->blocks[help->nblocks - 1].text);
	} else {
		line_para(l, _("There is no help for this step."));
	}
	for (size_t i = 0; i < step->nseen; i++)
		step->seen[i] |= help->seen[i];
	line_terms_explain(l, v, step->seen);
	page_free(step);
	page_free(help);
	line_instructions(l, v);
}

/* The step index of the nth answer (1-based) in the review's list, or -1. */
static int line_review_step(struct line *l, int nth)
{
	size_t n;
	int *steps = page_review_steps(l->w, l->e, &n);
	int step = nth >= 1 && (size_t)nth <= n ? steps[nth - 1] : -1;
	free(steps);
	return step;
}

/* The choice typed as its number into in (kept: the remembered answer); false, said, when there is none. */
static bool line_choice_typed(struct line *l, const struct engine_view *v, const char *typed, bool kept,
			      struct answer_input *in)
{
	const struct step *s = v->step;
	int i = *typed ? line_number(typed, (int)s->nchoices) : 0;
	if (!*typed)
		in->text = "";
	else if (kept && v->prefill.type == VAL_STR)
		in->text = v->prefill.u.s;
	else if (i)
		in->text = s->choices[i - 1].value;
	else
		line_para(l, _("There is no option with that number."));
	return in->text != NULL;
}

/* The choices typed as numbers apart into in, over items (room for all); false, said, for a wrong number. */
static bool line_multi_typed(struct line *l, const struct engine_view *v, char *typed, struct answer_input *in,
			     const char **items)
{
	const struct step *s = v->step;
	bool *picked = xcalloc(s->nchoices + 1, sizeof *picked), ok = true;
	in->is_list = true;
	in->items = items;
	for (size_t k = 0; !*typed && v->answered && v->prefill.type == VAL_LIST && k < v->prefill.u.list.n &&
			   k < s->nchoices; k++)
		items[in->nitems++] = v->prefill.u.list.items[k].u.s;
	for (char *save = NULL, *t = strtok_r(typed, " ,;\t", &save); t && ok; t = strtok_r(NULL, " ,;\t", &save)) {
		int i = line_number(t, (int)s->nchoices);
		if (!i) {
			line_para(l, _("There is no option with that number."));
			ok = false;
		} else if (!picked[i - 1]) {
			items[in->nitems++] = s->choices[i - 1].value;
			picked[i - 1] = true;
		}
	}
	free(picked);
	return ok;
}

/*
 * Give the engine the answer typed on a step that takes one: choices by number, yes or no by number or
 * word, several choices as numbers apart, other steps the line as typed.  An empty line keeps the answer
 * remembered.  False with a message printed when the line is refused.
 */
static bool line_answer_step(struct line *l, const struct engine_view *v, char *typed)
{
	const struct step *s = v->step;
	struct answer_input in = { 0 };
	char *keep = NULL;
	if (!*typed && v->answered && v->prefill.type != VAL_NULL)
		typed = keep = xstrdup(engine_value_text(l->e, s, v->prefill));
	const char **items = xcalloc(s->nchoices + 1, sizeof *items);
	bool read = true;
	if (s->type == STEP_CHOICE)
		read = line_choice_typed(l, v, typed, typed == keep, &in);
	else if (s->type == STEP_MULTI)
		read = line_multi_typed(l, v, typed, &in, items);
	else if (s->type == STEP_YESNO && (!strcmp(typed, "1") || line_is_word(typed, "yes", _("yes"))))
		in.text = "true";
	else if (s->type == STEP_YESNO && (!strcmp(typed, "2") || line_is_word(typed, "no", _("no"))))
		in.text = "false";
	else
		in.text = typed;
	bool ok = read && engine_submit(l->e, &in);
	free(items);
	xfree_wiped(keep);
	if (read && !ok) {
		struct engine_view now;
		engine_view(l->e, &now);
		if (now.message)
			line_para(l, now.message);
	}
	return ok;
}

/* Ask before stopping, as the full screen does; true to stop. */
static bool line_confirm_stop(struct line *l, const struct engine_view *v)
{
	struct page *p = line_page(l, v, PAGE_KIND_STOP, NULL);
	line_blank(l);
	line_print(l, p, true);
	page_free(p);
	char what[256];
	snprintf(what, sizeof what, _("Type %s to stop, or press Enter to go on."), _("yes"));
	line_para(l, what);
	enum line_read r = line_read(l);
	if (r == LINE_READ_EOF)
		return true;
	const char *t = line_trimmed(l);
	return r == LINE_READ_OK && (line_is_word(t, "yes", _("yes")) || !strcmp(t, "1"));
}

/* Save what --record, --output, --summary or --summary-dir (which) ask for, and say so. */
static void line_save(struct line *l, enum ui_save which)
{
	char msg[600];
	l->failed |= !ui_save(which, l->opts, l->w, l->e, msg, sizeof msg) && which != UI_SAVE_SUMMARY_DIR;
	if (!*msg)
		return;
	line_blank(l);
	line_para(l, msg);
}

/* A line typed at the review: the number of an answer to change it, or nothing to go on. */
static void line_review(struct line *l, const char *t)
{
	int step = *t ? line_review_step(l, line_number(t, 1 << 20)) : -1;
	if (*t && step < 0)
		line_para(l, _("There is no option with that number."));
	else if (step >= 0)
		engine_revise(l->e, step);
	else if (!engine_submit(l->e, NULL))
		line_para(l, _("The guide does not go on from here."));
}

/*
 * Act on t, typed at step v: back, help, stop, save (at an end), or the answer.  True when the walk ends,
 * how in *out.
 */
static bool line_act(struct line *l, const struct engine_view *v, char *t, enum line_outcome *out)
{
	enum step_type type = v->step->type;
	if (!strcmp(t, "<") || line_is_word(t, "back", _("back"))) {
		if (!engine_back(l->e))
			line_para(l, _("This is the first step."));
	} else if (!strcmp(t, "?") || line_is_word(t, "help", _("help"))) {
		line_help(l, v);
	} else if (line_is_word(t, "stop", _("stop"))) {
		if (line_confirm_stop(l, v)) {
			*out = LINE_QUIT_ASKED;
			return true;
		}
		line_instructions(l, v);
	} else if (type == STEP_END && l->opts->summary_dir && line_is_word(t, "save", _("save"))) {
		line_save(l, UI_SAVE_SUMMARY_DIR);
		line_instructions(l, v);
	} else if (type == STEP_END) {
		*out = LINE_FINISHED;
		return true;
	} else if (type == STEP_REVIEW) {
		line_review(l, t);
	} else if (type != STEP_INFO) {
		line_answer_step(l, v, t);
	} else if (!engine_submit(l->e, NULL)) {
		line_para(l, _("The guide does not go on from here."));
	}
	return false;
}

/* Walk one wizard until it is finished, the person stops, or the input ends. */
static enum line_outcome line_walk(struct line *l)
{
	line_terms_init(l);
	int shown = -1;
	size_t shown_at = 0;
	enum line_outcome out = LINE_STOPPED;
	line_blank(l);
	line_para(l, engine_tr((void *)l->w, l->w->title.msgid));
	for (;;) {
		struct engine_view v;
		engine_view(l->e, &v);
		const struct step *s = v.step;
		if (v.index != shown || v.position != shown_at) {
			shown = v.index;
			shown_at = v.position;
			line_show(l, &v);
			if (s->type == STEP_END) {
				line_save(l, UI_SAVE_RECORD);
				line_save(l, UI_SAVE_OUTPUT);
				line_instructions(l, &v);
			}
		}
		enum line_read r = line_read(l);
		if (r == LINE_READ_EOF) {
			out = s->type == STEP_END ? LINE_FINISHED : LINE_STOPPED;
			break;
		}
		if (r == LINE_READ_LONG) {
			line_para(l, _("That is as much text as fits here."));
			continue;
		}
		if (r == LINE_READ_BAD) {
			line_para(l, _("That line has characters that could not be read. Please type it again."));
			continue;
		}
		if (line_act(l, &v, line_trimmed(l), &out))
			break;
	}
	if (out == LINE_FINISHED)
		line_save(l, UI_SAVE_SUMMARY);
	line_terms_free(l);
	if (out != LINE_FINISHED) {
		line_blank(l);
		line_para(l, _("Stopped. Your answers were not kept."));
	}
	return out;
}

/* The menu of wizards; the index chosen, or -1 to leave. */
static int line_menu(struct line *l, const struct ui_wizard *list, size_t n)
{
	const char **titles = xcalloc(n ? n : 1, sizeof *titles);
	for (size_t i = 0; i < n; i++)
		titles[i] = engine_tr(list[i].w, list[i].w->title.msgid);
	struct page *p = page_menu(_("Choose a guide"), titles, n, -1, _("No guides were found."), 0, false);
	free(titles);
	line_blank(l);
	line_print(l, p, false);
	page_free(p);
	if (!n)
		return -1;
	line_blank(l);
	char what[256];
	snprintf(what, sizeof what, _("Type the number of a guide, or %s to leave."), _("stop"));
	line_para(l, what);
	for (;;) {
		enum line_read r = line_read(l);
		if (r == LINE_READ_EOF)
			return -1;
		const char *t = line_trimmed(l);
		if (r == LINE_READ_OK && line_is_word(t, "stop", _("stop")))
			return -1;
		int k = r == LINE_READ_OK ? line_number(t, (int)n) : 0;
		if (k)
			return k - 1;
		line_para(l, _("There is no option with that number."));
	}
}

/* The width to wrap to: 72 columns, or COLUMNS when that is set and smaller. */
static int line_width(void)
{
	const char *c = getenv("COLUMNS");
	int w = c && *c && strspn(c, "0123456789") == strlen(c) && strlen(c) < 6 ? atoi(c) : 0;
	return w >= 20 && w < SUMMARY_WIDTH ? w : SUMMARY_WIDTH;
}

int ui_line_main(char **files, size_t nfiles, int menu, const struct ui_options *opts, FILE *in, FILE *out)
{
	struct ui_wizard *list;
	struct diags d = { 0 };
	size_t n;
	if (!ui_load_all(files, nfiles, menu, &list, &n, &d, NULL))
		return EXIT_INVALID;
	struct line *l = xcalloc(1, sizeof *l);
	l->opts = opts;
	l->in = in;
	l->out = out;
	l->width = line_width();
	l->echo = !isatty(fileno(in));
	int status = EXIT_OK;
	for (;;) {
		int pick = menu ? line_menu(l, list, n) : 0;
		if (pick < 0)
			break;
		l->w = list[pick].w;
		if (!i18n_chosen())
			i18n_switch(l->w->language);
		l->e = engine_create(l->w, i18n_lang_shown(l->w->language));
		enum line_outcome o = line_walk(l);
		engine_free(l->e);
		l->e = NULL;
		util_wipe_stack();	/* what printing and parsing left below this frame */
		status = ui_status(menu || o == LINE_FINISHED, l->failed);
		if (!menu)
			break;
		if (o == LINE_STOPPED)
			break;
	}
	fflush(out);
	compat_wipe(l->buf, sizeof l->buf);
	compat_wipe(l->inbuf, sizeof l->inbuf);	/* what was read ahead and not taken */
	free(l);
	ui_load_done(list, n, &d, true);
	return status;
}
