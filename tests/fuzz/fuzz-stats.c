/*
 * fuzz-stats: any bytes as a kiosk's statistics file, through the report of `trin stats`.  Nothing here
 * may crash or leak, and the report must never hold a control character but the line end: the names it
 * prints come from the file, which anyone who can write to it controls.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "stats.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
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
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)report[i] < 0x20 && report[i] != '\n') || (unsigned char)report[i] >= 0x7f)
			abort();	/* a byte from the file reached the terminal unchecked */
	free(report);
	return 0;
}
