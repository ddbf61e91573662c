/*
 * cmd-stats: `trin stats FILE`, where people gave up and which ends they reached, from a kiosk's counts;
 * `trin stats --journal [--by-host|--by-machine-id] [DIR]`, the same from the systemd journal.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "stats-journal.h"
#include "stats.h"

/* `trin stats --journal [--by-host|--by-machine-id] [DIR]`, its arguments after --journal. */
static int cmd_stats_journal(int argc, char **argv)
{
	enum stats_journal_by by = STATS_BY_NONE;
	if (argc > 0 && strcmp(argv[0], "--by-host") == 0)
		by = STATS_BY_HOST, argc--, argv++;
	else if (argc > 0 && strcmp(argv[0], "--by-machine-id") == 0)
		by = STATS_BY_MACHINE_ID, argc--, argv++;
	if (argc > 1 || (argc == 1 && argv[0][0] == '-'))
		return cmd_misuse(NULL);
	const char *path = argc ? argv[0] : NULL;
	char err[256];
	if (stats_journal_report(path, by, stdout, err, sizeof err))
		return EXIT_OK;
	return cmd_file_error(path ? path : "the journal", false, err);
}

int cmd_stats(int argc, char **argv)
{
	int usage = cmd_usage_asked(argc, argv);
	if (usage >= 0)
		return usage;
	if (argc >= 2 && strcmp(argv[1], "--journal") == 0)
		return cmd_stats_journal(argc - 2, argv + 2);
	if (argc != 2)
		return cmd_misuse(NULL);
	char err[256];
	return stats_report(argv[1], stdout, err, sizeof err) ? EXIT_OK : cmd_file_error(argv[1], false, err);
}
