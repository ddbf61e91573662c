/*
 * ui-curses-loop: the full screen's loops: the walk of one wizard, the menu, the kiosk and --watch.  See
 * ui-curses.h.  What a key does, and what is saved at the end, is the screen's (screen.h): these loops
 * read the keys into it and draw what it shows.
 */
#include "ui-curses-int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "diag.h"
#include "engine.h"
#include "i18n.h"
#include "model.h"
#include "reload.h"
#include "speech-text.h"
#include "speech.h"
#include "stats.h"
#include "status.h"
#include "text.h"
#include "util.h"

/* Keys */

/*
 * Read a key, and every key already waiting behind it while they only edit the field or move the cursor
 * on the same screen: a paste is taken whole and drawn once.  A key that closes an overlay ends the batch,
 * so the keys after it meet the step's footer, drawn.  *read is set when a key was read.
 */
static enum screen_action ui_keys(struct screen *u, const struct engine_view *v, bool *read)
{
	uint32_t key;
	if (!ui_read_key(&key))
		return SCREEN_STAY;
	*read = true;
	bool overlay = u->overlay != PAGE_KIND_STEP;
	enum screen_action a = screen_key(u, v, key, ui_now_ms());
	nodelay(stdscr, TRUE);
	for (int n = 0; a == SCREEN_STAY && !overlay && u->step == v->index && u->overlay == PAGE_KIND_STEP &&
	     n < LIMIT_INPUT; n++) {
		if (!ui_read_key(&key))
			break;
		a = screen_key(u, v, key, ui_now_ms());
	}
	timeout(UI_TICK_MS);
	return a;
}

/* Reading aloud */

/*
 * Read the page shown aloud when F4 asked for it, or with --speak when it is another page than the one
 * read last (another step, overlay, heading or message: not a cursor moved or a letter typed).  typed: what
 * the field holds, or NULL.  Asynchronous: it returns at once, and the next key stops it.
 */
static void ui_speak(struct screen *u, const char *typed)
{
	static char *last;	/* what the last page read was, wiped: its message may quote an answer */
	const struct page *p = u->page;
	const char *heading = p->nblocks ? p->blocks[0].text : "";
	char *now;
	if (asprintf(&now, "%d %d %zu\n%s\n%s", (int)p->kind, u->step, u->position, heading,
		     p->message ? p->message : "") < 0)
		return;
	bool read = u->read_aloud || (u->speak && (!last || strcmp(now, last) != 0));
	u->read_aloud = false;
	if (last)
		xfree_wiped(last);
	last = now;
	if (!read)
		return;
	char *text = speech_text(p, typed);
	struct speech_voice voice = { u->opts->speak_rate, u->opts->speak_volume };
	speech_say(text, i18n_language(), &voice);
	xfree_wiped(text);
}

/* A trouble with reading aloud (no sound device, no voice), said once on the screen as its message. */
static void ui_speech_trouble(struct screen *u)
{
	const char *why = speech_trouble();
	if (why)
		u->note = why;
}

/* --watch */

/* Whether the watched file changed and has been still for a moment since (watch.h). */
static bool ui_watch_changed(struct screen *u)
{
	return watch_changed(&u->watch, ui_now_ms(), UI_WATCH_STILL_MS);
}

/*
 * The watched file does not load: show its diagnostics until a change makes it load (the wizard), or the
 * author stops (NULL).  d holds the diagnostics and is emptied.
 */
static struct wizard *ui_watch_broken(struct screen *u, struct diags *d)
{
	struct wizard *w = NULL;
	char *report = NULL;
	u->scroll = 0;
	u->follow = true;
	while (!w && !ui_stop_signal) {
		if (!report)
			report = watch_report(d);
		getmaxyx(stdscr, u->rows, u->cols);
		screen_show(u, watch_page(report));
		ui_draw(u, u->w ? engine_tr((void *)u->w, u->w->title.msgid) : "trin", NULL, NULL);
		uint32_t key;
		bool got = ui_read_key(&key);
		if (got && keys_action(key, u->actions, false) == PAGE_STOP)
			break;
		if (got)
			screen_scroll_key(u, key, true);
		if (ui_watch_changed(u)) {
			diag_free(d);
			*d = (struct diags){ 0 };
			w = wizard_load(u->watch.file, NULL, d);
			free(report);
			report = NULL;
			u->scroll = 0;
			u->follow = true;
		}
	}
	free(report);
	screen_show(u, NULL);
	return w;
}

/*
 * Load the watched file again and carry the walk over to it: the same step when it is still there, the
 * answers kept, and what is typed in the field when the step stays.  False when the author stopped while
 * the file did not load.
 */
