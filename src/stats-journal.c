/*
 * stats-journal: the kiosk's counts in the systemd journal.  See stats-journal.h.  libsystemd's header
 * (libsystemd-dev) gives the declarations only; the library is opened at the first use, as speech.c does
 * with espeak-ng.
 */
#include "stats-journal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include "config.h"
#include "stats.h"
#include "compat.h"
#include "util.h"

#if HAVE_LIBSYSTEMD
#include <systemd/sd-journal.h>

/* The library's name as the dynamic linker finds it (Debian's libsystemd0). */
#define STATS_JOURNAL_LIBRARY "libsystemd.so.0"

static struct {
	void *lib;
	__typeof__(sd_journal_sendv) *sendv;
	__typeof__(sd_journal_open) *open;
	__typeof__(sd_journal_open_directory) *open_directory;
	__typeof__(sd_journal_open_files) *open_files;
	__typeof__(sd_journal_add_match) *add_match;
	__typeof__(sd_journal_next) *next;
	__typeof__(sd_journal_get_data) *get_data;
	__typeof__(sd_journal_get_usage) *get_usage;
	__typeof__(sd_journal_close) *close;
} stats_journal_fn;

bool stats_journal_ready(void)
{
	if (stats_journal_fn.lib)
		return true;
	const struct compat_sym syms[] = {
		{ "sd_journal_sendv", (void **)&stats_journal_fn.sendv },
		{ "sd_journal_open", (void **)&stats_journal_fn.open },
		{ "sd_journal_open_directory", (void **)&stats_journal_fn.open_directory },
		{ "sd_journal_open_files", (void **)&stats_journal_fn.open_files },
		{ "sd_journal_add_match", (void **)&stats_journal_fn.add_match },
		{ "sd_journal_next", (void **)&stats_journal_fn.next },
		{ "sd_journal_get_data", (void **)&stats_journal_fn.get_data },
		{ "sd_journal_get_usage", (void **)&stats_journal_fn.get_usage },
		{ "sd_journal_close", (void **)&stats_journal_fn.close },
	};
	if (!(stats_journal_fn.lib = compat_open_library(STATS_JOURNAL_LIBRARY, syms, ARRAY_LEN(syms)))) {
		errno = ENOPKG;
		return false;
	}
	return true;
}

/* One field "NAME=value" into buf of size bytes. */
static void stats_journal_field(struct iovec *iov, char *buf, size_t size, const char *name, const char *value)
{
	int n = snprintf(buf, size, "%s=%s", name, value);
	iov->iov_base = buf;
	iov->iov_len = n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}
#else
bool stats_journal_ready(void)
{
	errno = ENOPKG;	/* built without libsystemd's header */
	return false;
}
#endif

bool stats_journal_send(const char *wizard, const char *version, const char *event, const char *step,
			const char *lang)
{
#if HAVE_LIBSYSTEMD
	if (!stats_journal_ready())
		return false;
	char f[8][200];
	struct iovec iov[8];
	int n = 0;
	stats_journal_field(&iov[n], f[n], sizeof f[n], "MESSAGE_ID", STATS_JOURNAL_ID), n++;
	char msg[160];
	snprintf(msg, sizeof msg, "trin %s %s %s", wizard, event, step);
	stats_journal_field(&iov[n], f[n], sizeof f[n], "MESSAGE", msg), n++;
	stats_journal_field(&iov[n], f[n], sizeof f[n], "PRIORITY", "6"), n++;
	stats_journal_field(&iov[n], f[n], sizeof f[n], "TRIN_WIZARD", wizard), n++;
	if (version && *version)
		stats_journal_field(&iov[n], f[n], sizeof f[n], "TRIN_VERSION", version), n++;
	stats_journal_field(&iov[n], f[n], sizeof f[n], "TRIN_EVENT", event), n++;
	stats_journal_field(&iov[n], f[n], sizeof f[n], "TRIN_STEP", step), n++;
	if (lang && *lang && strlen(lang) < 64 && !strchr(lang, '\n'))
		stats_journal_field(&iov[n], f[n], sizeof f[n], "TRIN_LANGUAGE", lang), n++;
	return stats_journal_fn.sendv(iov, n) >= 0;
#else
	(void)wizard, (void)version, (void)event, (void)step, (void)lang;
	return false;
#endif
}

/* The most machines a report is split into: memory stays bounded for a hostile journal. */
#define STATS_JOURNAL_MAX_MACHINES 1000

/* A report split by machine: each machine's name (an index) and its counts. */
struct stats_journal_split {
	struct strmap index;
	char **names;
	struct stats_counts **counts;
	size_t n, cap, other;	/* other: entries of machines past the bound */
};

