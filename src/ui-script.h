/*
 * ui-script: the scripted frontend.  Walks an engine with answers given in advance (an answers file or a
 * scenario), for `trin run` and `trin test`.  The engine it is given writes numbers and dates the way the
 * wizard's own language does (engine_create with NULL), as its texts are shown as written: so a walk, its
 * trace and its result are the same under every --lang and environment; only trin's own words (the
 * reason a walk stopped, yes and no) are in the language chosen.
 */
#ifndef TRIN_UI_SCRIPT_H
#define TRIN_UI_SCRIPT_H

#include <stdbool.h>
#include <stdio.h>

#include "engine.h"
#include "model.h"

/*
 * Walk e with the given answers, read as an answers file is written, the same in every language
 * (engine_file_answers).  Steps without an answer go on by themselves; a step that needs one and
 * has none stops the walk.  When trace is given, each step is printed to it, and the end with its text
 * and next steps.  Returns true at an end; otherwise *why holds the reason and *where the step.
 */
bool script_walk(const struct wizard *w, struct engine *e, const struct scenario_answer *answers,
		 size_t nanswers, FILE *trace, const char **why, int *where);

#endif
