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

/* Where and why a scripted walk stopped short of an end, or what it left undone. */
struct script_stop {
	const char *why;	/* in words; may point into buf */
	int where;		/* the step it stopped at */
	const struct scenario_answer *at;	/* the answer given there or left over, or NULL */
	char buf[512];
};

/* Take today (a date, from --today) as today in e when given, else the date sc fixes (its 'today'), if any. */
void script_today(struct engine *e, const struct scenario *sc, const char *today);

/*
 * Walk e with the answers of sc, read as an answers file is written, the same in every language
 * (engine_file_answers): by step, or in order when sc->in_order, where an answer marked refused must be
 * refused (and the walk stays).  Steps without an answer go on by themselves; a step that needs one and
 * has none stops the walk.  When trace is given, each step is printed to it, and the end with its text
 * and next steps.  Returns true at an end with every answer in order given; otherwise stop says why.
 */
bool script_walk(const struct wizard *w, struct engine *e, const struct scenario *sc, FILE *trace,
		 struct script_stop *stop);

#endif
