/*
 * ui-curses: the full-screen frontend, on ncurses.  The only module that includes curses.h.
 *
 * One question at a time, keyboard only: the question as the heading, the wrapped text, the field, a
 * message line in words, honest progress, and a footer with exactly the keys that work on the screen.
 */
#ifndef TRIN_UI_CURSES_H
#define TRIN_UI_CURSES_H

#include <stdbool.h>
#include <stddef.h>

enum ui_theme { UI_THEME_DEFAULT, UI_THEME_CONTRAST, UI_THEME_MONO };

struct ui_options {
	const char *output;	/* write the result as JSON here at the end, or NULL */
	const char *record;	/* write the walk as a scenario here at the end (result_scenario), or NULL */
	const char *summary;	/* write the take-away summary here when finished (summary.h), or NULL */
	const char *summary_dir;	/* offer at the end to save a summary in this folder, or NULL */
	bool kiosk;		/* a kiosk: cannot be left, resets itself, keeps nothing (ui_curses_kiosk) */
	int idle;		/* kiosk: seconds without a key before the warning */
	int warn;		/* kiosk: seconds the warning counts down, at least 20 */
	const char *stats;	/* kiosk: append anonymous counts to this file (stats.h), or NULL */
	enum ui_theme theme;	/* colours, never the only carrier of meaning; NO_COLOR means none */
	bool guide;		/* show each step's notes for the helper, marked as such */
	const char *second_lang;	/* show titles and choices also in this language, for the helper */
	bool watch;		/* an author's edit: load the one wizard again whenever its file changes */
};

/*
 * Run the wizards in files full-screen.  With one file and menu false, that wizard; otherwise a menu of
 * them first, to which each finished wizard returns.  Returns an exit status of trin(1): 0 when a wizard
 * was finished, 1 when the person quit before an end, 3 when a wizard did not load (its diagnostics are
 * printed on stderr after the screen is restored), 4 when the terminal or the output file failed.
 *
 * With opts->watch (one file, no menu), the file is looked at every moment: when it changes it is loaded
 * again and the walk carried over (engine_follow), and while it does not load its diagnostics fill the
 * screen until it does or the author stops.
 */
int ui_curses_main(char **files, size_t nfiles, int menu, const struct ui_options *opts);

/*
 * Run a kiosk that serves one stranger after another and never ends by itself: a language picker, a
 * chooser of the wizards (when several), the wizard; after idleness (with a warning that counts down), a
 * "start over", or a pause after an end, every answer is wiped and it starts again.  Quit keys, Ctrl-C,
 * Ctrl-Z and Ctrl-\ cannot leave it, from the start (while it loads too); SIGTERM ends it with the terminal
 * restored, SIGHUP at once.  When no wizard loads, an out-of-order screen stays up and the diagnostics go to
 * stderr, but never over the screen: when stderr is its terminal, those of later tries wait for the end.
 * Returns an exit status; 4 at once when standard input or output is not a terminal.
 */
int ui_curses_kiosk(char **files, size_t nfiles, const struct ui_options *opts);

/* How a step fits a screen: the lines its body needs and the lines the screen has for it. */
struct wizard;

struct ui_fit {
	int step;
	int needed, available;
};

/*
 * Lay out every step of w (but the review, which lists answers) exactly as the full screen would at
 * cols x rows, in the language now chosen, with no answers given and nlangs languages to pick from;
 * out must hold w->nsteps entries.  Returns how many it filled.  Needs no terminal.
 */
size_t ui_curses_fit(const struct wizard *w, size_t nlangs, int cols, int rows, struct ui_fit *out);

/* Whether the terminal named by TERM is known to terminfo, so the full screen can run on it. */
bool ui_curses_usable(void);

#endif
