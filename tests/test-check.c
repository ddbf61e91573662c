/*
 * Unit tests of check: dominance ("answered on every path") against a brute-force search on random
 * flows, what conditions need to be true, LIX, and the findings on small wizards.
 */
#include <stdlib.h>
#include <string.h>

#include "check-rule.h"
#include "check.h"
#include "test.h"

static struct wizard *load(const char *yaml, struct diags *d)
{
	return wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, d);
}

/* Whether every path from the start to at passes step t, by searching for one that does not. */
static bool brute_dominates(const struct wizard *w, int t, int at)
{
	if (t == w->start)
		return true;
	size_t n = w->nsteps;
	bool *seen = calloc(n, 1);
	int *stack = malloc(n * sizeof *stack);
	size_t top = 0;
	seen[w->start] = true;
	stack[top++] = w->start;
	bool reached = false;
	while (top && !reached) {
		int v = stack[--top];
		if (v == at)
			reached = true;
		for (size_t k = 0; k < w->steps[v].nnext; k++) {
			int u = w->steps[v].next[k].target;
			if (u != t && !seen[u]) {
				seen[u] = true;
				stack[top++] = u;
			}
		}
	}
	free(seen);
	free(stack);
	return !reached;
}

/* A random flow of n yes/no steps with up to three ways on each, and an end. */
static char *random_wizard(unsigned *seed, int n)
{
	size_t cap = 200 + (size_t)n * 200, len = 0;
	char *s = malloc(cap);
	len += (size_t)snprintf(s + len, cap - len, "trin: 1\ntitle: T\nlanguage: en\nsteps:\n");
	for (int i = 0; i < n; i++) {
		len += (size_t)snprintf(s + len, cap - len, "  - {id: s%d, type: yesno, title: Q, next: [", i);
		int k = 1 + rand_r(seed) % 3;
		for (int j = 0; j < k - 1; j++)
			len += (size_t)snprintf(s + len, cap - len, "{when: s%d, goto: s%d}, ", i, rand_r(seed) % n);
		len += (size_t)snprintf(s + len, cap - len, "{goto: %s%d}]}\n", rand_r(seed) % 4 ? "s" : "end",
					rand_r(seed) % n);
	}
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, cap - len, "  - {id: end%d, type: end, title: E}\n", i);
	return s;
}

static void test_dominance(void)
{
	unsigned seed = 7;
	int mismatches = 0, checked = 0;
	for (int round = 0; round < 200; round++) {
		char *yaml = random_wizard(&seed, 2 + round % 12);
		struct diags d = { 0 };
		struct wizard *w = load(yaml, &d);
		CHECK(w != NULL);
		if (!w) {
			diag_print(&d, stdout);
			diag_free(&d);
			free(yaml);
			continue;
		}
		struct check_flow f;
		check_flow(w, &f);
		struct check_answered *a = check_answered_create(w);
		for (size_t t = 0; t < w->nsteps; t++) {
			for (size_t at = 0; at < w->nsteps; at++) {
				if (!f.reachable[at] || !f.reachable[t])
					continue;
				bool want = t != at && w->steps[t].type != STEP_END && brute_dominates(w, (int)t, (int)at);
				checked++;
				mismatches += check_answered_before(a, (int)t, (int)at) != want;
			}
		}
		check_answered_free(a);
		check_flow_free(&f);
		wizard_free(w);
		diag_free(&d);
		free(yaml);
	}
	CHECK(checked > 1000);
	CHECK_NUM(mismatches, 0);
}

static void test_flow(void)
{
	struct diags d = { 0 };
	struct wizard *w = load("trin: 1\ntitle: T\nsteps:\n"
				"  - {id: a, type: yesno, title: A, next: [{when: a, goto: loop}, {goto: z}]}\n"
				"  - {id: loop, type: info, title: L, next: loop}\n"
				"  - {id: lost, type: info, title: X, next: z}\n"
				"  - {id: z, type: end, title: Z}\n", &d);
	CHECK(w != NULL);
	struct check_flow f;
	check_flow(w, &f);
	CHECK(f.reachable[0] && f.reachable[1] && !f.reachable[2] && f.reachable[3]);
	CHECK(f.reaches_end[0] && !f.reaches_end[1] && f.reaches_end[2] && f.reaches_end[3]);
	check_flow_free(&f);
	check_wizard(w, NULL, &d);
	CHECK_NUM(d.errors, 1);
	CHECK_NUM(d.warnings, 1);
	wizard_free(w);
	diag_free(&d);
}

