/*
 * stats: the kiosk's anonymous counts.  See stats.h.  No terminal; file I/O only.
 */
#include "stats.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define STATS_MAGIC "trin-stats 1"

static const char *const stats_names[] = {
	[STATS_SHOWN] = "shown", [STATS_GAVE_UP] = "gaveup", [STATS_END] = "end",
};

struct stats {
	int fd;
};

struct stats *stats_open(const char *path)
{
	int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return NULL;
	struct stats *s = xmalloc(sizeof *s);
	s->fd = fd;
	return s;
}

/* Names go in a tab-separated line: anything but a plain printable byte becomes '_'. */
static void stats_clean(char *dst, size_t size, const char *src)
{
	size_t i = 0;
	for (; src && src[i] && i + 1 < size; i++)
		dst[i] = (unsigned char)src[i] <= ' ' || src[i] == 0x7f ? '_' : src[i];
	dst[i] = '\0';
}

bool stats_event(struct stats *s, const char *wizard, enum stats_event ev, const char *step)
{
	if (!s)
		return false;
	char w[128], st[128], line[320];
	stats_clean(w, sizeof w, wizard);
	stats_clean(st, sizeof st, step);
	/* line[0] is kept for a '\n' that ends a line a killed writer left unfinished */
	int n = snprintf(line + 1, sizeof line - 1, STATS_MAGIC "\t%s\t%s\t%s\n", w, stats_names[ev], st);
	if (n < 0 || (size_t)n >= sizeof line - 1)
		return false;
	while (flock(s->fd, LOCK_EX) != 0)
		if (errno != EINTR)
			return false;
	char last = '\n';
	struct stat sb;
	if (fstat(s->fd, &sb) == 0 && sb.st_size > 0 && pread(s->fd, &last, 1, sb.st_size - 1) != 1)
		last = '\n';
	char *from = line + 1;
	if (last != '\n') {
		*--from = '\n';
		n++;
	}
	ssize_t r;
	do
		r = write(s->fd, from, (size_t)n);
	while (r < 0 && errno == EINTR);
	flock(s->fd, LOCK_UN);
	return r == n;
}

void stats_close(struct stats *s)
{
	if (!s)
		return;
	close(s->fd);
	free(s);
}

/* One counter: a wizard, a step, and its counts. */
struct stats_row {
	char *wizard, *step;
	unsigned long count[3];
};

static int stats_cmp(const void *pa, const void *pb)
{
	const struct stats_row *a = pa, *b = pb;
	int c = strcmp(a->wizard, b->wizard);
	if (c)
		return c;
	if (a->count[STATS_GAVE_UP] != b->count[STATS_GAVE_UP])
		return a->count[STATS_GAVE_UP] > b->count[STATS_GAVE_UP] ? -1 : 1;
	if (a->count[STATS_SHOWN] != b->count[STATS_SHOWN])
		return a->count[STATS_SHOWN] > b->count[STATS_SHOWN] ? -1 : 1;
	return strcmp(a->step, b->step);
}

bool stats_report(const char *path, FILE *out)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	struct stats_row *rows = NULL;
	size_t n = 0, cap = 0, skipped = 0;
	struct strmap index = { 0 };
	char line[512];
	while (fgets(line, sizeof line, f)) {
		size_t len = strlen(line);
		char *fields[4];
		int nf = 0;
		if (!len || line[len - 1] != '\n') {	/* partial: a writer was killed, or the line is too long */
			skipped++;
			while (len && line[len - 1] != '\n' && fgets(line, sizeof line, f))
				len = strlen(line);
			continue;
		}
		line[len - 1] = '\0';
		for (char *p = line, *tab; nf < 4; p = tab + 1) {
			fields[nf++] = p;
			if (!(tab = strchr(p, '\t')))
				break;
			*tab = '\0';
		}
		int ev = -1;
		for (int e = 0; nf == 4 && e < 3; e++)
			if (strcmp(fields[2], stats_names[e]) == 0)
				ev = e;
		if (nf != 4 || strcmp(fields[0], STATS_MAGIC) != 0 || ev < 0) {
			skipped++;
			continue;
		}
		char key[300];
		snprintf(key, sizeof key, "%s\t%s", fields[1], fields[3]);
		int i = strmap_get(&index, key);
		if (i < 0) {
			util_grow((void **)&rows, &cap, n + 1, sizeof *rows);
			rows[n] = (struct stats_row){ xstrdup(fields[1]), xstrdup(fields[3]), { 0 } };
			/* the map keeps the key: give it storage that lives as long as the map */
			i = (int)n++;
			strmap_put(&index, xstrdup(key), i);
		}
		rows[i].count[ev]++;
	}
	fclose(f);
	for (size_t k = 0; k < index.cap; k++)
		free((char *)index.keys[k]);
	strmap_free(&index);
	qsort(rows, n, sizeof *rows, stats_cmp);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && strcmp(rows[j].wizard, rows[i].wizard) == 0)
			j++;
		fprintf(out, "%s\n", rows[i].wizard);
		fprintf(out, "  where people gave up:\n");
		bool any = false;
		for (size_t k = i; k < j; k++) {
			if (!rows[k].count[STATS_GAVE_UP])
				continue;
			any = true;
			unsigned long shown = rows[k].count[STATS_SHOWN];
			fprintf(out, "    %-24s gave up %lu of %lu times shown (%lu%%)\n", rows[k].step,
				rows[k].count[STATS_GAVE_UP], shown,
				shown ? rows[k].count[STATS_GAVE_UP] * 100 / shown : 0);
		}
		if (!any)
			fprintf(out, "    nowhere\n");
		fprintf(out, "  ends reached:\n");
		any = false;
		for (size_t k = i; k < j; k++) {
			if (rows[k].count[STATS_END]) {
				fprintf(out, "    %-24s %lu\n", rows[k].step, rows[k].count[STATS_END]);
				any = true;
			}
		}
		if (!any)
			fprintf(out, "    none\n");
		i = j;
	}
	if (skipped)
		fprintf(out, "(%zu damaged lines skipped)\n", skipped);
	for (size_t i = 0; i < n; i++) {
		free(rows[i].wizard);
		free(rows[i].step);
	}
	free(rows);
	return true;
}
