/*
 * cmd-test: `trin test [--coverage] [--min-coverage PCT] [--today DATE] [--scenario FILE...] WIZARD...`, the
 * scenarios under `tests:` run, one line each and a closing count; with --coverage, the steps and transitions
 * no scenario took (each as the engine took it on each visit).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "i18n.h"
#include "repeat.h"
#include "result.h"
#include "text.h"
#include "ui-script.h"

/* What the scenarios of one wizard visited: steps, and transitions numbered step by step. */
struct cmd_test_coverage {
	bool *step;
	size_t *first;		/* the transitions of step i are first[i] .. first[i + 1] */
	bool *transition;
};

static void cmd_test_visit(struct engine *e, struct cmd_test_coverage *cov)
{
	size_t np;
	const int *path = engine_path(e, &np);
	for (size_t i = 0; i < np; i++) {
		cov->step[path[i]] = true;
		int k = engine_visit_transition(e, i);	/* as the engine chose it, with the answers of that visit */
		if (k >= 0)
			cov->transition[cov->first[path[i]] + (size_t)k] = true;
	}
}

/* Print what no scenario took and the counts; false when either share is below min_pct. */
static bool cmd_test_report(const struct wizard *w, const struct cmd_test_coverage *cov, int min_pct)
{
	size_t steps = 0, transitions = 0, ntransitions = cov->first[w->nsteps];
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		steps += cov->step[i];
		for (size_t k = 0; k < s->nnext; k++)
			transitions += cov->transition[cov->first[i] + k];
		if (!cov->step[i]) {
			text_printf(stdout, "%s:%d:%d: not covered: step '%s'\n", w->file, s->loc.line, s->loc.col, s->id);
			continue;
		}
		for (size_t k = 0; k < s->nnext; k++) {
			const struct transition *t = &s->next[k];
			if (cov->transition[cov->first[i] + k])
				continue;
			text_printf(stdout, "%s:%d:%d: not covered: transition '%s' -> '%s' ", w->file, t->loc.line,
				    t->loc.col, s->id, w->steps[t->target].id);
			if (t->when)
				text_printf(stdout, "(when %s)\n", expr_text(t->when));
			else
				puts("(default)");
		}
	}
	text_printf(stdout, "%s: coverage: steps %zu/%zu, transitions %zu/%zu\n", w->file, steps, w->nsteps,
		    transitions, ntransitions);
	if (min_pct <= 0 || (steps * 100 >= (size_t)min_pct * w->nsteps && transitions * 100 >= (size_t)min_pct * ntransitions))
		return true;
	text_printf(stdout, "FAIL %s: coverage below %d%%\n", w->file, min_pct);
	return false;
}

/* The start of a scenario's FAIL line, up to what went wrong. */
/* Begin a FAIL line: at what failed when it has a place (an answer, an expectation), else at the scenario. */
static void cmd_test_fail(const struct scenario *sc, const struct loc *at)
{
	if (at && at->line)
		text_printf(stdout, "FAIL %s:%d:%d: %s: ", at->file, at->line, at->col, sc->name);
	else
		text_printf(stdout, "FAIL %s:%d: %s: ", sc->loc.file, sc->loc.line, sc->name);
}

/* The rest of a FAIL line for a mismatch: what the walk gave and what the scenario expected, as JSON. */
static void cmd_test_differs(const struct step *s, struct value got, struct value want, const char *note)
{
	if (s && s->type == STEP_REPEAT)	/* a group's items as maps, as the scenario writes them */
		repeat_json(stdout, s, got);
	else
		result_json_value(stdout, got);
	fputs(note, stdout);
	fputs(", expected ", stdout);
	if (s && s->type == STEP_REPEAT)
		repeat_json(stdout, s, want);
	else
		result_json_value(stdout, want);
	putchar('\n');
}

/*
 * Whether the walk that reached the scenario's end also went the way it expects: its path, then the
 * answers in the result, then the derived values, each in the order written.  Prints the FAIL line with
 * the first mismatch.
 */
static bool cmd_test_expected(const struct wizard *w, struct engine *e, const struct scenario *sc)
{
	size_t np;
	const int *path = engine_path(e, &np);
	for (size_t i = 0; sc->path && (i < np || i < sc->npath); i++) {
		if (i < np && i < sc->npath && path[i] == sc->path[i])
			continue;
		cmd_test_fail(sc, NULL);
		text_printf(stdout, "path differs at step %zu: ", i + 1);
		if (i >= np)
			text_printf(stdout, "the walk ended after step %zu, expected '%s'\n", np,
				    w->steps[sc->path[i]].id);
		else if (i >= sc->npath)
			text_printf(stdout, "visited '%s', expected the path to end after step %zu\n",
				    w->steps[path[i]].id, sc->npath);
		else
			text_printf(stdout, "visited '%s', expected '%s'\n", w->steps[path[i]].id,
				    w->steps[sc->path[i]].id);
		return false;
	}
	for (size_t i = 0; i < sc->nresult; i++) {
		const struct scenario_expect *x = &sc->result[i];
		struct value got = engine_answer(e, x->index);
		if (value_equal(got, x->value))
			continue;
		bool on = false;
		for (size_t k = 0; k < np && !on; k++)
			on = path[k] == x->index;
		cmd_test_fail(sc, &x->loc);
		text_printf(stdout, "answer '%s' is ", x->name);
		cmd_test_differs(&w->steps[x->index], got, x->value, on ? "" : " (not on the path)");
		return false;
	}
	for (size_t i = 0; i < sc->nvalues; i++) {
		const struct scenario_expect *x = &sc->values[i];
		struct value got = engine_derived(e, (size_t)x->index, NULL);
		if (value_equal(got, x->value))
			continue;
		cmd_test_fail(sc, &x->loc);
		text_printf(stdout, "value '%s' is ", x->name);
		cmd_test_differs(NULL, got, x->value, "");
		return false;
	}
	return true;
}

