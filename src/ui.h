/*
 * ui: what every frontend is given to run wizards with.  No terminal, no curses: the full screen
 * (ui-curses.h) and line mode (ui-line.h) both take these options.
 */
#ifndef TRIN_UI_H
#define TRIN_UI_H

#include <stdbool.h>

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

#endif