/*
 * The symbols expression src (over the steps of a small wizard) needs to be true (untrue: not to be true),
 * as "a b" in order; a step only known not to be true needs nothing and is left out.
 */
static void check_needs_of(const char *src, bool untrue, const char *want)
{
	char yaml[512];
	snprintf(yaml, sizeof yaml, "trin: 1\ntitle: T\nsteps:\n"
		 "  - {id: a, type: number, title: A}\n  - {id: b, type: yesno, title: B}\n"
		 "  - {id: c, type: choice, title: C, choices: [x, y]}\n"
		 "  - {id: d, type: info, title: D, next: [{when: '%s', goto: e}, {goto: e}]}\n"
		 "  - {id: e, type: end, title: E}\n", src);
	struct diags d = { 0 };
	struct wizard *w = load(yaml, &d);
	CHECK(w != NULL);
	if (!w) {
		diag_print(&d, stdout);
		diag_free(&d);
		return;
	}
	struct expr_need *needs;
	const struct expr *when = w->steps[3].next[0].when;
	size_t n = untrue ? expr_untruth_required(when, &needs) : expr_truth_required(when, &needs);
	char got[64] = "";
	for (size_t i = 0; i < n; i++) {
		if (needs[i].untrue)
			continue;
		size_t len = strlen(got);
		snprintf(got + len, sizeof got - len, "%s%s", len ? " " : "", w->steps[needs[i].sym].id);
	}
	CHECK_STR(got, want);
	free(needs);
	wizard_free(w);
	diag_free(&d);
}

static void check_needs(const char *src, const char *want)
{
	check_needs_of(src, false, want);
}

static void test_needs(void)
{
	check_needs("a > 3", "a");
	check_needs("b", "b");
	check_needs("b and a * 2 == 4", "b a");
	check_needs("not b", "");
	check_needs("c != \"x\"", "");
	check_needs("c == null", "");
	check_needs("c != null", "c");
	check_needs("c == \"x\" or c == \"y\"", "c");
	check_needs("c == \"x\" or b", "");
	check_needs("answered(a)", "a");
	check_needs("c in [\"x\"]", "c");
	check_needs("c in [\"x\", null]", "");
	/* 'not' reads null as false: not x is true when x is not true */
	check_needs("not (c == null)", "c");
	check_needs("not not answered(a)", "a");
	check_needs("not (c == null or b)", "c");
	/* what a condition that is not true says, for the ways tried after it */
	check_needs_of("not answered(a)", true, "a");
	check_needs_of("c == null", true, "c");
	check_needs_of("c != null", true, "");
	check_needs_of("a > 3", true, "");
	check_needs_of("b", true, "");
	check_needs_of("a == null or c == null", true, "a c");
	check_needs_of("a == null and c == null", true, "");
	check_needs_of("(a == null or b) and (a == null or c == null)", true, "a");
	check_needs_of("not (a > 3 and c == \"x\")", true, "a c");
}

static void test_lix(void)
{
	struct step s = { 0 };
	s.title.msgid = "Har du en bil?";
	s.text.msgid = "Svar ja eller nej. Virksomheden {x} registreres.";
	struct check_lix lx;
	check_lix_step(&s, &lx);
	CHECK_NUM(lx.words, 11);
	CHECK_NUM(lx.sentences, 3);
	CHECK_NUM(lx.long_words, 2);
	CHECK_NUM(lx.lix, 22);	/* 11/3 + 200/11 = 3.67 + 18.18 */
}

