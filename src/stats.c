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
#include "i18n.h"
#include "stats-journal.h"
#include "util.h"

#define STATS_MAGIC "trin-stats 1"	/* WIZARD EVENT STEP: a wizard loaded from memory, or an older trin */
#define STATS_MAGIC_2 "trin-stats 2"	/* WIZARD VERSION EVENT STEP */

static const char *const stats_names[] = {
	[STATS_SHOWN] = "shown", [STATS_GAVE_UP] = "gaveup", [STATS_END] = "end",
};

struct stats {
	int fd;		/* -1: the systemd journal */
};

/* The longest version a line holds (trin writes VERSION_DIGITS). */
#define STATS_MAX_VERSION 64

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
	if (strcmp(path, STATS_JOURNAL) == 0) {
		if (!stats_journal_ready())
			return NULL;	/* errno says why */
		struct stats *s = xmalloc(sizeof *s);
		s->fd = -1;
		return s;
	}
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

bool stats_event(struct stats *s, const char *wizard, const char *version, enum stats_event ev, const char *step)
{
	if (!s)
		return false;
	char w[128], v[STATS_MAX_VERSION + 1], st[128], line[400];
	stats_clean(w, sizeof w, wizard);
	stats_clean(v, sizeof v, version);
	stats_clean(st, sizeof st, step);
	if (s->fd < 0)
		return stats_journal_send(w, v, stats_names[ev], st, i18n_language());
	/* line[0] is kept for a '\n' that ends a line a killed writer left unfinished */
	int n = *v ? snprintf(line + 1, sizeof line - 1, STATS_MAGIC_2 "\t%s\t%s\t%s\t%s\n", w, v, stats_names[ev], st)
		   : snprintf(line + 1, sizeof line - 1, STATS_MAGIC "\t%s\t%s\t%s\n", w, stats_names[ev], st);
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
	if (s->fd >= 0)
		close(s->fd);
	free(s);
}

