/*
 * ui: what every frontend is given to run wizards with, and what they do alike: load a wizard with its
 * catalogues, save at the end, give the exit status.  No terminal, no curses: the full screen
 * (ui-curses.h) and line mode (ui-line.h) both take these options and call these functions.
 */
#ifndef TRIN_UI_H
#define TRIN_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "engine.h"
#include "model.h"
#include "page.h"

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
	bool speak;		/* read every page aloud as it appears, and name F4 in the footer (speech.h) */
	int speak_rate, speak_volume;	/* words a minute, percent */
	const char *print;	/* offer at the end to print a summary on this CUPS queue (print.h), or NULL */
	int print_paper;	/* enum print_paper: an A4 sheet (0) or a receipt */
};

/* What a frontend saves at an end, each said in a sentence. */
enum ui_save {
	UI_SAVE_OUTPUT,		/* the answers as JSON (--output) */
	UI_SAVE_RECORD,		/* the walk as a scenario (--record) */
	UI_SAVE_SUMMARY,	/* the take-away summary (--summary) */
	UI_SAVE_SUMMARY_DIR,	/* a summary in the folder an operator chose (--summary-dir), on the person's key */
	UI_SAVE_PRINT,		/* a summary printed on the queue an operator named (--print), on the person's key */
};

/*
 * Load the wizard in file and bind its catalogues (i18n_bind_wizard): the wizard, and in *dir the folder of
 * its catalogues; NULL when it does not load or its domain is another wizard's, the reasons in d.
 */
struct wizard *ui_load(const char *file, struct diags *d, const char **dir);

/*
 * Save what of e's walk through w the options ask for, and say so in msg (of size bytes): where it went, or
 * why not.  False when it could not be saved; nothing happens (true, msg empty) when the option is unset.
 * The stop signals should be held back while it writes.
 */
bool ui_save(enum ui_save what, const struct ui_options *o, const struct wizard *w, struct engine *e, char *msg,
	     size_t size);

/* A wizard loaded, and the file it came from. */
struct ui_wizard {
	const char *path;
	struct wizard *w;
};

/*
 * Load the wizards of files (ui_load) into *list (malloc'd, *n of them), calling loaded (when not NULL)
 * with each and the folder of its catalogues; a menu is shown in the language of the first, unless one was
 * chosen.  The diagnostics of those that do not load go into d.  False, d printed and freed and nothing
 * kept, when none loads and there is no menu to show instead.
 */
bool ui_load_all(char **files, size_t nfiles, bool menu, struct ui_wizard **list, size_t *n, struct diags *d,
		 void (*loaded)(const struct wizard *w, const char *dir));
/* Free the n wizards of list and list, and d, printed first (sorted) when print is set. */
void ui_load_done(struct ui_wizard *list, size_t n, struct diags *d, bool print);

/*
 * Before a screen starts: a wizard that cannot be shown in the language chosen says so on stderr, and is
 * shown in its own language, text by text where a catalogue lacks one.  dir: its catalogues, or NULL.
 */
void ui_lang_warn(const struct wizard *w, const char *dir);
/*
 * The languages w (loaded from file) can be shown in, its own first, into *langs (ui_langs_free); when
 * nobody chose a language and keep is false, switch to the wizard's own.  How many.
 */
size_t ui_langs(const struct wizard *w, const char *file, bool keep, char ***langs);
/* Which of the n languages of langs is the one shown ("da" for "da_DK"); 0 when none is. */
int ui_lang_index(char *const *langs, size_t n);
/* Free the n languages of langs, and langs. */
void ui_langs_free(char **langs, size_t n);

/* The exit status of a walk: finished, stopped before an end, or an output file that failed. */
int ui_status(bool finished, bool failed);
/*
 * After a walk, finished or stopped (before its end, leaving trin), with or without a menu to go back to:
 * the exit status so far into *status (ui_status); whether the menu is shown again.
 */
bool ui_walked(bool menu, bool finished, bool stopped, bool failed, int *status);
/* The menu of the n wizards of list, "Choose a guide", the cursor at sel, with the actions given. */
struct page *ui_menu_page(const struct ui_wizard *list, size_t n, int sel, unsigned actions, bool kiosk);

#endif
