/*
 * term: trin in a pseudo-terminal through libvterm.  See term.h.
 */
#include "term.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static const char *term_trin, *term_root;
static const char *const *term_extra_env;

void term_environ(const char *const *env)
{
	term_extra_env = env;
}

const char *const *term_hook_env(const char *hook, const char *a, const char *b, const char *c)
{
	static char preload[1024], asan_options[1024];
	static const char *env[8];
	size_t n = 0;
	snprintf(preload, sizeof preload, "LD_PRELOAD=%s", hook);
	/* under AddressSanitizer the hook comes before its runtime in the list, which it would refuse */
	const char *asan = getenv("ASAN_OPTIONS");
	snprintf(asan_options, sizeof asan_options, "ASAN_OPTIONS=%s%sverify_asan_link_order=0", asan ? asan : "",
		 asan && *asan ? ":" : "");
	env[n++] = preload;
	env[n++] = asan_options;
	const char *more[] = { a, b, c };
	for (size_t i = 0; i < 3; i++)
		if (more[i])
			env[n++] = more[i];
	env[n] = NULL;
	return env;
}

long term_deadline_ms(void)
{
	static long ms;
	if (!ms) {
		const char *env = getenv("TERM_DEADLINE_MS");
		ms = env && atol(env) > 0 ? atol(env) : 5000;
	}
	return ms;
}

void term_setup(const char *trin, const char *root)
{
	term_trin = trin;
	term_root = root;
}

long term_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int term_prop(VTermProp prop, VTermValue *val, void *user)
{
	struct term *t = user;
	if (prop == VTERM_PROP_ALTSCREEN)
		t->altscreen = val->boolean;
	else if (prop == VTERM_PROP_CURSORVISIBLE)
		t->cursor_hidden = !val->boolean;
	return 1;
}

static const VTermScreenCallbacks term_callbacks = { .settermprop = term_prop };

/* Start trin with args in a rows x cols terminal. */
void term_start(struct term *t, int rows, int cols, const char *const *args)
{
	*t = (struct term){ .rows = rows, .cols = cols, .status = -1 };
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid < 0) {
		perror("forkpty");
		exit(99);
	}
	if (t->pid == 0) {
		char *argv[16];
		size_t n = 0;
		argv[n++] = (char *)term_trin;
		for (; args[n - 1] && n < 15; n++)
			argv[n] = (char *)args[n - 1];
		argv[n] = NULL;
		if (chdir(term_root) != 0)
			_exit(98);
		for (int sig = 1; sig < NSIG; sig++)	/* as a terminal starts it, whatever ran the tests ignored */
			signal(sig, SIG_DFL);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		setenv("TERM", getenv("TEST_TERM") ? getenv("TEST_TERM") : "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		setenv("LANGUAGE", "en", 1);
		/* English chrome over the wizards' own (Danish) texts: no catalogues, as English needs none */
		setenv("TRIN_LOCALEDIR", "/nonexistent", 1);
		unsetenv("LC_ALL");
		unsetenv("LC_CTYPE");
		unsetenv("LC_MESSAGES");
		unsetenv("NO_COLOR");
		for (const char *const *e = term_extra_env; e && *e; e++) {
			const char *eq = strchr(*e, '=');
			if (eq) {
				char name[64];
				snprintf(name, sizeof name, "%.*s", (int)(eq - *e), *e);
				setenv(name, eq + 1, 1);
			} else {
				unsetenv(*e);
			}
		}
		execv(term_trin, argv);
		_exit(97);
	}
	fcntl(t->fd, F_SETFL, O_NONBLOCK);
	t->vt = vterm_new(rows, cols);
	vterm_set_utf8(t->vt, 1);
	t->screen = vterm_obtain_screen(t->vt);
	vterm_screen_enable_altscreen(t->screen, 1);
	vterm_screen_set_callbacks(t->screen, &term_callbacks, t);
	vterm_screen_reset(t->screen, 1);
}

