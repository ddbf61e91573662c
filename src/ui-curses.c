/*
 * ui-curses: the full screen's layout and drawing.  See ui-curses.h; the terminal and signals are in
 * ui-curses-term.c, the keys in ui-curses-keys.c, the walk, menu, kiosk and --watch in ui-curses-loop.c.
 *
 * Each frame is drawn whole into curses' virtual screen and refreshed; curses sends the terminal only the
 * cells that changed, so a key costs a few bytes, and the screen is never cleared per key.  The body
 * (heading, text, field) is a list of rows laid out by text.c and scrolled so the focus stays visible.
 */
#include "ui-curses-int.h"

#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>

#include "engine.h"
#include "i18n.h"
#include "model.h"
#include "text.h"
#include "util.h"

/* Strings */

/* Keep s alive until the frame is drawn. */
static const char *ui_keep(struct ui *u, char *s)
{
	util_grow((void **)&u->owned, &u->capowned, u->nowned + 1, sizeof *u->owned);
	u->owned[u->nowned++] = s;
	return s;
}

/* A wizard text as the person reads it: translated, answers filled in, cleaned for the screen. */
static const char *ui_text(struct ui *u, const struct text *t)
{
	const char *r = engine_show_text(u->e, t, NULL);
	return r ? ui_keep(u, text_clean(r)) : NULL;
}

/*
 * A wizard text in the helper's language (--second-lang), to show beneath the person's; NULL when there
 * is none or it reads the same.
 */
static const char *ui_text_second(struct ui *u, const struct text *t, const char *shown)
{
	const char *r = u->opts->second_lang ? engine_show_text(u->e, t, u->opts->second_lang) : NULL;
	r = r ? ui_keep(u, text_clean(r)) : NULL;
	return r && shown && strcmp(r, shown) == 0 ? NULL : r;
}

/* Rows */

static void ui_row(struct ui *u, const char *s, size_t len, int indent, attr_t attr, bool focus, bool terms)
{
	util_grow((void **)&u->body, &u->capbody, u->nbody + 1, sizeof *u->body);
	u->body[u->nbody++] = (struct ui_row){ s, len, indent, attr, focus, terms, false };
}

void ui_blank(struct ui *u)
{
	if (u->nbody && u->body[u->nbody - 1].len)
		ui_row(u, "", 0, 0, 0, false, false);
}

/* Wrapped paragraph rows; the first may carry a prefix such as "> (*) 1. ". */
void ui_para(struct ui *u, const char *s, int width, int indent, attr_t attr, bool focus, bool terms)
{
	if (!s)
		return;
	struct text_line *lines;
	size_t n = text_wrap(s, width - indent, &lines);
	for (size_t i = 0; i < n; i++)
		ui_row(u, s + lines[i].start, lines[i].len, indent, attr, focus, terms);
	free(lines);
}

/* A list item: a marker and the label, wrapped with a hanging indent. */
void ui_item(struct ui *u, int width, bool cursor, const char *mark, int number, const char *label)
{
	size_t n = strlen(label) + 32;
	char *line = xmalloc(n);
	const char *gap = *mark ? " " : "";
	if (number > 0)
		snprintf(line, n, "%s %s%s%d. %s", cursor ? ">" : " ", mark, gap, number, label);
	else
		snprintf(line, n, "%s %s%s%s", cursor ? ">" : " ", mark, gap, label);
	ui_keep(u, line);
	int hang = text_width(line, strlen(line) - strlen(label));
	struct text_line *lines;
	size_t nl = text_wrap(label, width - hang, &lines);
	ui_row(u, line, strlen(line) - strlen(label) + lines[0].len, 0, cursor ? ui_attr_selected : ui_attr_text, cursor,
	       true);
	for (size_t i = 1; i < nl; i++)
		ui_row(u, label + lines[i].start, lines[i].len, hang, cursor ? ui_attr_selected : ui_attr_text, cursor,
		       true);
	free(lines);
}

