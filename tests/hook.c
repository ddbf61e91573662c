/*
 * hook: a library that test-signals and test-screen preload into trin (LD_PRELOAD) to make, on purpose and at
 * a moment the test knows, what a hostile wizard or a slow machine can make: a long computation, a stack
 * overflow, a slow load, the minutes of a kiosk passing.  trin itself has no test hook; this wraps functions it
 * calls from ncurses and the C library.  Set by the environment:
 *
 *   TRIN_HOOK=busy       after Ctrl-] is read, the next frame never ends: it spins (not at the key wait)
 *   TRIN_HOOK=overflow   after Ctrl-] is read, the next frame recurses until the stack overflows
 *   TRIN_HOOK=load       the first wizard file opened waits until the file TRIN_HOOK_GATE exists
 *   TRIN_HOOK_LOG=FILE   a line "open" appended to FILE whenever a wizard (.yaml) file is opened
 *   TRIN_HOOK_CLOCK=N    the monotonic clock runs N times as fast
 *   TRIN_HOOK_TIME=FILE  the monotonic clock stands still at its first reading, plus the milliseconds written
 *                        in FILE (read at every reading): the test makes time pass by raising that number.
 *                        A key or a move within 20 s: 100 key waits in a row that take no time are to trin
 *                        a terminal gone (ui_get_wch)
 *
 * Each of busy, overflow and load first writes "trin-hook: MODE" on standard error, for the test to wait for.
 */
#undef _FILE_OFFSET_BITS	/* open and open64 each under its own name: trin may call either */
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

/* The prototypes, for -Wmissing-prototypes: these replace ncurses' and the C library's. */
int wget_wch(void *win, wint_t *wc);
int werase(void *win);
int clock_gettime(clockid_t clock, struct timespec *ts);
int open(const char *path, int flags, ...);
int open64(const char *path, int flags, ...);

static int hook_armed;
static volatile int hook_never;

static const char *hook_mode(void)
{
	const char *m = getenv("TRIN_HOOK");
	return m ? m : "";
}

static void hook_say(const char *what)
{
	(void)!write(STDERR_FILENO, "trin-hook: ", 11);
	(void)!write(STDERR_FILENO, what, strlen(what));
	(void)!write(STDERR_FILENO, "\r\n", 2);
}

static int hook_deep(int n)
{
	volatile char pad[4096];
	pad[n % sizeof pad] = (char)n;
	if (hook_never)
		return 0;
	return hook_deep(n + 1) + pad[0];
}

int wget_wch(void *win, wint_t *wc)
{
	static int (*real)(void *, wint_t *);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "wget_wch");
	int r = real(win, wc);
	if (r == 0 && *wc == 0x1d)	/* Ctrl-] */
		hook_armed = 1;
	return r;
}

int werase(void *win)
{
	static int (*real)(void *);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "werase");
	if (hook_armed && !strcmp(hook_mode(), "busy")) {
		hook_say("busy");
		for (volatile unsigned long n = 0;; n++)
			;
	}
	if (hook_armed && !strcmp(hook_mode(), "overflow")) {
		hook_say("overflow");
		return hook_deep(0);
	}
	return real(win);
}

static int hook_real_open(const char *name, const char *path, int flags, mode_t mode);

/* The number of milliseconds written in the file, or 0. */
static long long hook_time_file(const char *path)
{
	char buf[32];
	int fd = hook_real_open("open", path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return atoll(buf);
}

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	static int (*real)(clockid_t, struct timespec *);
	static long long base;
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "clock_gettime");
	int r = real(clock, ts);
	const char *file = getenv("TRIN_HOOK_TIME");
	if (r == 0 && clock == CLOCK_MONOTONIC && file) {
		static struct timespec still;
		if (!still.tv_sec && !still.tv_nsec)
			still = *ts;
		long long ns = still.tv_nsec + hook_time_file(file) * 1000000LL;
		ts->tv_sec = still.tv_sec + (time_t)(ns / 1000000000LL);
		ts->tv_nsec = (long)(ns % 1000000000LL);
		return r;
	}
	const char *speed = getenv("TRIN_HOOK_CLOCK");
	if (r != 0 || clock != CLOCK_MONOTONIC || !speed || atol(speed) <= 1)
		return r;
	long long ns = ts->tv_sec * 1000000000LL + ts->tv_nsec;
	if (!base)
		base = ns;
	ns = base + (ns - base) * atol(speed);
	ts->tv_sec = (time_t)(ns / 1000000000LL);
	ts->tv_nsec = (long)(ns % 1000000000LL);
	return r;
}

/* A wizard file is being opened: log it, and the first time hold the load at the gate when asked. */
static void hook_open(const char *path)
{
	static int opened;
	size_t n = strlen(path);
	if (n < 5 || strcmp(path + n - 5, ".yaml") != 0)
		return;
	const char *log = getenv("TRIN_HOOK_LOG");
	static int (*real)(const char *, int, ...);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "open");
	if (log) {
		int fd = real(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
		if (fd >= 0) {
			(void)!write(fd, "open\n", 5);
			close(fd);
		}
	}
	const char *gate = getenv("TRIN_HOOK_GATE");
	if (opened++ || strcmp(hook_mode(), "load") != 0 || !gate)
		return;
	hook_say("load");
	struct timespec tick = { 0, 10 * 1000000 };
	while (access(gate, F_OK) != 0)
		nanosleep(&tick, NULL);
}

static int hook_real_open(const char *name, const char *path, int flags, mode_t mode)
{
	int (*real)(const char *, int, ...);
	*(void **)&real = dlsym(RTLD_NEXT, name);
	return real(path, flags, mode);
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, mode_t) : 0;
	va_end(ap);
	hook_open(path);
	return hook_real_open("open", path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, mode_t) : 0;
	va_end(ap);
	hook_open(path);
	return hook_real_open("open64", path, flags, mode);
}
