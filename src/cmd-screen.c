/*
 * cmd-screen: `trin [--output FILE] [WIZARD...]`, the full screen: one wizard, or a menu of several, or
 * with no wizard a menu of every wizard trin can find (paths.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "i18n.h"
#include "paths.h"
#include "ui-curses.h"

int cmd_screen(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct ui_options uo = { 0 };
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			uo.output = optarg;
			break;
		case 'h':
			cmd_usage(stdout);
			return EXIT_OK;
		default:
			cmd_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return ui_curses_main(argv + optind, (size_t)(argc - optind), argc - optind > 1, &uo);
	char **dirs, **files;
	size_t ndirs = paths_wizard_dirs(&dirs);
	size_t nfiles = paths_wizard_files(dirs, ndirs, &files);
	int status = ui_curses_main(files, nfiles, 1, &uo);
	paths_free(files, nfiles);
	paths_free(dirs, ndirs);
	return status;
}
