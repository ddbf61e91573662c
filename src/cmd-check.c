/*
 * cmd-check: `trin check WIZARD...`, every problem of every wizard on stderr.
 */
#include "cmd.h"

int cmd_check(int argc, char **argv)
{
	int usage = cmd_usage_asked(argc, argv);
	if (usage >= 0)
		return usage;
	int status = EXIT_OK;
	for (int i = 1; i < argc; i++) {
		struct diags d = { 0 };
		struct wizard *w = cmd_load(argv[i], &d);
		if (!w)
			status = EXIT_INVALID;
		wizard_free(w);
		diag_free(&d);
	}
	return status;
}
