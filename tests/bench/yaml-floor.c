/*
 * yaml-floor: the least any loader built on libyaml's events can do with a file, as the floor that
 * bench compares `trin check` with: read the file whole, then parse it event by event to the end of the
 * stream, deleting each event.  No tree, no checks.
 *
 *   yaml-floor FILE
 *
 * Exit status 0 when the stream was read to its end, 1 on a YAML error, 2 when the file cannot be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: yaml-floor FILE\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	size_t cap = 1 << 16, len = 0;
	unsigned char *buf = malloc(cap);
	size_t r;
	while (buf && (r = fread(buf + len, 1, cap - len, f)) > 0) {
		len += r;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf)
		return 2;
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, buf, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	int status = 1;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev))
			break;
		int end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (end) {
			status = 0;
			break;
		}
	}
	yaml_parser_delete(&p);
	free(buf);
	return status;
}
