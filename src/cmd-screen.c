/*
 * cmd-screen: `trin [--plain] [--watch] [--output FILE] [--summary FILE] [--summary-dir DIR] [WIZARD...]`, the full
 * screen or the line mode: one wizard, or a menu of several, or with no wizard a menu of every wizard trin
 * can find (paths.h).  Line mode when asked for, or when standard input or output is not a terminal, or
 * TERM is unset, "dumb" or unknown to terminfo.  `trin --kiosk [--idle S] [--warn S] [--stats FILE]
 * WIZARD...` runs a kiosk (ui_curses_kiosk).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "paths.h"
#include "print.h"
#include "result.h"
#include "speech.h"
#include "text.h"
#include "ui-curses.h"
#include "ui-line.h"

/* Whether the full screen cannot run here, so line mode must. */
static bool cmd_screen_plain(void)
{
	const char *term = getenv("TERM");
	return !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || !term || !*term || !strcmp(term, "dumb") ||
	       !ui_curses_usable();
}

/* Whether the file an option names may be written: a regular file or nothing, not a device or a pipe. */
static bool cmd_screen_writable(const char *option, const char *path)
{
	char err[512];
	if (!path || result_check_path(path, err, sizeof err))
		return true;
	text_printf(stderr, "trin: %s %s\n", option, err);	/* the path as it is shown everywhere */
	return false;
}

static int cmd_screen_run(char **files, size_t n, int menu, const struct ui_options *uo, bool plain)
{
	if (plain)
		return ui_line_main(files, n, menu, uo, stdin, stdout);
	return ui_curses_main(files, n, menu, uo);
}

/* --print QUEUE (c 'P') or --print-paper PAPER ('A') into uo; false, said, when the word cannot be one. */
static bool cmd_screen_print(int c, const char *arg, struct ui_options *uo)
{
	enum print_paper paper;
	if (c == 'A' && !print_paper_named(arg, &paper)) {
		text_printf(stderr, _("trin: --print-paper is a4 or receipt, not '%s'\n"), arg);
		return false;
	}
	if (c == 'A') {
		uo->print_paper = (int)paper;
		return true;
	}
	if (!print_queue_ok(arg)) {	/* never handed on to anything that reads it as more */
		text_printf(stderr, _("trin: --print is the name of a print queue: letters, digits, "
				      "'-', '_' and '.', at most %d, not '%s'\n"), PRINT_QUEUE_MAX, arg);
		return false;
	}
	uo->print = arg;
	return true;
}

