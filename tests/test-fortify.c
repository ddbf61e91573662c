/*
 * test-fortify: the build has glibc's checked printf (_FORTIFY_SOURCE=2 or more, meson.build), so a
 * format in writable memory that holds %n aborts instead of writing: the last line of defence should a
 * translated format ever reach printf unchecked.  Run as a test that must fail (abort).
 */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char format[8];
	char out[32];
	int n = 0;
	strcpy(format, "ab%n");	/* writable, as a catalogue read into memory is */
	snprintf(out, sizeof out, format, &n);
	printf("%%n wrote %d: not aborted, so the build is not fortified\n", n);
	return 0;
}
