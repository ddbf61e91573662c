/*
 * ui-curses-int: what the files of the full screen share (ui-curses.c, ui-curses-term.c, ui-curses-loop.c);
 * nothing else includes it.  With them, the only header that includes curses.h.  The state they draw and
 * change is a struct screen (screen.h).
 */
#ifndef TRIN_UI_CURSES_INT_H
#define TRIN_UI_CURSES_INT_H

#include "ui-curses.h"

#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <wchar.h>

#include "compat.h"
#include "diag.h"
#include "engine.h"
#include "keys.h"
#include "kind.h"
#include "kiosk.h"
#include "limit.h"
#include "model.h"
#include "page.h"
#include "screen.h"
#include "watch.h"

#define UI_TICK_MS 200
#define UI_WATCH_STILL_MS 100	/* --watch: a changed file is read once it has been still this long */

enum ui_outcome { UI_FINISHED, UI_QUIT_ASKED, UI_STOPPED, UI_TIMED_OUT, UI_CHANGED /* kiosk: before a key */ };

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
/*
 * The n bytes of s (at most 8 KiB of them; NULL: none) to be written on stderr if a stop signal ends trin
 * at once, while it is busy: the operator's log a kiosk holds for its end.
 */
void ui_exit_note(const char *s, size_t n);
/* Whether the terminal takes lines as drawn, with no bidi of its own (on while right to left is shown). */
void ui_explicit_bidi(bool on);
/* A kiosk's terminal before the screen starts: the kiosk's signals taken, and no key sends one. */
void ui_kiosk_keyboard(void);

/* Drawing (ui-curses.c) */

/* Draw the frame: the top line, the body scrolled to keep the focus in view, the message and the footer. */
void ui_draw(struct screen *u, const char *top, const char *progress, const char *message);

#endif