/* Walk one scenario and print its line; coverage is noted when cov is given; today (--today) overrides its own. */
static void cmd_test_one(const struct wizard *w, const struct scenario *sc, struct cmd_test_coverage *cov,
			 const char *today, size_t *passed, size_t *failed)
{
	struct engine *e = engine_create(w, NULL);	/* as trin run walks */
	script_today(e, sc, today);
	struct script_stop stop;
	bool done = script_walk(w, e, sc, NULL, &stop);
	size_t np;
	const int *path = engine_path(e, &np);
	if (!done) {
		cmd_test_fail(sc, stop.at ? &stop.at->input.loc : NULL);
		text_printf(stdout, "stopped at step '%s': %s\n", w->steps[stop.where].id, stop.why);
		(*failed)++;
	} else if (path[np - 1] != sc->end) {
		cmd_test_fail(sc, &sc->end_loc);
		text_printf(stdout, "ended at '%s', expected '%s'\n", w->steps[path[np - 1]].id,
			    w->steps[sc->end].id);
		(*failed)++;
	} else if (!cmd_test_expected(w, e, sc)) {
		(*failed)++;
	} else {
		text_printf(stdout, "PASS %s: %s\n", sc->loc.file, sc->name);
		(*passed)++;
	}
	if (cov)
		cmd_test_visit(e, cov);
	engine_free(e);
}

/* Walk the scenarios in files (as --record writes them) on w; a file with errors fails as a whole. */
static void cmd_test_files(const struct wizard *w, const char **files, size_t n, struct cmd_test_coverage *cov,
			   const char *today, size_t *passed, size_t *failed)
{
	for (size_t k = 0; k < n; k++) {
		struct arena a = { 0 };
		struct scenario sc;
		struct diags sd = { 0 };
		if (scenario_load(w, files[k], &a, &sc, true, &sd)) {
			cmd_test_one(w, &sc, cov, today, passed, failed);
		} else {
			diag_sort(&sd);
			diag_print(&sd, stderr);
			text_printf(stdout, "FAIL %s: the scenario has errors\n", files[k]);
			(*failed)++;
		}
		diag_free(&sd);
		arena_free(&a);
	}
}

int cmd_test(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "coverage", no_argument, NULL, 'c' },
		{ "min-coverage", required_argument, NULL, 'm' },
		{ "scenario", required_argument, NULL, 's' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool coverage = false;
	int min_pct = 0, c;
	const char *today = NULL;
	const char **scenarios = xcalloc((size_t)argc, sizeof *scenarios);
	size_t nscenarios = 0;
	unsigned long long pct;
	int status = -1;
	while ((c = cmd_option(argc, argv, "h", opts, &status)) != -1) {
		switch (c) {
		case 'c':
			coverage = true;
			break;
		case 'm':
			if (!cmd_number("trin test", "--min-coverage", optarg, 0, 100, &pct)) {
				free(scenarios);
				return EXIT_USAGE;
			}
			min_pct = (int)pct;
			coverage = true;
			break;
		case 's':
			scenarios[nscenarios++] = optarg;
			break;
		case 't':
			if (!cmd_date("trin test", "--today", optarg)) {
				free(scenarios);
				return EXIT_USAGE;
			}
			today = optarg;
			break;
		}
	}
	if (status < 0 && (optind >= argc || (nscenarios && optind != argc - 1)))
		status = cmd_misuse(nscenarios ? _("trin test: --scenario goes with one wizard\n") : NULL);
	if (status >= 0) {
		free(scenarios);
		return status;
	}
	size_t passed = 0, failed = 0;
	bool invalid = false, covered = true;
	for (int i = optind; i < argc; i++) {
		struct diags d = { 0 };
		struct wizard *w = cmd_load(argv[i], &d);
		diag_free(&d);
		if (!w) {	/* a wizard that does not load fails as a whole */
			text_printf(stdout, "FAIL %s: the wizard has errors\n", argv[i]);
			invalid = true;
			failed++;
			continue;
		}
		struct cmd_test_coverage cov = { 0 };
		if (coverage) {
			cov.step = xcalloc(w->nsteps ? w->nsteps : 1, sizeof *cov.step);
			cov.first = xcalloc(w->nsteps + 1, sizeof *cov.first);
			for (size_t s = 0; s < w->nsteps; s++)
				cov.first[s + 1] = cov.first[s] + w->steps[s].nnext;
			cov.transition = xcalloc(cov.first[w->nsteps] ? cov.first[w->nsteps] : 1, sizeof *cov.transition);
		}
		if (nscenarios) {	/* scenarios from files, such as --record wrote, instead of the wizard's */
			cmd_test_files(w, scenarios, nscenarios, coverage ? &cov : NULL, today, &passed, &failed);
		} else {
			for (size_t t = 0; t < w->ntests; t++)
				cmd_test_one(w, &w->tests[t], coverage ? &cov : NULL, today, &passed, &failed);
		}
		if (coverage && !cmd_test_report(w, &cov, min_pct))
			covered = false;
		free(cov.step);
		free(cov.first);
		free(cov.transition);
		wizard_free(w);
	}
	free(scenarios);
	text_printf(stdout, "%zu passed, %zu failed\n", passed, failed);
	return invalid ? EXIT_INVALID : failed || !covered ? EXIT_INCOMPLETE : EXIT_OK;
}
