/*
 * fuzz-answers: any bytes as the answers file of `trin run --answers` (a mapping from step id to answer, or
 * a scenario whose answers are taken), for the wizard the first byte picks (wizards.h).  When it loads,
 * the wizard is walked with it as `trin run` walks it, printing the steps and the JSON result.  Nothing
 * here may crash, leak, or read outside the wizard.
 */
#include "fuzz.h"
#include "engine.h"
#include "result.h"
#include "ui-script.h"
#include "wizards.h"

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
	if (scenario_load_buffer(w, "answers.yaml", (const char *)data + 1, size - 1, &a, &sc, false, &d)) {
		for (size_t i = 0; i < sc.nanswers; i++)
			if (sc.answers[i].step < 0 || (size_t)sc.answers[i].step >= w->nsteps)
				abort();	/* an answer loaded for a step that is not there */
		struct engine *e = engine_create(w, NULL);
		struct script_stop stop;
		if (!script_walk(w, e, &sc, null, &stop) &&
		    (!stop.why || stop.where < 0 || (size_t)stop.where >= w->nsteps))
			abort();	/* a walk that stops says where and why */
		result_json(null, w, e);
		engine_free(e);
	}
	diag_sort(&d);
	diag_print(&d, null);
	fclose(null);
	diag_free(&d);
	arena_free(&a);
	return 0;
}
