/*
 * diag: source locations and the list of diagnostics that the loader and checker append to.
 *
 * Locations are 1-based (line and column, the column counted in characters).  Messages are copied.
 * The list stops growing after DIAG_MAX entries and says so once, so any input keeps memory bounded.
 */
#ifndef TRIN_DIAG_H
#define TRIN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct loc {
	const char *file;	/* borrowed; outlives the diagnostics */
	int line, col;		/* 1-based; 0 means "no position" */
};

enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag {
	struct loc loc;
	enum diag_severity severity;
	char *msg;
};

struct diags {
	struct diag *v;
	size_t n, cap;
	size_t errors, warnings;
	size_t dropped;		/* not stored because the list was full */
};

#define DIAG_MAX 200

/*
 * The location of byte offset off in text s that starts at start: lines counted by '\n', columns in
 * characters (UTF-8 sequences count once).  s must hold at least off bytes.
 */
struct loc diag_loc_advance(struct loc start, const char *s, size_t off);

void diag_add(struct diags *d, enum diag_severity sev, struct loc at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
#define diag_error(d, at, ...) diag_add((d), DIAG_ERROR, (at), __VA_ARGS__)
#define diag_warning(d, at, ...) diag_add((d), DIAG_WARNING, (at), __VA_ARGS__)
/* Move every message of from to the end of to (from is left empty), counted as if added there. */
void diag_append(struct diags *to, struct diags *from);
/* Whether the list is full, so that work to word a new message can be skipped. */
bool diag_full(const struct diags *d);
/* Sort by file, line, column (stable), so messages read top to bottom. */
void diag_sort(struct diags *d);
/* Print as "file:line:col: error: message", one per line. */
void diag_print(const struct diags *d, FILE *out);
void diag_free(struct diags *d);

#endif
