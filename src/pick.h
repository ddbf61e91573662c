/*
 * pick: what a person has picked on the step shown, for any frontend: the list cursor, the ticks, the
 * review's rows and the text field; set from the remembered answer when the step is entered, and given to
 * the engine as the answer.
 */
#ifndef TRIN_PICK_H
#define TRIN_PICK_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"
#include "field.h"
#include "page.h"
#include "model.h"

struct pick {
	int sel;		/* list cursor: a row */
	int *rows;		/* choice, multi: the choices offered (content.h), as indices, one per row */
	size_t nrows;
	bool *ticks;		/* multi: one per row */
	struct page_row *review;	/* review: each row; step -1 for "continue" */
	size_t nreview;
	struct field field;	/* text, number and date: the field, and its drafts per step */
};

/* A move of a list's cursor, whatever key a frontend reads for it. */
enum pick_way {
	PICK_NONE,		/* not a move */
	PICK_UP,
	PICK_DOWN,
	PICK_FIRST,
	PICK_LAST,
	PICK_NUMBER,		/* to the item of a number, 1 for the first */
};

/* What going on from a step did. */
enum pick_went {
	PICK_STAYED,		/* the answer was not taken: the same step */
	PICK_MOVED,		/* another step is shown, from its start */
	PICK_FINISHED,		/* at an end: the walk is finished */
};

/* Step v is entered: start from the remembered answer, or from the draft typed before going back. */
void pick_enter(struct pick *p, const struct wizard *w, struct engine *e, const struct engine_view *v);
/* How many rows the cursor moves over on step s. */
int pick_len(const struct pick *p, const struct step *s);
/* Move the cursor to row to of step s, kept in the list; false when s has no list. */
bool pick_move(struct pick *p, const struct step *s, int to);
/* Move a cursor at *sel over n items the way w (PICK_NUMBER: to item num); false when nothing moves it. */
bool pick_cursor(int *sel, int n, enum pick_way w, int num);
/* Give what is picked on step s to the engine as its answer (engine_submit); whether it was taken. */
bool pick_submit(const struct pick *p, struct engine *e, const struct step *s);
/*
 * Go on from step s: finish at an end, change the answer of the review's row at the cursor, or give what
 * is picked as the answer (pick_submit).
 */
enum pick_went pick_go_on(const struct pick *p, struct engine *e, const struct step *s);
/* Go back a step from v, what is typed in its field kept as the step's draft; false on the first step. */
bool pick_back(struct pick *p, struct engine *e, const struct wizard *w, const struct engine_view *v);
/* Free what p holds, the field and drafts wiped. */
void pick_free(struct pick *p);

#endif
