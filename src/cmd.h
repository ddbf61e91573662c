/*
 * cmd: the subcommands of the command line, and what they share: the table of commands from which the
 * usage text and the dispatch both come, their option parsing, loading a wizard with its diagnostics on
 * stderr, and the exit statuses documented in trin(1) (status.h).
 */
#ifndef TRIN_CMD_H
#define TRIN_CMD_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"
#include "status.h"

/*
 * Run the command the command line names (argv[1], such as "check"), or the wizards themselves when it names
 * none; its exit status.  A subcommand gets the arguments after trin, its argv[0] made "trin NAME" for
 * getopt's messages.
 */
int cmd_main(int argc, char **argv);
/* The usage of every command, from the table of commands. */
void cmd_usage(FILE *out);
/* After getopt_long refused argv[optind - 1] (opterr is off): say so, escapes visible, and give the usage. */
int cmd_bad_option(char **argv);
/*
 * The next option of a command, as getopt_long(3) gives it (shortopts must hold "h", longopts "help"), or
 * -1.  For -h or --help, print the usage on stdout and set *status to EXIT_OK; for a wrong option, print it
 * on stderr (cmd_bad_option) and set *status to EXIT_USAGE; both end the options (-1).  *status stays as it was otherwise.
 */
int cmd_option(int argc, char **argv, const char *shortopts, const struct option *longopts, int *status);
/* Say on stderr what is wrong with the command line (unless why is NULL), then the usage; EXIT_USAGE. */
int cmd_misuse(const char *why);
/*
 * For a subcommand that takes no options: when it was asked for its usage or given no argument, print the
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
/* Whether arg is a real date written YYYY-MM-DD for option of command; false after saying on stderr it is not. */
bool cmd_date(const char *command, const char *option, const char *arg);
/*
 * Say on stderr that the file at path could not be read (or written, with write), and why: the one way
 * the commands report a file they cannot use, "trin: cannot read PATH: WHY".  EXIT_INPUT.
 */
int cmd_file_error(const char *path, bool write, const char *why);
/* Load a wizard, printing its diagnostics (sorted) on stderr; NULL when it has errors. */
struct wizard *cmd_load(const char *path, struct diags *d);

/*
 * The commands of the table, each returning an exit status; a subcommand's argv[0] is "trin NAME", the
 * screen's (the wizards themselves, or --kiosk) is trin's own.
 */
int cmd_check(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_pot(int argc, char **argv);
int cmd_screen(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_speak(int argc, char **argv);

#endif
