/*
 * stats: anonymous counts for the people who run a kiosk: how often each step of each wizard was shown,
 * where people gave up (the idle reset or "start over"), and how often each end was reached.
 *
 * The file is a log of lines "trin-stats 2 TAB WIZARD TAB VERSION TAB EVENT TAB STEP", one per event, VERSION
 * the wizard file's (version.h), so that a wizard's counts before and after a change can be told apart
 * ("trin-stats 1 TAB WIZARD TAB EVENT TAB STEP" for a wizard without one: loaded from memory, or written
 * by an older trin; the report reads both).  Each is written with one write(2), under an exclusive lock, to
 * a file opened for appending: many kiosk processes can share it, and a process killed mid-write leaves at
 * most one partial line, which the report skips: the next writer ends it first, so its own line arrives
 * whole.  A line holds no answer and no time, and lines are written as things happen, not per person.
 */
#ifndef TRIN_STATS_H
#define TRIN_STATS_H

#include <stdbool.h>
#include <stdio.h>

enum stats_event { STATS_SHOWN, STATS_GAVE_UP, STATS_END };

struct stats;

/*
 * Open path for appending (created 0600, never through a symbolic link); NULL with errno on failure.  Only
 * a regular file is opened: anything else there (a FIFO, a device, a socket) gives EINVAL, a folder EISDIR.
 */
struct stats *stats_open(const char *path);
/* What errno from stats_open or stats_report means, in words: EINVAL is "is not a regular file", not "Invalid argument". */
const char *stats_strerror(int err);
/* Record an event of wizard at version (NULL or "": none); false when the write failed (the kiosk goes on). */
bool stats_event(struct stats *s, const char *wizard, const char *version, enum stats_event ev, const char *step);
/* Close; NULL is a no-op. */
void stats_close(struct stats *s);

/*
 * Read the log at path and print, per wizard and version (in the order each version came first), the steps
 * where people gave up, most first, with how often each was shown, then how often each end was reached.
 * Only a regular file is read (a FIFO or a device is refused without waiting on it).  Returns false, with
 * err (of errlen bytes) saying why, when it cannot be read.
 */
bool stats_report(const char *path, FILE *out, char *err, size_t errlen);
/*
 * The report of the log read from in, as stats_report prints it.  A line that stats_event would not write
 * (a partial line, a field too many, a name with a control character or longer than an id can be) is skipped
 * and counted; at most a fixed number of different steps is counted, so memory stays bounded.
 */
void stats_report_stream(FILE *in, FILE *out);

/* The path that means the systemd journal, not a file (stats-journal.h). */
#define STATS_JOURNAL "journal"

/* A report's counts, for a reader of another format than the file (stats-journal.c). */
struct stats_counts;
/* Empty counts. */
struct stats_counts *stats_counts_new(void);
/*
 * Count an event named as in the file ("shown", "gaveup", "end") of step of wizard at version ("" or "-":
 * none); false, and counted as skipped, when a name is not one stats_event writes.
 */
bool stats_counts_add(struct stats_counts *c, const char *wizard, const char *version, const char *event,
		      const char *step);
/* How many events c counted. */
unsigned long stats_counts_total(const struct stats_counts *c);
/* Print the report of c (out NULL: nothing) as stats_report does, skipped ones "(N DAMAGED WHAT skipped)"; free c. */
void stats_counts_print_free(struct stats_counts *c, FILE *out, const char *damaged, const char *what);

#endif