/* Read what trin wrote, waiting at most ms for the first byte. */
void term_pump(struct term *t, int ms)
{
	struct pollfd p = { t->fd, POLLIN, 0 };
	while (poll(&p, 1, ms) > 0) {
		char buf[8192];
		ssize_t n = read(t->fd, buf, sizeof buf);
		if (n <= 0)
			break;
		t->bytes += (size_t)n;
		size_t keep = (size_t)n < sizeof t->last ? (size_t)n : sizeof t->last;
		memmove(t->last, t->last + keep, sizeof t->last - keep);
		memcpy(t->last + sizeof t->last - keep, buf + (size_t)n - keep, keep);
		vterm_input_write(t->vt, buf, (size_t)n);
		ms = 0;
	}
}

/* Send what libvterm's keyboard produced to trin. */
void term_flush(struct term *t)
{
	char buf[256];
	size_t n;
	while ((n = vterm_output_read(t->vt, buf, sizeof buf)) > 0)
		if (write(t->fd, buf, n) != (ssize_t)n)
			break;
}

void term_key(struct term *t, VTermKey k)
{
	vterm_keyboard_key(t->vt, k, VTERM_MOD_NONE);
	term_flush(t);
}

void term_ctrl(struct term *t, char c)
{
	vterm_keyboard_unichar(t->vt, (uint32_t)c, VTERM_MOD_CTRL);
	term_flush(t);
}

int term_ended(struct term *t)
{
	int st;
	if (t->status < 0 && waitpid(t->pid, &st, WNOHANG) == t->pid) {
		term_pump(t, 20);	/* its last output */
		t->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	}
	return t->status;
}

void term_write(struct term *t, const char *s, size_t n)
{
	size_t done = 0;
	long end = term_now_ms() + term_deadline_ms();
	while (done < n) {
		ssize_t w = write(t->fd, s + done, n - done);
		if (w > 0) {
			done += (size_t)w;
			end = term_now_ms() + term_deadline_ms();
		} else if (w < 0 && errno != EAGAIN && errno != EINTR) {
			break;
		} else if (term_ended(t) >= 0 || term_now_ms() >= end) {
			break;	/* nobody reads any more: trin ended, or stopped reading */
		}
		term_pump(t, w > 0 ? 0 : 5);
	}
}

/* Type UTF-8 text as keys. */
void term_type(struct term *t, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		uint32_t c = *p++;
		int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
		c &= more == 3 ? 0x07 : more == 2 ? 0x0f : more == 1 ? 0x1f : 0x7f;
		while (more-- > 0 && *p)
			c = (c << 6) | (*p++ & 0x3f);
		vterm_keyboard_unichar(t->vt, c, VTERM_MOD_NONE);
	}
	term_flush(t);
}

/* Row r of the screen as UTF-8, trailing spaces removed. */
void term_row(struct term *t, int r, char *out, size_t size)
{
	size_t o = 0;
	for (int c = 0; c < t->cols && o + 8 < size; c++) {
		VTermScreenCell cell = { 0 };	/* libvterm fills chars only up to the first 0 */
		vterm_screen_get_cell(t->screen, (VTermPos){ r, c }, &cell);
		if (cell.chars[0] == (uint32_t)-1)
			continue;	/* the second half of a wide character */
		for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && (i == 0 || cell.chars[i]); i++) {
			uint32_t ch = cell.chars[i] ? cell.chars[i] : ' ';
			if (ch < 0x80) {
				out[o++] = (char)ch;
			} else if (ch < 0x800) {
				out[o++] = (char)(0xc0 | ch >> 6);
				out[o++] = (char)(0x80 | (ch & 0x3f));
			} else if (ch < 0x10000) {
				out[o++] = (char)(0xe0 | ch >> 12);
				out[o++] = (char)(0x80 | ((ch >> 6) & 0x3f));
				out[o++] = (char)(0x80 | (ch & 0x3f));
			} else {
				out[o++] = (char)(0xf0 | ch >> 18);
				out[o++] = (char)(0x80 | ((ch >> 12) & 0x3f));
				out[o++] = (char)(0x80 | ((ch >> 6) & 0x3f));
				out[o++] = (char)(0x80 | (ch & 0x3f));
			}
		}
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
}

