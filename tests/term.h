/*
 * term: trin in a pseudo-terminal, seen through libvterm, for the tests that drive the real program
 * (test-screen, test-monkey).  Keys go in through libvterm's keyboard, so cursor-key modes are right;
 * what libvterm makes of trin's output is read back as screen text and attributes.  Every wait is for
 * text to appear, with a deadline; nothing sleeps.
 *
 * Strings from term_screen are valid until its next call.
 */
#ifndef TRIN_TERM_H
#define TRIN_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <vterm.h>

struct term {
	int fd;
	pid_t pid;
	VTerm *vt;
	VTermScreen *screen;
	int rows, cols;
	size_t bytes;		/* read from trin so far */
	int status;		/* exit status once it ended, else -1 */
	char last[256];		/* the last bytes read from trin, for a failure's report */
	bool altscreen;		/* the alternate screen is shown */
	bool cursor_hidden;
};

/* The trin binary to run, and the folder it runs in; before the first term_start. */
void term_setup(const char *trin, const char *root);
/* Change the environment of the next term_start calls: "NAME=VALUE" sets, "NAME" unsets; NULL for none. */
void term_environ(const char *const *env);
/*
 * An environment for term_environ that preloads the library hook (tests/hook.c) into trin, with up to three
 * more entries (NULL for none); valid until the next call.
 */
const char *const *term_hook_env(const char *hook, const char *a, const char *b, const char *c);

/* Milliseconds on a monotonic clock. */
long term_now_ms(void);
/* How long a wait may last: 5 s, or TERM_DEADLINE_MS from the environment (slow runs: valgrind). */
long term_deadline_ms(void);
/* Start trin with args in a rows x cols terminal. */
void term_start(struct term *t, int rows, int cols, const char *const *args);
/* Read what trin wrote, waiting at most ms for the first byte. */
void term_pump(struct term *t, int ms);
/* Send what libvterm's keyboard produced to trin. */
void term_flush(struct term *t);
/* Press a key, or Ctrl and a character. */
void term_key(struct term *t, VTermKey k);
void term_ctrl(struct term *t, char c);
/*
 * Write bytes to trin as they are (invalid UTF-8, escape sequences, a paste), reading its output meanwhile
 * so that neither side blocks; stops early when trin has ended or has read nothing for the deadline.
 */
void term_write(struct term *t, const char *s, size_t n);
/* Type UTF-8 text as keys. */
void term_type(struct term *t, const char *s);
/* Row r of the screen as UTF-8, trailing spaces removed. */
void term_row(struct term *t, int r, char *out, size_t size);
/* The whole screen, rows joined by '\n'. */
const char *term_screen(struct term *t);
/* Print the screen, for a failure. */
void term_dump(struct term *t);
/* Wait until the screen shows needle; false (and the screen printed) at the deadline. */
bool term_wait(struct term *t, const char *needle);
/* Wait until the screen no longer shows needle. */
bool term_wait_gone(struct term *t, const char *needle);
/* Read until trin has been quiet for ms: everything one key caused. */
void term_settle(struct term *t, int ms);
/* Resize the terminal, as a window manager would: trin gets SIGWINCH. */
void term_resize(struct term *t, int rows, int cols);
/* The exit status of trin if it has ended (its last output read), else -1; does not wait. */
int term_ended(struct term *t);
/* The exit status of trin once it ended (reading its last output), or -1 at the deadline. */
int term_finish(struct term *t);
/* Kill trin if it still runs, and free the terminal. */
void term_close(struct term *t);
/* Whether the cell at row r, column c is underlined and bold (how glossary terms are marked). */
bool term_marked(struct term *t, int r, int c);
/* The row and column where needle starts on the screen, or false. */
bool term_find(struct term *t, const char *needle, int *row, int *col);
/*
 * Whether the terminal is as trin found it: the main screen, the cursor shown, echo and line editing
 * on, and the keys that send signals working; else false, with what is not, printed.
 */
bool term_restored(struct term *t);

#endif
