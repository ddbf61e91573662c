/*
 * test-signals: the full screen and the kiosk leave the terminal as they found it, whatever ends them.  Each
 * signal whose default ends a process is sent to a running screen in a pseudo-terminal (term.h), and the
 * terminal is read back: the main screen, the cursor shown, echo, line editing and the signal keys on.
 * Long computations, a stack overflow and a slow load are made on purpose by a preloaded library (hook.c),
 * at moments the test knows, so nothing here depends on the speed of the machine.
 *
 *   test-signals TRIN SOURCE_ROOT HOOK
 */
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "term.h"
#include "test.h"

static const char *test_trin, *test_root, *test_hook;

/* The environment that preloads the hook, with extra settings ("NAME=VALUE"), for term_environ. */
static const char *const *test_hook_env(const char *a, const char *b, const char *c)
{
	return term_hook_env(test_hook, a, b, c);
}

/* Start the example wizard (or a kiosk of it) and wait for its first screen. */
static bool test_start(struct term *t, bool kiosk)
{
	term_start(t, 24, 80, kiosk ? (const char *[]){ "--kiosk", "wizards/besoeg.yaml", NULL }
				    : (const char *[]){ "wizards/besoeg.yaml", NULL });
	return term_wait(t, "Velkommen") && term_wait(t, "Enter Go on");
}

/* trin ended with status, and left the terminal as it found it. */
static void test_ended(struct term *t, int status, const char *what)
{
	int got = term_finish(t);
	bool restored = term_restored(t);
	CHECK_NUM(got, status);
	CHECK(restored);
	if (got != status || !restored)
		printf("  after %s\n", what);
}

/* TERM, INT and HUP while the screen waits for a key: the session ends, status 1, the terminal restored. */
static void test_stop_waiting(void)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct term t;
		CHECK(test_start(&t, false));
		kill(t.pid, sigs[i]);
		test_ended(&t, 1, strsignal(sigs[i]));
		term_close(&t);
	}
}

/*
 * The same while trin is busy in a computation that does not end (the hook's, after Ctrl-]): it ends at
 * once, with the same status; a kiosk with status 0 on TERM.
 */
static void test_stop_busy(void)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP };
	term_environ(test_hook_env("TRIN_HOOK=busy", NULL, NULL));
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct term t;
		CHECK(test_start(&t, false));
		term_ctrl(&t, ']');
		CHECK(term_wait(&t, "trin-hook: busy"));
		kill(t.pid, sigs[i]);
		test_ended(&t, 1, strsignal(sigs[i]));
		term_close(&t);
	}
	struct term t;
	CHECK(test_start(&t, true));
	term_ctrl(&t, ']');
	CHECK(term_wait(&t, "trin-hook: busy"));
	kill(t.pid, SIGTERM);
	test_ended(&t, 0, "Terminated, in a kiosk");
	term_close(&t);
	term_environ(NULL);
}

/* Every other signal whose default ends a process: the terminal restored, and trin dies by it. */
static void test_fatal(void)
{
	int sigs[] = { SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS, SIGTRAP,
#ifdef SIGPWR
		       SIGPWR,
#endif
#ifdef SIGSTKFLT
		       SIGSTKFLT,
#endif
		       SIGIO, SIGPIPE, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, 0, 0 };
	size_t n = sizeof sigs / sizeof sigs[0];
	sigs[n - 2] = SIGRTMIN;
	sigs[n - 1] = SIGRTMAX;
	for (size_t i = 0; i < n; i++) {
		struct term t;
		CHECK(test_start(&t, false));
		kill(t.pid, sigs[i]);
		test_ended(&t, 128 + sigs[i], strsignal(sigs[i]));
		term_close(&t);
	}
	/* a kiosk too; SIGQUIT it ignores on purpose, as the keyboard can send it */
	struct term t;
	CHECK(test_start(&t, true));
	kill(t.pid, SIGQUIT);
	term_settle(&t, 100);
	CHECK(term_ended(&t) < 0);
	kill(t.pid, SIGXCPU);
	test_ended(&t, 128 + SIGXCPU, "CPU time limit exceeded, in a kiosk");
	term_close(&t);
}

