/*
 * paths: the bundled wizards and catalogues, from the build tree or installed.  See paths.h.
 */
#include "paths.h"

#include <dirent.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat.h"
#include "config.h"
#include "limit.h"
#include "util.h"

/* The file beside an executable in its build tree that names the source tree. */
#define PATHS_MARKER "trin-source-tree"

/* The folder of this executable, or "" when it cannot be known. */
static const char *paths_exe_dir(void)
{
	static char dir[LIMIT_PATH];
	static bool done;
	if (!done) {
		done = true;
		compat_self_exe(dir, sizeof dir);
		char *slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
	}
	return dir;
}

/*
 * The source tree this executable was built from, when it runs in its build tree: the build writes that
 * path into PATHS_MARKER beside the executable (meson.build), a file `meson install` leaves behind.  NULL
 * when there is no such file: an installed trin.
 */
static const char *paths_source_root(void)
{
	static char root[LIMIT_PATH];
	static int found = -1;
	if (found < 0) {
		found = 0;
		char marker[LIMIT_PATH];
		const char *exe = paths_exe_dir();
		FILE *f = NULL;
		if (*exe && snprintf(marker, sizeof marker, "%s/%s", exe, PATHS_MARKER) < (int)sizeof marker)
			f = fopen(marker, "r");
		if (f && fgets(root, sizeof root, f)) {
			root[strcspn(root, "\n")] = '\0';
			found = root[0] == '/';
		}
		if (f)
			fclose(f);
	}
	return found ? root : NULL;
}

/*
 * An installed folder: found beside the executable first (prefix/bindir/trin -> prefix/rel), so that an
 * installation moved elsewhere or staged with DESTDIR still finds its files; else the configured one.
 */
static const char *paths_installed(char *buf, size_t size, const char *rel, const char *configured)
{
	const char *exe = paths_exe_dir();
	size_t el = strlen(exe), bl = strlen(TRIN_BINDIR);
	if (TRIN_BINDIR[0] != '/' && el > bl && exe[el - bl - 1] == '/' && strcmp(exe + el - bl, TRIN_BINDIR) == 0) {
		snprintf(buf, size, "%.*s/%s", (int)(el - bl - 1), exe, rel);
		if (access(buf, F_OK) == 0)
			return buf;
	}
	return configured;
}

static void paths_add(char ***v, size_t *n, size_t *cap, const char *s, size_t len)
{
	util_grow((void **)v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrndup(s, len);
}

size_t paths_wizard_dirs(char ***dirs)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	const char *env = getenv("TRIN_PATH");
	for (const char *p = env; p && *p;) {
		size_t len = strcspn(p, ":");
		if (len)
			paths_add(&v, &n, &cap, p, len);
		p += len + (p[len] == ':');
	}
	char buf[LIMIT_PATH];
	const char *source = paths_source_root(), *bundled = buf;
	if (!source || snprintf(buf, sizeof buf, "%s/wizards", source) >= (int)sizeof buf)
		bundled = paths_installed(buf, sizeof buf, TRIN_DATADIR_REL "/trin/wizards", TRIN_DATADIR "/wizards");
	paths_add(&v, &n, &cap, bundled, strlen(bundled));
	*dirs = v;
	return n;
}

static int paths_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t paths_wizard_files(char **dirs, size_t ndirs, char ***files)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	for (size_t d = 0; d < ndirs; d++) {
		DIR *dir = opendir(dirs[d]);
		if (!dir)
			continue;
		char **names = NULL;
		size_t nn = 0, ncap = 0;
		struct dirent *de;
		while ((de = readdir(dir))) {
			size_t len = strlen(de->d_name);
			if (de->d_name[0] != '.' && len > 5 && strcmp(de->d_name + len - 5, ".yaml") == 0)
				paths_add(&names, &nn, &ncap, de->d_name, len);
		}
		closedir(dir);
		qsort(names, nn, sizeof *names, paths_cmp);
		for (size_t i = 0; i < nn; i++) {
			bool seen = false;
			for (size_t k = 0; k < n && !seen; k++) {
				const char *base = strrchr(v[k], '/');
				seen = strcmp(base ? base + 1 : v[k], names[i]) == 0;
			}
			if (!seen) {
				size_t len = strlen(dirs[d]) + 1 + strlen(names[i]);
				char *path = xmalloc(len + 1);
				snprintf(path, len + 1, "%s/%s", dirs[d], names[i]);
				util_grow((void **)&v, &cap, n + 1, sizeof *v);
				v[n++] = path;
			}
		}
		paths_free(names, nn);
	}
	*files = v;
	return n;
}

const char *paths_locale_dir(void)
{
	static char buf[LIMIT_PATH];
	if (paths_source_root() && snprintf(buf, sizeof buf, "%s/po", paths_exe_dir()) < (int)sizeof buf)
		return buf;	/* the catalogues the build compiled */
	return paths_installed(buf, sizeof buf, TRIN_LOCALEDIR_REL, TRIN_LOCALEDIR);
}

void paths_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
