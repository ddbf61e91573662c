/*
 * summary: the take-away summary.  See summary.h.
 *
 * Every line goes through summary_para, which wraps by display width (text.h) and turns any control
 * character (C0, DEL, C1) into a space, so a summary, and the line mode that prints through the same
 * function, never carries an escape sequence whatever a wizard or an answer holds.  Files are written
 * through result_write_atomic, never replacing one that is there.
 */
#include "summary.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "glossary.h"
#include "i18n.h"
#include "limit.h"
#include "result.h"
#include "text.h"
#include "util.h"

/* Turn control characters into spaces in place: C0 but '\n', DEL, and C1 (U+0080..U+009F, C2 80..C2 9F). */
static void summary_sanitize(char *s)
{
	for (unsigned char *p = (unsigned char *)s; *p; p++) {
		if ((*p < 0x20 && *p != '\n') || *p == 0x7F)
			*p = ' ';
		else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			p[0] = ' ';
			p[1] = ' ';
			p++;
		}
	}
}

void summary_para(FILE *out, const char *prefix, const char *s, int width, int hang)
{
	int pw = text_width(prefix, strlen(prefix));
	if (*prefix && width - pw < 8) {	/* a long prefix ("  a long term: ") gets a line of its own */
		summary_para(out, "", prefix, width, hang);
		char indent[32];
		snprintf(indent, sizeof indent, "%*s", hang < 30 ? hang : 30, "");
		summary_para(out, indent, s, width, hang);
		return;
	}
	char *t = text_clean(s ? s : "");
	summary_sanitize(t);
	int room = width - (pw > hang ? pw : hang);
	struct text_line *lines;
	size_t n = text_wrap(t, room > 8 ? room : 8, &lines);
	for (size_t i = 0; i < n; i++) {
		if (i == 0)
			fputs(prefix, out);
		else if (lines[i].len)
			fprintf(out, "%*s", hang, "");
		fprintf(out, "%.*s\n", (int)lines[i].len, t + lines[i].start);
	}
	free(lines);
	xfree_wiped(t);	/* it may show an answer */
}

/* A heading and a rule under it, as wide as the heading, so it stands out on paper. */
static void summary_heading(FILE *out, const char *s, char rule, int width)
{
	summary_para(out, "", s, width, 0);
	char *t = text_clean(s);
	int n = text_width(t, strlen(t));
	xfree_wiped(t);
	for (int i = 0; i < n && i < width; i++)
		fputc(rule, out);
	fputc('\n', out);
}

static void summary_date(time_t when, char *buf, size_t n)
{
	struct tm tm;
	if (!localtime_r(&when, &tm) || !strftime(buf, n, "%Y-%m-%d", &tm))
		snprintf(buf, n, "?");
}

/* The summary but its words: the heading, the date, the result, the answers and the next steps. */
static void summary_body(FILE *out, const struct wizard *w, struct engine *e, time_t when, int width)
{
	char date[32], line[128];
	summary_date(when, date, sizeof date);
	summary_heading(out, engine_tr((void *)w, w->title.msgid), '=', width);
	snprintf(line, sizeof line, _("Date: %s"), date);
	summary_para(out, "", line, width, 0);
	fputc('\n', out);

	size_t n;
	const int *path = engine_path(e, &n);
	bool done = engine_done(e);
	const struct step *end = done ? &w->steps[path[n - 1]] : NULL;
	summary_heading(out, _("Result"), '-', width);
	if (end) {
		summary_para(out, "", engine_show_text(e, &end->title, NULL), width, 0);
		size_t nt;
		const struct text *texts = content_text_of(end, &nt);
		char *text = content_paras(e, texts, nt, NULL, false);
		if (text) {
			fputc('\n', out);
			summary_para(out, "", text, width, 0);
		}
		xfree_wiped(text);
	} else {
		summary_para(out, "", _("The guide was not finished."), width, 0);
	}

	fputc('\n', out);
	summary_heading(out, _("Your answers"), '-', width);
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		const struct step *s = &w->steps[path[i]];
		if (!step_takes_answer(s->type) || (!done && i + 1 == n))
			continue;
		char name[LIMIT_ID + 3];
		snprintf(name, sizeof name, "{%s}", s->id);
		if (any)
			fputc('\n', out);
		any = true;
		summary_para(out, "", engine_show_text(e, &s->title, NULL), width, 0);
		struct value items = s->type == STEP_REPEAT ? engine_answer(e, path[i]) : (struct value){ 0 };
		for (size_t k = 0; items.type == VAL_LIST && k < items.u.list.n; k++)	/* a group: an item a line */
			summary_para(out, "  - ", engine_item_text(e, path[i], k), width, 4);
		if (s->type != STEP_REPEAT)
			summary_para(out, "    ", engine_format(e, name, engine_tr, (void *)w), width, 4);
	}
	if (!any)
		summary_para(out, "", _("No questions were answered."), width, 0);

	const struct step_more *more = end ? step_more(end) : NULL;
	if (more && content_count(e, more->todo, more->ntodo, false)) {
		fputc('\n', out);
		summary_heading(out, _("Next steps"), '-', width);
		for (size_t i = 0; i < more->ntodo; i++)
			if (content_shown(e, &more->todo[i], false))
				summary_para(out, "[ ] ", engine_show_text(e, &more->todo[i], NULL), width, 4);
	}
}

