/*
 * fuzz-stats: any bytes read as both formats of the statistics, through the report of `trin stats`: as a
 * kiosk's statistics file, and as the journal's entries (their fields as text, "FIELD=value" lines with an
 * empty line between entries, through stats_journal_report_text, the parser `trin stats --journal` counts
 * each entry with), whole and split per machine.  Nothing here may crash or leak, and no report may hold a
 * control character but the line end: the names it prints come from the input, which anyone who can write
 * to the file or send to the journal controls.  Split per machine, the events counted must add up to the
 * events counted whole: an entry is never lost or counted twice by the split.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "stats-journal.h"
#include "stats.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

#define FUZZ_STATS_UNKNOWN ((unsigned long)-1)

/*
 * Abort when the report of len bytes holds a byte that would reach the terminal unchecked; free it.  The
 * events it counts: the first line's "N events" whole, or the sum of its "machine NAME: N events" lines;
 * FUZZ_STATS_UNKNOWN when entries past the bound of machines were not counted.
 */
static unsigned long fuzz_stats_check(char *report, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)report[i] < 0x20 && report[i] != '\n') || (unsigned char)report[i] >= 0x7f)
			abort();
	unsigned long events = 0, n;
	for (char *line = report; *line;) {
		size_t linelen = strcspn(line, "\n");
		const char *colon = memrchr(line, ':', linelen);
		if (line == report && sscanf(line, "%lu events\n", &n) == 1)
			events = n;
		else if (!strncmp(line, "machine ", 8) && colon && sscanf(colon, ": %lu events\n", &n) == 1 &&
			 events != FUZZ_STATS_UNKNOWN)
			events += n;
		else if (sscanf(line, "(%lu entries not counted", &n) == 1)
			events = FUZZ_STATS_UNKNOWN;
		line += linelen + (line[linelen] == '\n');
	}
	free(report);
	return events;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *in = size ? fmemopen((void *)data, size, "r") : fopen("/dev/null", "r");
	char *report = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&report, &len);
	if (!in || !out)
		abort();
	stats_report_stream(in, out);
	fclose(in);
	fclose(out);
	fuzz_stats_check(report, len);
	const enum stats_journal_by by[] = { STATS_BY_NONE, STATS_BY_HOST, STATS_BY_MACHINE_ID };
	unsigned long whole = 0;
	for (size_t i = 0; i < sizeof by / sizeof *by; i++) {
		report = NULL;
		out = open_memstream(&report, &len);
		if (!out)
			abort();
		stats_journal_report_text((const char *)data, size, by[i], out);
		fclose(out);
		unsigned long events = fuzz_stats_check(report, len);
		if (i == 0)
			whole = events;
		else if (events != whole && events != FUZZ_STATS_UNKNOWN)
			abort();	/* the split lost an entry or counted one twice */
	}
	return 0;
}
