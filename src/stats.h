/*
 * stats: anonymous counts for the people who run a kiosk: how often each step of each wizard was shown,
 * where people gave up (the idle reset or "start over"), and how often each end was reached.
 *
 * The file is a log of lines "trin-stats 1 TAB WIZARD TAB EVENT TAB STEP", one per event, written with one
 * write(2) each, under an exclusive lock, to a file opened for appending: many kiosk processes can share
 * it, and a process killed mid-write leaves at most one partial line, which the report skips: the next
 * writer ends it first, so its own line arrives whole.  A
 * line holds no answer and no time, and lines are written as things happen, not per person.
 */
#ifndef TRIN_STATS_H
#define TRIN_STATS_H

#include <stdbool.h>
#include <stdio.h>

enum stats_event { STATS_SHOWN, STATS_GAVE_UP, STATS_END };

struct stats;

/* Open path for appending (created 0600, never through a symbolic link); NULL with errno on failure. */
struct stats *stats_open(const char *path);
/* Record one event; false when the write failed (the kiosk goes on regardless). */
bool stats_event(struct stats *s, const char *wizard, enum stats_event ev, const char *step);
/* Close; NULL is a no-op. */
void stats_close(struct stats *s);

/*
 * Read the log at path and print, per wizard, the steps where people gave up, most first, with how often
 * each was shown, then how often each end was reached.  Returns false (with errno) when it cannot be read.
 */
bool stats_report(const char *path, FILE *out);

#endif