/* The stack overflows (as a chain of values too deep for it would): the crash handler still restores. */
static void test_overflow(void)
{
	term_environ(test_hook_env("TRIN_HOOK=overflow", NULL, NULL));
	struct term t;
	CHECK(test_start(&t, false));
	term_ctrl(&t, ']');
	test_ended(&t, 128 + SIGSEGV, "a stack overflow");
	term_close(&t);
	term_environ(NULL);
}

/* Run trin with its standard input and output as given (stderr to a file), the status or -1 if it hangs. */
static int test_run(const char *const *args, int in, int out, char *err, size_t size)
{
	char path[] = "/tmp/trin-signals-XXXXXX";
	int efd = mkstemp(path);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(in, 0);
		dup2(out, 1);
		dup2(efd, 2);
		if (chdir(test_root) != 0)
			_exit(98);
		setenv("TERM", "xterm-256color", 1);
		setenv("LANGUAGE", "en", 1);
		setenv("TRIN_LOCALEDIR", "/nonexistent", 1);
		char *argv[8] = { (char *)test_trin };
		for (size_t i = 0; args[i] && i < 6; i++)
			argv[i + 1] = (char *)args[i];
		execv(test_trin, argv);
		_exit(97);
	}
	int st = -1;
	long end = term_now_ms() + term_deadline_ms();
	while (waitpid(pid, &st, WNOHANG) == 0) {
		if (term_now_ms() > end) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
			st = -1;
			break;
		}
		usleep(10000);
	}
	ssize_t n = pread(efd, err, size - 1, 0);
	err[n > 0 ? n : 0] = '\0';
	close(efd);
	unlink(path);
	return st < 0 ? -1 : WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* A kiosk whose standard input or output is not a terminal refuses to start, at once, saying why. */
static void test_kiosk_no_tty(void)
{
	const char *const args[] = { "--kiosk", "wizards/besoeg.yaml", NULL };
	char err[4096];
	int null = open("/dev/null", O_RDWR);
	CHECK_NUM(test_run(args, null, null, err, sizeof err), 4);
	CHECK(strstr(err, "a kiosk needs a terminal as its standard input and output") != NULL);
	int master, slave;
	CHECK(openpty(&master, &slave, NULL, NULL, NULL) == 0);
	CHECK_NUM(test_run(args, null, slave, err, sizeof err), 4);	/* input not a terminal */
	CHECK_NUM(test_run(args, slave, null, err, sizeof err), 4);	/* output not one */
	CHECK(strstr(err, "StandardInput=tty") != NULL);
	close(master);
	close(slave);
	close(null);

	/* a terminal that terminfo does not know: said, status 4, and the signal keys it switched off are back */
	term_environ((const char *[]){ "TERM=no-such-terminal", NULL });
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--kiosk", "wizards/besoeg.yaml", NULL });
	test_ended(&t, 4, "a kiosk on an unknown terminal");
	CHECK(term_wait(&t, "cannot use this terminal (TERM=no-such-terminal)"));
	term_close(&t);
	term_environ(NULL);
}

/*
 * Ctrl-C, Ctrl-\ and Ctrl-Z typed while the kiosk loads its wizards, before its screen starts (the hook
 * holds the load until the keys are in): they stop nothing, and are not taken as keys afterwards.
 */
static void test_kiosk_loading(void)
{
	char gate[] = "/tmp/trin-gate-XXXXXX", env[64];
	int fd = mkstemp(gate);
	close(fd);
	unlink(gate);
	snprintf(env, sizeof env, "TRIN_HOOK_GATE=%s", gate);
	term_environ(test_hook_env("TRIN_HOOK=load", env, NULL));
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--kiosk", "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "trin-hook: load"));
	term_ctrl(&t, 'c');
	term_ctrl(&t, '\\');
	term_ctrl(&t, 'z');
	CHECK(term_wait(&t, "^Z"));	/* echoed: the terminal has read all three */
	fd = open(gate, O_WRONLY | O_CREAT, 0600);
	close(fd);
	CHECK(term_wait(&t, "Velkommen"));
	term_settle(&t, 100);
	CHECK(term_ended(&t) < 0);
	CHECK(!strstr(term_screen(&t), "Do you want to start over?"));
	kill(t.pid, SIGTERM);
	test_ended(&t, 0, "Ctrl-C while a kiosk loads");
	term_close(&t);
	unlink(gate);
	term_environ(NULL);
}

/*
 * A kiosk whose terminal reads fail (here: left in the background, where a read is an error once a key
 * is typed) ends as when the terminal went away, instead of spinning.
 */
