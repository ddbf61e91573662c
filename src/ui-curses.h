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

#include "ui.h"

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

/* Whether the terminal named by TERM is known to terminfo, so the full screen can run on it. */
bool ui_curses_usable(void);

#endif
