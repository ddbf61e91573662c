/*
 * repeat: repeated groups (repeat.h).  Reading a group: its inner steps go in order (none has 'next'), and
 * none is a review, an end or a group itself; min is 1 or more, max at most LIMIT_REPEAT_ITEMS and not
 * below min; a group that may have more than min items asks 'add'.
 */
#include "repeat.h"

#include <string.h>

#include "kind.h"
#include "limit.h"
#include "result.h"
#include "sensitive.h"

/* Whether a step of kind t may be inside a group: one that asks a question, or says something. */
static bool repeat_kind_allowed(enum step_type t)
{
	return t != STEP_REVIEW && t != STEP_END && t != STEP_REPEAT;
}

/* Read the inner steps of g from the list under 'steps'. */
static void repeat_load_steps(const struct repeat_loading *rl, struct step *g, const struct ynode *list)
{
	if (list->n > LIMIT_REPEAT_STEPS)
		diag_error(rl->d, list->loc, "a repeated group has %u steps; it may have at most %d", (unsigned)list->n,
			   LIMIT_REPEAT_STEPS);
	size_t n = list->n > LIMIT_REPEAT_STEPS ? LIMIT_REPEAT_STEPS : list->n;
	struct step_more *more = step_more_make(g, rl->a);
	more->inner = arena_alloc(rl->a, (n ? n : 1) * sizeof *more->inner);
	for (size_t i = 0; i < n; i++) {
		const struct ynode *m = ynode_kid(list, i);
		if (m->kind != YNODE_MAP) {
			diag_error(rl->d, m->loc, "a step in 'steps' must be a mapping (key: value), not %s",
				   ynode_kind_name(m));
			continue;
		}
		struct step *s = &more->inner[more->ninner];
		*s = (struct step){ 0 };	/* the place of a step refused before: nothing of it may stay */
		rl->step(rl->ctx, s, m);
		if (!s->id)
			continue;
		if (!repeat_kind_allowed(s->type)) {
			diag_error(rl->d, ynode_word(m, KW_type) ? ynode_word(m, KW_type)->loc : m->loc,
				   "a step of type %s cannot be inside a repeated group", step_type_name(s->type));
			continue;
		}
		const struct ynode *next = ynode_word(m, KW_next);
		if (next)
			diag_error(rl->d, next->loc, "the steps of a repeated group go in order and have no 'next'; "
				   "put the condition on the group's own 'next'");
		if (repeat_inner_index(g, s->id) >= 0) {
			diag_error(rl->d, m->loc, "duplicate step id '%s' in the group '%s'", s->id, g->id ? g->id : "?");
			continue;
		}
		s->nnext = 0;
		s->next = NULL;
		more->ninner++;
	}
}

void repeat_load(const struct repeat_loading *rl, struct step *g, const struct ynode *m)
{
	struct step_more *more = step_more_make(g, rl->a);
	const struct ynode *list = ynode_word(m, KW_steps);
	if (!list)
		diag_error(rl->d, m->loc, "a repeated group needs 'steps': the questions asked once per item");
	else if (list->kind != YNODE_SEQ || list->n == 0)
		diag_error(rl->d, list->loc, "'steps' of a repeated group must be a list of steps, not %s",
			   list->kind == YNODE_SEQ ? "an empty list" : ynode_kind_name(list));
	else
		repeat_load_steps(rl, g, list);
	bool asks = false;
	for (size_t i = 0; i < more->ninner; i++)
		asks |= step_takes_answer(more->inner[i].type);
	if (more->ninner && !asks)
		diag_error(rl->d, list->loc, "a repeated group needs a step that takes an answer: its items are "
			   "the answers");
	const struct ynode *min = ynode_word(m, KW_min), *max = ynode_word(m, KW_max);
	if (!g->has_min)
		g->min = 1;
	if (!g->has_max)
		g->max = LIMIT_REPEAT_ITEMS;
	if (min && g->has_min && g->min < 1)
		diag_error(rl->d, min->loc, "'min' of a repeated group must be at least 1 (for an optional group, "
			   "ask a yes/no step before it and go past it with 'next')");
	if (max && g->has_max && (g->max < 1 || g->max > LIMIT_REPEAT_ITEMS))
		diag_error(rl->d, max->loc, "'max' of a repeated group must be a whole number from 1 to %d",
			   LIMIT_REPEAT_ITEMS);
	else if (max && g->has_max && g->min > g->max)
		diag_error(rl->d, max->loc, "'max' is less than 'min' (%d)", (int)g->min);
	more->add = arena_alloc(rl->a, sizeof *more->add);
	*more->add = (struct step){ .id = "add", .loc = m->loc, .type = STEP_YESNO, .required = true };
	rl->text(rl->ctx, m, KW_add, &more->add->title);
	if (more->add->title.msgid)
		more->add->loc = more->add->title.loc;
	else if (!ynode_word(m, KW_add) && g->max > g->min)
		diag_error(rl->d, m->loc, "a repeated group that may have more than 'min' items needs 'add': the "
			   "yes/no question asked after each item, such as \"Add one more?\"");
	rl->text(rl->ctx, m, KW_item, &more->item);
	static const enum kind_word shown_by_steps[] = { KW_text, KW_help, KW_guide };
	for (size_t i = 0; i < sizeof shown_by_steps / sizeof *shown_by_steps; i++) {
		const struct ynode *k = ynode_word(m, shown_by_steps[i]);
		if (k)	/* a group shows its steps, never a page of its own */
			diag_error(rl->d, k->loc, "a repeated group shows its steps, not a '%s' of its own: give it to "
				   "its first step", kind_words[shown_by_steps[i] - 1]);
	}
}

int repeat_inner_index(const struct step *g, const char *id)
{
	for (size_t i = 0; i < step_more(g)->ninner; i++)
		if (step_more(g)->inner[i].id && strcmp(step_more(g)->inner[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct step *repeat_owner(const struct wizard *w, const char *id)
{
	for (size_t i = 0; i < w->nsteps; i++)
		if (w->steps[i].type == STEP_REPEAT && repeat_inner_index(&w->steps[i], id) >= 0)
			return &w->steps[i];
	return NULL;
}

size_t repeat_min(const struct step *g)
{
	return g->min < 1 ? 1 : (size_t)g->min;
}

size_t repeat_max(const struct step *g)
{
	return g->max < (int64_t)repeat_min(g) ? repeat_min(g) : (size_t)g->max;
}

void repeat_json(FILE *out, const struct step *g, struct value v)
{
	if (v.type != VAL_LIST) {
		result_json_value(out, v);
		return;
	}
	fputc('[', out);
	for (size_t i = 0; i < v.u.list.n; i++) {
		struct value item = v.u.list.items[i];
		fputs(i ? ", {" : "{", out);
		bool first = true;
		for (size_t j = 0; j < step_more(g)->ninner && item.type == VAL_LIST && j < item.u.list.n; j++) {
			if (!step_takes_answer(step_more(g)->inner[j].type))
				continue;
			fputs(first ? "" : ", ", out);
			first = false;
			result_json_string(out, step_more(g)->inner[j].id);
			fputs(": ", out);
			if (step_more(g)->inner[j].sensitive && item.u.list.items[j].type != VAL_NULL)
				sensitive_json(out);
			else
				result_json_value(out, item.u.list.items[j]);
		}
		fputc('}', out);
	}
	fputc(']', out);
}

bool repeat_sensitive(const struct step *g)
{
	for (size_t j = 0; g->type == STEP_REPEAT && j < step_more(g)->ninner; j++)
		if (step_more(g)->inner[j].sensitive)
			return true;
	return false;
}
