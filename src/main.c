/*
 * main: the command line.  Has the locale and the language set up (i18n_init; `--lang LANG` anywhere before a
 * lone "--" is taken out here, for every subcommand), and hands over to the command it names (cmd_main,
 * from the table of commands in cmd.c), whose result is the exit status documented in trin(1); standard
 * output is closed last, and a write to it that failed gives the I/O status.
 */
#include <errno.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "text.h"

/* Take `--lang LANG` or `--lang=LANG` out of argv; NULL when absent, "" when it has no value. */
static const char *main_take_lang(int *argc, char **argv)
{
	const char *lang = NULL;
	int o = 1;
	for (int i = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--")) {
			while (i < *argc)
				argv[o++] = argv[i++];
			break;
		}
		if (!strcmp(argv[i], "--lang"))
			lang = i + 1 < *argc ? argv[++i] : "";
		else if (!strncmp(argv[i], "--lang=", 7))
			lang = argv[i] + 7;
		else
			argv[o++] = argv[i];
	}
	argv[o] = NULL;
	*argc = o;
	return lang;
}

/* Choose the language (i18n_init): false, having said why, when --lang names none trin speaks. */
static bool main_lang(const char *lang)
{
	if (i18n_init(lang && *lang ? lang : NULL) && !(lang && !*lang))
		return true;
	if (*lang)
		text_printf(stderr, _("trin: there is no translation to '%s'. Languages: "), lang);
	else
		fputs(_("trin: --lang needs a language. Languages: "), stderr);
	i18n_print_languages(stderr);
	return false;
}

/*
 * Close standard output, where every command prints what it gives: when anything written to it was lost
 * (a full disk, an I/O error), say so and give EXIT_INPUT, whatever status the command had, since what it
 * printed cannot be relied on.  A standard output that was closed to begin with, and never written to,
 * is no error.
 */
static int main_close_stdout(int status)
{
	bool pending = __fpending(stdout) != 0, failed = ferror(stdout) != 0;
	errno = 0;
	if (fclose(stdout) != 0 && (pending || errno != EBADF))
		failed = true;
	else if (!failed)
		return status;
	if (errno)
		fprintf(stderr, _("trin: cannot write standard output: %s\n"), strerror(errno));
	else
		fputs(_("trin: cannot write standard output\n"), stderr);
	return EXIT_INPUT;
}

int main(int argc, char **argv)
{
	opterr = 0;	/* getopt's messages would print the option raw: cmd_bad_option says it */
	if (!main_lang(main_take_lang(&argc, argv)))
		return main_close_stdout(EXIT_USAGE);
	return main_close_stdout(cmd_main(argc, argv));
}