/*
 * A text written at several steps is counted once for LIX, but a sentence over the limit is said at each
 * place it is written, and each screen's LIX still counts every text on it.
 */
static void test_lix_again(void)
{
	struct arena test_arena = { 0 };
	const char *lang = "Dette er en meget lang saetning med alt for mange ord i sig til at en borger kan "
			   "laese den i et hug uden at miste traaden og skulle starte forfra igen bagefter";
	const char *yaml = "trin: 1\ntitle: T\nsteps:\n";
	for (int i = 0; i < 3; i++)
		yaml = arena_printf(&test_arena, "%s  - id: s%d\n    type: yesno\n    title: Kort titel\n"
				    "    text: \"%s.\"\n    help: Spoerg hjaelperen.\n", yaml, i, i == 1 ? "Kort tekst" : lang);
	yaml = arena_printf(&test_arena, "%s  - id: slut\n    type: end\n    title: Slut\n", yaml);
	struct diags d = { 0 };
	struct wizard *w = load(yaml, &d);
	CHECK(w != NULL);
	if (w)
		check_wizard(w, NULL, &d);
	int long_at[2] = { 0 }, n = 0;
	for (size_t i = 0; i < d.n; i++)
		if (strstr(d.v[i].msg, "a sentence of 33 words") && n < 2)
			long_at[n++] = d.v[i].loc.line;
	CHECK_NUM(n, 2);
	CHECK_NUM(long_at[0], 7);
	CHECK_NUM(long_at[1], 17);
	for (size_t i = 0; w && i < 3; i++) {
		struct check_lix lx;
		check_lix_step(&w->steps[i], &lx);
		CHECK_NUM(lx.words, i == 1 ? 4u : 35u);
	}
	wizard_free(w);
	diag_free(&d);
	arena_free(&test_arena);
}

/* Whether a path of one transition or more leads from step from to step to. */
static bool brute_reaches(const struct wizard *w, int from, int to)
{
	size_t n = w->nsteps, top = 0;
	bool *seen = calloc(n, 1), reached = false;
	int *stack = malloc(n * sizeof *stack);
	for (size_t k = 0; k < w->steps[from].nnext; k++) {
		int u = w->steps[from].next[k].target;
		if (!seen[u]) {
			seen[u] = true;
			stack[top++] = u;
		}
	}
	while (top && !reached) {
		int v = stack[--top];
		reached = v == to;
		for (size_t k = 0; k < w->steps[v].nnext; k++) {
			int u = w->steps[v].next[k].target;
			if (!seen[u]) {
				seen[u] = true;
				stack[top++] = u;
			}
		}
	}
	free(seen);
	free(stack);
	return reached;
}

/*
 * A check that reads an answer no path gives before its step is an error, in random flows of up to 150
 * steps (more than 64 with checks, so that the bits go round in several chunks), against a brute search.
 */
static void test_rule_later(void)
{
	unsigned seed = 11;
	int mismatches = 0, errors = 0;
	for (int round = 0; round < 12; round++) {
		int n = 5 + round * 13;
		char *flow = random_wizard(&seed, n), *yaml = malloc(strlen(flow) * 2 + 100);
		/* every yes/no step gets a check reading another step, on the same line */
		char *p = strstr(flow, "steps:\n") + 7, *o = yaml;
		o += sprintf(o, "trin: 1.1\ntitle: T\nlanguage: en\nsteps:\n");
		int *reads = malloc((size_t)n * sizeof *reads);
		for (int i = 0; i < n; i++) {
			char *eol = strchr(p, '\n');
			reads[i] = rand_r(&seed) % n;
			o += sprintf(o, "%.*s, check: [{valid: s%d or true, message: M}]}\n", (int)(eol - p - 1), p, reads[i]);
			p = eol + 1;
		}
		strcpy(o, p);
		struct diags d = { 0 };
		struct wizard *w = load(yaml, &d);
		CHECK(w != NULL);
		if (w) {
			struct loc *later;
			size_t nlater;
			check_rules(w, NULL, &d, &later, &nlater);
			CHECK_NUM(nlater, d.errors);
			bool *said = calloc((size_t)n, 1);
			for (size_t k = 0; k < d.n; k++)
				if (d.v[k].severity == DIAG_ERROR && d.v[k].loc.line >= 5 && d.v[k].loc.line < 5 + n)
					said[d.v[k].loc.line - 5] = true;
			for (int i = 0; i < n; i++) {
				bool want = reads[i] != i && !brute_reaches(w, reads[i], i);
				mismatches += said[i] != want;
				errors += want;
			}
			free(said);
			free(later);
			wizard_free(w);
		}
		diag_free(&d);
		free(reads);
		free(yaml);
		free(flow);
	}
	CHECK(errors > 50);
	CHECK_NUM(mismatches, 0);
}

