/*
 * compat: the calls trin needs that plain POSIX does not give, each behind one function, so that a port to
 * another system changes this file and compat.c only.  Built and tested on Linux with glibc; where meson
 * finds a call missing (config.h), compat.c uses a portable stand-in, said at each function.
 */
#ifndef TRIN_COMPAT_H
#define TRIN_COMPAT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

/* Overwrite n bytes at p with zeros, in a way the compiler may not leave out (explicit_bzero). */
void compat_wipe(void *p, size_t n);
/* Take (lock true), waiting for it, or give up (false) the exclusive lock on the open file fd; false on
 * an error.  flock where there is one, else a POSIX record lock on the whole file. */
bool compat_lock(int fd, bool lock);
/* Whether two results of stat have the same modification time: to the nanosecond where the system keeps
 * it (st_mtim), else to the second. */
bool compat_same_mtime(const struct stat *a, const struct stat *b);
/* The path of the running executable into buf; false (and buf "") when the system does not say.
 * Linux: /proc/self/exe. */
bool compat_self_exe(char *buf, size_t size);

/* A function of a library opened at first use: its name, and where its address goes. */
struct compat_sym {
	const char *name;
	void **slot;
};
/*
 * Open the library name (as the dynamic linker finds it) and fill the slot of each of the n syms; the
 * library, or NULL (and nothing kept open) when it or one of its functions is missing.
 */
void *compat_open_library(const char *name, const struct compat_sym *syms, size_t n);

#endif
