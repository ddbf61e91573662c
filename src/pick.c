/*
 * pick: what a person has picked on the step shown, for any frontend.  See pick.h.
 */
#include "pick.h"

#include <stdlib.h>

#include "content.h"
#include "kind.h"
#include "page.h"
#include "util.h"

/* Step v is entered: start from the remembered answer, or from the draft typed before going back. */
void pick_enter(struct pick *p, const struct wizard *w, struct engine *e, const struct engine_view *v)
{
	const struct step *s = v->step;
	p->sel = 0;
	free(p->ticks);
	p->ticks = xcalloc(s->nchoices ? s->nchoices : 1, sizeof *p->ticks);
	free(p->rows);
	p->rows = xmalloc((s->nchoices ? s->nchoices : 1) * sizeof *p->rows);
	p->nrows = content_choices(e, s, false, p->rows);
	field_set(&p->field, "");
	struct value pre = v->prefill;
	switch (s->type) {
	case STEP_CHOICE: {
		int i = pre.type == VAL_STR ? content_row(p->rows, p->nrows, step_choice_index(s, pre.u.s)) : -1;
		if (i >= 0)
			p->sel = i;
		break;
	}
	case STEP_MULTI:	/* a choice no longer offered is no longer ticked */
		for (size_t k = 0; pre.type == VAL_LIST && k < pre.u.list.n; k++) {
			const struct value *it = &pre.u.list.items[k];
			int i = it->type == VAL_STR ? content_row(p->rows, p->nrows, step_choice_index(s, it->u.s)) : -1;
			if (i >= 0)
				p->ticks[i] = true;
		}
		break;
	case STEP_YESNO:
		p->sel = pre.type == VAL_BOOL && !pre.u.b ? 1 : 0;
		break;
	case STEP_TEXT:
	case STEP_NUMBER:
	case STEP_DATE:
		if ((v->group || !field_draft_take(&p->field, (size_t)v->index)) && pre.type != VAL_NULL)
			field_set(&p->field, engine_value_text(e, s, pre));	/* else typed before going back */
		break;
	case STEP_REVIEW:
		free(p->review);
		p->review = page_review_rows(w, e, &p->nreview);
		p->review = xrealloc(p->review, (p->nreview + 1) * sizeof *p->review);
		p->review[p->nreview++] = (struct page_row){ -1, -1, PAGE_ROW_CHANGE };	/* continue */
		p->sel = (int)p->nreview - 1;
		break;
	case STEP_INFO:
	case STEP_REPEAT:	/* a view shows one of its steps, never the group */
	case STEP_END:
		break;
	}
}

/* How many rows the cursor moves over on step s. */
int pick_len(const struct pick *p, const struct step *s)
{
	switch (s->type) {
	case STEP_CHOICE:
	case STEP_MULTI:
		return (int)p->nrows;
	case STEP_YESNO:
		return 2;
	case STEP_REVIEW:
		return (int)p->nreview;
	case STEP_INFO:
	case STEP_TEXT:
	case STEP_NUMBER:
	case STEP_DATE:
	case STEP_REPEAT:
	case STEP_END:
		return 0;
	}
	return 0;
}

/* Move the cursor to row to of step s, kept in the list; false when s has no list. */
bool pick_move(struct pick *p, const struct step *s, int to)
{
	int n = pick_len(p, s);
	if (n <= 0)
		return false;
	p->sel = to < 0 ? 0 : to >= n ? n - 1 : to;
	return true;
}

/* Move a cursor at *sel over n items the way w (PICK_NUMBER: to item num); false when nothing moves it. */
bool pick_cursor(int *sel, int n, enum pick_way w, int num)
{
	int to = *sel;
	switch (w) {
	case PICK_UP:
		to = *sel - 1;
		break;
	case PICK_DOWN:
		to = *sel + 1;
		break;
	case PICK_FIRST:
		to = 0;
		break;
	case PICK_LAST:
		to = n - 1;
		break;
	case PICK_NUMBER:
		if (num < 1 || num > n)
			return false;	/* no item of that number */
		to = num - 1;
		break;
	case PICK_NONE:
		return false;
	}
	if (n <= 0)
		return false;
	*sel = to < 0 ? 0 : to >= n ? n - 1 : to;
	return true;
}

/* Give what is picked on step s to the engine as its answer (engine_submit); whether it was taken. */
bool pick_submit(const struct pick *p, struct engine *e, const struct step *s)
{
	struct answer_input in = { 0 };
	bool ok = false;
	switch (s->type) {
	case STEP_CHOICE:
		in.text = p->sel >= 0 && (size_t)p->sel < p->nrows ? s->choices[p->rows[p->sel]].value : "";
		return engine_submit(e, &in);
	case STEP_YESNO:
		in.text = p->sel == 0 ? "true" : "false";
		return engine_submit(e, &in);
	case STEP_MULTI: {
		const char **items = xmalloc((s->nchoices ? s->nchoices : 1) * sizeof *items);
		in.is_list = true;
		in.items = items;
		for (size_t r = 0; r < p->nrows; r++)
			if (p->ticks[r])
				items[in.nitems++] = s->choices[p->rows[r]].value;
		ok = engine_submit(e, &in);
		free(items);
		return ok;
	}
	case STEP_TEXT:
	case STEP_NUMBER:
	case STEP_DATE:
		in.text = p->field.buf;
		return engine_submit(e, &in);
	case STEP_INFO:
	case STEP_REVIEW:
	case STEP_REPEAT:
	case STEP_END:
		break;
	}
	return engine_submit(e, NULL);
}

/* Go on from step s: finish, change the review's row at the cursor, or give the answer; see pick.h. */
enum pick_went pick_go_on(const struct pick *p, struct engine *e, const struct step *s)
{
	if (s->type == STEP_END)
		return PICK_FINISHED;
	if (s->type == STEP_REVIEW && p->review[p->sel].step >= 0)
		return page_review_do(e, &p->review[p->sel]) ? PICK_MOVED : PICK_STAYED;
	return pick_submit(p, e, s) ? PICK_MOVED : PICK_STAYED;
}

/* Go back a step from v, what is typed in its field kept as the step's draft; false on the first step. */
bool pick_back(struct pick *p, struct engine *e, const struct wizard *w, const struct engine_view *v)
{
	if (kind_is_field(v->step->type) && v->can_back && !v->group)	/* a group's steps share an index */
		field_draft_keep(&p->field, (size_t)v->index, w->nsteps);
	return engine_back(e);
}

/* Free what p holds, the field and drafts wiped. */
void pick_free(struct pick *p)
{
	free(p->ticks);
	free(p->rows);
	free(p->review);
	p->rows = NULL;
	p->nrows = 0;
	p->ticks = NULL;
	p->review = NULL;
	p->nreview = 0;
	field_free(&p->field);
}
