/*
 * engine: the state machine that walks a person through a wizard.  No I/O, no terminal.
 *
 * A frontend asks for a view of the current step (engine_view), shows it, and feeds back what the person
 * gave (engine_submit) or asked for (engine_back, engine_revise).  The engine validates input per step
 * type, keeps every answer given (so going back and forward again pre-fills them), but counts as the
 * result only the answers of the steps on the current path: an answer on a branch no longer taken is
 * remembered for pre-filling and dropped from the result and from every expression.
 *
 * The engine borrows the wizard, which must outlive it.  Strings in a view, and those from engine_format
 * and engine_value_text, are valid until the next engine_view or the next call that changes the engine.
 */
#ifndef TRIN_ENGINE_H
#define TRIN_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

#include "expr.h"
#include "model.h"

struct engine;
struct i18n_lang;

struct engine_view {
	const struct step *step;
	int index;		/* of step in the wizard */
	size_t position;	/* 1-based place of this step on the path */
	/* Honest progress: the whole walk has between total_min and total_max steps (end steps not
	 * counted).  total_max is 0 when no end can be reached from here. */
	size_t total_min, total_max;
	bool can_back;
	bool revising;		/* changing an answer from the review; continuing returns there */
	bool answered;		/* the step has a remembered answer (see prefill) */
	struct value prefill;	/* the remembered answer, or null */
	const char *message;	/* why the last input was refused, in words, or NULL */
	/* Back at the review after a change: the steps whose answers counted before it and no longer do,
	 * because the way changed (they are remembered, not counted).  Until the next change. */
	const int *dropped;
	size_t ndropped;
	/* In a repeated group (step is one of its steps, or its add question): the group, the item the
	 * person is at (1-based) and the items its answer holds.  NULL and 0 elsewhere. */
	const struct step *group;
	size_t item, nitems;
};

/*
 * Start at the wizard's start step, writing numbers and dates, and reading what a person types, the way
 * lang does (i18n_lang; NULL: the wizard's own language).  The engine never asks which language is chosen:
 * a frontend that switches it says so with engine_set_lang.  Its messages are trin's own (i18n_own).
 */
struct engine *engine_create(const struct wizard *w, const struct i18n_lang *lang);
/* Write and read numbers and dates the way lang does from now on (NULL: the wizard's own); e NULL: no-op. */
void engine_set_lang(struct engine *e, const struct i18n_lang *lang);
/* The language e writes and reads numbers and dates in (engine_create, engine_set_lang). */
const struct i18n_lang *engine_lang(const struct engine *e);
/*
 * Read every answer from now on as an answers file is written (trin(1), ANSWERS FILE), the same whatever
 * the language: where a number could be read either way ("1.234", "2,500"), a point is its decimal mark
 * and a comma groups, as in JSON and as trin writes numbers.  Numbers and dates are still written the way
 * the engine's language does.
 */
void engine_file_answers(struct engine *e);
/*
 * Take ymd ("YYYY-MM-DD", a real date) as today from now on, for today() in expressions; false (and no
 * change) if it is not one.  Without it, today is the local date when the engine was created.
 */
bool engine_set_today(struct engine *e, const char *ymd);
/* Today as the engine takes it, "YYYY-MM-DD". */
const char *engine_today(const struct engine *e);
/* Wipe every answer from memory and free the engine.  NULL is a no-op. */
void engine_free(struct engine *e);

/*
 * Let go of what was formatted since the last view (engine_view does so itself): for laying out the pages
 * of many steps without showing them (page_fit), which would otherwise keep every page's texts.
 */
void engine_forget_formatted(struct engine *e);

/* A view of the current step. */
void engine_view(struct engine *e, struct engine_view *v);

/*
 * Give the answer for the current step and go on.  Steps without an answer (info, review) take NULL.
 * Returns false when the input is refused: the view's message says why, and nothing else changes.
 * At an end step nothing happens and false is returned with no message.
 */
bool engine_submit(struct engine *e, const struct answer_input *in);

/* Go back one step; false at the start.  The answer given at the step left is kept for pre-filling. */
bool engine_back(struct engine *e);

/*
 * From a review step, go back to an earlier step on the path to change its answer.  After it, the engine
 * skips forward over steps that still have an answer and returns to the review, stopping first at any
 * step the change opens that has none.  False when step is not on the path before the current one.
 */
bool engine_revise(struct engine *e, int step);

