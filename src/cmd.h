/*
 * cmd: the subcommands of the command line, and what they share: the usage text, loading a wizard with
 * its diagnostics on stderr, and the exit statuses documented in trin(1).
 */
#ifndef TRIN_CMD_H
#define TRIN_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"

enum {
	EXIT_OK = 0,
	EXIT_INCOMPLETE = 1,	/* a run did not reach an end, or a test failed */
	EXIT_USAGE = 2,
	EXIT_INVALID = 3,	/* a wizard has errors */
	EXIT_INPUT = 4,		/* a file could not be read or written (answers, --output, stats, standard output) */
};

/* The usage of every subcommand. */
void cmd_usage(FILE *out);
/* After getopt_long refused argv[optind - 1] (opterr is off): say so, escapes visible, and give the usage. */
int cmd_bad_option(char **argv);
/*
 * For a subcommand that takes wizards: when it was asked for its usage or given no wizard, print the
 * usage and return the exit status; otherwise -1.
 */
int cmd_usage_asked(int argc, char **argv);
/*
 * arg as a whole number from min to max for option (such as "--idle") of command (such as "trin test"):
 * decimal digits only, no sign, no space, no more than max.  False after saying on stderr what is wrong,
 * naming the option and its range.
 */
bool cmd_number(const char *command, const char *option, const char *arg, unsigned long long min,
		unsigned long long max, unsigned long long *out);
/* Load a wizard, printing its diagnostics (sorted) on stderr; NULL when it has errors. */
struct wizard *cmd_load(const char *path, struct diags *d);

/* The subcommands; argv[0] is the subcommand's name.  Each returns an exit status. */
int cmd_check(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_pot(int argc, char **argv);
int cmd_screen(int argc, char **argv);
int cmd_stats(int argc, char **argv);

#endif