void ui_reset_frame(struct ui *u)
{
	for (size_t i = 0; i < u->nowned; i++)	/* texts with answers in them: wiped, not just dropped */
		xfree_wiped(u->owned[i]);
	u->nowned = 0;
	u->nbody = 0;
	u->nfoot = 0;
}

void ui_foot(struct ui *u, const char *key, const char *action)
{
	if (u->nfoot < ARRAY_LEN(u->foot))
		u->foot[u->nfoot++] = (struct ui_key){ key, action };
}

/* Glossary terms (glossary.h), in the language shown */

void ui_terms_init(struct ui *u)
{
	glossary_terms_init(&u->gl, u->w, engine_tr, (void *)u->w);
	u->terms_seen = xcalloc(u->gl.n ? u->gl.n : 1, sizeof *u->terms_seen);
}

void ui_terms_free(struct ui *u)
{
	glossary_terms_free(&u->gl);
	free(u->terms_seen);
	u->terms_seen = NULL;
}

/* Mark, in mark[0..n), the bytes of a row that are part of a glossary term, and note the terms seen. */
static void ui_terms_mark(struct ui *u, const char *s, size_t n, bool *mark)
{
	glossary_terms_find(&u->gl, s, n, mark, u->terms_seen);
}

/* Drawing */

int ui_width(const struct ui *u)
{
	int w = u->cols - 2;
	return w > UI_MAX_WIDTH ? UI_MAX_WIDTH : w;
}

static void ui_put(int y, int x, const char *s, size_t n, attr_t attr)
{
	if (!n)
		return;
	attron(attr);
	mvaddnstr(y, x, s, (int)n);
	attroff(attr);
}

/* Draw a row at y, x; glossary terms underlined and bold. */
static void ui_draw_row(struct ui *u, const struct ui_row *r0, int y, int x)
{
	struct ui_row row = *r0;
	const struct ui_row *r = &row;
	row.attr |= ui_attr_text;
	if (!r->terms || !u->w || !u->w->nglossary) {
		ui_put(y, x + r->indent, r->s, r->len, r->attr);
		return;
	}
	bool *mark = xcalloc(r->len + 1, sizeof *mark);
	ui_terms_mark(u, r->s, r->len, mark);
	int cx = x + r->indent;
	for (size_t i = 0; i < r->len;) {
		size_t j = i + 1;
		while (j < r->len && mark[j] == mark[i])
			j++;
		ui_put(y, cx, r->s + i, j - i, r->attr | (mark[i] ? A_UNDERLINE | A_BOLD : 0));
		cx += text_width(r->s + i, j - i);
		i = j;
	}
	free(mark);
}

/*
 * The text field on row y: the part of the buffer around the cursor, and where the cursor goes.  Grapheme
 * boundaries are found once per draw, so a field holding a long paste costs one pass, not one per cell.
 */
static int ui_draw_field(struct ui *u, int y, int x, int width)
{
	int inner = width - 4;
	if (inner < 4)
		inner = 4;
	char *brk = xcalloc(u->len + 1, 1);
	u8_grapheme_breaks((const uint8_t *)u->buf, u->len, brk);
	brk[u->len] = 1;
	/* the leftmost start that still shows the cursor */
	size_t start = u->cur;
	int w = 0;
	while (start > 0) {
		size_t prev = start - 1;
		while (prev > 0 && !brk[prev])
			prev--;
		int gw = text_width(u->buf + prev, start - prev);
		if (w + gw >= inner)
			break;
		w += gw;
		start = prev;
	}
	if (u->hscroll < start || u->hscroll > u->cur)
		u->hscroll = start;
	size_t end = u->hscroll;
	int used = 0;
	while (end < u->len) {
		size_t next = end + 1;
		while (next < u->len && !brk[next])
			next++;
		int gw = text_width(u->buf + end, next - end);
		if (used + gw > inner)
			break;
		used += gw;
		end = next;
	}
	free(brk);
	mvaddstr(y, x, "[ ");
	ui_put(y, x + 2, u->buf + u->hscroll, end - u->hscroll, A_UNDERLINE);
	attron(A_UNDERLINE);
	for (int i = used; i < inner; i++)
		mvaddch(y, x + 2 + i, ' ');
	attroff(A_UNDERLINE);
	mvaddstr(y, x + 2 + inner, " ]");
	return x + 2 + text_width(u->buf + u->hscroll, u->cur - u->hscroll);
}

