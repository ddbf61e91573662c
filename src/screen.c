/*
 * screen: the full screen's state, and what a key does to it.  See screen.h.
 *
 * Every key goes through the table of keys (keys.h) to an action the page offers, then to that action's
 * handler; the footer is made from the same table (page_footer).  Keys beyond the footer: help, languages
 * and back answer in words on a step that lacks them, and any key closes a question or help.
 */
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bidi.h"
#include "i18n.h"
#include "keys.h"
#include "kind.h"
#include "stats.h"
#include "util.h"

/* Pages */

void screen_show(struct screen *s, struct page *p)
{
	page_free(s->page);
	s->page = p;
	if (!p)
		return;
	if (p->nlines == 0 && p->nblocks)
		page_lay_out(p, page_width(s->cols), NULL);
	if (s->speak)
		p->actions |= PAGE_SPEAK;	/* F4 works on every page; with --speak the footer says so */
	s->nfoot = page_footer(p, s->foot);	/* from the table of keys, which the keys go through (keys.h) */
	s->actions = p->actions;
}

struct page *screen_page(struct screen *s, const struct engine_view *v, long now_ms)
{
	struct page_input in = {
		.w = s->w, .e = s->e, .v = v, .gl = &s->gl, .show = s->overlay, .sel = s->pick.sel, .ticks = s->pick.ticks,
		.langs = s->langs, .nlangs = s->nlangs, .lang_sel = s->lang_sel,
		.idle_left = kiosk_warning_left(&s->clock, now_ms), .message = s->note ? s->note : v->message,
		.second_lang = s->opts->second_lang,
		.guide = s->opts->guide, .summary_dir = s->opts->summary_dir != NULL, .kiosk = s->opts->kiosk,
		.print = s->opts->print != NULL,
		.width = page_width(s->cols),
	};
	if (!in.message && v->step->type == STEP_END && s->output_message[0])
		in.message = s->output_message;	/* what was saved at the end, or why not */
	return page_build(&in);
}

/* Glossary terms (glossary.h), in the language shown */

void screen_terms_init(struct screen *s)
{
	glossary_terms_init(&s->gl, s->w, engine_tr, (void *)s->w);
}

void screen_terms_free(struct screen *s)
{
	glossary_terms_free(&s->gl);
}

/* Languages */

static void screen_langs_drop(struct screen *s)
{
	ui_langs_free(s->langs, s->nlangs);
	s->langs = NULL;
	s->nlangs = 0;
}

void screen_langs(struct screen *s, const char *file)
{
	screen_langs_drop(s);
	s->nlangs = ui_langs(s->w, file, s->lang_picked, &s->langs);
}

/* Show the whole screen in lang at once: the chrome, the wizard's texts, and the glossary marks. */
static void screen_lang_switch(struct screen *s, const char *lang)
{
	i18n_switch(lang);
	engine_set_lang(s->e, i18n_lang(lang));
	s->lang_picked = true;
	screen_terms_free(s);
	screen_terms_init(s);
}

/* F2 on a step: the language picker, at the language shown; in words when there is no other. */
static void screen_lang_open(struct screen *s)
{
	if (!(s->actions & PAGE_LANGUAGE)) {
		s->note = _("This guide is in one language only.");
		return;
	}
	s->overlay = PAGE_KIND_LANGUAGE;
	s->lang_sel = ui_lang_index(s->langs, s->nlangs);
}

/* A key in the language picker: a number or Enter uses a language; F2 again closes it too. */
static void screen_lang_key(struct screen *s, uint32_t key)
{
	unsigned a = keys_action(key, s->actions | PAGE_LANGUAGE, false);
	enum keys_list k = keys_list(key, a, &s->lang_sel, (int)s->nlangs);
	if (k == KEYS_LIST_NUMBER || k == KEYS_LIST_GO_ON) {
		screen_lang_switch(s, s->langs[s->lang_sel]);
		s->overlay = PAGE_KIND_STEP;
	} else if (a == PAGE_CLOSE || a == PAGE_LANGUAGE) {
		s->overlay = PAGE_KIND_STEP;
	}
}

/* Keys */