static bool ui_reload(struct screen *u)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load(u->watch.file, NULL, &d);
	if (!w)
		w = ui_watch_broken(u, &d);
	if (!w) {
		u->watch_d = d;	/* for stderr once the screen is restored */
		return false;
	}
	diag_free(&d);
	screen_carry(u, w);
	return true;
}

/*
 * Walk wizard w, loaded from path, until it is finished, the person stops, or a signal ends the session;
 * its engine is freed after, every answer wiped.
 */
static enum ui_outcome ui_walk(struct screen *u, const struct wizard *w, const char *path)
{
	u->w = w;
	screen_langs(u, path);
	u->e = engine_create(w, i18n_lang_shown(w->language));
	screen_terms_init(u);
	u->step = -1;
	kiosk_key(&u->clock, ui_now_ms());
	enum ui_outcome out = UI_STOPPED;
	for (;;) {
		if (ui_stop_signal || (u->watch.file && ui_watch_changed(u) && !ui_reload(u)))
			break;
		if (u->reload && reload_poll(u->reload, ui_now_ms(), KIOSK_STILL_MS) && !u->begun) {
			out = UI_CHANGED;	/* nobody began: start again with the new version */
			break;
		}
		struct engine_view v;
		engine_view(u->e, &v);
		if (v.index != u->step || v.position != u->position)
			screen_enter(u, &v);
		if (engine_done(u->e) && !u->output_done)
			screen_save_at_end(u);
		ui_speech_trouble(u);
		getmaxyx(stdscr, u->rows, u->cols);	/* the layout needs the size the frame is drawn at */
		screen_show(u, screen_page(u, &v, ui_now_ms()));
		ui_draw(u, u->page->title, u->page->progress, u->page->message);
		ui_speak(u, u->page->field && !v.step->sensitive ? u->pick.field.buf : NULL);
		enum screen_action a = ui_keys(u, &v, &u->begun);
		if (a == SCREEN_STAY)	/* a kiosk left alone: a warning first, then a reset */
			a = screen_idle(u, ui_now_ms());
		const char *why;	/* TRIN_DEBUG_CHECK (the monkey test): the engine's invariants hold after every key */
		if (getenv("TRIN_DEBUG_CHECK") && !engine_check(u->e, &why)) {
			ui_end();	/* said on the terminal as it was, not over the screen */
			fprintf(stderr, "trin: engine check: %s\n", why);
			abort();
		}
		if (a == SCREEN_DONE) {
			out = UI_FINISHED;
			break;
		}
		if (a == SCREEN_QUIT) {
			out = UI_QUIT_ASKED;
			break;
		}
		if (a == SCREEN_RESET) {
			out = UI_TIMED_OUT;
			break;
		}
	}
	screen_terms_free(u);
	field_drafts_free(&u->pick.field);
	engine_free(u->e);
	u->e = NULL;
	return out;
}

/* The menu */

/* Show the menu of wizards; the index chosen, or -1 to leave (a kiosk: also at a changed wizard before a key). */
static int ui_menu(struct screen *u, struct ui_wizard *list, size_t n, int *sel)
{
	u->w = NULL;
	u->follow = true;
	kiosk_key(&u->clock, ui_now_ms());
	for (;;) {
		if (ui_stop_signal || (u->reload && !u->begun && reload_poll(u->reload, ui_now_ms(), KIOSK_STILL_MS)))
			return -1;
		getmaxyx(stdscr, u->rows, u->cols);
		ui_speech_trouble(u);
		screen_show(u, ui_menu_page(list, n, *sel, n ? PAGE_CHOOSE | PAGE_GO_ON | PAGE_STOP : PAGE_STOP, u->opts->kiosk));
		ui_draw(u, "trin", NULL, u->note);
		ui_speak(u, NULL);
		u->note = NULL;
		uint32_t key;
		if (!ui_read_key(&key)) {
			if (u->opts->kiosk && kiosk_left_alone(&u->clock, ui_now_ms(), u->opts->idle))
				return -1;	/* nobody there: back to the start */
			continue;
		}
		kiosk_key(&u->clock, ui_now_ms());
		u->begun = true;
		unsigned a = keys_action(key, u->actions | PAGE_BACK | PAGE_SPEAK, false);	/* Esc leaves too */
		if (a == PAGE_STOP || a == PAGE_BACK)
			return -1;
		u->read_aloud = a == PAGE_SPEAK;
		enum keys_list k = keys_list(key, a, sel, (int)n);
		if (k == KEYS_LIST_NO_ITEM)
			u->note = _("There is no option with that number.");
		else if (k == KEYS_LIST_GO_ON)
			return *sel;
	}
}

