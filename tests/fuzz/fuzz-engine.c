/*
 * fuzz-engine: the engine fed random answers.  The wizards are the bundled ones and those of tests/good,
 * loaded once.  The first byte picks the wizard; each further byte is an operation: an answer (random text,
 * a choice value of the step, a list, a plausible number, date or yes/no), back, revise from a review,
 * formatting a text with {name}, or writing the result.  After every operation the engine's invariants
 * must hold (engine_check), and the view must be consistent with them.  At the end the walk is carried
 * over to a fresh engine (engine_follow, as --watch does), which must hold too and be where it says.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "diag.h"
#include "engine.h"
#include "fuzz.h"
#include "model.h"
#include "result.h"
#include "util.h"

static struct wizard *fuzz_wizards[64];
static size_t fuzz_nwizards;

static void fuzz_load_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	struct dirent *de;
	char *names[64];
	size_t n = 0;
	while ((de = readdir(dp)) && n < ARRAY_LEN(names)) {
		size_t len = strlen(de->d_name);
		if (len > 5 && strcmp(de->d_name + len - 5, ".yaml") == 0)
			names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	/* in name order, so that a saved input picks the same wizard on every machine */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		struct diags d = { 0 };
		struct wizard *w = wizard_load(path, NULL, &d);
		diag_free(&d);
		if (w && fuzz_nwizards < ARRAY_LEN(fuzz_wizards))
			fuzz_wizards[fuzz_nwizards++] = w;
		else
			wizard_free(w);
		free(names[i]);
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!fuzz_nwizards) {
		fuzz_load_dir(TRIN_SOURCE_ROOT "/wizards");
		fuzz_load_dir(TRIN_SOURCE_ROOT "/tests/good");
	}
	if (!fuzz_nwizards)
		abort();
	return 0;
}

/* The input, read a byte or a string at a time; past the end it gives zeros. */
struct fuzz_in {
	const uint8_t *p;
	size_t n;
};

