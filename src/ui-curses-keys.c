/*
 * ui-curses-keys: the full screen's keys, which change what is picked on the step shown (pick.h).  See
 * ui-curses.h.
 *
 * One table (ui_bindings) maps keys to page actions (page.h), in the footer's order: every footer is
 * made from it (ui_footer), and every key goes through it (ui_key_action) to an action the screen offers,
 * then to that action's handler.  So a footer offers only what its keys do there; it names them as
 * page_key_name does (page.c), one copy for this screen and for trin check's measure (page_fit).  Keys
 * beyond the footer: help, languages and back answer in words on a step that lacks them, Esc leaves the
 * menu too, and any key closes a question or help.
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

/* A new step is shown: its field starts from the remembered answer, if any. */
void ui_enter(struct ui *u, const struct engine_view *v)
{
	const struct step *s = v->step;
	u->step = v->index;
	u->position = v->position;
	u->scroll = 0;
	u->follow = true;
	u->overlay = UI_NONE;
	u->output_done = false;
	u->output_message[0] = '\0';
	stats_event(u->stats, u->w->id, s->type == STEP_END ? STATS_END : STATS_SHOWN, s->id);
	pick_enter(&u->pick, u->w, u->e, v);
}

/* The table of keys */

/* A key: a curses function key (fn) or a character; with last, every one from c to last. */
struct ui_keycode {
	bool fn;
	wint_t c, last;
};

#define UI_FN(k) { true, (wint_t)(k), 0 }
#define UI_CH(ch) { false, (wint_t)(ch), 0 }

/* Where a row holds: a text field with the focus takes printable keys, Home and End for itself. */
enum ui_where { UI_ANYWHERE, UI_IN_FIELD, UI_NOT_IN_FIELD };

/*
 * A row of the table: the keys that do an action, and where.  The footer lists the actions a screen offers
 * in the order of the table, each once, named as page_key_name names its keys (ui_footer); a key does the action of the first row that the screen offers, holds there and has the key
 * (ui_key_action).  So a footer names the keys that do what it says, and only those.
 */
struct ui_binding {
	enum page_action action;
	enum ui_where where;
	struct ui_keycode keys[5];	/* up to the first empty one */
};

static const struct ui_binding ui_bindings[] = {
	{ PAGE_CHOOSE, UI_NOT_IN_FIELD,
	  { UI_FN(KEY_UP), UI_FN(KEY_DOWN), UI_FN(KEY_HOME), UI_FN(KEY_END), { false, '1', '9' } } },
	{ PAGE_TICK, UI_NOT_IN_FIELD, { UI_CH(' ') } },
	{ PAGE_GO_ON, UI_ANYWHERE, { UI_CH('\r'), UI_CH('\n'), UI_FN(KEY_ENTER) } },
	{ PAGE_SAVE, UI_ANYWHERE, { UI_FN(KEY_F(3)), UI_CH(UI_CTRL('s')) } },
	{ PAGE_BACK, UI_ANYWHERE, { UI_CH(0x1b) } },
	{ PAGE_CLOSE, UI_ANYWHERE, { UI_CH(0x1b) } },
	{ PAGE_HELP, UI_IN_FIELD, { UI_FN(KEY_F(1)), UI_CH(UI_CTRL('g')) } },
	{ PAGE_HELP, UI_NOT_IN_FIELD, { UI_FN(KEY_F(1)), UI_CH(UI_CTRL('g')), UI_CH('?') } },
	{ PAGE_WORDS, UI_ANYWHERE, { UI_CH('\t') } },
	{ PAGE_STOP, UI_ANYWHERE, { UI_FN(KEY_F(10)), UI_CH(UI_CTRL('q')), UI_CH(UI_CTRL('c')) } },
	/* after Stop: on a narrow screen the footer may drop it */
	{ PAGE_LANGUAGE, UI_ANYWHERE, { UI_FN(KEY_F(2)), UI_CH(UI_CTRL('l')) } },
	{ PAGE_ANY_KEY, UI_ANYWHERE, { { false, 1, WINT_MAX }, { true, 1, KEY_MAX } } },
};

static bool ui_binding_holds(const struct ui_binding *b, bool field)
{
	return b->where == UI_ANYWHERE || (b->where == UI_IN_FIELD) == field;
}

static bool ui_binding_has(const struct ui_binding *b, bool fn, wint_t wc)
{
	for (size_t i = 0; i < ARRAY_LEN(b->keys) && b->keys[i].c; i++) {
		const struct ui_keycode *k = &b->keys[i];
		if (k->fn == fn && (k->last ? wc >= k->c && wc <= k->last : wc == k->c))
			return true;
	}
	return false;
}

unsigned ui_key_action(bool fn, wint_t wc, unsigned actions, bool field)
{
	for (size_t i = 0; i < ARRAY_LEN(ui_bindings); i++) {
		const struct ui_binding *b = &ui_bindings[i];
		if ((actions & b->action) && ui_binding_holds(b, field) && ui_binding_has(b, fn, wc))
			return b->action;
	}
	return 0;
}

