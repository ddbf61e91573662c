/*
 * test-load: unit tests of the loader (model.h) and the YAML tree under it (ytree.h).
 *
 * A wizard is given as a YAML string; the diagnostics are compared exactly, as "line:col: message" lines
 * sorted by place, so the position of each error is checked with its words.  Hostile inputs (deep
 * nesting, huge scalars, many keys) must be refused; they are not timed, only run to the end.  Prints
 * each failing check with its line; exits non-zero when any check failed.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"
#include "pot.h"

#include "test.h"

static struct arena test_arena;

/*
 * Load len bytes of buf as "t.yaml": the diagnostics sorted by place, as "file:line:col: message" (or
 * "file: message" without a place) joined by " | ", or "ok" when it loaded clean.  A wizard that comes back
 * with errors, or none back without any, is reported as such.
 */
static const char *test_load_len(const char *buf, size_t len, const struct load_limits *limits)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", buf, len, limits, &d);
	diag_sort(&d);
	const char *s = "";
	for (size_t i = 0; i < d.n; i++) {
		const struct diag *g = &d.v[i];
		if (g->loc.line > 0)
			s = arena_printf(&test_arena, "%s%s%s:%d:%d: %s", s, i ? " | " : "", g->loc.file, g->loc.line,
					 g->loc.col, g->msg);
		else
			s = arena_printf(&test_arena, "%s%s%s: %s", s, i ? " | " : "", g->loc.file, g->msg);
	}
	if (d.dropped)
		s = arena_printf(&test_arena, "%s | (%zu more)", s, d.dropped);
	if (w && d.errors)
		s = arena_printf(&test_arena, "(a wizard despite errors) %s", s);
	if (!w && !d.errors)
		s = arena_printf(&test_arena, "(no wizard and no error) %s", s);
	if (w && !d.n)
		s = "ok";
	wizard_free(w);
	diag_free(&d);
	return s;
}

static const char *test_load(const char *yaml)
{
	return test_load_len(yaml, strlen(yaml), NULL);
}

/* The head of every test wizard: lines 1 and 2. */
#define HEAD "trin: 1\ntitle: T\n"
/* A last step that ends, three lines. */
#define SLUT "  - id: slut\n    type: end\n    title: S\n"

/* A valid wizard and the defaults the loader fills in. */
static void test_valid(void)
{
	const char *yaml = HEAD
		"description: Om at starte en virksomhed.\n"
		"glossary:\n"
		"  hæftelse: Om du selv betaler gælden.\n"
		"values:\n"
		"  kan_aps: kapital >= 20000\n"
		"steps:\n"
		"  - id: alene\n"
		"    type: choice\n"
		"    title: Alene?\n"
		"    choices:\n"
		"      - {value: alene, label: Jeg starter alene}\n"
		"      - {value: flere, label: \"Vi er flere\"}\n"
		"    next:\n"
		"      - {when: alene == \"flere\", goto: navn}\n"
		"      - {goto: kapital}\n"
		"  - id: navn\n"
		"    type: text\n"
		"    title: Navn\n"
		"  - id: kapital\n"
		"    type: number\n"
		"    title: Du har {kapital} kr. ({{ikke}})\n"
		"    unit: kr.\n"
		"    min: 0\n"
		"  - id: dag\n"
		"    type: date\n"
		"    title: Dag\n"
		"    required: false\n"
		"    next: slut\n"
		"  - id: ubrugt\n"
		"    type: info\n"
		"    title: U\n"
		"    next: slut\n"
		SLUT
		"    todo:\n"
		"      - Åbn en bankkonto.\n"
		"tests:\n"
		"  - name: alene\n"
		"    answers: {alene: alene, kapital: 40000}\n"
		"    end: slut\n";
	CHECK_STR(test_load(yaml), "ok");

	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("wizards/virksomhed.da.yaml", yaml, strlen(yaml), NULL, &d);
	CHECK(w != NULL);
	CHECK_NUM(d.n, 0);
	diag_free(&d);
	if (!w)
		return;
	CHECK_STR(w->id, "virksomhed");
	CHECK_STR(w->domain, "virksomhed");
	CHECK_STR(w->language, "da");
	CHECK_STR(w->title.msgid, "T");
	CHECK_STR(w->description.msgid, "Om at starte en virksomhed.");
	CHECK_NUM(w->nsteps, 6);
	CHECK_NUM(w->start, 0);
	CHECK_NUM(w->nglossary, 1);
	CHECK_NUM(w->nvalues, 1);
	CHECK_NUM(w->ntests, 1);
	CHECK_NUM(wizard_step_index(w, "kapital"), 2);
	CHECK_NUM(wizard_step_index(w, "kan_aps"), -1);
	CHECK_NUM(wizard_step_index(w, "nej"), -1);
	if (w->nsteps == 6) {
		const struct step *alene = &w->steps[0], *navn = &w->steps[1], *kapital = &w->steps[2];
		const struct step *dag = &w->steps[3], *slut = &w->steps[5];
		CHECK(alene->type == STEP_CHOICE);
		CHECK_NUM(alene->nchoices, 2);
		CHECK_STR(alene->choices[1].value, "flere");
		CHECK_STR(alene->choices[1].label.msgid, "Vi er flere");
		CHECK_NUM(alene->nnext, 2);
		CHECK_NUM(alene->next[0].target, 1);
		CHECK(alene->next[0].when != NULL);
		CHECK_NUM(alene->next[1].target, 2);
		CHECK(alene->next[1].when == NULL);
		CHECK(alene->required);
		/* omitted next: the following step */
		CHECK_NUM(navn->nnext, 1);
		CHECK_NUM(navn->next[0].target, 2);
		CHECK(navn->next[0].when == NULL);
		CHECK_NUM(navn->max_length, 500);
		CHECK_NUM(navn->min_length, 0);
		CHECK(step_more(navn)->regex == NULL);
		CHECK_NUM(kapital->next[0].target, 3);
		CHECK(kapital->has_min);
		CHECK(!kapital->has_max);
		CHECK_NUM(kapital->min, 0);
		CHECK_NUM(kapital->decimals, 0);
		CHECK_STR(step_more(kapital)->unit.msgid, "kr.");
		CHECK_NUM(kapital->loc.line, 21);
		CHECK_NUM(kapital->loc.col, 5);
		CHECK(!dag->required);
		CHECK_NUM(dag->next[0].target, 5);
		CHECK(slut->type == STEP_END);
		CHECK_NUM(slut->nnext, 0);
		CHECK_NUM(step_more(slut)->ntodo, 1);
		CHECK_STR(step_more(slut)->todo[0].msgid, "Åbn en bankkonto.");
	}
	if (w->ntests == 1) {
		CHECK_STR(w->tests[0].name, "alene");
		CHECK_NUM(w->tests[0].end, 5);
		CHECK_NUM(w->tests[0].nanswers, 2);
		CHECK_NUM(w->tests[0].answers[1].step, 2);
		CHECK_STR(w->tests[0].answers[1].input.text, "40000");
	}
	wizard_free(w);

	/* id, domain, language and start when given */
	const char *given = HEAD "id: egen\ndomain: trin-egen\nlanguage: en\nstart: b\nsteps:\n"
			    "  - id: a\n    type: info\n    title: A\n"
			    "  - id: b\n    type: info\n    title: B\n    next: a\n" SLUT;
	d = (struct diags){ 0 };
	w = wizard_load_buffer("dir.x/andet.yaml", given, strlen(given), NULL, &d);
	CHECK(w != NULL);
	CHECK_NUM(d.n, 0);
	diag_free(&d);
	if (w) {
		CHECK_STR(w->id, "egen");
		CHECK_STR(w->domain, "trin-egen");
		CHECK_STR(w->language, "en");
		CHECK_NUM(w->start, 1);
		CHECK_NUM(w->steps[0].next[0].target, 1);	/* a falls through to b */
	}
	wizard_free(w);
}

