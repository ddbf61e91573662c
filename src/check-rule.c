/*
 * check-rule: static analysis of the rules of steps (format 1.1), the checks across answers (`check`) and
 * the limits written as expressions (`min: today()`, `max: omsaetning`).  See check-rule.h.
 *
 * A rule is worked out when its step's answer is given, so it may read that answer and the answers given
 * before; an answer of a step from which no path leads to the rule's step is never there, and reading it is
 * an error.  "Leads to" is found for up to 64 steps with rules at a time: a bit per step flows backwards
 * over the transitions until it settles, each step's mask growing at most 64 times, so the pass is
 * linear in the flow for each 64 steps with rules.
 *
 * Limits that read no answer depend on nothing but today: they are worked out for each day of four years
 * from today (every length of month and a leap day), and a step whose `min` is past its `max` on every one
 * of them can never be answered.  A budget of evaluations over the whole wizard bounds the time.
 * Must not depend on the engine, a frontend or any I/O.
 */
#include "check-rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"

#define CHECK_RULE_DAYS 1461		/* four years of days */
#define CHECK_RULE_BUDGET (1 << 20)	/* limits worked out, over the wizard */

/* The steps with rules being looked at (up to 64), the flow backwards, and the mask of each step: bit k
 * set when a path leads from the step to the k-th step looked at. */
struct check_rule_run {
	const struct wizard *w;
	struct diags *d;
	size_t *first;		/* the predecessors of step i are pred[first[i]..first[i+1]) */
	int *pred;
	uint64_t *mask;
	int *queue;
	bool *queued;
	int at;			/* the step whose rule is being read */
	uint64_t bit;		/* its bit */
	const char *what;	/* the rule, in words */
	struct loc *later;	/* where reads of later answers were reported */
	size_t nlater, caplater;
};

static void check_rule_preds(struct check_rule_run *r)
{
	const struct wizard *w = r->w;
	size_t n = w->nsteps, edges = 0;
	r->first = xcalloc(n + 2, sizeof *r->first);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < w->steps[i].nnext; j++, edges++)
			r->first[(size_t)w->steps[i].next[j].target + 2]++;
	for (size_t i = 2; i < n + 2; i++)
		r->first[i] += r->first[i - 1];
	r->pred = xmalloc((edges ? edges : 1) * sizeof *r->pred);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < w->steps[i].nnext; j++)
			r->pred[r->first[(size_t)w->steps[i].next[j].target + 1]++] = (int)i;
}

static void check_rule_push(struct check_rule_run *r, int v, size_t *tail)
{
	if (r->queued[v])
		return;
	r->queued[v] = true;
	r->queue[*tail % r->w->nsteps] = v;
	++*tail;
}

/* Set in every step's mask the bits of the steps targets[0..m) that a path leads to from it. */
static void check_rule_reaching(struct check_rule_run *r, const int *targets, size_t m)
{
	size_t n = r->w->nsteps, head = 0, tail = 0;
	memset(r->mask, 0, n * sizeof *r->mask);
	memset(r->queued, 0, n * sizeof *r->queued);
	for (size_t k = 0; k < m; k++) {
		for (size_t e = r->first[targets[k]]; e < r->first[targets[k] + 1]; e++) {
			int p = r->pred[e];
			r->mask[p] |= (uint64_t)1 << k;
			check_rule_push(r, p, &tail);
		}
	}
	while (head != tail) {
		int v = r->queue[head++ % n];
		r->queued[v] = false;
		for (size_t e = r->first[v]; e < r->first[v + 1]; e++) {
			int p = r->pred[e];
			if (r->mask[v] & ~r->mask[p]) {
				r->mask[p] |= r->mask[v];
				check_rule_push(r, p, &tail);
			}
		}
	}
}

/* A name a rule of step r->at reads: an error when it is a step no path leads from to r->at. */
static void check_rule_read(void *ctx, int sym, enum expr_use use, struct loc at)
{
	struct check_rule_run *r = ctx;
	(void)use;
	if (sym == r->at || (size_t)sym >= r->w->nsteps || (r->mask[sym] & r->bit))
		return;
	for (size_t i = 0; i < r->nlater; i++)	/* reported once where it is written */
		if (r->later[i].line == at.line && r->later[i].col == at.col)
			return;
	diag_error(r->d, at, "%s reads '%s', which is never answered before step '%s'", r->what,
		   r->w->steps[sym].id, r->w->steps[r->at].id);
	util_grow((void **)&r->later, &r->caplater, r->nlater + 1, sizeof *r->later);
	r->later[r->nlater++] = at;
}

static bool check_rule_has(const struct step *s)
{
	return s->nchecks || s->min_expr.expr || s->max_expr.expr;
}

/* Read the rules of the steps targets[0..m), whose bits are set in the masks. */
static void check_rule_reads(struct check_rule_run *r, const int *targets, size_t m)
{
	for (size_t k = 0; k < m; k++) {
		const struct step *s = &r->w->steps[targets[k]];
		r->at = targets[k];
		r->bit = (uint64_t)1 << k;
		r->what = "the check";
		for (size_t i = 0; i < s->nchecks; i++)
			if (s->checks[i].valid)
				expr_walk_names(s->checks[i].valid, check_rule_read, r);
		r->what = "'min'";
		if (s->min_expr.expr)
			expr_walk_names(s->min_expr.expr, check_rule_read, r);
		r->what = "'max'";
		if (s->max_expr.expr)
			expr_walk_names(s->max_expr.expr, check_rule_read, r);
	}
}

