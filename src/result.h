/*
 * result: what a walk through a wizard produced, written for programs (JSON).
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
 * Write the JSON result to path atomically: a new file beside it, created 0600, synced, then renamed over
 * path.  On failure nothing is left behind and err (of errlen bytes) says why.
 */
bool result_write_file(const char *path, const struct wizard *w, struct engine *e, char *err, size_t errlen);

#endif
