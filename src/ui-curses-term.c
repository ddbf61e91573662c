/*
 * ui-curses-term: the full screen's terminal and signals.  See ui-curses.h.
 *
 * Keys are read with a timeout, so a resize or a signal that arrives just before the read is not lost.
 * SIGTERM, SIGINT and SIGHUP end the session cleanly from the loop when it waits for a key; one that comes
 * while trin is busy (or a second one) restores the terminal from the handler and ends it at once, with
 * the same status.  Every other signal whose default ends the process restores the terminal from its
 * handler, on a stack of its own (a stack overflow included), with saved termios and terminfo strings,
 * then dies as it would have.  Nothing is written to the terminal but through curses while it is drawn.
 */
#include "ui-curses-int.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "speech.h"
#include "status.h"

/*
 * The theme: what the roles below look like.  Markers ("> ", "(*)", "[x]", "! ") carry the meaning in
 * every theme; colour only adds to them, and never appears under NO_COLOR or the monochrome theme.
 */
attr_t ui_attr_error = A_BOLD, ui_attr_selected = A_REVERSE, ui_attr_guide = A_DIM, ui_attr_text;

volatile sig_atomic_t ui_stop_signal;
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
long ui_now_ms(void)
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
void ui_restore_terminal(void)
{
	if (ui_drawn && ui_restore_len)
		(void)!write(STDOUT_FILENO, ui_restore, ui_restore_len);
	if (ui_taken)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &ui_saved_termios);
	ui_drawn = ui_taken = 0;
}

/* What is written on stderr when a stop signal ends trin at once (ui_exit_note). */
static char ui_exit_text[8192];
static volatile sig_atomic_t ui_exit_len;

void ui_exit_note(const char *s, size_t n)
{
	ui_exit_len = 0;	/* a signal now writes nothing rather than half a copy */
	n = n < sizeof ui_exit_text ? n : sizeof ui_exit_text;
	if (s && n)
		memcpy(ui_exit_text, s, n);
	ui_exit_len = (sig_atomic_t)(s ? n : 0);
}

/* SIGTERM, SIGINT, SIGHUP: the loop ends the session when it waits for a key; busy, or asked twice, at once. */
static void ui_on_stop(int sig)
{
	if (ui_waiting && !ui_stop_signal) {
		ui_stop_signal = sig;
		return;
	}
	ui_restore_terminal();
	if (ui_exit_len)
		(void)!write(STDERR_FILENO, ui_exit_text, (size_t)ui_exit_len);
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
void ui_hold_signals(bool hold)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/* A key read (get_wch gave r and wc) by its name in keys.h. */
static uint32_t ui_key_name(int r, wint_t wc)
{
	static const struct { int curses; enum keys_code key; } fn[] = {
		{ KEY_UP, KEYS_UP }, { KEY_DOWN, KEYS_DOWN }, { KEY_LEFT, KEYS_LEFT }, { KEY_RIGHT, KEYS_RIGHT },
		{ KEY_HOME, KEYS_HOME }, { KEY_END, KEYS_END }, { KEY_PPAGE, KEYS_PAGE_UP }, { KEY_NPAGE, KEYS_PAGE_DOWN },
		{ KEY_BACKSPACE, KEYS_BACKSPACE }, { KEY_DC, KEYS_DELETE }, { KEY_ENTER, KEYS_ENTER },
		{ KEY_F(1), KEYS_F1 }, { KEY_F(2), KEYS_F2 }, { KEY_F(3), KEYS_F3 }, { KEY_F(4), KEYS_F4 }, { KEY_F(5), KEYS_F5 },
		{ KEY_F(10), KEYS_F10 },
		{ KEY_RESIZE, KEYS_RESIZE },
	};
	if (r != KEY_CODE_YES)
		return wc < KEYS_UP ? (uint32_t)wc : KEYS_OTHER;
	for (size_t i = 0; i < sizeof fn / sizeof fn[0]; i++)
		if ((wint_t)fn[i].curses == wc)
			return fn[i].key;
	return KEYS_OTHER;
}

/*
 * Read a key: the one place a stop signal waits for the loop (ui_on_stop).  False once one came.  A read
 * that fails at once, again and again instead of waiting for the tick, means the terminal is gone (hung
 * up, or trin was left in the background): that is SIGHUP, rather than a loop that spins.
 */
bool ui_read_key(uint32_t *key)
{
	static int fast;
	if (ui_stop_signal)
		return false;
	long t0 = ui_now_ms();
	ui_waiting = 1;
	wint_t wc;
	int r = get_wch(&wc);
	ui_waiting = 0;
	fast = r == ERR && !is_nodelay(stdscr) && ui_now_ms() - t0 < UI_TICK_MS / 4 ? fast + 1 : 0;
	if (fast >= 100)
		raise(SIGHUP);
	*key = r == ERR ? 0 : ui_key_name(r, wc);
	if (r != ERR && *key != KEYS_RESIZE)
		speech_stop();	/* any key stops reading aloud at once */
	return !ui_stop_signal && r != ERR;
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
bool ui_start(enum ui_theme theme)
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

/*
 * Whether a terminal that does bidi of its own (VTE-based ones, mlterm) must take the lines as trin lays
 * them out (ECMA-48's BDSM reset, "explicit" mode) rather than reorder them a second time; a terminal
 * without bidi ignores it.  Set back to the terminals' default when the screen is left.
 */
static bool ui_bidi_explicit;
static const char ui_bdsm_explicit[] = "\033[8l", ui_bdsm_implicit[] = "\033[8h";

void ui_explicit_bidi(bool on)
{
	if (on == ui_bidi_explicit)
		return;
	ui_bidi_explicit = on;
	const char *seq = on ? ui_bdsm_explicit : ui_bdsm_implicit;
	(void)!write(STDOUT_FILENO, seq, strlen(seq));
	size_t n = strlen(ui_bdsm_implicit);
	if (on && ui_restore_len + n < sizeof ui_restore && !memmem(ui_restore, ui_restore_len, ui_bdsm_implicit, n)) {
		memcpy(ui_restore + ui_restore_len, ui_bdsm_implicit, n);
		ui_restore_len += n;
	}
}

void ui_end(void)
{
	speech_close();	/* and standard error given back, before anything is said on it */
	curs_set(1);
	endwin();
	ui_explicit_bidi(false);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &ui_saved_termios);
	ui_drawn = ui_taken = 0;
}

/* A kiosk's terminal before the screen starts: the kiosk's signals taken, and no key sends one. */
void ui_kiosk_keyboard(void)
{
	tcgetattr(STDIN_FILENO, &ui_saved_termios);
	ui_termios_saved = true;
	ui_signals(true);
	struct termios quiet = ui_saved_termios;
	quiet.c_lflag &= ~(tcflag_t)ISIG;
	ui_taken = 1;
	tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
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
