/*
 * ui-script: the scripted frontend.  Walks an engine with answers given in advance (an answers file or a
 * scenario), for `trin run` and `trin test`.
 */
#ifndef TRIN_UI_SCRIPT_H
#define TRIN_UI_SCRIPT_H

#include <stdbool.h>
#include <stdio.h>

#include "engine.h"
#include "model.h"

/*
 * Walk e with the given answers.  Steps without an answer go on by themselves; a step that needs one and
 * has none stops the walk.  When trace is given, each step is printed to it, and the end with its text
 * and next steps.  Returns true at an end; otherwise *why holds the reason and *where the step.
 */
bool script_walk(const struct wizard *w, struct engine *e, const struct scenario_answer *answers,
		 size_t nanswers, FILE *trace, const char **why, int *where);

#endif
