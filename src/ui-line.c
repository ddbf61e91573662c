/*
 * ui-line: the plain line mode.  See ui-line.h.
 *
 * A step is printed once, when it is entered: the progress, the question, its text, the glossary words
 * met for the first time in this walk with their explanations, the numbered choices, and a line saying
 * what to type.  Then lines are read until one moves the walk on; a refused answer prints only the
 * engine's message and the prompt again, so a slow line or a screen reader does not hear the step twice.
 *
 * Invariants: everything printed goes through summary_para, which wraps to the width and turns control
 * characters into spaces; a line read is bounded (UI_LINE_MAX_INPUT) and must be UTF-8; answers in the
 * read buffer are wiped before it is reused or freed.  No terminal handling at all: no curses, no termios.
 */
#include "ui-line.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "diag.h"
#include "engine.h"
#include "glossary.h"
#include "i18n.h"
#include "model.h"
#include "result.h"
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
	char buf[UI_LINE_MAX_INPUT + 2];
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

/*
 * A wizard text in the helper's language (--second-lang), marked with the language's code, to print
 * beneath the person's; NULL when there is none or it reads the same.
 */
static const char *line_text_second(struct line *l, const struct text *t, const char *shown)
{
	const char *r = l->opts->second_lang ? engine_show_text(l->e, t, l->opts->second_lang) : NULL;
	return r && shown && strcmp(r, shown) == 0 ? NULL : r;
}

/* The helper's-language text beneath the person's, indented by indent and marked "(en)". */
static void line_second(struct line *l, const struct text *t, const char *shown, int indent)
{
	const char *r = line_text_second(l, t, shown);
	if (!r)
		return;
	char prefix[64];
	snprintf(prefix, sizeof prefix, "%*s(%s) ", indent, "", l->opts->second_lang);
	summary_para(l->out, prefix, r, l->width, (int)strlen(prefix));
}

/* The answer of a step on the path as the review shows it. */
static const char *line_answer(struct line *l, int step)
{
	char name[80];
	snprintf(name, sizeof name, "{%s}", l->w->steps[step].id);
	return engine_format(l->e, name, engine_tr, (void *)l->w);
}

