/*
 * sensitive: answers marked `sensitive: true` (a CPR number, an account number), and the derived values
 * that read one.  Such an answer is kept in memory for the walk and for expressions, shown masked in
 * texts, the review, the end and the summary, and written to no file: the JSON result and a recorded
 * scenario say that it was sensitive, never what it was.
 */
#ifndef TRIN_SENSITIVE_H
#define TRIN_SENSITIVE_H

#include <stdbool.h>
#include <stdio.h>

#include "model.h"

/* Mark every derived value of w that reads a sensitive answer, directly or through other values. */
void sensitive_mark(struct wizard *w);

/* Whether symbol sym of w (a step index, or nsteps + a value's index) is sensitive; false for -1. */
bool sensitive_sym(const struct wizard *w, int sym);

/* What the JSON result holds in place of a sensitive answer or value: {"sensitive": true}. */
void sensitive_json(FILE *out);

/* The words shown in place of a sensitive answer, translated: "(hidden)". */
const char *sensitive_mask(void);

#endif
