/*
 * engine: the wizard's state machine.  See engine.h.
 *
 * Invariants: history[0..nhist) is the path, history[nhist-1] the current step; on_path[i] counts how
 * often step i is on it; answers[i] is the last answer given at step i, on the path or not.  Expressions
 * see only answers of steps on the path, so going back never leaves stale state behind.  Strings owned
 * by answers are wiped before they are freed.  The progress bounds are computed once at creation.
 * Derived values are worked out once per generation, which every change of answers[] or of the path
 * begins (engine_changed); each call that changes the engine renews the budget of evaluation work.
 *
 * Must not do I/O or know about terminals.
 */
#include "engine.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistr.h>

#include "compat.h"
#include "date.h"
#include "i18n.h"
#include "kind.h"
#include "limit.h"
#include "po.h"
#include "repeat.h"
#include "sensitive.h"
#include "template.h"
#include "text.h"

#define ENGINE_MAX_PATH 10000
#define ENGINE_MAX_FORMAT (1 << 20)	/* bytes of a text with the answers filled in; the rest is cut */
#define ENGINE_UNREACHABLE ((size_t)-1)

struct engine_answer {
	bool set;
	struct value v;
	char *owned;		/* text, date: the string v points to */
	const char **items;	/* multi: the list v points to (strings belong to the model) */
	struct value *list;
};

struct engine {
	const struct wizard *w;
	const struct i18n_lang *lang;	/* how numbers and dates are written and read */
	const struct i18n_lang *value_lang;	/* what text() and join() write in: lang, or the wizard's own when it has no catalogue for lang */
	bool file_answers;	/* answers are read as an answers file writes them (engine_file_answers) */
	int *history;
	size_t nhist, caphist;
	unsigned *on_path;
	struct engine_answer *answers;
	size_t *min_rest, *max_rest;	/* non-end steps after step i until an end, fewest and most; NULL until a view */
	int review;		/* the review step to return to, or -1 */
	int *counted;		/* while revising: the steps whose answers counted when it began */
	size_t ncounted;
	int *dropped;		/* back at the review: those of them that no longer count */
	size_t ndropped;
	char message[1024];
	bool has_message;
	struct arena scratch;	/* evaluation and formatting; reset on every change */
	unsigned char *evaluating;	/* derived values being evaluated (cycle guard) */
	/* Each derived value is worked out once for the answers and path as they are: generation counts
	 * their changes, and value i is known (known[i] == generation) until the next. */
	uint64_t generation;
	uint64_t *known;
	struct value *values;
	const char **value_errors;	/* why value i could not be worked out, or NULL */
	struct arena value_arena;	/* the strings and lists of the known values */
	size_t work;			/* of evaluation left to the call of the engine under way */
	int too_large;			/* a value read could not be worked out within the bounds, or -1 */
	char today[11];			/* "YYYY-MM-DD": the local date at engine_create, or engine_set_today's */
	/* Each place i on the path but the last: the answer given there and the transition taken from it
	 * (engine_visit_answer), kept when the walk went on; a loop passes a step with other answers. */
	struct engine_answer *visit;
	int *taken;
	size_t capvisit;
	int next_taken;			/* the transition engine_next chose, for the push that follows */
	struct engine_group *groups;	/* per step, the items of a repeated group; NULL until one is used */
	int fmt_group;			/* formatting an item text: its group, or -1 (then the group at hand) */
	size_t fmt_item;		/* and its item */
};

static size_t engine_add(size_t a, size_t b)
{
	return a == ENGINE_UNREACHABLE || b == ENGINE_UNREACHABLE ? ENGINE_UNREACHABLE : a + b;
}

/* Fewest steps to an end from each step: a 0-1 breadth-first search backwards from the end steps. */
static void engine_min_rest(struct engine *e)
{
	const struct wizard *w = e->w;
	size_t n = w->nsteps;
	/* reverse adjacency */
	size_t *deg = xcalloc(n + 1, sizeof *deg), nedges = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < w->steps[i].nnext; j++)
			if (w->steps[i].next[j].target >= 0) {
				deg[w->steps[i].next[j].target + 1]++;
				nedges++;
			}
	for (size_t i = 0; i < n; i++)
		deg[i + 1] += deg[i];
	int *from = xmalloc((nedges + 1) * sizeof *from);
	size_t *fill = xcalloc(n + 1, sizeof *fill);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < w->steps[i].nnext; j++) {
			int t = w->steps[i].next[j].target;
			if (t >= 0)
				from[deg[t] + fill[t]++] = (int)i;
		}
	/* deque for 0-1 BFS: weight of an edge into node t is 1 unless t is an end */
	size_t cap = 2 * (n + nedges) + 2, head = n + nedges + 1, tail = head;
	int *dq = xmalloc(cap * sizeof *dq);
	for (size_t i = 0; i < n; i++) {
		e->min_rest[i] = ENGINE_UNREACHABLE;
		if (w->steps[i].type == STEP_END) {
			e->min_rest[i] = 0;
			dq[tail++] = (int)i;
		}
	}
	while (head < tail) {
		int t = dq[head++];
		size_t cost = w->steps[t].type == STEP_END ? 0 : 1;
		size_t via = (w->steps[t].type == STEP_END ? 0 : e->min_rest[t]) + cost;
		for (size_t k = deg[t]; k < deg[t + 1]; k++) {
			int s = from[k];
			if (w->steps[s].type == STEP_END || e->min_rest[s] <= via)
				continue;
			e->min_rest[s] = via;
			if (cost == 0)
				dq[--head] = s;
			else
				dq[tail++] = s;
		}
	}
	free(dq);
	free(fill);
	free(from);
	free(deg);
}

/*
 * Most steps to an end from each step, bounded for loops: the strongly connected components (Tarjan,
 * iterative so that a long chain cannot overflow the stack) are walked in reverse topological order,
 * and a component counts all its non-end steps once — the longest walk that repeats no step.
 */
static void engine_max_rest(struct engine *e)
{
	const struct wizard *w = e->w;
	size_t n = w->nsteps;
	size_t *index = xmalloc(n * sizeof *index), *low = xmalloc(n * sizeof *low);
	size_t *comp = xmalloc(n * sizeof *comp), *edge = xcalloc(n, sizeof *edge);
	int *stack = xmalloc(n * sizeof *stack), *call = xmalloc(n * sizeof *call);
	bool *onstack = xcalloc(n, sizeof *onstack);
	size_t *best = xmalloc(n * sizeof *best);	/* per component, the most steps from it to an end */
	size_t counter = 0, nstack = 0, ncomp = 0;
	for (size_t i = 0; i < n; i++)
		index[i] = SIZE_MAX;
	for (size_t root = 0; root < n; root++) {
		if (index[root] != SIZE_MAX)
			continue;
		size_t ncall = 0;
		call[ncall++] = (int)root;
		index[root] = low[root] = counter++;
		stack[nstack++] = (int)root;
		onstack[root] = true;
		while (ncall) {
			int v = call[ncall - 1];
			const struct step *s = &w->steps[v];
			if (edge[v] < s->nnext) {
				int t = s->next[edge[v]++].target;
				if (t < 0)
					continue;
				if (index[t] == SIZE_MAX) {
					index[t] = low[t] = counter++;
					stack[nstack++] = t;
					onstack[t] = true;
					call[ncall++] = t;
				} else if (onstack[t] && index[t] < low[v]) {
					low[v] = index[t];
				}
				continue;
			}
			ncall--;
			if (ncall && low[v] < low[call[ncall - 1]])
				low[call[ncall - 1]] = low[v];
			if (low[v] != index[v])
				continue;
			/* v roots a component; components finish in reverse topological order, so every
			 * component this one leads to already has its best. */
			size_t c = ncomp++, first = nstack, nonend = 0;
			do
				first--;
			while (stack[first] != v);
			for (size_t k = first; k < nstack; k++) {
				comp[stack[k]] = c;
				onstack[stack[k]] = false;
				nonend += w->steps[stack[k]].type != STEP_END;
			}
			size_t out = ENGINE_UNREACHABLE;
			bool has_end = false;
			for (size_t k = first; k < nstack; k++) {
				const struct step *m = &w->steps[stack[k]];
				has_end |= m->type == STEP_END;
				for (size_t j = 0; j < m->nnext; j++) {
					int t = m->next[j].target;
					if (t < 0 || comp[t] == c || index[t] == SIZE_MAX || onstack[t])
						continue;
					size_t b = best[comp[t]];
					if (b != ENGINE_UNREACHABLE && (out == ENGINE_UNREACHABLE || b > out))
						out = b;
				}
			}
			if (has_end && out == ENGINE_UNREACHABLE)
				out = 0;
			best[c] = engine_add(out, nonend);
			nstack = first;
		}
	}
	for (size_t i = 0; i < n; i++) {
		size_t b = best[comp[i]];
		e->max_rest[i] = b == ENGINE_UNREACHABLE || e->min_rest[i] == ENGINE_UNREACHABLE
					 ? ENGINE_UNREACHABLE
					 : b - (w->steps[i].type != STEP_END);
	}
	free(best);
	free(onstack);
	free(call);
	free(stack);
	free(edge);
	free(comp);
	free(low);
	free(index);
}

/*
 * The language the wizard's texts are shown in when lang is asked for: lang, unless the wizard has no
 * catalogue for it and shows its own texts; text() and join() write in it, as the sentence around them.
 */
static const struct i18n_lang *engine_lang_for(const struct wizard *w, const struct i18n_lang *lang)
{
	const struct i18n_lang *own = i18n_lang(w->language);
	return lang && (lang == own || !w->domain || i18n_translates(w->domain)) ? lang : own;
}