void screen_enter(struct screen *s, const struct engine_view *v)
{
	const struct step *st = v->step;
	s->step = v->index;
	s->position = v->position;
	s->scroll = 0;
	s->follow = true;
	s->overlay = PAGE_KIND_STEP;
	s->output_done = false;
	s->output_message[0] = '\0';
	stats_event(s->stats, s->w->id, s->w->version, st->type == STEP_END ? STATS_END : STATS_SHOWN, st->id);
	pick_enter(&s->pick, s->w, s->e, v);
}

bool screen_scroll_key(struct screen *s, uint32_t key, bool arrows)
{
	if (!keys_scroll(key, arrows, s->height, &s->scroll))
		return false;
	s->follow = false;
	return true;
}

/* PAGE_GO_ON on a step: finish at an end, change the answer chosen on the review, or give the answer. */
static enum screen_action screen_go_on(struct screen *s, const struct engine_view *v)
{
	enum pick_went went = pick_go_on(&s->pick, s->e, v->step);
	if (went == PICK_MOVED)
		s->step = -1;	/* show the next step from its start */
	return went == PICK_FINISHED ? SCREEN_DONE : SCREEN_STAY;
}

/* A key on an overlay: the idle warning, the question before stopping, the language picker, help or words. */
static enum screen_action screen_overlay_key(struct screen *s, uint32_t key)
{
	switch (s->overlay) {
	case PAGE_KIND_IDLE:	/* PAGE_ANY_KEY: the person is still there */
		break;
	case PAGE_KIND_STOP:	/* Enter stops, or in a kiosk starts over; any other key goes on */
		if (keys_action(key, s->actions, false) == PAGE_GO_ON)
			return SCREEN_QUIT;
		break;
	case PAGE_KIND_LANGUAGE:
		screen_lang_key(s, key);
		return SCREEN_STAY;
	case PAGE_KIND_HELP:
	case PAGE_KIND_WORDS:
	case PAGE_KIND_STEP:
	case PAGE_KIND_MENU:
	case PAGE_KIND_NOTICE:	/* the arrows and pages scroll; any other key closes */
		if (screen_scroll_key(s, key, true))
			return SCREEN_STAY;
		s->scroll = 0;
		s->follow = true;
		break;
	}
	s->overlay = PAGE_KIND_STEP;
	return SCREEN_STAY;
}

/* An overlay over the step, scrolled to its top. */
static void screen_open(struct screen *s, enum page_kind overlay)
{
	s->overlay = overlay;
	s->scroll = 0;
}

/* A key on the step that no action takes: PgUp and PgDn scroll, and a field takes it (not other control keys). */
static void screen_other_key(struct screen *s, const struct step *st, uint32_t key)
{
	bool full;
	if (bidi_screen_rtl(s->w ? s->w->language : NULL) && (key == KEYS_LEFT || key == KEYS_RIGHT))
		key = key == KEYS_LEFT ? KEYS_RIGHT : KEYS_LEFT;	/* right to left, Left goes on through the text */
	if (!screen_scroll_key(s, key, false) && kind_is_field(st->type) && keys_edit(&s->pick.field, key, &full) && full)
		s->note = _("That is as much text as fits here.");
}

enum screen_action screen_key(struct screen *s, const struct engine_view *v, uint32_t key, long now_ms)
{
	s->note = NULL;
	if (key == KEYS_RESIZE)
		return SCREEN_STAY;
	kiosk_key(&s->clock, now_ms);
	if (keys_action(key, PAGE_SPEAK, false) == PAGE_SPEAK) {	/* on the step and every overlay alike */
		s->read_aloud = true;
		return SCREEN_STAY;
	}
	if (s->overlay != PAGE_KIND_STEP)
		return screen_overlay_key(s, key);
	enum keys_list k;
	switch (keys_action(key, s->actions | PAGE_HELP | PAGE_LANGUAGE | PAGE_BACK, kind_is_field(v->step->type))) {
	case PAGE_STOP:
		s->overlay = PAGE_KIND_STOP;
		break;
	case PAGE_LANGUAGE:
		screen_lang_open(s);
		break;
	case PAGE_HELP:
		if (s->actions & PAGE_HELP)
			screen_open(s, PAGE_KIND_HELP);
		else
			s->note = _("There is no help for this step.");
		break;
	case PAGE_WORDS:
		screen_open(s, PAGE_KIND_WORDS);
		break;
	case PAGE_BACK:	/* what is typed in the field is kept for when the person comes back */
		if (pick_back(&s->pick, s->e, s->w, v))
			s->step = -1;
		else
			s->note = _("This is the first step.");
		break;
	case PAGE_SAVE:
		screen_save_summary(s);
		break;
	case PAGE_PRINT:
		screen_print_summary(s);
		break;
	case PAGE_GO_ON:
		return screen_go_on(s, v);
	case PAGE_CHOOSE:
		k = keys_choose(&s->pick, v->step, key);
		s->follow |= k == KEYS_LIST_MOVED || k == KEYS_LIST_NUMBER;
		if (k == KEYS_LIST_NO_ITEM)
			s->note = _("There is no option with that number.");
		break;
	case PAGE_TICK:
		s->pick.ticks[s->pick.sel] = !s->pick.ticks[s->pick.sel];
		break;
	default:
		screen_other_key(s, v->step, key);
		break;
	}
	return SCREEN_STAY;
}

