/*
 * ui-line: the plain line mode.  See ui-line.h.
 *
 * A step is printed once, when it is entered: the progress, the question, its text, the glossary words
 * met for the first time in this walk with their explanations, the numbered choices, and a line saying
 * what to type.  Then lines are read until one moves the walk on; a refused answer prints only the
 * engine's message and the prompt again, so a slow line or a screen reader does not hear the step twice.
 *
 * What a line is, a command or an answer, and the sentence of what to type come from typed.h; the pages
 * from page.h.  This file prints them and reads the lines.
 *
 * Invariants: everything printed goes through summary_para, which wraps to the width and turns control
 * characters into spaces; a line read is bounded (LIMIT_INPUT) and must be UTF-8 (typed_read), and is
 * wiped before the next is read and at the end.  No terminal handling at all: no curses, no termios.
 */
#include "ui-line.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "engine.h"
#include "glossary.h"
#include "i18n.h"
#include "model.h"
#include "page.h"
#include "status.h"
#include "summary.h"
#include "typed.h"
#include "util.h"

enum line_outcome { LINE_FINISHED, LINE_QUIT_ASKED, LINE_STOPPED };

struct line {
	const struct wizard *w;
	struct engine *e;
	const struct ui_options *opts;
	FILE *out;
	int width;
	bool echo;		/* input is not a terminal: print each line read after the prompt */
	struct typed_reader rd;
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

/* Print the prompt and read a line (typed_read) into l->rd.line; where input is not a terminal, echo it. */
static enum typed_read line_read(struct line *l)
{
	fputs("> ", l->out);
	fflush(l->out);
	enum typed_read r = typed_read(&l->rd);
	if (l->echo && (r == TYPED_READ_EOF || r == TYPED_READ_LONG))
		line_blank(l);
	else if (l->echo)
		summary_para(l->out, "", l->rd.line, l->width - 2, 2);
	return r;
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

/* The page of step v, or of kind over it, with the glossary terms of its blocks; page_free it. */
static struct page *line_page(struct line *l, const struct engine_view *v, enum page_kind kind, const bool *words)
{
	struct page_input in = { .w = l->w, .e = l->e, .v = v, .gl = &l->terms, .show = kind, .sel = -1,
				 .second_lang = l->opts->second_lang, .guide = l->opts->guide,
				 .summary_dir = l->opts->summary_dir != NULL, .print = l->opts->print != NULL,
				 .words = words };
	return page_build(&in);
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

/* The answer an empty line keeps, if any, and what to type on this step (typed_instructions). */
static void line_instructions(struct line *l, const struct engine_view *v)
{
	const char *kept = typed_kept(l->w, l->e, v);
	if (kept) {
		char head[64];
		snprintf(head, sizeof head, "%s ", _("Your answer:"));
		line_blank(l);
		summary_para(l->out, head, kept, l->width, 2);
		line_para(l, _("Press Enter to keep it."));
	}
	struct page *p = line_page(l, v, PAGE_KIND_STEP, NULL);
	char what[512];
	typed_instructions(p, l->e, v, what, sizeof what);
	page_free(p);
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

/* Give the engine the answer typed on a step that takes one (typed_answer); a refusal said. */
static void line_answer_step(struct line *l, const struct engine_view *v, char *typed)
{
	struct typed_answer a;
	bool read = typed_answer(l->e, v, typed, &a), ok = read && engine_submit(l->e, &a.in);
	typed_answer_free(&a);
	struct engine_view now;
	if (!read) {
		line_para(l, _("There is no option with that number."));
	} else if (!ok) {
		engine_view(l->e, &now);
		if (now.message)
			line_para(l, now.message);
	}
}

/* Ask before stopping, as the full screen does; true to stop. */
static bool line_confirm_stop(struct line *l, const struct engine_view *v)
{
	struct page *p = line_page(l, v, PAGE_KIND_STOP, NULL);
	line_blank(l);
	line_print(l, p, true);
	char what[256];
	line_para(l, typed_instructions(p, l->e, v, what, sizeof what));
	page_free(p);
	enum typed_read r = line_read(l);
	return r == TYPED_READ_EOF || (r == TYPED_READ_OK && typed_yes_no(typed_trim(l->rd.line)) == 1);
}

/*
 * Save what --record, --output, --summary, --summary-dir or --print (which) ask for, and say so.  A summary
 * the person asked for and did not get is said, and the walk goes on: it is not a failed run.
 */
static void line_save(struct line *l, enum ui_save which)
{
	char msg[600];
	l->failed |= !ui_save(which, l->opts, l->w, l->e, msg, sizeof msg) && which != UI_SAVE_SUMMARY_DIR &&
		     which != UI_SAVE_PRINT;
	if (!*msg)
		return;
	line_blank(l);
	line_para(l, msg);
}

/* Do what a row of the review says; when it is refused (removing below a group's min), say why. */
static void line_review_do(struct line *l, const struct page_row *row)
{
	if (page_review_do(l->e, row))
		return;
	struct engine_view v;
	engine_view(l->e, &v);
	if (v.message)
		line_para(l, v.message);
}

/* A line typed at the review: the number of an answer to change it, or nothing to go on. */
static void line_review(struct line *l, const char *t)
{
	struct page_row row;
	if (!typed_review_pick(l->w, l->e, t, &row))
		line_para(l, _("There is no option with that number."));
	else if (row.step >= 0)
		line_review_do(l, &row);
	else if (!engine_submit(l->e, NULL))
		line_para(l, _("The guide does not go on from here."));
}

/*
 * Act on t, typed at step v: back, help, stop, save or print (at an end), or the answer.  True when the walk
 * ends, how in *out.
 */
static bool line_act(struct line *l, const struct engine_view *v, char *t, enum line_outcome *out)
{
	enum step_type type = v->step->type;
	unsigned cmd = typed_command(t);
	if ((cmd == PAGE_SAVE && (type != STEP_END || !l->opts->summary_dir)) ||
	    (cmd == PAGE_PRINT && (type != STEP_END || !l->opts->print)))
		cmd = 0;	/* an answer like any other where nothing is saved or printed */
	if (cmd == PAGE_BACK) {
		if (!engine_back(l->e))
			line_para(l, _("This is the first step."));
	} else if (cmd == PAGE_HELP) {
		line_help(l, v);
	} else if (cmd == PAGE_STOP) {
		if (line_confirm_stop(l, v)) {
			*out = LINE_QUIT_ASKED;
			return true;
		}
		line_instructions(l, v);
	} else if (cmd == PAGE_SAVE || cmd == PAGE_PRINT) {
		line_save(l, cmd == PAGE_SAVE ? UI_SAVE_SUMMARY_DIR : UI_SAVE_PRINT);
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
			if (v.message)	/* the walk stopped here: a change made this answer wrong */
				line_para(l, v.message);
			if (s->type == STEP_END) {
				line_save(l, UI_SAVE_RECORD);
				line_save(l, UI_SAVE_OUTPUT);
				line_instructions(l, &v);
			}
		}
		enum typed_read r = line_read(l);
		if (r == TYPED_READ_EOF) {
			out = s->type == STEP_END ? LINE_FINISHED : LINE_STOPPED;
			break;
		}
		if (r != TYPED_READ_OK)
			line_para(l, typed_refusal(r));
		else if (line_act(l, &v, typed_trim(l->rd.line), &out))
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
	struct page *p = ui_menu_page(list, n, -1, 0, false);
	char what[256];
	typed_instructions(p, NULL, NULL, what, sizeof what);
	line_blank(l);
	line_print(l, p, false);
	page_free(p);
	if (!n)
		return -1;
	line_blank(l);
	line_para(l, what);
	for (;;) {
		enum typed_read r = line_read(l);
		if (r == TYPED_READ_EOF)
			return -1;
		const char *t = typed_trim(l->rd.line);
		if (r == TYPED_READ_OK && typed_command(t) == PAGE_STOP)
			return -1;
		int k = r == TYPED_READ_OK ? typed_number(t, (int)n) : 0;
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
	l->rd.fd = fileno(in);
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
		if (!ui_walked(menu, o == LINE_FINISHED, o == LINE_STOPPED, l->failed, &status))
			break;
	}
	fflush(out);
	typed_reader_wipe(&l->rd);	/* the last line, and what was read ahead and not taken */
	free(l);
	ui_load_done(list, n, &d, true);
	return status;
}