/* The whole screen, rows joined by '\n'. */
const char *term_screen(struct term *t)
{
	static char buf[65536];
	size_t o = 0;
	for (int r = 0; r < t->rows; r++) {
		term_row(t, r, buf + o, sizeof buf - o - 1);
		o += strlen(buf + o);
		buf[o++] = '\n';
	}
	buf[o] = '\0';
	return buf;
}

void term_dump(struct term *t)
{
	printf("---- screen (%dx%d) ----\n%s------------------------\n", t->cols, t->rows, term_screen(t));
}

/* Wait until the screen shows needle; false (and the screen printed) at the deadline. */
bool term_wait(struct term *t, const char *needle)
{
	long end = term_now_ms() + term_deadline_ms();
	for (;;) {
		if (strstr(term_screen(t), needle))
			return true;
		long left = end - term_now_ms();
		if (left <= 0)
			break;
		term_pump(t, (int)(left < 50 ? left : 50));
	}
	printf("waited in vain for: %s\n", needle);
	term_dump(t);
	return false;
}

/* Wait until the screen no longer shows needle. */
bool term_wait_gone(struct term *t, const char *needle)
{
	long end = term_now_ms() + term_deadline_ms();
	while (strstr(term_screen(t), needle)) {
		long left = end - term_now_ms();
		if (left <= 0) {
			printf("waited in vain for this to go: %s\n", needle);
			term_dump(t);
			return false;
		}
		term_pump(t, (int)(left < 50 ? left : 50));
	}
	return true;
}

/* Read until trin has been quiet for ms: everything one key caused. */
void term_settle(struct term *t, int ms)
{
	size_t before;
	do {
		before = t->bytes;
		term_pump(t, ms);
	} while (t->bytes != before);
}

void term_resize(struct term *t, int rows, int cols)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	t->rows = rows;
	t->cols = cols;
	vterm_set_size(t->vt, rows, cols);
	ioctl(t->fd, TIOCSWINSZ, &ws);
}

/* The exit status of trin once it ended (reading its last output), or -1 at the deadline. */
int term_finish(struct term *t)
{
	long end = term_now_ms() + term_deadline_ms();
	while (term_now_ms() < end) {
		term_pump(t, 20);
		if (term_ended(t) >= 0)
			return t->status;
	}
	printf("trin did not end\n");
	term_dump(t);
	kill(t->pid, SIGKILL);
	waitpid(t->pid, NULL, 0);
	return -1;
}

void term_close(struct term *t)
{
	if (t->status < 0) {
		kill(t->pid, SIGKILL);
		waitpid(t->pid, NULL, 0);
	}
	close(t->fd);
	vterm_free(t->vt);
}

/* Whether the cell at row r, column c is underlined and bold (how glossary terms are marked). */
bool term_marked(struct term *t, int r, int c)
{
	VTermScreenCell cell;
	vterm_screen_get_cell(t->screen, (VTermPos){ r, c }, &cell);
	return cell.attrs.underline && cell.attrs.bold;
}

/* The row and column where needle starts on the screen, or false. */
bool term_find(struct term *t, const char *needle, int *row, int *col)
{
	char line[4096];
	for (int r = 0; r < t->rows; r++) {
		term_row(t, r, line, sizeof line);
		char *p = strstr(line, needle);
		if (p) {
			*row = r;
			*col = 0;
			for (char *q = line; q < p; q++)	/* count characters, one cell each here */
				*col += ((unsigned char)*q & 0xc0) != 0x80;
			return true;
		}
	}
	return false;
}


bool term_restored(struct term *t)
{
	struct termios tio;
	bool modes = tcgetattr(t->fd, &tio) == 0;	/* a pty master reads the modes of its terminal */
	bool cooked = modes && (tio.c_lflag & (ECHO | ICANON | ISIG)) == (ECHO | ICANON | ISIG);
	if (t->altscreen || t->cursor_hidden || !cooked) {
		printf("terminal not restored:%s%s%s\n", t->altscreen ? " alternate screen" : "",
		       t->cursor_hidden ? " cursor hidden" : "", cooked ? "" : " echo, line mode or signal keys off");
		return false;
	}
	return true;
}
