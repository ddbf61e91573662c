/*
 * repeat: repeated groups, the steps of type repeat.  A group asks its own few questions (its inner steps,
 * in order, with ids of their own) once per item, for as many items as the person gives: at least 'min',
 * at most 'max', asking 'add' (a yes/no) after each item while there may be more.  Its answer is a list
 * of items, each a list of the inner steps' answers in their order (null for a step without one); the
 * result shows each item as a map from the inner ids.
 *
 * This module reads a group (for the loader, through callbacks so that inner steps are read as every step
 * is), and knows how an answer of a group is shown: as JSON, as a scenario, and as words.  It depends on
 * the model, expr and the kinds' table (kind.h) only; the engine walks groups (engine.c), the loader calls in
 * here.
 */
#ifndef TRIN_REPEAT_H
#define TRIN_REPEAT_H

#include <stdbool.h>
#include <stdio.h>

#include "kind.h"
#include "model.h"
#include "ytree.h"

/* What the loader lends repeat_load: where to put things, and how it reads a step and a text. */
struct repeat_loading {
	struct arena *a;
	struct diags *d;
	void *ctx;
	/* Read the step in mapping m into s, as every step is read. */
	void (*step)(void *ctx, struct step *s, const struct ynode *m);
	/* Read the text under key of mapping map into t (absent: t stays empty). */
	void (*text)(void *ctx, const struct ynode *map, enum kind_word key, struct text *t);
};

/*
 * Read the keys of group g (a step of type repeat, min and max already read) from its mapping m: its inner
 * steps, its add question and its item text; every problem is a located error in rl->d.
 */
void repeat_load(const struct repeat_loading *rl, struct step *g, const struct ynode *m);

/* The index of the inner step of group g whose id is id, or -1 (g may be any step). */
int repeat_inner_index(const struct step *g, const char *id);

/* The group among the wizard's steps that has an inner step named id, or NULL. */
const struct step *repeat_owner(const struct wizard *w, const char *id);

/* The fewest and the most items of group g. */
size_t repeat_min(const struct step *g);
size_t repeat_max(const struct step *g);

/* Write the answer v of group g as JSON: a list of objects, each inner step that takes an answer by id; a
 * sensitive answer as {"sensitive": true}. */
void repeat_json(FILE *out, const struct step *g, struct value v);

/* Whether step g is a repeated group with a step marked sensitive. */
bool repeat_sensitive(const struct step *g);

#endif
