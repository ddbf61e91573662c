/*
 * ui-curses-keys: the full screen's keys, and the state of the step shown that they change (the cursor,
 * the ticks, the text field and its drafts).  See ui-curses.h.
 */
#include "ui-curses-int.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "engine.h"
#include "i18n.h"
#include "model.h"
#include "stats.h"
#include "text.h"
#include "util.h"


void ui_set_buffer(struct ui *u, const char *s)
{
	size_t n = strlen(s);
	if (u->buf)
		explicit_bzero(u->buf, u->len);
	free(u->buf);
	u->buf = xmalloc(n + 1);
	memcpy(u->buf, s, n + 1);
	u->len = u->cur = n;
	u->hscroll = 0;
}

/* Wipe and forget the drafts of the wizard being walked. */
void ui_drafts_free(struct ui *u)
{
	for (size_t i = 0; u->drafts && i < u->w->nsteps; i++)
		xfree_wiped(u->drafts[i]);
	free(u->drafts);
	u->drafts = NULL;
}

/* Keep what is typed in the field of step, to show again when the person comes back to it. */
static void ui_draft_keep(struct ui *u, int step)
{
	if (!u->drafts)
		u->drafts = xcalloc(u->w->nsteps, sizeof *u->drafts);
	xfree_wiped(u->drafts[step]);
	u->drafts[step] = xstrdup(u->buf);
}

/* A new step is shown: its field starts from the remembered answer, if any. */
void ui_enter(struct ui *u, const struct engine_view *v)
{
	const struct step *s = v->step;
	u->step = v->index;
	u->position = v->position;
	u->sel = 0;
	u->scroll = 0;
	u->follow = true;
	u->overlay = UI_NONE;
	u->output_done = false;
	u->output_message[0] = '\0';
	stats_event(u->stats, u->w->id, s->type == STEP_END ? STATS_END : STATS_SHOWN, s->id);
	free(u->ticks);
	u->ticks = xcalloc(s->nchoices ? s->nchoices : 1, sizeof *u->ticks);
	ui_set_buffer(u, "");
	struct value p = v->prefill;
	switch (s->type) {
	case STEP_CHOICE: {
		int i = p.type == VAL_STR ? step_choice_index(s, p.u.s) : -1;
		if (i >= 0)
			u->sel = i;
		break;
	}
	case STEP_MULTI:
		for (size_t k = 0; p.type == VAL_LIST && k < p.u.list.n; k++) {
			int i = p.u.list.items[k].type == VAL_STR ? step_choice_index(s, p.u.list.items[k].u.s) : -1;
			if (i >= 0)
				u->ticks[i] = true;
		}
		break;
	case STEP_YESNO:
		u->sel = p.type == VAL_BOOL && !p.u.b ? 1 : 0;
		break;
	case STEP_TEXT:
	case STEP_NUMBER:
	case STEP_DATE:
		if (u->drafts && u->drafts[v->index]) {	/* typed before going back: as it was left */
			ui_set_buffer(u, u->drafts[v->index]);
			xfree_wiped(u->drafts[v->index]);
			u->drafts[v->index] = NULL;
		} else if (p.type != VAL_NULL) {
			ui_set_buffer(u, engine_value_text(u->e, s, p));
		}
		break;
	case STEP_REVIEW:
		free(u->review);
		u->review = page_review_steps(u->w, u->e, &u->nreview);
		u->review = xrealloc(u->review, (u->nreview + 1) * sizeof *u->review);
		u->review[u->nreview++] = -1;	/* continue */
		u->sel = (int)u->nreview - 1;
		break;
	default:
		break;
	}
}

static int ui_list_len(const struct ui *u, const struct step *s)
{
	switch (s->type) {
	case STEP_CHOICE:
	case STEP_MULTI:
		return (int)s->nchoices;
	case STEP_YESNO:
		return 2;
	case STEP_REVIEW:
		return (int)u->nreview;
	default:
		return 0;
	}
}

