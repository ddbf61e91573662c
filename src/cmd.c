/*
 * cmd: what the subcommands share.  See cmd.h.
 */
#include "cmd.h"

#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "text.h"

void cmd_usage(FILE *out)
{
	fputs(_("Usage: trin [--plain] [--watch] [--guide] [--second-lang LANG] [--theme default|contrast|mono]\n"
		"            [--output FILE] [--summary FILE] [--summary-dir DIR] [--record FILE] [WIZARD...]\n"
		"       trin --kiosk [--idle SECONDS] [--warn SECONDS] [--stats FILE] [--summary-dir DIR] WIZARD...\n"
		"       trin check [--werror] [--format text|json] [--lix] [--max-lix N] [--max-words N]\n"
		"                  [--no-fit] [--small-screens] [--max-file-size BYTES] WIZARD...\n"
		"       trin run --answers FILE [--json] WIZARD\n"
		"       trin test [--coverage] [--min-coverage PCT] [--scenario FILE]... WIZARD...\n"
		"       trin graph [--format dot|mermaid] WIZARD\n"
		"       trin pot [--output FILE] WIZARD...\n"
		"       trin stats FILE\n"
		"       trin --help | --version\n"
		"\n"
		"  trin    walk the wizards full screen (in plain lines without a terminal);\n"
		"          with no WIZARD, a menu of every wizard installed\n"
		"  --kiosk serve one stranger after another, wiping the answers in between\n"
		"  check   report every problem in the wizards, as FILE:LINE:COL: error: ...\n"
		"  run     walk a wizard with answers from a YAML or JSON file\n"
		"  test    run the scenarios under 'tests:' in each wizard\n"
		"  graph   draw the flow of a wizard as Graphviz dot or a Mermaid flowchart\n"
		"  pot     write a gettext template of the wizards' texts, for translators\n"
		"  stats   count what a kiosk's statistics file holds\n"
		"\n"
		"  --lang LANG   the language to use (before or after the command), such as da, en or tr\n"
		"\n"
		"See trin(1) and, for the wizard format, trin(5).\n"), out);
}

bool cmd_number(const char *command, const char *option, const char *arg, unsigned long long min,
		unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;
	bool ok = *arg != '\0';
	for (const char *p = arg; ok && *p; p++) {
		unsigned digit = (unsigned)(*p - '0');
		ok = *p >= '0' && *p <= '9' && digit <= max && v <= (max - digit) / 10;	/* v * 10 + digit <= max */
		v = v * 10 + digit;
	}
	if (ok && v >= min) {
		*out = v;
		return true;
	}
	text_printf(stderr, _("%s: %s needs a whole number from %llu to %llu, not '%s'\n"), command, option, min, max,
		    arg);
	return false;
}

struct wizard *cmd_load(const char *path, struct diags *d)
{
	struct wizard *w = wizard_load(path, NULL, d);
	diag_sort(d);
	diag_print(d, stderr);
	return w;
}

int cmd_bad_option(char **argv)
{
	text_printf(stderr, _("%s: unknown option, or an option without its value: '%s'\n"), argv[0],
		    argv[optind - 1]);
	cmd_usage(stderr);
	return EXIT_USAGE;
}

int cmd_usage_asked(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			cmd_usage(stdout);
			return EXIT_OK;
		}
	}
	if (argc < 2) {
		cmd_usage(stderr);
		return EXIT_USAGE;
	}
	return -1;
}