/* Run the one wizard in file under --watch: see ui_curses_main. */
static int ui_watch_main(const char *file, const struct ui_options *opts)
{
	struct screen u = { .opts = opts, .hold = ui_hold_signals, .speak = opts->speak };
	struct diags d = { 0 };
	watch_start(&u.watch, file);	/* the file as it is now, loaded now */
	struct wizard *w = wizard_load(file, NULL, &d);
	bool loaded = w != NULL;
	if (w)
		ui_lang_warn(w, i18n_bind_wizard(file, w->domain, &(const char *){ NULL }));
	struct stat st;
	if (!w && stat(file, &st) != 0) {	/* no such file (a typing mistake): nothing to watch */
		diag_print(&d, stderr);
		diag_free(&d);
		return EXIT_INVALID;
	}
	if (!ui_start(opts->theme)) {
		wizard_free(w);
		diag_free(&d);
		return EXIT_INPUT;
	}
	if (!w)
		w = ui_watch_broken(&u, &d);
	enum ui_outcome out = UI_STOPPED;
	if (w) {
		u.watch_w = w;
		out = ui_walk(&u, w, file);
		loaded = true;
	}
	ui_end();
	screen_free(&u);
	wizard_free(u.watch_w);
	diag_print(&u.watch_d, stderr);	/* stopped at errors of a later save */
	diag_free(&u.watch_d);
	if (!loaded) {
		diag_print(&d, stderr);
		diag_free(&d);
		return EXIT_INVALID;
	}
	diag_free(&d);
	return ui_status(out == UI_FINISHED, u.output_failed);
}

int ui_curses_main(char **files, size_t nfiles, int menu, const struct ui_options *opts)
{
	if (opts->watch)
		return ui_watch_main(files[0], opts);
	struct ui_wizard *list;
	struct diags d = { 0 };
	size_t n;
	if (!ui_load_all(files, nfiles, menu, &list, &n, &d, ui_lang_warn))
		return EXIT_INVALID;
	int status = EXIT_OK;
	if (!ui_start(opts->theme)) {
		ui_load_done(list, n, &d, false);
		return EXIT_INPUT;
	}
	struct screen u = { .opts = opts, .hold = ui_hold_signals, .speak = opts->speak };
	int sel = 0;
	for (;;) {
		int pick = menu ? ui_menu(&u, list, n, &sel) : 0;
		if (pick < 0)
			break;
		enum ui_outcome out = ui_walk(&u, list[pick].w, list[pick].path);
		if (!ui_walked(menu, out == UI_FINISHED, out == UI_STOPPED, u.output_failed, &status))
			break;
	}
	ui_end();
	screen_free(&u);
	ui_load_done(list, n, &d, true);	/* and the wizards of the menu that did not load */
	return status;
}

/* The kiosk */

/* The calm screen of a kiosk whose wizards do not load; returns after a while, or at a change, to try them again. */
static void ui_out_of_order(struct screen *u)
{
	long until = ui_now_ms() + KIOSK_RETRY_MS;
	while (!ui_stop_signal && ui_now_ms() < until && !reload_poll(u->reload, ui_now_ms(), KIOSK_STILL_MS)) {
		getmaxyx(stdscr, u->rows, u->cols);
		screen_show(u, kiosk_out_of_order_page());
		ui_draw(u, "trin", NULL, NULL);
		uint32_t key;
		ui_read_key(&key);
	}
}

/*
 * The start of a kiosk: the person chooses a language, each named in its own words under a heading in
 * every language.  False when a signal ends the kiosk, or when a wizard file changed before a language was
 * chosen (*changed set), to start again with it.
 */
static bool ui_kiosk_language(struct screen *u, char **langs, size_t n, bool *changed)
{
	if (n <= 1) {
		if (n)
			i18n_switch(langs[0]);
		return !ui_stop_signal;
	}
	char heading[512];
	kiosk_language_heading(langs, n, heading, sizeof heading);
	int sel = 0;
	for (;;) {
		if (ui_stop_signal)
			return false;
		getmaxyx(stdscr, u->rows, u->cols);
		ui_speech_trouble(u);
		struct page *p = kiosk_language_page(heading, langs, n, sel);
		p->actions |= PAGE_SPEAK;	/* named here even without --speak: F4 turns reading aloud on */
		screen_show(u, p);
		ui_draw(u, "trin", NULL, u->note);
		ui_speak(u, NULL);
		uint32_t key;
		if (ui_read_key(&key)) {
			u->note = NULL;	/* a trouble with reading aloud stays until a key */
			unsigned a = keys_action(key, u->actions, false);
			u->read_aloud = a == PAGE_SPEAK;
			u->speak |= a == PAGE_SPEAK;	/* for this person, until the kiosk starts over */
			if (keys_list(key, a, &sel, (int)n) == KEYS_LIST_GO_ON)
				break;
		}
		if (reload_poll(u->reload, ui_now_ms(), KIOSK_STILL_MS))
			return !(*changed = true);
	}
	i18n_switch(langs[sel]);
	u->lang_picked = u->begun = true;
	return true;
}