/* Show the whole screen in lang at once: the chrome, the wizard's texts, and the glossary marks. */
static void ui_lang_switch(struct ui *u, const char *lang)
{
	i18n_switch(lang);
	u->lang_picked = true;
	ui_terms_free(u);
	ui_terms_init(u);
}

/* A key in the language picker. */
static void ui_lang_key(struct ui *u, bool fn, wint_t wc)
{
	int n = (int)u->nlangs;
	if (fn && wc == KEY_UP && u->lang_sel > 0)
		u->lang_sel--;
	else if (fn && wc == KEY_DOWN && u->lang_sel + 1 < n)
		u->lang_sel++;
	else if ((!fn && wc >= '1' && wc <= '9' && (int)(wc - '1') < n) ||
		 (!fn && (wc == '\r' || wc == '\n')) || (fn && wc == KEY_ENTER)) {
		if (!fn && wc >= '1' && wc <= '9')
			u->lang_sel = (int)(wc - '1');
		ui_lang_switch(u, u->langs[u->lang_sel]);
		u->overlay = UI_NONE;
	} else if ((!fn && (wc == 0x1b || wc == UI_CTRL('l'))) || (fn && wc == KEY_F(2))) {
		u->overlay = UI_NONE;
	}
}


/* Keys */


static bool ui_submit(struct ui *u, const struct step *s)
{
	struct answer_input in = { 0 };
	const char **items = NULL;
	bool ok;
	switch (s->type) {
	case STEP_CHOICE:
		in.text = s->choices[u->sel].value;
		ok = engine_submit(u->e, &in);
		break;
	case STEP_YESNO:
		in.text = u->sel == 0 ? "true" : "false";
		ok = engine_submit(u->e, &in);
		break;
	case STEP_MULTI:
		items = xmalloc((s->nchoices ? s->nchoices : 1) * sizeof *items);
		in.is_list = true;
		in.items = items;
		for (size_t i = 0; i < s->nchoices; i++)
			if (u->ticks[i])
				items[in.nitems++] = s->choices[i].value;
		ok = engine_submit(u->e, &in);
		free(items);
		break;
	case STEP_TEXT:
	case STEP_NUMBER:
	case STEP_DATE:
		in.text = u->buf;
		ok = engine_submit(u->e, &in);
		break;
	default:
		ok = engine_submit(u->e, NULL);
		break;
	}
	if (ok)
		u->step = -1;	/* show the next step from its start */
	return ok;
}

static void ui_insert(struct ui *u, wint_t wc)
{
	uint8_t enc[8];
	int n = u8_uctomb(enc, (ucs4_t)wc, sizeof enc);
	if (n <= 0)
		return;
	if (u->len + (size_t)n > UI_MAX_INPUT) {
		u->note = _("That is as much text as fits here.");
		return;
	}
	char *grown = xmalloc(u->len + (size_t)n + 1);	/* not realloc: the old block is wiped first */
	memcpy(grown, u->buf, u->len + 1);
	explicit_bzero(u->buf, u->len + 1);
	free(u->buf);
	u->buf = grown;
	memmove(u->buf + u->cur + n, u->buf + u->cur, u->len - u->cur + 1);
	memcpy(u->buf + u->cur, enc, (size_t)n);
	u->len += (size_t)n;
	u->cur += (size_t)n;
}

static void ui_delete(struct ui *u, size_t from, size_t to)
{
	memmove(u->buf + from, u->buf + to, u->len - to + 1);
	u->len -= to - from;
	u->cur = from;
	explicit_bzero(u->buf + u->len + 1, to - from);	/* the tail the text moved away from */
}

