/*
 * test-script: unit tests of scripted walks (ui-script.h) with answers in order (format 1.1): a correction
 * loop answered differently on each visit, expected refusals, a fixed today; what the engine keeps of
 * each visit (engine_visit_answer, engine_visit_transition); and what --record writes of such a walk
 * (result_scenario), read back and walked again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "model.h"
#include "result.h"
#include "ui-script.h"

#include "test.h"

static const char test_wizard[] =
	"trin: 1.1\n"
	"title: Ret\n"
	"steps:\n"
	"  - id: navn\n"
	"    type: text\n"
	"    title: Navn?\n"
	"  - id: rigtigt\n"
	"    type: yesno\n"
	"    title: Rigtigt?\n"
	"    next:\n"
	"      - {when: rigtigt, goto: alder}\n"
	"      - {when: navn == \"Bo\", goto: navn}\n"
	"      - goto: navn\n"
	"  - id: alder\n"
	"    type: number\n"
	"    title: Alder?\n"
	"    max: 130\n"
	"    required: false\n"
	"  - id: slut\n"
	"    type: end\n"
	"    title: Tak\n";

static struct wizard *test_load(const char *yaml)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &d);
	CHECK(w != NULL && d.n == 0);
	diag_print(&d, stdout);
	diag_free(&d);
	return w;
}

/* Load sc from yaml for w (as a file of its own); false with the diagnostics printed when it does not load. */
static bool test_scenario(const struct wizard *w, const char *yaml, struct arena *a, struct scenario *sc, bool end)
{
	struct diags d = { 0 };
	bool ok = scenario_load_buffer(w, "s.yaml", yaml, strlen(yaml), a, sc, end, &d);
	diag_print(&d, stdout);
	diag_free(&d);
	return ok;
}

/* A loop walked twice: each visit keeps its answer and the transition it took; the walk replays. */
static void test_loop(const struct wizard *w)
{
	struct arena a = { 0 };
	struct scenario sc;
	CHECK(test_scenario(w, "name: x\nanswers: [{navn: Bo}, {rigtigt: nej}, {navn: Ada}, {rigtigt: ja}, {alder: 36}]\n"
			    "end: slut\n", &a, &sc, true));
	CHECK(sc.in_order);
	CHECK_NUM(sc.nanswers, 5);
	struct engine *e = engine_create(w, NULL);
	struct script_stop stop;
	CHECK(script_walk(w, e, &sc, NULL, &stop));
	size_t n;
	const int *path = engine_path(e, &n);
	CHECK_NUM(n, 6);
	CHECK_STR(w->steps[path[2]].id, "navn");
	CHECK_STR(engine_visit_answer(e, 0).u.s, "Bo");
	CHECK_STR(engine_visit_answer(e, 2).u.s, "Ada");
	CHECK(!engine_visit_answer(e, 1).u.b && engine_visit_answer(e, 3).u.b);
	CHECK_NUM(engine_visit_transition(e, 1), 1);	/* navn was Bo then: the second way, though it is Ada now */
	CHECK_NUM(engine_visit_transition(e, 3), 0);
	CHECK_NUM(engine_visit_transition(e, 5), -1);	/* the end: no way on */
	CHECK(engine_visit_answer(e, 5).type == VAL_NULL);

	/* --record writes the list form, which reads back and walks the same way */
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	result_scenario(f, w, e, "optaget");
	fclose(f);
	CHECK(strstr(buf, "answers:\n  - navn: \"Bo\"\n  - rigtigt: false\n  - navn: \"Ada\"\n  - rigtigt: true\n"
			  "  - alder: 36\n") != NULL);
	CHECK(strstr(buf, "\ntoday: ") != NULL);
	struct scenario again;
	CHECK(test_scenario(w, buf, &a, &again, true));
	struct engine *e2 = engine_create(w, NULL);
	CHECK(script_walk(w, e2, &again, NULL, &stop));
	size_t n2;
	const int *path2 = engine_path(e2, &n2);
	CHECK(n2 == n && memcmp(path, path2, n * sizeof *path) == 0);
	engine_free(e2);
	free(buf);
	engine_free(e);
	arena_free(&a);
}

