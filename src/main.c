/*
 * main: the command line.  Sets up the locale and gettext, and hands over to a subcommand (cmd.h), whose
 * result is the exit status documented in trin(1).  The only file that decides which frontend runs.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "i18n.h"

static void main_locale(void)
{
	const char *loc = setlocale(LC_ALL, "");
	if (!loc || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_ALL, "C.UTF-8");	/* not plain "C": glibc ignores LANGUAGE there */
	bindtextdomain(TRIN_DOMAIN, TRIN_LOCALEDIR);
	bind_textdomain_codeset(TRIN_DOMAIN, "UTF-8");
}

int main(int argc, char **argv)
{
	main_locale();
	const char *cmd = argc > 1 ? argv[1] : "";
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		cmd_usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "--version")) {
		printf("trin %s\n", TRIN_VERSION);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "check"))
		return cmd_check(argc - 1, argv + 1);
	if (!strcmp(cmd, "run"))
		return cmd_run(argc - 1, argv + 1);
	if (!strcmp(cmd, "test"))
		return cmd_test(argc - 1, argv + 1);
	if (!strcmp(cmd, "graph"))
		return cmd_graph(argc - 1, argv + 1);
	return cmd_screen(argc, argv);
}