/* One entry's fields, wherever they are read from: the journal's current entry, or an entry's text. */
struct stats_journal_fields {
	/* "FIELD=value" of field into *data and *len, as sd_journal_get_data gives it; false when there is none */
	bool (*data)(void *ctx, const char *field, const void **data, size_t *len);
	void *ctx;
};

/*
 * The value of field of the entry into buf of size bytes; false when it is missing, too long, or holds a
 * NUL byte (so it is not one trin wrote).
 */
static bool stats_journal_get(const struct stats_journal_fields *e, const char *field, char *buf, size_t size)
{
	const void *data;
	size_t len, skip = strlen(field) + 1;
	if (!e->data(e->ctx, field, &data, &len) || len < skip || len - skip >= size ||
	    memcmp(data, field, skip - 1) != 0 || ((const char *)data)[skip - 1] != '=')
		return false;
	memcpy(buf, (const char *)data + skip, len - skip);
	buf[len - skip] = '\0';
	return strlen(buf) == len - skip;
}

/* The counts of the entry's machine (its field), added when new; NULL past the bound. */
static struct stats_counts *stats_journal_machine(struct stats_journal_split *sp, const struct stats_journal_fields *e,
						  const char *field)
{
	char name[256];
	if (!stats_journal_get(e, field, name, sizeof name) || !*name ||
	    util_printable_span(name, strlen(name)) != strlen(name))
		snprintf(name, sizeof name, "(unknown)");
	int i = strmap_get(&sp->index, name);
	if (i >= 0)
		return sp->counts[i];
	if (sp->n == STATS_JOURNAL_MAX_MACHINES) {
		sp->other++;
		return NULL;
	}
	size_t cap = sp->cap;
	util_grow((void **)&sp->names, &cap, sp->n + 1, sizeof *sp->names);
	util_grow((void **)&sp->counts, &sp->cap, sp->n + 1, sizeof *sp->counts);
	sp->names[sp->n] = xstrdup(name);
	sp->counts[sp->n] = stats_counts_new();
	strmap_put(&sp->index, sp->names[sp->n], (int)sp->n);
	return sp->counts[sp->n++];
}

/* Count the entry into c; false when it is not one trin writes. */
static bool stats_journal_entry(const struct stats_journal_fields *e, struct stats_counts *c)
{
	char wizard[200], version[200] = "", event[32], step[200];
	if (!stats_journal_get(e, "TRIN_WIZARD", wizard, sizeof wizard) ||
	    !stats_journal_get(e, "TRIN_EVENT", event, sizeof event) ||
	    !stats_journal_get(e, "TRIN_STEP", step, sizeof step)) {
		stats_counts_add(c, "", "", "", "");	/* counted as skipped */
		return false;
	}
	const void *data;
	size_t len;
	if (e->data(e->ctx, "TRIN_VERSION", &data, &len) && !stats_journal_get(e, "TRIN_VERSION", version, sizeof version))
		snprintf(version, sizeof version, " ");	/* there, but not one trin writes: skipped */
	return stats_counts_add(c, wizard, version, event, step);
}

/* Count the entry into all, or into its machine's counts in sp when by says so. */
static void stats_journal_count(const struct stats_journal_fields *e, enum stats_journal_by by,
				struct stats_counts *all, struct stats_journal_split *sp)
{
	struct stats_counts *c = by == STATS_BY_NONE ? all
				 : stats_journal_machine(sp, e, by == STATS_BY_HOST ? "_HOSTNAME" : "_MACHINE_ID");
	if (c)
		stats_journal_entry(e, c);
}

/* Print the split report (out NULL: nothing): each machine in turn, then those past the bound; frees sp. */
static void stats_journal_print_split(struct stats_journal_split *sp, FILE *out)
{
	for (size_t i = 0; i < sp->n; i++) {
		if (out)
			fprintf(out, "%smachine %s: %lu events\n", i ? "\n" : "", sp->names[i],
				stats_counts_total(sp->counts[i]));
		stats_counts_print_free(sp->counts[i], out, "damaged", "entries");
		free(sp->names[i]);
	}
	if (out && sp->other)
		fprintf(out, "(%zu entries not counted: more than %d machines)\n", sp->other, STATS_JOURNAL_MAX_MACHINES);
	strmap_free(&sp->index);
	free(sp->names);
	free(sp->counts);
}

/* Print the report of all or of sp, as by says (out NULL: nothing), and free both. */
static void stats_journal_print(struct stats_counts *all, struct stats_journal_split *sp, enum stats_journal_by by,
				FILE *out)
{
	if (by == STATS_BY_NONE && out)
		fprintf(out, "%lu events\n", stats_counts_total(all));
	stats_counts_print_free(all, by == STATS_BY_NONE ? out : NULL, "damaged", "entries");
	stats_journal_print_split(sp, out);
}

/* An entry's text: the bytes from start to end. */
struct stats_journal_text {
	const char *start, *end;
};

