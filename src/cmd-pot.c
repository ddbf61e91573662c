/*
 * cmd-pot: `trin pot [--output FILE] WIZARD...`, the gettext template of the wizards' texts (pot.h), for
 * translators.  The wizards must share one domain, since a template is of one domain.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "pot.h"
#include "util.h"
#include "text.h"

int cmd_pot(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL;
	int c;
	static char name[] = "trin pot";	/* getopt's messages begin with argv[0] */
	argv[0] = name;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 'h':
			cmd_usage(stdout);
			return EXIT_OK;
		default:
			return cmd_bad_option(argv);
		}
	}
	if (optind >= argc) {
		fprintf(stderr, _("trin pot: give the wizards to take the texts from\n"));
		cmd_usage(stderr);
		return EXIT_USAGE;
	}
	size_t n = (size_t)(argc - optind);
	struct wizard **w = xcalloc(n, sizeof *w);
	int status = EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		struct diags d = { 0 };
		w[i] = cmd_load(argv[optind + (int)i], &d);
		diag_free(&d);
		if (!w[i])
			status = EXIT_INVALID;
		else if (i && w[0] && strcmp(w[i]->domain, w[0]->domain) != 0) {
			text_printf(stderr,
				    _("trin pot: %s has domain '%s' and %s has '%s': make one template per domain\n"),
				    w[0]->file, w[0]->domain, w[i]->file, w[i]->domain);
			status = EXIT_USAGE;
		}
	}
	if (status == EXIT_OK) {
		FILE *out = output ? fopen(output, "w") : stdout;
		if (!out) {
			perror(output);
			status = EXIT_INPUT;
		} else {
			pot_write(out, w, n);
			if (output && fclose(out) != 0) {	/* standard output is checked by main as for every command */
				perror(output);
				status = EXIT_INPUT;
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		wizard_free(w[i]);
	free(w);
	return status;
}
