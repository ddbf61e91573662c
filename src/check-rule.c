/*
 * check-rule: static analysis of the rules of steps (format 1.1), the checks across answers (`check`) and
 * the limits written as expressions (`min: today()`, `max: omsaetning`).  See check-rule.h.
 *
 * A rule is worked out when its step's answer is given, so it may read that answer and the answers given
 * before; an answer of a step from which no path leads to the rule's step is never there, and reading it is
 * an error.  "Leads to" is found for up to 64 steps with rules at a time, a bit each, over the flow's
 * strongly connected components worked out once: each chunk costs one pass over the transitions.
 *
 * Limits that read no answer depend on nothing but today: they are worked out for each day of four years
 * from today (every length of month and a leap day), and a step whose `min` is past its `max` on every one
 * of them can never be answered.  A budget of evaluations over the whole wizard bounds the time.
 * Must not depend on the engine, a frontend or any I/O.
 */
#include "check-rule.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"

#define CHECK_RULE_DAYS 1461		/* four years of days */
#define CHECK_RULE_BUDGET (1 << 20)	/* limits worked out, over the wizard */

/*
 * The flow's strongly connected components (Kosaraju), numbered so that a transition between two of them
 * goes from a lower number to a higher one, and for the steps with rules being looked at (up to 64), the
 * mask of each component: bit k set when a path of one transition or more leads from its steps to the
 * k-th step looked at.  Worked out from the last component to the first, each transition once a chunk.
 */