static void check_rule_later(struct check_rule_run *r)
{
	const struct wizard *w = r->w;
	size_t n = w->nsteps;
	check_rule_preds(r);
	r->mask = xmalloc(n * sizeof *r->mask);
	r->queue = xmalloc(n * sizeof *r->queue);
	r->queued = xmalloc(n * sizeof *r->queued);
	int targets[64];
	size_t m = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && check_rule_has(&w->steps[i]))
			targets[m++] = (int)i;
		if (m == 64 || (i == n && m)) {
			check_rule_reaching(r, targets, m);
			check_rule_reads(r, targets, m);
			m = 0;
		}
	}
	free(r->queued);
	free(r->queue);
	free(r->mask);
	free(r->pred);
	free(r->first);
}

/* ---- Limits that can never be met ---- */

/* The day after ymd ("YYYY-MM-DD"), in place; false past 9999. */
static bool check_rule_next_day(char ymd[11])
{
	int y, m, d;
	if (sscanf(ymd, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return false;
	if (!util_date_real(y, m, ++d) && (d = 1, ++m > 12) && (m = 1, ++y > 9999))
		return false;
	snprintf(ymd, 11, "%04d-%02d-%02d", y, m, d);
	return true;
}

static struct value check_rule_null(void *ctx, int sym)
{
	(void)ctx;
	(void)sym;
	return (struct value){ .type = VAL_NULL };
}

static void check_rule_count(void *ctx, int sym)
{
	(void)sym;
	++*(size_t *)ctx;
}

/* Whether a limit can be worked out without answers: a literal, or an expression that reads none. */
static bool check_rule_fixed(const struct step_bound *b)
{
	size_t names = 0;
	if (b->expr)
		expr_symbols(b->expr, check_rule_count, &names);
	return names == 0;
}

/* Limit b of s (or its literal) on day today: *out, or false when it cannot be worked out. */
static bool check_rule_limit(const struct step *s, const struct step_bound *b, bool is_max, const char *today,
			     struct arena *a, struct value *out)
{
	if (!b->expr) {
		*out = (struct value){ .type = VAL_NULL };
		if (s->type == STEP_NUMBER && (is_max ? s->has_max : s->has_min))
			*out = (struct value){ VAL_NUM, { .n = is_max ? s->max : s->min } };
		const char *date = is_max ? s->max_date : s->min_date;
		if (s->type == STEP_DATE && date)
			*out = (struct value){ VAL_STR, { .s = date } };
		return true;
	}
	struct expr_env env = { check_rule_null, NULL, NULL, today };
	const char *err;
	return expr_eval(b->expr, &env, a, out, &err);
}

/* Whether on day today some answer of s meets both limits (or they cannot be worked out). */
static bool check_rule_open(const struct step *s, const char *today, struct arena *a)
{
	struct value lo, hi;
	if (!check_rule_limit(s, &s->min_expr, false, today, a, &lo) ||
	    !check_rule_limit(s, &s->max_expr, true, today, a, &hi))
		return true;
	if (s->type == STEP_NUMBER && lo.type == VAL_NUM && hi.type == VAL_NUM)
		return lo.u.n <= hi.u.n;
	if (s->type == STEP_DATE && lo.type == VAL_STR && hi.type == VAL_STR)
		return strcmp(lo.u.s, hi.u.s) <= 0;
	return true;
}

/* Report step s when no day from today on (or, without today, the one evaluation) lets an answer meet both
 * of its limits, at least one of which is an expression that reads no answer. */
static void check_rule_never(const struct step *s, const char *today, struct diags *d, size_t *budget)
{
	if (!(s->min_expr.expr || s->max_expr.expr) || !check_rule_fixed(&s->min_expr) || !check_rule_fixed(&s->max_expr))
		return;
	bool dated = today && ((s->min_expr.expr && strstr(expr_text(s->min_expr.expr), "today")) ||
			       (s->max_expr.expr && strstr(expr_text(s->max_expr.expr), "today")));
	char day[11] = "";
	if (today)
		snprintf(day, sizeof day, "%s", today);
	struct arena a = { 0 };
	bool open = false;
	for (size_t i = 0; i < (dated ? CHECK_RULE_DAYS : 1) && !open; i++) {
		if (!*budget || (i && !check_rule_next_day(day))) {
			open = true;	/* not worked out: say nothing */
			break;
		}
		--*budget;
		open = check_rule_open(s, today ? day : NULL, &a);
		arena_free(&a);
	}
	if (open)
		return;
	struct loc at = s->max_expr.expr ? s->max_expr.loc : s->min_expr.loc;
	if (s->type == STEP_NUMBER)
		diag_error(d, at, "'max' is less than 'min'");
	else if (dated)
		diag_error(d, at, "'max' is before 'min' on every day from today on: no date can ever be given");
	else
		diag_error(d, at, "'max' is before 'min'");
}

void check_rules(const struct wizard *w, const char *today, struct diags *d, struct loc **later, size_t *nlater)
{
	struct check_rule_run r = { .w = w, .d = d };
	check_rule_later(&r);
	*later = r.later;
	*nlater = r.nlater;
	size_t budget = CHECK_RULE_BUDGET;
	for (size_t i = 0; i < w->nsteps; i++)
		check_rule_never(&w->steps[i], today, d, &budget);
}
