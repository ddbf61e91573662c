/*
 * ui-curses-loop: the full screen's loops: the walk of one wizard, the menu, the kiosk and --watch, and
 * saving at the end.  See ui-curses.h.
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
#include "stats.h"
#include "status.h"
#include "text.h"
#include "util.h"

/* Languages */

static void ui_langs_drop(struct ui *u)
{
	ui_langs_free(u->langs, u->nlangs);
	u->langs = NULL;
	u->nlangs = 0;
}

/* The languages of the wizard about to be walked, for the picker (ui_langs). */
static void ui_langs_init(struct ui *u, const char *file)
{
	ui_langs_drop(u);
	u->nlangs = ui_langs(u->w, file, u->lang_picked, &u->langs);
}


/* Saving at the end */

/* Append a sentence to the message about what was saved. */
static void ui_saved(struct ui *u, const char *msg)
{
	size_t n = strlen(u->output_message);
	if (*msg)
		snprintf(u->output_message + n, sizeof u->output_message - n, "%s%s", n ? " " : "", msg);
}

/* At the end: the answers as JSON (--output), the walk (--record), the summary (--summary), said in words. */
static void ui_save_at_end(struct ui *u)
{
	static const enum ui_save what[] = { UI_SAVE_OUTPUT, UI_SAVE_RECORD, UI_SAVE_SUMMARY };
	char msg[sizeof u->output_message];
	u->output_done = true;
	u->output_message[0] = '\0';
	ui_hold_signals(true);
	for (size_t i = 0; i < ARRAY_LEN(what); i++) {
		u->output_failed |= !ui_save(what[i], u->opts, u->w, u->e, msg, sizeof msg);
		ui_saved(u, msg);
	}
	ui_hold_signals(false);
}

void ui_save_summary(struct ui *u)
{
	char msg[sizeof u->output_message];
	ui_hold_signals(true);
	ui_save(UI_SAVE_SUMMARY_DIR, u->opts, u->w, u->e, msg, sizeof msg);
	ui_hold_signals(false);
	u->output_message[0] = '\0';
	ui_saved(u, msg);
	u->output_done = true;
}


/* --watch */

/* Whether the watched file changed and has been still for a moment since (watch.h). */
static bool ui_watch_changed(struct ui *u)
{
	return watch_changed(&u->watch, ui_now_ms(), UI_WATCH_STILL_MS);
}

/*
 * The watched file does not load: show its diagnostics until a change makes it load (the wizard), or the
 * author stops (NULL).  d holds the diagnostics and is emptied.
 */
static struct wizard *ui_watch_broken(struct ui *u, struct diags *d)
{
	struct wizard *w = NULL;
	char *report = NULL;
	u->scroll = 0;
	u->follow = true;
	while (!w && !ui_stop_signal) {
		if (!report)
			report = watch_report(d);
		getmaxyx(stdscr, u->rows, u->cols);
		ui_show(u, page_notice(_("The guide has errors, so it cannot be shown."),	/* a line per line of it */
				       (const char *[]){ report, _("Fix the file and save it: trin loads it again by "
								   "itself, and the answers given so far are kept."),
							 NULL }, PAGE_STOP));
		ui_draw(u, u->w ? engine_tr((void *)u->w, u->w->title.msgid) : "trin", NULL, NULL);
		uint32_t key;
		bool got = ui_read_key(&key);
		if (got && keys_action(key, u->actions, false) == PAGE_STOP)
			break;
		if (got)
			ui_scroll_key(u, key, true);
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
	ui_reset_frame(u);
	return w;
}

/*
 * Load the watched file again and carry the walk over to it: the same step when it is still there, the
 * answers kept, and what is typed in the field when the step stays.  False when the author stopped while
 * the file did not load.
 */
static bool ui_reload(struct ui *u)
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
	struct engine_view v;
	enum watch_keep keep;
	struct engine *e = watch_carry(w, u->w, u->e, u->step, &v, &keep);
	char *typed = keep == WATCH_KEEP_TYPED ? xstrdup(u->pick.field.buf) : NULL;
	bool output_done = u->output_done;
	char output_message[sizeof u->output_message];
	memcpy(output_message, u->output_message, sizeof output_message);
	engine_free(u->e);
	ui_terms_free(u);
	field_drafts_free(&u->pick.field);	/* by the old wizard's step numbers */
	wizard_free(u->watch_w);
	u->w = u->watch_w = w;
	u->e = e;
	ui_langs_init(u, u->watch.file);
	ui_terms_init(u);
	ui_enter(u, &v);
	if (keep == WATCH_KEEP_SAVED) {
		u->output_done = output_done;
		memcpy(u->output_message, output_message, sizeof output_message);
	}
	if (typed) {
		field_set(&u->pick.field, typed);
		xfree_wiped(typed);
	}
	u->note = _("The file changed and was loaded again.");
	return true;
}

