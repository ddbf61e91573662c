/*
 * check: static analysis of a loaded wizard.  See check.h.
 *
 * The flow is a graph of steps with an edge per transition, conditions ignored: a path in the graph may
 * be one no answers can take, so every finding about paths is on the safe side of that.  Every pass is
 * linear in steps, transitions and text, so a wizard of 100,000 steps checks in well under a second:
 * reachability and the way back from the ends are one walk each; "answered on every path" is dominance
 * (a step is answered on every path to S exactly when it dominates S and always takes an answer), found
 * with the iterative algorithm of Cooper, Harvey and Kennedy over reverse postorder and then answered in
 * constant time from the pre- and postorder numbers of the dominator tree.
 *
 * Invariants: the wizard is one wizard_load returned (targets resolved, expressions bound), and is only
 * read.  No recursion follows the flow (walks keep their own stacks); recursion over values is bounded
 * by the loader's limit on how deep values depend on each other.
 * Must not depend on the engine, a frontend or any I/O.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "check-rule.h"
#include "content.h"
#include "glossary.h"
#include "kind.h"
#include "limit.h"
#include "template.h"

/* The most steps the conditions before a transition are taken to say have an answer. */
#define CHECK_MAX_KNOWN 64

/*
 * The flow as adjacency lists: the successors (or predecessors) of step i are adj[first[i]..first[i+1]).
 * 32 bits are enough for a place in adj: every way between steps is written in the file, which is far
 * smaller than 4 GiB.
 */
struct check_graph {
	size_t n;
	uint32_t *first;
	int *adj;
};

/* Successors of every step; with reverse, predecessors. */
static void check_graph_build(const struct wizard *w, bool reverse, struct check_graph *g)
{
	size_t n = w->nsteps, edges = 0;
	g->n = n;
	g->first = xcalloc(n + 2, sizeof *g->first);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < w->steps[i].nnext; j++) {
			size_t from = reverse ? (size_t)w->steps[i].next[j].target : i;
			g->first[from + 2]++;
			edges++;
		}
	}
	for (size_t i = 2; i < n + 2; i++)
		g->first[i] += g->first[i - 1];
	g->adj = xmalloc((edges ? edges : 1) * sizeof *g->adj);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < w->steps[i].nnext; j++) {
			int to = w->steps[i].next[j].target;
			size_t from = reverse ? (size_t)to : i;
			g->adj[g->first[from + 1]++] = reverse ? (int)i : to;
		}
	}
}

static void check_graph_free(struct check_graph *g)
{
	free(g->first);
	free(g->adj);
}

/*
 * Depth-first walk of g from root: marks seen[] and, when post is given, writes the steps in postorder
 * to post and returns how many.  Iterative, so a long chain of steps cannot overflow the stack.
 */
static size_t check_graph_walk(const struct check_graph *g, int root, bool *seen, int *post)
{
	int *stack = xmalloc((g->n ? g->n : 1) * sizeof *stack);
	uint32_t *edge = xmalloc((g->n ? g->n : 1) * sizeof *edge);
	size_t top = 0, npost = 0;
	seen[root] = true;
	stack[top] = root;
	edge[top++] = g->first[root];
	while (top) {
		int v = stack[top - 1];
		if (edge[top - 1] < g->first[v + 1]) {
			int u = g->adj[edge[top - 1]++];
			if (!seen[u]) {
				seen[u] = true;
				stack[top] = u;
				edge[top++] = g->first[u];
			}
			continue;
		}
		if (post)
			post[npost++] = v;
		top--;
	}
	free(stack);
	free(edge);
	return npost;
}

/* Whether a step always has an answer once it is passed: it takes one and is required, or is a multi. */
static bool check_takes_answer(const struct step *s)
{
	const struct kind *k = kind_of(s->type);
	return k->answer && (k->always_answered || s->required);
}

void check_flow(const struct wizard *w, struct check_flow *f)
{
	size_t n = w->nsteps;
	f->reachable = xcalloc(n ? n : 1, sizeof *f->reachable);
	f->reaches_end = xcalloc(n ? n : 1, sizeof *f->reaches_end);
	if (!n || w->start < 0)
		return;
	struct check_graph g;
	check_graph_build(w, false, &g);
	check_graph_walk(&g, w->start, f->reachable, NULL);
	check_graph_free(&g);
	/* Back from every end step at once, as a breadth-first walk of the reversed flow. */
	check_graph_build(w, true, &g);
	int *queue = xmalloc(n * sizeof *queue);
	size_t head = 0, tail = 0;
	for (size_t i = 0; i < n; i++) {
		if (w->steps[i].type == STEP_END) {
			f->reaches_end[i] = true;
			queue[tail++] = (int)i;
		}
	}
	while (head < tail) {
		int v = queue[head++];
		for (size_t k = g.first[v]; k < g.first[v + 1]; k++) {
			int u = g.adj[k];
			if (!f->reaches_end[u]) {
				f->reaches_end[u] = true;
				queue[tail++] = u;
			}
		}
	}
	free(queue);
	check_graph_free(&g);
}

void check_flow_free(struct check_flow *f)
{
	free(f->reachable);
	free(f->reaches_end);
	f->reachable = f->reaches_end = NULL;
}

struct check_answered {
	const struct wizard *w;
	uint32_t *pre, *post;	/* numbers in the dominator tree; 0 for a step the start does not reach */
};

/* The nearest common dominator of a and b, walking up by reverse-postorder number. */
static int check_dom_meet(const int *idom, const int *rpo, int a, int b)
{
	while (a != b) {
		while (rpo[a] > rpo[b])
			a = idom[a];
		while (rpo[b] > rpo[a])
			b = idom[b];
	}
	return a;
}

struct check_answered *check_answered_create(const struct wizard *w)
{
	size_t n = w->nsteps;
	struct check_answered *a = xcalloc(1, sizeof *a);
	a->w = w;
	a->pre = xcalloc(n ? n : 1, sizeof *a->pre);
	a->post = xcalloc(n ? n : 1, sizeof *a->post);
	if (!n || w->start < 0)
		return a;
	struct check_graph succ, pred;
	check_graph_build(w, false, &succ);
	bool *seen = xcalloc(n, sizeof *seen);
	int *order = xmalloc(n * sizeof *order);
	size_t m = check_graph_walk(&succ, w->start, seen, order);
	check_graph_free(&succ);	/* each array is let go once used, the next made when needed: */
	check_graph_build(w, true, &pred);	/* a big wizard has many steps */
	/* order holds the postorder; rpo[v] is v's place in reverse postorder (the start is 0). */
	int *rpo = xmalloc(n * sizeof *rpo);
	for (size_t i = 0; i < m; i++)
		rpo[order[i]] = (int)(m - 1 - i);
	int *idom = xmalloc(n * sizeof *idom);
	for (size_t i = 0; i < n; i++)
		idom[i] = -1;
	idom[w->start] = w->start;
	for (bool changed = true; changed;) {
		changed = false;
		for (size_t i = m - 1; i-- > 0;) {	/* reverse postorder, the start left out */
			int v = order[i], nd = -1;
			for (size_t k = pred.first[v]; k < pred.first[v + 1]; k++) {
				int p = pred.adj[k];
				if (!seen[p] || idom[p] < 0)
					continue;
				nd = nd < 0 ? p : check_dom_meet(idom, rpo, p, nd);
			}
			if (nd >= 0 && idom[v] != nd) {
				idom[v] = nd;
				changed = true;
			}
		}
	}
	check_graph_free(&pred);
	free(rpo);
	free(order);
	/* Number the dominator tree in pre- and postorder with one more walk. */
	struct check_graph tree = { .n = n };
	tree.first = xcalloc(n + 2, sizeof *tree.first);
	for (size_t v = 0; v < n; v++)
		if (seen[v] && (int)v != w->start)
			tree.first[idom[v] + 2]++;
	for (size_t i = 2; i < n + 2; i++)
		tree.first[i] += tree.first[i - 1];
	tree.adj = xmalloc(n * sizeof *tree.adj);
	for (size_t v = 0; v < n; v++)
		if (seen[v] && (int)v != w->start)
			tree.adj[tree.first[idom[v] + 1]++] = (int)v;
	int *stack = xmalloc(n * sizeof *stack);
	uint32_t *edge = xmalloc(n * sizeof *edge), clock = 1;
	size_t top = 0;
	stack[top] = w->start;
	edge[top++] = tree.first[w->start];
	a->pre[w->start] = clock++;
	while (top) {
		int v = stack[top - 1];
		if (edge[top - 1] < tree.first[v + 1]) {
			int u = tree.adj[edge[top - 1]++];
			a->pre[u] = clock++;
			stack[top] = u;
			edge[top++] = tree.first[u];
			continue;
		}
		a->post[v] = clock++;
		top--;
	}
	free(stack);
	free(edge);
	check_graph_free(&tree);
	free(idom);
	free(seen);
	return a;
}

