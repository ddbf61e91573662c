/*
 * compat: the calls beyond plain POSIX, with a stand-in for each where the system lacks it.  See compat.h.
 */
#include "compat.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "config.h"

/* tests/test-compat.c builds this file a second time with the stand-ins, on a system that has the real calls */
#ifdef TRIN_COMPAT_FALLBACK
#undef HAVE_EXPLICIT_BZERO
#define HAVE_EXPLICIT_BZERO 0
#undef HAVE_FLOCK
#define HAVE_FLOCK 0
#undef HAVE_STAT_MTIM
#define HAVE_STAT_MTIM 0
#endif

#if !HAVE_EXPLICIT_BZERO
/* memset called through a volatile pointer: the compiler cannot know it is memset, so cannot drop it */
static void *(*volatile compat_memset)(void *, int, size_t) = memset;
#endif

void compat_wipe(void *p, size_t n)
{
#if HAVE_EXPLICIT_BZERO
	explicit_bzero(p, n);
#else
	compat_memset(p, 0, n);
#endif
}

bool compat_lock(int fd, bool lock)
{
	int r;
#if HAVE_FLOCK
	while ((r = flock(fd, lock ? LOCK_EX : LOCK_UN)) != 0 && errno == EINTR)
		;
#else
	struct flock fl = { .l_type = lock ? F_WRLCK : F_UNLCK, .l_whence = SEEK_SET };
	while ((r = fcntl(fd, F_SETLKW, &fl)) != 0 && errno == EINTR)
		;
#endif
	return r == 0;
}

bool compat_same_mtime(const struct stat *a, const struct stat *b)
{
#if HAVE_STAT_MTIM
	return a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
#else
	return a->st_mtime == b->st_mtime;
#endif
}

bool compat_self_exe(char *buf, size_t size)
{
	ssize_t n = -1;
#if defined(__linux__) && !defined(TRIN_COMPAT_FALLBACK)
	if (size > 0)
		n = readlink("/proc/self/exe", buf, size - 1);
#endif
	bool whole = n > 0 && (size_t)n < size - 1;	/* a path that filled buf may have been cut */
	if (size > 0)
		buf[whole ? n : 0] = '\0';
	return whole;
}

void *compat_open_library(const char *name, const struct compat_sym *syms, size_t n)
{
	void *lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
	for (size_t i = 0; lib && i < n; i++) {
		if (!(*syms[i].slot = dlsym(lib, syms[i].name))) {
			dlclose(lib);
			lib = NULL;
		}
	}
	return lib;
}