struct engine *engine_create(const struct wizard *w, const struct i18n_lang *lang)
{
	struct engine *e = xcalloc(1, sizeof *e);
	e->w = w;
	e->lang = lang ? lang : i18n_lang(w->language);
	e->value_lang = engine_lang_for(w, e->lang);
	e->on_path = xcalloc(w->nsteps, sizeof *e->on_path);
	e->answers = xcalloc(w->nsteps, sizeof *e->answers);
	e->evaluating = xcalloc(w->nvalues ? w->nvalues : 1, 1);
	e->known = xcalloc(w->nvalues ? w->nvalues : 1, sizeof *e->known);
	e->values = xcalloc(w->nvalues ? w->nvalues : 1, sizeof *e->values);
	e->value_errors = xcalloc(w->nvalues ? w->nvalues : 1, sizeof *e->value_errors);
	e->generation = 1;
	e->work = EXPR_MAX_WORK;
	e->too_large = -1;
	e->review = -1;
	e->next_taken = -1;
	e->fmt_group = -1;
	time_t now = util_now();
	struct tm tm;
	if (localtime_r(&now, &tm))
		strftime(e->today, sizeof e->today, "%Y-%m-%d", &tm);
	util_grow((void **)&e->history, &e->caphist, 1, sizeof *e->history);
	e->history[e->nhist++] = w->start;
	e->on_path[w->start]++;
	return e;
}

bool engine_set_today(struct engine *e, const char *ymd)
{
	if (!util_date_iso(ymd))
		return false;
	snprintf(e->today, sizeof e->today, "%s", ymd);
	e->generation++;	/* values that read today() are worked out again */
	return true;
}

const char *engine_today(const struct engine *e)
{
	return e->today;
}

struct value engine_visit_answer(const struct engine *e, size_t i)
{
	if (i + 1 >= e->nhist || !step_takes_answer(e->w->steps[e->history[i]].type) || !e->visit[i].set)
		return (struct value){ .type = VAL_NULL };
	return e->visit[i].v;
}

int engine_visit_transition(const struct engine *e, size_t i)
{
	return i + 1 < e->nhist ? e->taken[i] : -1;
}

static void engine_clear_answer(struct engine_answer *a)
{
	xfree_wiped(a->owned);
	free(a->items);
	free(a->list);
	*a = (struct engine_answer){ 0 };
}

static void engine_group_free(struct engine *e);
static const struct value *engine_item_at_hand(struct engine *e);

void engine_free(struct engine *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->w->nsteps; i++)	/* only those given: the rest is left unwritten, as it came */
		if (e->answers[i].set || e->answers[i].owned || e->answers[i].items || e->answers[i].list)
			engine_clear_answer(&e->answers[i]);
	for (size_t i = 0; i < e->capvisit; i++)
		engine_clear_answer(&e->visit[i]);
	free(e->visit);
	free(e->taken);
	engine_group_free(e);
	compat_wipe(e->message, sizeof e->message);
	compat_wipe(e->history, e->caphist * sizeof *e->history);	/* which way a person went */
	free(e->counted);
	free(e->dropped);
	arena_free(&e->scratch);
	arena_free(&e->value_arena);
	free(e->value_errors);
	free(e->values);
	free(e->known);
	free(e->evaluating);
	free(e->max_rest);
	free(e->min_rest);
	free(e->answers);
	free(e->on_path);
	free(e->history);
	free(e);
}

static int engine_current(const struct engine *e)
{
	return e->history[e->nhist - 1];
}