void check_answered_free(struct check_answered *a)
{
	if (!a)
		return;
	free(a->pre);
	free(a->post);
	free(a);
}

bool check_answered_before(const struct check_answered *a, int answered, int at)
{
	if (answered == at || !a->pre[answered] || !a->pre[at] || !check_takes_answer(&a->w->steps[answered]))
		return false;
	return a->pre[answered] < a->pre[at] && a->post[at] < a->post[answered];
}

bool check_answered_after(const struct check_answered *a, int answered, int at)
{
	if (answered == at)
		return a->pre[at] && check_takes_answer(&a->w->steps[at]);
	return check_answered_before(a, answered, at);
}

/* ---- Texts ---- */

/* Every text of the wizard; step is the index of the step it belongs to, or -1. */
static void check_each_text(const struct wizard *w, void (*fn)(void *ctx, const struct text *t, int step),
			    void *ctx)
{
	if (w->title.msgid)
		fn(ctx, &w->title, -1);
	if (w->description.msgid)
		fn(ctx, &w->description, -1);
	for (size_t i = 0; i < w->nglossary; i++)
		fn(ctx, &w->glossary[i].text, -1);
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		const struct step_more *more = step_more(s);
		const struct text *own[] = { &s->title, &more->guide, &more->message, &more->unit };
		for (size_t k = 0; k < ARRAY_LEN(own); k++)
			if (own[k]->msgid)
				fn(ctx, own[k], (int)i);
		size_t nt, nh;
		const struct text *texts = content_text_of(s, &nt), *helps = content_help_of(s, &nh);
		for (size_t k = 0; k < nt; k++)
			fn(ctx, &texts[k], (int)i);
		for (size_t k = 0; k < nh; k++)
			fn(ctx, &helps[k], (int)i);
		for (size_t k = 0; k < s->nchoices; k++)
			if (s->choices[k].label.msgid)
				fn(ctx, &s->choices[k].label, (int)i);
		for (size_t k = 0; k < step_more(s)->ntodo; k++)
			if (step_more(s)->todo[k].msgid)
				fn(ctx, &step_more(s)->todo[k], (int)i);
		for (size_t k = 0; k < step_more(s)->nchecks; k++)
			if (step_more(s)->checks[k].message.msgid)
				fn(ctx, &step_more(s)->checks[k].message, (int)i);
	}
}

/* The symbol (as expressions number them) that {name} at s[0..len) names, or -1. */
static int check_text_symbol(const struct wizard *w, const char *s, size_t len)
{
	char name[LIMIT_ID + 1];
	if (len == 0 || len >= sizeof name)
		return -1;
	memcpy(name, s, len);
	name[len] = '\0';
	return strmap_get(&w->names, name);
}

/*
 * Call fn for each {name} in t with its symbol and location, but names of steps without an answer (the
 * loader's errors, in a wizard analysed in spite of them).
 */
static void check_text_names(const struct wizard *w, const struct text *t,
			     void (*fn)(void *ctx, int sym, struct loc at), void *ctx)
{
	const char *s = t->msgid, *brace = strpbrk(s, "{}");
	if (!brace)
		return;
	struct loc at = t->loc;
	size_t done = 0;
	for (size_t i = (size_t)(brace - s); s[i];) {	/* no name before the first brace */
		struct template_piece p = template_piece(s, i);
		i += p.len;
		if (p.kind == TEMPLATE_UNCLOSED)
			return;
		if (p.kind != TEMPLATE_NAME)
			continue;
		if (t->exact) {
			at = diag_loc_advance(at, s + done, p.start - done);
			done = p.start;
		}
		int sym = check_text_symbol(w, s + p.name, p.name_len);
		enum step_type type = sym >= 0 && (size_t)sym < w->nsteps ? w->steps[sym].type : STEP_TEXT;
		if (sym >= 0 && step_takes_answer(type))	/* else the loader's error */
			fn(ctx, sym, at);
	}
}

/* ---- Names that may have no answer ---- */

struct check_use {
	int sym;
	enum expr_use use;
	struct loc at;
};

struct check_pending;

struct checker {
	const struct wizard *w;
	const struct check_options *o;
	struct diags *d;
	bool content;		/* some text or choice has a condition or a count (content.h) to check */
	struct check_flow flow;
	struct check_answered *answered;
	/* Per value: the steps it reads whose lack of an answer makes it null (sorted), once worked out. */
	int **unsafe;
	size_t *nunsafe;
	unsigned char *unsafe_state;	/* 0 not yet, 1 in progress, 2 done */
	/* Per value: the steps it asks whether they are answered (sorted), once worked out; state likewise. */
	int **guards;
	size_t *nguards;
	unsigned char *guards_state;
	bool *value_used;
	struct check_use *uses;		/* of the expression being looked at */
	size_t nuses, capuses;
	int at;				/* the step whose texts or conditions are being looked at */
	bool after;			/* at's own answer is given (conditions), or not yet (texts) */
	bool own_given;			/* in a rule of step at, which reads its answer only once given */
	struct check_pending *pending;	/* reads that may be null, before the conditions are considered */
	size_t npending, cappending;
	struct loc *later;		/* where check_rules reported a read of a later answer */
	size_t nlater;
	int *cands, *cand_at;		/* their candidate steps, and the step each is read at */
	size_t ncands, capcands;
	/* Per value, the steps that have an answer when it is [0] not null, [1] true, [2] not true; once
	 * worked out. */
	int **needs[3];
	size_t *nneeds[3];
	unsigned char *needs_state[3];
	const int *known;		/* steps the conditions tried before the one looked at say are answered */
	size_t nknown;
	struct check_lix_seen *lix_seen;	/* while readability is checked: texts counted, by msgid */
};

static void check_collect_use(void *ctx, int sym, enum expr_use use, struct loc at)
{
	struct checker *c = ctx;
	util_grow((void **)&c->uses, &c->capuses, c->nuses + 1, sizeof *c->uses);
	c->uses[c->nuses++] = (struct check_use){ sym, use, at };
}

static void check_value_guards(struct checker *c, size_t v);

/*
 * Whether the expression asks whether sym is answered anywhere (among the uses collected), itself or
 * through a value that asks it (has_x, with has_x: answered(x)).
 */