/* A numbered item with its label hanging under the number. */
static void line_item(struct line *l, int number, const char *label)
{
	char prefix[24];
	snprintf(prefix, sizeof prefix, "  %d. ", number);
	summary_para(l->out, prefix, label, l->width, (int)strlen(prefix));
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
	explicit_bzero(l->buf, sizeof l->buf);
	size_t n = 0;
	int c = EOF;
	while (n < sizeof l->buf - 1 && (c = line_getc(l)) != EOF && c != '\n')
		l->buf[n++] = (char)c;
	if (c == EOF && n == 0) {
		if (l->echo)
			line_blank(l);
		return LINE_READ_EOF;
	}
	if (c != '\n' && c != EOF && n > UI_LINE_MAX_INPUT) {
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

/* Glossary words */

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

/* Mark in seen the glossary terms that s uses. */
static void line_terms_in(struct line *l, const char *s, bool *seen)
{
	if (s)
		glossary_terms_find(&l->terms, s, strlen(s), NULL, seen);
}

/* The glossary terms the step shows, in seen (of nglossary entries). */
static void line_terms_of_step(struct line *l, const struct step *s, bool *seen)
{
	line_terms_in(l, engine_show_text(l->e, &s->title, NULL), seen);
	line_terms_in(l, engine_show_text(l->e, &s->text, NULL), seen);
	for (size_t i = 0; i < s->nchoices; i++)
		line_terms_in(l, engine_show_text(l->e, &s->choices[i].label, NULL), seen);
	for (size_t i = 0; i < s->ntodo; i++)
		line_terms_in(l, engine_show_text(l->e, &s->todo[i], NULL), seen);
}

/* "Words explained:" and each term marked in which with its explanation; nothing when none is. */
static void line_terms_explain(struct line *l, const bool *which)
{
	bool any = false;
	for (size_t i = 0; i < l->w->nglossary; i++) {
		if (!which[i])
			continue;
		if (!any) {
			line_blank(l);
			char head[128];
			snprintf(head, sizeof head, "%s:", _("Words explained"));
			line_para(l, head);
		}
		any = true;
		const struct glossary_entry *g = &l->w->glossary[i];
		size_t n = strlen(engine_tr((void *)l->w, g->term)) + 8;
		char *prefix = xmalloc(n);
		snprintf(prefix, n, "  %s: ", engine_tr((void *)l->w, g->term));
		summary_para(l->out, prefix, engine_show_text(l->e, &g->text, NULL), l->width, 4);
		free(prefix);
	}
}

/* Steps */

static bool line_is_field(enum step_type t)
{
	return t == STEP_TEXT || t == STEP_NUMBER || t == STEP_DATE;
}

/* What to type on this step, and the words that work here. */
static void line_instructions(struct line *l, const struct engine_view *v)
{
	const struct step *s = v->step;
	static const char *const what_to_type[STEP_TYPE_COUNT] = {
		[STEP_INFO] = N_("Press Enter to go on."),
		[STEP_CHOICE] = N_("Type the number of your choice."),
		[STEP_YESNO] = N_("Type the number of your choice."),
		[STEP_MULTI] = N_("Type the numbers of your choices, such as 1 3."),
		[STEP_NUMBER] = N_("Type a number."),
		[STEP_DATE] = N_("Type a date as day-month-year."),
		[STEP_TEXT] = N_("Type your answer."),
		[STEP_REVIEW] = N_("Type a number to change that answer, or press Enter to go on."),
	};
	char what[512] = "";
	const char *unit = s->type == STEP_NUMBER ? engine_show_text(l->e, &s->unit, NULL) : NULL;
	if (unit)
		snprintf(what, sizeof what, _("Type a number (%s)."), unit);
	else if (what_to_type[s->type])
		snprintf(what, sizeof what, "%s", _(what_to_type[s->type]));
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
	bool *seen = xcalloc(l->w->nglossary ? l->w->nglossary : 1, sizeof *seen);
	line_terms_of_step(l, s, seen);
	bool help = s->help.msgid != NULL;
	for (size_t i = 0; i < l->w->nglossary; i++)
		help |= seen[i];
	free(seen);
	if (n && (help || v->can_back))
		what[n++] = ' ';
	if (help && v->can_back)
		snprintf(what + n, sizeof what - n, _("Type ? for help, or %s to go back."), _("back"));
	else if (help)
		snprintf(what + n, sizeof what - n, "%s", _("Type ? for help."));
	else if (v->can_back)
		snprintf(what + n, sizeof what - n, _("Type %s to go back."), _("back"));
	line_blank(l);
	line_para(l, what);
}

/* The words of the glossary this step uses that this walk has not explained yet, explained. */
static void line_terms_new(struct line *l, const struct step *s)
{
	bool *seen = xcalloc(l->w->nglossary ? l->w->nglossary : 1, sizeof *seen);
	line_terms_of_step(l, s, seen);
	for (size_t i = 0; i < l->w->nglossary; i++) {
		seen[i] = seen[i] && !l->told[i];
		l->told[i] |= seen[i];
	}
	line_terms_explain(l, seen);
	free(seen);
}

/* Print the step: progress, question, text, choices, the new glossary words, and what to type. */
static void line_show(struct line *l, const struct engine_view *v)
{
	const struct step *s = v->step;
	line_blank(l);
	if (s->type != STEP_END && v->total_max) {
		char progress[64];
		if (v->total_min == v->total_max)
			snprintf(progress, sizeof progress, _("Step %zu of %zu"), v->position, v->total_max);
		else
			snprintf(progress, sizeof progress, _("Step %zu of %zu\xE2\x80\x93%zu"), v->position,
				 v->total_min, v->total_max);
		line_para(l, progress);
	}
	const char *title = engine_show_text(l->e, &s->title, NULL);
	line_para(l, title);
	line_second(l, &s->title, title, 0);
	const char *text = engine_show_text(l->e, &s->text, NULL);
	if (text) {
		line_blank(l);
		line_para(l, text);
	}
	switch (s->type) {
	case STEP_CHOICE:
	case STEP_MULTI:
		line_blank(l);
		for (size_t i = 0; i < s->nchoices; i++) {
			const char *label = engine_show_text(l->e, &s->choices[i].label, NULL);
			line_item(l, (int)i + 1, label);
			line_second(l, &s->choices[i].label, label, 5);
		}
		break;
	case STEP_YESNO:
		line_blank(l);
		line_item(l, 1, _("Yes"));
		line_item(l, 2, _("No"));
		break;
	case STEP_REVIEW: {
		size_t n;
		const int *path = engine_path(l->e, &n);
		int k = 0;
		if (v->ndropped) {	/* what the change just made no longer count, in words */
			line_blank(l);
			line_para(l, _("Because of your change, these answers no longer count:"));
			for (size_t i = 0; i < v->ndropped; i++)
				summary_para(l->out, "  - ", engine_show_text(l->e, &l->w->steps[v->dropped[i]].title, NULL), l->width, 4);
		}
		line_blank(l);
		for (size_t i = 0; i + 1 < n; i++) {
			const struct step *r = &l->w->steps[path[i]];
			if (!step_takes_answer(r->type))
				continue;
			line_item(l, ++k, engine_show_text(l->e, &r->title, NULL));
			summary_para(l->out, "     ", line_answer(l, path[i]), l->width, 5);
		}
		break;
	}
	case STEP_END:
		if (s->ntodo) {
			char head[128];
			line_blank(l);
			snprintf(head, sizeof head, "%s:", _("Next steps"));
			line_para(l, head);
			for (size_t i = 0; i < s->ntodo; i++)
				summary_para(l->out, "[ ] ", engine_show_text(l->e, &s->todo[i], NULL), l->width, 4);
		}
		line_terms_new(l, s);
		return;
	default:
		break;
	}
	if (l->opts->guide && s->guide.msgid) {	/* --guide: for the helper beside the person, in the helper's language */
		char *saved = i18n_push(l->opts->second_lang);
		line_blank(l);
		line_para(l, _("For the helper, not for the citizen:"));
		summary_para(l->out, "  ", engine_show_text(l->e, &s->guide, l->opts->second_lang), l->width, 2);
		i18n_pop(saved);
	}
	line_terms_new(l, s);
	line_instructions(l, v);
}

/* The help of the step and every glossary word it uses. */
static void line_help(struct line *l, const struct engine_view *v)
{
	const struct step *s = v->step;
	line_blank(l);
	if (s->help.msgid) {
		char head[64];
		snprintf(head, sizeof head, "%s:", _("Help"));
		line_para(l, head);
		line_para(l, engine_show_text(l->e, &s->help, NULL));
	} else {
		line_para(l, _("There is no help for this step."));
	}
	bool *seen = xcalloc(l->w->nglossary ? l->w->nglossary : 1, sizeof *seen);
	line_terms_of_step(l, s, seen);
	line_terms_in(l, engine_show_text(l->e, &s->help, NULL), seen);
	line_terms_explain(l, seen);
	free(seen);
	line_instructions(l, v);
}

/* The step index of the nth answer (1-based) in the review's list, or -1. */
static int line_review_step(struct line *l, int nth)
{
	size_t n;
	const int *path = engine_path(l->e, &n);
	int k = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		enum step_type t = l->w->steps[path[i]].type;
		if (step_takes_answer(t) && ++k == nth)
			return path[i];
	}
	return -1;
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
	bool ok;
	if (!*typed && v->answered && v->prefill.type != VAL_NULL)
		typed = keep = xstrdup(engine_value_text(l->e, s, v->prefill));
	switch (s->type) {
	case STEP_CHOICE: {
		if (!*typed) {
			in.text = "";
			break;
		}
		int i = line_number(typed, (int)s->nchoices);
		if (v->answered && v->prefill.type == VAL_STR && typed == keep)
			in.text = v->prefill.u.s;
		else if (i)
			in.text = s->choices[i - 1].value;
		else {
			line_para(l, _("There is no option with that number."));
			xfree_wiped(keep);
			return false;
		}
		break;
	}
	case STEP_YESNO:
		if (!strcmp(typed, "1") || line_is_word(typed, "yes", _("yes")))
			in.text = "true";
		else if (!strcmp(typed, "2") || line_is_word(typed, "no", _("no")))
			in.text = "false";
		else
			in.text = typed;
		break;
	case STEP_MULTI: {
		const char **items = xcalloc(s->nchoices + 1, sizeof *items);
		bool *picked = xcalloc(s->nchoices + 1, sizeof *picked);
		in.is_list = true;
		in.items = items;
		if (!*typed && v->answered && v->prefill.type == VAL_LIST) {
			for (size_t k = 0; k < v->prefill.u.list.n && k < s->nchoices; k++)
				items[in.nitems++] = v->prefill.u.list.items[k].u.s;
		}
		for (char *save = NULL, *t = strtok_r(typed, " ,;\t", &save); t; t = strtok_r(NULL, " ,;\t", &save)) {
			int i = line_number(t, (int)s->nchoices);
			if (!i) {
				line_para(l, _("There is no option with that number."));
				free(items);
				free(picked);
				xfree_wiped(keep);
				return false;
			}
			if (!picked[i - 1])
				items[in.nitems++] = s->choices[i - 1].value;
			picked[i - 1] = true;
		}
		ok = engine_submit(l->e, &in);
		free(items);
		free(picked);
		goto done;
	}
	default:
		in.text = typed;
		break;
	}
	ok = engine_submit(l->e, &in);
done:
	xfree_wiped(keep);
	if (!ok) {
		struct engine_view now;
		engine_view(l->e, &now);
		if (now.message)
			line_para(l, now.message);
	}
	return ok;
}

/* Ask before stopping, as the full screen does; true to stop. */
static bool line_confirm_stop(struct line *l)
{
	line_blank(l);
	line_para(l, _("Do you want to stop?"));
	line_para(l, _("Your answers will not be kept."));
	char what[256];
	snprintf(what, sizeof what, _("Type %s to stop, or press Enter to go on."), _("yes"));
	line_para(l, what);
	enum line_read r = line_read(l);
	if (r == LINE_READ_EOF)
		return true;
	const char *t = line_trimmed(l);
	return r == LINE_READ_OK && (line_is_word(t, "yes", _("yes")) || !strcmp(t, "1"));
}

/* The messages when the end is reached: the answers saved (--output), the walk recorded (--record). */
static void line_end_output(struct line *l)
{
	if (l->opts->record) {
		char err[300], msg[600];
		if (result_write_scenario(l->opts->record, l->w, l->e, err, sizeof err)) {
			snprintf(msg, sizeof msg, _("This walk is recorded in %s."), l->opts->record);
		} else {
			snprintf(msg, sizeof msg, _("This walk could not be recorded: %s"), err);
			l->failed = true;
		}
		line_blank(l);
		line_para(l, msg);
	}
	if (!l->opts->output)
		return;
	char err[300], msg[600];
	if (result_write_file(l->opts->output, l->w, l->e, err, sizeof err))
		snprintf(msg, sizeof msg, _("Your answers are saved in %s."), l->opts->output);
	else {
		snprintf(msg, sizeof msg, _("Your answers could not be saved: %s"), err);
		l->failed = true;
	}
	line_blank(l);
	line_para(l, msg);
}

/* Save the summary (in the folder when dir, else in --summary's file) and say where. */
static void line_save_summary(struct line *l, bool dir)
{
	char err[300], msg[600];
	if (dir) {
		char *path = summary_write_dir(l->opts->summary_dir, l->w, l->e, summary_time(), err, sizeof err);
		if (path)
			snprintf(msg, sizeof msg, _("A summary is saved in %s."), path);
		free(path);
		if (!path)
			snprintf(msg, sizeof msg, _("The summary could not be saved: %s"), err);
	} else if (summary_write_file(l->opts->summary, l->w, l->e, summary_time(), err, sizeof err)) {
		snprintf(msg, sizeof msg, _("A summary is saved in %s."), l->opts->summary);
	} else {
		snprintf(msg, sizeof msg, _("The summary could not be saved: %s"), err);
		l->failed = true;
	}
	line_blank(l);
	line_para(l, msg);
}

/* What to type at the end. */
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
				line_end_output(l);
				line_end_instructions(l, &v);
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
		char *t = line_trimmed(l);
		if (!strcmp(t, "<") || line_is_word(t, "back", _("back"))) {
			if (!engine_back(l->e))
				line_para(l, _("This is the first step."));
			continue;
		}
		if (!strcmp(t, "?") || line_is_word(t, "help", _("help"))) {
			if (s->type == STEP_END)
				line_end_instructions(l, &v);
			else
				line_help(l, &v);
			continue;
		}
		if (line_is_word(t, "stop", _("stop"))) {
			if (line_confirm_stop(l)) {
				out = LINE_QUIT_ASKED;
				break;
			}
			if (s->type == STEP_END)
				line_end_instructions(l, &v);
			else
				line_instructions(l, &v);
			continue;
		}
		if (s->type == STEP_END) {
			if (l->opts->summary_dir && line_is_word(t, "save", _("save"))) {
				line_save_summary(l, true);
				line_end_instructions(l, &v);
				continue;
			}
			out = LINE_FINISHED;
			break;
		}
		if (s->type == STEP_REVIEW) {
			int step = *t ? line_review_step(l, line_number(t, 1 << 20)) : -1;
			if (*t && step < 0)
				line_para(l, _("There is no option with that number."));
			else if (step >= 0)
				engine_revise(l->e, step);
			else if (!engine_submit(l->e, NULL))
				line_para(l, _("The guide does not go on from here."));
			continue;
		}
		if (s->type == STEP_INFO || line_is_field(s->type) || s->type == STEP_CHOICE || s->type == STEP_MULTI ||
		    s->type == STEP_YESNO) {
			if (s->type == STEP_INFO) {
				if (!engine_submit(l->e, NULL))
					line_para(l, _("The guide does not go on from here."));
			} else {
				line_answer_step(l, &v, t);
			}
		}
	}
	if (out == LINE_FINISHED && l->opts->summary)
		line_save_summary(l, false);
	line_terms_free(l);
	if (out != LINE_FINISHED) {
		line_blank(l);
		line_para(l, _("Stopped. Your answers were not kept."));
	}
	return out;
}

