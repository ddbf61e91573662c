/*
 * replay: runs saved inputs through a fuzz harness without libFuzzer, for `meson test`.  Each argument is
 * a file or a directory of files (its hidden files skipped).  Any crash, sanitizer report or abort in the
 * harness fails the test; otherwise it prints how many inputs ran.
 *
 *   replay-HARNESS PATH...
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "util.h"

static size_t replay_count;

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return 1;
	}
	size_t cap = 4096, n = 0;
	unsigned char *buf = xmalloc(cap);
	size_t r;
	while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap)
			util_grow((void **)&buf, &cap, cap + 1, 1);
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	replay_count++;
	return 0;
}

static int replay_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path);
	struct dirent **list;
	int n = scandir(path, &list, NULL, alphasort);
	if (n < 0) {
		perror(path);
		return 1;
	}
	int status = 0;
	for (int i = 0; i < n; i++) {
		if (list[i]->d_name[0] != '.') {
			size_t len = strlen(path) + strlen(list[i]->d_name) + 2;
			char *child = xmalloc(len);
			snprintf(child, len, "%s/%s", path, list[i]->d_name);
			status |= replay_path(child);
			free(child);
		}
		free(list[i]);
	}
	free(list);
	return status;
}

int main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	int status = 0;
	for (int i = 1; i < argc; i++)
		status |= replay_path(argv[i]);
	printf("%zu inputs\n", replay_count);
	return status;
}