/* Walk one wizard until it is finished, the person stops, or a signal ends the session. */
static enum ui_outcome ui_walk(struct ui *u)
{
	ui_terms_init(u);
	u->step = -1;
	kiosk_key(&u->clock, ui_now_ms());
	enum ui_outcome out = UI_STOPPED;
	for (;;) {
		if (ui_stop_signal || (u->watch.file && ui_watch_changed(u) && !ui_reload(u)))
			break;
		struct engine_view v;
		engine_view(u->e, &v);
		if (v.index != u->step || v.position != u->position)
			ui_enter(u, &v);
		if (engine_done(u->e) && !u->output_done)
			ui_save_at_end(u);
		getmaxyx(stdscr, u->rows, u->cols);	/* the layout needs the size the frame is drawn at */
		ui_layout(u, &v);
		ui_draw(u, u->page->title, u->page->progress, u->page->message);
		enum ui_action a = ui_keys(u, &v);
		if (u->opts->kiosk && a == UI_STAY) {	/* idleness: a warning first, then a reset */
			enum kiosk_idle k = kiosk_idle(&u->clock, ui_now_ms(), u->overlay == PAGE_KIND_IDLE, u->opts->idle,
						       u->opts->warn);
			if (k == KIOSK_WARN)
				u->overlay = PAGE_KIND_IDLE;
			else if (k == KIOSK_RESET)
				a = UI_RESET;
		}
		const char *why;	/* TRIN_DEBUG_CHECK (the monkey test): the engine's invariants hold after every key */
		if (getenv("TRIN_DEBUG_CHECK") && !engine_check(u->e, &why)) {
			ui_end();	/* said on the terminal as it was, not over the screen */
			fprintf(stderr, "trin: engine check: %s\n", why);
			abort();
		}
		if (a == UI_DONE) {
			out = UI_FINISHED;
			break;
		}
		if (a == UI_QUIT) {
			out = UI_QUIT_ASKED;
			break;
		}
		if (a == UI_RESET) {
			out = UI_TIMED_OUT;
			break;
		}
	}
	ui_terms_free(u);
	field_drafts_free(&u->pick.field);
	return out;
}

/* Free what the screen holds, the text field and the frame wiped first. */
void ui_free(struct ui *u)
{
	ui_langs_drop(u);
	ui_reset_frame(u);
	pick_free(&u->pick);
}

/* The menu */

/* Show the menu of wizards; the index chosen, or -1 to leave. */
static int ui_menu(struct ui *u, struct ui_wizard *list, size_t n, int *sel)
{
	u->w = NULL;
	u->follow = true;
	kiosk_key(&u->clock, ui_now_ms());
	for (;;) {
		if (ui_stop_signal)
			return -1;
		getmaxyx(stdscr, u->rows, u->cols);
		const char **titles = xcalloc(n ? n : 1, sizeof *titles);
		for (size_t i = 0; i < n; i++)
			titles[i] = engine_tr(list[i].w, list[i].w->title.msgid);
		ui_show(u, page_menu(_("Choose a guide"), titles, n, *sel, _("No guides were found."),
				     n ? PAGE_CHOOSE | PAGE_GO_ON | PAGE_STOP : PAGE_STOP, u->opts->kiosk));
		free(titles);
		ui_draw(u, "trin", NULL, u->note);
		u->note = NULL;
		uint32_t key;
		if (!ui_read_key(&key)) {
			if (u->opts->kiosk && kiosk_left_alone(&u->clock, ui_now_ms(), u->opts->idle))
				return -1;	/* nobody there: back to the start */
			continue;
		}
		kiosk_key(&u->clock, ui_now_ms());
		unsigned a = keys_action(key, u->actions | PAGE_BACK, false);	/* Esc leaves too */
		if (a == PAGE_STOP || a == PAGE_BACK)
			return -1;
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
	struct ui u = { .opts = opts };
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
		u.w = u.watch_w = w;
		ui_langs_init(&u, file);
		u.e = engine_create(w, i18n_lang_shown(w->language));
		out = ui_walk(&u);
		engine_free(u.e);
		loaded = true;
	}
	ui_end();
	ui_free(&u);
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
	struct ui u = { .opts = opts };
	int sel = 0;
	for (;;) {
		int pick = menu ? ui_menu(&u, list, n, &sel) : 0;
		if (pick < 0)
			break;
		u.w = list[pick].w;
		ui_langs_init(&u, list[pick].path);
		u.e = engine_create(u.w, i18n_lang_shown(u.w->language));
		enum ui_outcome out = ui_walk(&u);
		engine_free(u.e);
		u.e = NULL;
		status = ui_status(menu || out == UI_FINISHED, u.output_failed);
		if (!menu)
			break;
		if (out == UI_STOPPED)
			break;
	}
	ui_end();
	ui_free(&u);
	ui_load_done(list, n, &d, true);	/* and the wizards of the menu that did not load */
	return status;
}