#define UI_FOOT_LINES 3

/* The footer's keys, wrapped to at most UI_FOOT_LINES lines; returns how many lines it needs. */
static int ui_footer_lines(const struct ui *u, int width, char lines[UI_FOOT_LINES][512])
{
	int n = 0, w = 0;
	for (int i = 0; i < UI_FOOT_LINES; i++)
		lines[i][0] = '\0';
	for (size_t i = 0; i < u->nfoot; i++) {
		char item[160];
		snprintf(item, sizeof item, "%s %s", u->foot[i].key, u->foot[i].action);
		int iw = text_width(item, strlen(item));
		if (w && w + 3 + iw > width) {
			if (n + 1 == UI_FOOT_LINES)
				break;
			n++;
			w = 0;
		}
		if (w) {
			strncat(lines[n], "   ", sizeof lines[n] - strlen(lines[n]) - 1);
			w += 3;
		}
		strncat(lines[n], item, sizeof lines[n] - strlen(lines[n]) - 1);
		w += iw;
	}
	return n + 1;
}

/*
 * The footer's lines, with PgUp/PgDn among the keys when the body is taller than the screen, and the
 * height left for the body: what the screen shows of a step, shared by drawing and by ui_curses_fit.
 */
static int ui_frame(struct ui *u, int width, int msg_rows, char foot[UI_FOOT_LINES][512], int *nfoot)
{
	if ((int)u->nbody > u->rows - 7)
		ui_foot(u, _("PgUp/PgDn"), _("Scroll"));
	*nfoot = ui_footer_lines(u, width, foot);
	return u->rows - *nfoot - 1 - msg_rows - 2;
}

/*
 * Draw the frame: a top line (left and right), the body rows scrolled to keep the focus in view, the
 * message in words, and the footer.
 */
