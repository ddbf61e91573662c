/*
 * stats: the kiosk's anonymous counts.  See stats.h.  No terminal; file I/O only.
 */
#include "stats.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compat.h"
#include "util.h"

#define STATS_MAGIC "trin-stats 1"

static const char *const stats_names[] = {
	[STATS_SHOWN] = "shown", [STATS_GAVE_UP] = "gaveup", [STATS_END] = "end",
};

struct stats {
	int fd;
};

/*
 * Open path with flags (O_NONBLOCK, O_CLOEXEC and O_NOCTTY added) only if it is a regular file, or nothing
 * yet; a link is followed unless flags hold O_NOFOLLOW.  A FIFO or a device is not even opened, so nothing
 * waits or spins; one put there between the look and the open is closed again.  -1 with errno otherwise:
 * EINVAL for what is not a regular file, EISDIR for a folder.
 */
static int stats_open_regular(const char *path, int flags)
{
	struct stat st;
	bool follow = !(flags & O_NOFOLLOW);
	if ((follow ? stat(path, &st) : lstat(path, &st)) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return -1;	/* open() says what is wrong with a missing file or a link */
	}
	int fd = open(path, flags | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0600);
	if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {	/* put there since the look */
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

const char *stats_strerror(int err)
{
	return err == EINVAL ? "is not a regular file" : strerror(err);
}

struct stats *stats_open(const char *path)
{
	/* a FIFO would block the kiosk once full, and opening a device can do things: neither is opened */
	int fd = stats_open_regular(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW);
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
	if (!compat_lock(s->fd, true))
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
	compat_lock(s->fd, false);
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

/* The most different wizard-and-step pairs a report counts: a kiosk has a few hundred, a hostile file millions. */
#define STATS_MAX_ROWS 10000
/* The longest name stats_event writes (its buffers are 128 bytes). */
#define STATS_MAX_NAME 127

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

/*
 * Whether a name is one stats_event could have written: an id, so 1 to STATS_MAX_NAME bytes of printable
 * ASCII without space.  Anything else (a control character, an escape sequence, bytes that are not ASCII)
 * makes the line invalid, so the report never prints it to a terminal.
 */
static bool stats_name_ok(const char *s)
{
	size_t n = strlen(s);
	return n && n <= STATS_MAX_NAME && util_printable_span(s, n) == n && !strchr(s, ' ');
}

/*
 * The event of a line of exactly four tab-separated fields, MAGIC WIZARD EVENT STEP, with *wizard and *step
 * pointing into line (whose tabs become NULs); -1 when the line is not one stats_event writes.
 */
static int stats_parse(char *line, char **wizard, char **step)
{
	char *fields[4];
	int nf = 0;
	for (char *p = line;; p++) {
		if (nf == 4)
			return -1;	/* a fifth field */
		fields[nf++] = p;
		if (!(p = strchr(p, '\t')))
			break;
		*p = '\0';
	}
	if (nf != 4 || strcmp(fields[0], STATS_MAGIC) != 0 || !stats_name_ok(fields[1]) || !stats_name_ok(fields[3]))
		return -1;
	*wizard = fields[1];
	*step = fields[3];
	for (int e = 0; e < 3; e++)
		if (strcmp(fields[2], stats_names[e]) == 0)
			return e;
	return -1;
}

static void stats_print(FILE *out, const struct stats_row *rows, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && strcmp(rows[j].wizard, rows[i].wizard) == 0)
			j++;
		fprintf(out, "%s\n", rows[i].wizard);
		fprintf(out, "  where people gave up:\n");
		bool any = false;
		for (size_t k = i; k < j; k++) {
			unsigned long gave = rows[k].count[STATS_GAVE_UP], shown = rows[k].count[STATS_SHOWN];
			if (!gave)
				continue;
			any = true;
			if (gave <= shown)
				fprintf(out, "    %-24s gave up %lu of %lu times shown (%lu%%)\n", rows[k].step, gave, shown,
					gave * 100 / shown);
			else	/* the lines of its showing are lost: a damaged or rotated file */
				fprintf(out, "    %-24s gave up %lu times, but shown only %lu (the file is not whole)\n",
					rows[k].step, gave, shown);
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
}

/*
 * The next line of in, without its '\n', into buf of size bytes; false at the end of the file.  *whole is
 * false for a line that does not fit, holds a NUL byte, or has no '\n' (a writer was killed mid-line):
 * such a line is read to its end all the same, so the next line is read whole.
 */
static bool stats_getline(FILE *in, char *buf, size_t size, bool *whole)
{
	size_t n = 0;
	int c;
	*whole = true;
	while ((c = getc(in)) != EOF && c != '\n') {
		if (c == '\0' || n + 1 >= size)
			*whole = false;
		else
			buf[n++] = (char)c;
	}
	buf[n] = '\0';
	if (c == EOF) {
		if (n == 0 && *whole)
			return false;
		*whole = false;
	}
	return true;
}

void stats_report_stream(FILE *in, FILE *out)
{
	struct stats_row *rows = NULL;
	size_t n = 0, cap = 0, skipped = 0, uncounted = 0;
	struct strmap index = { 0 };
	char line[512];
	bool whole;
	while (stats_getline(in, line, sizeof line, &whole)) {
		char *wizard, *step;
		int ev = whole ? stats_parse(line, &wizard, &step) : -1;
		if (ev < 0) {
			skipped++;
			continue;
		}
		char key[2 * STATS_MAX_NAME + 2];
		snprintf(key, sizeof key, "%s\t%s", wizard, step);	/* whole: both names are checked for length */
		int i = strmap_get(&index, key);
		if (i < 0 && n == STATS_MAX_ROWS) {
			uncounted++;
			continue;
		}
		if (i < 0) {
			util_grow((void **)&rows, &cap, n + 1, sizeof *rows);
			rows[n] = (struct stats_row){ xstrdup(wizard), xstrdup(step), { 0 } };
			/* the map keeps the key: give it storage that lives as long as the map */
			i = (int)n++;
			strmap_put(&index, xstrdup(key), i);
		}
		rows[i].count[ev]++;
	}
	for (size_t k = 0; k < index.cap; k++)
		free((char *)index.keys[k]);
	strmap_free(&index);
	if (n)
		qsort(rows, n, sizeof *rows, stats_cmp);
	else
		fprintf(out, "no counts\n");
	stats_print(out, rows, n);
	if (skipped)
		fprintf(out, "(%zu damaged lines skipped)\n", skipped);
	if (uncounted)
		fprintf(out, "(%zu lines not counted: more than %d different steps)\n", uncounted, STATS_MAX_ROWS);
	for (size_t i = 0; i < n; i++) {
		free(rows[i].wizard);
		free(rows[i].step);
	}
	free(rows);
}

bool stats_report(const char *path, FILE *out, char *err, size_t errlen)
{
	/* never waits: a FIFO or a device is refused before anything is read from it, and is not even opened */
	int fd = stats_open_regular(path, O_RDONLY);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "r");
	if (!f) {
		snprintf(err, errlen, "%s", stats_strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	stats_report_stream(f, out);
	bool ok = !ferror(f);
	if (!ok)
		snprintf(err, errlen, "%s", strerror(errno));
	fclose(f);
	return ok;
}