enum screen_action screen_idle(struct screen *s, long now_ms)
{
	if (!s->opts->kiosk)
		return SCREEN_STAY;
	enum kiosk_idle k = kiosk_idle(&s->clock, now_ms, s->overlay == PAGE_KIND_IDLE, s->opts->idle, s->opts->warn);
	if (k == KIOSK_WARN)
		s->overlay = PAGE_KIND_IDLE;
	return k == KIOSK_RESET ? SCREEN_RESET : SCREEN_STAY;
}

/* Saving at the end */

/* Hold the stop signals back (true) while a file is written, and let them through again (false). */
static void screen_hold(const struct screen *s, bool hold)
{
	if (s->hold)
		s->hold(hold);
}

/* Save what, and append its sentence to the message about what was saved; false when it failed. */
static bool screen_save(struct screen *s, enum ui_save what)
{
	char msg[sizeof s->output_message];
	bool ok = ui_save(what, s->opts, s->w, s->e, msg, sizeof msg);
	size_t n = strlen(s->output_message);
	if (*msg)
		snprintf(s->output_message + n, sizeof s->output_message - n, "%s%s", n ? " " : "", msg);
	return ok;
}

void screen_save_at_end(struct screen *s)
{
	s->output_done = true;
	s->output_message[0] = '\0';
	screen_hold(s, true);
	s->output_failed |= !screen_save(s, UI_SAVE_OUTPUT);
	s->output_failed |= !screen_save(s, UI_SAVE_RECORD);
	s->output_failed |= !screen_save(s, UI_SAVE_SUMMARY);
	screen_hold(s, false);
}

void screen_save_summary(struct screen *s)
{
	s->output_message[0] = '\0';
	screen_hold(s, true);
	screen_save(s, UI_SAVE_SUMMARY_DIR);
	screen_hold(s, false);
	s->output_done = true;
}

void screen_print_summary(struct screen *s)
{
	s->output_message[0] = '\0';
	screen_save(s, UI_SAVE_PRINT);	/* the walk goes on whatever the printer says */
	s->output_done = true;
}

/* --watch */

void screen_carry(struct screen *s, struct wizard *w)
{
	struct engine_view v;
	enum watch_keep keep;
	struct engine *e = watch_carry(w, s->w, s->e, s->step, &v, &keep);
	char *typed = keep == WATCH_KEEP_TYPED ? xstrdup(s->pick.field.buf) : NULL;
	bool output_done = s->output_done;
	char output_message[sizeof s->output_message];
	memcpy(output_message, s->output_message, sizeof output_message);
	engine_free(s->e);
	screen_terms_free(s);
	field_drafts_free(&s->pick.field);	/* by the old wizard's step numbers */
	wizard_free(s->watch_w);
	s->w = s->watch_w = w;
	s->e = e;
	screen_langs(s, s->watch.file);
	screen_terms_init(s);
	screen_enter(s, &v);
	if (keep == WATCH_KEEP_SAVED) {
		s->output_done = output_done;
		memcpy(s->output_message, output_message, sizeof output_message);
	}
	if (typed) {
		field_set(&s->pick.field, typed);
		xfree_wiped(typed);
	}
	s->note = _("The file changed and was loaded again.");
}

void screen_free(struct screen *s)
{
	screen_langs_drop(s);
	screen_show(s, NULL);
	pick_free(&s->pick);
}