static void test_terminal_gone(void)
{
	char pidfile[] = "/tmp/trin-pid-XXXXXX";
	int fd = mkstemp(pidfile);
	close(fd);
	term_setup("/bin/sh", test_root);
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "-c", "set -m; \"$0\" --kiosk wizards/besoeg.yaml </dev/tty & "
						 "echo $! >\"$1\"; wait $!", test_trin, pidfile, NULL });
	CHECK(term_wait(&t, "Velkommen"));
	term_type(&t, "x");
	int status = term_finish(&t);
	CHECK_NUM(status, 128 + SIGHUP);
	if (status < 0) {	/* the shell was killed; trin is in a group of its own */
		FILE *f = fopen(pidfile, "r");
		int pid = 0;
		if (f && fscanf(f, "%d", &pid) == 1 && pid > 0)
			kill(pid, SIGKILL);
		if (f)
			fclose(f);
	}
	term_close(&t);
	unlink(pidfile);
	term_setup(test_trin, test_root);
}

/* How many lines the file has, or 0. */
static int test_lines(const char *path)
{
	FILE *f = fopen(path, "r");
	int n = 0, c;
	while (f && (c = getc(f)) != EOF)
		n += c == '\n';
	if (f)
		fclose(f);
	return n;
}

/*
 * A kiosk whose wizard does not load tries it again each minute (here the hook's clock runs fast); the
 * diagnostics are never written over the calm screen when stderr is that terminal, but once it ends.
 */
static void test_kiosk_diagnostics(void)
{
	char log[] = "/tmp/trin-log-XXXXXX", env[64];
	int fd = mkstemp(log);
	close(fd);
	snprintf(env, sizeof env, "TRIN_HOOK_LOG=%s", log);
	term_environ(test_hook_env("TRIN_HOOK_CLOCK=120", env, NULL));
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--kiosk", "tests/bad/flow.yaml", NULL });
	CHECK(term_wait(&t, "This terminal is out of order."));
	long end = term_now_ms() + 4 * term_deadline_ms();
	while (test_lines(log) < 3 && term_now_ms() < end)	/* the first load, a second one done, a third begun */
		term_pump(&t, 50);
	CHECK(test_lines(log) >= 3);
	term_settle(&t, 100);
	CHECK(term_wait(&t, "Please ask at the desk."));
	if (strstr(term_screen(&t), "error")) {
		CHECK(!"diagnostics over the kiosk's screen");
		term_dump(&t);
	}
	kill(t.pid, SIGTERM);
	test_ended(&t, 0, "a kiosk out of order");
	CHECK(term_wait(&t, "tests/bad/flow.yaml:3:8: error: unknown step 'begyndelse'"));	/* said at the end */
	term_close(&t);

	/* standard error elsewhere (the journal): each try's diagnostics go there as they come */
	char err[] = "/tmp/trin-err-XXXXXX";
	fd = mkstemp(err);
	close(fd);
	unlink(log);
	term_setup("/bin/sh", test_root);
	term_start(&t, 24, 80, (const char *[]){ "-c", "exec \"$0\" --kiosk tests/bad/flow.yaml 2>\"$1\"", test_trin,
						 err, NULL });
	CHECK(term_wait(&t, "This terminal is out of order."));
	end = term_now_ms() + 4 * term_deadline_ms();
	while (test_lines(log) < 3 && term_now_ms() < end)
		term_pump(&t, 50);
	kill(t.pid, SIGTERM);
	test_ended(&t, 0, "a kiosk out of order, stderr elsewhere");
	term_close(&t);
	term_setup(test_trin, test_root);
	CHECK(test_lines(err) >= 2);	/* the first try, and the second */
	unlink(err);
	unlink(log);
	term_environ(NULL);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test-signals TRIN SOURCE_ROOT HOOK\n");
		return 2;
	}
	test_trin = argv[1];
	test_root = argv[2];
	test_hook = argv[3];
	term_setup(argv[1], argv[2]);
	setrlimit(RLIMIT_CORE, &(struct rlimit){ 0, 0 });	/* the signals that dump core need not */
	test_stop_waiting();
	test_stop_busy();
	test_fatal();
	test_overflow();
	test_kiosk_no_tty();
	test_terminal_gone();
	test_kiosk_loading();
	test_kiosk_diagnostics();
	return test_done("test-signals");
}
