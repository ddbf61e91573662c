/*
 * test-compat: unit tests of src/compat.c, built twice: with this system's calls, and with the portable
 * stand-ins that another system would use (TRIN_COMPAT_FALLBACK).  argv[1] is a folder to write in.
 * Prints each failing check with its line; exits non-zero when any check failed.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"

#include "test.h"

static void test_wipe(void)
{
	char buf[64];
	memset(buf, 'x', sizeof buf);
	compat_wipe(buf + 1, sizeof buf - 2);
	CHECK(buf[0] == 'x' && buf[sizeof buf - 1] == 'x');
	size_t zeros = 0;
	for (size_t i = 1; i < sizeof buf - 1; i++)
		zeros += buf[i] == 0;
	CHECK_NUM(zeros, sizeof buf - 2);
	compat_wipe(buf, 0);
	CHECK(buf[0] == 'x');
}

/* Whether another process takes the lock on path within the seconds given (an alarm ends its wait). */
static int test_other_locks(const char *path, unsigned seconds)
{
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open(path, O_WRONLY);
		alarm(seconds);
		_exit(fd >= 0 && compat_lock(fd, true) ? 0 : 1);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static void test_lock(const char *dir)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/test-compat.%ld.lock", dir, (long)getpid());
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(compat_lock(fd, true));
	CHECK(!test_other_locks(path, 1));	/* held here: another process waits */
	CHECK(compat_lock(fd, false));
	CHECK(test_other_locks(path, 60));
	close(fd);
	unlink(path);
	CHECK(!compat_lock(-1, true));
}

static void test_mtime(void)
{
	struct stat a, b;
	memset(&a, 0, sizeof a);
	a.st_mtime = 1795651200;
	b = a;
	CHECK(compat_same_mtime(&a, &b));
	b.st_mtime++;
	CHECK(!compat_same_mtime(&a, &b));
#if !defined(TRIN_COMPAT_FALLBACK) && defined(__linux__)
	b = a;
	b.st_mtim.tv_nsec = 1;	/* Linux keeps nanoseconds; the stand-in sees seconds only */
	CHECK(!compat_same_mtime(&a, &b));
#endif
}

static void test_self_exe(const char *argv0)
{
	char buf[PATH_MAX], real[PATH_MAX];
	memset(buf, 'x', sizeof buf);
#if !defined(TRIN_COMPAT_FALLBACK) && defined(__linux__)
	CHECK(compat_self_exe(buf, sizeof buf));
	CHECK(realpath(argv0, real) && strcmp(buf, real) == 0);
	CHECK(!compat_self_exe(buf, 4) && buf[0] == '\0');	/* a path that does not fit is no path */
#else
	(void)argv0;
	(void)real;
	CHECK(!compat_self_exe(buf, sizeof buf) && buf[0] == '\0');
#endif
	CHECK(!compat_self_exe(buf, 0));
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test-compat FOLDER\n");
		return 2;
	}
	test_wipe();
	test_lock(argv[1]);
	test_mtime();
	test_self_exe(argv[0]);
	return test_done(argv[0]);
}