/* One diagnostic per kind of mistake, at its exact place. */
static void test_errors(void)
{
	/* keys */
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: A\n    nxt: slut\n" SLUT),
		  "t.yaml:7:5: unknown key 'nxt' in a step (did you mean 'next'?)");
	CHECK_STR(test_load(HEAD "langauge: da\nsteps:\n" SLUT),
		  "t.yaml:3:1: unknown key 'langauge' in the wizard (did you mean 'language'?)");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: A\n    zzzzzz: 1\n" SLUT),
		  "t.yaml:7:5: unknown key 'zzzzzz' in a step");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: A\n    choices: [x, y]\n" SLUT),
		  "t.yaml:7:5: key 'choices' does not apply to steps of type info");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: A\n    title: B\n" SLUT),
		  "t.yaml:7:5: duplicate key 'title' (first at line 6)");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: A\n"
			    "  - id: a\n    type: info\n    title: A2\n" SLUT),
		  "t.yaml:7:9: duplicate step id 'a' (first at line 4)");

	/* transitions */
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: A\n    next: slt\n" SLUT),
		  "t.yaml:7:11: unknown step 'slt' (did you mean 'slut'?)");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: A\n    next: qqqqqq\n" SLUT),
		  "t.yaml:7:11: unknown step 'qqqqqq'");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: yesno\n    title: A\n    next:\n"
			    "      - {when: a, goto: slut}\n" SLUT),
		  "t.yaml:8:9: 'next' has no default: end the list with an entry that has only 'goto'");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: yesno\n    title: A\n    next:\n"
			    "      - {goto: slut}\n      - {when: a, goto: slut}\n" SLUT),
		  "t.yaml:8:9: an entry without 'when' is the default and must come last | "
		  "t.yaml:9:9: 'next' has no default: end the list with an entry that has only 'goto'");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: A\n" SLUT "    next: a\n"),
		  "t.yaml:10:11: an end step has no 'next'");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: A\n  - id: b\n    type: info\n"
			    "    title: B\n"),
		  "t.yaml:7:5: step 'b' is the last step but has no 'next'; add 'next' or make it an end step");

	/* expressions: the column inside the scalar, plain and quoted */
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: yesno\n    title: A\n    next:\n"
			    "      - when: a and and a\n        goto: slut\n      - {goto: slut}\n" SLUT),
		  "t.yaml:8:21: unexpected 'and'");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: yesno\n    title: A\n    next:\n"
			    "      - {when: \"a ==  == a\", goto: slut}\n      - {goto: slut}\n" SLUT),
		  "t.yaml:8:23: unexpected '=='");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: yesno\n    title: A\n    next:\n"
			    "      - {when: 'a ==  == a', goto: slut}\n      - {goto: slut}\n" SLUT),
		  "t.yaml:8:23: unexpected '=='");
	CHECK_STR(test_load(HEAD "steps:\n  - id: kapital\n    type: number\n    title: A\n    next:\n"
			    "      - {when: kapital == \"ja\", goto: slut}\n      - {goto: slut}\n" SLUT),
		  "t.yaml:8:24: cannot compare number with string");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: number\n    title: A\n    next:\n"
			    "      - {when: a + 1, goto: slut}\n      - {goto: slut}\n" SLUT),
		  "t.yaml:8:9: 'when' must be true or false, but this is never a boolean");
	CHECK_STR(test_load(HEAD "values:\n  x: kapitl * 2\nsteps:\n  - id: kapital\n    type: number\n"
			    "    title: A\n" SLUT),
		  "t.yaml:4:6: unknown name 'kapitl' (did you mean 'kapital'?)");

	/* {name} in texts */
	CHECK_STR(test_load(HEAD "steps:\n  - id: kapital\n    type: number\n    title: K\n"
			    "    text: Du har {kapitl} kr.\n" SLUT),
		  "t.yaml:7:18: unknown name 'kapitl' in a text (did you mean 'kapital'?)");
	CHECK_STR(test_load(HEAD "steps:\n  - id: kapital\n    type: number\n    title: \"Har du {kapitl} kr.?\"\n"
			    SLUT),
		  "t.yaml:6:20: unknown name 'kapitl' in a text (did you mean 'kapital'?)");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: Før } efter\n" SLUT),
		  "t.yaml:6:16: a lone '}' in a text; write '}}' for a brace");

	/* characters */
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: \"Hej \\e[31m\"\n" SLUT),
		  "t.yaml:6:12: control character U+001B in a text; it could change the screen");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: \"Hej\\tdu\"\n" SLUT),
		  "t.yaml:6:12: control character U+0009 in a text (use spaces instead of a tab)");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: Bl\xE5\n" SLUT),
		  "t.yaml:6:14: invalid UTF-8 (byte 0xE5); save the file as UTF-8");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: Blå \xC3\n" SLUT),
		  "t.yaml:6:16: invalid UTF-8 (byte 0xC3); save the file as UTF-8");
	CHECK_STR(test_load("trin: 1\ntitle: T\x01\n"), "t.yaml:2:9: control character U+0001 in the file");
	/* a byte the file may not hold is what is said, whatever the parse met before it */
	const char *pad = "";
	for (int i = 0; i < 700; i++)
		pad = arena_printf(&test_arena, "%s# %060d\n", pad, i);
	CHECK_STR(test_load(arena_printf(&test_arena, "trin: 1\ntitle: &x X\n%ssteps: \x01\n", pad)),
		  "t.yaml:703:8: control character U+0001 in the file");
	CHECK_STR(test_load(arena_printf(&test_arena, "trin: 1\ntitle: \"a\" b\n%ssteps: \x01\n", pad)),
		  "t.yaml:703:8: control character U+0001 in the file");
	CHECK_STR(test_load_len("\xFF\xFEt\0r\0i\0n\0:\0 \0" "1\0", 16, NULL),
		  "t.yaml:1:1: the file is UTF-16 or UTF-32; save it as UTF-8");
	CHECK_STR(test_load_len("\xFE\xFF\0t\0r\0i\0n\0:\0 \0" "1", 16, NULL),
		  "t.yaml:1:1: the file is UTF-16 or UTF-32; save it as UTF-8");
	CHECK_STR(test_load(""), "t.yaml:1:1: the file is empty");
	CHECK_STR(test_load("# only a comment\n\n"), "t.yaml:1:1: the file is empty");

	/* YAML a wizard never needs */
	CHECK_STR(test_load("trin: 1\ntitle: &a T\ndescription: *a\nsteps:\n" SLUT),
		  "t.yaml:2:8: anchors (&a) are not allowed in a wizard; write the text out | "
		  "t.yaml:3:14: aliases (*a) are not allowed in a wizard; write the text out");
	CHECK_STR(test_load("trin: 1\ntitle: !!str T\nsteps:\n" SLUT),
		  "t.yaml:2:8: tags (tag:yaml.org,2002:str) are not allowed in a wizard");
	CHECK_STR(test_load(HEAD "steps:\n" SLUT "---\ntrin: 1\n"),
		  "t.yaml:7:1: a second YAML document ('---'); a wizard is one document");

	/* patterns and limits */
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: text\n    title: A\n    pattern: \"[a-\"\n" SLUT),
		  "t.yaml:7:15: 'pattern' is not a valid regular expression: Invalid range end");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: text\n    title: A\n    pattern: (a)\\1\n" SLUT),
		  "t.yaml:7:14: 'pattern' may not use back-references such as \\1");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: text\n    title: A\n    pattern: 'a\\\\1'\n" SLUT), "ok");
	/* escapes of other dialects: refused, but an escaped backslash before a letter, \b, \. and [[:digit:]] are fine */
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: text\n    title: A\n    pattern: 'x\\D'\n" SLUT),
		  "t.yaml:7:16: 'pattern' may not use \\D: POSIX extended regular expressions have no such escape, and "
		  "it would match the letter D; write [^0-9]");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: text\n    title: A\n    pattern: '[[:alpha:]\\W]'\n" SLUT),
		  "t.yaml:7:25: 'pattern' may not use \\W inside [...], where a backslash is itself (it matches a "
		  "backslash or the letter W); write the letter alone");
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: text\n    title: A\n    pattern: 'a\\\\d\\b\\.[[:digit:]]'\n" SLUT),
		  "ok");
	CHECK_STR(test_load(HEAD "steps:\n"
			    "  - id: a\n    type: number\n    title: A\n    min: 10\n    max: 5\n"
			    "  - id: b\n    type: text\n    title: B\n    min_length: 10\n    max_length: 5\n"
			    "  - id: c\n    type: multi\n    title: C\n    choices: [x, y, z]\n    min: 3\n    max: 2\n"
			    "  - id: d\n    type: date\n    title: D\n    min: 2025-02-01\n    max: 2025-01-01\n" SLUT),
		  "t.yaml:8:10: 'max' is less than 'min' | "
		  "t.yaml:12:17: 'min_length' is more than 'max_length' (5) | "
		  "t.yaml:19:10: 'max' is less than 'min' | "
		  "t.yaml:24:10: 'max' is before 'min'");
	CHECK_STR(test_load(HEAD "steps:\n  - id: d\n    type: date\n    title: D\n    min: 2025-02-30\n"
			    "    max: 27-02-2025\n" SLUT),
		  "t.yaml:7:10: 'min' must be a date written YYYY-MM-DD, such as 2025-02-27, not '2025-02-30' | "
		  "t.yaml:8:10: 'max' must be a date written YYYY-MM-DD, such as 2025-02-27, not '27-02-2025'");
	CHECK_STR(test_load(HEAD "steps:\n  - id: d\n    type: date\n    title: D\n    min: 2024-02-29\n"
			    "    max: 2025-02-29\n" SLUT),
		  "t.yaml:8:10: 'max' must be a date written YYYY-MM-DD, such as 2025-02-27, not '2025-02-29'");

	/* values */
	CHECK_STR(test_load(HEAD "values:\n  x: y + 1\n  y: x * 2\n  z: z\nsteps:\n" SLUT),
		  "t.yaml:4:3: value 'x' depends on itself | t.yaml:6:3: value 'z' depends on itself");
	CHECK_STR(test_load(HEAD "values:\n  a: 1\nsteps:\n  - id: a\n    type: number\n    title: A\n" SLUT),
		  "t.yaml:4:3: value 'a' has the same name as a step or another value");

	/* tests */
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: number\n    title: A\n" SLUT
			    "tests:\n  - name: t1\n    answers: {a: 1}\n    end: a\n"
			    "  - name: t2\n    answers: {a: 1, qqqqqq: 2}\n    end: slut\n"),
		  "t.yaml:13:10: 'a' is a number step, not an end step | "
		  "t.yaml:15:21: unknown step 'qqqqqq'");
	CHECK_STR(test_load(HEAD "steps:\n  - id: kapital\n    type: number\n    title: A\n" SLUT
			    "tests:\n  - answers: {kapitl: 1}\n    end: slut\n"),
		  "t.yaml:11:15: unknown step 'kapitl' (did you mean 'kapital'?)");
}

