/*
 * summary: the take-away summary of a walk, as plain text for the person to keep or print: the wizard's
 * title, the date, the result (the end's title and text), the answers on the path and the next steps as a
 * checklist, in the person's language.  Reads the engine; knows nothing of terminals.
 */
#ifndef TRIN_SUMMARY_H
#define TRIN_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "engine.h"
#include "model.h"

#define SUMMARY_WIDTH 72	/* columns: fits a printed page and a narrow terminal */

/*
 * Print s wrapped to width cells: the first line after prefix, the others indented by hang spaces.  Control
 * characters become spaces, so nothing printed can be an escape sequence.  Line mode prints through it too.
 */
void summary_para(FILE *out, const char *prefix, const char *s, int width, int hang);

/*
 * Write the summary of e's walk through w to out: UTF-8 lines of at most SUMMARY_WIDTH cells, no byte
 * below 0x20 but '\n'.  Wizard texts are translated in the wizard's domain, labels in trin's.  Before the
 * end it says the walk is not finished.
 */
void summary_write(FILE *out, const struct wizard *w, struct engine *e, time_t when);
/* As summary_write, at most width cells a line (at least 20): a receipt is narrower than a page. */
void summary_write_width(FILE *out, const struct wizard *w, struct engine *e, time_t when, int width);

/*
 * Write the summary to path atomically (mode 0600), never replacing a file that is there.  On failure
 * nothing is left behind and err (of errlen bytes) says why.
 */
bool summary_write_file(const char *path, const struct wizard *w, struct engine *e, time_t when, char *err,
			size_t errlen);

/*
 * Write the summary into folder dir under a new name, "ID-YYYY-MM-DD.txt" or, when that is taken,
 * "ID-YYYY-MM-DD-2.txt" and on: never over a file that is there.  Returns the path written (the caller
 * frees it), or NULL with err set.
 */
char *summary_write_dir(const char *dir, const struct wizard *w, struct engine *e, time_t when, char *err,
			size_t errlen);

#endif