/* Editing keys of a text field; true when the key was one. */
static bool ui_edit(struct ui *u, int r, wint_t wc)
{
	if (r == KEY_CODE_YES) {
		switch (wc) {
		case KEY_LEFT:
			u->cur = text_prev_grapheme(u->buf, u->len, u->cur);
			return true;
		case KEY_RIGHT:
			u->cur = text_next_grapheme(u->buf, u->len, u->cur);
			return true;
		case KEY_HOME:
			u->cur = 0;
			return true;
		case KEY_END:
			u->cur = u->len;
			return true;
		case KEY_BACKSPACE:
			if (u->cur)
				ui_delete(u, text_prev_grapheme(u->buf, u->len, u->cur), u->cur);
			return true;
		case KEY_DC:
			if (u->cur < u->len)
				ui_delete(u, u->cur, text_next_grapheme(u->buf, u->len, u->cur));
			return true;
		default:
			return false;
		}
	}
	switch (wc) {
	case 0x7f:
	case UI_CTRL('h'):
		if (u->cur)
			ui_delete(u, text_prev_grapheme(u->buf, u->len, u->cur), u->cur);
		return true;
	case UI_CTRL('a'):
		u->cur = 0;
		return true;
	case UI_CTRL('e'):
		u->cur = u->len;
		return true;
	case UI_CTRL('d'):
		if (u->cur < u->len)
			ui_delete(u, u->cur, text_next_grapheme(u->buf, u->len, u->cur));
		return true;
	case UI_CTRL('u'):
		ui_delete(u, 0, u->cur);
		return true;
	default:
		break;
	}
	if (wc >= 0x20 && wc != 0x7f && !(wc >= 0x80 && wc < 0xa0) && !(wc >= 0xd800 && wc < 0xe000) && wc < 0x110000) {
		ui_insert(u, wc);
		return true;
	}
	return false;
}

/* PgUp, PgDn and, where asked, the arrows scroll the body by hand; false for other keys. */
bool ui_scroll_key(struct ui *u, bool fn, wint_t wc, bool arrows)
{
	if (!fn || !(wc == KEY_NPAGE || wc == KEY_PPAGE || (arrows && (wc == KEY_DOWN || wc == KEY_UP))))
		return false;
	u->follow = false;
	u->scroll += wc == KEY_NPAGE ? u->height - 1 : wc == KEY_PPAGE ? -(u->height - 1) : wc == KEY_DOWN ? 1 : -1;
	return true;
}

static void ui_move(struct ui *u, const struct step *s, int to)
{
	int n = ui_list_len(u, s);
	if (n <= 0)
		return;
	u->sel = to < 0 ? 0 : to >= n ? n - 1 : to;
	u->follow = true;
}