/* Inputs made to hurt: refused with a message, and in one pass. */
static void test_hostile(void)
{
	/* nesting 40,000 deep */
	size_t deep = 40000;
	char *buf = xmalloc(deep + 64);
	size_t n = (size_t)sprintf(buf, HEAD "x: ");
	memset(buf + n, '[', deep);
	n += deep;
	buf[n++] = '\n';
	CHECK_STR(test_load_len(buf, n, NULL), "t.yaml:3:35: nested more than 32 levels deep");
	free(buf);

	/* a 70 KiB scalar */
	size_t big = 70 * 1024;
	buf = xmalloc(big + 128);
	n = (size_t)sprintf(buf, HEAD "description: ");
	memset(buf + n, 'a', big);
	n += big;
	n += (size_t)sprintf(buf + n, "\nsteps:\n" SLUT);
	CHECK_STR(test_load_len(buf, n, NULL), "t.yaml:3:14: text of 71680 bytes; the limit is 65536");
	free(buf);

	/* a text of 60 KiB full of braces: every one reported, at its own column, until the list is full */
	size_t braces = 30000;
	buf = xmalloc(2 * braces + 128);
	n = (size_t)sprintf(buf, "trin: 1\ntitle: ");
	for (size_t i = 0; i < braces; i++) {
		buf[n++] = 'x';
		buf[n++] = '}';
	}
	n += (size_t)sprintf(buf + n, "\nsteps:\n" SLUT);
	const char *r = test_load_len(buf, n, NULL);
	CHECK(strncmp(r, "t.yaml:2:9: a lone '}' in a text; write '}}' for a brace | "
			 "t.yaml:2:11: a lone '}' in a text", 92) == 0);
	CHECK(strstr(r, "t.yaml:2:407: a lone '}'") != NULL);
	CHECK(strstr(r, "(29800 more)") != NULL);
	free(buf);

	/* 300,000 keys in a flow mapping, under the file size limit: the event limit refuses them */
	size_t keys = 300000;
	buf = xmalloc(2 * keys + 64);
	n = (size_t)sprintf(buf, HEAD "x: {");
	for (size_t i = 0; i < keys; i++) {
		buf[n++] = 'a';
		buf[n++] = ',';
	}
	n += (size_t)sprintf(buf + n, "}\n");
	CHECK_STR(test_load_len(buf, n, NULL),
		  "t.yaml:3:249996: more than 250000 YAML events (keys, values, lists); the limit is 250000");
	free(buf);

	/* 300,000 different keys, one a line, with a file size limit that lets them through to the parser */
	buf = xmalloc(keys * 16 + 64);
	n = (size_t)sprintf(buf, HEAD "values:\n");
	for (size_t i = 0; i < keys; i++)
		n += (size_t)sprintf(buf + n, "  k%zu: 1\n", i);
	struct load_limits roomy = load_default_limits;
	roomy.max_file = 64 * 1024 * 1024;
	r = test_load_len(buf, n, &roomy);
	CHECK_STR(r, "t.yaml:124999:12: more than 250000 YAML events (keys, values, lists); the limit is 250000");
	/* and with the default limits the size alone refuses the file */
	r = test_load_len(buf, n, NULL);
	CHECK_STR(r, arena_printf(&test_arena, "t.yaml: file is %zu bytes; the limit is 1048576", n));
	free(buf);
}