void ui_draw(struct ui *u, const char *top, const char *progress, const char *message)
{
	getmaxyx(stdscr, u->rows, u->cols);
	erase();
	if (u->rows < UI_MIN_ROWS || u->cols < UI_MIN_COLS) {
		char msg[256];
		snprintf(msg, sizeof msg, _("Please make the window larger: at least %d columns and %d lines."),
			 UI_MIN_COLS, UI_MIN_ROWS);
		struct text_line *lines;
		size_t n = text_wrap(msg, u->cols > 2 ? u->cols - 2 : 1, &lines);
		for (size_t i = 0; i < n && (int)i < u->rows; i++)
			ui_put((int)i, 1 < u->cols ? 1 : 0, msg + lines[i].start, lines[i].len, A_BOLD);
		free(lines);
		curs_set(0);
		refresh();
		return;
	}
	int width = ui_width(u), x = (u->cols - width) / 2;
	/* top: the wizard's title and the progress, then a rule */
	int pw = progress ? text_width(progress, strlen(progress)) : 0;
	if (top) {
		struct text_line *lines;
		text_wrap(top, width - pw - 2 > 8 ? width - pw - 2 : 8, &lines);
		ui_put(0, x, top + lines[0].start, lines[0].len, A_BOLD);
		free(lines);
	}
	if (progress)
		mvaddstr(0, x + width - pw, progress);
	mvhline(1, x, ACS_HLINE, width);
	/* bottom: the footer, a rule, the message in words */
	char *m = NULL;
	struct text_line *mlines = NULL;
	int msg_rows = 1;
	if (message) {
		m = xmalloc(strlen(message) + 3);
		sprintf(m, "! %s", message);
		size_t n = text_wrap(m, width, &mlines);
		msg_rows = n > 3 ? 3 : (int)n;
	}
	char foot[UI_FOOT_LINES][512];
	int nfoot;
	int top_row = 2, height = ui_frame(u, width, msg_rows, foot, &nfoot);
	u->height = height;
	for (int i = 0; i < nfoot; i++)
		mvaddstr(u->rows - nfoot + i, x, foot[i]);
	mvhline(u->rows - nfoot - 1, x, ACS_HLINE, width);
	for (int i = 0; m && i < msg_rows; i++)
		ui_put(u->rows - nfoot - 1 - msg_rows + i, x + (i ? 2 : 0), m + mlines[i].start, mlines[i].len,
		       ui_attr_error);
	free(mlines);
	free(m);
	int nbody = (int)u->nbody, first = -1, last = -1;
	for (int i = 0; i < nbody; i++) {
		if (u->body[i].focus) {
			if (first < 0)
				first = i;
			last = i;
		}
	}
	if (u->follow && first >= 0) {
		if (last - u->scroll >= height)
			u->scroll = last - height + 1;
		if (first < u->scroll)
			u->scroll = first;
	}
	if (u->scroll > nbody - height)
		u->scroll = nbody - height;
	if (u->scroll < 0)
		u->scroll = 0;
	int cursor_y = -1, cursor_x = -1;
	for (int i = 0; i < height && u->scroll + i < nbody; i++) {
		const struct ui_row *r = &u->body[u->scroll + i];
		if (r->field) {
			cursor_x = ui_draw_field(u, top_row + i, x + r->indent, width - r->indent);
			cursor_y = top_row + i;
		} else {
			ui_draw_row(u, r, top_row + i, x);
		}
	}
	if (u->scroll > 0)
		mvaddch(top_row, x + width - 1, ACS_UARROW);
	if (u->scroll + height < nbody)
		mvaddch(top_row + height - 1, x + width - 1, ACS_DARROW);
	if (cursor_y >= 0) {
		curs_set(1);
		move(cursor_y, cursor_x);
	} else {
		curs_set(0);
		move(u->rows - 1, 0);
	}
	refresh();
}

/* Steps */

bool ui_is_list(enum step_type t)
{
	return t == STEP_CHOICE || t == STEP_MULTI || t == STEP_YESNO || t == STEP_REVIEW;
}