/* The first line of the entry's text that begins "field=" (stats_journal_fields). */
static bool stats_journal_text_data(void *ctx, const char *field, const void **data, size_t *len)
{
	const struct stats_journal_text *t = ctx;
	size_t flen = strlen(field);
	for (const char *line = t->start; line < t->end;) {
		const char *nl = memchr(line, '\n', (size_t)(t->end - line));
		const char *stop = nl ? nl : t->end;
		if ((size_t)(stop - line) > flen && memcmp(line, field, flen) == 0 && line[flen] == '=') {
			*data = line;
			*len = (size_t)(stop - line);
			return true;
		}
		line = stop < t->end ? stop + 1 : t->end;
	}
	return false;
}

void stats_journal_report_text(const char *text, size_t size, enum stats_journal_by by, FILE *out)
{
	struct stats_counts *all = stats_counts_new();
	struct stats_journal_split sp = { 0 };
	static const char match[] = "MESSAGE_ID=" STATS_JOURNAL_ID;
	const char *p = text, *end = text + size;
	while (p < end) {
		struct stats_journal_text t = { p, p };	/* the entry: its lines up to an empty one or the end */
		while (t.end < end && *t.end != '\n') {
			const char *nl = memchr(t.end, '\n', (size_t)(end - t.end));
			t.end = nl ? nl + 1 : end;
		}
		const struct stats_journal_fields e = { stats_journal_text_data, &t };
		const void *id;
		size_t len;
		if (stats_journal_text_data(&t, "MESSAGE_ID", &id, &len) && len == sizeof match - 1 &&
		    memcmp(id, match, len) == 0)
			stats_journal_count(&e, by, all, &sp);
		p = t.end < end ? t.end + 1 : end;
	}
	stats_journal_print(all, &sp, by, out);
}

#if HAVE_LIBSYSTEMD
/* The current entry of the journal ctx (stats_journal_fields). */
static bool stats_journal_sd_data(void *ctx, const char *field, const void **data, size_t *len)
{
	return stats_journal_fn.get_data(ctx, field, data, len) >= 0;
}

/* Open path (NULL: the local journal) into *j; false with err saying why. */
static bool stats_journal_open(sd_journal **j, const char *path, char *err, size_t errlen)
{
	struct stat st;
	int r;
	if (!path)
		r = stats_journal_fn.open(j, SD_JOURNAL_LOCAL_ONLY);
	else if (stat(path, &st) != 0)
		r = -errno;
	else if (S_ISDIR(st.st_mode))
		r = stats_journal_fn.open_directory(j, path, 0);
	else if (S_ISREG(st.st_mode))
		r = stats_journal_fn.open_files(j, (const char *[]){ path, NULL }, 0);
	else
		r = -EINVAL;
	uint64_t bytes = 0;
	if (r >= 0 && (stats_journal_fn.get_usage(*j, &bytes) < 0 || bytes == 0)) {
		stats_journal_fn.close(*j);
		snprintf(err, errlen, "%s", path ? "holds no journal files" : "there is no journal here");
		return false;
	}
	if (r < 0) {
		snprintf(err, errlen, "%s", r == -EINVAL ? "is not a regular file or a folder"
					   : r == -EBADMSG || r == -EPROTONOSUPPORT || r == -ENODATA
					   ? "is not a journal file, or a damaged one" : strerror(-r));
		return false;
	}
	return true;
}

bool stats_journal_report(const char *path, enum stats_journal_by by, FILE *out, char *err, size_t errlen)
{
	sd_journal *j;
	if (!stats_journal_ready()) {
		snprintf(err, errlen, "libsystemd (%s) cannot be loaded", STATS_JOURNAL_LIBRARY);
		return false;
	}
	if (!stats_journal_open(&j, path, err, errlen))
		return false;
	int r = stats_journal_fn.add_match(j, "MESSAGE_ID=" STATS_JOURNAL_ID, 0);
	struct stats_counts *all = stats_counts_new();
	struct stats_journal_split sp = { 0 };
	const struct stats_journal_fields e = { stats_journal_sd_data, j };
	while (r >= 0 && (r = stats_journal_fn.next(j)) > 0)
		stats_journal_count(&e, by, all, &sp);
	stats_journal_fn.close(j);
	if (r < 0) {
		snprintf(err, errlen, "cannot be read to its end: %s", strerror(-r));
		stats_journal_print(all, &sp, by, NULL);
		return false;
	}
	stats_journal_print(all, &sp, by, out);
	return true;
}
#else
bool stats_journal_report(const char *path, enum stats_journal_by by, FILE *out, char *err, size_t errlen)
{
	(void)path, (void)by, (void)out;
	snprintf(err, errlen, "this trin was built without libsystemd's header (libsystemd-dev)");
	return false;
}
#endif