/* The kiosk */

/* The calm screen of a kiosk whose wizards do not load; returns after a while, to try them again. */
static void ui_out_of_order(struct ui *u)
{
	long until = ui_now_ms() + KIOSK_RETRY_MS;
	while (!ui_stop_signal && ui_now_ms() < until) {
		getmaxyx(stdscr, u->rows, u->cols);
		ui_show(u, page_notice(_("This terminal is out of order."),
				       (const char *[]){ _("Please ask at the desk. We are sorry."), NULL }, 0));
		ui_draw(u, "trin", NULL, NULL);
		uint32_t key;
		ui_read_key(&key);
	}
}

/*
 * The start of a kiosk: the person chooses a language, each named in its own words under a heading in
 * every language.  False when a signal ends the kiosk.
 */
static bool ui_kiosk_language(struct ui *u, char **langs, size_t n)
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
		const char **names = xcalloc(n, sizeof *names);
		for (size_t i = 0; i < n; i++)
			names[i] = i18n_name(langs[i]);
		ui_show(u, page_menu(heading, names, n, sel, NULL, PAGE_CHOOSE | PAGE_GO_ON, true));
		free(names);
		ui_draw(u, "trin", NULL, NULL);
		uint32_t key;
		if (ui_read_key(&key) && keys_list(key, keys_action(key, u->actions, false), &sel, (int)n) == KEYS_LIST_GO_ON)
			break;
	}
	i18n_switch(langs[sel]);
	u->lang_picked = true;
	return true;
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
	struct ui_wizard *list = xcalloc(nfiles ? nfiles : 1, sizeof *list);
	size_t n = kiosk_load(files, nfiles, list, NULL);
	struct ui u = { .opts = opts };
	if (opts->stats && !(u.stats = stats_open(opts->stats)))
		fprintf(stderr, _("trin: cannot open the statistics file %s: %s\n"), opts->stats, stats_strerror(errno));
	tcflush(STDIN_FILENO, TCIFLUSH);	/* keys typed while it loaded were meant for nothing on the screen */
	if (!ui_start(opts->theme)) {
		ui_restore_terminal();
		stats_close(u.stats);
		for (size_t i = 0; i < n; i++)
			wizard_free(list[i].w);
		free(list);
		return EXIT_INPUT;
	}
	struct diags held = { 0 };	/* of later loads, when stderr is the screen */
	int sel = 0;
	while (!ui_stop_signal) {
		if (n == 0) {
			ui_out_of_order(&u);
			n = kiosk_load(files, nfiles, list, ui_stderr_is_screen() ? &held : NULL);
			continue;
		}
		char **langs;
		size_t nlangs = ui_langs(list[0].w, list[0].path, true, &langs);
		u.lang_picked = false;
		bool go = ui_kiosk_language(&u, langs, nlangs);
		ui_langs_free(langs, nlangs);
		if (!go)
			break;
		sel = 0;
		int pick = n > 1 ? ui_menu(&u, list, n, &sel) : 0;
		if (pick < 0)
			continue;	/* back to the start, or a signal */
		u.w = list[pick].w;
		ui_langs_init(&u, list[pick].path);
		u.e = engine_create(u.w, i18n_lang_shown(u.w->language));
		enum ui_outcome out = ui_walk(&u);
		if ((out == UI_QUIT_ASKED || out == UI_TIMED_OUT) && u.step >= 0 && u.w->steps[u.step].type != STEP_END)
			stats_event(u.stats, u.w->id, STATS_GAVE_UP, u.w->steps[u.step].id);
		engine_free(u.e);	/* every answer wiped */
		u.e = NULL;
		field_set(&u.pick.field, "");
		ui_reset_frame(&u);
		util_wipe_stack();	/* and what drawing and parsing left below this frame */
	}
	ui_end();
	diag_print(&held, stderr);
	diag_free(&held);
	stats_close(u.stats);
	ui_free(&u);
	for (size_t i = 0; i < n; i++)
		wizard_free(list[i].w);
	free(list);
	return EXIT_OK;
}