bool ui_is_field(enum step_type t)
{
	return t == STEP_TEXT || t == STEP_NUMBER || t == STEP_DATE;
}
/* The answer of a step as the review shows it. */
static const char *ui_answer_text(struct ui *u, int step)
{
	char name[80];
	snprintf(name, sizeof name, "{%s}", u->w->steps[step].id);
	return ui_keep(u, text_clean(engine_format(u->e, name, engine_tr, (void *)u->w)));
}
/* Whether lang ("da") is the language shown ("da", "da_DK"). */
bool ui_lang_current(const char *lang)
{
	const char *cur = i18n_language();
	size_t len = strlen(lang);
	return cur && strncmp(cur, lang, len) == 0 && (!cur[len] || strchr("_.@", cur[len]));
}
/* Lay out the body of the current step, or of the overlay over it, and its footer keys. */
void ui_layout(struct ui *u, const struct engine_view *v)
{
	const struct step *s = v->step;
	int width = ui_width(u);
	ui_reset_frame(u);
	memset(u->terms_seen, 0, (u->w->nglossary ? u->w->nglossary : 1) * sizeof *u->terms_seen);
	if (u->overlay == UI_IDLE) {
		long left = (u->reset_at_ms - ui_now_ms() + 999) / 1000;
		char msg[256];
		snprintf(msg, sizeof msg, ngettext("In %ld second the answers are wiped and the guide starts over.",
						   "In %ld seconds the answers are wiped and the guide starts over.",
						   (unsigned long)(left > 0 ? left : 0)), left > 0 ? left : 0);
		ui_para(u, _("Are you still there?"), width, 0, A_BOLD, false, false);
		ui_blank(u);
		ui_para(u, _("Press any key to go on."), width, 0, 0, false, false);
		ui_blank(u);
		ui_para(u, ui_keep(u, xstrdup(msg)), width, 0, A_BOLD, false, false);
		ui_footer(u, PAGE_ANY_KEY, false, ui_words_label,
			  (const struct ui_words[]){ { PAGE_ANY_KEY, _("Go on with the guide") }, { 0, NULL } });
		return;
	}
	if (u->overlay == UI_CONFIRM_QUIT) {	/* a kiosk cannot be stopped: it starts over */
		bool kiosk = u->opts->kiosk;
		ui_para(u, kiosk ? _("Do you want to start over?") : _("Do you want to stop?"), width, 0, A_BOLD, false,
			false);
		ui_blank(u);
		ui_para(u, kiosk ? _("Your answers will be wiped.") : _("Your answers will not be kept."), width, 0, 0,
			false, false);
		ui_footer(u, PAGE_GO_ON | PAGE_CLOSE, false, ui_words_label,
			  (const struct ui_words[]){ { PAGE_GO_ON, kiosk ? _("Start over") : _("Stop") },
						     { PAGE_CLOSE, _("Go on with the guide") }, { 0, NULL } });
		return;
	}
	if (u->overlay == UI_LANGUAGE) {
		ui_para(u, _("Choose a language"), width, 0, A_BOLD, false, false);
		ui_blank(u);
		for (size_t i = 0; i < u->nlangs; i++)
			ui_item(u, width, u->lang_sel == (int)i, ui_lang_current(u->langs[i]) ? "(*)" : "( )", (int)i + 1,
				i18n_name(u->langs[i]));
		ui_footer(u, PAGE_CHOOSE | PAGE_GO_ON | PAGE_CLOSE, false, ui_words_label,
			  (const struct ui_words[]){ { PAGE_CHOOSE, _("Choose") }, { PAGE_GO_ON, _("Use this language") },
						     { PAGE_CLOSE, _("Close") }, { 0, NULL } });
		return;
	}
	if (u->overlay == UI_HELP) {
		ui_para(u, _("Help"), width, 0, A_BOLD, false, false);
		ui_blank(u);
		ui_para(u, ui_text(u, &s->help), width, 0, 0, false, true);
		ui_footer(u, PAGE_CLOSE, false, ui_words_label,
			  (const struct ui_words[]){ { PAGE_CLOSE, _("Close the help") }, { 0, NULL } });
		return;
	}
	if (u->overlay == UI_GLOSSARY) {
		/* which terms this step shows: lay it out once to find them */
		enum ui_overlay keep = u->overlay;
		u->overlay = UI_NONE;
		ui_layout(u, v);
		for (size_t i = 0; i < u->nbody; i++)
			if (u->body[i].terms) {
				bool *mark = xcalloc(u->body[i].len + 1, sizeof *mark);
				ui_terms_mark(u, u->body[i].s, u->body[i].len, mark);
				free(mark);
			}
		u->overlay = keep;
		bool *seen = xmalloc((u->w->nglossary ? u->w->nglossary : 1) * sizeof *seen);
		memcpy(seen, u->terms_seen, (u->w->nglossary ? u->w->nglossary : 1) * sizeof *seen);
		ui_reset_frame(u);
		ui_para(u, _("Words explained"), width, 0, A_BOLD, false, false);
		for (size_t i = 0; i < u->w->nglossary; i++) {
			if (!seen[i])
				continue;
			ui_blank(u);
			ui_para(u, engine_tr((void *)u->w, u->w->glossary[i].term), width, 0, A_BOLD, false, false);
			ui_para(u, ui_text(u, &u->w->glossary[i].text), width, 2, 0, false, false);
		}
		free(seen);
		ui_footer(u, PAGE_CLOSE, false, ui_words_label,
			  (const struct ui_words[]){ { PAGE_CLOSE, _("Close") }, { 0, NULL } });
		return;
	}

	const char *title = ui_text(u, &s->title);
	ui_para(u, title, width, 0, A_BOLD, false, true);
	ui_para(u, ui_text_second(u, &s->title, title), width, 2, ui_attr_guide, false, false);
	ui_blank(u);
	const char *text = ui_text(u, &s->text);
	if (text) {
		ui_para(u, text, width, 0, 0, false, true);
		ui_blank(u);
	}
	switch (s->type) {
	case STEP_CHOICE:
	case STEP_MULTI:
		for (size_t i = 0; i < s->nchoices; i++) {
			const char *mark = s->type == STEP_MULTI ? (u->ticks[i] ? "[x]" : "[ ]")
								 : (u->sel == (int)i ? "(*)" : "( )");
			const char *label = ui_text(u, &s->choices[i].label);
			ui_item(u, width, u->sel == (int)i, mark, (int)i + 1, label);
			ui_para(u, ui_text_second(u, &s->choices[i].label, label), width, 9, ui_attr_guide, false,
				false);
		}
		break;
	case STEP_YESNO:
		ui_item(u, width, u->sel == 0, u->sel == 0 ? "(*)" : "( )", 1, _("Yes"));
		ui_item(u, width, u->sel == 1, u->sel == 1 ? "(*)" : "( )", 2, _("No"));
		break;
	case STEP_TEXT:
	case STEP_NUMBER:
	case STEP_DATE:
		ui_row(u, "", 0, 0, 0, true, false);
		u->body[u->nbody - 1].field = true;
		if (s->type == STEP_NUMBER && s->unit.msgid)
			ui_para(u, ui_text(u, &s->unit), width, 2, 0, false, false);
		if (s->type == STEP_DATE) {
			char sep = i18n_style(NULL)->date_sep;
			char *hint = xmalloc(256);
			/* TRANSLATORS: "day", "month" and "year" make the hint under a date field: day-month-year */
			snprintf(hint, 256, "%s%c%s%c%s", _("day"), sep, _("month"), sep, _("year"));
			ui_para(u, ui_keep(u, hint), width, 2, 0, false, false);
		}
		break;
	case STEP_REVIEW:
		if (v->ndropped) {	/* what the change just made no longer count, in words */
			ui_para(u, _("Because of your change, these answers no longer count:"), width, 0, A_BOLD, false,
				false);
			for (size_t i = 0; i < v->ndropped; i++) {
				const char *t = ui_text(u, &u->w->steps[v->dropped[i]].title);
				char *line = xmalloc(strlen(t) + 3);
				sprintf(line, "- %s", t);
				ui_para(u, ui_keep(u, line), width, 2, 0, false, false);
			}
			ui_blank(u);
		}
		for (size_t i = 0; i < u->nreview; i++) {
			if (u->review[i] < 0) {
				ui_blank(u);
				ui_item(u, width, u->sel == (int)i, "", 0, _("Everything is right: go on"));
				continue;
			}
			const struct step *r = &u->w->steps[u->review[i]];
			ui_item(u, width, u->sel == (int)i, "", 0, ui_text(u, &r->title));
			ui_para(u, ui_answer_text(u, u->review[i]), width, 6, u->sel == (int)i ? A_BOLD : 0,
				u->sel == (int)i, false);
		}
		break;
	case STEP_END:
		for (size_t i = 0; i < s->ntodo; i++) {
			const char *t = ui_text(u, &s->todo[i]);
			char *line = xmalloc(strlen(t) + 8);
			sprintf(line, "[ ] %s", t);
			ui_keep(u, line);
			struct text_line *lines;
			size_t n = text_wrap(line + 4, width - 4, &lines);
			ui_row(u, line, 4 + lines[0].len, 0, 0, false, true);
			for (size_t k = 1; k < n; k++)
				ui_row(u, line + 4 + lines[k].start, lines[k].len, 4, 0, false, true);
			free(lines);
		}
		break;
	default:
		break;
	}
	if (u->opts->guide && s->guide.msgid) {	/* for the helper beside the person, in the helper's language */
		char *saved = i18n_push(u->opts->second_lang);
		engine_set_lang(u->e, i18n_lang(NULL));
		ui_blank(u);
		ui_para(u, ui_keep(u, xstrdup(_("For the helper, not for the citizen:"))), width, 0,
			ui_attr_guide | A_BOLD, false, false);
		ui_para(u, ui_text(u, &s->guide), width, 2, ui_attr_guide, false, false);
		i18n_pop(saved);
		engine_set_lang(u->e, i18n_lang_shown(u->w->language));
	}

	/* the footer: exactly the actions that work here (until the page says which) */
	unsigned actions = PAGE_GO_ON | PAGE_STOP;
	actions |= (ui_is_list(s->type) ? PAGE_CHOOSE : 0) | (s->type == STEP_MULTI ? PAGE_TICK : 0);
	actions |= (s->type == STEP_END && u->opts->summary_dir ? PAGE_SAVE : 0) | (v->can_back ? PAGE_BACK : 0);
	actions |= (s->help.msgid ? PAGE_HELP : 0) | (u->nlangs > 1 ? PAGE_LANGUAGE : 0);
	bool terms = false;
	for (size_t i = 0; i < u->nbody; i++)
		if (u->body[i].terms) {
			bool *mark = xcalloc(u->body[i].len + 1, sizeof *mark);
			ui_terms_mark(u, u->body[i].s, u->body[i].len, mark);
			free(mark);
		}
	for (size_t i = 0; i < u->w->nglossary; i++)
		terms |= u->terms_seen[i];
	const char *go_on = s->type == STEP_END ? _("Finish") : _("Go on");
	if (s->type == STEP_REVIEW)
		go_on = _("Change or go on");
	const struct ui_words words[] = {
		{ PAGE_CHOOSE, _("Choose") }, { PAGE_TICK, _("Tick or untick") }, { PAGE_GO_ON, go_on },
		{ PAGE_SAVE, _("Save a summary") }, { PAGE_BACK, _("Back") }, { PAGE_HELP, _("Help") },
		{ PAGE_WORDS, _("Words explained") }, { PAGE_STOP, u->opts->kiosk ? _("Start over") : _("Stop") },
		{ PAGE_LANGUAGE, _("Language") }, { 0, NULL },
	};
	ui_footer(u, actions | (terms ? PAGE_WORDS : 0), ui_is_field(s->type), ui_words_label, words);
}

/* Fitting: what check reports */

size_t ui_curses_fit(const struct wizard *w, size_t nlangs, int cols, int rows, struct ui_fit *out)
{
	struct ui_options opts = { 0 };
	struct ui u = { .w = w, .opts = &opts, .cols = cols, .rows = rows, .nlangs = nlangs };
	u.e = engine_create(w, i18n_lang_shown(w->language));
	ui_terms_init(&u);
	size_t n = 0;
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		if (s->type == STEP_REVIEW)
			continue;	/* it lists the answers given: it scrolls when there are many, by design */
		struct engine_view v = { .step = s, .index = (int)i, .position = 1, .can_back = (int)i != w->start };
		v.prefill.type = VAL_NULL;
		ui_enter(&u, &v);
		ui_layout(&u, &v);
		char foot[UI_FOOT_LINES][512];
		int nfoot;
		int height = ui_frame(&u, ui_width(&u), 1, foot, &nfoot);
		out[n++] = (struct ui_fit){ (int)i, (int)u.nbody, height };
		ui_reset_frame(&u);
	}
	ui_terms_free(&u);
	engine_free(u.e);
	u.nlangs = 0;	/* a count only, with no list to free */
	ui_free(&u);
	return n;
}
