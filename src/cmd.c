/*
 * cmd: the table of commands, from which both the usage and the dispatch come, and what the commands
 * share.  See cmd.h.
 */
#include "cmd.h"

#include <string.h>
#include <unistd.h>

#include "config.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

static int cmd_help(int argc, char **argv)
{
	(void)argc, (void)argv;
	cmd_usage(stdout);
	return EXIT_OK;
}

static int cmd_version(int argc, char **argv)
{
	(void)argc, (void)argv;
	printf("trin %s\n", TRIN_VERSION);
	return EXIT_OK;
}

/* A command of trin: the word that names it, what --help says of it, and the function that runs it. */
struct cmd_command {
	const char *name;	/* as the first argument; "-" first for an option of trin's own; NULL for the wizards */
	const char *synopsis;	/* msgid: its arguments after "trin NAME", lines after "\n"; NULL: on a shared line */
	const char *about;	/* msgid: what it does, lines after "\n"; NULL: not in the list */
	int (*run)(int argc, char **argv);
};

/* Every command, in the order of --help; a command with two forms has a row for each, the first saying
   what it does.  `trin -h` is the wizards' own -h, which prints the same usage. */
static const struct cmd_command cmd_commands[] = {
	/* TRANSLATORS: a synopsis follows "trin NAME " in the usage: translate the words in capitals (FILE,
	   WIZARD, ...), not the options; its second line is set under its first. */
	{ NULL, N_("[--plain] [--watch] [--guide] [--second-lang LANG] [--theme default|contrast|mono]\n"
		   "[--output FILE] [--summary FILE] [--summary-dir DIR] [--record FILE]\n"
		   "[--speak] [--speak-rate WPM] [--speak-volume PCT]\n"
		   "[--print QUEUE] [--print-paper a4|receipt] [WIZARD...]"),
	  N_("walk the wizards full screen (in plain lines without a terminal);\n"
	     "with no WIZARD, a menu of every wizard installed"), cmd_screen },
	{ "--kiosk", N_("[--idle SECONDS] [--warn SECONDS] [--stats FILE] [--summary-dir DIR] [--speak]\n"
			 "[--print QUEUE] [--print-paper a4|receipt] WIZARD..."),
	  N_("serve one stranger after another, wiping the answers in between"), cmd_screen },
	{ "check", N_("[--werror] [--format text|json] [--lix] [--max-lix N] [--max-words N]\n"
		      "[--no-fit] [--small-screens] [--max-file-size BYTES] WIZARD..."),
	  N_("report every problem in the wizards, as FILE:LINE:COL: error: ..."), cmd_check },
	{ "run", N_("--answers FILE [--json] [--today DATE] WIZARD"),
	  N_("walk a wizard with answers from a YAML or JSON file"), cmd_run },
	{ "test", N_("[--coverage] [--min-coverage PCT] [--today DATE] [--scenario FILE]... WIZARD..."),
	  N_("run the scenarios under 'tests:' in each wizard"), cmd_test },
	{ "graph", N_("[--format dot|mermaid] WIZARD"),
	  N_("draw the flow of a wizard as Graphviz dot or a Mermaid flowchart"), cmd_graph },
	{ "pot", N_("[--output FILE] WIZARD..."), N_("write a gettext template of the wizards' texts, for translators"),
	  cmd_pot },
	{ "stats", N_("FILE"), N_("count what a kiosk's statistics file or the journal holds"), cmd_stats },
	/* A second form of a command: a line of its own in the usage, and the same function. */
	{ "stats", N_("--journal [--by-host|--by-machine-id] [DIR|JOURNAL-FILE]"), NULL, cmd_stats },
	{ "speak", N_("[--print] [--output FILE.wav] [--show step|help|words] [--typed TEXT]\n"
		      "[--rate WPM] [--volume PCT] WIZARD STEP"),
	  N_("read one page of a wizard aloud: its text, or a WAV file"), cmd_speak },
	{ "--help", NULL, NULL, cmd_help },
	{ "--version", NULL, NULL, cmd_version },
};