/*
 * From a review step, go back into group g (a step of type repeat on the path) to change its item (0-based),
 * or with item its number of items, to add one; after the item's last step the engine returns to the
 * review as engine_revise does.  False when g is not such a group or item is beyond it or its max.
 */
bool engine_revise_item(struct engine *e, int g, size_t item);

/*
 * From a review step, remove item (0-based) of group g and return to the review.  Refused (false, with a
 * message in the view) when the group has no more than its min items; false too when there is no such item.
 */
bool engine_remove_item(struct engine *e, int g, size_t item);

/* Of group g, item (0-based) as a person reads it: its item text with the answers filled in, translated. */
const char *engine_item_text(struct engine *e, int g, size_t item);

/* Of group g, the answer of its step j in item (0-based), remembered or counted; null when none. */
struct value engine_item(struct engine *e, int g, size_t item, size_t j);

/*
 * Carry a walk over to a new engine on a changed wizard (an author's edit, reloaded): every answer from
 * remembers is given again at the step with the same id and type, where the changed step still takes it,
 * and e walks on from its start over the steps from passed, as long as each has its answer, until it is at
 * the step from is at.  True when it got there; otherwise e is at the first step that needs the person
 * again, or before an end step from had not reached (the person goes on to it).  e must be fresh
 * (engine_create) and may be on the same wizard as from.
 */
bool engine_follow(struct engine *e, const struct engine *from);

/* Whether the current step is an end step. */
bool engine_done(const struct engine *e);

/*
 * A debug check of the engine's invariants (the path, the counts of steps on it, the answers of the steps
 * passed, the review to return to).  True when they hold; otherwise false with a static reason in *why.
 * For tests and fuzzing, and for the full screen when TRIN_DEBUG_CHECK=1.
 */
bool engine_check(const struct engine *e, const char **why);

/* The steps on the path, first to current; valid until the next change. */
const int *engine_path(const struct engine *e, size_t *n);

/*
 * The answer given at place i of the path (0 is the start) when the walk went on from there, which a loop
 * may have changed since; null for the current step and for a step that takes none.  Valid until the next
 * change.
 */
struct value engine_visit_answer(const struct engine *e, size_t i);
/* Which transition of the step at place i of the path led on (an index into its next), or -1 for the current step. */
int engine_visit_transition(const struct engine *e, size_t i);

/* The answer of step if it is on the path, else null. */
struct value engine_answer(struct engine *e, int step);

/*
 * The current value of derived value i, or null (evaluation errors give null and set *err if given).
 * Worked out once for the answers and path as they are: its strings and lists live until they change.
 * A value beyond the bounds of expr.h gives one of expr_too_long, expr_too_many or expr_too_much; a
 * condition that reads one stops the walk with a message, and engine_format shows it as too large.
 */
struct value engine_derived(struct engine *e, size_t i, const char **err);

/*
 * Replace every {name} in text with the answer or value it names, as a person should read it: the label
 * of a choice (through translate), yes or no, a number with grouped digits.  {{ and }} give braces.
 * translate may be NULL.  The result lives until the next change of the engine.
 */
const char *engine_format(struct engine *e, const char *text, const char *(*translate)(void *ctx, const char *),
			  void *ctx);

/*
 * The translate function for engine_format, and for a frontend: a wizard's text (msgid, NULL gives "") in
 * the language now chosen (i18n_text); ctx is the wizard.
 */
const char *engine_tr(void *ctx, const char *msgid);

/*
 * A wizard text as the person reads it: translated (engine_tr), with the answers filled in
 * (engine_format); in lang when it is given (its numbers and dates too), the language chosen and the
 * engine's staying as they were.  NULL when t is absent.  Lives as engine_format's result does.
 */
const char *engine_show_text(struct engine *e, const struct text *t, const char *lang);

/*
 * Answer v of step s as engine_format shows {id}, but never masked: for the step's own page, where the
 * person checks what they typed (a sensitive answer too, as the field shows it).  Lives likewise.
 */
const char *engine_answer_text(struct engine *e, const struct step *s, struct value v,
			       const char *(*translate)(void *ctx, const char *), void *ctx);

/*
 * Whether condition when (of a text or a choice, content.h) holds for the answers on the path now; true for
 * NULL.  A condition that cannot be worked out (beyond the bounds of expr.h) does not hold.
 */
bool engine_holds(struct engine *e, const struct expr *when);

/* Text a frontend can put in an input field for a value (number "40000", date "2025-02-27"). */
const char *engine_value_text(struct engine *e, const struct step *s, struct value v);

#endif