/* A walk that passes no step twice is recorded as a map, as before format 1.1. */
static void test_record_map(const struct wizard *w)
{
	struct arena a = { 0 };
	struct scenario sc;
	CHECK(test_scenario(w, "navn: Ada\nrigtigt: ja\nalder: 36\n", &a, &sc, false));
	CHECK(!sc.in_order);
	struct engine *e = engine_create(w, NULL);
	struct script_stop stop;
	CHECK(script_walk(w, e, &sc, NULL, &stop));
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	result_scenario(f, w, e, "optaget");
	fclose(f);
	CHECK(strstr(buf, "answers:\n  navn: \"Ada\"\n  rigtigt: true\n  alder: 36\n") != NULL);
	free(buf);
	engine_free(e);

	/* stopped at a step passed before (the loop's second visit): each step once, no key twice */
	e = engine_create(w, NULL);
	struct answer_input in = { .text = "nej" };
	CHECK(engine_submit(e, &(struct answer_input){ .text = "Ada" }) && engine_submit(e, &in));
	f = open_memstream(&buf, &len);
	result_scenario(f, w, e, "optaget");
	fclose(f);
	CHECK(strstr(buf, "answers:\n  navn: \"Ada\"\n  rigtigt: false\ntoday: ") != NULL);
	free(buf);
	engine_free(e);
	arena_free(&a);
}

/* Refusals expected: one that happens, one that does not, one left over after the end. */
static void test_refused(const struct wizard *w)
{
	struct arena a = { 0 };
	struct scenario sc;
	struct script_stop stop;
	CHECK(test_scenario(w, "- navn: Ada\n- rigtigt: ja\n- {alder: 200, refused: true}\n- alder: 36\n", &a, &sc,
			    false));
	CHECK(sc.answers[2].refused && !sc.answers[2].refusal);
	struct engine *e = engine_create(w, NULL);
	CHECK(script_walk(w, e, &sc, NULL, &stop));
	CHECK(engine_answer(e, 2).type == VAL_NUM && engine_answer(e, 2).u.n == 36 * EXPR_SCALE);
	engine_free(e);

	CHECK(test_scenario(w, "- navn: Ada\n- rigtigt: ja\n- {alder: 20, refused: for gammel}\n", &a, &sc, false));
	CHECK_STR(sc.answers[2].refusal, "for gammel");
	e = engine_create(w, NULL);
	CHECK(!script_walk(w, e, &sc, NULL, &stop));
	CHECK(stop.at == &sc.answers[2]);
	CHECK_STR(w->steps[stop.where].id, "alder");
	engine_free(e);

	/* the flow leads back to navn, but not this walk: alder may go without an answer, and then it ends */
	CHECK(test_scenario(w, "- navn: Ada\n- rigtigt: ja\n- {navn: Bo, refused: true}\n", &a, &sc, false));
	e = engine_create(w, NULL);
	CHECK(!script_walk(w, e, &sc, NULL, &stop));
	CHECK(stop.at == &sc.answers[2]);
	CHECK_STR(w->steps[stop.where].id, "slut");
	engine_free(e);

	/* what no walk can give is an error when it is loaded: navn never comes after alder */
	struct diags d = { 0 };
	const char *bad = "- navn: Ada\n- rigtigt: ja\n- alder: 20\n- {navn: Bo, refused: true}\n";
	CHECK(!scenario_load_buffer(w, "s.yaml", bad, strlen(bad), &a, &sc, false, &d));
	CHECK(d.n == 1 && strstr(d.v[0].msg, "never comes to 'navn' after 'alder'") && d.v[0].loc.line == 4);
	diag_free(&d);
	arena_free(&a);
}

/* Today: the scenario's, unless one is given (--today); a walk without either keeps the engine's. */
static void test_today(const struct wizard *w)
{
	struct arena a = { 0 };
	struct scenario sc;
	CHECK(test_scenario(w, "today: 2026-11-30\nanswers: {navn: Ada}\n", &a, &sc, false));
	CHECK_STR(sc.today, "2026-11-30");
	struct engine *e = engine_create(w, NULL);
	script_today(e, &sc, NULL);
	CHECK_STR(engine_today(e), "2026-11-30");
	script_today(e, &sc, "2030-01-02");
	CHECK_STR(engine_today(e), "2030-01-02");
	engine_free(e);
	CHECK(test_scenario(w, "answers: {navn: Ada}\n", &a, &sc, false));
	e = engine_create(w, NULL);
	char before[11];
	snprintf(before, sizeof before, "%s", engine_today(e));
	script_today(e, &sc, NULL);
	CHECK_STR(engine_today(e), before);
	engine_free(e);
	arena_free(&a);
}

int main(void)
{
	struct wizard *w = test_load(test_wizard);
	if (!w)
		return test_done("test-script");
	test_loop(w);
	test_record_map(w);
	test_refused(w);
	test_today(w);
	wizard_free(w);
	return test_done("test-script");
}