/* Every problem in a file is reported, not just the first. */
static void test_all_reported(void)
{
	CHECK_STR(test_load(HEAD
			    "langauge: da\n"				/* 3 */
			    "steps:\n"
			    "  - id: a\n"
			    "    type: info\n"
			    "    title: A {nix}\n"				/* 7 */
			    "    next: b\n"					/* 8 */
			    "  - id: a\n"				/* 9 */
			    "    type: end\n"
			    "    title: X\n"
			    "  - id: c\n"				/* 12 */
			    "    type: yesno\n"
			    "    title: C\n"
			    "    required: maybe\n"),			/* 15 */
		  "t.yaml:3:1: unknown key 'langauge' in the wizard (did you mean 'language'?) | "
		  "t.yaml:7:14: unknown name 'nix' in a text | "
		  "t.yaml:8:11: unknown step 'b' (did you mean 'a'?) | "
		  "t.yaml:9:9: duplicate step id 'a' (first at line 5) | "
		  "t.yaml:12:5: step 'c' is the last step but has no 'next'; add 'next' or make it an end step | "
		  "t.yaml:15:15: 'required' must be true or false, not 'maybe'");

	/* a step dropped for its duplicate id leaves nothing behind in the next step's place */
	CHECK_STR(test_load(HEAD "steps:\n"
			    "  - id: a\n    type: info\n    title: A\n"
			    "  - id: a\n    type: text\n    title: \"B {nix}\"\n    pattern: \"x+\"\n    next: slut\n"
			    "  - id: c\n    type: text\n    title: C\n    pattern: \"y+\"\n"),
		  "t.yaml:7:9: duplicate step id 'a' (first at line 4) | "
		  "t.yaml:9:15: unknown name 'nix' in a text | "
		  "t.yaml:11:11: unknown step 'slut' | "
		  "t.yaml:12:5: step 'c' is the last step but has no 'next'; add 'next' or make it an end step");
}

/* The head of a wizard in format 1.1: lines 1 and 2. */
#define HEAD11 "trin: 1.1\ntitle: T\n"

