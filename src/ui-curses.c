/*
 * ui-curses: the full-screen frontend.  See ui-curses.h.
 *
 * Each frame is drawn whole into curses' virtual screen and refreshed; curses sends the terminal only the
 * cells that changed, so a key costs a few bytes, and the screen is never cleared per key.  The body
 * (heading, text, field) is a list of rows laid out by text.c and scrolled so the focus stays visible.
 *
 * Keys are read with a timeout, so a resize or a signal that arrives just before the read is not lost.
 * SIGTERM, SIGINT and SIGHUP end the session cleanly from the loop when it waits for a key; one that comes
 * while trin is busy (or a second one) restores the terminal from the handler and ends it at once, with
 * the same status.  Every other signal whose default ends the process restores the terminal from its
 * handler, on a stack of its own (a stack overflow included), with saved termios and terminfo strings,
 * then dies as it would have.  Nothing is written to the terminal but through curses while it is drawn.
 *
 * Invariant: this is the only file that includes curses.h; the engine knows nothing of it.
 */
#include "ui-curses.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <unigbrk.h>
#include <unistr.h>
#include <wchar.h>

#include "diag.h"
#include "engine.h"
#include "glossary.h"
#include "i18n.h"
#include "model.h"
#include "result.h"
#include "stats.h"
#include "status.h"
#include "summary.h"
#include "text.h"
#include "util.h"

#define UI_MIN_COLS 40
#define UI_MIN_ROWS 12
#define UI_MAX_WIDTH 72		/* a readable column */
#define UI_MAX_INPUT 10000	/* bytes in a text field: a huge paste stops here, with a message */
#define UI_TICK_MS 200
#define UI_WATCH_STILL_MS 100	/* --watch: a changed file is read once it has been still this long */
#define UI_CTRL(c) ((c) & 0x1f)

enum ui_overlay { UI_NONE, UI_HELP, UI_GLOSSARY, UI_CONFIRM_QUIT, UI_LANGUAGE, UI_IDLE };
enum ui_outcome { UI_FINISHED, UI_QUIT_ASKED, UI_STOPPED, UI_TIMED_OUT };

/* One row of the body: a byte range of a string, how to draw it, and whether it is the focus. */
struct ui_row {
	const char *s;
	size_t len;
	int indent;
	attr_t attr;
	bool focus;
	bool terms;	/* mark glossary terms in it */
	bool field;	/* the text field: drawn from the buffer, with the cursor */
};

/* A key and what it does, for the footer. */
struct ui_key {
	const char *key, *action;
};

struct ui {
	const struct wizard *w;
	struct engine *e;
	const struct ui_options *opts;
	int rows, cols;
	/* the step being shown, and the state of its field */
	int step;
	size_t position;
	int sel;		/* list cursor */
	bool *ticks;		/* multi */
	int *review;		/* review: the step index of each row; -1 for "continue" */
	size_t nreview;
	char *buf;		/* text field, UTF-8 */
	char **drafts;		/* per step: what was typed and not given when the person went back (Esc) */
	size_t len, cur, hscroll;
	/* the frame */
	struct ui_row *body;
	size_t nbody, capbody;
	char **owned;		/* strings made for this frame */
	size_t nowned, capowned;
	int scroll, height;
	bool follow;		/* keep the focus row in view */
	enum ui_overlay overlay;
	const char *note;	/* a message of the frontend's own, shown until the next key */
	bool output_done;	/* the result was written (or failed) for this end */
	bool output_failed;
	char output_message[512];
	struct glossary_terms gl;	/* for marking */
	long last_key_ms;	/* kiosk: when the last key came */
	long reset_at_ms;	/* kiosk: when the idle warning ends in a reset */
	struct stats *stats;	/* kiosk: anonymous counts, or NULL */
	bool *terms_seen;	/* which of them this screen shows */
	struct ui_key foot[12];
	size_t nfoot;
	/* the languages the wizard can be shown in (its own first), for the picker */
	char **langs;
	size_t nlangs;
	int lang_sel;
	bool lang_picked;	/* the person chose a language here: keep it for the next wizard */
	/* --watch: the file, as it was when last loaded, and the wizard loaded from it (owned) */
	const char *watch;
	struct stat watch_st;
	long watch_since_ms;	/* when it was seen to change, or 0 */
	struct wizard *watch_w;
	struct diags watch_d;	/* why it did not load when the author stopped at its errors */
};

/*
 * The theme: what the roles below look like.  Markers ("> ", "(*)", "[x]", "! ") carry the meaning in
 * every theme; colour only adds to them, and never appears under NO_COLOR or the monochrome theme.
 */
static attr_t ui_attr_error = A_BOLD, ui_attr_selected = A_REVERSE, ui_attr_guide = A_DIM, ui_attr_text;

static volatile sig_atomic_t ui_stop_signal;
static volatile sig_atomic_t ui_waiting;	/* at the wait point, reading a key: a stop signal only sets the flag */
static volatile sig_atomic_t ui_stop_status = EXIT_INCOMPLETE;	/* the exit status when a stop signal ends trin at once */
static volatile sig_atomic_t ui_taken;	/* the terminal's modes were changed: ui_saved_termios restores them */
static volatile sig_atomic_t ui_drawn;	/* curses has the screen: ui_restore leaves it */
static bool ui_termios_saved, ui_signals_taken;
static struct termios ui_saved_termios;
static char ui_restore[256];	/* terminfo strings that leave the screen as we found it */
static size_t ui_restore_len;
static char ui_altstack[64 * 1024];	/* for the fatal handler, when the stack overflowed */

/* Milliseconds on a clock that only goes forward. */
static long ui_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The terminal went away (kiosk): end at once, writing nothing anywhere. */
static void ui_on_hangup(int sig)
{
	_exit(EXIT_SIGNAL + sig);
}

/* Leave the terminal as it was found, from a signal handler too: async-signal-safe calls only. */
static void ui_restore_terminal(void)
{
	if (ui_drawn && ui_restore_len)
		(void)!write(STDOUT_FILENO, ui_restore, ui_restore_len);
	if (ui_taken)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &ui_saved_termios);
	ui_drawn = ui_taken = 0;
}

/* SIGTERM, SIGINT, SIGHUP: the loop ends the session when it waits for a key; busy, or asked twice, at once. */
static void ui_on_stop(int sig)
{
	if (ui_waiting && !ui_stop_signal) {
		ui_stop_signal = sig;
		return;
	}
	ui_restore_terminal();
	_exit(ui_stop_status);
}

