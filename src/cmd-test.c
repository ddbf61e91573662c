/*
 * cmd-test: `trin test WIZARD...`, the scenarios under `tests:` run, one line each and a closing count.
 */
#include <stdio.h>

#include "cmd.h"
#include "engine.h"
#include "ui-script.h"

int cmd_test(int argc, char **argv)
{
	int usage = cmd_usage_asked(argc, argv);
	if (usage >= 0)
		return usage;
	size_t passed = 0, failed = 0;
	bool invalid = false;
	for (int i = 1; i < argc; i++) {
		struct diags d = { 0 };
		struct wizard *w = cmd_load(argv[i], &d);
		diag_free(&d);
		if (!w) {	/* a wizard that does not load fails as a whole */
			printf("FAIL %s: the wizard has errors\n", argv[i]);
			invalid = true;
			failed++;
			continue;
		}
		for (size_t t = 0; t < w->ntests; t++) {
			const struct scenario *sc = &w->tests[t];
			struct engine *e = engine_create(w);
			const char *why = NULL;
			int where = -1;
			bool done = script_walk(w, e, sc->answers, sc->nanswers, NULL, &why, &where);
			size_t np;
			const int *path = engine_path(e, &np);
			if (!done) {
				printf("FAIL %s:%d: %s: stopped at step '%s': %s\n", w->file, sc->loc.line, sc->name,
				       w->steps[where].id, why);
				failed++;
			} else if (path[np - 1] != sc->end) {
				printf("FAIL %s:%d: %s: ended at '%s', expected '%s'\n", w->file, sc->loc.line, sc->name,
				       w->steps[path[np - 1]].id, w->steps[sc->end].id);
				failed++;
			} else {
				printf("PASS %s: %s\n", w->file, sc->name);
				passed++;
			}
			engine_free(e);
		}
		wizard_free(w);
	}
	printf("%zu passed, %zu failed\n", passed, failed);
	return invalid ? EXIT_INVALID : failed ? EXIT_INCOMPLETE : EXIT_OK;
}
