/*
 * scenario: checks of a scenario's answers in order (format 1.1) against the flow, made when it is loaded,
 * so that an answer (or an expected refusal) at a step the walk can never come to is a located error
 * before any walk.  Reads the model only; no engine, no expressions.
 */
#ifndef TRIN_SCENARIO_H
#define TRIN_SCENARIO_H

#include "diag.h"
#include "model.h"

/*
 * For answers in order: report at its step id each answer for a step that takes none, or that the walk
 * cannot come to from the answer before it (from the start, for the first; from the same step after a
 * refusal) without passing a step that needs an answer of its own.  Goto targets must be resolved.
 */
void scenario_check_order(const struct wizard *w, const struct scenario *sc, struct diags *d);

#endif
