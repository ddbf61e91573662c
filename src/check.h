/*
 * check: static analysis of a loaded wizard for its author.  The loader has already refused what cannot
 * run (unknown names, type clashes, duplicates); check finds what runs but is probably wrong: steps no
 * path reaches, steps from which no end can be reached, names that may have no answer where they are
 * read, comparisons with a value that is not a choice, glossary terms and values nobody uses, rules of
 * steps that read later answers or can never be met (check-rule.h), and, for Danish texts, screens that
 * are hard to read.
 *
 * No I/O: findings are appended to a diags list.  Memory returned in a struct is owned by it and freed
 * by its _free function.
 */
#ifndef TRIN_CHECK_H
#define TRIN_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "expr.h"
#include "model.h"

#define CHECK_DEFAULT_MAX_LIX 40
#define CHECK_DEFAULT_MAX_WORDS 25
#define CHECK_LIX_MIN_WORDS 10	/* a screen of fewer words is too short for its LIX to mean much */

struct check_options {
	int max_lix;		/* a screen with a higher LIX is a warning */
	int max_words;		/* a sentence with more words is a warning */
	const char *today;	/* "YYYY-MM-DD", for limits that read today() (check-rule.h); NULL: none */
};

/* Which steps a walk from the start can reach, and from which steps an end step can be reached. */
struct check_flow {
	bool *reachable;	/* one per step */
	bool *reaches_end;	/* one per step; end steps reach themselves */
};

/* Work out the flow of w into f; free it with check_flow_free. */
void check_flow(const struct wizard *w, struct check_flow *f);
/* Free what check_flow allocated; a zeroed f is fine. */
void check_flow_free(struct check_flow *f);

/*
 * Which steps are answered on every path from the start to a step: a step is, when it always takes an
 * answer (it is required and of a type that has one, or a multi step) and every path from the start to
 * the step passes it.
 * Linear in the size of the flow (dominators, Cooper-Harvey-Kennedy, then one walk of the tree).
 */
struct check_answered;
struct check_answered *check_answered_create(const struct wizard *w);
void check_answered_free(struct check_answered *a);
/* Whether step answered has an answer on every path from the start to step at, before at is answered. */
bool check_answered_before(const struct check_answered *a, int answered, int at);
/* As check_answered_before, or answered is at itself and at always takes an answer. */
bool check_answered_after(const struct check_answered *a, int answered, int at);

/* Readability of one screen: the title, text, choice labels and todo items of a step. */
struct check_lix {
	size_t words, long_words, sentences;
	int lix;		/* rounded; 0 when there are no words */
};
void check_lix_step(const struct step *s, struct check_lix *out);
/* Whether the wizard's texts are Danish, the language LIX is measured for. */
bool check_lix_applies(const struct wizard *w);

/* Every finding about w, appended to d.  o may be NULL for the defaults. */
void check_wizard(const struct wizard *w, const struct check_options *o, struct diags *d);

#endif
