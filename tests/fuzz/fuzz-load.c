/*
 * fuzz-load: any bytes as a wizard file, through the whole loader (ytree's limits, libyaml's events, the
 * model, expressions, patterns) and, when it loads (for analysis, as `trin check` loads: also with errors in
 * expressions and texts), the checker and the graph.  Nothing here may crash,
 * leak, or take more than the limits allow.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "fuzz.h"
#include "graph.h"
#include "model.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer_analysis("fuzz.yaml", (const char *)data, size, NULL, &d);
	FILE *null = fopen("/dev/null", "w");
	if (w) {
		struct check_options o = { CHECK_DEFAULT_MAX_LIX, CHECK_DEFAULT_MAX_WORDS, "2026-01-01" };
		check_wizard(w, &o, &d);
		if (null) {
			graph_write(null, w, GRAPH_DOT);
			graph_write(null, w, GRAPH_MERMAID);
		}
		wizard_free(w);
	}
	diag_sort(&d);
	if (null) {
		diag_print(&d, null);
		fclose(null);
	}
	diag_free(&d);
	return 0;
}