static bool check_guarded(struct checker *c, size_t from, size_t to, int sym)
{
	const struct wizard *w = c->w;
	for (size_t i = from; i < to; i++) {
		int u = c->uses[i].sym;
		if (u == sym && c->uses[i].use == EXPR_USE_GUARD)
			return true;
		if (u < 0 || (size_t)u < w->nsteps)
			continue;
		size_t v = (size_t)u - w->nsteps;
		check_value_guards(c, v);
		for (size_t k = 0; k < c->nguards[v]; k++)
			if (c->guards[v][k] == sym)
				return true;
	}
	return false;
}

static int check_int_cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* Sort v[0..n) and keep each number once; the new count. */
static size_t check_sort_unique(int *v, size_t n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof *v, check_int_cmp);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	return k;
}

static void check_value_unsafe(struct checker *c, size_t v);

/*
 * The uses collected in uses[from..) of one expression, each step whose missing answer would make it
 * null: a step read for its value, or the steps of a value read for its value, unless guarded.
 */
static void check_unsafe_of_uses(struct checker *c, size_t from, int **out, size_t *nout)
{
	size_t to = c->nuses, cap = 0;
	*out = NULL;
	*nout = 0;
	for (size_t i = from; i < to; i++) {
		const struct check_use u = c->uses[i];
		if (u.use != EXPR_USE_VALUE || check_guarded(c, from, to, u.sym))
			continue;
		if ((size_t)u.sym < c->w->nsteps) {
			util_grow((void **)out, &cap, *nout + 1, sizeof **out);
			(*out)[(*nout)++] = u.sym;
			continue;
		}
		size_t v = (size_t)u.sym - c->w->nsteps;
		check_value_unsafe(c, v);
		util_grow((void **)out, &cap, *nout + c->nunsafe[v] + 1, sizeof **out);
		for (size_t k = 0; k < c->nunsafe[v]; k++)
			(*out)[(*nout)++] = c->unsafe[v][k];
	}
	*nout = check_sort_unique(*out, *nout);
}

/* Work out which steps value v asks whether they are answered, itself or through other values. */
static void check_value_guards(struct checker *c, size_t v)
{
	if (c->guards_state[v])
		return;	/* done, or a cycle the loader has reported */
	c->guards_state[v] = 1;
	const struct wizard *w = c->w;
	size_t from = c->nuses, cap = 0;
	expr_walk_names(w->values[v].expr, check_collect_use, c);
	size_t to = c->nuses;
	int *out = NULL;
	size_t n = 0;
	for (size_t i = from; i < to; i++) {
		int u = c->uses[i].sym;
		if (u >= 0 && (size_t)u < w->nsteps && c->uses[i].use == EXPR_USE_GUARD) {
			util_grow((void **)&out, &cap, n + 1, sizeof *out);
			out[n++] = u;
		} else if (u >= 0 && (size_t)u >= w->nsteps) {
			size_t x = (size_t)u - w->nsteps;
			check_value_guards(c, x);
			util_grow((void **)&out, &cap, n + c->nguards[x] + 1, sizeof *out);
			for (size_t k = 0; k < c->nguards[x]; k++)
				out[n++] = c->guards[x][k];
		}
	}
	c->guards[v] = out;
	c->nguards[v] = check_sort_unique(out, n);	/* each once, so that a chain of values stays linear */
	c->nuses = from;
	c->guards_state[v] = 2;
}

/* Work out which steps value v needs answered to be non-null. */
static void check_value_unsafe(struct checker *c, size_t v)
{
	if (c->unsafe_state[v])
		return;	/* done, or a cycle the loader has reported */
	c->unsafe_state[v] = 1;
	size_t from = c->nuses;
	expr_walk_names(c->w->values[v].expr, check_collect_use, c);
	check_unsafe_of_uses(c, from, &c->unsafe[v], &c->nunsafe[v]);
	c->nuses = from;
	c->unsafe_state[v] = 2;
}

/* Whether step sym is answered on every path to the step being looked at, by dominance alone. */
static bool check_has_answer(const struct checker *c, int sym)
{
	return c->after ? check_answered_after(c->answered, sym, c->at) : check_answered_before(c->answered, sym, c->at);
}

/* Why step sym may have no answer at step at, in words. */
static const char *check_why(const struct checker *c, int sym, int at, char *buf, size_t size)
{
	if (!check_takes_answer(&c->w->steps[sym]))
		snprintf(buf, size, "step '%s' is not required", c->w->steps[sym].id);
	else if (sym == at)
		snprintf(buf, size, "step '%s' has no answer yet on its own screen", c->w->steps[sym].id);
	else
		snprintf(buf, size, "not every path to step '%s' answers '%s'", c->w->steps[at].id, c->w->steps[sym].id);
	return buf;
}

/* A name read where it may be null by dominance alone, waiting for the paths' conditions to clear it. */
struct check_pending {
	struct loc loc;
	int sym;		/* the step or value read */
	int at;			/* the step it is read at */
	bool text;		/* in {braces} in a text, or in a condition */
	size_t first, count;	/* its candidate steps in cands[]: each may have no answer */
};

/* Note that sym, read at c->at, may be null when one of the steps in cands[first..] has no answer. */
static void check_pend(struct checker *c, int sym, struct loc at, bool text, size_t first)
{
	if (first == c->ncands)
		return;
	util_grow((void **)&c->pending, &c->cappending, c->npending + 1, sizeof *c->pending);
	c->pending[c->npending++] = (struct check_pending){ at, sym, c->at, text, first, c->ncands - first };
}

static void check_cand(struct checker *c, int step)
{
	for (size_t k = 0; k < c->nknown; k++)
		if (c->known[k] == step)
			return;
	util_grow((void **)&c->cands, &c->capcands, c->ncands + 1, sizeof *c->cands);
	c->cands[c->ncands++] = step;
}

/* A name read in a condition or a text of step c->at: note it when it may be null there. */
static void check_null_read(struct checker *c, int sym, struct loc at, bool text)
{
	const struct wizard *w = c->w;
	size_t first = c->ncands;
	if (c->own_given && sym == c->at)
		return;
	if ((size_t)sym < w->nsteps) {
		if (!check_has_answer(c, sym))
			check_cand(c, sym);
	} else {
		size_t v = (size_t)sym - w->nsteps;
		check_value_unsafe(c, v);
		for (size_t k = 0; k < c->nunsafe[v]; k++)
			if (!check_has_answer(c, c->unsafe[v][k]))
				check_cand(c, c->unsafe[v][k]);
	}
	check_pend(c, sym, at, text, first);
}

static void check_expand_needs(struct checker *c, const struct expr_need *needs, size_t n, int **out, size_t *nout,
			       size_t *cap);
static void check_learn_untrue(struct checker *c, const struct expr *e, int **known, size_t *nknown, size_t *cap);

/*
 * Look at the condition e of a transition of step c->at.  A name the condition needs to be true (see
 * expr_truth_required) is no risk: without its answer the condition is simply false, as it reads.  Nor is
 * a step in known[0..nknown), which the conditions tried before this one say has an answer.
 */
static void check_condition(struct checker *c, const struct expr *e, const int *known, size_t nknown)
{
	struct expr_need *needs;
	size_t nneeds = expr_truth_required(e, &needs), nsteps = 0, cap = 0;
	int *steps = NULL;
	check_expand_needs(c, needs, nneeds, &steps, &nsteps, &cap);
	c->known = known;
	c->nknown = nknown;
	size_t from = c->nuses;
	expr_walk_names(e, check_collect_use, c);
	size_t to = c->nuses;
	for (size_t i = from; i < to; i++) {
		const struct check_use u = c->uses[i];
		bool fine = u.use != EXPR_USE_VALUE || check_guarded(c, from, to, u.sym);
		for (size_t k = from; k < i && !fine; k++)
			fine = c->uses[k].sym == u.sym && c->uses[k].use == EXPR_USE_VALUE;	/* reported once */
		for (size_t k = 0; k < nneeds && !fine; k++)
			fine = needs[k].sym == u.sym && !needs[k].untrue;
		for (size_t k = 0; k < nsteps && !fine; k++)
			fine = steps[k] == u.sym;
		if (!fine)
			check_null_read(c, u.sym, u.at, false);
	}
	c->known = NULL;
	c->nknown = 0;
	c->nuses = from;
	free(needs);
	free(steps);
}