int cmd_main(int argc, char **argv)
{
	static char prog[32];	/* "trin NAME" */
	const char *word = argc > 1 ? argv[1] : "";
	optind = 1;
	for (size_t i = 0; i < ARRAY_LEN(cmd_commands); i++) {
		const struct cmd_command *c = &cmd_commands[i];
		if (!c->name || strcmp(c->name, word) != 0)
			continue;
		if (c->name[0] == '-')	/* an option of trin's own: the whole command line */
			return c->run(argc, argv);
		snprintf(prog, sizeof prog, "trin %s", c->name);
		argv[1] = prog;
		return c->run(argc - 1, argv + 1);
	}
	return cmd_commands[0].run(argc, argv);	/* no command: the wizards */
}

/* text's lines, each after the first indented by indent columns. */
static void cmd_usage_lines(FILE *out, const char *text, int indent)
{
	for (;;) {
		size_t n = strcspn(text, "\n");
		fwrite(text, 1, n, out);
		putc('\n', out);
		if (!text[n])
			return;
		text += n + 1;
		fprintf(out, "%*s", indent, "");
	}
}

/* The name a command has in the list of --help: its own, or trin for the wizards. */
static const char *cmd_label(const struct cmd_command *c)
{
	return c->name ? c->name : "trin";
}

void cmd_usage(FILE *out)
{
	/* TRANSLATORS: the lines of the usage after the first are set under "trin", as far in as this is wide. */
	const char *usage = _("Usage: ");
	int in = text_width(usage, strlen(usage)), width = 0;
	const char *sep = " ";
	fputs(usage, out);
	for (size_t i = 0; i < ARRAY_LEN(cmd_commands); i++) {
		const struct cmd_command *c = &cmd_commands[i];
		if (c->synopsis) {
			fprintf(out, "trin %s%s", c->name ? c->name : "", c->name ? " " : "");
			cmd_usage_lines(out, _(c->synopsis), in + 5 + (c->name ? (int)strlen(c->name) + 1 : 0));
			fprintf(out, "%*s", in, "");
		}
		if (c->about && (int)strlen(cmd_label(c)) > width)
			width = (int)strlen(cmd_label(c));
	}
	fputs("trin", out);	/* the commands with no synopsis of their own share the last line */
	for (size_t i = 0; i < ARRAY_LEN(cmd_commands); i++) {
		if (!cmd_commands[i].synopsis) {
			fprintf(out, "%s%s", sep, cmd_commands[i].name);
			sep = " | ";
		}
	}
	fputs("\n\n", out);
	for (size_t i = 0; i < ARRAY_LEN(cmd_commands); i++) {
		if (cmd_commands[i].about) {
			fprintf(out, "  %-*s", width + 1, cmd_label(&cmd_commands[i]));
			cmd_usage_lines(out, _(cmd_commands[i].about), 2 + width + 1);
		}
	}
	fputs(_("\n"
		"  --lang LANG   the language to use (before or after the command), such as da, en or tr\n"
		"\n"
		"See trin(1) and, for the wizard format, trin(5).\n"), out);
}

int cmd_option(int argc, char **argv, const char *shortopts, const struct option *longopts, int *status)
{
	int c = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (c == 'h') {
		cmd_usage(stdout);
		*status = EXIT_OK;
		return -1;
	}
	if (c == '?' || c == ':') {
		*status = cmd_bad_option(argv);
		return -1;
	}
	return c;
}

int cmd_bad_option(char **argv)
{
	text_printf(stderr, _("%s: unknown option, or an option without its value: '%s'\n"), argv[0],
		    argv[optind - 1]);
	cmd_usage(stderr);
	return EXIT_USAGE;
}

int cmd_misuse(const char *why)
{
	if (why)
		fputs(why, stderr);
	cmd_usage(stderr);
	return EXIT_USAGE;
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

bool cmd_date(const char *command, const char *option, const char *arg)
{
	if (util_date_iso(arg))
		return true;
	text_printf(stderr, _("%s: %s needs a date written YYYY-MM-DD, such as 2026-11-30, not '%s'\n"), command,
		    option, arg);
	return false;
}

int cmd_file_error(const char *path, bool write, const char *why)
{
	text_printf(stderr, write ? _("trin: cannot write %s: %s\n") : _("trin: cannot read %s: %s\n"), path, why);
	return EXIT_INPUT;
}

struct wizard *cmd_load(const char *path, struct diags *d)
{
	struct wizard *w = wizard_load(path, NULL, d);
	diag_sort(d);
	diag_print(d, stderr);
	return w;
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
