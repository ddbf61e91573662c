/*
 * cmd-graph: `trin graph [--format dot|mermaid] WIZARD`, the flow of a wizard on stdout (graph.h).
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "graph.h"
#include "i18n.h"
#include "text.h"

int cmd_graph(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum graph_format format = GRAPH_DOT;
	int c, status = -1;
	while ((c = cmd_option(argc, argv, "f:h", opts, &status)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "dot") == 0) {
				format = GRAPH_DOT;
			} else if (strcmp(optarg, "mermaid") == 0) {
				format = GRAPH_MERMAID;
			} else {
				text_printf(stderr, _("trin graph: --format is dot or mermaid, not '%s'\n"), optarg);
				return EXIT_USAGE;
			}
			break;
		}
	}
	if (status >= 0)
		return status;
	if (optind != argc - 1)
		return cmd_misuse(_("trin graph: give one wizard\n"));
	struct diags d = { 0 };
	struct wizard *w = cmd_load(argv[optind], &d);
	diag_free(&d);
	if (!w)
		return EXIT_INVALID;
	graph_write(stdout, w, format);
	wizard_free(w);
	return EXIT_OK;
}