static void check_null_in_text(void *ctx, int sym, struct loc at)
{
	check_null_read(ctx, sym, at, true);
}

/* Whether check_rules reported a read of a later answer at at. */
static bool check_later_at(const struct checker *c, struct loc at)
{
	size_t lo = 0, hi = c->nlater;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct loc *m = &c->later[mid];
		if (m->line == at.line && m->col == at.col)
			return true;
		if (m->line < at.line || (m->line == at.line && m->col < at.col))
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/*
 * Look at the check e of step c->at (1.1).  A check refuses the answer unless it is true, and a name without
 * an answer makes it false (or null), so every read that is not a guard is a risk, unlike in a condition;
 * the step's own answer is always given.  A read of a later answer is already an error (check_rules).
 */
static void check_rule_reads_null(struct checker *c, const struct expr *e)
{
	size_t from = c->nuses;
	expr_walk_names(e, check_collect_use, c);
	size_t to = c->nuses;
	for (size_t i = from; i < to; i++) {
		const struct check_use u = c->uses[i];
		bool fine = u.use == EXPR_USE_GUARD || check_guarded(c, from, to, u.sym);
		for (size_t k = from; k < i && !fine; k++)
			fine = c->uses[k].sym == u.sym && c->uses[k].use != EXPR_USE_GUARD;	/* reported once */
		fine = fine || check_later_at(c, u.at);
		if (!fine)
			check_null_read(c, u.sym, u.at, false);
	}
	c->nuses = from;
}

/* A check's message, shown when the check is not true: the names the check reads are its own to judge. */
struct check_rule_text {
	struct checker *c;
	int *syms;		/* the names its check reads */
	size_t n, cap;
};

static void check_rule_sym(void *ctx, int sym)
{
	struct check_rule_text *t = ctx;
	util_grow((void **)&t->syms, &t->cap, t->n + 1, sizeof *t->syms);
	t->syms[t->n++] = sym;
}

static void check_rule_text_read(void *ctx, int sym, struct loc at)
{
	struct check_rule_text *t = ctx;
	for (size_t i = 0; i < t->n; i++)
		if (t->syms[i] == sym)
			return;
	check_null_read(t->c, sym, at, true);
}

/* The checks of step c->at and their messages, which are shown with the answer given. */
static void check_rule_nulls(struct checker *c, const struct step *s)
{
	c->after = true;
	c->own_given = true;
	struct check_rule_text t = { c, NULL, 0, 0 };
	for (size_t k = 0; k < step_more(s)->nchecks; k++) {
		t.n = 0;
		if (step_more(s)->checks[k].valid) {
			check_rule_reads_null(c, step_more(s)->checks[k].valid);
			expr_symbols(step_more(s)->checks[k].valid, check_rule_sym, &t);
		}
		if (step_more(s)->checks[k].message.msgid)
			check_text_names(c->w, &step_more(s)->checks[k].message, check_rule_text_read, &t);
	}
	free(t.syms);
	c->own_given = false;
}

/* ---- What the condition of a transition says has an answer ---- */

static void check_value_needs(struct checker *c, size_t v, int kind);

/* Append to *out the steps that needs[0..n) say have an answer, values expanded. */
static void check_expand_needs(struct checker *c, const struct expr_need *needs, size_t n, int **out, size_t *nout,
			       size_t *cap)
{
	const struct wizard *w = c->w;
	for (size_t i = 0; i < n; i++) {
		if (needs[i].sym < 0)
			continue;
		if ((size_t)needs[i].sym < w->nsteps) {
			if (needs[i].untrue)	/* a step's answer that is not true: it may have none */
				continue;
			util_grow((void **)out, cap, *nout + 1, sizeof **out);
			(*out)[(*nout)++] = needs[i].sym;
			continue;
		}
		size_t v = (size_t)needs[i].sym - w->nsteps, t = needs[i].untrue ? 2 : needs[i].truth;
		check_value_needs(c, v, (int)t);
		if (!c->nneeds[t][v])
			continue;
		util_grow((void **)out, cap, *nout + c->nneeds[t][v], sizeof **out);
		memcpy(*out + *nout, c->needs[t][v], c->nneeds[t][v] * sizeof **out);
		*nout += c->nneeds[t][v];
	}
}

/* The steps that have an answer when value v is not null (kind 0), true (1) or not true (2). */
static void check_value_needs(struct checker *c, size_t v, int kind)
{
	if (c->needs_state[kind][v])
		return;
	c->needs_state[kind][v] = 1;
	struct expr_need *needs;
	const struct expr *e = c->w->values[v].expr;
	size_t n = kind == 1 ? expr_truth_required(e, &needs) : kind == 2 ? expr_untruth_required(e, &needs)
		 : expr_value_required(e, &needs);
	size_t cap = 0;
	check_expand_needs(c, needs, n, &c->needs[kind][v], &c->nneeds[kind][v], &cap);
	free(needs);
}

/*
 * Add to known[] the steps that have an answer when condition e is not true: a later transition of the
 * same step is tried only then.  At most CHECK_MAX_KNOWN are kept (one left out only costs a warning).
 */
static void check_learn_untrue(struct checker *c, const struct expr *e, int **known, size_t *nknown, size_t *cap)
{
	struct expr_need *needs;
	size_t n = expr_untruth_required(e, &needs);
	check_expand_needs(c, needs, n, known, nknown, cap);
	free(needs);
	if (*nknown > CHECK_MAX_KNOWN)
		*nknown = CHECK_MAX_KNOWN;
}

/*
 * Clear the pending reads that the conditions on the way rule out.  For up to 64 candidate steps at a
 * time, a bit per candidate T flows forward from the start as "reached on a path without an answer for
 * T".  Passing T stops the bit when T always takes an answer; so does a transition whose condition needs
 * T, or needs a step F that no path without T reaches (F's own bit for T is clear): a path without T
 * cannot have F either, so it cannot take that transition.  Masks only grow, and a change at F wakes
 * the transitions whose conditions need F, so the worklist settles after at most 64 changes per step.
 */
/* The transitions as check_refine walks them: per step its edges, per edge the steps its condition says
 * have an answer (facts), and per step the steps whose transitions need it (users, woken when it grows). */
struct check_refine_graph {
	size_t *edge0, *fact0, *user0;
	int *facts, *users;
};

static void check_refine_graph(struct checker *c, struct check_refine_graph *g)
{
	const struct wizard *w = c->w;
	size_t n = w->nsteps, nedges = 0, nfacts = 0, capfacts = 0;
	g->edge0 = xmalloc((n + 1) * sizeof *g->edge0);
	for (size_t i = 0; i < n; i++) {
		g->edge0[i] = nedges;
		nedges += w->steps[i].nnext;
	}
	g->edge0[n] = nedges;
	g->fact0 = xmalloc((nedges + 1) * sizeof *g->fact0);
	g->facts = NULL;
	int *known = NULL;	/* what the conditions before a transition say when they are not true */
	size_t capknown = 0;
	for (size_t i = 0; i < n; i++) {
		size_t nknown = 0;
		for (size_t k = 0; k < w->steps[i].nnext; k++) {
			g->fact0[g->edge0[i] + k] = nfacts;
			const struct expr *when = w->steps[i].next[k].when;
			if (!c->flow.reachable[i])
				continue;
			util_grow((void **)&g->facts, &capfacts, nfacts + nknown + 1, sizeof *g->facts);
			if (nknown)
				memcpy(g->facts + nfacts, known, nknown * sizeof *known);
			nfacts += nknown;
			if (!when)
				continue;
			struct expr_need *needs;
			size_t nn = expr_truth_required(when, &needs);
			check_expand_needs(c, needs, nn, &g->facts, &nfacts, &capfacts);
			free(needs);
			check_learn_untrue(c, when, &known, &nknown, &capknown);
		}
	}
	free(known);
	g->fact0[nedges] = nfacts;
	g->user0 = xcalloc(n + 2, sizeof *g->user0);
	g->users = xmalloc((nfacts ? nfacts : 1) * sizeof *g->users);
	for (size_t f = 0; f < nfacts; f++)
		g->user0[g->facts[f] + 2]++;
	for (size_t i = 2; i < n + 2; i++)
		g->user0[i] += g->user0[i - 1];
	for (size_t i = 0; i < n; i++)
		for (size_t f = g->fact0[g->edge0[i]]; f < g->fact0[g->edge0[i + 1]]; f++)
			g->users[g->user0[g->facts[f] + 1]++] = (int)i;
}

static void check_refine_graph_free(struct check_refine_graph *g)
{
	free(g->users);
	free(g->user0);
	free(g->facts);
	free(g->fact0);
	free(g->edge0);
}

/* The work of one chunk of up to 64 candidates: the masks, the worklist, and each step's bit (or <0). */
struct check_refine_run {
	uint64_t *mask;
	int *queue, *bit;
	bool *queued;
};

/* Let the m bits of a chunk flow from the start until the masks settle. */
static void check_refine_flow(const struct wizard *w, const struct check_refine_graph *g,
			      struct check_refine_run *r, size_t m)
{
	size_t n = w->nsteps, head = 0, tail = 0;
	memset(r->mask, 0, n * sizeof *r->mask);
	memset(r->queued, 0, n * sizeof *r->queued);
	r->mask[w->start] = m == 64 ? ~(uint64_t)0 : ((uint64_t)1 << m) - 1;
	r->queue[tail++ % n] = w->start;
	r->queued[w->start] = true;
	while (head != tail) {
		int p = r->queue[head++ % n];
		r->queued[p] = false;
		uint64_t out = r->mask[p];
		if (r->bit[p] >= 0 && check_takes_answer(&w->steps[p]))
			out &= ~((uint64_t)1 << r->bit[p]);
		for (size_t k = 0; k < w->steps[p].nnext; k++) {
			size_t e = g->edge0[p] + k;
			uint64_t flow = out;
			for (size_t f = g->fact0[e]; f < g->fact0[e + 1] && flow; f++) {
				int fs = g->facts[f];
				flow &= r->mask[fs];
				if (r->bit[fs] >= 0)
					flow &= ~((uint64_t)1 << r->bit[fs]);
			}
			int s = w->steps[p].next[k].target;
			if (!(flow & ~r->mask[s]))
				continue;
			r->mask[s] |= flow;
			for (size_t u = g->user0[s]; u <= g->user0[s + 1]; u++) {
				int v = u < g->user0[s + 1] ? g->users[u] : s;	/* s itself, then who needs it */
				if (!r->queued[v]) {
					r->queued[v] = true;
					r->queue[tail++ % n] = v;
				}
			}
		}
	}
}

static void check_refine(struct checker *c, bool *fails)
{
	size_t n = c->w->nsteps;
	if (!c->ncands)
		return;	/* no read may be null: nothing to clear, and no graph to build for it */
	struct check_refine_graph g;
	check_refine_graph(c, &g);
	struct check_refine_run r = {
		.mask = xmalloc(n * sizeof *r.mask),
		.queue = xmalloc(n * sizeof *r.queue),
		.bit = xmalloc(n * sizeof *r.bit),
		.queued = xmalloc(n * sizeof *r.queued),
	};
	/* The distinct candidates, each with its bit while its chunk runs. */
	int chunk[64];
	for (size_t i = 0; i < n; i++)
		r.bit[i] = -2;	/* -2: not a candidate; -1: waiting for its chunk; -3: done */
	int *todo = xmalloc((c->ncands ? c->ncands : 1) * sizeof *todo);
	size_t ntodo = 0;
	for (size_t i = 0; i < c->ncands; i++)
		if (r.bit[c->cands[i]] == -2) {
			r.bit[c->cands[i]] = -1;
			todo[ntodo++] = c->cands[i];
		}
	for (size_t base = 0; base < ntodo; base += 64) {
		size_t m = ntodo - base < 64 ? ntodo - base : 64;
		for (size_t b = 0; b < m; b++) {
			chunk[b] = todo[base + b];
			r.bit[chunk[b]] = (int)b;
		}
		check_refine_flow(c->w, &g, &r, m);
		for (size_t i = 0; i < c->ncands; i++) {
			int t = c->cands[i];
			if (r.bit[t] >= 0)
				fails[i] = (r.mask[c->cand_at[i]] >> r.bit[t]) & 1;
		}
		for (size_t b = 0; b < m; b++)
			r.bit[chunk[b]] = -3;
	}
	free(todo);
	free(r.queued);
	free(r.bit);
	free(r.queue);
	free(r.mask);
	check_refine_graph_free(&g);
}

/* Report each pending read that still fails, naming the first step that may have no answer. */
static void check_report_nulls(struct checker *c)
{
	const struct wizard *w = c->w;
	c->cand_at = xmalloc((c->ncands ? c->ncands : 1) * sizeof *c->cand_at);
	for (size_t i = 0; i < c->npending; i++)
		for (size_t k = 0; k < c->pending[i].count; k++)
			c->cand_at[c->pending[i].first + k] = c->pending[i].at;
	bool *fails = xcalloc(c->ncands ? c->ncands : 1, sizeof *fails);
	check_refine(c, fails);
	char why[256];
	for (size_t i = 0; i < c->npending; i++) {
		const struct check_pending *p = &c->pending[i];
		int gap = -1;
		for (size_t k = 0; k < p->count && gap < 0; k++)
			if (fails[p->first + k])
				gap = c->cands[p->first + k];
		if (gap < 0)
			continue;
		check_why(c, gap, p->at, why, sizeof why);
		bool step = (size_t)p->sym < w->nsteps;
		const char *name = step ? w->steps[p->sym].id : w->values[(size_t)p->sym - w->nsteps].name;
		if (p->text && step)
			diag_warning(c->d, p->loc, "'{%s}' may show \"(not answered)\": %s", name, why);
		else if (p->text)
			diag_warning(c->d, p->loc, "'{%s}' may show \"(not answered)\": it reads '%s', and %s", name,
				     w->steps[gap].id, why);
		else if (step)
			diag_warning(c->d, p->loc, "'%s' may be null here: %s (check with answered(%s))", name, why, name);
		else
			diag_warning(c->d, p->loc, "value '%s' may be null here: it reads '%s', and %s", name,
				     w->steps[gap].id, why);
	}
	free(fails);
}

/* A condition of a text or choice of step (content.h), read before the step's own answer is given. */
static void check_null_in_content(void *ctx, const struct expr *when, const char *key, int step, struct loc at)
{
	struct checker *c = ctx;
	(void)key;
	(void)at;
	if (!c->flow.reachable[step])
		return;
	c->at = step;
	c->after = false;
	check_condition(c, when, NULL, 0);
}

static void check_nulls(struct checker *c)
{
	const struct wizard *w = c->w;
	int *known = NULL;
	for (size_t i = 0; i < w->nsteps; i++) {
		if (!c->flow.reachable[i])
			continue;
		const struct step *s = &w->steps[i];
		c->at = (int)i;
		c->after = false;
		const struct step_more *more = step_more(s);
		const struct text *own[] = { &s->title, &more->guide, &more->message, &more->unit };
		for (size_t k = 0; k < ARRAY_LEN(own); k++)
			if (own[k]->msgid)
				check_text_names(w, own[k], check_null_in_text, c);
		size_t nt, nh;
		const struct text *texts = content_text_of(s, &nt), *helps = content_help_of(s, &nh);
		for (size_t k = 0; k < nt; k++)
			check_text_names(w, &texts[k], check_null_in_text, c);
		for (size_t k = 0; k < nh; k++)
			check_text_names(w, &helps[k], check_null_in_text, c);
		for (size_t k = 0; k < s->nchoices; k++)
			check_text_names(w, &s->choices[k].label, check_null_in_text, c);
		for (size_t k = 0; k < step_more(s)->ntodo; k++)
			check_text_names(w, &step_more(s)->todo[k], check_null_in_text, c);
		c->after = true;
		size_t nknown = 0, cap = 0;
		for (size_t k = 0; k < s->nnext; k++) {
			if (!s->next[k].when)
				continue;
			check_condition(c, s->next[k].when, known, nknown);
			check_learn_untrue(c, s->next[k].when, &known, &nknown, &cap);
		}
		check_rule_nulls(c, s);
	}
	free(known);
	if (c->content)
		content_each_expr(w, check_null_in_content, c);
	check_report_nulls(c);
}

/* ---- Flow ---- */

static void check_reach(struct checker *c)
{
	const struct wizard *w = c->w;
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		if (!c->flow.reachable[i])
			diag_warning(c->d, s->loc, "step '%s' cannot be reached from the start step '%s'", s->id,
				     w->steps[w->start].id);
		else if (!c->flow.reaches_end[i])
			diag_error(c->d, s->loc, "no end can be reached from step '%s': every way on from it loops",
				   s->id);
	}
}