/* One key on a step.  Returns what the walk should do. */
static enum ui_action ui_key(struct ui *u, const struct engine_view *v, int r, wint_t wc)
{
	const struct step *s = v->step;
	bool fn = r == KEY_CODE_YES;
	u->note = NULL;
	if (fn && wc == KEY_RESIZE)
		return UI_STAY;
	u->last_key_ms = ui_now_ms();
	if (u->overlay == UI_IDLE) {	/* any key: the person is still there */
		u->overlay = UI_NONE;
		return UI_STAY;
	}
	if (u->overlay == UI_CONFIRM_QUIT) {
		if ((!fn && (wc == '\r' || wc == '\n')) || (fn && wc == KEY_ENTER))
			return UI_QUIT;
		u->overlay = UI_NONE;
		return UI_STAY;
	}
	if (u->overlay == UI_LANGUAGE) {
		ui_lang_key(u, fn, wc);
		return UI_STAY;
	}
	if (u->overlay != UI_NONE) {
		if (ui_scroll_key(u, fn, wc, true))
			return UI_STAY;
		u->overlay = UI_NONE;
		u->scroll = 0;
		u->follow = true;
		return UI_STAY;
	}
	bool field = ui_is_field(s->type);
	/* keys that work on every step */
	if ((fn && wc == KEY_F(10)) || (!fn && (wc == UI_CTRL('q') || wc == UI_CTRL('c')))) {
		u->overlay = UI_CONFIRM_QUIT;
		return UI_STAY;
	}
	if ((fn && wc == KEY_F(2)) || (!fn && wc == UI_CTRL('l'))) {
		if (u->nlangs > 1) {
			u->overlay = UI_LANGUAGE;
			u->lang_sel = 0;
			for (size_t i = 0; i < u->nlangs; i++)
				if (ui_lang_current(u->langs[i]))
					u->lang_sel = (int)i;
		} else {
			u->note = _("This guide is in one language only.");
		}
		return UI_STAY;
	}
	if ((fn && wc == KEY_F(1)) || (!fn && (wc == UI_CTRL('g') || (wc == '?' && !field)))) {
		if (s->help.msgid) {
			u->overlay = UI_HELP;
			u->scroll = 0;
		} else {
			u->note = _("There is no help for this step.");
		}
		return UI_STAY;
	}
	if (!fn && wc == '\t') {
		if (u->page && (u->page->actions & PAGE_WORDS)) {
			u->overlay = UI_GLOSSARY;
			u->scroll = 0;
		}
		return UI_STAY;
	}
	if (!fn && wc == 0x1b) {
		if (field && v->can_back)
			ui_draft_keep(u, v->index);
		if (engine_back(u->e))
			u->step = -1;
		else
			u->note = _("This is the first step.");
		return UI_STAY;
	}
	if (ui_scroll_key(u, fn, wc, false))
		return UI_STAY;
	if (s->type == STEP_END && u->opts->summary_dir && ((fn && wc == KEY_F(3)) || (!fn && wc == UI_CTRL('s')))) {
		ui_save_summary(u);
		return UI_STAY;
	}
	if ((!fn && (wc == '\r' || wc == '\n')) || (fn && wc == KEY_ENTER)) {
		if (s->type == STEP_END)
			return UI_DONE;
		if (s->type == STEP_REVIEW && u->review[u->sel] >= 0) {
			if (engine_revise(u->e, u->review[u->sel]))
				u->step = -1;
			return UI_STAY;
		}
		ui_submit(u, s);
		return UI_STAY;
	}
	if (field) {
		if (!ui_edit(u, r, wc) && !fn && wc < 0x20)
			u->note = NULL;	/* other control keys do nothing in a field */
		return UI_STAY;
	}
	if (ui_is_list(s->type)) {
		int n = ui_list_len(u, s);
		if (fn && wc == KEY_UP)
			ui_move(u, s, u->sel - 1);
		else if (fn && wc == KEY_DOWN)
			ui_move(u, s, u->sel + 1);
		else if (fn && wc == KEY_HOME)
			ui_move(u, s, 0);
		else if (fn && wc == KEY_END)
			ui_move(u, s, n - 1);
		else if (!fn && wc >= '1' && wc <= '9' && s->type != STEP_REVIEW) {
			int i = (int)(wc - '1');
			if (i < n) {
				ui_move(u, s, i);
				if (s->type == STEP_MULTI)
					u->ticks[i] = !u->ticks[i];
			} else {
				u->note = _("There is no option with that number.");
			}
		} else if (!fn && wc == ' ' && s->type == STEP_MULTI) {
			u->ticks[u->sel] = !u->ticks[u->sel];
		}
	}
	return UI_STAY;
}

/*
 * Read a key, and every key already waiting behind it while they only edit the field or move the cursor
 * on the same screen: a paste is taken whole and drawn once.
 */
enum ui_action ui_keys(struct ui *u, const struct engine_view *v)
{
	wint_t wc;
	int r = ui_get_wch(&wc);
	if (r == ERR)
		return UI_STAY;
	enum ui_action a = ui_key(u, v, r, wc);
	nodelay(stdscr, TRUE);
	for (int n = 0; a == UI_STAY && u->step == v->index && u->overlay == UI_NONE && n < UI_MAX_INPUT; n++) {
		r = ui_get_wch(&wc);
		if (r == ERR)
			break;
		a = ui_key(u, v, r, wc);
	}
	timeout(UI_TICK_MS);
	return a;
}