static void ui_on_fatal(int sig)
{
	ui_restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * Take the signals, once, before the terminal is changed: see the top of this file.  A kiosk ignores
 * what the keyboard can send (SIGINT, SIGQUIT, SIGTSTP) and job control, ends at once without a word on
 * SIGHUP, and with status 0 on SIGTERM.  A signal that was ignored when trin started stays ignored.
 */
static void ui_signals(bool kiosk)
{
	static const int fatal[] = {
		SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM,
		SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS,
#ifdef SIGSTKFLT
		SIGSTKFLT,
#endif
#ifdef SIGPWR
		SIGPWR,
#endif
#ifdef SIGIO
		SIGIO,
#endif
#ifdef SIGEMT
		SIGEMT,
#endif
	};
	if (ui_signals_taken)
		return;
	ui_signals_taken = true;
	ui_stop_status = kiosk ? EXIT_OK : EXIT_INCOMPLETE;
	stack_t ss = { .ss_sp = ui_altstack, .ss_size = sizeof ui_altstack };
	sigaltstack(&ss, NULL);
	struct sigaction sa = { 0 }, old;
	sigfillset(&sa.sa_mask);
	sa.sa_handler = ui_on_fatal;
	sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		if (sigaction(fatal[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(fatal[i], &sa, NULL);
	for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		if (sigaction(sig, NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sig, &sa, NULL);
	sa.sa_flags = SA_ONSTACK;
	sa.sa_handler = ui_on_stop;
	sigaction(SIGTERM, &sa, NULL);
	if (!kiosk) {
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGHUP, &sa, NULL);
		return;
	}
	sa.sa_handler = ui_on_hangup;
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGTSTP, &sa, NULL);
	sigaction(SIGTTIN, &sa, NULL);
	sigaction(SIGTTOU, &sa, NULL);
}

/* Hold the stop signals back while a file is written, so none ends trin with it half written. */
static void ui_hold_signals(bool hold)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/*
 * Read a key: the one place a stop signal waits for the loop (ui_on_stop).  ERR once one came.  A read that
 * fails at once, again and again instead of waiting for the tick, means the terminal is gone (hung up, or
 * trin was left in the background): that is SIGHUP, rather than a loop that spins.
 */
static int ui_get_wch(wint_t *wc)
{
	static int fast;
	if (ui_stop_signal)
		return ERR;
	long t0 = ui_now_ms();
	ui_waiting = 1;
	int r = get_wch(wc);
	ui_waiting = 0;
	fast = r == ERR && !is_nodelay(stdscr) && ui_now_ms() - t0 < UI_TICK_MS / 4 ? fast + 1 : 0;
	if (fast >= 100)
		raise(SIGHUP);
	return ui_stop_signal ? ERR : r;
}

static void ui_save_cap(const char *name)
{
	char *s = tigetstr(name);
	if (!s || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (ui_restore_len + n < sizeof ui_restore) {
		memcpy(ui_restore + ui_restore_len, s, n);
		ui_restore_len += n;
	}
}

/* Colours for the theme, when the terminal has them and NO_COLOR does not ask for none. */
static void ui_theme_init(enum ui_theme theme)
{
	const char *no_color = getenv("NO_COLOR");
	bool colour = theme != UI_THEME_MONO && !(no_color && *no_color) && has_colors() && start_color() == OK;
	ui_attr_error = A_BOLD;
	ui_attr_selected = A_REVERSE;
	ui_attr_guide = A_DIM;
	ui_attr_text = 0;
	if (theme == UI_THEME_CONTRAST) {
		ui_attr_selected = A_REVERSE | A_BOLD;
		ui_attr_guide = A_BOLD;
		ui_attr_text = A_BOLD;
	}
	if (!colour)
		return;
	if (theme == UI_THEME_CONTRAST) {
		init_pair(1, COLOR_WHITE, COLOR_BLACK);
		init_pair(2, COLOR_YELLOW, COLOR_BLACK);
		bkgd(COLOR_PAIR(1) | ' ');
		ui_attr_error |= COLOR_PAIR(2);
		ui_attr_guide |= COLOR_PAIR(2);
	} else {
		use_default_colors();
		init_pair(1, COLOR_RED, -1);
		init_pair(2, COLOR_BLUE, -1);
		ui_attr_error |= COLOR_PAIR(1);
		ui_attr_guide = COLOR_PAIR(2);
	}
}

/* Take the terminal; false, after saying why on stderr, when it cannot be used. */
static bool ui_start(enum ui_theme theme)
{
	if (!ui_termios_saved)
		tcgetattr(STDIN_FILENO, &ui_saved_termios);
	ui_termios_saved = true;
	if (!ui_curses_usable() || !newterm(NULL, stdout, stdin)) {	/* newterm would leak on an unknown TERM */
		const char *term = getenv("TERM");
		fprintf(stderr, _("trin: cannot use this terminal (TERM=%s) for the full screen\n"), term ? term : "");
		return false;
	}
	ui_signals(false);	/* after newterm, which takes SIGINT and SIGTERM for itself when nobody has */
	ui_taken = 1;
	ui_theme_init(theme);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(UI_TICK_MS);
	curs_set(0);
	ui_restore_len = 0;
	ui_save_cap("sgr0");
	ui_save_cap("cnorm");
	ui_save_cap("rmkx");
	ui_save_cap("rmcup");
	ui_drawn = 1;
	return true;
}

static void ui_end(void)
{
	curs_set(1);
	endwin();
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &ui_saved_termios);
	ui_drawn = ui_taken = 0;
}

/* Strings */

/* Keep s alive until the frame is drawn. */
static const char *ui_keep(struct ui *u, char *s)
{
	util_grow((void **)&u->owned, &u->capowned, u->nowned + 1, sizeof *u->owned);
	u->owned[u->nowned++] = s;
	return s;
}

/* A wizard text as the person reads it: translated, answers filled in, cleaned for the screen. */
static const char *ui_text(struct ui *u, const struct text *t)
{
	const char *r = engine_show_text(u->e, t, NULL);
	return r ? ui_keep(u, text_clean(r)) : NULL;
}

/*
 * A wizard text in the helper's language (--second-lang), to show beneath the person's; NULL when there
 * is none or it reads the same.
 */
static const char *ui_text_second(struct ui *u, const struct text *t, const char *shown)
{
	const char *r = u->opts->second_lang ? engine_show_text(u->e, t, u->opts->second_lang) : NULL;
	r = r ? ui_keep(u, text_clean(r)) : NULL;
	return r && shown && strcmp(r, shown) == 0 ? NULL : r;
}

/* Rows */

static void ui_row(struct ui *u, const char *s, size_t len, int indent, attr_t attr, bool focus, bool terms)
{
	util_grow((void **)&u->body, &u->capbody, u->nbody + 1, sizeof *u->body);
	u->body[u->nbody++] = (struct ui_row){ s, len, indent, attr, focus, terms, false };
}

static void ui_blank(struct ui *u)
{
	if (u->nbody && u->body[u->nbody - 1].len)
		ui_row(u, "", 0, 0, 0, false, false);
}

/* Wrapped paragraph rows; the first may carry a prefix such as "> (*) 1. ". */
static void ui_para(struct ui *u, const char *s, int width, int indent, attr_t attr, bool focus, bool terms)
{
	if (!s)
		return;
	struct text_line *lines;
	size_t n = text_wrap(s, width - indent, &lines);
	for (size_t i = 0; i < n; i++)
		ui_row(u, s + lines[i].start, lines[i].len, indent, attr, focus, terms);
	free(lines);
}

/* A list item: a marker and the label, wrapped with a hanging indent. */
static void ui_item(struct ui *u, int width, bool cursor, const char *mark, int number, const char *label)
{
	size_t n = strlen(label) + 32;
	char *line = xmalloc(n);
	const char *gap = *mark ? " " : "";
	if (number > 0)
		snprintf(line, n, "%s %s%s%d. %s", cursor ? ">" : " ", mark, gap, number, label);
	else
		snprintf(line, n, "%s %s%s%s", cursor ? ">" : " ", mark, gap, label);
	ui_keep(u, line);
	int hang = text_width(line, strlen(line) - strlen(label));
	struct text_line *lines;
	size_t nl = text_wrap(label, width - hang, &lines);
	ui_row(u, line, strlen(line) - strlen(label) + lines[0].len, 0, cursor ? ui_attr_selected : ui_attr_text, cursor,
	       true);
	for (size_t i = 1; i < nl; i++)
		ui_row(u, label + lines[i].start, lines[i].len, hang, cursor ? ui_attr_selected : ui_attr_text, cursor,
		       true);
	free(lines);
}

static void ui_reset_frame(struct ui *u)
{
	for (size_t i = 0; i < u->nowned; i++)	/* texts with answers in them: wiped, not just dropped */
		xfree_wiped(u->owned[i]);
	u->nowned = 0;
	u->nbody = 0;
	u->nfoot = 0;
}

static void ui_foot(struct ui *u, const char *key, const char *action)
{
	if (u->nfoot < ARRAY_LEN(u->foot))
		u->foot[u->nfoot++] = (struct ui_key){ key, action };
}

/* Glossary terms (glossary.h), in the language shown */

static void ui_terms_init(struct ui *u)
{
	glossary_terms_init(&u->gl, u->w, engine_tr, (void *)u->w);
	u->terms_seen = xcalloc(u->gl.n ? u->gl.n : 1, sizeof *u->terms_seen);
}

static void ui_terms_free(struct ui *u)
{
	glossary_terms_free(&u->gl);
	free(u->terms_seen);
	u->terms_seen = NULL;
}

/* Mark, in mark[0..n), the bytes of a row that are part of a glossary term, and note the terms seen. */
static void ui_terms_mark(struct ui *u, const char *s, size_t n, bool *mark)
{
	glossary_terms_find(&u->gl, s, n, mark, u->terms_seen);
}

/* Drawing */

static int ui_width(const struct ui *u)
{
	int w = u->cols - 2;
	return w > UI_MAX_WIDTH ? UI_MAX_WIDTH : w;
}

static void ui_put(int y, int x, const char *s, size_t n, attr_t attr)
{
	if (!n)
		return;
	attron(attr);
	mvaddnstr(y, x, s, (int)n);
	attroff(attr);
}

/* Draw a row at y, x; glossary terms underlined and bold. */
static void ui_draw_row(struct ui *u, const struct ui_row *r0, int y, int x)
{
	struct ui_row row = *r0;
	const struct ui_row *r = &row;
	row.attr |= ui_attr_text;
	if (!r->terms || !u->w || !u->w->nglossary) {
		ui_put(y, x + r->indent, r->s, r->len, r->attr);
		return;
	}
	bool *mark = xcalloc(r->len + 1, sizeof *mark);
	ui_terms_mark(u, r->s, r->len, mark);
	int cx = x + r->indent;
	for (size_t i = 0; i < r->len;) {
		size_t j = i + 1;
		while (j < r->len && mark[j] == mark[i])
			j++;
		ui_put(y, cx, r->s + i, j - i, r->attr | (mark[i] ? A_UNDERLINE | A_BOLD : 0));
		cx += text_width(r->s + i, j - i);
		i = j;
	}
	free(mark);
}

/*
 * The text field on row y: the part of the buffer around the cursor, and where the cursor goes.  Grapheme
 * boundaries are found once per draw, so a field holding a long paste costs one pass, not one per cell.
 */
static int ui_draw_field(struct ui *u, int y, int x, int width)
{
	int inner = width - 4;
	if (inner < 4)
		inner = 4;
	char *brk = xcalloc(u->len + 1, 1);
	u8_grapheme_breaks((const uint8_t *)u->buf, u->len, brk);
	brk[u->len] = 1;
	/* the leftmost start that still shows the cursor */
	size_t start = u->cur;
	int w = 0;
	while (start > 0) {
		size_t prev = start - 1;
		while (prev > 0 && !brk[prev])
			prev--;
		int gw = text_width(u->buf + prev, start - prev);
		if (w + gw >= inner)
			break;
		w += gw;
		start = prev;
	}
	if (u->hscroll < start || u->hscroll > u->cur)
		u->hscroll = start;
	size_t end = u->hscroll;
	int used = 0;
	while (end < u->len) {
		size_t next = end + 1;
		while (next < u->len && !brk[next])
			next++;
		int gw = text_width(u->buf + end, next - end);
		if (used + gw > inner)
			break;
		used += gw;
		end = next;
	}
	free(brk);
	mvaddstr(y, x, "[ ");
	ui_put(y, x + 2, u->buf + u->hscroll, end - u->hscroll, A_UNDERLINE);
	attron(A_UNDERLINE);
	for (int i = used; i < inner; i++)
		mvaddch(y, x + 2 + i, ' ');
	attroff(A_UNDERLINE);
	mvaddstr(y, x + 2 + inner, " ]");
	return x + 2 + text_width(u->buf + u->hscroll, u->cur - u->hscroll);
}

#define UI_FOOT_LINES 3

/* The footer's keys, wrapped to at most UI_FOOT_LINES lines; returns how many lines it needs. */
static int ui_footer_lines(const struct ui *u, int width, char lines[UI_FOOT_LINES][512])
{
	int n = 0, w = 0;
	for (int i = 0; i < UI_FOOT_LINES; i++)
		lines[i][0] = '\0';
	for (size_t i = 0; i < u->nfoot; i++) {
		char item[160];
		snprintf(item, sizeof item, "%s %s", u->foot[i].key, u->foot[i].action);
		int iw = text_width(item, strlen(item));
		if (w && w + 3 + iw > width) {
			if (n + 1 == UI_FOOT_LINES)
				break;
			n++;
			w = 0;
		}
		if (w) {
			strncat(lines[n], "   ", sizeof lines[n] - strlen(lines[n]) - 1);
			w += 3;
		}
		strncat(lines[n], item, sizeof lines[n] - strlen(lines[n]) - 1);
		w += iw;
	}
	return n + 1;
}

/*
 * The footer's lines, with PgUp/PgDn among the keys when the body is taller than the screen, and the
 * height left for the body: what the screen shows of a step, shared by drawing and by ui_curses_fit.
 */
static int ui_frame(struct ui *u, int width, int msg_rows, char foot[UI_FOOT_LINES][512], int *nfoot)
{
	if ((int)u->nbody > u->rows - 7)
		ui_foot(u, _("PgUp/PgDn"), _("Scroll"));
	*nfoot = ui_footer_lines(u, width, foot);
	return u->rows - *nfoot - 1 - msg_rows - 2;
}

/*
 * Draw the frame: a top line (left and right), the body rows scrolled to keep the focus in view, the
 * message in words, and the footer.
 */
static void ui_draw(struct ui *u, const char *top, const char *progress, const char *message)
{
	getmaxyx(stdscr, u->rows, u->cols);
	erase();
	if (u->rows < UI_MIN_ROWS || u->cols < UI_MIN_COLS) {
		char msg[256];
		snprintf(msg, sizeof msg, _("Please make the window larger: at least %d columns and %d lines."),
			 UI_MIN_COLS, UI_MIN_ROWS);
		struct text_line *lines;
		size_t n = text_wrap(msg, u->cols > 2 ? u->cols - 2 : 1, &lines);
		for (size_t i = 0; i < n && (int)i < u->rows; i++)
			ui_put((int)i, 1 < u->cols ? 1 : 0, msg + lines[i].start, lines[i].len, A_BOLD);
		free(lines);
		curs_set(0);
		refresh();
		return;
	}
	int width = ui_width(u), x = (u->cols - width) / 2;
	/* top: the wizard's title and the progress, then a rule */
	int pw = progress ? text_width(progress, strlen(progress)) : 0;
	if (top) {
		struct text_line *lines;
		text_wrap(top, width - pw - 2 > 8 ? width - pw - 2 : 8, &lines);
		ui_put(0, x, top + lines[0].start, lines[0].len, A_BOLD);
		free(lines);
	}
	if (progress)
		mvaddstr(0, x + width - pw, progress);
	mvhline(1, x, ACS_HLINE, width);
	/* bottom: the footer, a rule, the message in words */
	char *m = NULL;
	struct text_line *mlines = NULL;
	int msg_rows = 1;
	if (message) {
		m = xmalloc(strlen(message) + 3);
		sprintf(m, "! %s", message);
		size_t n = text_wrap(m, width, &mlines);
		msg_rows = n > 3 ? 3 : (int)n;
	}
	char foot[UI_FOOT_LINES][512];
	int nfoot;
	int top_row = 2, height = ui_frame(u, width, msg_rows, foot, &nfoot);
	u->height = height;
	for (int i = 0; i < nfoot; i++)
		mvaddstr(u->rows - nfoot + i, x, foot[i]);
	mvhline(u->rows - nfoot - 1, x, ACS_HLINE, width);
	for (int i = 0; m && i < msg_rows; i++)
		ui_put(u->rows - nfoot - 1 - msg_rows + i, x + (i ? 2 : 0), m + mlines[i].start, mlines[i].len,
		       ui_attr_error);
	free(mlines);
	free(m);
	int nbody = (int)u->nbody, first = -1, last = -1;
	for (int i = 0; i < nbody; i++) {
		if (u->body[i].focus) {
			if (first < 0)
				first = i;
			last = i;
		}
	}
	if (u->follow && first >= 0) {
		if (last - u->scroll >= height)
			u->scroll = last - height + 1;
		if (first < u->scroll)
			u->scroll = first;
	}
	if (u->scroll > nbody - height)
		u->scroll = nbody - height;
	if (u->scroll < 0)
		u->scroll = 0;
	int cursor_y = -1, cursor_x = -1;
	for (int i = 0; i < height && u->scroll + i < nbody; i++) {
		const struct ui_row *r = &u->body[u->scroll + i];
		if (r->field) {
			cursor_x = ui_draw_field(u, top_row + i, x + r->indent, width - r->indent);
			cursor_y = top_row + i;
		} else {
			ui_draw_row(u, r, top_row + i, x);
		}
	}
	if (u->scroll > 0)
		mvaddch(top_row, x + width - 1, ACS_UARROW);
	if (u->scroll + height < nbody)
		mvaddch(top_row + height - 1, x + width - 1, ACS_DARROW);
	if (cursor_y >= 0) {
		curs_set(1);
		move(cursor_y, cursor_x);
	} else {
		curs_set(0);
		move(u->rows - 1, 0);
	}
	refresh();
}

/* Steps */

static bool ui_is_list(enum step_type t)
{
	return t == STEP_CHOICE || t == STEP_MULTI || t == STEP_YESNO || t == STEP_REVIEW;
}

static bool ui_is_field(enum step_type t)
{
	return t == STEP_TEXT || t == STEP_NUMBER || t == STEP_DATE;
}

static void ui_set_buffer(struct ui *u, const char *s)
{
	size_t n = strlen(s);
	if (u->buf)
		explicit_bzero(u->buf, u->len);
	free(u->buf);
	u->buf = xmalloc(n + 1);
	memcpy(u->buf, s, n + 1);
	u->len = u->cur = n;
	u->hscroll = 0;
}

/* Wipe and forget the drafts of the wizard being walked. */
static void ui_drafts_free(struct ui *u)
{
	for (size_t i = 0; u->drafts && i < u->w->nsteps; i++)
		xfree_wiped(u->drafts[i]);
	free(u->drafts);
	u->drafts = NULL;
}

/* Keep what is typed in the field of step, to show again when the person comes back to it. */
static void ui_draft_keep(struct ui *u, int step)
{
	if (!u->drafts)
		u->drafts = xcalloc(u->w->nsteps, sizeof *u->drafts);
	xfree_wiped(u->drafts[step]);
	u->drafts[step] = xstrdup(u->buf);
}

/* A new step is shown: its field starts from the remembered answer, if any. */
static void ui_enter(struct ui *u, const struct engine_view *v)
{
	const struct step *s = v->step;
	u->step = v->index;
	u->position = v->position;
	u->sel = 0;
	u->scroll = 0;
	u->follow = true;
	u->overlay = UI_NONE;
	u->output_done = false;
	u->output_message[0] = '\0';
	stats_event(u->stats, u->w->id, s->type == STEP_END ? STATS_END : STATS_SHOWN, s->id);
	free(u->ticks);
	u->ticks = xcalloc(s->nchoices ? s->nchoices : 1, sizeof *u->ticks);
	ui_set_buffer(u, "");
	struct value p = v->prefill;
	switch (s->type) {
	case STEP_CHOICE: {
		int i = p.type == VAL_STR ? step_choice_index(s, p.u.s) : -1;
		if (i >= 0)
			u->sel = i;
		break;
	}
	case STEP_MULTI:
		for (size_t k = 0; p.type == VAL_LIST && k < p.u.list.n; k++) {
			int i = p.u.list.items[k].type == VAL_STR ? step_choice_index(s, p.u.list.items[k].u.s) : -1;
			if (i >= 0)
				u->ticks[i] = true;
		}
		break;
	case STEP_YESNO:
		u->sel = p.type == VAL_BOOL && !p.u.b ? 1 : 0;
		break;
	case STEP_TEXT:
	case STEP_NUMBER:
	case STEP_DATE:
		if (u->drafts && u->drafts[v->index]) {	/* typed before going back: as it was left */
			ui_set_buffer(u, u->drafts[v->index]);
			xfree_wiped(u->drafts[v->index]);
			u->drafts[v->index] = NULL;
		} else if (p.type != VAL_NULL) {
			ui_set_buffer(u, engine_value_text(u->e, s, p));
		}
		break;
	case STEP_REVIEW: {
		size_t n;
		const int *path = engine_path(u->e, &n);
		free(u->review);
		u->review = xmalloc((n + 1) * sizeof *u->review);
		u->nreview = 0;
		for (size_t i = 0; i + 1 < n; i++) {
			enum step_type t = u->w->steps[path[i]].type;
			if (step_takes_answer(t))
				u->review[u->nreview++] = path[i];
		}
		u->review[u->nreview++] = -1;	/* continue */
		u->sel = (int)u->nreview - 1;
		break;
	}
	default:
		break;
	}
}

static int ui_list_len(const struct ui *u, const struct step *s)
{
	switch (s->type) {
	case STEP_CHOICE:
	case STEP_MULTI:
		return (int)s->nchoices;
	case STEP_YESNO:
		return 2;
	case STEP_REVIEW:
		return (int)u->nreview;
	default:
		return 0;
	}
}

/* The answer of a step as the review shows it. */
static const char *ui_answer_text(struct ui *u, int step)
{
	char name[80];
	snprintf(name, sizeof name, "{%s}", u->w->steps[step].id);
	return ui_keep(u, text_clean(engine_format(u->e, name, engine_tr, (void *)u->w)));
}

/* Languages */

/*
 * Before the screen starts: a wizard that cannot be shown in the language chosen says so on stderr, and is
 * shown in its own language, text by text where a catalogue lacks one.
 */
static void ui_lang_warn(const struct wizard *w, const char *dir)
{
	const char *lang = i18n_language();
	if (!dir || !i18n_chosen() || !lang || strncmp(lang, w->language, strlen(w->language)) == 0)
		return;
	const char *why = NULL;
	char base[64];
	snprintf(base, sizeof base, "%.*s", (int)strcspn(lang, "_.@"), lang);
	int ok = i18n_catalogue(dir, w->domain, lang, &why);
	if (ok == 0)
		ok = i18n_catalogue(dir, w->domain, base, &why);
	if (ok == 0)
		text_printf(stderr, _("trin: %s has no translation to %s; its texts are shown as written\n"),
			    w->file, i18n_name(base));
	else if (ok < 0)
		text_printf(stderr, _("trin: %s: the %s catalogue of '%s' in %s is broken (%s); its texts are shown "
				      "as written\n"), w->file, i18n_name(base), w->domain, dir, why);
}

/* Whether lang ("da") is the language shown ("da", "da_DK"). */
static bool ui_lang_current(const char *lang)
{
	const char *cur = i18n_language();
	size_t len = strlen(lang);
	return cur && strncmp(cur, lang, len) == 0 && (!cur[len] || strchr("_.@", cur[len]));
}

static void ui_langs_free(struct ui *u)
{
	for (size_t i = 0; i < u->nlangs; i++)
		free(u->langs[i]);
	free(u->langs);
	u->langs = NULL;
	u->nlangs = 0;
}

/* The languages of the wizard about to be walked; when nobody chose one, show the wizard's own. */
static void ui_langs_init(struct ui *u, const char *file)
{
	ui_langs_free(u);
	const char *why;
	const char *dir = i18n_bind_wizard(file, u->w->domain, &why);	/* NULL: its own language only */
	u->nlangs = i18n_languages(dir, u->w->domain, u->w->language, &u->langs);
	if (!i18n_chosen() && !u->lang_picked)
		i18n_switch(u->w->language);
}

/* Show the whole screen in lang at once: the chrome, the wizard's texts, and the glossary marks. */
static void ui_lang_switch(struct ui *u, const char *lang)
{
	i18n_switch(lang);
	engine_set_lang(u->e, i18n_lang(lang));
	u->lang_picked = true;
	ui_terms_free(u);
	ui_terms_init(u);
}

/* A key in the language picker. */
static void ui_lang_key(struct ui *u, bool fn, wint_t wc)
{
	int n = (int)u->nlangs;
	if (fn && wc == KEY_UP && u->lang_sel > 0)
		u->lang_sel--;
	else if (fn && wc == KEY_DOWN && u->lang_sel + 1 < n)
		u->lang_sel++;
	else if ((!fn && wc >= '1' && wc <= '9' && (int)(wc - '1') < n) ||
		 (!fn && (wc == '\r' || wc == '\n')) || (fn && wc == KEY_ENTER)) {
		if (!fn && wc >= '1' && wc <= '9')
			u->lang_sel = (int)(wc - '1');
		ui_lang_switch(u, u->langs[u->lang_sel]);
		u->overlay = UI_NONE;
	} else if ((!fn && (wc == 0x1b || wc == UI_CTRL('l'))) || (fn && wc == KEY_F(2))) {
		u->overlay = UI_NONE;
	}
}

/* Lay out the body of the current step, or of the overlay over it, and its footer keys. */
static void ui_layout(struct ui *u, const struct engine_view *v)
{
	const struct step *s = v->step;
	int width = ui_width(u);
	ui_reset_frame(u);
	memset(u->terms_seen, 0, (u->w->nglossary ? u->w->nglossary : 1) * sizeof *u->terms_seen);
	if (u->overlay == UI_IDLE) {
		long left = (u->reset_at_ms - ui_now_ms() + 999) / 1000;
		char msg[256];
		snprintf(msg, sizeof msg, ngettext("In %ld second the answers are wiped and the guide starts over.",
						   "In %ld seconds the answers are wiped and the guide starts over.",
						   (unsigned long)(left > 0 ? left : 0)), left > 0 ? left : 0);
		ui_para(u, _("Are you still there?"), width, 0, A_BOLD, false, false);
		ui_blank(u);
		ui_para(u, _("Press any key to go on."), width, 0, 0, false, false);
		ui_blank(u);
		ui_para(u, ui_keep(u, xstrdup(msg)), width, 0, A_BOLD, false, false);
		ui_foot(u, _("Any key"), _("Go on with the guide"));
		return;
	}
	if (u->overlay == UI_CONFIRM_QUIT) {	/* a kiosk cannot be stopped: it starts over */
		bool kiosk = u->opts->kiosk;
		ui_para(u, kiosk ? _("Do you want to start over?") : _("Do you want to stop?"), width, 0, A_BOLD, false,
			false);
		ui_blank(u);
		ui_para(u, kiosk ? _("Your answers will be wiped.") : _("Your answers will not be kept."), width, 0, 0,
			false, false);
		ui_foot(u, _("Enter"), kiosk ? _("Start over") : _("Stop"));
		ui_foot(u, _("Esc"), _("Go on with the guide"));
		return;
	}
	if (u->overlay == UI_LANGUAGE) {
		ui_para(u, _("Choose a language"), width, 0, A_BOLD, false, false);
		ui_blank(u);
		for (size_t i = 0; i < u->nlangs; i++)
			ui_item(u, width, u->lang_sel == (int)i, ui_lang_current(u->langs[i]) ? "(*)" : "( )", (int)i + 1,
				i18n_name(u->langs[i]));
		ui_foot(u, "\xE2\x86\x91\xE2\x86\x93", _("Choose"));
		ui_foot(u, _("Enter"), _("Use this language"));
		ui_foot(u, _("Esc"), _("Close"));
		return;
	}
	if (u->overlay == UI_HELP) {
		ui_para(u, _("Help"), width, 0, A_BOLD, false, false);
		ui_blank(u);
		ui_para(u, ui_text(u, &s->help), width, 0, 0, false, true);
		ui_foot(u, _("Esc"), _("Close the help"));
		return;
	}
	if (u->overlay == UI_GLOSSARY) {
		/* which terms this step shows: lay it out once to find them */
		enum ui_overlay keep = u->overlay;
		u->overlay = UI_NONE;
		ui_layout(u, v);
		for (size_t i = 0; i < u->nbody; i++)
			if (u->body[i].terms) {
				bool *mark = xcalloc(u->body[i].len + 1, sizeof *mark);
				ui_terms_mark(u, u->body[i].s, u->body[i].len, mark);
				free(mark);
			}
		u->overlay = keep;
		bool *seen = xmalloc((u->w->nglossary ? u->w->nglossary : 1) * sizeof *seen);
		memcpy(seen, u->terms_seen, (u->w->nglossary ? u->w->nglossary : 1) * sizeof *seen);
		ui_reset_frame(u);
		ui_para(u, _("Words explained"), width, 0, A_BOLD, false, false);
		for (size_t i = 0; i < u->w->nglossary; i++) {
			if (!seen[i])
				continue;
			ui_blank(u);
			ui_para(u, engine_tr((void *)u->w, u->w->glossary[i].term), width, 0, A_BOLD, false, false);
			ui_para(u, ui_text(u, &u->w->glossary[i].text), width, 2, 0, false, false);
		}
		free(seen);
		ui_foot(u, _("Esc"), _("Close"));
		return;
	}

	const char *title = ui_text(u, &s->title);
	ui_para(u, title, width, 0, A_BOLD, false, true);
	ui_para(u, ui_text_second(u, &s->title, title), width, 2, ui_attr_guide, false, false);
	ui_blank(u);
	const char *text = ui_text(u, &s->text);
	if (text) {
		ui_para(u, text, width, 0, 0, false, true);
		ui_blank(u);
	}
	switch (s->type) {
	case STEP_CHOICE:
	case STEP_MULTI:
		for (size_t i = 0; i < s->nchoices; i++) {
			const char *mark = s->type == STEP_MULTI ? (u->ticks[i] ? "[x]" : "[ ]")
								 : (u->sel == (int)i ? "(*)" : "( )");
			const char *label = ui_text(u, &s->choices[i].label);
			ui_item(u, width, u->sel == (int)i, mark, (int)i + 1, label);
			ui_para(u, ui_text_second(u, &s->choices[i].label, label), width, 9, ui_attr_guide, false,
				false);
		}
		break;
	case STEP_YESNO:
		ui_item(u, width, u->sel == 0, u->sel == 0 ? "(*)" : "( )", 1, _("Yes"));
		ui_item(u, width, u->sel == 1, u->sel == 1 ? "(*)" : "( )", 2, _("No"));
		break;
	case STEP_TEXT:
	case STEP_NUMBER:
	case STEP_DATE:
		ui_row(u, "", 0, 0, 0, true, false);
		u->body[u->nbody - 1].field = true;
		if (s->type == STEP_NUMBER && s->unit.msgid)
			ui_para(u, ui_text(u, &s->unit), width, 2, 0, false, false);
		if (s->type == STEP_DATE) {
			char sep = i18n_style(NULL)->date_sep;
			char *hint = xmalloc(256);
			/* TRANSLATORS: "day", "month" and "year" make the hint under a date field: day-month-year */
			snprintf(hint, 256, "%s%c%s%c%s", _("day"), sep, _("month"), sep, _("year"));
			ui_para(u, ui_keep(u, hint), width, 2, 0, false, false);
		}
		break;
	case STEP_REVIEW:
		if (v->ndropped) {	/* what the change just made no longer count, in words */
			ui_para(u, _("Because of your change, these answers no longer count:"), width, 0, A_BOLD, false,
				false);
			for (size_t i = 0; i < v->ndropped; i++) {
				const char *t = ui_text(u, &u->w->steps[v->dropped[i]].title);
				char *line = xmalloc(strlen(t) + 3);
				sprintf(line, "- %s", t);
				ui_para(u, ui_keep(u, line), width, 2, 0, false, false);
			}
			ui_blank(u);
		}
		for (size_t i = 0; i < u->nreview; i++) {
			if (u->review[i] < 0) {
				ui_blank(u);
				ui_item(u, width, u->sel == (int)i, "", 0, _("Everything is right: go on"));
				continue;
			}
			const struct step *r = &u->w->steps[u->review[i]];
			ui_item(u, width, u->sel == (int)i, "", 0, ui_text(u, &r->title));
			ui_para(u, ui_answer_text(u, u->review[i]), width, 6, u->sel == (int)i ? A_BOLD : 0,
				u->sel == (int)i, false);
		}
		break;
	case STEP_END:
		for (size_t i = 0; i < s->ntodo; i++) {
			const char *t = ui_text(u, &s->todo[i]);
			char *line = xmalloc(strlen(t) + 8);
			sprintf(line, "[ ] %s", t);
			ui_keep(u, line);
			struct text_line *lines;
			size_t n = text_wrap(line + 4, width - 4, &lines);
			ui_row(u, line, 4 + lines[0].len, 0, 0, false, true);
			for (size_t k = 1; k < n; k++)
				ui_row(u, line + 4 + lines[k].start, lines[k].len, 4, 0, false, true);
			free(lines);
		}
		break;
	default:
		break;
	}
	if (u->opts->guide && s->guide.msgid) {	/* for the helper beside the person, in the helper's language */
		char *saved = i18n_push(u->opts->second_lang);
		engine_set_lang(u->e, i18n_lang(NULL));
		ui_blank(u);
		ui_para(u, ui_keep(u, xstrdup(_("For the helper, not for the citizen:"))), width, 0,
			ui_attr_guide | A_BOLD, false, false);
		ui_para(u, ui_text(u, &s->guide), width, 2, ui_attr_guide, false, false);
		i18n_pop(saved);
		engine_set_lang(u->e, i18n_lang_shown(u->w->language));
	}

	/* the footer: exactly the keys that work here */
	bool field = ui_is_field(s->type);
	if (ui_is_list(s->type)) {
		ui_foot(u, "\xE2\x86\x91\xE2\x86\x93", _("Choose"));
	}
	if (s->type == STEP_MULTI)
		ui_foot(u, _("Space"), _("Tick or untick"));
	if (s->type == STEP_END) {
		ui_foot(u, _("Enter"), _("Finish"));
		if (u->opts->summary_dir)
			ui_foot(u, "F3/Ctrl-S", _("Save a summary"));
	} else if (s->type == STEP_REVIEW)
		ui_foot(u, _("Enter"), _("Change or go on"));
	else
		ui_foot(u, _("Enter"), _("Go on"));
	if (v->can_back)
		ui_foot(u, _("Esc"), _("Back"));
	if (s->help.msgid)
		ui_foot(u, field ? "F1/Ctrl-G" : "F1/?", _("Help"));
	bool terms = false;
	for (size_t i = 0; i < u->nbody; i++)
		if (u->body[i].terms) {
			bool *mark = xcalloc(u->body[i].len + 1, sizeof *mark);
			ui_terms_mark(u, u->body[i].s, u->body[i].len, mark);
			free(mark);
		}
	for (size_t i = 0; i < u->w->nglossary; i++)
		terms |= u->terms_seen[i];
	if (terms)
		ui_foot(u, "Tab", _("Words explained"));
	ui_foot(u, "F10/Ctrl-Q", u->opts->kiosk ? _("Start over") : _("Stop"));
	if (u->nlangs > 1)	/* after Stop: on a narrow screen the footer may drop it */
		ui_foot(u, "F2/Ctrl-L", _("Language"));
}

/* Saving at the end */

/* Append a sentence to the message about what was saved. */
static void ui_saved(struct ui *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ui_saved(struct ui *u, const char *fmt, ...)
{
	size_t n = strlen(u->output_message);
	snprintf(u->output_message + n, sizeof u->output_message - n, "%s", n ? " " : "");
	n = strlen(u->output_message);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->output_message + n, sizeof u->output_message - n, fmt, ap);
	va_end(ap);
}

/* At the end: the answers as JSON (--output) and the take-away summary (--summary), each said in words. */
static void ui_save_at_end(struct ui *u)
{
	char err[300];
	u->output_done = true;
	u->output_message[0] = '\0';
	ui_hold_signals(true);
	if (u->opts->output) {
		if (result_write_file(u->opts->output, u->w, u->e, err, sizeof err)) {
			ui_saved(u, _("Your answers are saved in %s."), u->opts->output);
		} else {
			ui_saved(u, _("Your answers could not be saved: %s"), err);
			u->output_failed = true;
		}
	}
	if (u->opts->record) {
		if (result_write_scenario(u->opts->record, u->w, u->e, err, sizeof err)) {
			ui_saved(u, _("This walk is recorded in %s."), u->opts->record);
		} else {
			ui_saved(u, _("This walk could not be recorded: %s"), err);
			u->output_failed = true;
		}
	}
	if (u->opts->summary) {
		if (summary_write_file(u->opts->summary, u->w, u->e, summary_time(), err, sizeof err)) {
			ui_saved(u, _("A summary is saved in %s."), u->opts->summary);
		} else {
			ui_saved(u, _("The summary could not be saved: %s"), err);
			u->output_failed = true;
		}
	}
	ui_hold_signals(false);
}

/* The key on the end screen that saves a summary into the folder the operator configured. */
static void ui_save_summary(struct ui *u)
{
	char err[300];
	ui_hold_signals(true);
	char *path = summary_write_dir(u->opts->summary_dir, u->w, u->e, summary_time(), err, sizeof err);
	ui_hold_signals(false);
	u->output_message[0] = '\0';
	if (path)
		ui_saved(u, _("A summary is saved in %s."), path);
	else
		ui_saved(u, _("The summary could not be saved: %s"), err);
	free(path);
	u->output_done = true;
}

/* Keys */

enum ui_action { UI_STAY, UI_DONE, UI_QUIT, UI_RESET };

static bool ui_submit(struct ui *u, const struct step *s)
{
	struct answer_input in = { 0 };
	const char **items = NULL;
	bool ok;
	switch (s->type) {
	case STEP_CHOICE:
		in.text = s->choices[u->sel].value;
		ok = engine_submit(u->e, &in);
		break;
	case STEP_YESNO:
		in.text = u->sel == 0 ? "true" : "false";
		ok = engine_submit(u->e, &in);
		break;
	case STEP_MULTI:
		items = xmalloc((s->nchoices ? s->nchoices : 1) * sizeof *items);
		in.is_list = true;
		in.items = items;
		for (size_t i = 0; i < s->nchoices; i++)
			if (u->ticks[i])
				items[in.nitems++] = s->choices[i].value;
		ok = engine_submit(u->e, &in);
		free(items);
		break;
	case STEP_TEXT:
	case STEP_NUMBER:
	case STEP_DATE:
		in.text = u->buf;
		ok = engine_submit(u->e, &in);
		break;
	default:
		ok = engine_submit(u->e, NULL);
		break;
	}
	if (ok)
		u->step = -1;	/* show the next step from its start */
	return ok;
}

static void ui_insert(struct ui *u, wint_t wc)
{
	uint8_t enc[8];
	int n = u8_uctomb(enc, (ucs4_t)wc, sizeof enc);
	if (n <= 0)
		return;
	if (u->len + (size_t)n > UI_MAX_INPUT) {
		u->note = _("That is as much text as fits here.");
		return;
	}
	char *grown = xmalloc(u->len + (size_t)n + 1);	/* not realloc: the old block is wiped first */
	memcpy(grown, u->buf, u->len + 1);
	explicit_bzero(u->buf, u->len + 1);
	free(u->buf);
	u->buf = grown;
	memmove(u->buf + u->cur + n, u->buf + u->cur, u->len - u->cur + 1);
	memcpy(u->buf + u->cur, enc, (size_t)n);
	u->len += (size_t)n;
	u->cur += (size_t)n;
}

static void ui_delete(struct ui *u, size_t from, size_t to)
{
	memmove(u->buf + from, u->buf + to, u->len - to + 1);
	u->len -= to - from;
	u->cur = from;
	explicit_bzero(u->buf + u->len + 1, to - from);	/* the tail the text moved away from */
}

/* Editing keys of a text field; true when the key was one. */
static bool ui_edit(struct ui *u, int r, wint_t wc)
{
	if (r == KEY_CODE_YES) {
		switch (wc) {
		case KEY_LEFT:
			u->cur = text_prev_grapheme(u->buf, u->len, u->cur);
			return true;
		case KEY_RIGHT:
			u->cur = text_next_grapheme(u->buf, u->len, u->cur);
			return true;
		case KEY_HOME:
			u->cur = 0;
			return true;
		case KEY_END:
			u->cur = u->len;
			return true;
		case KEY_BACKSPACE:
			if (u->cur)
				ui_delete(u, text_prev_grapheme(u->buf, u->len, u->cur), u->cur);
			return true;
		case KEY_DC:
			if (u->cur < u->len)
				ui_delete(u, u->cur, text_next_grapheme(u->buf, u->len, u->cur));
			return true;
		default:
			return false;
		}
	}
	switch (wc) {
	case 0x7f:
	case UI_CTRL('h'):
		if (u->cur)
			ui_delete(u, text_prev_grapheme(u->buf, u->len, u->cur), u->cur);
		return true;
	case UI_CTRL('a'):
		u->cur = 0;
		return true;
	case UI_CTRL('e'):
		u->cur = u->len;
		return true;
	case UI_CTRL('d'):
		if (u->cur < u->len)
			ui_delete(u, u->cur, text_next_grapheme(u->buf, u->len, u->cur));
		return true;
	case UI_CTRL('u'):
		ui_delete(u, 0, u->cur);
		return true;
	default:
		break;
	}
	if (wc >= 0x20 && wc != 0x7f && !(wc >= 0x80 && wc < 0xa0) && !(wc >= 0xd800 && wc < 0xe000) && wc < 0x110000) {
		ui_insert(u, wc);
		return true;
	}
	return false;
}

/* PgUp, PgDn and, where asked, the arrows scroll the body by hand; false for other keys. */
static bool ui_scroll_key(struct ui *u, bool fn, wint_t wc, bool arrows)
{
	if (!fn || !(wc == KEY_NPAGE || wc == KEY_PPAGE || (arrows && (wc == KEY_DOWN || wc == KEY_UP))))
		return false;
	u->follow = false;
	u->scroll += wc == KEY_NPAGE ? u->height - 1 : wc == KEY_PPAGE ? -(u->height - 1) : wc == KEY_DOWN ? 1 : -1;
	return true;
}

static void ui_move(struct ui *u, const struct step *s, int to)
{
	int n = ui_list_len(u, s);
	if (n <= 0)
		return;
	u->sel = to < 0 ? 0 : to >= n ? n - 1 : to;
	u->follow = true;
}

/* One key on a step.  Returns what the walk should do. */
static enum ui_action ui_key(struct ui *u, const struct engine_view *v, int r, wint_t wc)
{
	const struct step *s = v->step;
	bool fn = r == KEY_CODE_YES;
	u->note = NULL;
	if (fn && wc == KEY_RESIZE)
		return UI_STAY;
	u->last_key_ms = ui_now_ms();
	if (u->overlay == UI_IDLE) {	/* any key: the person is still there */
		u->overlay = UI_NONE;
		return UI_STAY;
	}
	if (u->overlay == UI_CONFIRM_QUIT) {
		if ((!fn && (wc == '\r' || wc == '\n')) || (fn && wc == KEY_ENTER))
			return UI_QUIT;
		u->overlay = UI_NONE;
		return UI_STAY;
	}
	if (u->overlay == UI_LANGUAGE) {
		ui_lang_key(u, fn, wc);
		return UI_STAY;
	}
	if (u->overlay != UI_NONE) {
		if (ui_scroll_key(u, fn, wc, true))
			return UI_STAY;
		u->overlay = UI_NONE;
		u->scroll = 0;
		u->follow = true;
		return UI_STAY;
	}
	bool field = ui_is_field(s->type);
	/* keys that work on every step */
	if ((fn && wc == KEY_F(10)) || (!fn && (wc == UI_CTRL('q') || wc == UI_CTRL('c')))) {
		u->overlay = UI_CONFIRM_QUIT;
		return UI_STAY;
	}
	if ((fn && wc == KEY_F(2)) || (!fn && wc == UI_CTRL('l'))) {
		if (u->nlangs > 1) {
			u->overlay = UI_LANGUAGE;
			u->lang_sel = 0;
			for (size_t i = 0; i < u->nlangs; i++)
				if (ui_lang_current(u->langs[i]))
					u->lang_sel = (int)i;
		} else {
			u->note = _("This guide is in one language only.");
		}
		return UI_STAY;
	}
	if ((fn && wc == KEY_F(1)) || (!fn && (wc == UI_CTRL('g') || (wc == '?' && !field)))) {
		if (s->help.msgid) {
			u->overlay = UI_HELP;
			u->scroll = 0;
		} else {
			u->note = _("There is no help for this step.");
		}
		return UI_STAY;
	}
	if (!fn && wc == '\t') {
		bool any = false;
		for (size_t i = 0; i < u->w->nglossary; i++)
			any |= u->terms_seen[i];
		if (any) {
			u->overlay = UI_GLOSSARY;
			u->scroll = 0;
		}
		return UI_STAY;
	}
	if (!fn && wc == 0x1b) {
		if (field && v->can_back)
			ui_draft_keep(u, v->index);
		if (engine_back(u->e))
			u->step = -1;
		else
			u->note = _("This is the first step.");
		return UI_STAY;
	}
	if (ui_scroll_key(u, fn, wc, false))
		return UI_STAY;
	if (s->type == STEP_END && u->opts->summary_dir && ((fn && wc == KEY_F(3)) || (!fn && wc == UI_CTRL('s')))) {
		ui_save_summary(u);
		return UI_STAY;
	}
	if ((!fn && (wc == '\r' || wc == '\n')) || (fn && wc == KEY_ENTER)) {
		if (s->type == STEP_END)
			return UI_DONE;
		if (s->type == STEP_REVIEW && u->review[u->sel] >= 0) {
			if (engine_revise(u->e, u->review[u->sel]))
				u->step = -1;
			return UI_STAY;
		}
		ui_submit(u, s);
		return UI_STAY;
	}
	if (field) {
		if (!ui_edit(u, r, wc) && !fn && wc < 0x20)
			u->note = NULL;	/* other control keys do nothing in a field */
		return UI_STAY;
	}
	if (ui_is_list(s->type)) {
		int n = ui_list_len(u, s);
		if (fn && wc == KEY_UP)
			ui_move(u, s, u->sel - 1);
		else if (fn && wc == KEY_DOWN)
			ui_move(u, s, u->sel + 1);
		else if (fn && wc == KEY_HOME)
			ui_move(u, s, 0);
		else if (fn && wc == KEY_END)
			ui_move(u, s, n - 1);
		else if (!fn && wc >= '1' && wc <= '9' && s->type != STEP_REVIEW) {
			int i = (int)(wc - '1');
			if (i < n) {
				ui_move(u, s, i);
				if (s->type == STEP_MULTI)
					u->ticks[i] = !u->ticks[i];
			} else {
				u->note = _("There is no option with that number.");
			}
		} else if (!fn && wc == ' ' && s->type == STEP_MULTI) {
			u->ticks[u->sel] = !u->ticks[u->sel];
		}
	}
	return UI_STAY;
}

/*
 * Read a key, and every key already waiting behind it while they only edit the field or move the cursor
 * on the same screen: a paste is taken whole and drawn once.
 */
static enum ui_action ui_keys(struct ui *u, const struct engine_view *v)
{
	wint_t wc;
	int r = ui_get_wch(&wc);
	if (r == ERR)
		return UI_STAY;
	enum ui_action a = ui_key(u, v, r, wc);
	nodelay(stdscr, TRUE);
	for (int n = 0; a == UI_STAY && u->step == v->index && u->overlay == UI_NONE && n < UI_MAX_INPUT; n++) {
		r = ui_get_wch(&wc);
		if (r == ERR)
			break;
		a = ui_key(u, v, r, wc);
	}
	timeout(UI_TICK_MS);
	return a;
}

/* --watch */

/*
 * Whether the watched file changed since it was last loaded and has since been still for a moment, so a
 * save is not read half written.  A file missing for a moment (an editor replacing it) is no change yet.
 */
static bool ui_watch_changed(struct ui *u)
{
	struct stat st;
	if (stat(u->watch, &st) != 0)
		return false;
	const struct stat *o = &u->watch_st;
	long now = ui_now_ms();
	if (st.st_dev != o->st_dev || st.st_ino != o->st_ino || st.st_size != o->st_size ||
	    st.st_mtim.tv_sec != o->st_mtim.tv_sec || st.st_mtim.tv_nsec != o->st_mtim.tv_nsec) {
		u->watch_st = st;
		u->watch_since_ms = now;
		return false;
	}
	if (!u->watch_since_ms || now - u->watch_since_ms < UI_WATCH_STILL_MS)
		return false;
	u->watch_since_ms = 0;
	return true;
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
		if (!report) {
			size_t len;
			FILE *f = open_memstream(&report, &len);
			if (f) {
				diag_sort(d);
				diag_print(d, f);
				fclose(f);
			} else {
				report = xstrdup("");
			}
		}
		getmaxyx(stdscr, u->rows, u->cols);
		int width = ui_width(u);
		ui_reset_frame(u);
		ui_para(u, _("The guide has errors, so it cannot be shown."), width, 0, A_BOLD, false, false);
		ui_blank(u);
		ui_para(u, report, width, 0, 0, false, false);	/* a row per line of it, wrapped */
		ui_blank(u);
		ui_para(u, _("Fix the file and save it: trin loads it again by itself, and the answers given so far "
			     "are kept."), width, 0, 0, false, false);
		ui_foot(u, "F10/Ctrl-Q", _("Stop"));
		ui_draw(u, u->w ? engine_tr((void *)u->w, u->w->title.msgid) : "trin", NULL, NULL);
		wint_t wc;
		int r = ui_get_wch(&wc);
		bool fn = r == KEY_CODE_YES;
		if (r != ERR && ((fn && wc == KEY_F(10)) || (!fn && (wc == UI_CTRL('q') || wc == UI_CTRL('c')))))
			break;
		if (r != ERR)
			ui_scroll_key(u, fn, wc, true);
		if (ui_watch_changed(u)) {
			diag_free(d);
			*d = (struct diags){ 0 };
			w = wizard_load(u->watch, NULL, d);
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
	struct wizard *w = wizard_load(u->watch, NULL, &d);
	if (!w)
		w = ui_watch_broken(u, &d);
	if (!w) {
		u->watch_d = d;	/* for stderr once the screen is restored */
		return false;
	}
	diag_free(&d);
	struct engine *e = engine_create(w, i18n_lang_shown(w->language));
	engine_follow(e, u->e);
	struct engine_view v;
	engine_view(e, &v);
	bool same = u->step >= 0 && !strcmp(u->w->steps[u->step].id, v.step->id) &&
		    u->w->steps[u->step].type == v.step->type;
	char *typed = same && ui_is_field(v.step->type) ? xstrdup(u->buf) : NULL;
	/* at the same end: what was saved there stays saved, and is not written again */
	bool same_end = same && v.step->type == STEP_END;
	bool output_done = u->output_done;
	char output_message[sizeof u->output_message];
	memcpy(output_message, u->output_message, sizeof output_message);
	engine_free(u->e);
	ui_terms_free(u);
	ui_drafts_free(u);	/* by the old wizard's step numbers */
	wizard_free(u->watch_w);
	u->w = u->watch_w = w;
	u->e = e;
	ui_langs_init(u, u->watch);
	ui_terms_init(u);
	ui_enter(u, &v);
	if (same_end) {
		u->output_done = output_done;
		memcpy(u->output_message, output_message, sizeof output_message);
	}
	if (typed) {
		ui_set_buffer(u, typed);
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
	u->last_key_ms = ui_now_ms();
	enum ui_outcome out = UI_STOPPED;
	for (;;) {
		if (ui_stop_signal || (u->watch && ui_watch_changed(u) && !ui_reload(u)))
			break;
		struct engine_view v;
		engine_view(u->e, &v);
		if (v.index != u->step || v.position != u->position)
			ui_enter(u, &v);
		if (engine_done(u->e) && !u->output_done)
			ui_save_at_end(u);
		getmaxyx(stdscr, u->rows, u->cols);	/* the layout needs the size the frame is drawn at */
		ui_layout(u, &v);
		char progress[64] = "";
		if (v.step->type != STEP_END && v.total_max) {
			if (v.total_min == v.total_max)
				snprintf(progress, sizeof progress, _("Step %zu of %zu"), v.position, v.total_max);
			else
				snprintf(progress, sizeof progress, _("Step %zu of %zu\xE2\x80\x93%zu"), v.position,
					 v.total_min, v.total_max);
		}
		const char *message = u->note ? u->note : v.message;
		if (!message && v.step->type == STEP_END && u->output_message[0])
			message = u->output_message;
		ui_draw(u, engine_tr((void *)u->w, u->w->title.msgid), progress[0] ? progress : NULL, message);
		enum ui_action a = ui_keys(u, &v);
		if (u->opts->kiosk && a == UI_STAY) {	/* idleness: a warning first, then a reset */
			long now = ui_now_ms();
			if (u->overlay != UI_IDLE && now - u->last_key_ms >= (long)u->opts->idle * 1000) {
				u->overlay = UI_IDLE;
				u->reset_at_ms = now + (long)u->opts->warn * 1000;
			} else if (u->overlay == UI_IDLE && now >= u->reset_at_ms) {
				a = UI_RESET;
			}
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
	ui_drafts_free(u);
	return out;
}

/* Free what the screen holds, the text field and the frame wiped first. */
static void ui_free(struct ui *u)
{
	ui_langs_free(u);
	if (u->buf)
		explicit_bzero(u->buf, u->len);
	ui_reset_frame(u);
	free(u->buf);
	free(u->ticks);
	free(u->review);
	free(u->body);
	free(u->owned);
}

/* The menu */

struct ui_entry {
	const char *path;
	struct wizard *w;
};

/* Show the menu of wizards; the index chosen, or -1 to leave. */
static int ui_menu(struct ui *u, struct ui_entry *list, size_t n, int *sel)
{
	u->w = NULL;
	u->follow = true;
	u->last_key_ms = ui_now_ms();
	for (;;) {
		if (ui_stop_signal)
			return -1;
		getmaxyx(stdscr, u->rows, u->cols);
		int width = ui_width(u);
		ui_reset_frame(u);
		ui_para(u, _("Choose a guide"), width, 0, A_BOLD, false, false);
		ui_blank(u);
		for (size_t i = 0; i < n; i++)
			ui_item(u, width, *sel == (int)i, "", (int)i + 1, engine_tr(list[i].w, list[i].w->title.msgid));
		if (!n)
			ui_para(u, _("No guides were found."), width, 0, 0, false, false);
		if (n) {
			ui_foot(u, "\xE2\x86\x91\xE2\x86\x93", _("Choose"));
			ui_foot(u, _("Enter"), _("Start"));
		}
		ui_foot(u, "F10/Ctrl-Q", u->opts->kiosk ? _("Back") : _("Stop"));
		ui_draw(u, "trin", NULL, u->note);
		u->note = NULL;
		wint_t wc;
		int r = ui_get_wch(&wc);
		if (r == ERR) {
			if (u->opts->kiosk && ui_now_ms() - u->last_key_ms >= (long)u->opts->idle * 1000)
				return -1;	/* nobody there: back to the start */
			continue;
		}
		u->last_key_ms = ui_now_ms();
		bool fn = r == KEY_CODE_YES;
		if ((fn && wc == KEY_F(10)) || (!fn && (wc == UI_CTRL('q') || wc == UI_CTRL('c') || wc == 0x1b)))
			return -1;
		if (!n)
			continue;
		if (fn && wc == KEY_UP && *sel > 0)
			(*sel)--;
		else if (fn && wc == KEY_DOWN && *sel + 1 < (int)n)
			(*sel)++;
		else if (!fn && wc >= '1' && wc <= '9') {
			if ((size_t)(wc - '1') < n)
				*sel = (int)(wc - '1');
			else
				u->note = _("There is no option with that number.");
		} else if ((!fn && (wc == '\r' || wc == '\n')) || (fn && wc == KEY_ENTER))
			return *sel;
	}
}

/* Run the one wizard in file under --watch: see ui_curses_main. */
static int ui_watch_main(const char *file, const struct ui_options *opts)
{
	struct ui u = { .opts = opts, .watch = file };
	struct diags d = { 0 };
	ui_watch_changed(&u);	/* the file as it is now, loaded now */
	u.watch_since_ms = 0;
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
	return u.output_failed ? EXIT_INPUT : out == UI_FINISHED ? EXIT_OK : EXIT_INCOMPLETE;
}

int ui_curses_main(char **files, size_t nfiles, int menu, const struct ui_options *opts)
{
	if (opts->watch)
		return ui_watch_main(files[0], opts);
	struct ui_entry *list = xcalloc(nfiles ? nfiles : 1, sizeof *list);
	struct diags d = { 0 };
	size_t n = 0;
	for (size_t i = 0; i < nfiles; i++) {
		struct wizard *w = wizard_load(files[i], NULL, &d);
		const char *why, *dir = w ? i18n_bind_wizard(files[i], w->domain, &why) : NULL;
		if (w && !dir) {	/* its domain is another wizard's: it would show that one's translations */
			diag_error(&d, ((struct loc){ files[i], 0, 0 }), "%s", why);
			wizard_free(w);
		} else if (w) {
			list[n++] = (struct ui_entry){ files[i], w };
			ui_lang_warn(w, dir);
		}
	}
	if (n && !i18n_chosen())
		i18n_switch(list[0].w->language);	/* the menu in the language of the guides */
	int status = EXIT_OK;
	if (!menu && n == 0) {
		diag_sort(&d);
		diag_print(&d, stderr);
		diag_free(&d);
		free(list);
		return EXIT_INVALID;
	}
	if (!ui_start(opts->theme)) {
		for (size_t i = 0; i < n; i++)
			wizard_free(list[i].w);
		free(list);
		diag_free(&d);
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
		if (u.output_failed)
			status = EXIT_INPUT;
		if (!menu) {
			status = out == UI_FINISHED && status == EXIT_OK ? EXIT_OK : status ? status : EXIT_INCOMPLETE;
			break;
		}
		if (out == UI_STOPPED)
			break;
	}
	ui_end();
	ui_free(&u);
	for (size_t i = 0; i < n; i++)
		wizard_free(list[i].w);
	free(list);
	if (d.n) {	/* wizards of the menu that did not load */
		diag_sort(&d);
		diag_print(&d, stderr);
	}
	diag_free(&d);
	return status;
}

/* The kiosk */

/* The calm screen of a kiosk whose wizards do not load; returns after a while, to try them again. */
static void ui_out_of_order(struct ui *u)
{
	long until = ui_now_ms() + 60 * 1000;
	while (!ui_stop_signal && ui_now_ms() < until) {
		getmaxyx(stdscr, u->rows, u->cols);
		int width = ui_width(u);
		ui_reset_frame(u);
		ui_para(u, _("This terminal is out of order."), width, 0, A_BOLD, false, false);
		ui_blank(u);
		ui_para(u, _("Please ask at the desk. We are sorry."), width, 0, 0, false, false);
		ui_draw(u, "trin", NULL, NULL);
		wint_t wc;
		ui_get_wch(&wc);
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
	char heading[512] = "";
	for (size_t i = 0; i < n; i++) {
		i18n_switch(langs[i]);
		size_t len = strlen(heading);
		snprintf(heading + len, sizeof heading - len, "%s%s", i ? " / " : "", _("Choose your language"));
	}
	i18n_switch(langs[0]);
	int sel = 0;
	for (;;) {
		if (ui_stop_signal)
			return false;
		getmaxyx(stdscr, u->rows, u->cols);
		int width = ui_width(u);
		ui_reset_frame(u);
		ui_para(u, heading, width, 0, A_BOLD, false, false);
		ui_blank(u);
		for (size_t i = 0; i < n; i++)
			ui_item(u, width, sel == (int)i, "", (int)i + 1, i18n_name(langs[i]));
		ui_foot(u, "\xE2\x86\x91\xE2\x86\x93", _("Choose"));
		ui_foot(u, _("Enter"), _("Start"));
		ui_draw(u, "trin", NULL, NULL);
		wint_t wc;
		int r = ui_get_wch(&wc);
		if (r == ERR)
			continue;
		bool fn = r == KEY_CODE_YES;
		if (fn && wc == KEY_UP && sel > 0)
			sel--;
		else if (fn && wc == KEY_DOWN && sel + 1 < (int)n)
			sel++;
		else if (!fn && wc >= '1' && wc <= '9' && (size_t)(wc - '1') < n)
			sel = (int)(wc - '1');
		else if ((!fn && (wc == '\r' || wc == '\n')) || (fn && wc == KEY_ENTER))
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

/*
 * Load the kiosk's wizards into list; how many loaded.  The diagnostics go to stderr for the operator's log
 * (the person sees a calm screen), or, with held, replace what held kept, to be written once the screen is
 * restored.
 */
static size_t ui_kiosk_load(char **files, size_t nfiles, struct ui_entry *list, struct diags *held)
{
	struct diags d = { 0 };
	size_t n = 0;
	for (size_t i = 0; i < nfiles; i++) {
		struct wizard *w = wizard_load(files[i], NULL, &d);
		const char *why;
		if (w && !i18n_bind_wizard(files[i], w->domain, &why)) {
			diag_error(&d, ((struct loc){ files[i], 0, 0 }), "%s", why);
			wizard_free(w);
		} else if (w) {
			list[n++] = (struct ui_entry){ files[i], w };
		}
	}
	diag_sort(&d);
	if (held) {
		diag_free(held);
		*held = d;
		return n;
	}
	diag_print(&d, stderr);
	diag_free(&d);
	return n;
}

int ui_curses_kiosk(char **files, size_t nfiles, const struct ui_options *opts)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {	/* it would read no key, and spin */
		fprintf(stderr, _("trin: a kiosk needs a terminal as its standard input and output (in a systemd "
				  "unit: StandardInput=tty and StandardOutput=tty)\n"));
		return EXIT_INPUT;
	}
	/* the keyboard can stop nothing from here on, while the wizards load in a cooked terminal too */
	tcgetattr(STDIN_FILENO, &ui_saved_termios);
	ui_termios_saved = true;
	ui_signals(true);
	struct termios quiet = ui_saved_termios;
	quiet.c_lflag &= ~(tcflag_t)ISIG;
	ui_taken = 1;
	tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	struct ui_entry *list = xcalloc(nfiles ? nfiles : 1, sizeof *list);
	size_t n = ui_kiosk_load(files, nfiles, list, NULL);
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
			n = ui_kiosk_load(files, nfiles, list, ui_stderr_is_screen() ? &held : NULL);
			continue;
		}
		char **langs;
		const char *why;
		const char *dir = i18n_bind_wizard(list[0].path, list[0].w->domain, &why);
		size_t nlangs = i18n_languages(dir, list[0].w->domain, list[0].w->language, &langs);
		u.lang_picked = false;
		bool go = ui_kiosk_language(&u, langs, nlangs);
		for (size_t i = 0; i < nlangs; i++)
			free(langs[i]);
		free(langs);
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
		ui_set_buffer(&u, "");
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

/* Fitting: what check reports */

size_t ui_curses_fit(const struct wizard *w, size_t nlangs, int cols, int rows, struct ui_fit *out)
{
	struct ui_options opts = { 0 };
	struct ui u = { .w = w, .opts = &opts, .cols = cols, .rows = rows, .nlangs = nlangs };
	u.e = engine_create(w, i18n_lang_shown(w->language));
	ui_terms_init(&u);
	size_t n = 0;
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		if (s->type == STEP_REVIEW)
			continue;	/* it lists the answers given: it scrolls when there are many, by design */
		struct engine_view v = { .step = s, .index = (int)i, .position = 1, .can_back = (int)i != w->start };
		v.prefill.type = VAL_NULL;
		ui_enter(&u, &v);
		ui_layout(&u, &v);
		char foot[UI_FOOT_LINES][512];
		int nfoot;
		int height = ui_frame(&u, ui_width(&u), 1, foot, &nfoot);
		out[n++] = (struct ui_fit){ (int)i, (int)u.nbody, height };
		ui_reset_frame(&u);
	}
	ui_terms_free(&u);
	engine_free(u.e);
	u.nlangs = 0;	/* a count only, with no list to free */
	ui_free(&u);
	return n;
}

/* term.h only here, at the end: it defines macros named like words this file uses (lines, columns). */
#include <term.h>

bool ui_curses_usable(void)
{
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return false;
	del_curterm(cur_term);
	cur_term = NULL;
	return true;
}