/* ---- Choices compared with values that are not among them ---- */

static void check_choice_literal(void *ctx, int sym, const char *lit, struct loc at)
{
	struct checker *c = ctx;
	const struct wizard *w = c->w;
	if (sym < 0 || (size_t)sym >= w->nsteps)
		return;
	const struct step *s = &w->steps[sym];
	if (!kind_of(s->type)->choices)
		return;
	const char *best = NULL, *label_of = NULL;
	size_t bestd = strlen(lit) < 4 ? 1 : 2;
	for (size_t k = 0; k < s->nchoices; k++) {
		const struct choice *ch = &s->choices[k];
		if (strcmp(ch->value, lit) == 0)
			return;
		if (ch->label.msgid && strcmp(ch->label.msgid, lit) == 0)
			label_of = ch->value;
		size_t dist = util_edit_distance(lit, ch->value, bestd);
		if (dist <= bestd && (!best || dist < bestd)) {
			best = ch->value;
			bestd = dist;
		}
	}
	if (label_of) {
		diag_error(c->d, at, "'%s' is not a choice of step '%s' but the label of one (did you mean '%s'?)",
			   lit, s->id, label_of);
	} else if (best) {
		diag_error(c->d, at, "'%s' is not a choice of step '%s' (did you mean '%s'?)", lit, s->id, best);
	} else {
		char list[256] = "";
		size_t len = 0;
		for (size_t k = 0; k < s->nchoices && len + 5 < sizeof list; k++) {
			int n = snprintf(list + len, sizeof list - len, "%s'%s'", k ? ", " : "", s->choices[k].value);
			if (n < 0 || (size_t)n >= sizeof list - len) {
				snprintf(list + len, sizeof list - len, ", ...");
				break;
			}
			len += (size_t)n;
		}
		diag_error(c->d, at, "'%s' is not a choice of step '%s' (the choices are %s)", lit, s->id, list);
	}
}