/* The operator's log held for the kiosk's end, as ui_exit_note keeps it for a signal that ends it at once. */
static void ui_hold_log(const struct diags *held)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = held->n ? open_memstream(&text, &len) : NULL;
	if (f) {
		diag_print(held, f);
		fclose(f);
	}
	ui_exit_note(text, len);
	free(text);
}

/*
 * Whether standard error is the terminal the screen is drawn on, so that nothing may be written to it while
 * the screen is up.
 */
static bool ui_stderr_is_screen(void)
{
	struct stat e, o;
	return isatty(STDERR_FILENO) && fstat(STDERR_FILENO, &e) == 0 && fstat(STDOUT_FILENO, &o) == 0 &&
	       e.st_rdev == o.st_rdev;
}

int ui_curses_kiosk(char **files, size_t nfiles, const struct ui_options *opts)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {	/* it would read no key, and spin */
		fprintf(stderr, _("trin: a kiosk needs a terminal as its standard input and output (in a systemd "
				  "unit: StandardInput=tty and StandardOutput=tty)\n"));
		return EXIT_INPUT;
	}
	/* the keyboard can stop nothing from here on, while the wizards load in a cooked terminal too */
	ui_kiosk_keyboard();
	struct reload r = { 0 };	/* the wizards, each file watched for the next person */
	size_t n = reload_start(&r, files, nfiles, NULL);
	struct screen u = { .opts = opts, .hold = ui_hold_signals, .reload = &r, .speak = opts->speak };
	if (opts->stats && !(u.stats = stats_open(opts->stats)))
		fprintf(stderr, _("trin: cannot open the statistics file %s: %s\n"), opts->stats, stats_strerror(errno));
	tcflush(STDIN_FILENO, TCIFLUSH);	/* keys typed while it loaded were meant for nothing on the screen */
	if (!ui_start(opts->theme)) {
		ui_restore_terminal();
		stats_close(u.stats);
		reload_free(&r);
		return EXIT_INPUT;
	}
	struct diags held = { 0 };	/* of later loads, when stderr is the screen */
	int sel = 0;
	while (!ui_stop_signal) {
		/* between people: a wizard file that changed is loaded now, and used from here on */
		n = reload_update(&r, ui_now_ms(), KIOSK_STILL_MS, ui_stderr_is_screen() ? &held : NULL);
		if (n == 0) {
			ui_out_of_order(&u);
			n = reload_start(&r, files, nfiles, ui_stderr_is_screen() ? &held : NULL);
		}
		ui_hold_log(&held);	/* written at the end, even when a signal ends trin in the middle of a screen */
		if (n == 0)
			continue;
		struct ui_wizard *list = r.list;
		char **langs;
		size_t nlangs = ui_langs(list[0].w, list[0].path, true, &langs);
		u.lang_picked = u.begun = false;
		u.speak = opts->speak;	/* a new person: reading aloud as the kiosk was started */
		speech_stop();
		bool changed = false, go = ui_kiosk_language(&u, langs, nlangs, &changed);
		ui_langs_free(langs, nlangs);
		if (changed)
			continue;
		if (!go)
			break;
		sel = 0;
		int pick = n > 1 ? ui_menu(&u, list, n, &sel) : 0;
		if (pick < 0)
			continue;	/* back to the start, or a signal */
		enum ui_outcome out = ui_walk(&u, list[pick].w, list[pick].path);	/* every answer wiped after */
		if ((out == UI_QUIT_ASKED || out == UI_TIMED_OUT) && u.step >= 0 && u.w->steps[u.step].type != STEP_END)
			stats_event(u.stats, u.w->id, u.w->version, STATS_GAVE_UP, u.w->steps[u.step].id);
		u.w = NULL;	/* it may be freed for a new version */
		field_set(&u.pick.field, "");
		screen_show(&u, NULL);
		util_wipe_stack();	/* and what drawing and parsing left below this frame */
	}
	ui_end();
	ui_exit_note(NULL, 0);
	diag_print(&held, stderr);
	diag_free(&held);
	stats_close(u.stats);
	screen_free(&u);
	reload_free(&r);
	return EXIT_OK;
}