void ui_footer(struct ui *u, const struct page *p)
{
	unsigned named = 0;
	u->actions = p->actions;
	for (size_t i = 0; i < ARRAY_LEN(ui_bindings); i++) {
		const struct ui_binding *b = &ui_bindings[i];
		if (!(p->actions & b->action) || (named & b->action) || !ui_binding_holds(b, p->field))
			continue;
		named |= b->action;
		const char *label = page_action_label(p, b->action);
		ui_foot(u, page_key_name(p, b->action), label ? label : "");
	}
}

/* Languages */

/* Show the whole screen in lang at once: the chrome, the wizard's texts, and the glossary marks. */
static void ui_lang_switch(struct ui *u, const char *lang)
{
	i18n_switch(lang);
	engine_set_lang(u->e, i18n_lang(lang));
	u->lang_picked = true;
	ui_terms_free(u);
	ui_terms_init(u);
}

/* F2 on a step: the language picker, at the language shown; in words when there is no other. */
static void ui_lang_open(struct ui *u)
{
	if (!(u->actions & PAGE_LANGUAGE)) {
		u->note = _("This guide is in one language only.");
		return;
	}
	u->overlay = UI_LANGUAGE;
	u->lang_sel = 0;
	for (size_t i = 0; i < u->nlangs; i++)
		if (ui_lang_current(u->langs[i]))
			u->lang_sel = (int)i;
}

/* A key in the language picker: F2 again closes it too. */
static void ui_lang_key(struct ui *u, bool fn, wint_t wc)
{
	int n = (int)u->nlangs;
	unsigned a = ui_key_action(fn, wc, u->actions | PAGE_LANGUAGE, false);
	int num = 0;
	enum pick_way way = a == PAGE_CHOOSE ? ui_list_way(fn, wc, &num) : PICK_NONE;
	if ((pick_cursor(&u->lang_sel, n, way, num) && way == PICK_NUMBER) || a == PAGE_GO_ON) {
		ui_lang_switch(u, u->langs[u->lang_sel]);
		u->overlay = UI_NONE;
	} else if (a == PAGE_CLOSE || a == PAGE_LANGUAGE) {
		u->overlay = UI_NONE;
	}
}

/* Keys */

