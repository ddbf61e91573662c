/*
 * cmd-stats: `trin stats FILE`, where people gave up and which ends they reached, from a kiosk's counts.
 */
#include <stdio.h>

#include "cmd.h"
#include "stats.h"

int cmd_stats(int argc, char **argv)
{
	int usage = cmd_usage_asked(argc, argv);
	if (usage >= 0)
		return usage;
	if (argc != 2)
		return cmd_misuse(NULL);
	char err[256];
	return stats_report(argv[1], stdout, err, sizeof err) ? EXIT_OK : cmd_file_error(argv[1], false, err);
}