/* The menu of wizards; the index chosen, or -1 to leave. */
static int line_menu(struct line *l, struct wizard **list, size_t n)
{
	line_blank(l);
	line_para(l, _("Choose a guide"));
	line_blank(l);
	for (size_t i = 0; i < n; i++)
		line_item(l, (int)i + 1, engine_tr(list[i], list[i]->title.msgid));
	if (!n) {
		line_para(l, _("No guides were found."));
		return -1;
	}
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
	struct wizard **list = xcalloc(nfiles ? nfiles : 1, sizeof *list);
	struct diags d = { 0 };
	size_t n = 0;
	for (size_t i = 0; i < nfiles; i++) {
		struct wizard *w = wizard_load(files[i], NULL, &d);
		const char *why;
		if (w && !i18n_bind_wizard(files[i], w->domain, &why)) {	/* its domain is another wizard's */
			diag_error(&d, ((struct loc){ files[i], 0, 0 }), "%s", why);
			wizard_free(w);
		} else if (w) {
			list[n++] = w;
		}
	}
	if (n && !i18n_chosen())
		i18n_switch(list[0]->language);	/* the menu in the language of the guides, as the screen */
	if (!menu && n == 0) {
		diag_sort(&d);
		diag_print(&d, stderr);
		diag_free(&d);
		free(list);
		return EXIT_INVALID;
	}
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
		l->w = list[pick];
		if (!i18n_chosen())
			i18n_switch(l->w->language);
		l->e = engine_create(l->w, i18n_lang_shown(l->w->language));
		enum line_outcome o = line_walk(l);
		engine_free(l->e);
		l->e = NULL;
		util_wipe_stack();	/* what printing and parsing left below this frame */
		if (l->failed)
			status = EXIT_INPUT;
		if (!menu) {
			status = o == LINE_FINISHED && status == EXIT_OK ? EXIT_OK : status ? status : EXIT_INCOMPLETE;
			break;
		}
		if (o == LINE_STOPPED)
			break;
	}
	fflush(out);
	explicit_bzero(l->buf, sizeof l->buf);
	explicit_bzero(l->inbuf, sizeof l->inbuf);	/* what was read ahead and not taken */
	free(l);
	for (size_t i = 0; i < n; i++)
		wizard_free(list[i]);
	free(list);
	if (d.n) {
		diag_sort(&d);
		diag_print(&d, stderr);
	}
	diag_free(&d);
	return status;
}
