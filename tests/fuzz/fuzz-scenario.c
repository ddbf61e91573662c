/*
 * fuzz-scenario: any bytes as a scenario file of `trin test --scenario` (name, answers, end, and the result,
 * values and path it expects), for the wizard the first byte picks (wizards.h).  A scenario that loads must
 * name an end step, and every step and value it names must be the wizard's; it is then walked as `trin test`
 * walks it, and its expectations read against the walk, and it is written back as --record writes it.
 */
#include "fuzz.h"
#include "engine.h"
#include "result.h"
#include "ui-script.h"
#include "wizards.h"

static bool fuzz_step_ok(const struct wizard *w, int step)
{
	return step >= 0 && (size_t)step < w->nsteps;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_wizards_load();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const struct wizard *w = fuzz_wizards[data[0] % fuzz_nwizards];
	struct arena a = { 0 };
	struct scenario sc;
	struct diags d = { 0 };
	FILE *null = fopen("/dev/null", "w");
	if (!null)
		abort();
	if (scenario_load_buffer(w, "scenario.yaml", (const char *)data + 1, size - 1, &a, &sc, true, &d)) {
		if (!fuzz_step_ok(w, sc.end) || w->steps[sc.end].type != STEP_END || !sc.name)
			abort();	/* what trin test compares the walk's end with */
		for (size_t i = 0; i < sc.nanswers; i++)
			if (!fuzz_step_ok(w, sc.answers[i].step))
				abort();
		for (size_t i = 0; i < sc.npath; i++)
			if (!fuzz_step_ok(w, sc.path[i]))
				abort();
		for (size_t i = 0; i < sc.nresult; i++)
			if (!fuzz_step_ok(w, sc.result[i].index))
				abort();
		for (size_t i = 0; i < sc.nvalues; i++)
			if (sc.values[i].index < 0 || (size_t)sc.values[i].index >= w->nvalues)
				abort();
		struct engine *e = engine_create(w, NULL);
		if (sc.today && !engine_set_today(e, sc.today))
			abort();	/* a today the loader took is a date */
		struct script_stop stop;
		bool done = script_walk(w, e, &sc, NULL, &stop);
		if (!done && (!stop.why || !fuzz_step_ok(w, stop.where)))
			abort();
		size_t np;
		const int *path = engine_path(e, &np);
		if (np == 0 || (done && w->steps[path[np - 1]].type != STEP_END))
			abort();
		for (size_t i = 0; i < sc.nresult; i++)
			value_equal(engine_answer(e, sc.result[i].index), sc.result[i].value);
		for (size_t i = 0; i < sc.nvalues; i++)
			value_equal(engine_derived(e, (size_t)sc.values[i].index, NULL), sc.values[i].value);
		fprintf(null, "%s %s\n", sc.name, w->steps[sc.end].id);
		result_scenario(null, w, e, sc.name);
		engine_free(e);
	}
	diag_sort(&d);
	diag_print(&d, null);
	fclose(null);
	diag_free(&d);
	arena_free(&a);
	return 0;
}
