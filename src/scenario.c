/*
 * scenario: what can be known of a scenario's answers in order (format 1.1) before it is walked.
 * See scenario.h.  Reads the flow only (the steps and where their transitions lead), never a condition:
 * a way it finds may still be closed by one, so it reports only what no walk can do.
 */
#include "scenario.h"

#include <stdio.h>
#include <stdlib.h>

#include "kind.h"
#include "limit.h"
#include "util.h"

/* Whether a walk in order passes step i without an entry for it: it takes no answer or may go without one. */
static bool scenario_passes(const struct step *s)
{
	return s->type != STEP_END && (!step_takes_answer(s->type) || !s->required);
}

/*
 * Whether the walk can come from step from to step to, through steps it passes without an answer when
 * freely, through any step otherwise; with stay, being at from already counts.  seen and queue are scratch
 * of w->nsteps each.
 */
static bool scenario_reaches(const struct wizard *w, int from, int to, bool stay, bool freely, bool *seen, int *queue)
{
	if (stay && from == to)
		return true;
	for (size_t i = 0; i < w->nsteps; i++)
		seen[i] = false;
	size_t head = 0, tail = 0;
	queue[tail++] = from;
	seen[from] = true;
	while (head < tail) {
		const struct step *s = &w->steps[queue[head++]];
		for (size_t k = 0; k < s->nnext; k++) {
			int t = s->next[k].target;
			if (t < 0)
				continue;
			if (t == to)
				return true;
			if (!seen[t] && (!freely || scenario_passes(&w->steps[t]))) {
				seen[t] = true;
				queue[tail++] = t;
			}
		}
	}
	return false;
}

void scenario_check_order(const struct wizard *w, const struct scenario *sc, struct diags *d)
{
	if (!sc->in_order || w->start < 0 || !w->nsteps)
		return;
	bool *seen = xmalloc(w->nsteps * sizeof *seen);
	int *queue = xmalloc(w->nsteps * sizeof *queue);
	int prev = w->start;
	bool stay = true;	/* at the start, and after a refusal: the walk is at prev */
	for (size_t k = 0; k < sc->nanswers && prev >= 0; k++) {
		const struct scenario_answer *a = &sc->answers[k];
		char from[LIMIT_ID + 40];
		if (k)
			snprintf(from, sizeof from, "after '%s' (the answer before)", w->steps[prev].id);
		else
			snprintf(from, sizeof from, "from the start ('%s')", w->steps[prev].id);
		int s = a->step;
		if (s < 0) {
			prev = -1;	/* unknown, and said so */
		} else if (!step_takes_answer(w->steps[s].type)) {
			diag_error(d, a->loc, "'%s' takes no answer: it is a step of type %s", a->step_id,
				   step_type_name(w->steps[s].type));
			prev = -1;
		} else if (!scenario_reaches(w, prev, s, stay, false, seen, queue)) {
			diag_error(d, a->loc, "the walk never comes to '%s' %s", a->step_id, from);
			prev = -1;
		} else if (!scenario_reaches(w, prev, s, stay, true, seen, queue)) {
			diag_error(d, a->loc, "the walk comes to '%s' %s only through a step that needs an answer "
				   "of its own: give it first", a->step_id, from);
			prev = -1;
		} else {
			prev = s;
			stay = a->refused;
		}
	}
	free(queue);
	free(seen);
}