static void engine_fail(struct engine *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void engine_fail(struct engine *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	e->has_message = true;
}

/* The answers or the path changed: every derived value is to be worked out again. */
static void engine_changed(struct engine *e)
{
	e->generation++;
	arena_free(&e->value_arena);
}

/* The evaluation environment: answers on the path, derived values computed on demand. */
static struct value engine_env_get(void *ctx, int sym)
{
	struct engine *e = ctx;
	const struct wizard *w = e->w;
	if ((size_t)sym < w->nsteps)
		return e->on_path[sym] && e->answers[sym].set ? e->answers[sym].v : (struct value){ .type = VAL_NULL };
	return engine_derived(e, (size_t)sym - w->nsteps, NULL);
}

/* Whether an evaluation failed on the bounds of what it may make and do, not on a type clash. */
static bool engine_beyond_bounds(const char *why)
{
	return why == expr_too_long || why == expr_too_many || why == expr_too_much;
}

struct value engine_derived(struct engine *e, size_t i, const char **err)
{
	struct value v = { .type = VAL_NULL };
	if (i >= e->w->nvalues)
		return v;
	if (e->known[i] != e->generation) {
		if (e->evaluating[i])	/* a cycle, which only a wizard loaded for analysis has */
			return v;
		e->evaluating[i] = 1;
		struct expr_env env = { engine_env_get, e, &e->work, e->today, e->value_lang, NULL };	/* values read no item */
		const char *why = NULL;
		if (!expr_eval(e->w->values[i].expr, &env, &e->value_arena, &v, &why))
			v = (struct value){ .type = VAL_NULL };
		e->evaluating[i] = 0;
		e->values[i] = v;
		e->value_errors[i] = why;
		e->known[i] = e->generation;
	}
	if (engine_beyond_bounds(e->value_errors[i]) && e->too_large < 0)
		e->too_large = (int)i;
	if (err && e->value_errors[i])
		*err = e->value_errors[i];
	return e->values[i];
}

struct value engine_answer(struct engine *e, int step)
{
	return engine_env_get(e, step);
}

/*
 * Evaluate x (a condition or a rule of the wizard at line) with the answers now on the path; false with a
 * message for the person when the wizard's expression, or a value it reads, cannot be worked out.
 */
static bool engine_eval_at(struct engine *e, const struct expr *x, int line, struct value *out)
{
	struct expr_env env = { engine_env_get, e, &e->work, e->today, e->value_lang, engine_item_at_hand(e) };
	const char *err = NULL;
	e->too_large = -1;
	bool ok = expr_eval(x, &env, &e->scratch, out, &err);
	if (e->too_large >= 0) {	/* a value read was beyond the bounds: the result cannot be trusted */
		const struct derived *d = &e->w->values[e->too_large];
		engine_fail(e, _("This wizard cannot work out its value '%s' (line %d): %s. Please tell the "
				 "people who made it."), d->name, d->loc.line, e->value_errors[e->too_large]);
		return false;
	}
	if (!ok) {
		engine_fail(e, _("This wizard has an error at line %d: %s. Please tell the people who made it."),
			    line, err);
		return false;
	}
	return true;
}

/* The step the current one leads to with the answers now on the path, or -1 with a message. */
static int engine_next(struct engine *e)
{
	const struct step *s = &e->w->steps[engine_current(e)];
	for (size_t i = 0; i < s->nnext; i++) {
		const struct transition *t = &s->next[i];
		e->next_taken = (int)i;
		if (!t->when)
			return t->target;
		struct value v;
		if (!engine_eval_at(e, t->when, t->loc.line, &v))
			return -1;
		if (value_truthy(v))
			return t->target;
	}
	engine_fail(e, _("This wizard has no way on from here. Please tell the people who made it."));
	return -1;
}

/* Copy an answer, its strings and list its own (to is cleared first). */
static void engine_copy_answer(struct engine_answer *to, const struct engine_answer *from)
{
	engine_clear_answer(to);
	*to = (struct engine_answer){ .set = from->set, .v = from->v };
	if (from->owned) {
		to->owned = xstrdup(from->owned);
		to->v.u.s = to->owned;
	}
	if (from->list) {
		size_t n = from->v.u.list.n;
		to->list = xmalloc((n ? n : 1) * sizeof *to->list);
		memcpy(to->list, from->list, n * sizeof *to->list);
		to->v.u.list.items = to->list;
	}
}

/* The walk goes on from the current step: keep the answer given there and the transition taken. */
static void engine_keep_visit(struct engine *e)
{
	size_t i = e->nhist - 1, cap = e->capvisit;
	if (i >= cap) {
		util_grow((void **)&e->visit, &e->capvisit, i + 1, sizeof *e->visit);
		memset(e->visit + cap, 0, (e->capvisit - cap) * sizeof *e->visit);
		e->taken = xrealloc(e->taken, e->capvisit * sizeof *e->taken);
	}
	engine_copy_answer(&e->visit[i], &e->answers[engine_current(e)]);
	e->taken[i] = e->next_taken;
	e->next_taken = -1;
}
static void engine_group_enter(struct engine *e, int g, bool forward);

static bool engine_push(struct engine *e, int step)
{
	if (e->nhist >= ENGINE_MAX_PATH) {
		engine_fail(e, _("This wizard has gone on for too many steps. Please start over."));
		return false;
	}
	util_grow((void **)&e->history, &e->caphist, e->nhist + 1, sizeof *e->history);
	engine_keep_visit(e);
	e->history[e->nhist++] = step;
	e->on_path[step]++;
	engine_changed(e);
	if (e->w->steps[step].type == STEP_REPEAT)
		engine_group_enter(e, step, true);
	return true;
}

void engine_set_lang(struct engine *e, const struct i18n_lang *lang)
{
	if (!e)
		return;
	e->lang = lang ? lang : i18n_lang(e->w->language);
	e->value_lang = engine_lang_for(e->w, e->lang);
	e->generation++;	/* values that read text() or join() are written again */
}

const struct i18n_lang *engine_lang(const struct engine *e)
{
	return e->lang;
}

void engine_file_answers(struct engine *e)
{
	e->file_answers = true;
}

/* How numbers and dates are written: the way of the engine's language. */
static const struct i18n_style *engine_style(const struct engine *e)
{
	return &e->lang->style;
}

/* The decimal mark of a number that could be read either way ("2,500"): the language's, or a file's point. */
static char engine_read_mark(const struct engine *e)
{
	return e->file_answers ? '.' : e->lang->style.decimal;
}

/* A number for reading, as the language writes it: "40.000,5" in Danish, "40,000.5" in English. */
static const char *engine_number_text(struct engine *e, int64_t n)
{
	char plain[32], buf[128];
	value_num_format(n, plain, sizeof plain);
	return arena_strdup(&e->scratch, i18n_number(engine_style(e), plain, buf, sizeof buf));
}

/* Validation, one function per kind of answer.  Each fills out or sets a message and returns false. */

/* An empty answer: not answered (null) when the step allows it, else refused with why. */
static bool engine_empty(struct engine *e, const struct step *s, struct engine_answer *a, const char *why)
{
	if (s->required) {
		engine_fail(e, "%s", why);
		return false;
	}
	a->v.type = VAL_NULL;
	return true;
}

/* Refuse an answer of the wrong form: with the author's own words when the step has them. */
static void engine_refuse(struct engine *e, const struct step *s, const char *why)
{
	engine_fail(e, "%s", step_more(s)->message.msgid ? i18n_text(e->w->domain, step_more(s)->message.msgid) : why);
}


static bool engine_text(struct engine *e, const struct step *s, const char *in, struct engine_answer *a)
{
	char *t = text_answer(in ? in : "");
	if (!*t) {
		xfree_wiped(t);
		return engine_empty(e, s, a, _("Please write an answer."));
	}
	size_t len = u8_mbsnlen((const uint8_t *)t, strlen(t));
	if (len < s->min_length) {
		engine_fail(e, ngettext("Please write at least %zu character.", "Please write at least %zu characters.",
					s->min_length), (size_t)s->min_length);
		goto bad;
	}
	if (len > s->max_length) {
		engine_fail(e, ngettext("Please write at most %zu character.", "Please write at most %zu characters.",
					s->max_length), (size_t)s->max_length);
		goto bad;
	}
	if (step_more(s)->regex && regexec(step_more(s)->regex, t, 0, NULL, 0) != 0) {
		engine_refuse(e, s, _("The answer does not have the expected form."));
		goto bad;
	}
	a->owned = t;
	a->v = (struct value){ VAL_STR, { .s = t } };
	return true;
bad:
	xfree_wiped(t);
	return false;
}

/*
 * A number as people write it.  Digits may be grouped in threes by spaces, '.', ',' or an apostrophe
 * ("40 000", "40.000", "1,234,567"); one '.' or ',' that is not such a group mark is the decimal mark
 * ("2,5", "1.234,5").  With no decimals allowed, "40.000" is forty thousand; "2.5" is too precise, and so
 * is "0.500" (a first group of 0 is no group).  With decimals allowed, one mark before three digits is the
 * decimal mark when it is the language's ("2,500" in Danish, "2.500" in English), else a group mark.
 * Anything else is refused rather than guessed.
 */
static bool engine_parse_number(const char *in, int decimals, char decimal_mark, int64_t *out, bool *too_precise)
{
	*too_precise = false;
	/* split into digit groups and the separators between them */
	char digits[64];
	size_t nd = 0, groups[32], ngroups = 0, glen = 0;
	char seps[32];
	bool negative = false;
	const char *p = in;
	if (*p == '-' || *p == '+') {
		negative = *p == '-';
		p++;
	} else if (!strncmp(p, "\xE2\x88\x92", 3)) {	/* minus sign */
		negative = true;
		p += 3;
	}
	for (;;) {
		if (*p >= '0' && *p <= '9') {
			if (nd + 1 >= sizeof digits)
				return false;
			digits[nd++] = *p++;
			glen++;
			continue;
		}
		if (!glen || ngroups + 1 >= ARRAY_LEN(groups))
			return false;	/* a separator first, two in a row, or too many */
		groups[ngroups++] = glen;
		glen = 0;
		if (!*p)
			break;
		char sep = *p;
		if (!strncmp(p, "\xC2\xA0", 2) || !strncmp(p, "\xE2\x80\xAF", 3) || !strncmp(p, "\xE2\x80\x89", 3)) {
			sep = ' ';	/* no-break, narrow no-break and thin spaces group digits too */
			p += p[0] == '\xC2' ? 2 : 3;
		} else if (sep == ' ' || sep == '.' || sep == ',' || sep == '\'') {
			p++;
		} else {
			return false;
		}
		seps[ngroups - 1] = sep;
	}
	size_t nsep = ngroups - 1;
	/* the last separator is the decimal mark if it is '.' or ',' and is not one of the group marks */
	bool has_decimal = false;
	if (nsep && (seps[nsep - 1] == '.' || seps[nsep - 1] == ',')) {
		char last = seps[nsep - 1];
		bool used_before = false;
		for (size_t i = 0; i + 1 < nsep; i++)
			used_before |= seps[i] == last;
		bool zero = groups[0] == 1 && digits[0] == '0';
		has_decimal = !used_before && (nsep > 1 || groups[1] != 3 ||
					       (decimals > 0 && (last == decimal_mark || zero)));
	}
	size_t nint = has_decimal ? ngroups - 1 : ngroups;
	/* grouping: one kind of mark, a first group of 1 to 3 digits not starting with 0, then threes */
	for (size_t i = 1; i < nint; i++)
		if (groups[i] != 3 || seps[i - 1] != seps[0])
			return false;
	if (nint > 1 && (groups[0] > 3 || digits[0] == '0')) {
		*too_precise = decimals == 0 && nint == 2 && !has_decimal && (seps[0] == '.' || seps[0] == ',');
		return false;
	}
	size_t intdigits = 0;
	for (size_t i = 0; i < nint; i++)
		intdigits += groups[i];
	char clean[80];
	size_t c = 0;
	if (negative)
		clean[c++] = '-';
	memcpy(clean + c, digits, intdigits);
	c += intdigits;
	if (has_decimal) {
		size_t fraction = groups[ngroups - 1];
		if (fraction > (size_t)decimals) {
			*too_precise = true;
			return false;
		}
		clean[c++] = '.';
		memcpy(clean + c, digits + intdigits, fraction);
		c += fraction;
	}
	clean[c] = '\0';
	return value_num_parse(clean, out);
}

static bool engine_number(struct engine *e, const struct step *s, const char *in, struct engine_answer *a)
{
	char *t = text_digits(text_answer(in ? in : ""));
	bool empty = !*t;
	int64_t v = 0;
	bool too_precise = false;
	bool ok = !empty && engine_parse_number(t, s->decimals, engine_read_mark(e), &v, &too_precise);
	xfree_wiped(t);
	if (empty)
		return engine_empty(e, s, a, _("Please write a number."));
	if (!ok) {
		char why[128];
		if (too_precise && s->decimals == 0)
			snprintf(why, sizeof why, "%s", _("Please write a whole number."));
		else if (too_precise)
			snprintf(why, sizeof why, ngettext("Please use at most %d decimal.", "Please use at most %d decimals.",
							   (unsigned long)s->decimals), s->decimals);
		else
			snprintf(why, sizeof why, "%s", _("Please write a number using only digits, such as 40000."));
		engine_refuse(e, s, why);
		return false;
	}
	if (s->has_min && v < s->min) {
		engine_fail(e, _("The number must be at least %s."), engine_number_text(e, s->min));
		return false;
	}
	if (s->has_max && v > s->max) {
		engine_fail(e, _("The number must be at most %s."), engine_number_text(e, s->max));
		return false;
	}
	a->v = (struct value){ VAL_NUM, { .n = v } };
	return true;
}

/* A date as "2025-02-27", "27-02-2025", "27.02.2025", "27/2/2025" (date_parse), within the step's limits. */
static bool engine_date(struct engine *e, const struct step *s, const char *in, struct engine_answer *a)
{
	char *t = text_digits(text_answer(in ? in : ""));
	char iso[32];
	bool empty = !*t, ok = !empty && date_parse(t, iso);
	xfree_wiped(t);
	if (empty)
		return engine_empty(e, s, a, _("Please write a date."));
	if (!ok) {
		char why[160], example[16];
		char sep = engine_style(e)->date_sep;
		snprintf(example, sizeof example, "27%c02%c2025", sep, sep);
		snprintf(why, sizeof why, _("Please write a real date with the day first, such as %s."), example);
		engine_refuse(e, s, why);
		return false;
	}
	if (step_more(s)->min_date && strcmp(iso, step_more(s)->min_date) < 0) {
		engine_fail(e, _("The date must be on or after %s."), engine_value_text(e, s, (struct value){
			VAL_STR, { .s = step_more(s)->min_date } }));
		return false;
	}
	if (step_more(s)->max_date && strcmp(iso, step_more(s)->max_date) > 0) {
		engine_fail(e, _("The date must be on or before %s."), engine_value_text(e, s, (struct value){
			VAL_STR, { .s = step_more(s)->max_date } }));
		return false;
	}
	a->owned = xstrdup(iso);
	a->v = (struct value){ VAL_STR, { .s = a->owned } };
	return true;
}

static bool engine_choice(struct engine *e, const struct step *s, const struct answer_input *in,
			  struct engine_answer *a)
{
	const char *v = in && !in->is_list ? in->text : NULL;
	if (in && in->is_list && in->nitems == 1)
		v = in->items[0];
	if (!v || !*v)
		return engine_empty(e, s, a, _("Please choose one of the options."));
	int i = step_choice_index(s, v);
	if (i < 0) {
		engine_fail(e, _("'%s' is not one of the options."), v);
		return false;
	}
	a->v = (struct value){ VAL_STR, { .s = s->choices[i].value } };
	return true;
}

static bool engine_multi(struct engine *e, const struct step *s, const struct answer_input *in,
			 struct engine_answer *a)
{
	const char *one = in && !in->is_list ? in->text : NULL;
	size_t n = in ? (in->is_list ? in->nitems : one != NULL) : 0;
	bool *picked = xcalloc(s->nchoices ? s->nchoices : 1, sizeof *picked);
	size_t count = 0;
	for (size_t k = 0; k < n; k++) {
		const char *v = in->is_list ? in->items[k] : one;
		int i = step_choice_index(s, v);
		if (i < 0) {
			engine_fail(e, _("'%s' is not one of the options."), v);
			free(picked);
			return false;
		}
		count += !picked[i];
		picked[i] = true;
	}
	/* not required: choosing nothing is an answer; otherwise at least min, or one */
	size_t min = count == 0 && !s->required ? 0 : s->has_min ? (size_t)s->min : 1;
	if (count < min) {
		engine_fail(e, ngettext("Please choose at least %zu option.", "Please choose at least %zu options.", min),
			    min);
		free(picked);
		return false;
	}
	if (s->has_max && count > (size_t)s->max) {
		engine_fail(e, ngettext("Please choose at most %zu option.", "Please choose at most %zu options.",
					(size_t)s->max), (size_t)s->max);
		free(picked);
		return false;
	}
	/* in the order of the choices, whatever the order given */
	a->list = xmalloc((count ? count : 1) * sizeof *a->list);
	size_t k = 0;
	for (size_t i = 0; i < s->nchoices; i++)
		if (picked[i])
			a->list[k++] = (struct value){ VAL_STR, { .s = s->choices[i].value } };
	free(picked);
	a->v = (struct value){ VAL_LIST, { .list = { a->list, count } } };
	return true;
}

/* Yes or no in the words of any language trin knows (i18n_yes_no), so an answer means one thing in all. */
static bool engine_yesno(struct engine *e, const struct step *s, const char *in, struct engine_answer *a)
{
	char *t = text_answer(in ? in : "");
	int answer = i18n_yes_no(t);
	bool empty = !*t;
	xfree_wiped(t);
	if (empty && !s->required) {
		a->v.type = VAL_NULL;
		return true;
	}
	if (answer < 0) {
		engine_fail(e, _("Please answer yes or no."));
		return false;
	}
	a->v = (struct value){ VAL_BOOL, { .b = answer == 1 } };
	return true;
}

/* The first choice in answer v of step s that is not offered now (its 'when' does not hold), or NULL. */
static const char *engine_hidden(struct engine *e, const struct step *s, struct value v)
{
	if (!kind_of(s->type)->choices)
		return NULL;
	size_t n = v.type == VAL_LIST ? v.u.list.n : v.type == VAL_STR;
	for (size_t k = 0; k < n; k++) {
		struct value item = v.type == VAL_LIST ? v.u.list.items[k] : v;
		int i = item.type == VAL_STR ? step_choice_index(s, item.u.s) : -1;
		if (i >= 0 && !engine_holds(e, s->choices[i].when))
			return item.u.s;
	}
	return NULL;
}

static bool engine_validate(struct engine *e, const struct step *s, const struct answer_input *in,
			    struct engine_answer *a)
{
	const char *text = in && !in->is_list ? in->text : NULL;
	if (in && in->is_list && !kind_of(s->type)->choices) {
		engine_fail(e, _("Please give one answer, not a list."));
		return false;
	}
	switch (s->type) {
	case STEP_CHOICE:
		return engine_choice(e, s, in, a);
	case STEP_MULTI:
		return engine_multi(e, s, in, a);
	case STEP_YESNO:
		return engine_yesno(e, s, text, a);
	case STEP_TEXT:
		return engine_text(e, s, text, a);
	case STEP_NUMBER:
		return engine_number(e, s, text, a);
	case STEP_DATE:
		return engine_date(e, s, text, a);
	case STEP_REPEAT:	/* answered through its own steps (engine_group_submit), never at once */
		return false;
	case STEP_INFO:
	case STEP_REVIEW:
	case STEP_END:
		return true;
	}
	return true;
}

/* Refuse with text as it is, cut at a character if it is longer than the message can hold. */
static void engine_fail_text(struct engine *e, const char *text)
{
	size_t n = strlen(text);
	if (n >= sizeof e->message) {
		n = sizeof e->message - 1;
		while (n && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(e->message, text, n);
	e->message[n] = '\0';
	e->has_message = true;
}

/* Answer v of number or date step s against limit lim (max when is_max) worked out at line; null is none. */
static bool engine_bound(struct engine *e, const struct step *s, struct value v, struct value lim, bool is_max,
			 int line)
{
	const char *wrong = NULL;
	if (lim.type == VAL_NULL)
		return true;
	if (s->type == STEP_NUMBER && lim.type != VAL_NUM)
		wrong = is_max ? "'max' is not a number" : "'min' is not a number";
	else if (s->type == STEP_DATE && (lim.type != VAL_STR || !util_date_iso(lim.u.s)))
		wrong = is_max ? "'max' is not a date" : "'min' is not a date";
	if (wrong) {
		engine_fail(e, _("This wizard has an error at line %d: %s. Please tell the people who made it."), line,
			    wrong);
		return false;
	}
	int cmp = s->type == STEP_NUMBER ? (v.u.n > lim.u.n) - (v.u.n < lim.u.n) : strcmp(v.u.s, lim.u.s);
	if (is_max ? cmp <= 0 : cmp >= 0)
		return true;
	if (s->type == STEP_NUMBER)
		engine_fail(e, is_max ? _("The number must be at most %s.") : _("The number must be at least %s."),
			    engine_number_text(e, lim.u.n));
	else
		engine_fail(e, is_max ? _("The date must be on or before %s.") : _("The date must be on or after %s."),
			    engine_value_text(e, s, lim));
	return false;
}

/*
 * Answer v of step s (set: on the path, or in the item at hand of a group) against the step's limits written
 * as expressions and its checks, which see it under the step's id; false with the message that refuses it.
 * An empty answer (not answered) has nothing to check.
 */
static bool engine_rules_of(struct engine *e, const struct step *s, struct value v)
{
	const struct step_more *more = step_more(s);
	if (v.type == VAL_NULL || (!more->nchecks && !more->min_expr.expr && !more->max_expr.expr))
		return true;
	const struct step_bound *bounds[] = { &more->min_expr, &more->max_expr };
	for (size_t k = 0; k < ARRAY_LEN(bounds); k++) {
		struct value lim;
		if (bounds[k]->expr && (!engine_eval_at(e, bounds[k]->expr, bounds[k]->loc.line, &lim) ||
					!engine_bound(e, s, v, lim, k == 1, bounds[k]->loc.line)))
			return false;
	}
	for (size_t k = 0; k < step_more(s)->nchecks; k++) {
		struct value ok;
		if (!step_more(s)->checks[k].valid)	/* only in a wizard loaded with errors */
			continue;
		if (!engine_eval_at(e, step_more(s)->checks[k].valid, step_more(s)->checks[k].loc.line, &ok))
			return false;
		if (!value_truthy(ok)) {
			engine_fail_text(e, engine_show_text(e, &step_more(s)->checks[k].message, NULL));
			return false;
		}
	}
	return true;
}

/* The rules of step at of the wizard, for its answer now. */
static bool engine_rules(struct engine *e, int at)
{
	return engine_rules_of(e, &e->w->steps[at], e->answers[at].v);
}

/* Back at the review after a change: which of the answers that counted when it began no longer do. */
static void engine_note_dropped(struct engine *e)
{
	e->ndropped = 0;
	for (size_t i = 0; i < e->ncounted; i++) {
		int k = e->counted[i];
		struct value v = e->answers[k].v;	/* left empty (a multi with nothing ticked) is nothing lost */
		if (!e->on_path[k] && e->answers[k].set && v.type != VAL_NULL && (v.type != VAL_LIST || v.u.list.n))
			e->dropped[e->ndropped++] = k;
	}
	e->ncounted = 0;
}

/* Move on from the current step; when revising, skip forward over steps that keep their answers. */
static bool engine_advance(struct engine *e)
{
	for (;;) {
		int next = engine_next(e);
		if (next < 0 || !engine_push(e, next))
			return false;
		if (e->review < 0)
			return true;
		if (next == e->review) {
			e->review = -1;
			engine_note_dropped(e);
			return true;
		}
		const struct step *s = &e->w->steps[next];
		if (s->type == STEP_END || s->type == STEP_REVIEW || (step_takes_answer(s->type) && !e->answers[next].set) ||
		    (e->answers[next].set && engine_hidden(e, s, e->answers[next].v)))
			return true;
		if (!engine_rules(e, next))	/* a change made its answer wrong: the person sees why */
			return true;
	}
}

/* Drop the steps a failed advance pushed (a revision may skip many before it fails). */
static void engine_truncate(struct engine *e, size_t nhist)
{
	while (e->nhist > nhist)
		e->on_path[e->history[--e->nhist]]--;
	engine_changed(e);
}

/*
 * Repeated groups (repeat.h).  A group is one step on the path; inside it the engine keeps where the
 * person is (the item, and the group's step or its add question) and every item given, in cells of
 * engine_answer as the steps' answers are kept.  The group's answer (answers[g]) is rebuilt from the cells
 * each time they change, so that it never points at a freed string; it counts the items up to nitems.
 */
struct engine_group {
	struct engine_answer *cells;	/* cells[item * ninner + j]: the answer of the group's step j */
	size_t capcells;
	size_t nitems;		/* the items the answer holds */
	size_t nkept;		/* the items given, nitems or more: those beyond are kept for pre-filling */
	size_t item, at;	/* where the person is: the item, and its step (ninner: the add question) */
	bool once;		/* changing or adding one item from the review: after it, back there */
};

/* The state of group g, made on first use. */
static struct engine_group *engine_group(struct engine *e, int g)
{
	if (!e->groups)
		e->groups = xcalloc(e->w->nsteps, sizeof *e->groups);
	return &e->groups[g];
}

/* The cell of the group's step j in item k, with room made for item k. */
static struct engine_answer *engine_cell(struct engine *e, int g, size_t k, size_t j)
{
	size_t m = step_more(&e->w->steps[g])->ninner;
	struct engine_group *gr = engine_group(e, g);
	if ((k + 1) * m > gr->capcells) {	/* k is below the group's max, so this is bounded */
		size_t was = gr->capcells;
		util_grow((void **)&gr->cells, &gr->capcells, (k + 1) * m, sizeof *gr->cells);
		memset(gr->cells + was, 0, (gr->capcells - was) * sizeof *gr->cells);
	}
	return &gr->cells[k * m + j];
}

/*
 * In a group, the item the person is at as the expressions of the group's steps read it: a list of its
 * steps' answers, in the scratch arena.  NULL elsewhere.
 */
static const struct value *engine_item_at_hand(struct engine *e)
{
	if (!e->nhist || !e->groups)
		return NULL;
	int g = engine_current(e);
	const struct step *s = &e->w->steps[g];
	if (s->type != STEP_REPEAT)
		return NULL;
	size_t ninner = step_more(s)->ninner;
	struct value *cells = arena_alloc(&e->scratch, (ninner ? ninner : 1) * sizeof *cells);
	for (size_t j = 0; j < step_more(s)->ninner; j++) {
		const struct engine_answer *c = engine_cell(e, g, e->groups[g].item, j);
		cells[j] = c->set ? c->v : (struct value){ .type = VAL_NULL };
	}
	struct value *item = arena_alloc(&e->scratch, sizeof *item);
	*item = (struct value){ VAL_LIST, { .list = { cells, step_more(s)->ninner } } };
	return item;
}

/* Rebuild the answer of group g from its cells: a list of nitems items, each a list of ninner answers. */
static void engine_group_store(struct engine *e, int g)
{
	const struct step *s = &e->w->steps[g];
	struct engine_group *gr = engine_group(e, g);
	engine_clear_answer(&e->answers[g]);
	if (!gr->nitems)
		return;
	size_t n = gr->nitems, m = step_more(s)->ninner;
	struct value *list = xcalloc(n + n * m, sizeof *list);
	for (size_t k = 0; k < n; k++) {
		for (size_t j = 0; j < m; j++) {
			const struct engine_answer *c = engine_cell(e, g, k, j);
			list[n + k * m + j] = c->set ? c->v : (struct value){ .type = VAL_NULL };
		}
		list[k] = (struct value){ VAL_LIST, { .list = { list + n + k * m, m } } };
	}
	e->answers[g] = (struct engine_answer){ .set = true, .list = list,
						.v = { VAL_LIST, { .list = { list, n } } } };
	engine_changed(e);
}

/* Arriving at group g: forward, at its first item's first step; back, at the last of its last item. */
static void engine_group_enter(struct engine *e, int g, bool forward)
{
	const struct step *s = &e->w->steps[g];
	struct engine_group *gr = engine_group(e, g);
	gr->once = false;
	if (forward || !gr->nitems) {
		gr->item = gr->at = 0;
		return;
	}
	gr->item = gr->nitems - 1;
	gr->at = gr->nitems >= repeat_max(s) ? step_more(s)->ninner - 1 : step_more(s)->ninner;
}

/* Leave group g with nitems items: its answer holds them, and the way goes on (false: it does not). */
static bool engine_group_leave(struct engine *e, int g, size_t nitems)
{
	struct engine_group *gr = engine_group(e, g);
	size_t was = gr->nitems, nhist = e->nhist;
	gr->nitems = nitems;
	gr->once = false;
	engine_group_store(e, g);
	if (engine_advance(e))
		return true;
	engine_truncate(e, nhist);
	gr->nitems = was;
	engine_group_store(e, g);
	return false;
}

/* An answer to group g's step (or add question) where the person is; see engine_submit. */
static bool engine_group_submit(struct engine *e, int g, const struct answer_input *in)
{
	const struct step *s = &e->w->steps[g];
	struct engine_group *gr = engine_group(e, g);
	const struct step *q = gr->at < step_more(s)->ninner ? &step_more(s)->inner[gr->at] : step_more(s)->add;
	struct engine_answer a = { 0 };
	if (step_takes_answer(q->type)) {
		bool valid = engine_validate(e, q, in, &a);
		util_wipe_stack();
		if (!valid) {
			engine_clear_answer(&a);
			return false;
		}
		a.set = true;
	}
	if (gr->at == step_more(s)->ninner) {	/* the add question */
		if (!a.v.u.b)
			return engine_group_leave(e, g, gr->item + 1);
		gr->item++;
		gr->at = 0;
		return true;
	}
	const char *hidden = engine_hidden(e, q, a.v);
	if (hidden) {	/* not shown, so not one of the options the person has */
		engine_fail(e, _("'%s' is not one of the options."), hidden);
		engine_clear_answer(&a);
		return false;
	}
	struct engine_answer *c = engine_cell(e, g, gr->item, gr->at), old = *c;
	*c = a;	/* the rules read it in the item at hand */
	if (!engine_rules_of(e, q, a.v)) {
		*c = old;
		engine_clear_answer(&a);
		return false;
	}
	engine_clear_answer(&old);
	if (gr->item >= gr->nkept)
		gr->nkept = gr->item + 1;
	engine_group_store(e, g);
	if (++gr->at < step_more(s)->ninner)
		return true;
	size_t count = gr->item + 1;	/* the item is whole */
	if (gr->once)
		return engine_group_leave(e, g, count > gr->nitems ? count : gr->nitems);
	if (count >= repeat_max(s))
		return engine_group_leave(e, g, count);
	if (count < repeat_min(s)) {	/* more are needed: no question */
		gr->item++;
		gr->at = 0;
	}
	return true;
}

/* Back inside the group the person is at; false when at its very first step (back leaves it). */
static bool engine_group_back(struct engine *e)
{
	int g = engine_current(e);
	const struct step *s = &e->w->steps[g];
	if (s->type != STEP_REPEAT)
		return false;
	struct engine_group *gr = engine_group(e, g);
	if (gr->at > 0) {
		gr->at--;
		return true;
	}
	if (gr->item == 0 || gr->once)
		return false;
	gr->item--;
	gr->at = gr->item + 1 < repeat_min(s) ? step_more(s)->ninner - 1 : step_more(s)->ninner;
	return true;
}

/* Forget every item of every group, wiping them. */
static void engine_group_free(struct engine *e)
{
	for (size_t g = 0; e->groups && g < e->w->nsteps; g++) {
		struct engine_group *gr = &e->groups[g];
		for (size_t k = 0; k < gr->capcells; k++)
			engine_clear_answer(&gr->cells[k]);
		free(gr->cells);
	}
	free(e->groups);
}

bool engine_revise_item(struct engine *e, int g, size_t item)
{
	if (g < 0 || (size_t)g >= e->w->nsteps || e->w->steps[g].type != STEP_REPEAT)
		return false;
	struct engine_group *gr = engine_group(e, g);
	if (item > gr->nitems || item >= repeat_max(&e->w->steps[g]) || !engine_revise(e, g))
		return false;
	gr->item = item;
	gr->at = 0;
	gr->once = true;
	return true;
}

bool engine_remove_item(struct engine *e, int g, size_t item)
{
	if (g < 0 || (size_t)g >= e->w->nsteps || e->w->steps[g].type != STEP_REPEAT)
		return false;
	const struct step *s = &e->w->steps[g];
	struct engine_group *gr = engine_group(e, g);
	if (item >= gr->nitems)
		return false;
	e->has_message = false;
	if (gr->nitems <= repeat_min(s)) {
		engine_fail(e, ngettext("This cannot be removed: at least %zu is needed.",
					"This cannot be removed: at least %zu are needed.", repeat_min(s)), repeat_min(s));
		return false;
	}
	if (!engine_revise(e, g))
		return false;
	size_t m = step_more(s)->ninner;
	for (size_t j = 0; j < m; j++)
		engine_clear_answer(engine_cell(e, g, item, j));
	memmove(&gr->cells[item * m], &gr->cells[(item + 1) * m], (gr->nkept - item - 1) * m * sizeof *gr->cells);
	memset(&gr->cells[(gr->nkept - 1) * m], 0, m * sizeof *gr->cells);
	gr->nkept--;
	return engine_group_leave(e, g, gr->nitems - 1);	/* false: the person is at the group, told why */
}

struct value engine_item(struct engine *e, int g, size_t item, size_t j)
{
	if (g < 0 || (size_t)g >= e->w->nsteps || j >= step_more(&e->w->steps[g])->ninner || !e->groups ||
	    (item + 1) * step_more(&e->w->steps[g])->ninner > e->groups[g].capcells)
		return (struct value){ .type = VAL_NULL };
	const struct engine_answer *c = engine_cell(e, g, item, j);
	return c->set ? c->v : (struct value){ .type = VAL_NULL };
}

/*
 * Progress through groups: each item counts its steps and an add question, so that every place inside a
 * group has a position of its own (a frontend shows a new step when the position changes).  The most
 * steps left count the items the group at hand may still have; a group ahead counts as one step.
 */
static void engine_group_progress(struct engine *e, struct engine_view *v)
{
	size_t extra = 0;
	for (size_t i = 0; e->groups && i + 1 < e->nhist; i++) {
		int g = e->history[i];
		size_t n = e->groups[g].nitems, m = step_more(&e->w->steps[g])->ninner;
		if (e->w->steps[g].type == STEP_REPEAT && n)
			extra += n * (m + 1) - 1;
	}
	size_t more = 0;
	if (v->group) {
		const struct engine_group *gr = &e->groups[v->index];
		size_t m = step_more(v->group)->ninner;
		extra += gr->item * (m + 1) + gr->at;
		more = (repeat_max(v->group) - 1 - gr->item) * (m + 1) + m - gr->at;
	}
	v->position += extra;
	if (v->total_max) {
		v->total_min += extra;
		v->total_max += extra + more;
	}
}

/* Where the person is in group g for a view: the step shown, its remembered answer, the item. */
static void engine_group_view(struct engine *e, int g, struct engine_view *v)
{
	const struct step *s = &e->w->steps[g];
	struct engine_group *gr = engine_group(e, g);
	v->group = s;
	v->item = gr->item + 1;
	v->nitems = gr->nitems;
	v->can_back = v->can_back || gr->at > 0 || gr->item > 0;
	if (gr->at < step_more(s)->ninner) {
		const struct engine_answer *c = engine_cell(e, g, gr->item, gr->at);
		v->step = &step_more(s)->inner[gr->at];
		v->answered = c->set;
		v->prefill = c->set ? c->v : (struct value){ .type = VAL_NULL };
		return;
	}
	v->step = step_more(s)->add;	/* yes when more were given before; no when the person stopped here */
	v->answered = gr->nkept > gr->item + 1 || gr->nitems == gr->item + 1;
	v->prefill = v->answered ? (struct value){ VAL_BOOL, { .b = gr->nkept > gr->item + 1 } }
				 : (struct value){ .type = VAL_NULL };
}

bool engine_submit(struct engine *e, const struct answer_input *in)
{
	int cur = engine_current(e);
	const struct step *s = &e->w->steps[cur];
	size_t nhist = e->nhist;
	e->has_message = false;
	e->ndropped = 0;
	arena_free(&e->scratch);
	e->work = EXPR_MAX_WORK;
	if (s->type == STEP_END)
		return false;
	if (s->type == STEP_REPEAT)
		return engine_group_submit(e, cur, in);
	if (step_takes_answer(s->type)) {
		struct engine_answer a = { 0 };
		bool valid = engine_validate(e, s, in, &a);
		util_wipe_stack();	/* the parsers' copies of what was typed */
		const char *hidden = valid ? engine_hidden(e, s, a.v) : NULL;
		if (hidden) {	/* not shown, so not one of the options the person has */
			engine_fail(e, _("'%s' is not one of the options."), hidden);
			valid = false;
		}
		if (!valid) {
			engine_clear_answer(&a);
			return false;
		}
		a.set = true;
		struct engine_answer old = e->answers[cur];
		e->answers[cur] = a;
		engine_changed(e);
		if (!engine_rules(e, cur) || !engine_advance(e)) {
			engine_truncate(e, nhist);	/* nothing changes when the way on fails */
			e->answers[cur] = old;
			engine_changed(e);
			engine_clear_answer(&a);
			return false;
		}
		engine_clear_answer(&old);
		return true;
	}
	if (!engine_advance(e)) {
		engine_truncate(e, nhist);
		return false;
	}
	return true;
}

bool engine_back(struct engine *e)
{
	e->has_message = false;
	e->ndropped = 0;
	arena_free(&e->scratch);
	e->work = EXPR_MAX_WORK;
	if (engine_group_back(e))
		return true;
	if (e->nhist <= 1)
		return false;
	e->on_path[engine_current(e)]--;
	e->nhist--;
	engine_changed(e);
	if (e->w->steps[engine_current(e)].type == STEP_REPEAT)
		engine_group_enter(e, engine_current(e), false);
	return true;
}

bool engine_revise(struct engine *e, int step)
{
	int cur = engine_current(e);
	if (e->w->steps[cur].type != STEP_REVIEW || step < 0 || (size_t)step >= e->w->nsteps)
		return false;
	size_t at = e->nhist;
	for (size_t i = 0; i + 1 < e->nhist; i++)
		if (e->history[i] == step)
			at = i;
	if (at == e->nhist)
		return false;
	if (!e->counted) {
		e->counted = xmalloc(e->w->nsteps * sizeof *e->counted);
		e->dropped = xmalloc(e->w->nsteps * sizeof *e->dropped);
	}
	e->ncounted = 0;
	bool *seen = xcalloc(e->w->nsteps, sizeof *seen);	/* each step once, though a loop may pass it again */
	for (size_t i = 0; i + 1 < e->nhist; i++) {
		int k = e->history[i];
		if (step_takes_answer(e->w->steps[k].type) && e->answers[k].set && !seen[k])
			e->counted[e->ncounted++] = k;
		seen[k] = true;
	}
	free(seen);
	while (e->nhist > at + 1)
		engine_back(e);
	e->review = cur;
	return true;
}

/*
 * An answer as a person would type it again at step s: the input that gives value v.  Of a multi answer,
 * the options s still has (one taken away is unticked, the others stay).
 */
static void engine_input(const struct engine *e, const struct step *s, struct value v, char *buf, size_t size,
			 struct answer_input *in)
{
	*in = (struct answer_input){ .text = "" };
	switch (v.type) {
	case VAL_STR:
		in->text = v.u.s;	/* a text, a choice, an ISO date */
		break;
	case VAL_BOOL:
		in->text = v.u.b ? "true" : "false";
		break;
	case VAL_NUM: {	/* with the decimal mark the number is read with */
		char *dot = strchr(in->text = value_num_format(v.u.n, buf, size), '.');
		if (dot)
			*dot = engine_read_mark(e);
		break;
	}
	case VAL_LIST:
		in->is_list = true;
		in->items = xcalloc(v.u.list.n ? v.u.list.n : 1, sizeof *in->items);
		for (size_t i = 0; i < v.u.list.n; i++) {
			const char *item = v.u.list.items[i].type == VAL_STR ? v.u.list.items[i].u.s : "";
			if (s->type != STEP_MULTI || step_choice_index(s, item) >= 0)
				in->items[in->nitems++] = item;
		}
		break;
	default:
		break;
	}
}

/*
 * Carry the items of group i of from over to group g of e: each answer given again at the step of g with
 * the same id and type, where it still fits; items beyond g's max are left behind.
 */
static void engine_group_follow(struct engine *e, int g, const struct engine *from, int i)
{
	const struct step *s = &e->w->steps[g], *fs = &from->w->steps[i];
	const struct engine_group *fg = &from->groups[i];
	struct engine_group *gr = engine_group(e, g);
	size_t n = fg->nkept < repeat_max(s) ? fg->nkept : repeat_max(s);
	for (size_t k = 0; k < n; k++)
		for (size_t j = 0; j < step_more(s)->ninner; j++) {
			int fj = repeat_inner_index(fs, step_more(s)->inner[j].id);
			size_t fn = step_more(fs)->ninner;
			const struct engine_answer *c = fj < 0 ? NULL : &fg->cells[k * fn + (size_t)fj];
			if (!c || !c->set || step_more(fs)->inner[fj].type != step_more(s)->inner[j].type)
				continue;
			char buf[64];
			struct answer_input in;
			struct engine_answer a = { 0 };
			engine_input(e, &step_more(s)->inner[j], c->v, buf, sizeof buf, &in);
			a.set = engine_validate(e, &step_more(s)->inner[j], &in, &a);
			free(in.items);
			engine_clear_answer(engine_cell(e, g, k, j));
			if (a.set)
				*engine_cell(e, g, k, j) = a;
			else
				engine_clear_answer(&a);
		}
	gr->nkept = n;
	gr->nitems = fg->nitems < n ? fg->nitems : n;
	if (gr->nitems && gr->nitems < repeat_min(s))
		gr->nitems = 0;	/* fewer than the changed group needs: asked again */
	engine_group_store(e, g);
}

bool engine_follow(struct engine *e, const struct engine *from)
{
	const struct wizard *fw = from->w, *w = e->w;
	for (size_t i = 0; i < fw->nsteps; i++) {
		int j = from->answers[i].set ? wizard_step_index(w, fw->steps[i].id) : -1;
		if (j < 0 || w->steps[j].type != fw->steps[i].type)
			continue;
		if (w->steps[j].type == STEP_REPEAT) {
			engine_group_follow(e, j, from, (int)i);
			continue;
		}
		char buf[64];
		struct answer_input in;
		struct engine_answer a = { 0 };
		engine_input(e, &w->steps[j], from->answers[i].v, buf, sizeof buf, &in);
		if (engine_validate(e, &w->steps[j], &in, &a)) {
			engine_clear_answer(&e->answers[j]);
			a.set = true;
			e->answers[j] = a;
			engine_changed(e);
		} else {
			engine_clear_answer(&a);
		}
		free(in.items);
	}
	e->has_message = false;
	arena_free(&e->scratch);
	e->work = EXPR_MAX_WORK;
	const char *at = fw->steps[engine_current(from)].id;
	for (size_t n = 0; n < from->nhist; n++) {
		int cur = engine_current(e);
		const struct step *s = &w->steps[cur];
		if (strcmp(s->id, at) == 0)
			return true;
		int k = wizard_step_index(fw, s->id);
		if (s->type == STEP_END || k < 0 || !from->on_path[k] ||
		    (step_takes_answer(s->type) && !e->answers[cur].set) ||
		    (e->answers[cur].set && engine_hidden(e, s, e->answers[cur].v)))
			return false;
		if (step_takes_answer(s->type) && !engine_rules(e, cur))
			return false;	/* the changed wizard refuses its answer: the person sees why */
		size_t nhist = e->nhist;
		if (!engine_advance(e)) {
			engine_truncate(e, nhist);
			e->has_message = false;
			return false;
		}
		const struct step *to = &w->steps[engine_current(e)];
		int was = wizard_step_index(fw, to->id);
		if (to->type == STEP_END && strcmp(to->id, at) != 0 && (was < 0 || !from->on_path[was])) {
			engine_truncate(e, nhist);	/* an end the person has not reached: they say when */
			return false;
		}
	}
	return false;
}

bool engine_done(const struct engine *e)
{
	return e->w->steps[engine_current(e)].type == STEP_END;
}

bool engine_check(const struct engine *e, const char **why)
{
	const struct wizard *w = e->w;
	size_t n = w->nsteps;
	*why = NULL;
	if (e->nhist < 1 || e->nhist > e->caphist || e->nhist > ENGINE_MAX_PATH)
		*why = "the path is empty or longer than its storage";
	else if (e->history[0] != w->start)
		*why = "the path does not begin at the start step";
	unsigned *count = xcalloc(n ? n : 1, sizeof *count);
	for (size_t i = 0; !*why && i < e->nhist; i++) {
		int s = e->history[i];
		if (s < 0 || (size_t)s >= n) {
			*why = "a step on the path is out of range";
			break;
		}
		count[s]++;
		const struct step *st = &w->steps[s];
		if (i + 1 < e->nhist) {
			bool linked = false;
			for (size_t j = 0; j < st->nnext && !linked; j++)
				linked = st->next[j].target == e->history[i + 1];
			if (!linked)
				*why = "two steps follow each other on the path with no transition between them";
			else if (st->type == STEP_END)
				*why = "the path goes on after an end step";
			else if (step_takes_answer(st->type) && !e->answers[s].set)
				*why = "a step passed on the path has no answer";
		}
	}
	for (size_t i = 0; !*why && i < n; i++) {
		if (count[i] != e->on_path[i])
			*why = "on_path does not count the steps on the path";
		else if (e->answers[i].set && !step_takes_answer(w->steps[i].type))
			*why = "a step that takes no answer has one";
		else if (e->answers[i].set && !kind_value_fits(w->steps[i].type, e->answers[i].v))
			*why = "an answer's value does not fit its step type";
		else if (!e->answers[i].set && (e->answers[i].owned || e->answers[i].list))
			*why = "an answer not set still holds memory";
	}
	for (size_t i = 0; !*why && i < w->nvalues; i++)
		if (e->evaluating[i])
			*why = "a derived value is marked as being evaluated outside an evaluation";
	if (!*why && e->review >= 0 && ((size_t)e->review >= n || w->steps[e->review].type != STEP_REVIEW))
		*why = "the step to return to is not a review step";
	for (size_t g = 0; !*why && e->groups && g < n; g++) {	/* repeated groups: within their bounds */
		const struct engine_group *gr = &e->groups[g];
		size_t max = w->steps[g].type == STEP_REPEAT ? repeat_max(&w->steps[g]) : 0;
		size_t ninner = step_more(&w->steps[g])->ninner;
		if (gr->nitems > max || gr->nitems > gr->nkept || gr->nkept > max || (max && gr->item >= max) ||
		    gr->at > ninner || gr->capcells > 2 * max * ninner + 8)
			*why = "a repeated group is beyond its bounds";
		else if (max && e->answers[g].set != (gr->nitems > 0))
			*why = "a repeated group's answer does not hold its items";
		else if (max && e->answers[g].set && e->answers[g].v.u.list.n != gr->nitems)
			*why = "a repeated group's answer does not hold its items";
	}
	free(count);
	return *why == NULL;
}

const int *engine_path(const struct engine *e, size_t *n)
{
	*n = e->nhist;
	return e->history;
}

void engine_forget_formatted(struct engine *e)
{
	arena_free(&e->scratch);
}

void engine_view(struct engine *e, struct engine_view *v)
{
	arena_free(&e->scratch);	/* a new view: what was formatted for the last one is done with */
	int cur = engine_current(e);
	const struct step *s = &e->w->steps[cur];
	*v = (struct engine_view){ 0 };
	v->step = s;
	v->index = cur;
	v->position = e->nhist;
	/* count the steps before this one that are not end steps, and this one */
	size_t done = e->nhist - (s->type == STEP_END);
	if (!e->min_rest) {	/* worked out once a step is shown: laying pages out without progress needs none */
		e->min_rest = xmalloc(e->w->nsteps * sizeof *e->min_rest);
		e->max_rest = xmalloc(e->w->nsteps * sizeof *e->max_rest);
		engine_min_rest(e);
		engine_max_rest(e);
	}
	if (e->min_rest[cur] != ENGINE_UNREACHABLE) {
		v->total_min = done + e->min_rest[cur];
		v->total_max = done + e->max_rest[cur];
	}
	v->can_back = e->nhist > 1;
	v->revising = e->review >= 0;
	v->answered = e->answers[cur].set;
	v->prefill = e->answers[cur].set ? e->answers[cur].v : (struct value){ .type = VAL_NULL };
	if (s->type == STEP_CHOICE && v->answered && engine_hidden(e, s, v->prefill)) {	/* no longer offered */
		v->answered = false;
		v->prefill = (struct value){ .type = VAL_NULL };
	}
	v->message = e->has_message ? e->message : NULL;
	v->dropped = e->dropped;
	v->ndropped = s->type == STEP_REVIEW ? e->ndropped : 0;
	if (s->type == STEP_REPEAT)
		engine_group_view(e, cur, v);
	engine_group_progress(e, v);
}

const char *engine_value_text(struct engine *e, const struct step *s, struct value v)
{
	char buf[32];
	switch (v.type) {
	case VAL_NUM: {	/* ungrouped, with the language's decimal mark, so it reads back the same */
		char *t = arena_strdup(&e->scratch, value_num_format(v.u.n, buf, sizeof buf));
		char *dot = strchr(t, '.');
		if (dot)
			*dot = engine_style(e)->decimal;
		return t;
	}
	case VAL_STR:
		if (s && s->type == STEP_DATE && strlen(v.u.s) == 10)	/* ISO to day-month-year */
			return arena_strdup(&e->scratch, i18n_date(engine_style(e), v.u.s, buf, sizeof buf));
		return v.u.s;
	case VAL_BOOL:
		return v.u.b ? _("yes") : _("no");
	default:
		return "";
	}
}

static void engine_put(char **out, size_t *len, size_t *cap, const char *s, size_t n)
{
	util_grow_wiped(out, cap, *len + n + 1);	/* what it builds may show answers */
	memcpy(*out + *len, s, n);
	*len += n;
}

static const char *engine_label(const struct step *s, const char *value,
				const char *(*translate)(void *, const char *), void *ctx)
{
	int i = step_choice_index(s, value);
	if (i < 0)
		return value;
	const char *label = s->choices[i].label.msgid;
	return translate ? translate(ctx, label) : label;
}

/* The language a list is written in: the one chosen, or the wizard's own when its texts are shown as written. */
static const struct i18n_lang *engine_list_lang(struct engine *e, bool translated)
{
	return translated && e->value_lang ? e->value_lang : i18n_lang(e->w->language);
}

/* The word that joins the last two items of a list, "A, B and C", in engine_list_lang. */
static const char *engine_and(struct engine *e, bool translated)
{
	const struct i18n_lang *l = engine_list_lang(e, translated);
	return l && l->conj ? l->conj : "og";	/* join() in expressions says it with the same word */
}

/* What goes between the other items of such a list: ", ", or "، " in Arabic. */
static const char *engine_comma(struct engine *e, bool translated)
{
	const struct i18n_lang *l = engine_list_lang(e, translated);
	return l && l->comma ? l->comma : ", ";
}

/* Item k of group g as a person reads it: its item text (else its first answer) with the answers filled in. */
static void engine_put_items_one(struct engine *e, char **out, size_t *len, size_t *cap, int g, size_t k,
				 const char *(*translate)(void *, const char *), void *ctx)
{
	const struct step_more *more = step_more(&e->w->steps[g]);
	char first[LIMIT_ID + 3] = "";
	for (size_t j = 0; j < more->ninner && !first[0]; j++)
		if (step_takes_answer(more->inner[j].type))
			snprintf(first, sizeof first, "{%s}", more->inner[j].id);
	const char *item = more->item.msgid;
	const char *text = item ? (translate ? translate(ctx, item) : item) : first;
	int was = e->fmt_group;
	size_t was_item = e->fmt_item;
	e->fmt_group = g;
	e->fmt_item = k;
	const char *t = engine_format(e, text, translate, ctx);
	e->fmt_group = was;
	e->fmt_item = was_item;
	engine_put(out, len, cap, t, strlen(t));
}

/* The items of group g as a person reads them: each its item text, joined "A, B and C". */
static void engine_put_items(struct engine *e, char **out, size_t *len, size_t *cap, int g, size_t n,
			     const char *(*translate)(void *, const char *), void *ctx)
{
	const char *comma = engine_comma(e, translate != NULL);
	for (size_t k = 0; k < n; k++) {
		if (k)
			engine_put(out, len, cap, k + 1 < n ? comma : " ", k + 1 < n ? strlen(comma) : 1);
		if (k && k + 1 == n) {
			const char *and = engine_and(e, translate != NULL);
			engine_put(out, len, cap, and, strlen(and));
			engine_put(out, len, cap, " ", 1);
		}
		engine_put_items_one(e, out, len, cap, g, k, translate, ctx);
	}
}

/* The answer of the group's step named name, for the item being shown or the one the person is at. */
static bool engine_item_name(struct engine *e, const char *name, const struct step **s, struct value *v)
{
	int g = e->fmt_group;
	size_t item = e->fmt_item;
	if (g < 0 && e->w->steps[engine_current(e)].type == STEP_REPEAT && e->groups) {
		g = engine_current(e);
		item = e->groups[g].item;
	}
	int j = g >= 0 ? repeat_inner_index(&e->w->steps[g], name) : -1;
	if (j < 0)
		return false;
	*s = &step_more(&e->w->steps[g])->inner[j];
	*v = engine_item(e, g, item, (size_t)j);
	return true;
}

static void engine_put_value(struct engine *e, char **out, size_t *len, size_t *cap, const struct step *s,
			     struct value v, const char *(*translate)(void *, const char *), void *ctx)
{
	const char *t = NULL;
	if (s && s->type == STEP_REPEAT && v.type == VAL_LIST) {
		if (e->fmt_group < 0)	/* an item text never shows a group's items, its own or another's */
			engine_put_items(e, out, len, cap, (int)(s - e->w->steps), v.u.list.n, translate, ctx);
		return;
	}
	switch (v.type) {
	case VAL_NULL:
		t = _("(not answered)");
		break;
	case VAL_NUM:
		t = engine_number_text(e, v.u.n);
		break;
	case VAL_STR:
		t = s && kind_of(s->type)->choices ? engine_label(s, v.u.s, translate, ctx) : engine_value_text(e, s, v);
		break;
	case VAL_BOOL:
		t = engine_value_text(e, s, v);
		break;
	case VAL_LIST: {
		const char *comma = engine_comma(e, translate != NULL);
		for (size_t i = 0; i < v.u.list.n; i++) {
			if (i)
				engine_put(out, len, cap, comma, strlen(comma));
			engine_put_value(e, out, len, cap, s, v.u.list.items[i], translate, ctx);
		}
		return;
	}
	}
	engine_put(out, len, cap, t, strlen(t));
}

const char *engine_tr(void *ctx, const char *msgid)
{
	const struct wizard *w = ctx;
	if (!msgid)
		return "";
	const char *t = i18n_text(w->domain, msgid);
	/* a translation whose {name}s differ from the text's would show braces: the text as written instead */
	if (t == msgid || (!strchr(msgid, '{') && !strpbrk(t, "{}")))	/* most texts: no braces at all */
		return t;
	return po_check_names(msgid, NULL, t, NULL, (struct loc){ 0 }, NULL, NULL) ? t : msgid;
}

/*
 * The form of plural text t (1.1) for its count now, translated (i18n_text_plural): the count's whole part,
 * a count with decimals counting as more than one, and null as none.  A translation whose {name}s are not
 * the text's is not used, as in engine_tr.
 */
static const char *engine_plural(struct engine *e, const struct text *t)
{
	unsigned long n = 0;
	size_t work = EXPR_MAX_WORK;
	struct expr_env env = { engine_env_get, e, &work, e->today, e->value_lang, engine_item_at_hand(e) };
	struct value v;
	const char *err = NULL;
	if (text_count(t) && expr_eval(text_count(t), &env, &e->scratch, &v, &err) && v.type == VAL_NUM) {
		int64_t whole = v.u.n / EXPR_SCALE;
		uint64_t mag = whole < 0 ? (uint64_t)0 - (uint64_t)whole : (uint64_t)whole;
		n = mag > ULONG_MAX ? ULONG_MAX : (unsigned long)mag;
		if (v.u.n % EXPR_SCALE && n < 2)
			n = 2;
	}
	const char *tr = i18n_text_plural(e->w->domain, t->msgid, text_plural(t), n);
	if (tr == t->msgid || tr == text_plural(t) || po_check_names(t->msgid, text_plural(t), tr, NULL, (struct loc){ 0 }, NULL, NULL))
		return tr;
	return n == 1 ? t->msgid : text_plural(t);
}

const char *engine_show_text(struct engine *e, const struct text *t, const char *lang)
{
	if (!t->msgid)
		return NULL;
	char *saved = lang ? i18n_push(lang) : NULL;
	const struct i18n_lang *own = e->lang;
	if (lang)
		e->lang = i18n_lang(lang);	/* its numbers and dates as that language writes them too */
	const char *shown = text_plural(t) ? engine_plural(e, t) : engine_tr((void *)e->w, t->msgid);
	const char *r = engine_format(e, shown, engine_tr, (void *)e->w);
	e->lang = own;
	if (saved)
		i18n_pop(saved);
	return r;
}

const char *engine_format(struct engine *e, const char *text, const char *(*translate)(void *ctx, const char *),
			  void *ctx)
{
	char *out = NULL;
	size_t len = 0, cap = 0;
	const struct wizard *w = e->w;
	for (const char *p = text; *p;) {
		if (len > ENGINE_MAX_FORMAT) {	/* a text naming a long value over and over */
			while (len && ((unsigned char)out[len - 1] & 0xC0) == 0x80)
				len--;
			if (len && (unsigned char)out[len - 1] >= 0xC0)
				len--;
			engine_put(&out, &len, &cap, "\xE2\x80\xA6", 3);	/* an ellipsis */
			break;
		}
		struct template_piece piece = template_piece(p, 0);
		if (piece.kind == TEMPLATE_PLAIN) {	/* with the brace after it, at once */
			engine_put(&out, &len, &cap, p, piece.len);
			p += piece.len;
			if (!*p)
				break;
			piece = template_piece(p, 0);
		}
		if (piece.kind == TEMPLATE_BRACE) {	/* {{ or }} */
			engine_put(&out, &len, &cap, p, 1);
			p += 2;
			continue;
		}
		char name[LIMIT_ID + 1];
		int sym = -1;
		const struct step *is = NULL;
		struct value iv;
		if (piece.kind == TEMPLATE_NAME && piece.name_len < sizeof name) {
			memcpy(name, p + piece.name, piece.name_len);
			name[piece.name_len] = '\0';
			sym = strmap_get(&w->names, name);
			if (engine_item_name(e, name, &is, &iv)) {	/* an answer of the item at hand */
				if (is->sensitive && iv.type != VAL_NULL)
					engine_put(&out, &len, &cap, sensitive_mask(), strlen(sensitive_mask()));
				else
					engine_put_value(e, &out, &len, &cap, is, iv, translate, ctx);
				p += piece.len;
				continue;
			}
		}
		if (sym < 0) {	/* not a name (a translation may hold anything): keep it as written */
			engine_put(&out, &len, &cap, p, 1);
			p++;
			continue;
		}
		const struct step *s = (size_t)sym < w->nsteps ? &w->steps[sym] : NULL;
		const char *why = NULL;
		struct value v = s ? engine_env_get(e, sym) : engine_derived(e, (size_t)sym - w->nsteps, &why);
		if (engine_beyond_bounds(why)) {
			const char *t = _("(too large to work out)");
			engine_put(&out, &len, &cap, t, strlen(t));
		} else if (v.type != VAL_NULL && sensitive_sym(w, sym)) {
			const char *t = sensitive_mask();
			engine_put(&out, &len, &cap, t, strlen(t));
		} else {
			engine_put_value(e, &out, &len, &cap, s, v, translate, ctx);
		}
		p += piece.len;
	}
	char *r = arena_strndup(&e->scratch, out ? out : "", len);
	if (out)
		compat_wipe(out, len);
	free(out);
	return r;
}

const char *engine_answer_text(struct engine *e, const struct step *s, struct value v,
			       const char *(*translate)(void *ctx, const char *), void *ctx)
{
	char *out = NULL;
	size_t len = 0, cap = 0;
	engine_put_value(e, &out, &len, &cap, s, v, translate, ctx);
	char *r = arena_strndup(&e->scratch, out ? out : "", len);
	if (out)
		compat_wipe(out, len);
	free(out);
	return r;
}

const char *engine_item_text(struct engine *e, int g, size_t item)
{
	if (g < 0 || (size_t)g >= e->w->nsteps || e->w->steps[g].type != STEP_REPEAT)
		return "";
	char *out = NULL;
	size_t len = 0, cap = 0;
	engine_put_items_one(e, &out, &len, &cap, g, item, engine_tr, (void *)e->w);
	char *r = arena_strndup(&e->scratch, out ? out : "", len);
	if (out)
		compat_wipe(out, len);
	free(out);
	return r;
}

bool engine_holds(struct engine *e, const struct expr *when)
{
	if (!when)
		return true;
	size_t work = EXPR_MAX_WORK;	/* its own budget: a page asks many conditions at once */
	struct expr_env env = { engine_env_get, e, &work, e->today, e->value_lang, engine_item_at_hand(e) };
	struct value v;
	const char *err = NULL;
	return expr_eval(when, &env, &e->scratch, &v, &err) && value_truthy(v);
}