static void check_choices_in_content(void *ctx, const struct expr *when, const char *key, int step, struct loc at)
{
	(void)key;
	(void)step;
	(void)at;
	expr_walk_comparisons(when, check_choice_literal, ctx);
}

static void check_choices(struct checker *c)
{
	const struct wizard *w = c->w;
	for (size_t i = 0; i < w->nvalues; i++)
		expr_walk_comparisons(w->values[i].expr, check_choice_literal, c);
	for (size_t i = 0; i < w->nsteps; i++)
		for (size_t k = 0; k < w->steps[i].nnext; k++)
			if (w->steps[i].next[k].when)
				expr_walk_comparisons(w->steps[i].next[k].when, check_choice_literal, c);
	if (c->content)
		content_each_expr(w, check_choices_in_content, c);
	for (size_t t = 0; t < w->ntests; t++) {	/* the scenarios: answers given and answers expected */
		const struct scenario *sc = &w->tests[t];
		for (size_t i = 0; i < sc->nanswers; i++) {
			if (sc->answers[i].refused)	/* (1.1) not a choice, on purpose: it must be refused */
				continue;
			const struct answer_input *in = &sc->answers[i].input;
			for (size_t k = 0; k < (in->is_list ? in->nitems : in->text && *in->text); k++)
				check_choice_literal(c, sc->answers[i].step, in->is_list ? in->items[k] : in->text, in->loc);
		}
		for (size_t i = 0; i < sc->nresult; i++) {
			const struct scenario_expect *x = &sc->result[i];
			struct value v = x->value;
			for (size_t k = 0; k < (v.type == VAL_LIST ? v.u.list.n : v.type == VAL_STR); k++) {
				struct value item = v.type == VAL_LIST ? v.u.list.items[k] : v;
				if (item.type == VAL_STR)
					check_choice_literal(c, x->index, item.u.s, x->loc);
			}
		}
	}
}

/* ---- Unused glossary entries and values ---- */

static void check_mark_symbol(void *ctx, int sym)
{
	struct checker *c = ctx;
	if ((size_t)sym >= c->w->nsteps)
		c->value_used[(size_t)sym - c->w->nsteps] = true;
}

static void check_mark_text_symbol(void *ctx, int sym, struct loc at)
{
	(void)at;
	check_mark_symbol(ctx, sym);
}

static void check_mark_text(void *ctx, const struct text *t, int step)
{
	struct checker *c = ctx;
	(void)step;
	check_text_names(c->w, t, check_mark_text_symbol, c);
}

static void check_mark_content(void *ctx, const struct expr *when, const char *key, int step, struct loc at)
{
	(void)key;
	(void)step;
	(void)at;
	expr_symbols(when, check_mark_symbol, ctx);
}

static void check_values(struct checker *c)
{
	const struct wizard *w = c->w;
	for (size_t i = 0; i < w->nvalues; i++)
		expr_symbols(w->values[i].expr, check_mark_symbol, c);
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		for (size_t k = 0; k < s->nnext; k++)
			if (s->next[k].when)
				expr_symbols(s->next[k].when, check_mark_symbol, c);
		for (size_t k = 0; k < step_more(s)->nchecks; k++)
			if (step_more(s)->checks[k].valid)
				expr_symbols(step_more(s)->checks[k].valid, check_mark_symbol, c);
		if (step_more(s)->min_expr.expr)
			expr_symbols(step_more(s)->min_expr.expr, check_mark_symbol, c);
		if (step_more(s)->max_expr.expr)
			expr_symbols(step_more(s)->max_expr.expr, check_mark_symbol, c);
	}
	if (c->content)
		content_each_expr(w, check_mark_content, c);
	check_each_text(w, check_mark_text, c);
	for (size_t i = 0; i < w->nvalues; i++)
		if (!c->value_used[i])
			diag_warning(c->d, w->values[i].loc, "value '%s' is never used: no expression and no text reads it",
				     w->values[i].name);
}