/* Checks across answers and limits written as expressions (1.1). */
static void test_rules(void)
{
	const char *rules = "steps:\n"
			    "  - id: a\n    type: number\n    title: A\n"
			    "  - id: b\n    type: number\n    title: B\n    max: a\n    min: a / 2\n"
			    "    check:\n      - {valid: b != a, message: \"Ikke {a}.\"}\n"
			    "  - id: d\n    type: date\n    title: D\n    min: '\"2020-01-01\"'\n    max: 2030-01-01\n" SLUT;
	CHECK_STR(test_load(arena_printf(&test_arena, HEAD11 "%s", rules)), "ok");
	/* under 'trin: 1': the key, and each limit written as an expression */
	CHECK_STR(test_load(arena_printf(&test_arena, HEAD "%s", rules)),
		  "t.yaml:10:10: an expression in 'max' is new in format 1.1: write 'trin: 1.1' at the top of the wizard | "
		  "t.yaml:11:10: an expression in 'min' is new in format 1.1: write 'trin: 1.1' at the top of the wizard | "
		  "t.yaml:12:5: 'check' is new in format 1.1: write 'trin: 1.1' at the top of the wizard | "
		  "t.yaml:17:11: an expression in 'min' is new in format 1.1: write 'trin: 1.1' at the top of the wizard");
	/* the model holds them */
	struct diags d = { 0 };
	const char *yaml = arena_printf(&test_arena, HEAD11 "%s", rules);
	struct wizard *w = wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &d);
	CHECK(w != NULL);
	if (w) {
		const struct step *b = &w->steps[1], *dd = &w->steps[2];
		CHECK_NUM(step_more(b)->nchecks, 1);
		CHECK_STR(step_more(b)->checks[0].message.msgid, "Ikke {a}.");
		CHECK_NUM(step_more(b)->checks[0].loc.line, 13);
		CHECK_STR(expr_text(step_more(b)->max_expr.expr), "a");
		CHECK_STR(expr_text(step_more(b)->min_expr.expr), "a / 2");
		CHECK(!b->has_min && !b->has_max);
		CHECK(step_more(dd)->min_expr.expr && !step_more(dd)->min_date);
		CHECK_STR(step_more(dd)->max_date, "2030-01-01");
		CHECK(!step_more(dd)->max_expr.expr);
	}
	wizard_free(w);
	diag_free(&d);

	/* wrong shapes and types */
	CHECK_STR(test_load(HEAD11 "steps:\n  - id: a\n    type: text\n    title: A\n"
			    "    check:\n      - {valid: a, message: M}\n      - {valid: 'a == \"x\"'}\n"
			    "      - {message: M, when: a}\n      - nej\n" SLUT),
		  "t.yaml:8:17: 'valid' must be true or false, but this is never a boolean | "
		  "t.yaml:9:9: an entry of 'check' needs 'message', the words that say why the answer is refused | "
		  "t.yaml:10:9: an entry of 'check' needs 'valid', the condition the answer must meet | "
		  "t.yaml:10:22: unknown key 'when' in 'check' | "
		  "t.yaml:11:9: an entry of 'check' must be a mapping (key: value), not text");
	CHECK_STR(test_load(HEAD11 "steps:\n  - id: a\n    type: text\n    title: A\n    check: []\n" SLUT),
		  "t.yaml:7:12: 'check' is an empty list");
	CHECK_STR(test_load(HEAD11 "steps:\n  - id: a\n    type: info\n    title: A\n    check: []\n" SLUT),
		  "t.yaml:7:5: key 'check' does not apply to steps of type info");
	CHECK_STR(test_load(HEAD11 "steps:\n  - id: a\n    type: text\n    title: A\n"
			    "  - id: n\n    type: number\n    title: N\n    min: a\n    max: a == \"x\"\n"
			    "  - id: d\n    type: date\n    title: D\n    min: n\n    max: (a\n"
			    "  - id: e\n    type: date\n    title: E\n    min: i morgen\n    max: b + 1\n" SLUT),
		  "t.yaml:10:10: 'min' must be a number, but this is never one | "
		  "t.yaml:11:10: 'max' must be a number, but this is never one | "
		  "t.yaml:15:10: 'min' must be a date (a text YYYY-MM-DD), but this is never one | "
		  "t.yaml:16:12: expected ')', got end of expression | "
		  "t.yaml:20:10: 'min' must be a date written YYYY-MM-DD, such as 2025-02-27, not 'i morgen' | "
		  "t.yaml:21:10: unknown name 'b' (did you mean 'a'?)");
}

/* The keys of the texts for translators, in order, joined by spaces. */
static const char *test_text_keys(const char *yaml)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &d);
	const char *s = w ? "" : "(no wizard)";
	size_t n = 0;
	const struct wizard_text *t = w ? pot_texts(w, &test_arena, &n) : NULL;
	for (size_t i = 0; i < n; i++)
		s = arena_printf(&test_arena, "%s%s%s", s, i ? " " : "", t[i].key);
	wizard_free(w);
	diag_free(&d);
	return s;
}

/*
 * The steps are read as the parse goes once 'trin' is known, and from the tree when it is not: both give
 * the same messages, texts in the same order, and a file that is not YAML says only that.
 */
static void test_streamed(void)
{
	const char *steps = "steps:\n"
			    "  - id: a\n    type: info\n    title: A {nix}\n    next: b\n"
			    "  - id: a\n    type: end\n    title: X\n"
			    "  - id: c\n    type: yesno\n    title: C\n    sensitive: true\n    required: maybe\n";
	const char *want = "t.yaml:6:14: unknown name 'nix' in a text | "
			   "t.yaml:7:11: unknown step 'b' (did you mean 'a'?) | "
			   "t.yaml:8:9: duplicate step id 'a' (first at line 4) | "
			   "t.yaml:11:5: step 'c' is the last step but has no 'next'; add 'next' or make it an end step | "
			   "t.yaml:14:5: 'sensitive' is new in format 1.1: write 'trin: 1.1' at the top of the wizard | "
			   "t.yaml:15:15: 'required' must be true or false, not 'maybe'";
	CHECK_STR(test_load(arena_printf(&test_arena, "trin: 1\ntitle: T\n%s", steps)), want);
	/* the version after the steps: read from the tree, the same words at the same places */
	CHECK_STR(test_load(arena_printf(&test_arena, "title: T\n%strin: 1\n", steps)),
		  "t.yaml:5:14: unknown name 'nix' in a text | "
		  "t.yaml:6:11: unknown step 'b' (did you mean 'a'?) | "
		  "t.yaml:7:9: duplicate step id 'a' (first at line 3) | "
		  "t.yaml:10:5: step 'c' is the last step but has no 'next'; add 'next' or make it an end step | "
		  "t.yaml:13:5: 'sensitive' is new in format 1.1: write 'trin: 1.1' at the top of the wizard | "
		  "t.yaml:14:15: 'required' must be true or false, not 'maybe'");
	/* not YAML further on: only that, nothing of the steps read before */
	CHECK_STR(test_load(arena_printf(&test_arena, "trin: 1\ntitle: T\n%s  - [\n", steps)),
		  "t.yaml:17:1: YAML syntax: did not find expected node content while parsing a flow node (line 17)");
	/* a second 'steps': the first counts, as ever */
	CHECK_STR(test_load(HEAD "steps:\n" SLUT "steps:\n  - id: x\n    type: nix\n"),
		  "t.yaml:7:1: duplicate key 'steps' (first at line 3)");
	/* the first 'steps' read from the tree, a second after the version: still only the first */
	CHECK_STR(test_load("title: T\nsteps:\n" SLUT "trin: 1\nsteps:\n  - id: slut\n    type: nix\n"),
		  "t.yaml:7:1: duplicate key 'steps' (first at line 2)");
	CHECK_STR(test_load(HEAD "steps: nej\nsteps:\n  - id: a\n    type: info\n    title: A\n    next: q\n"),
		  "t.yaml:3:8: 'steps' must be a list, not text | t.yaml:4:1: duplicate key 'steps' (first at line 3)");
	CHECK_STR(test_load(HEAD "steps: []\n"), "t.yaml:3:8: 'steps' is empty");
	CHECK_STR(test_load(HEAD "steps:\n  - nej\n" SLUT),
		  "t.yaml:4:5: a step must be a mapping (key: value), not text");
	/* the texts for translators in the file's order, however the steps were read */
	const char *keys = "title description glossary.hæftelse (the term) glossary.hæftelse steps.a.title "
			   "steps.a.choices.ja.label steps.a.choices.nej.label steps.slut.title";
	const char *body = "description: D\nglossary:\n  hæftelse: H\nsteps:\n"
			   "  - id: a\n    type: choice\n    title: A\n    choices: [{value: ja, label: Ja}, {value: nej, label: Nej}]\n" SLUT;
	CHECK_STR(test_text_keys(arena_printf(&test_arena, HEAD "%s", body)), keys);
	CHECK_STR(test_text_keys(arena_printf(&test_arena, "title: T\n%strin: 1\n", body)), keys);
}