/* One counter: a wizard, its version ("-": none), a step, and its counts. */
struct stats_row {
	char *wizard, *version, *step;
	size_t group;		/* the order in which the wizard and version came first in the file */
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
	if (a->group != b->group)	/* a wizard's versions in the order they were used */
		return a->group < b->group ? -1 : 1;
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
 * The event of a line of exactly the tab-separated fields stats_event writes, MAGIC WIZARD EVENT STEP or
 * MAGIC_2 WIZARD VERSION EVENT STEP, with *wizard, *version ("-" for the first) and *step pointing into
 * line (whose tabs become NULs); -1 when the line is not one stats_event writes.
 */
static int stats_parse(char *line, char **wizard, const char **version, char **step)
{
	char *fields[5];
	int nf = 0;
	for (char *p = line;; p++) {
		if (nf == 5)
			return -1;	/* a sixth field */
		fields[nf++] = p;
		if (!(p = strchr(p, '\t')))
			break;
		*p = '\0';
	}
	bool v2 = nf == 5 && strcmp(fields[0], STATS_MAGIC_2) == 0;
	if (!v2 && (nf != 4 || strcmp(fields[0], STATS_MAGIC) != 0))
		return -1;
	*wizard = fields[1];
	*version = v2 ? fields[2] : "-";
	*step = fields[nf - 1];
	if (!stats_name_ok(*wizard) || !stats_name_ok(*step) || strlen(*version) > STATS_MAX_VERSION ||
	    !stats_name_ok(*version))
		return -1;
	for (int e = 0; e < 3; e++)
		if (strcmp(fields[nf - 2], stats_names[e]) == 0)
			return e;
	return -1;
}

static void stats_print(FILE *out, const struct stats_row *rows, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && rows[j].group == rows[i].group)
			j++;
		if (strcmp(rows[i].version, "-") == 0)	/* lines of an older trin, or of a wizard loaded from memory */
			fprintf(out, "%s\n", rows[i].wizard);
		else
			fprintf(out, "%s, version %s\n", rows[i].wizard, rows[i].version);
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

/* A report's counts: a row per wizard, version and step, found by index; groups numbers each wizard and version. */
struct stats_counts {
	struct stats_row *rows;
	size_t n, cap, ngroups, uncounted, skipped;
	struct strmap index, groups;
};

/* Count event ev of step of wizard at version; not counted when there are as many rows as a report counts. */
static void stats_count(struct stats_counts *c, const char *wizard, const char *version, const char *step, int ev)
{
	char key[3 * 512 + 3];	/* each name is checked for length, but the compiler sees the line's 512 bytes */
	snprintf(key, sizeof key, "%s\t%s\t%s", wizard, version, step);
	int i = strmap_get(&c->index, key);
	if (i < 0 && c->n == STATS_MAX_ROWS) {
		c->uncounted++;
		return;
	}
	if (i < 0) {
		*strrchr(key, '\t') = '\0';	/* the wizard and version */
		int g = strmap_get(&c->groups, key);
		if (g < 0) {
			g = (int)c->ngroups++;
			strmap_put(&c->groups, xstrdup(key), g);	/* the map keeps the key: storage that lives as long */
		}
		util_grow((void **)&c->rows, &c->cap, c->n + 1, sizeof *c->rows);
		c->rows[c->n] = (struct stats_row){ xstrdup(wizard), xstrdup(version), xstrdup(step), (size_t)g, { 0 } };
		i = (int)c->n++;
		snprintf(key, sizeof key, "%s\t%s\t%s", wizard, version, step);
		strmap_put(&c->index, xstrdup(key), i);
	}
	c->rows[i].count[ev]++;
}

/* Free a map whose keys were given storage of their own. */
static void stats_map_free(struct strmap *m)
{
	for (size_t k = 0; k < m->cap; k++)
		free((char *)m->keys[k]);
	strmap_free(m);
}

struct stats_counts *stats_counts_new(void)
{
	struct stats_counts *c = xmalloc(sizeof *c);
	*c = (struct stats_counts){ 0 };
	return c;
}

bool stats_counts_add(struct stats_counts *c, const char *wizard, const char *version, const char *event,
		      const char *step)
{
	if (!*version)
		version = "-";
	if (stats_name_ok(wizard) && stats_name_ok(step) && strlen(version) <= STATS_MAX_VERSION && stats_name_ok(version))
		for (int e = 0; e < 3; e++)
			if (strcmp(event, stats_names[e]) == 0) {
				stats_count(c, wizard, version, step, e);
				return true;
			}
	c->skipped++;
	return false;
}

unsigned long stats_counts_total(const struct stats_counts *c)
{
	unsigned long n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += c->rows[i].count[0] + c->rows[i].count[1] + c->rows[i].count[2];
	return n;
}

void stats_counts_print_free(struct stats_counts *c, FILE *out, const char *damaged, const char *what)
{
	stats_map_free(&c->index);
	stats_map_free(&c->groups);
	if (c->n)
		qsort(c->rows, c->n, sizeof *c->rows, stats_cmp);
	if (out && !c->n)
		fprintf(out, "no counts\n");
	if (out)
		stats_print(out, c->rows, c->n);
	if (out && c->skipped)
		fprintf(out, "(%zu %s %s skipped)\n", c->skipped, damaged, what);
	if (out && c->uncounted)
		fprintf(out, "(%zu %s not counted: more than %d different steps)\n", c->uncounted, what, STATS_MAX_ROWS);
	for (size_t i = 0; i < c->n; i++) {
		free(c->rows[i].wizard);
		free(c->rows[i].version);
		free(c->rows[i].step);
	}
	free(c->rows);
	free(c);
}

void stats_report_stream(FILE *in, FILE *out)
{
	struct stats_counts *c = stats_counts_new();
	char line[512];
	bool whole;
	while (stats_getline(in, line, sizeof line, &whole)) {
		char *wizard, *step;
		const char *version;
		int ev = whole ? stats_parse(line, &wizard, &version, &step) : -1;
		if (ev < 0)
			c->skipped++;
		else
			stats_count(c, wizard, version, step, ev);
	}
	stats_counts_print_free(c, out, "damaged", "lines");
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