/* The glossary terms being looked for, text by text, and which were found elsewhere than in their own
 * explanation. */
struct check_term_search {
	struct glossary_terms terms;
	size_t text, gloss0;	/* the text being searched; that of the first glossary entry */
	bool *found;
};

static void check_term_text(void *ctx, const struct text *t, int step)
{
	struct check_term_search *cs = ctx;
	(void)step;
	size_t own = cs->text - cs->gloss0;	/* the entry this text explains, if it is one */
	bool is_own = cs->text >= cs->gloss0 && own < cs->terms.n, before = is_own && cs->found[own];
	glossary_terms_find(&cs->terms, t->msgid, strlen(t->msgid), NULL, cs->found);
	if (is_own)
		cs->found[own] = before;
	cs->text++;
}

/* Each glossary term must be in some text, as the screens find it: where a word starts with it. */
static void check_glossary(struct checker *c)
{
	const struct wizard *w = c->w;
	if (!w->nglossary)
		return;
	/* check_each_text gives the glossary texts right after the title and description */
	struct check_term_search cs = { .gloss0 = (w->title.msgid != NULL) + (w->description.msgid != NULL) };
	glossary_terms_init(&cs.terms, w, NULL, NULL);
	cs.found = xcalloc(w->nglossary, sizeof *cs.found);
	check_each_text(w, check_term_text, &cs);
	for (size_t i = 0; i < w->nglossary; i++) {
		if (!*w->glossary[i].term)	/* an empty term is in every text */
			cs.found[i] = cs.text > 1;
		if (!cs.found[i])
			diag_warning(c->d, w->glossary[i].loc, "glossary term '%s' appears in no text", w->glossary[i].term);
	}
	glossary_terms_free(&cs.terms);
	free(cs.found);
}

/* ---- Readability ---- */

bool check_lix_applies(const struct wizard *w)
{
	const char *l = w->language;
	return l && l[0] == 'd' && l[1] == 'a' && (l[2] == '\0' || l[2] == '_' || l[2] == '-');
}

/* Whether each byte is an ASCII letter, as uc_is_alpha says (no byte from 0x80 up is): a table made once, as
 * most texts are ASCII. */
static const bool *check_ascii_letters(void)
{
	static bool ascii[256], made;
	if (!made) {
		for (ucs4_t ch = 0; ch < 128; ch++)
			ascii[ch] = uc_is_alpha(ch);
		made = true;
	}
	return ascii;
}

/*
 * The bytes of the letter at s when it is one of those read at once: ASCII, or Latin-1's from À to ÿ but ×
 * and ÷ (as Danish writes æ, ø and å), which uc_is_alpha calls letters too; 0 for anything else.
 */
static size_t check_quick_letter(const bool *ascii, const uint8_t *s)
{
	if (ascii[s[0]])
		return 1;
	return s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF && s[1] != 0x97 && s[1] != 0xB7 ? 2 : 0;
}

/*
 * A text counted for LIX, kept by its msgid: a text written again is stored once (ytree), and labels, help
 * and messages are written again often.  One with a sentence over the limit is counted again each time,
 * so that each place says so.
 */
struct check_lix_seen {
	const char *msgid;
	struct check_lix counts;
	bool too_long;
};
#define CHECK_LIX_SEEN 1024	/* texts kept, a place each by their address */

/*
 * Count the words, long words and sentences of t (a field, which ends a sentence) into acc; whether a
 * sentence is over the limit (said when c).
 */
static bool check_lix_count(const struct text *t, struct check_lix *acc, struct checker *c)
{
	bool too_long = false;
	const bool *ascii = check_ascii_letters();
	const uint8_t *s = (const uint8_t *)t->msgid;
	size_t n = strlen(t->msgid), letters = 0, words = 0, start = 0;
	for (size_t i = 0; i <= n;) {
		size_t quick = check_quick_letter(ascii, s + i);
		if (quick) {	/* a run of the common letters at once; the NUL at n ends it */
			if (!letters && !words)
				start = i;
			do {
				size_t from = i;
				while (ascii[s[i]])	/* ASCII letters, the most of them */
					i++;
				letters += i - from;
				if ((quick = check_quick_letter(ascii, s + i))) {
					letters++;
					i += quick;
				}
			} while (quick);
			continue;
		}
		if (s[i] == ' ') {	/* between words, the most common of the rest */
			if (letters) {
				words++;
				acc->long_words += letters > 6;
				letters = 0;
			}
			i++;
			continue;
		}
		ucs4_t ch = 0;
		int len = 1;
		if (i < n && s[i] < 0x80) {
			ch = s[i];
		} else if (i < n) {
			len = u8_mbtouc(&ch, s + i, n - i);
			if (len < 1)
				len = 1;
		}
		bool letter = ch >= 0x80 && uc_is_alpha(ch);
		size_t skip = (size_t)len;	/* "{{" and "}}" are one brace each; a placeholder is one word */
		bool placeholder = false;
		if (ch == '{' || ch == '}') {
			struct template_piece brace = template_piece(t->msgid, i);
			placeholder = brace.kind == TEMPLATE_NAME;
			skip = brace.len;
		}
		if (letter) {
			if (!letters && !words)
				start = i;
			letters++;
			i += (size_t)len;
			continue;
		}
		if (letters) {
			words++;
			acc->long_words += letters > 6;
			letters = 0;
		}
		if (placeholder) {	/* an answer shown in the text counts as one short word */
			if (!words)
				start = i;
			words++;
			i += skip;
			continue;
		}
		len = (int)skip;
		if (i >= n || ch == '.' || ch == '!' || ch == '?' || ch == '\n') {
			if (words) {
				acc->sentences++;
				acc->words += words;
				if (c && words > (size_t)c->o->max_words) {
					too_long = true;
					struct loc at = t->exact ? diag_loc_advance(t->loc, t->msgid, start) : t->loc;
					diag_warning(c->d, at, "a sentence of %zu words (over %d): split it into shorter ones",
						     words, c->o->max_words);
				}
			}
			words = 0;
		}
		i += (size_t)len;
	}
	return too_long;
}

static void check_lix_text(const struct text *t, struct check_lix *acc, struct checker *c)
{
	if (!t->msgid)
		return;
	struct check_lix_seen *seen = NULL;
	if (c && c->lix_seen)
		seen = &c->lix_seen[((uintptr_t)t->msgid * 0x9E3779B97F4A7C15u >> 40) % CHECK_LIX_SEEN];
	struct check_lix one = { 0 };
	if (seen && seen->msgid == t->msgid && !seen->too_long) {
		one = seen->counts;
	} else {
		bool too_long = check_lix_count(t, &one, c);
		if (seen)
			*seen = (struct check_lix_seen){ t->msgid, one, too_long };
	}
	acc->words += one.words;
	acc->long_words += one.long_words;
	acc->sentences += one.sentences;
}

