/*
 * wizards: the wizards the answers and scenario harnesses walk, loaded once in a fixed order that seed.sh
 * knows: the bundled wizards by name, those of tests/good by name, then tests/scenario/expect.yaml.  The
 * first byte of an input picks one (modulo their number), so that a saved input picks the same wizard on
 * every machine.
 */
#ifndef TRIN_FUZZ_WIZARDS_H
#define TRIN_FUZZ_WIZARDS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "diag.h"
#include "model.h"
#include "util.h"

static struct wizard *fuzz_wizards[64];
static size_t fuzz_nwizards;

static int fuzz_wizards_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void fuzz_wizards_add(const char *path)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load(path, NULL, &d);
	diag_free(&d);
	if (!w || fuzz_nwizards == ARRAY_LEN(fuzz_wizards))
		abort();	/* the order seed.sh assumes holds only when every one of them loads */
	fuzz_wizards[fuzz_nwizards++] = w;
}

static void fuzz_wizards_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		abort();
	char *names[32];
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dp)) && n < ARRAY_LEN(names)) {
		size_t len = strlen(de->d_name);
		if (len > 5 && strcmp(de->d_name + len - 5, ".yaml") == 0)
			names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	qsort(names, n, sizeof *names, fuzz_wizards_cmp);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		fuzz_wizards_add(path);
		free(names[i]);
	}
}

/* Load the wizards, once. */
static void fuzz_wizards_load(void)
{
	if (fuzz_nwizards)
		return;
	fuzz_wizards_dir(TRIN_SOURCE_ROOT "/wizards");
	fuzz_wizards_dir(TRIN_SOURCE_ROOT "/tests/good");
	fuzz_wizards_add(TRIN_SOURCE_ROOT "/tests/scenario/expect.yaml");
}

#endif