/*
 * Every kind of text has its key: paragraphs by number, a choice by its value (by number when written as its
 * label alone), a check's message, a group's steps, add and item under the group, an end's todo; a text with
 * plural forms has its 'other'.
 */
static void test_text_keys_all(void)
{
	const char *yaml = HEAD11 "steps:\n"
			   "  - id: a\n    type: text\n    title: A\n    text: [P1, {when: a == \"x\", text: P2}]\n"
			   "    help: H\n    guide: G\n    message: M\n    pattern: \"[0-9]+\"\n"
			   "    check: [{valid: a != \"0\", message: C1}]\n"
			   "  - id: b\n    type: choice\n    title: B\n    choices: [Ja, {value: Nej, label: Nej}]\n"
			   "  - id: n\n    type: number\n    title: N\n    unit: kr.\n"
			   "  - id: g\n    type: repeat\n    title: G\n    add: Flere?\n    item: \"{x}\"\n    steps:\n"
			   "      - {id: x, type: text, title: X, help: [Y1, Y2]}\n"
			   "  - id: slut\n    type: end\n    title: S\n"
			   "    todo: [T1, {one: \"{n} ting\", other: \"{n} ting mere\", count: n}]\n";
	CHECK_STR(test_text_keys(yaml), "title steps.a.title steps.a.text.1 steps.a.text.2 steps.a.help steps.a.guide "
		  "steps.a.message steps.a.check.1.message steps.b.title steps.b.choices.1 steps.b.choices.Nej.label "
		  "steps.n.title steps.n.unit steps.g.title steps.g.steps.x.title steps.g.steps.x.help.1 "
		  "steps.g.steps.x.help.2 steps.g.add steps.g.item steps.slut.title steps.slut.todo.1 steps.slut.todo.2");
	/* a key is as long as its term or value: nothing cut, not even inside a character */
	const char *term = "", *value = "";
	for (int i = 0; i < 80; i++) {
		term = arena_printf(&test_arena, "%s\u00e6", term);
		value = arena_printf(&test_arena, "%sv", value);
	}
	CHECK_STR(test_text_keys(arena_printf(&test_arena, HEAD "glossary:\n  \"%s\": Et ord.\nsteps:\n"
						"  - id: b\n    type: choice\n    title: B\n"
						"    choices: [{value: %s, label: Ja}, Nej]\n" SLUT, term, value)),
		  arena_printf(&test_arena, "title glossary.%s (the term) glossary.%s steps.b.title steps.b.choices.%s.label "
			       "steps.b.choices.2 steps.slut.title", term, term, value));
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &d);
	size_t n = 0;
	const struct wizard_text *t = w ? pot_texts(w, &test_arena, &n) : NULL;
	CHECK_NUM(n, 22);
	CHECK_STR(n == 22 ? t[21].msgid : "", "{n} ting");
	CHECK_STR(n == 22 && t[21].plural ? t[21].plural : "", "{n} ting mere");
	CHECK_NUM(n == 22 ? t[21].loc.line : 0, 31);
	CHECK(n == 22 && !t[20].plural);
	wizard_free(w);
	diag_free(&d);
}

/* Where step i of test_refs_early goes: back now and then, to the end often, else to the step after it. */
static int test_ref_target(int i)
{
	return i % 7 == 3 && i > 10 ? i - 9 : i % 5 == 0 || i == 299 ? 300 : i + 1;
}

/* 300 steps going to test_ref_target, step 150 first to 'bad' when it is given; the end step is 300. */
static const char *test_refs_yaml(const char *bad)
{
	const char *yaml = HEAD "steps:\n";
	for (int i = 0; i < 300; i++) {
		int t = test_ref_target(i);
		const char *to = t == 300 ? "slut" : arena_printf(&test_arena, "s%d", t);
		yaml = arena_printf(&test_arena, "%s  - {id: s%d, type: yesno, title: S, next: [{when: s%d, goto: %s}, "
				    "{goto: %s}]}\n", yaml, i, i, i == 150 && bad ? bad : to, to);
	}
	return arena_printf(&test_arena, "%s" SLUT, yaml);
}

/*
 * Gotos are resolved while the steps are read, once their list has grown: forward, back and to the end,
 * each lands where it names, and one to no step is still said where it is written.
 */
static void test_refs_early(void)
{
	CHECK_STR(test_load(test_refs_yaml("nix")), "t.yaml:154:65: unknown step 'nix'");
	const char *yaml = test_refs_yaml(NULL);
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &d);
	CHECK_NUM(d.errors, 0);
	CHECK(w != NULL);
	int wrong = 0;
	for (int i = 0; w && i < 300; i++)
		for (size_t k = 0; k < 2; k++)
			wrong += w->steps[i].next[k].target != test_ref_target(i);
	CHECK_NUM(wrong, 0);
	wizard_free(w);
	diag_free(&d);
}

/* Past the limit of messages, those of the wizard's own keys are kept before the steps', as from the tree. */
static void test_streamed_limit(void)
{
	const char *yaml = HEAD "steps:\n";
	for (int i = 0; i < DIAG_MAX + 10; i++)
		yaml = arena_printf(&test_arena, "%s  - {id: s%d, type: yesno, title: S, required: maybe}\n", yaml, i);
	yaml = arena_printf(&test_arena, "%s" SLUT "bogus: 1\n", yaml);
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &d);
	CHECK(!w);
	CHECK_NUM(d.n, DIAG_MAX);
	bool own = false;
	for (size_t i = 0; i < d.n; i++)
		own |= strcmp(d.v[i].msg, "unknown key 'bogus' in the wizard") == 0;
	CHECK(own);
	CHECK_NUM(d.errors, DIAG_MAX + 10 + 1);
	wizard_free(w);
	diag_free(&d);
}