/* Read the options into uo and plain: -1, or the exit status when they are wrong or --help was given. */
static int cmd_screen_options(int argc, char **argv, struct ui_options *uo, bool *plain)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "record", required_argument, NULL, 'r' },
		{ "plain", no_argument, NULL, 'p' },
		{ "summary", required_argument, NULL, 's' },
		{ "summary-dir", required_argument, NULL, 'S' },
		{ "kiosk", no_argument, NULL, 'k' },
		{ "idle", required_argument, NULL, 'i' },
		{ "warn", required_argument, NULL, 'w' },
		{ "stats", required_argument, NULL, 't' },
		{ "theme", required_argument, NULL, 'T' },
		{ "guide", no_argument, NULL, 'g' },
		{ "second-lang", required_argument, NULL, 'L' },
		{ "watch", no_argument, NULL, 'W' },
		{ "speak", no_argument, NULL, 'a' },
		{ "speak-rate", required_argument, NULL, 'R' },
		{ "speak-volume", required_argument, NULL, 'V' },
		{ "print", required_argument, NULL, 'P' },
		{ "print-paper", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long long seconds;
	int c, status = -1;
	while ((c = cmd_option(argc, argv, "o:h", opts, &status)) != -1) {
		switch (c) {
		case 'o':
			uo->output = optarg;
			break;
		case 'r':
			uo->record = optarg;
			break;
		case 'p':
			*plain = true;
			break;
		case 's':
			uo->summary = optarg;
			break;
		case 'S':
			uo->summary_dir = optarg;
			break;
		case 'k':
			uo->kiosk = true;
			break;
		case 'i':
		case 'w':
			if (!cmd_number("trin", c == 'i' ? "--idle" : "--warn", optarg, c == 'w' ? 20 : 1, 86400, &seconds))
				return EXIT_USAGE;
			*(c == 'i' ? &uo->idle : &uo->warn) = (int)seconds;
			break;
		case 't':
			uo->stats = optarg;
			break;
		case 'T':
			if (!strcmp(optarg, "default")) {
				uo->theme = UI_THEME_DEFAULT;
			} else if (!strcmp(optarg, "contrast")) {
				uo->theme = UI_THEME_CONTRAST;
			} else if (!strcmp(optarg, "mono")) {
				uo->theme = UI_THEME_MONO;
			} else {
				text_printf(stderr, _("trin: --theme is default, contrast or mono, not '%s'\n"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'g':
			uo->guide = true;
			break;
		case 'L':
			if (!i18n_language_code(optarg)) {	/* it is shown as "(da)" beside the texts */
				text_printf(stderr, _("trin: --second-lang is a language code such as da, en or pt_BR, "
						      "not '%s'\n"), optarg);
				return EXIT_USAGE;
			}
			uo->second_lang = optarg;
			break;
		case 'W':
			uo->watch = true;
			break;
		case 'a':
			uo->speak = true;
			break;
		case 'R':
		case 'V':
			if (!cmd_number("trin", c == 'R' ? "--speak-rate" : "--speak-volume", optarg,
					c == 'R' ? SPEECH_RATE_MIN : 0, c == 'R' ? SPEECH_RATE_MAX : SPEECH_VOLUME_MAX, &seconds))
				return EXIT_USAGE;
			*(c == 'R' ? &uo->speak_rate : &uo->speak_volume) = (int)seconds;
			break;
		case 'P':
		case 'A':
			if (!cmd_screen_print(c, optarg, uo))
				return EXIT_USAGE;
			break;
		}
	}
	return status;
}

int cmd_screen(int argc, char **argv)
{
	struct ui_options uo = { .idle = 120, .warn = 30, .speak_rate = SPEECH_RATE_DEFAULT,
				 .speak_volume = SPEECH_VOLUME_DEFAULT };
	bool plain = false;
	int status = cmd_screen_options(argc, argv, &uo, &plain);
	if (status >= 0)
		return status;
	if (uo.watch) {
		if (uo.kiosk || optind + 1 != argc) {
			fprintf(stderr, _("trin: --watch takes one wizard, and not in a kiosk\n"));
			return EXIT_USAGE;
		}
		if (plain || cmd_screen_plain()) {
			fprintf(stderr, _("trin: --watch needs the full screen, in a terminal that terminfo knows\n"));
			return EXIT_USAGE;
		}
	}
	if (uo.kiosk) {
		if (plain || uo.output || uo.summary || uo.record) {
			fprintf(stderr, _("trin: a kiosk keeps nothing and runs full screen: --plain, --output, "
					  "--record and --summary do not go with --kiosk (--summary-dir does)\n"));
			return EXIT_USAGE;
		}
		if (optind == argc) {
			fprintf(stderr, _("trin: --kiosk needs the wizards to offer\n"));
			return EXIT_USAGE;
		}
		return ui_curses_kiosk(argv + optind, (size_t)(argc - optind), &uo);
	}
	/* refused now, not after the person has walked the wizard */
	if (!cmd_screen_writable("--output", uo.output) || !cmd_screen_writable("--record", uo.record) ||
	    !cmd_screen_writable("--summary", uo.summary))
		return EXIT_INPUT;
	if (optind < argc)
		return cmd_screen_run(argv + optind, (size_t)(argc - optind), argc - optind > 1, &uo,
				      plain || cmd_screen_plain());
	char **dirs, **files;
	size_t ndirs = paths_wizard_dirs(&dirs);
	size_t nfiles = paths_wizard_files(dirs, ndirs, &files);
	status = cmd_screen_run(files, nfiles, 1, &uo, plain || cmd_screen_plain());
	paths_free(files, nfiles);
	paths_free(dirs, ndirs);
	return status;
}
