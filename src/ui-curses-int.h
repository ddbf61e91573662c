/*
 * ui-curses-int: what the files of the full screen share (ui-curses.c, ui-curses-term.c, ui-curses-keys.c,
 * ui-curses-loop.c); nothing else includes it.  With them, the only header that includes curses.h.
 */
#ifndef TRIN_UI_CURSES_INT_H
#define TRIN_UI_CURSES_INT_H

#include "ui-curses.h"

#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <wchar.h>

#include "compat.h"
#include "diag.h"
#include "engine.h"
#include "pick.h"
#include "glossary.h"
#include "kind.h"
#include "keys.h"
#include "kiosk.h"
#include "limit.h"
#include "model.h"
#include "page.h"
#include "watch.h"

#define UI_TICK_MS 200
#define UI_WATCH_STILL_MS 100	/* --watch: a changed file is read once it has been still this long */

enum ui_outcome { UI_FINISHED, UI_QUIT_ASKED, UI_STOPPED, UI_TIMED_OUT };

struct ui {
	const struct wizard *w;
	struct engine *e;
	const struct ui_options *opts;
	int rows, cols;
	/* the step being shown, and the state of its field */
	int step;
	size_t position;
	struct pick pick;	/* the cursor, ticks, review rows and text field (pick.h) */
	/* the frame */
	struct page *page;	/* what it shows (page.h), laid out */
	int scroll, height;
	bool follow;		/* keep the focus row in view */
	enum page_kind overlay;	/* over the step (PAGE_KIND_STEP: none) */
	const char *note;	/* a message of the frontend's own, shown until the next key */
	bool output_done;	/* the result was written (or failed) for this end */
	bool output_failed;
	char output_message[512];
	struct glossary_terms gl;	/* for marking */
	struct kiosk_clock clock;	/* kiosk: when the last key came, when the idle warning ends (kiosk.h) */
	struct stats *stats;	/* kiosk: anonymous counts, or NULL */
	struct page_key foot[PAGE_FOOT_MAX];	/* the footer's keys, from the table of keys (page_footer) */
	size_t nfoot;
	unsigned actions;	/* the page_action bits the page offers, which the keys check (keys_action) */
	/* the languages the wizard can be shown in (its own first), for the picker */
	char **langs;
	size_t nlangs;
	int lang_sel;
	bool lang_picked;	/* the person chose a language here: keep it for the next wizard */
	/* --watch: the file, as it was when last loaded, and the wizard loaded from it (owned) */
	struct watch watch;	/* the file, or a NULL file when not watching (watch.h) */
	struct wizard *watch_w;
	struct diags watch_d;	/* why it did not load when the author stopped at its errors */
};

/* What the walk does after a key. */
enum ui_action { UI_STAY, UI_DONE, UI_QUIT, UI_RESET };

/*
 * The theme: what the roles below look like.  Markers ("> ", "(*)", "[x]", "! ") carry the meaning in
 * every theme; colour only adds to them, and never appears under NO_COLOR or the monochrome theme.
 */
extern attr_t ui_attr_error, ui_attr_selected, ui_attr_guide, ui_attr_text;

/* A stop signal (SIGTERM, SIGINT, SIGHUP) came while a key was awaited: the loops end the session. */
extern volatile sig_atomic_t ui_stop_signal;

/* Terminal and signals (ui-curses-term.c) */

/* Milliseconds on a clock that only goes forward. */
long ui_now_ms(void);
/* Leave the terminal as it was found, from a signal handler too. */
void ui_restore_terminal(void);
/* Hold the stop signals back (true) while a file is written, and let them through again (false). */
void ui_hold_signals(bool hold);
/* Read a key, by its name in keys.h: the one place a stop signal waits for the loop.  False once one came. */
bool ui_read_key(uint32_t *key);
/* Take the terminal; false, after saying why on stderr, when it cannot be used. */
bool ui_start(enum ui_theme theme);
/* Give the terminal back as it was found. */
void ui_end(void);
/* A kiosk's terminal before the screen starts: the kiosk's signals taken, and no key sends one. */
void ui_kiosk_keyboard(void);

/* Layout and drawing (ui-curses.c) */

/* Show p (owned from now on), laid out at the width of the screen if it is not yet, in place of the page before. */
void ui_show(struct ui *u, struct page *p);
/* Wipe and forget the page shown: it may hold answers. */
void ui_reset_frame(struct ui *u);
/* The glossary terms of u->w in the language shown, for marking them; ui_terms_free frees them. */
void ui_terms_init(struct ui *u);
void ui_terms_free(struct ui *u);
/* The width of the column the body is laid out in. */
int ui_width(const struct ui *u);
/* Draw the frame: the top line, the body scrolled to keep the focus in view, the message and the footer. */
void ui_draw(struct ui *u, const char *top, const char *progress, const char *message);
/* Show the page of the current step, or of the overlay over it. */
void ui_layout(struct ui *u, const struct engine_view *v);

/* Keys and the step's state (ui-curses-keys.c) */

/* A new step is shown: its field starts from the remembered answer, if any. */
void ui_enter(struct ui *u, const struct engine_view *v);
/* PgUp, PgDn and, where asked, the arrows scroll the body by hand (keys_scroll); false for other keys. */
bool ui_scroll_key(struct ui *u, uint32_t key, bool arrows);
/* Read a key, and every key already waiting behind it that stays on the same screen; what the walk does. */
enum ui_action ui_keys(struct ui *u, const struct engine_view *v);

/* The loops (ui-curses-loop.c) */

/* The key on the end screen that saves a summary into the folder the operator configured. */
void ui_save_summary(struct ui *u);
/* Free what the screen holds, the text field and the frame wiped first. */
void ui_free(struct ui *u);

#endif