/* The LIX of the screen of step s, reporting sentences over the limit when c is given. */
static void check_lix_screen(const struct step *s, struct check_lix *out, struct checker *c)
{
	*out = (struct check_lix){ 0 };
	check_lix_text(&s->title, out, c);
	size_t nt, nh;
	const struct text *texts = content_text_of(s, &nt), *helps = content_help_of(s, &nh);
	for (size_t k = 0; k < nt; k++)
		check_lix_text(&texts[k], out, c);
	for (size_t k = 0; k < s->nchoices; k++)
		check_lix_text(&s->choices[k].label, out, c);
	for (size_t k = 0; k < step_more(s)->ntodo; k++)
		check_lix_text(&step_more(s)->todo[k], out, c);
	for (size_t k = 0; c && k < nh; k++)
		check_lix_text(&helps[k], &(struct check_lix){ 0 }, c);
	if (out->words && out->sentences)
		out->lix = (int)((double)out->words / (double)out->sentences +
				 100.0 * (double)out->long_words / (double)out->words + 0.5);
}

void check_lix_step(const struct step *s, struct check_lix *out)
{
	check_lix_screen(s, out, NULL);
}

static void check_readability(struct checker *c)
{
	const struct wizard *w = c->w;
	if (!check_lix_applies(w))
		return;
	c->lix_seen = xcalloc(CHECK_LIX_SEEN, sizeof *c->lix_seen);
	for (size_t i = 0; i < w->nsteps; i++) {
		struct check_lix lx;
		check_lix_screen(&w->steps[i], &lx, c);
		if (lx.words >= CHECK_LIX_MIN_WORDS && lx.lix > c->o->max_lix)
			diag_warning(c->d, w->steps[i].loc, "step '%s' has LIX %d (over %d): use shorter sentences and "
				     "shorter words", w->steps[i].id, lx.lix, c->o->max_lix);
	}
	free(c->lix_seen);
	c->lix_seen = NULL;
}

/* ---- Conditions of content that read an answer not given yet ---- */

#define CHECK_MAX_BEFORE_WALKS 1000	/* steps whose way back is walked; beyond, only the warnings of nulls */

/* The step whose content conditions are being read, and the steps from which a path leads to it. */
struct check_before {
	struct checker *c;
	struct check_graph pred;
	int at;
	const char *key;	/* of the expression: "when" or "count" */
	bool *ancestor;		/* of at, or NULL while not walked */
	size_t walks;
};

/* Step sym, read by a condition of content at step b->at, where at. */
static void check_before_step(struct check_before *b, int sym, struct loc at)
{
	const struct wizard *w = b->c->w;
	if (sym == b->at) {
		diag_error(b->c->d, at, "'%s' on step '%s' reads '%s', its own answer, which is not given while "
			   "the step is shown", b->key, w->steps[sym].id, w->steps[sym].id);
		return;
	}
	if (check_answered_before(b->c->answered, sym, b->at))
		return;
	if (!b->ancestor) {
		if (b->walks++ >= CHECK_MAX_BEFORE_WALKS)
			return;
		b->ancestor = xcalloc(w->nsteps, sizeof *b->ancestor);
		check_graph_walk(&b->pred, b->at, b->ancestor, NULL);
	}
	if (!b->ancestor[sym] || !b->c->flow.reachable[sym])
		diag_error(b->c->d, at, "'%s' on step '%s' reads '%s', which no path answers before it (it comes "
			   "later, or never)", b->key, w->steps[b->at].id, w->steps[sym].id);
}

static void check_before_content(void *ctx, const struct expr *when, const char *key, int step, struct loc at)
{
	struct check_before *b = ctx;
	b->key = key;
	const struct wizard *w = b->c->w;
	(void)at;
	if (!b->c->flow.reachable[step])
		return;
	if (b->at != step) {
		free(b->ancestor);
		b->ancestor = NULL;
		b->at = step;
	}
	size_t from = b->c->nuses;
	expr_walk_names(when, check_collect_use, b->c);
	size_t to = b->c->nuses;
	for (size_t i = from; i < to; i++) {
		const struct check_use u = b->c->uses[i];
		bool again = false;	/* reported once per condition */
		for (size_t k = from; k < i && !again; k++)
			again = b->c->uses[k].sym == u.sym;
		if ((size_t)u.sym < w->nsteps && !again)
			check_before_step(b, u.sym, u.at);	/* not a value's: it may read a later answer as a fallback */
	}
	b->c->nuses = from;
}

/* Notes that there is a condition or count of a text or choice to check. */
static void check_any_content(void *ctx, const struct expr *e, const char *key, int step, struct loc at)
{
	(void)e;
	(void)key;
	(void)step;
	(void)at;
	*(bool *)ctx = true;
}

/*
 * A condition of a text or choice (content.h) is worked out while its step is shown, before the step's
 * own answer: reading that answer, or one no path gives before the step, is an error.  Steps with choices
 * that all have a condition may have nothing to offer.
 */
static void check_content(struct checker *c)
{
	const struct wizard *w = c->w;
	if (c->content) {
		struct check_before b = { .c = c, .at = -1 };
		check_graph_build(w, true, &b.pred);
		content_each_expr(w, check_before_content, &b);
		free(b.ancestor);
		check_graph_free(&b.pred);
	}
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		size_t hidden = 0;
		for (size_t k = 0; k < s->nchoices; k++)
			hidden += s->choices[k].when != NULL;
		if (s->nchoices && hidden == s->nchoices && c->flow.reachable[i])
			diag_warning(c->d, s->loc, "every choice of step '%s' has a 'when': when none holds, the step "
				     "offers nothing to choose%s", s->id, s->required ? ", and cannot be answered" : "");
	}
}

void check_wizard(const struct wizard *w, const struct check_options *o, struct diags *d)
{
	static const struct check_options defaults = { CHECK_DEFAULT_MAX_LIX, CHECK_DEFAULT_MAX_WORDS, NULL };
	if (!w->nsteps || w->start < 0)
		return;
	size_t nv = w->nvalues ? w->nvalues : 1;
	struct checker c = {
		.w = w, .o = o ? o : &defaults, .d = d,
		.unsafe = xcalloc(nv, sizeof *c.unsafe), .nunsafe = xcalloc(nv, sizeof *c.nunsafe),
		.unsafe_state = xcalloc(nv, 1), .value_used = xcalloc(nv, sizeof *c.value_used),
		.guards = xcalloc(nv, sizeof *c.guards), .nguards = xcalloc(nv, sizeof *c.nguards),
		.guards_state = xcalloc(nv, 1),
	};
	for (int t = 0; t < 3; t++) {
		c.needs[t] = xcalloc(nv, sizeof *c.needs[t]);
		c.nneeds[t] = xcalloc(nv, sizeof *c.nneeds[t]);
		c.needs_state[t] = xcalloc(nv, 1);
	}
	content_each_expr(w, check_any_content, &c.content);	/* once, for the passes that look at them */
	check_flow(w, &c.flow);
	c.answered = check_answered_create(w);
	if (!w->flow_errors) {	/* paths through a flow with errors would mean nothing */
		check_reach(&c);
		check_rules(w, c.o->today, d, &c.later, &c.nlater);
		check_nulls(&c);
	}
	check_content(&c);
	check_choices(&c);
	check_values(&c);
	check_glossary(&c);
	check_readability(&c);
	check_answered_free(c.answered);
	check_flow_free(&c.flow);
	for (size_t i = 0; i < w->nvalues; i++) {
		free(c.unsafe[i]);
		free(c.guards[i]);
		free(c.needs[0][i]);
		free(c.needs[1][i]);
		free(c.needs[2][i]);
	}
	for (int t = 0; t < 3; t++) {
		free(c.needs[t]);
		free(c.nneeds[t]);
		free(c.needs_state[t]);
	}
	free(c.later);
	free(c.pending);
	free(c.cands);
	free(c.cand_at);
	free(c.unsafe);
	free(c.nunsafe);
	free(c.unsafe_state);
	free(c.guards);
	free(c.nguards);
	free(c.guards_state);
	free(c.value_used);
	free(c.uses);
}