struct check_rule_run {
	const struct wizard *w;
	struct diags *d;
	size_t *first;		/* the predecessors of step i are pred[first[i]..first[i+1]) */
	int *pred;
	int *comp;		/* per step: its component */
	int *by_comp;		/* the steps in the order of their components */
	size_t *comp_first;	/* component c's steps are by_comp[comp_first[c]..comp_first[c + 1]) */
	int low;		/* the lowest component a rule of the chunk reads */
	uint64_t *bits;		/* per component: the bits of the steps looked at in it */
	uint64_t *mask;		/* per component: the bits of the steps looked at that its steps lead to */
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

/* The steps in postorder of a walk forward from each step not yet seen; iterative. */
static void check_rule_postorder(const struct wizard *w, int *post)
{
	size_t n = w->nsteps, npost = 0, top = 0;
	bool *seen = xcalloc(n, sizeof *seen);
	int *stack = xmalloc(n * sizeof *stack);
	size_t *edge = xmalloc(n * sizeof *edge);
	for (size_t root = 0; root < n; root++) {
		if (seen[root])
			continue;
		seen[root] = true;
		stack[top] = (int)root;
		edge[top++] = 0;
		while (top) {
			const struct step *s = &w->steps[stack[top - 1]];
			if (edge[top - 1] < s->nnext) {
				int t = s->next[edge[top - 1]++].target;
				if (!seen[t]) {
					seen[t] = true;
					stack[top] = t;
					edge[top++] = 0;
				}
			} else {
				post[npost++] = stack[--top];
			}
		}
	}
	free(edge);
	free(stack);
	free(seen);
}

/* Number the components: backwards from each step in reverse postorder, the steps not yet numbered. */
static void check_rule_components(struct check_rule_run *r)
{
	size_t n = r->w->nsteps, ncomp = 0, top = 0;
	int *post = xmalloc(n * sizeof *post), *stack = xmalloc(n * sizeof *stack);
	check_rule_postorder(r->w, post);
	r->comp = xmalloc(n * sizeof *r->comp);
	for (size_t i = 0; i < n; i++)
		r->comp[i] = -1;
	for (size_t i = n; i-- > 0;) {
		if (r->comp[post[i]] >= 0)
			continue;
		r->comp[post[i]] = (int)ncomp;
		stack[top++] = post[i];
		while (top) {
			int v = stack[--top];
			for (size_t e = r->first[v]; e < r->first[v + 1]; e++)
				if (r->comp[r->pred[e]] < 0) {
					r->comp[r->pred[e]] = (int)ncomp;
					stack[top++] = r->pred[e];
				}
		}
		ncomp++;
	}
	size_t *at = xcalloc(ncomp + 1, sizeof *at);	/* a counting sort of the steps by component */
	for (size_t i = 0; i < n; i++)
		at[r->comp[i] + 1]++;
	for (size_t c = 1; c <= ncomp; c++)
		at[c] += at[c - 1];
	r->comp_first = xmalloc((ncomp + 1) * sizeof *r->comp_first);
	memcpy(r->comp_first, at, (ncomp + 1) * sizeof *at);
	r->by_comp = xmalloc(n * sizeof *r->by_comp);
	for (size_t i = 0; i < n; i++)
		r->by_comp[at[r->comp[i]]++] = (int)i;
	r->bits = xcalloc(n, sizeof *r->bits);
	r->mask = xcalloc(n, sizeof *r->mask);
	free(at);
	free(stack);
	free(post);
}

/*
 * Work out the masks for the steps targets[0..m), of the components from the lowest one their rules read
 * (r->low) to the highest of theirs: a transition goes to a higher component, so the others cannot lead to
 * them, or are not asked.  A chunk of rules that read steps close before them costs little.
 */
static void check_rule_reaching(struct check_rule_run *r, const int *targets, size_t m)
{
	const struct wizard *w = r->w;
	int high = 0;
	for (size_t k = 0; k < m; k++)
		if (r->comp[targets[k]] > high)
			high = r->comp[targets[k]];
	if (r->low > high)
		return;
	size_t from = r->comp_first[r->low], to = r->comp_first[high + 1];
	for (size_t i = from; i < to; i++) {
		r->bits[r->comp[r->by_comp[i]]] = 0;
		r->mask[r->comp[r->by_comp[i]]] = 0;
	}
	for (size_t k = 0; k < m; k++)
		r->bits[r->comp[targets[k]]] |= (uint64_t)1 << k;
	for (size_t i = to; i-- > from;) {
		int v = r->by_comp[i], c = r->comp[v];
		for (size_t j = 0; j < w->steps[v].nnext; j++) {
			int t = r->comp[w->steps[v].next[j].target];
			if (t <= high)	/* within: a cycle */
				r->mask[c] |= t == c ? r->bits[c] : r->bits[t] | r->mask[t];
		}
	}
}

/* A name a rule of step r->at reads: an error when it is a step no path leads from to r->at. */
static void check_rule_read(void *ctx, int sym, enum expr_use use, struct loc at)
{
	struct check_rule_run *r = ctx;
	(void)use;
	if (sym == r->at || (size_t)sym >= r->w->nsteps)
		return;
	if (r->comp[sym] <= r->comp[r->at] && (r->mask[r->comp[sym]] & r->bit))
		return;	/* a later component cannot lead back; an earlier one has its mask */
	diag_error(r->d, at, "%s reads '%s', which is never answered before step '%s'", r->what,
		   r->w->steps[sym].id, r->w->steps[r->at].id);
	util_grow((void **)&r->later, &r->caplater, r->nlater + 1, sizeof *r->later);
	r->later[r->nlater++] = at;
}

static bool check_rule_has(const struct step *s)
{
	return step_more(s)->nchecks || step_more(s)->min_expr.expr || step_more(s)->max_expr.expr;
}

/* Note the lowest component a rule reads. */
static void check_rule_lowest(void *ctx, int sym, enum expr_use use, struct loc at)
{
	struct check_rule_run *r = ctx;
	(void)use;
	(void)at;
	if ((size_t)sym < r->w->nsteps && r->comp[sym] < r->low)
		r->low = r->comp[sym];
}

/* Call fn for every name the rules of the steps targets[0..m) read, with r->at, r->bit and r->what set. */
static void check_rule_reads(struct check_rule_run *r, const int *targets, size_t m,
			     void (*fn)(void *ctx, int sym, enum expr_use use, struct loc at))
{
	for (size_t k = 0; k < m; k++) {
		const struct step *s = &r->w->steps[targets[k]];
		r->at = targets[k];
		r->bit = (uint64_t)1 << k;
		r->what = "the check";
		for (size_t i = 0; i < step_more(s)->nchecks; i++)
			if (step_more(s)->checks[i].valid)
				expr_walk_names(step_more(s)->checks[i].valid, fn, r);
		r->what = "'min'";
		if (step_more(s)->min_expr.expr)
			expr_walk_names(step_more(s)->min_expr.expr, fn, r);
		r->what = "'max'";
		if (step_more(s)->max_expr.expr)
			expr_walk_names(step_more(s)->max_expr.expr, fn, r);
	}
}

static int check_rule_loc_cmp(const void *x, const void *y)
{
	const struct loc *a = x, *b = y;
	return a->line != b->line ? (a->line > b->line) - (a->line < b->line) : (a->col > b->col) - (a->col < b->col);
}

static void check_rule_later(struct check_rule_run *r)
{
	const struct wizard *w = r->w;
	size_t n = w->nsteps, with = 0;
	for (size_t i = 0; i < n; i++)
		with += check_rule_has(&w->steps[i]);
	if (!with)
		return;
	check_rule_preds(r);
	check_rule_components(r);
	int targets[64];
	size_t m = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && check_rule_has(&w->steps[i]))
			targets[m++] = (int)i;
		if (m == 64 || (i == n && m)) {
			r->low = INT_MAX;
			check_rule_reads(r, targets, m, check_rule_lowest);
			check_rule_reaching(r, targets, m);
			check_rule_reads(r, targets, m, check_rule_read);
			m = 0;
		}
	}
	if (r->nlater)
		qsort(r->later, r->nlater, sizeof *r->later, check_rule_loc_cmp);
	free(r->mask);
	free(r->bits);
	free(r->by_comp);
	free(r->comp_first);
	free(r->comp);
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
		const char *date = is_max ? step_more(s)->max_date : step_more(s)->min_date;
		if (s->type == STEP_DATE && date)
			*out = (struct value){ VAL_STR, { .s = date } };
		return true;
	}
	struct expr_env env = { .get = check_rule_null, .today = today };	/* no answers */
	const char *err;
	return expr_eval(b->expr, &env, a, out, &err);
}

/* Whether on day today some answer of s meets both limits (or they cannot be worked out). */
static bool check_rule_open(const struct step *s, const char *today, struct arena *a)
{
	struct value lo, hi;
	if (!check_rule_limit(s, &step_more(s)->min_expr, false, today, a, &lo) ||
	    !check_rule_limit(s, &step_more(s)->max_expr, true, today, a, &hi))
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
	const struct step_bound *lo = &step_more(s)->min_expr, *hi = &step_more(s)->max_expr;
	if (!(lo->expr || hi->expr) || !check_rule_fixed(lo) || !check_rule_fixed(hi))
		return;
	bool dated = today && ((lo->expr && strstr(expr_text(lo->expr), "today")) ||
			       (hi->expr && strstr(expr_text(hi->expr), "today")));
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
	struct loc at = hi->expr ? hi->loc : lo->loc;
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
