/*
 * paths: the bundled wizards and catalogues, from the build tree or installed.  See paths.h.
 */
#include "paths.h"

#include <dirent.h>
#include <stdio.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "util.h"

/* Whether this executable is the one in the build tree it was built in. */
static bool paths_in_build_tree(void)
{
	static int cached = -1;
	if (cached >= 0)
		return cached;
	char exe[PATH_MAX], build[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	cached = 0;
	if (n > 0 && realpath(TRIN_BUILD_ROOT, build)) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			cached = strcmp(exe, build) == 0;
		}
	}
	return cached;
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
	const char *bundled = paths_in_build_tree() ? TRIN_SOURCE_ROOT "/wizards" : TRIN_DATADIR "/wizards";
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
	return paths_in_build_tree() ? TRIN_BUILD_ROOT "/po" : TRIN_LOCALEDIR;
}

void paths_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
