/*
 * stats-journal: the kiosk's anonymous counts as entries of the systemd journal (`--stats journal`), and
 * their report (`trin stats --journal [DIR]`), so that the journal's own machinery (systemd-journal-upload
 * on each kiosk, systemd-journal-remote at a centre) gathers the counts of many machines.
 *
 * Each event is one entry with MESSAGE_ID=STATS_JOURNAL_ID and the fields TRIN_WIZARD, TRIN_VERSION (when the
 * wizard has one), TRIN_EVENT ("shown", "gaveup", "end"), TRIN_STEP and TRIN_LANGUAGE: never an answer,
 * never anything about the person.  libsystemd is opened with dlopen at the first use only, so a trin that
 * is not asked for the journal neither loads it nor needs it installed.
 */
#ifndef TRIN_STATS_JOURNAL_H
#define TRIN_STATS_JOURNAL_H

#include <stdbool.h>
#include <stdio.h>

/* trin's statistics entries' MESSAGE_ID: made once, with systemd-id128 new; never changes. */
#define STATS_JOURNAL_ID "0d0f1695b1924a3e8b449566d990fb16"

/* Load libsystemd if it is not yet; false with errno ENOPKG when it or a function of it is missing. */
bool stats_journal_ready(void);
/* Send one event to the journal (the names already cleaned; lang NULL: none); false when it failed. */
bool stats_journal_send(const char *wizard, const char *version, const char *event, const char *step,
			const char *lang);

/* What a report is split by: nothing, the machine's host name, or its machine id. */
enum stats_journal_by { STATS_BY_NONE, STATS_BY_HOST, STATS_BY_MACHINE_ID };

/*
 * Print the report of trin's entries in path (a journal file, or a folder of them; NULL: the local journal)
 * as stats_report does, per machine when by says so, with the number of events counted.  An entry with a
 * field missing or not one trin writes is skipped and counted as such.  False, with err (of errlen bytes)
 * saying why, when libsystemd is missing or path cannot be read as a journal.
 */
bool stats_journal_report(const char *path, enum stats_journal_by by, FILE *out, char *err, size_t errlen);
/*
 * The same report of entries given as text, without a journal or libsystemd: each entry's fields a line
 * "FIELD=value", entries parted by an empty line (as `journalctl -o export` writes fields that are text).
 * Only entries with trin's MESSAGE_ID are read, each counted as stats_journal_report counts it: for the
 * tests and the fuzz harness of the statistics, which see the parser of the journal's entries through it.
 */
void stats_journal_report_text(const char *text, size_t size, enum stats_journal_by by, FILE *out);

#endif