static unsigned fuzz_byte(struct fuzz_in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

/* A string of up to the next byte's value of bytes, copied into a; NUL bytes end it early. */
static const char *fuzz_string(struct fuzz_in *in, struct arena *a)
{
	size_t len = fuzz_byte(in);
	if (len > in->n)
		len = in->n;
	const char *s = arena_strndup(a, (const char *)in->p, len);
	in->p += len;
	in->n -= len;
	return s;
}

/* An answer that a person might well type at a step of this type. */
static const char *fuzz_plausible(const struct step *s, unsigned k, struct arena *a)
{
	static const char *const numbers[] = { "0", "20000", "-1", "1.5", "1.23456", "40 000", "9223372036854775807",
					       "1e9", "12,5", "" };
	static const char *const dates[] = { "2025-02-27", "27-02-2025", "29-02-2023", "29.02.2024", "31/12/1999",
					     "", "0000-00-00", "1-1-1" };
	static const char *const yesno[] = { "ja", "nej", "yes", "no", "j", "n", "", "true" };
	switch (s->type) {
	case STEP_NUMBER:
		return numbers[k % ARRAY_LEN(numbers)];
	case STEP_DATE:
		return dates[k % ARRAY_LEN(dates)];
	case STEP_YESNO:
		return yesno[k % ARRAY_LEN(yesno)];
	case STEP_TEXT:
		return arena_printf(a, "%.*s", (int)(k % 40), "Bygaden 12, 2. th., 8000 Aarhus C. Æøå é");
	default:
		return NULL;
	}
}

static void fuzz_check(struct engine *e, const struct wizard *w)
{
	const char *why;
	if (!engine_check(e, &why)) {
		fprintf(stderr, "engine check: %s\n", why);
		abort();
	}
	struct engine_view v;
	engine_view(e, &v);
	size_t n;
	const int *path = engine_path(e, &n);
	/* in a repeated group the view shows one of its steps, and each place in it counts in the position */
	const struct step *g = v.group;
	bool groups = false;
	for (size_t i = 0; i < w->nsteps; i++)
		groups |= w->steps[i].type == STEP_REPEAT;
	const struct step_more *more = g ? step_more(g) : NULL;
	bool shown = g ? g == &w->steps[v.index] && (v.step == more->add || (v.step >= more->inner &&
						     v.step < more->inner + more->ninner))
		       : v.step == &w->steps[v.index];
	if (v.index != path[n - 1] || !shown || v.position < n || (!groups && v.position != n) ||
	    (g ? !v.can_back && n > 1 : v.can_back != (n > 1)) || (v.total_max && !engine_done(e) && v.position > v.total_max) ||
	    (v.total_max && v.total_min > v.total_max) || engine_done(e) != (v.step->type == STEP_END)) {
		fprintf(stderr, "engine view does not match the path: step %s at %zu (%zu to %zu), path %zu, back %d\n",
			v.step->id, v.position, v.total_min, v.total_max, n, v.can_back);
		abort();
	}
}

static void fuzz_op(struct engine *e, const struct wizard *w, struct fuzz_in *in, struct arena *a, FILE *null)
{
	struct engine_view v;
	engine_view(e, &v);
	const struct step *s = v.step;
	unsigned op = fuzz_byte(in), k = fuzz_byte(in);
	struct answer_input ans = { 0 };
	switch (op % 10) {
	case 0:
		ans.text = fuzz_string(in, a);
		engine_submit(e, &ans);
		break;
	case 1:
	case 2:
		if (s->nchoices)
			ans.text = s->choices[k % s->nchoices].value;
		else
			ans.text = fuzz_plausible(s, k, a);
		engine_submit(e, ans.text ? &ans : NULL);
		break;
	case 3:
		ans.is_list = true;
		ans.nitems = k % 5;
		ans.items = arena_alloc(a, (ans.nitems + 1) * sizeof *ans.items);
		for (size_t i = 0; i < ans.nitems; i++)
			ans.items[i] = s->nchoices && (fuzz_byte(in) & 3) ? s->choices[fuzz_byte(in) % s->nchoices].value
									   : fuzz_string(in, a);
		engine_submit(e, &ans);
		break;
	case 4:
		engine_back(e);
		break;
	case 5: {
		size_t n;
		const int *path = engine_path(e, &n);
		int g = path[k % n];
		if (w->steps[g].type == STEP_REPEAT && (k & 0x40) && (k & 0x20))	/* a group's item, from a review */
			engine_remove_item(e, g, k % 5);
		else if (w->steps[g].type == STEP_REPEAT && (k & 0x40))
			engine_revise_item(e, g, k % 5);
		else
			engine_revise(e, k & 0x80 ? (int)(k % (w->nsteps + 1)) - 1 : path[k % n]);
		break;
	}
	case 6:
		engine_submit(e, NULL);
		break;
	case 7:
		fputs(engine_format(e, fuzz_string(in, a), NULL, NULL), null);
		if (s->title.msgid)
			fputs(engine_format(e, s->title.msgid, NULL, NULL), null);
		if (s->text.msgid)
			fputs(engine_format(e, s->text.msgid, NULL, NULL), null);
		fputs(engine_value_text(e, s, v.prefill), null);
		break;
	case 8:
		result_json(null, w, e);
		for (size_t i = 0; i < w->nvalues; i++)
			(void)engine_derived(e, i, NULL);
		break;
	default:
		ans.text = fuzz_plausible(s, k, a);
		engine_submit(e, ans.text ? &ans : NULL);
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!fuzz_nwizards)
		LLVMFuzzerInitialize(NULL, NULL);
	struct fuzz_in in = { data, size };
	const struct wizard *w = fuzz_wizards[fuzz_byte(&in) % fuzz_nwizards];
	struct engine *e = engine_create(w, NULL);
	struct arena a = { 0 };
	FILE *null = fopen("/dev/null", "w");
	if (!null)
		abort();
	fuzz_check(e, w);
	while (in.n) {
		fuzz_op(e, w, &in, &a, null);
		fuzz_check(e, w);
	}
	/* the walk carried over to a fresh engine, as --watch does: sound, and where it says it is */
	struct engine *f = engine_create(w, NULL);
	bool there = engine_follow(f, e);
	fuzz_check(f, w);
	struct engine_view ve, vf;
	engine_view(e, &ve);
	engine_view(f, &vf);
	if (there && ve.index != vf.index)
		abort();
	engine_free(f);
	fclose(null);
	arena_free(&a);
	engine_free(e);
	return 0;
}