/* A step of a group refused (a duplicate id) leaves nothing in the place the next one is read into. */
static void test_refused_inner(void)
{
	const char *yaml = "trin: 1.1\ntitle: T\nsteps:\n"
			   "  - id: g\n    type: repeat\n    title: G\n    item: \"{a}\"\n    add: Flere?\n    steps:\n"
			   "      - {id: a, type: text, title: A, text: [P1, P2]}\n"
			   "      - {id: a, type: text, title: A2, text: [Q1, Q2], pattern: \"[0-9]+\"}\n"
			   "      - {id: b, type: text, title: B, text: [{when: a == \"x\", text: R1}]}\n" SLUT;
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer_analysis("t.yaml", yaml, strlen(yaml), NULL, &d);
	CHECK_NUM(d.n, 1);
	CHECK(w != NULL);
	if (w && step_more(&w->steps[0])->ninner == 2) {
		const struct step *b = &step_more(&w->steps[0])->inner[1];
		CHECK_STR(b->id, "b");
		CHECK_NUM(b->ntexts, 1);
		CHECK_STR(b->ntexts ? b->texts[0].msgid : "", "R1");
		CHECK(!step_more(b)->pattern);
	} else {
		CHECK(!"the group has its two steps");
	}
	wizard_free(w);
	diag_free(&d);
	/* a {name} after a step of a group refused is checked once, in its own words */
	CHECK_STR(test_load(HEAD11 "steps:\n"
			    "  - id: g\n    type: repeat\n    title: G\n    item: \"{a}\"\n    add: Flere?\n    steps:\n"
			    "      - {id: a, type: text, title: A}\n"
			    "      - {id: a, type: text, title: \"A2 {a}\"}\n"
			    "      - {id: b, type: text, title: \"B {nix}\"}\n" SLUT),
		  "t.yaml:11:9: duplicate step id 'a' in the group 'g' | t.yaml:12:39: unknown name 'nix' in a text");
	/* and likewise after a choice refused; the refused one's own {name} is not looked at */
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: choice\n    title: A\n"
			    "    choices: [{value: j, label: J}, {value: j, label: \"{x}\"}, {value: n, label: \"{y}\"}]\n" SLUT),
		  "t.yaml:7:45: duplicate choice value 'j' (first at line 7) | "
		  "t.yaml:7:82: unknown name 'y' in a text (did you mean 'a'?)");
	/* a text on one line of the file that holds U+2028 or U+2029 (line breaks to libyaml) is still pointed
	 * into by column; one with an escape that makes such a break is not */
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: \"x\xE2\x80\xA8y {nix}\"\n"
			    "    help: 'q\xE2\x80\xA9\xE2\x80\xA9r {nox}'\n  - id: b\n    type: end\n    title: \"\\Lz {nux}\"\n"),
		  "t.yaml:6:17: unknown name 'nix' in a text | t.yaml:8:17: unknown name 'nox' in a text | "
		  "t.yaml:13:12: unknown name 'nux' in a text");
	/* a key may not hold a NUL character, and is then no word of the format */
	CHECK_STR(test_load(HEAD "\"steps\\0x\": []\nsteps:\n  - {id: a, type: end, title: A}\n"),
		  "t.yaml:3:1: a key may not hold a NUL character (\\0) | "
		  "t.yaml:3:1: unknown key 'steps' in the wizard (did you mean 'steps'?)");
	/* a long list is checked for the same value as a short one is, by another road */
	for (int n = 15; n <= 18; n++) {
		const char *list = "";
		for (int k = 0; k < n; k++)
			list = arena_printf(&test_arena, "%s      - {value: v%d, label: L%d}\n", list, k % (n - 1), k);
		CHECK_STR(test_load(arena_printf(&test_arena, HEAD "steps:\n  - id: a\n    type: choice\n    title: A\n"
						 "    choices:\n%s" SLUT, list)),
			  arena_printf(&test_arena, "t.yaml:%d:17: duplicate choice value 'v0' (first at line 8)", 8 + n - 1));
	}
	/* a choice refused, and nothing read into its place after it */
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: choice\n    title: A\n"
			    "    choices: [{value: j, label: J}, {value: n, label: N}, {value: j, label: \"{x}\"}, [x]]\n" SLUT),
		  "t.yaml:7:67: duplicate choice value 'j' (first at line 7) | "
		  "t.yaml:7:85: a choice must be text or {value: ..., label: ...}, not a list");
}

/* A text written again is kept once; texts alike at their ends and middle but not whole are not one. */
static void test_texts_once(void)
{
	const char *yaml = HEAD "steps:\n"
			   "  - id: a\n    type: info\n    title: Samme tekst her\n    help: Spørg hjælperen.\n"
			   "  - id: b\n    type: info\n    title: Samme tekst her\n    help: \"Spørg hjælperen.\"\n"
			   "  - id: c\n    type: info\n    title: Samme tekst hér\n    help: Spørg hjælperen!\n" SLUT;
	struct diags d = { 0 };
	struct wizard *w = wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &d);
	CHECK(w != NULL);
	if (w) {
		CHECK(w->steps[0].title.msgid == w->steps[1].title.msgid);
		CHECK(w->steps[0].help.msgid == w->steps[1].help.msgid);
		CHECK_STR(w->steps[2].title.msgid, "Samme tekst hér");
		CHECK_STR(w->steps[2].help.msgid, "Spørg hjælperen!");
		CHECK_NUM(w->steps[1].help.loc.line, 11);	/* each keeps its own place */
	}
	wizard_free(w);
	diag_free(&d);
}

/* A text kept once is still refused at every place it is written, each with its own message. */
static void test_texts_once_refused(void)
{
	const char *yaml = HEAD "steps:\n"
			   "  - id: a\n    type: info\n    title: \"Samme \\x01 her\"\n"
			   "  - id: b\n    type: info\n    title: Ren tekst\n"
			   "  - id: c\n    type: info\n    title: \"Samme \\x01 her\"\n"
			   "  - id: d\n    type: info\n    title: Ren tekst\n" SLUT;
	struct diags d = { 0 };
	CHECK(!wizard_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &d));
	CHECK_NUM(d.n, 2);
	if (d.n == 2) {
		CHECK_NUM(d.v[0].loc.line, 6);
		CHECK_NUM(d.v[1].loc.line, 12);
		CHECK(strstr(d.v[1].msg, "control character U+0001") != NULL);
	}
	diag_free(&d);
	/* and a name in braces is looked up at each */
	CHECK_STR(test_load(HEAD "steps:\n  - id: a\n    type: info\n    title: Om {nix}\n"
			    "  - id: b\n    type: info\n    title: Om {nix}\n" SLUT),
		  "t.yaml:6:15: unknown name 'nix' in a text | t.yaml:9:15: unknown name 'nix' in a text");
}

/*
 * A file of about 3 MB (read as the parse goes, and whole again when the parse stops short) of n steps and
 * then tail, loaded; the one message it gives, its line counted from the tail's first, and its column: 0 0
 * "(n messages)" otherwise.
 */