/* Limits that read no answer and leave no date on any day; today() itself comes with the expression helper. */
static void test_rule_never(void)
{
	struct diags d = { 0 };
	struct wizard *w = load("trin: 1.1\ntitle: T\nsteps:\n"
				"  - {id: a, type: date, title: A, min: '\"2020-01-02\"', max: 2020-01-01}\n"
				"  - {id: b, type: date, title: B, min: 2020-01-01, max: '\"2020-01-01\"'}\n"
				"  - {id: c, type: number, title: C, min: 2 * 3, max: 5}\n"
				"  - {id: e, type: number, title: C, min: 5, max: c}\n"
				"  - {id: z, type: end, title: Z}\n", &d);
	CHECK(w != NULL);
	if (w) {
		struct loc *later;
		size_t nlater;
		check_rules(w, "2026-11-30", &d, &later, &nlater);
		free(later);
		CHECK_NUM(d.errors, 2);
		CHECK_NUM(d.n, 2);
		if (d.n == 2) {
			CHECK_NUM(d.v[0].loc.line, 4);
			CHECK_STR(d.v[0].msg, "'max' is before 'min'");
			CHECK_NUM(d.v[1].loc.line, 6);
			CHECK_STR(d.v[1].msg, "'max' is less than 'min'");
		}
	}
	wizard_free(w);
	diag_free(&d);
}

/* Limits relative to today that no day from today on lets an answer meet; and some that some days do. */
static void test_rule_today(void)
{
	struct diags d = { 0 };
	struct wizard *w = load("trin: 1.1\ntitle: T\nsteps:\n"
				"  - {id: a, type: date, title: A, min: 'add_years(today(), 1)', max: today()}\n"
				"  - {id: b, type: date, title: B, min: today(), max: 2027-01-01}\n"
				"  - {id: c, type: date, title: C, min: 'add_months(today(), 1)', max: 'add_days(today(), 30)'}\n"
				"  - {id: e, type: date, title: E, min: 'add_days(today(), 1)', max: today()}\n"
				"  - {id: f, type: date, title: F, min: today(), max: 'add_days(today(), 0)'}\n"
				"  - {id: z, type: end, title: Z}\n", &d);
	CHECK(w != NULL);
	if (w) {
		struct loc *later;
		size_t nlater;
		check_rules(w, "2026-11-30", &d, &later, &nlater);	/* b: open until 2027-01-01 */
		free(later);
		CHECK_NUM(d.n, 2);
		if (d.n == 2) {
			CHECK_NUM(d.v[0].loc.line, 4);
			CHECK_NUM(d.v[1].loc.line, 7);
			CHECK_STR(d.v[0].msg, "'max' is before 'min' on every day from today on: no date can ever be given");
		}
		diag_free(&d);
		d = (struct diags){ 0 };
		check_rules(w, "2027-01-02", &d, &later, &nlater);	/* b: closed from then on */
		free(later);
		CHECK_NUM(d.n, 3);
		if (d.n == 3)
			CHECK_NUM(d.v[1].loc.line, 5);
	}
	wizard_free(w);
	diag_free(&d);
}

int main(void)
{
	test_dominance();
	test_flow();
	test_needs();
	test_lix();
	test_lix_again();
	test_rule_later();
	test_rule_never();
	test_rule_today();
	return test_done("test-check");
}
