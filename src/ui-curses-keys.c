/*
 * ui-curses-keys: the full screen's keys, which change what is picked on the step shown (pick.h) and open
 * and close its overlays.  See ui-curses.h.
 *
 * Every key goes through the table of keys (keys.h) to an action the screen offers, then to that action's
 * handler; the footer is made from the same table (page_footer).  Keys beyond the footer: help, languages
 * and back answer in words on a step that lacks them, and any key closes a question or help.
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
	u->overlay = PAGE_KIND_STEP;
	u->output_done = false;
	u->output_message[0] = '\0';
	stats_event(u->stats, u->w->id, s->type == STEP_END ? STATS_END : STATS_SHOWN, s->id);
	pick_enter(&u->pick, u->w, u->e, v);
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
	u->overlay = PAGE_KIND_LANGUAGE;
	u->lang_sel = ui_lang_index(u->langs, u->nlangs);
}

/* A key in the language picker: a number or Enter uses a language; F2 again closes it too. */
static void ui_lang_key(struct ui *u, uint32_t key)
{
	unsigned a = keys_action(key, u->actions | PAGE_LANGUAGE, false);
	enum keys_list k = keys_list(key, a, &u->lang_sel, (int)u->nlangs);
	if (k == KEYS_LIST_NUMBER || k == KEYS_LIST_GO_ON) {
		ui_lang_switch(u, u->langs[u->lang_sel]);
		u->overlay = PAGE_KIND_STEP;
	} else if (a == PAGE_CLOSE || a == PAGE_LANGUAGE) {
		u->overlay = PAGE_KIND_STEP;
	}
}

/* Keys */

/* PgUp, PgDn and, where asked, the arrows scroll the body by hand; false for other keys. */
bool ui_scroll_key(struct ui *u, uint32_t key, bool arrows)
{
	if (!keys_scroll(key, arrows, u->height, &u->scroll))
		return false;
	u->follow = false;
	return true;
}

/* PAGE_GO_ON on a step: finish at an end, change the answer chosen on the review, or give the answer. */
static enum ui_action ui_go_on(struct ui *u, const struct engine_view *v)
{
	enum pick_went went = pick_go_on(&u->pick, u->e, v->step);
	if (went == PICK_MOVED)
		u->step = -1;	/* show the next step from its start */
	return went == PICK_FINISHED ? UI_DONE : UI_STAY;
}

/* A key on an overlay: the idle warning, the question before stopping, the language picker, help or words. */
static enum ui_action ui_overlay_key(struct ui *u, uint32_t key)
{
	switch (u->overlay) {
	case PAGE_KIND_IDLE:	/* PAGE_ANY_KEY: the person is still there */
		break;
	case PAGE_KIND_STOP:	/* Enter stops, or in a kiosk starts over; any other key goes on */
		if (keys_action(key, u->actions, false) == PAGE_GO_ON)
			return UI_QUIT;
		break;
	case PAGE_KIND_LANGUAGE:
		ui_lang_key(u, key);
		return UI_STAY;
	case PAGE_KIND_HELP:
	case PAGE_KIND_WORDS:
	case PAGE_KIND_STEP:
	case PAGE_KIND_MENU:
	case PAGE_KIND_NOTICE:	/* the arrows and pages scroll; any other key closes */
		if (ui_scroll_key(u, key, true))
			return UI_STAY;
		u->scroll = 0;
		u->follow = true;
		break;
	}
	u->overlay = PAGE_KIND_STEP;
	return UI_STAY;
}

/* An overlay over the step, scrolled to its top. */
static void ui_open(struct ui *u, enum page_kind overlay)
{
	u->overlay = overlay;
	u->scroll = 0;
}

/*
 * One key on a step: through the table to an action, and its handler.  Returns what the walk should do.
 * Help and the language picker answer in words where the step has none, and Esc on the first step.
 */
static enum ui_action ui_key(struct ui *u, const struct engine_view *v, uint32_t key)
{
	bool field = kind_is_field(v->step->type), full;
	u->note = NULL;
	if (key == KEYS_RESIZE)
		return UI_STAY;
	kiosk_key(&u->clock, ui_now_ms());
	if (u->overlay != PAGE_KIND_STEP)
		return ui_overlay_key(u, key);
	enum keys_list k;
	switch (keys_action(key, u->actions | PAGE_HELP | PAGE_LANGUAGE | PAGE_BACK, field)) {
	case PAGE_STOP:
		u->overlay = PAGE_KIND_STOP;
		break;
	case PAGE_LANGUAGE:
		ui_lang_open(u);
		break;
	case PAGE_HELP:
		if (u->actions & PAGE_HELP)
			ui_open(u, PAGE_KIND_HELP);
		else
			u->note = _("There is no help for this step.");
		break;
	case PAGE_WORDS:
		ui_open(u, PAGE_KIND_WORDS);
		break;
	case PAGE_BACK:	/* what is typed in the field is kept for when the person comes back */
		if (pick_back(&u->pick, u->e, u->w, v))
			u->step = -1;
		else
			u->note = _("This is the first step.");
		break;
	case PAGE_SAVE:
		ui_save_summary(u);
		break;
	case PAGE_GO_ON:
		return ui_go_on(u, v);
	case PAGE_CHOOSE:
		k = keys_choose(&u->pick, v->step, key);
		u->follow |= k == KEYS_LIST_MOVED || k == KEYS_LIST_NUMBER;
		if (k == KEYS_LIST_NO_ITEM)
			u->note = _("There is no option with that number.");
		break;
	case PAGE_TICK:
		u->pick.ticks[u->pick.sel] = !u->pick.ticks[u->pick.sel];
		break;
	default:	/* no action: PgUp and PgDn scroll, and a field takes the key (other control keys do nothing) */
		if (!ui_scroll_key(u, key, false) && field && keys_edit(&u->pick.field, key, &full) && full)
			u->note = _("That is as much text as fits here.");
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
	uint32_t key;
	if (!ui_read_key(&key))
		return UI_STAY;
	bool overlay = u->overlay != PAGE_KIND_STEP;
	enum ui_action a = ui_key(u, v, key);
	nodelay(stdscr, TRUE);
	for (int n = 0; a == UI_STAY && !overlay && u->step == v->index && u->overlay == PAGE_KIND_STEP &&
	     n < LIMIT_INPUT; n++) {
		if (!ui_read_key(&key))
			break;
		a = ui_key(u, v, key);
	}
	timeout(UI_TICK_MS);
	return a;
}
