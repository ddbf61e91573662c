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
#include "util.h"

#if HAVE_LIBSYSTEMD
#include <dlfcn.h>
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
	const struct { const char *name; void **slot; } syms[] = {
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
	void *lib = dlopen(STATS_JOURNAL_LIBRARY, RTLD_NOW | RTLD_LOCAL);
	for (size_t i = 0; lib && i < ARRAY_LEN(syms); i++) {
		if (!(*syms[i].slot = dlsym(lib, syms[i].name))) {
			dlclose(lib);
			lib = NULL;
		}
	}
	if (!lib) {
		errno = ENOPKG;
		return false;
	}
	stats_journal_fn.lib = lib;
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

#if HAVE_LIBSYSTEMD
/* The most machines a report is split into: memory stays bounded for a hostile journal. */
#define STATS_JOURNAL_MAX_MACHINES 1000

/* A report split by machine: each machine's name (an index) and its counts. */
struct stats_journal_split {
	struct strmap index;
	char **names;
	struct stats_counts **counts;
	size_t n, cap, other;	/* other: entries of machines past the bound */
};

/*
 * The value of field of the current entry into buf of size bytes; false when it is missing, too long, or
 * holds a NUL byte (so it is not one trin wrote).
 */
static bool stats_journal_get(sd_journal *j, const char *field, char *buf, size_t size)
{
	const void *data;
	size_t len, skip = strlen(field) + 1;
	if (stats_journal_fn.get_data(j, field, &data, &len) < 0 || len < skip || len - skip >= size)
		return false;
	memcpy(buf, (const char *)data + skip, len - skip);
	buf[len - skip] = '\0';
	return strlen(buf) == len - skip;
}

/* The counts of the machine of the current entry, added when new; NULL past the bound. */
static struct stats_counts *stats_journal_machine(struct stats_journal_split *sp, sd_journal *j, const char *field)
{
	char name[256];
	if (!stats_journal_get(j, field, name, sizeof name) || !*name ||
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

/* Count the current entry into c; false when it is not one trin writes. */
static bool stats_journal_entry(sd_journal *j, struct stats_counts *c)
{
	char wizard[200], version[200] = "", event[32], step[200];
	if (!stats_journal_get(j, "TRIN_WIZARD", wizard, sizeof wizard) ||
	    !stats_journal_get(j, "TRIN_EVENT", event, sizeof event) ||
	    !stats_journal_get(j, "TRIN_STEP", step, sizeof step)) {
		stats_counts_add(c, "", "", "", "");	/* counted as skipped */
		return false;
	}
	const void *data;
	size_t len;
	if (stats_journal_fn.get_data(j, "TRIN_VERSION", &data, &len) >= 0 &&
	    !stats_journal_get(j, "TRIN_VERSION", version, sizeof version))
		snprintf(version, sizeof version, " ");	/* there, but not one trin writes: skipped */
	return stats_counts_add(c, wizard, version, event, step);
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
	const char *field = by == STATS_BY_HOST ? "_HOSTNAME" : "_MACHINE_ID";
	while (r >= 0 && (r = stats_journal_fn.next(j)) > 0) {
		struct stats_counts *c = by == STATS_BY_NONE ? all : stats_journal_machine(&sp, j, field);
		if (c)
			stats_journal_entry(j, c);
	}
	stats_journal_fn.close(j);
	if (r < 0) {
		snprintf(err, errlen, "cannot be read to its end: %s", strerror(-r));
		stats_counts_print_free(all, NULL, "", "");
		stats_journal_print_split(&sp, NULL);
		return false;
	}
	if (by == STATS_BY_NONE)
		fprintf(out, "%lu events\n", stats_counts_total(all));
	stats_counts_print_free(all, by == STATS_BY_NONE ? out : NULL, "damaged", "entries");
	stats_journal_print_split(&sp, out);
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
