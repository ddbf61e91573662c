/*
 * content: what of a step is shown now, when parts of it are shown only while a condition holds (`when`,
 * format 1.1): the paragraphs of its text and help, its choices, and the todo items of an end.  The one
 * place that decides it, for the full screen and line mode (through the page), trin run and the summary.
 *
 * A condition reads answers given before the step (trin check makes sure of it), so what a step shows
 * does not change while it is shown.  No I/O, no terminal.
 */
#ifndef TRIN_CONTENT_H
#define TRIN_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"
#include "model.h"

/* The paragraphs of s's text: the list written (1.1), or its one text; *n is 0 when it has none. */
const struct text *content_text_of(const struct step *s, size_t *n);
/* The paragraphs of s's help, likewise. */
const struct text *content_help_of(const struct step *s, size_t *n);

/* Whether text t is shown now (its condition holds, or it has none); with every, always. */
bool content_shown(struct engine *e, const struct text *t, bool every);

/* How many of the texts t[0..n) are shown now (every: all that are there). */
size_t content_count(struct engine *e, const struct text *t, size_t n, bool every);

/*
 * The paragraphs of t[0..n) shown now (all of them with every), each as the person reads it (engine_show_text,
 * in lang, NULL for the language shown), joined by an empty line: malloc'd (the caller wipes and frees it),
 * or NULL when none is shown.
 */
char *content_paras(struct engine *e, const struct text *t, size_t n, const char *lang, bool every);

/* Whether choice k of step s is offered now (every: always). */
bool content_offered(struct engine *e, const struct step *s, size_t k, bool every);

/* The choices of s offered now, as their indices in s->choices, into rows (room for s->nchoices); how many. */
size_t content_choices(struct engine *e, const struct step *s, bool every, int *rows);

/* The row of choice k among the offered rows[0..n), or -1 when it is not offered. */
int content_row(const int *rows, size_t n, int k);

/*
 * Call fn for each condition of a text, paragraph, todo item or choice of w, and each count of a text with
 * plural forms, with its key ("when", "count"), the step it belongs to and where the text or choice is
 * written (a step of a repeated group belongs to its group): every expression of a step's content, for the
 * analyses that read them all (check.c).
 */
void content_each_expr(const struct wizard *w,
		       void (*fn)(void *ctx, const struct expr *e, const char *key, int step, struct loc at), void *ctx);

/* Call fn as content_each_expr does for the conditions and counts of step s alone, said to be at step i. */
void content_each_expr_of(const struct step *s, int i,
			  void (*fn)(void *ctx, const struct expr *e, const char *key, int step, struct loc at), void *ctx);

#endif