/* The glossary's words that body uses, each with its explanation, as the screen explains them. */
static void summary_words(FILE *out, const struct wizard *w, struct engine *e, const char *body, size_t n,
			  int width)
{
	struct glossary_terms gl;
	glossary_terms_init(&gl, w, engine_tr, (void *)w);
	bool *seen = xcalloc(w->nglossary ? w->nglossary : 1, sizeof *seen);
	glossary_terms_find(&gl, body, n, NULL, seen);
	bool any = false;
	for (size_t i = 0; i < w->nglossary; i++) {
		if (!seen[i] || !w->glossary[i].text.msgid)
			continue;
		if (!any) {
			fputc('\n', out);
			summary_heading(out, _("Words explained"), '-', width);
			any = true;
		}
		char term[512];	/* a term is a few words: a longer one is cut */
		snprintf(term, sizeof term, "%s: ", engine_tr((void *)w, w->glossary[i].term));
		summary_para(out, term, engine_show_text(e, &w->glossary[i].text, NULL), width, 4);
	}
	free(seen);
	glossary_terms_free(&gl);
}

void summary_write_width(FILE *out, const struct wizard *w, struct engine *e, time_t when, int width)
{
	if (width < 20)
		width = 20;
	char *body = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&body, &n);
	if (!f) {	/* without memory for the words: the summary without them */
		summary_body(out, w, e, when, width);
		return;
	}
	summary_body(f, w, e, when, width);
	if (fclose(f) != 0) {
		xfree_wiped(body);
		summary_body(out, w, e, when, width);
		return;
	}
	fwrite(body, 1, n, out);
	summary_words(out, w, e, body, n, width);
	xfree_wiped(body);
}

void summary_write(FILE *out, const struct wizard *w, struct engine *e, time_t when)
{
	summary_write_width(out, w, e, when, SUMMARY_WIDTH);
}

struct summary_job {
	const struct wizard *w;
	struct engine *e;
	time_t when;
};

static void summary_fill(FILE *out, void *ctx)
{
	const struct summary_job *j = ctx;
	summary_write(out, j->w, j->e, j->when);
}

bool summary_write_file(const char *path, const struct wizard *w, struct engine *e, time_t when, char *err,
			size_t errlen)
{
	struct summary_job j = { w, e, when };
	return result_write_atomic(path, false, summary_fill, &j, err, errlen, NULL);
}

char *summary_write_dir(const char *dir, const struct wizard *w, struct engine *e, time_t when, char *err,
			size_t errlen)
{
	char date[32];
	summary_date(when, date, sizeof date);
	char *id = xstrdup(w->id ? w->id : "trin");
	for (char *p = id; *p; p++)	/* ids are plain names; keep the file name so whatever comes */
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '_'))
			*p = '_';
	struct summary_job j = { w, e, when };
	size_t len = strlen(dir) + strlen(id) + 64;
	char *path = xmalloc(len);
	for (int k = 1; k <= 1000; k++) {
		if (k == 1)
			snprintf(path, len, "%s/%s-%s.txt", dir, id, date);
		else
			snprintf(path, len, "%s/%s-%s-%d.txt", dir, id, date, k);
		int error;
		if (result_write_atomic(path, false, summary_fill, &j, err, errlen, &error)) {
			free(id);
			return path;
		}
		if (error != EEXIST)
			break;
	}
	free(id);
	free(path);
	return NULL;
}