/* Editing keys of a text field; true when the key was one. */
static bool ui_edit(struct ui *u, int r, wint_t wc)
{
	static const struct { bool fn; wint_t key; enum field_op op; } ui_edit_keys[] = {
		{ true, KEY_LEFT, FIELD_LEFT }, { true, KEY_RIGHT, FIELD_RIGHT }, { true, KEY_HOME, FIELD_HOME },
		{ true, KEY_END, FIELD_END }, { true, KEY_BACKSPACE, FIELD_DEL_BACK }, { true, KEY_DC, FIELD_DEL_FORWARD },
		{ false, 0x7f, FIELD_DEL_BACK }, { false, UI_CTRL('h'), FIELD_DEL_BACK }, { false, UI_CTRL('a'), FIELD_HOME },
		{ false, UI_CTRL('e'), FIELD_END }, { false, UI_CTRL('d'), FIELD_DEL_FORWARD },
		{ false, UI_CTRL('u'), FIELD_DEL_TO_START },
	};
	for (size_t i = 0; i < sizeof ui_edit_keys / sizeof *ui_edit_keys; i++)
		if (ui_edit_keys[i].fn == (r == KEY_CODE_YES) && ui_edit_keys[i].key == wc) {
			field_do(&u->pick.field, ui_edit_keys[i].op);
			return true;
		}
	if (r == KEY_CODE_YES || !field_typable((uint32_t)wc))
		return false;
	if (!field_insert(&u->pick.field, (uint32_t)wc))
		u->note = _("That is as much text as fits here.");
	return true;
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

/* The way a key moves a list's cursor: the arrows, Home, End, or a number 1 to 9 (*num). */
enum pick_way ui_list_way(bool fn, wint_t wc, int *num)
{
	static const struct { wint_t key; enum pick_way way; } ui_list_keys[] = {
		{ KEY_UP, PICK_UP }, { KEY_DOWN, PICK_DOWN }, { KEY_HOME, PICK_FIRST }, { KEY_END, PICK_LAST },
	};
	*num = !fn && wc >= '1' && wc <= '9' ? (int)(wc - '0') : 0;
	if (*num)
		return PICK_NUMBER;
	for (size_t i = 0; fn && i < sizeof ui_list_keys / sizeof *ui_list_keys; i++)
		if (ui_list_keys[i].key == wc)
			return ui_list_keys[i].way;
	return PICK_NONE;
}

/* PAGE_CHOOSE on a list: the arrows, Home, End, or an option's number, which on a multi ticks it too. */
static void ui_choose(struct ui *u, const struct step *s, bool fn, wint_t wc)
{
	int num = 0;
	enum pick_way way = ui_list_way(fn, wc, &num);
	if (way == PICK_NUMBER && s->type == STEP_REVIEW)
		return;
	if (pick_cursor(&u->pick.sel, pick_len(&u->pick, s), way, num)) {
		u->follow = true;
		if (way == PICK_NUMBER && s->type == STEP_MULTI)
			u->pick.ticks[u->pick.sel] = !u->pick.ticks[u->pick.sel];
	} else if (way == PICK_NUMBER) {
		u->note = _("There is no option with that number.");
	}
}

/* PAGE_GO_ON on a step: finish at an end, change the answer chosen on the review, or give the answer. */
static enum ui_action ui_go_on(struct ui *u, const struct engine_view *v)
{
	enum pick_went went = pick_go_on(&u->pick, u->e, v->step);
	if (went == PICK_MOVED)
		u->step = -1;	/* show the next step from its start */
	return went == PICK_FINISHED ? UI_DONE : UI_STAY;
}

/* PAGE_BACK on a step: what is typed in the field is kept for when the person comes back. */
static void ui_back(struct ui *u, const struct engine_view *v)
{
	if (pick_back(&u->pick, u->e, u->w, v))
		u->step = -1;
	else
		u->note = _("This is the first step.");
}

/* A key on an overlay: the idle warning, the question before stopping, the language picker, help or words. */
static enum ui_action ui_overlay_key(struct ui *u, bool fn, wint_t wc)
{
	switch (u->overlay) {
	case UI_IDLE:	/* PAGE_ANY_KEY: the person is still there */
		break;
	case UI_CONFIRM_QUIT:	/* Enter stops, or in a kiosk starts over; any other key goes on */
		if (ui_key_action(fn, wc, u->actions, false) == PAGE_GO_ON)
			return UI_QUIT;
		break;
	case UI_LANGUAGE:
		ui_lang_key(u, fn, wc);
		return UI_STAY;
	case UI_HELP:
	case UI_GLOSSARY:
	case UI_NONE:	/* the arrows and pages scroll; any other key closes */
		if (ui_scroll_key(u, fn, wc, true))
			return UI_STAY;
		u->scroll = 0;
		u->follow = true;
		break;
	}
	u->overlay = UI_NONE;
	return UI_STAY;
}

/*
 * One key on a step: through the table to an action, and its handler.  Returns what the walk should do.
 * Help and the language picker answer in words where the step has none, and Esc on the first step.
 */
static enum ui_action ui_key(struct ui *u, const struct engine_view *v, int r, wint_t wc)
{
	const struct step *s = v->step;
	bool fn = r == KEY_CODE_YES, field = kind_is_field(s->type);
	u->note = NULL;
	if (fn && wc == KEY_RESIZE)
		return UI_STAY;
	kiosk_key(&u->clock, ui_now_ms());
	if (u->overlay != UI_NONE)
		return ui_overlay_key(u, fn, wc);
	switch (ui_key_action(fn, wc, u->actions | PAGE_HELP | PAGE_LANGUAGE | PAGE_BACK, field)) {
	case PAGE_STOP:
		u->overlay = UI_CONFIRM_QUIT;
		break;
	case PAGE_LANGUAGE:
		ui_lang_open(u);
		break;
	case PAGE_HELP:
		if (u->actions & PAGE_HELP) {
			u->overlay = UI_HELP;
			u->scroll = 0;
		} else {
			u->note = _("There is no help for this step.");
		}
		break;
	case PAGE_WORDS:
		u->overlay = UI_GLOSSARY;
		u->scroll = 0;
		break;
	case PAGE_BACK:
		ui_back(u, v);
		break;
	case PAGE_SAVE:
		ui_save_summary(u);
		break;
	case PAGE_GO_ON:
		return ui_go_on(u, v);
	case PAGE_CHOOSE:
		ui_choose(u, s, fn, wc);
		break;
	case PAGE_TICK:
		u->pick.ticks[u->pick.sel] = !u->pick.ticks[u->pick.sel];
		break;
	default:	/* no action: PgUp and PgDn scroll, and a field takes the key (other control keys do nothing) */
		if (!ui_scroll_key(u, fn, wc, false) && field)
			ui_edit(u, r, wc);
		break;
	}
	return UI_STAY;
}

/*
 * Read a key, and every key already waiting behind it while they only edit the field or move the cursor
 * on the same screen: a paste is taken whole and drawn once.  A key that closes an overlay ends the batch,
 * so the keys after it meet the step's footer, drawn.
 */
enum ui_action ui_keys(struct ui *u, const struct engine_view *v)
{
	wint_t wc;
	int r = ui_get_wch(&wc);
	if (r == ERR)
		return UI_STAY;
	bool overlay = u->overlay != UI_NONE;
	enum ui_action a = ui_key(u, v, r, wc);
	nodelay(stdscr, TRUE);
	for (int n = 0; a == UI_STAY && !overlay && u->step == v->index && u->overlay == UI_NONE && n < LIMIT_INPUT;
	     n++) {
		r = ui_get_wch(&wc);
		if (r == ERR)
			break;
		a = ui_key(u, v, r, wc);
	}
	timeout(UI_TICK_MS);
	return a;
}