static const char *test_large(const char *head, const char *tail, int n)
{
	const char *dir = getenv("TMPDIR");
	char *path = arena_printf(&test_arena, "%s/test-load-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f)
		return "(no file)";
	fputs(head, f);
	for (int i = 0; i < n; i++)
		fprintf(f, "  - id: s%d\n    type: info\n    title: \"Trin nummer %d af en meget lang guide om æøå\"\n"
			"    text: Svar så godt du kan, og spørg hjælperen ved siden af dig, hvis du er i tvivl.\n", i, i);
	fputs(tail, f);
	fclose(f);
	struct load_limits limits = load_default_limits;
	limits.max_file = 8u << 20;
	limits.max_events = 1u << 22;
	struct diags d = { 0 };
	struct wizard *w = wizard_load(path, &limits, &d);
	const char *s = arena_printf(&test_arena, "0 0 (%zu messages)", d.n);
	if (d.n == 1)
		s = arena_printf(&test_arena, "%d %d %s", d.v[0].loc.line - (3 + 4 * n), d.v[0].loc.col, d.v[0].msg);
	if (w)
		s = arena_printf(&test_arena, "(a wizard) %s", s);
	diag_free(&d);
	wizard_free(w);
	remove(path);
	return s;
}

/* What is said at the end of a file larger than libyaml's buffers has exact places. */
static void test_large_file(void)
{
	static const struct {
		const char *title, *want;	/* of the end step after the many, and the one message */
	} cases[] = {
		/* at the brace: the column is exact */
		{ "\"Slut på {nix} nu\"\n", "3 21 unknown name 'nix' in a text" },
		/* bytes the file may not hold, megabytes after libyaml's buffer last held the start */
		{ "\"Slut på \x01 nu\"\n", "3 21 control character U+0001 in the file" },
		{ "Slut på \xC3\x41 nu\n", "3 20 invalid UTF-8 (byte 0xC3); save the file as UTF-8" },
		{ "Slut\n# en note\n#  og så \xC2\x85\xC2\x80\n", "5 11 control character U+0080 in the file" },
		{ "Slut \xEF\xBF\xBE\n", "3 17 control character U+FFFE in the file" },
		{ "Slut \xF0\x9F\x98", "3 17 invalid UTF-8 (byte 0xF0); save the file as UTF-8" },
	};
	const char *head = "trin: 1\ntitle: T\nsteps:\n";
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		CHECK_STR(test_large(head, arena_printf(&test_arena, "  - id: slut\n    type: end\n    title: %s",
							cases[i].title), 20000),
			  cases[i].want);
	/* lines are counted by line feeds alone (libyaml also breaks at U+2028) */
	CHECK_STR(test_large("trin: 1\ntitle: \"T \xE2\x80\xA8 u\"\nsteps:\n",
			     "  - id: slut\n    type: end\n    title: \"Slut \x01\"\n", 20000),
		  "3 18 control character U+0001 in the file");
}

/* What loading the len bytes at text says, from a file of them and from memory, as "line:col: message" lines. */
static const char *test_said(const char *text, size_t len, bool from_file)
{
	const char *dir = getenv("TMPDIR");
	char *path = arena_printf(&test_arena, "%s/test-load-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, text, len) != (ssize_t)len)
		return "(no file)";
	close(fd);
	struct diags d = { 0 };
	struct wizard *w = from_file ? wizard_load(path, NULL, &d) : wizard_load_buffer(path, text, len, NULL, &d);
	const char *s = w ? "(a wizard)" : "";
	for (size_t i = 0; i < d.n; i++)
		s = arena_printf(&test_arena, "%s%d:%d: %s\n", s, d.v[i].loc.line, d.v[i].loc.col, d.v[i].msg);
	diag_free(&d);
	wizard_free(w);
	remove(path);
	return s;
}

/* A file read as the parse goes says what the same bytes in memory say: its first bytes, looked at before the
 * parse, and bytes it may not hold, found after, at every place among them. */
static void test_file_as_memory(void)
{
	static const char *const texts[] = {
		"", "\xEF\xBB\xBF", "\xEF\xBB\xBF\xEF\xBB\xBF", "a", "trin: 1\n", "\xFF\xFEt\0r\0i\0n\0", "t\0r\0i\0n\0:\0 \0001\0",
		"\xEF\xBB\xBFt\0r\0i\0n\0:\0", "\xEF\xBB\xBFtrin: 1\ntitle: T\nsteps:\n  - {id: a, type: end, title: {nix}}\n",
		"trin: 1\ntitle: T\nsteps:\n  - {id: a, type: end, title: \"{nix}\"}\n", "trin: [\n", "\xEF\xBB\xBF- a\n- b: [\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		size_t len = strlen(texts[i]);
		if (i == 5 || i == 6 || i == 7)	/* with their zero bytes */
			len = i == 5 ? 10 : i == 6 ? 14 : 13;
		CHECK_STR(test_said(texts[i], len, true), test_said(texts[i], len, false));
	}
	/* a byte it may not hold at each of the first 16 places, of a file short and long */
	static const char *const bytes[] = { "\x01", "\xC3", "\x7F", "\xC2\x85", "\xEF\xBF\xBF" };
	const char *wizard = "trin: 1\ntitle: T\nsteps:\n  - {id: a, type: end, title: Slut}\n";
	int differ = 0;
	for (size_t b = 0; b < sizeof bytes / sizeof *bytes; b++)
		for (size_t at = 0; at < 16; at++) {
			char *t = arena_printf(&test_arena, "%.*s%s%s", (int)at, wizard, bytes[b], wizard + at);
			differ += strcmp(test_said(t, strlen(t), true), test_said(t, strlen(t), false)) != 0;
		}
	CHECK(differ == 0);
	CHECK_STR(test_said("", 0, true), "1:1: the file is empty\n");
	/* a file that is longer than it says it is (as one growing while it is read): the limit holds */
	struct load_limits limits = load_default_limits;
	limits.max_file = 16;
	struct diags d = { 0 };
	if (access("/proc/self/status", R_OK) == 0) {
		CHECK(!wizard_load("/proc/self/status", &limits, &d));
		CHECK(d.n == 1 && strstr(d.v[0].msg, "file is over the limit of 16 bytes"));
	}
	diag_free(&d);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_valid();
	test_errors();
	test_hostile();
	test_all_reported();
	test_rules();
	test_streamed();
	test_text_keys_all();
	test_refs_early();
	test_texts_once();
	test_texts_once_refused();
	test_streamed_limit();
	test_refused_inner();
	test_large_file();
	test_file_as_memory();
	arena_free(&test_arena);
	return test_done("test-load");
}
