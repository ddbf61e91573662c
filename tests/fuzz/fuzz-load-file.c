/*
 * fuzz-load-file: any bytes as a wizard file on disk, loaded as `trin check` loads a file (read as the parse
 * goes, its first bytes looked at for an empty file, UTF-16 or a byte-order mark, read whole once more when
 * the parse stops short) and, beside it, the same bytes loaded from memory.  Both must load or both fail,
 * with the same diagnostics at the same places: a difference aborts, printing both.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fuzz.h"
#include "model.h"

/* The input's file: removed at once, so that no run, however it ends, leaves it behind; read through its
 * descriptor's name in /proc, as any path. */
static int fuzz_fd = -1;
static char fuzz_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char name[4096];
	snprintf(name, sizeof name, "%s/trin-fuzz-load-file-XXXXXX", dir);
	fuzz_fd = mkstemp(name);
	if (fuzz_fd < 0 || unlink(name) != 0) {
		perror(name);
		abort();
	}
	snprintf(fuzz_path, sizeof fuzz_path, "/proc/self/fd/%d", fuzz_fd);
	return 0;
}

/* The diagnostics as trin prints them, in a string to free. */
static char *fuzz_printed(struct diags *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		abort();
	diag_sort(d);
	diag_print(d, f);
	if (fclose(f) != 0)
		abort();
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (ftruncate(fuzz_fd, 0) != 0 || (size && pwrite(fuzz_fd, data, size, 0) != (ssize_t)size)) {
		perror("fuzz-load-file: the input could not be written to its file");
		abort();
	}
	struct diags from_file = { 0 }, from_memory = { 0 };
	struct wizard *a = wizard_load_analysis(fuzz_path, NULL, &from_file);
	struct wizard *b = wizard_load_buffer_analysis(fuzz_path, (const char *)data, size, NULL, &from_memory);
	char *ta = fuzz_printed(&from_file), *tb = fuzz_printed(&from_memory);
	if (!a != !b || strcmp(ta, tb) != 0) {
		fprintf(stderr, "loaded from the file: %s\n%s\nloaded from memory: %s\n%s\n", a ? "yes" : "no", ta,
			b ? "yes" : "no", tb);
		abort();
	}
	free(ta);
	free(tb);
	wizard_free(a);
	wizard_free(b);
	diag_free(&from_file);
	diag_free(&from_memory);
	return 0;
}
