/*
 * result: what a walk through a wizard produced, written for programs (JSON).
 * Also the atomic file writing that the take-away summary (summary.h) shares.
 * Reads the engine; writes only to the stream it is given.
 */
#ifndef TRIN_RESULT_H
#define TRIN_RESULT_H

#include <stdbool.h>
#include <stdio.h>

#include "engine.h"
#include "model.h"

/* Write s as a JSON string literal (quoted, escaped). */
void result_json_string(FILE *out, const char *s);
/* Write a value as JSON: null, true, 40000, 12.5, "text", [...]. */
void result_json_value(FILE *out, struct value v);
/*
 * The result as one JSON object: wizard id, end step id (null before the end), the path of step ids,
 * the answers of the steps on the path, and every derived value.
 */
void result_json(FILE *out, const struct wizard *w, struct engine *e);

/*
 * The walk as a scenario in YAML (name, answers on the path, end, path), which `trin test --scenario` and
 * `trin run --answers` read back: what `trin --record` writes.
 */
void result_scenario(FILE *out, const struct wizard *w, struct engine *e, const char *name);
/* Write the scenario to path atomically (as result_write_file), named after the time it was recorded. */
bool result_write_scenario(const char *path, const struct wizard *w, struct engine *e, char *err, size_t errlen);

/*
 * Write the JSON result to path atomically: a new file beside it, created 0600, synced, then renamed over
 * path.  On failure nothing is left behind and err (of errlen bytes) says why.
 */
bool result_write_file(const char *path, const struct wizard *w, struct engine *e, char *err, size_t errlen);

/*
 * Whether path may be written as a file trin replaces: nothing there, a regular file, or a symbolic link
 * (replaced, never followed) to a regular file or to nothing.  Anything else, or a link to it (a device such
 * as /dev/null or /dev/stdout, a named pipe, a socket, a folder), is refused: false, and err (of errlen
 * bytes) says what it is.
 */
bool result_check_path(const char *path, char *err, size_t errlen);

/*
 * Write a file atomically: fill writes the content to a new file beside path, created 0600 and synced,
 * which then replaces path (replace) or, when !replace, appears as path only if nothing is there yet
 * (EEXIST otherwise).  With replace, a path that result_check_path refuses is left alone (EINVAL).  On failure
 * nothing is left behind, err (of errlen bytes) says why, and *error (when given) holds the errno; it is 0
 * on success.
 */
bool result_write_atomic(const char *path, bool replace, void (*fill)(FILE *out, void *ctx), void *ctx, char *err,
			 size_t errlen, int *error);

#endif
