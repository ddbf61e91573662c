/*
 * test-expr: unit tests of the expression language (parse, bind, eval) and the value helpers.
 *
 * Every check compares exact text: a value printed as "12.5", "true", "\"ja\"", "[1, 2]" or "null", or a
 * diagnostic printed as "line:col: message".  Prints each failing check with its line; exits non-zero
 * when any check failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "expr.h"
#include "i18n.h"

#include "test.h"

/* The test scope: a few step ids with their static types and current values. */
static const struct test_sym {
	const char *name;
	expr_type type;
} test_syms[] = {
	{ "kapital", TYPE_NUM | TYPE_NULL },	/* 0: 40000 */
	{ "alene", TYPE_STR | TYPE_NULL },	/* 1: "ja" */
	{ "ansatte", TYPE_NUM },		/* 2: 3 */
	{ "valg", TYPE_LIST | TYPE_NULL },	/* 3: ["a", "b"] */
	{ "svar", TYPE_BOOL | TYPE_NULL },	/* 4: true */
	{ "dato", TYPE_STR },			/* 5: "2024-01-31" */
	{ "fritt", TYPE_ANY },			/* 6: "tekst" */
	{ "tom", TYPE_NUM | TYPE_NULL },	/* 7: null */
	{ "stor", TYPE_NUM },			/* 8: the largest number */
};

static int test_lookup(void *ctx, const char *name, expr_type *type)
{
	(void)ctx;
	for (size_t i = 0; i < ARRAY_LEN(test_syms); i++) {
		if (strcmp(test_syms[i].name, name) == 0) {
			*type = test_syms[i].type;
			return (int)i;
		}
	}
	return -1;
}

static const char *test_suggest(void *ctx, const char *name)
{
	(void)ctx;
	for (size_t i = 0; i < ARRAY_LEN(test_syms); i++)
		if (util_edit_distance(name, test_syms[i].name, 2) <= 2)
			return test_syms[i].name;
	return NULL;
}

static struct value test_get(void *ctx, int sym)
{
	static const struct value choices[] = {
		{ .type = VAL_STR, .u.s = "a" }, { .type = VAL_STR, .u.s = "b" },
	};
	struct value *reads = ctx;
	reads->u.n++;
	switch (sym) {
	case 0: return (struct value){ .type = VAL_NUM, .u.n = 40000LL * EXPR_SCALE };
	case 1: return (struct value){ .type = VAL_STR, .u.s = "ja" };
	case 2: return (struct value){ .type = VAL_NUM, .u.n = 3 * EXPR_SCALE };
	case 3: return (struct value){ .type = VAL_LIST, .u.list = { choices, 2 } };
	case 4: return (struct value){ .type = VAL_BOOL, .u.b = true };
	case 5: return (struct value){ .type = VAL_STR, .u.s = "2024-01-31" };
	case 6: return (struct value){ .type = VAL_STR, .u.s = "tekst" };
	case 8: return (struct value){ .type = VAL_NUM, .u.n = INT64_MAX };
	default: return (struct value){ .type = VAL_NULL };
	}
}

/* Only dato holds a date. */
static bool test_date(void *ctx, int sym)
{
	(void)ctx;
	return sym == 5;
}

static const struct expr_scope test_scope = { .lookup = test_lookup, .suggest = test_suggest, .date = test_date,
					       .minor = 1 };

/* Print v into the arena as the tests spell values. */
static const char *test_show(struct arena *a, struct value v)
{
	char buf[32];
	switch (v.type) {
	case VAL_NULL: return "null";
	case VAL_BOOL: return v.u.b ? "true" : "false";
	case VAL_NUM: return arena_strdup(a, value_num_format(v.u.n, buf, sizeof buf));
	case VAL_STR: return arena_printf(a, "\"%s\"", v.u.s);
	case VAL_LIST: {
		const char *s = "[";
		for (size_t i = 0; i < v.u.list.n; i++)
			s = arena_printf(a, "%s%s%s", s, i ? ", " : "", test_show(a, v.u.list.items[i]));
		return arena_printf(a, "%s]", s);
	}
	}
	return "?";
}

/* The diagnostics as "line:col: message" joined by " | ". */
static const char *test_diags(struct arena *a, const struct diags *d)
{
	const char *s = "";
	for (size_t i = 0; i < d->n; i++)
		s = arena_printf(a, "%s%s%d:%d: %s", s, i ? " | " : "", d->v[i].loc.line, d->v[i].loc.col,
				 d->v[i].msg);
	return s;
}

static struct arena test_arena;

/* Parse (at line 1 col 1, exact), bind and evaluate src (texts in lang: NULL for Danish); as test_run. */
static const char *test_run_in(const char *src, const char *lang);

/* Parse (at line 1 col 1, exact), bind and evaluate src; the value, or "parse: ", "bind: ", "eval: " errors. */
static const char *test_run(const char *src)
{
	return test_run_in(src, NULL);
}

static const char *test_run_in(const char *src, const char *lang)
{
	struct arena *a = &test_arena;
	struct diags d = { 0 };
	struct expr_source where = { { "t.yaml", 1, 1 }, true };
	const char *r;
	struct expr *e = expr_parse(a, src, where, &d);
	if (!e) {
		r = arena_printf(a, "parse: %s", test_diags(a, &d));
	} else if (!expr_bind(e, &test_scope, &d)) {
		r = arena_printf(a, "bind: %s", test_diags(a, &d));
	} else {
		struct value v, reads = { 0 };
		const char *err = NULL;
		struct expr_env env = { test_get, &reads, NULL, "2026-11-30", lang ? i18n_lang(lang) : NULL, NULL };
		r = expr_eval(e, &env, a, &v, &err) ? test_show(a, v) : arena_printf(a, "eval: %s", err);
	}
	if (d.n && e && strncmp(r, "bind", 4) != 0)
		r = arena_printf(a, "unexpected diagnostics: %s", test_diags(a, &d));
	diag_free(&d);
	return r;
}

/* Parse src at a given place and return the diagnostics as "file:line:col: message". */
static const char *test_parse_at(const char *src, int line, int col, bool exact)
{
	struct arena *a = &test_arena;
	struct diags d = { 0 };
	struct expr_source where = { { "w.yaml", line, col }, exact };
	struct expr *e = expr_parse(a, src, where, &d);
	if (e)
		expr_bind(e, &test_scope, &d);
	const char *r = d.n ? arena_printf(a, "%s:%s", d.v[0].loc.file, test_diags(a, &d)) : "ok";
	diag_free(&d);
	return r;
}

/* The static type of src, as a bit set. */
static expr_type test_type(const char *src)
{
	struct diags d = { 0 };
	struct expr_source where = { { "t.yaml", 1, 1 }, true };
	struct expr *e = expr_parse(&test_arena, src, where, &d);
	expr_type t = e ? expr_bind(e, &test_scope, &d) : 0;
	diag_free(&d);
	return t;
}

static void test_collect(void *ctx, int sym)
{
	char *s = ctx;
	size_t n = strlen(s);
	s[n] = (char)('0' + sym);
	s[n + 1] = '\0';
}

/* The distinct symbols src reads, as digits in visiting order. */
static const char *test_symbols(const char *src)
{
	static char buf[64];
	struct diags d = { 0 };
	struct expr_source where = { { "t.yaml", 1, 1 }, true };
	struct expr *e = expr_parse(&test_arena, src, where, &d);
	buf[0] = '\0';
	if (e && expr_bind(e, &test_scope, &d))
		expr_symbols(e, test_collect, buf);
	diag_free(&d);
	return buf;
}

static void test_precedence(void)
{
	CHECK_STR(test_run("1 + 2 * 3"), "7");
	CHECK_STR(test_run("(1 + 2) * 3"), "9");
	CHECK_STR(test_run("10 - 4 - 3"), "3");
	CHECK_STR(test_run("24 / 4 / 2"), "3");
	CHECK_STR(test_run("-2 * 3"), "-6");
	CHECK_STR(test_run("- -2"), "2");
	CHECK_STR(test_run("1 + 2 == 3"), "true");
	CHECK_STR(test_run("not 1 == 2"), "true");
	CHECK_STR(test_run("true or false and false"), "true");
	CHECK_STR(test_run("(true or false) and false"), "false");
	CHECK_STR(test_run("not true or true"), "true");
	CHECK_STR(test_run("not (true or true)"), "false");
	CHECK_STR(test_run("not not true"), "true");
	CHECK_STR(test_run("1 < 2 and 2 < 3"), "true");
	CHECK_STR(test_run("kapital > 1000 * 30 and alene == 'ja'"), "true");
}

static void test_literals(void)
{
	CHECK_STR(test_run("12"), "12");
	CHECK_STR(test_run("12.5"), "12.5");
	CHECK_STR(test_run("0.0001"), "0.0001");
	CHECK_STR(test_run("007.50"), "7.5");
	CHECK_STR(test_run("\"a\\\"b\\\\c\\nd\""), "\"a\"b\\c\nd\"");
	CHECK_STR(test_run("'it''s'"), "parse: 1:5: unexpected ''s''");
	CHECK_STR(test_run("'no \\n escapes'"), "\"no \\n escapes\"");
	CHECK_STR(test_run("\"\""), "\"\"");
	CHECK_STR(test_run("true"), "true");
	CHECK_STR(test_run("false"), "false");
	CHECK_STR(test_run("null"), "null");
	CHECK_STR(test_run("[]"), "[]");
	CHECK_STR(test_run("[1, 'a', [true, null]]"), "[1, \"a\", [true, null]]");
	CHECK_STR(test_run("922337203685477.5807"), "922337203685477.5807");
	CHECK_STR(test_run("-922337203685477.5807"), "-922337203685477.5807");
	CHECK_STR(test_run("kapital"), "40000");
	CHECK_STR(test_run("valg"), "[\"a\", \"b\"]");
	CHECK_STR(test_run("tom"), "null");
	CHECK_STR(test_run("_x"), "bind: 1:1: unknown name '_x'");
}

static void test_arithmetic(void)
{
	CHECK_STR(test_run("0.1 + 0.2 == 0.3"), "true");
	CHECK_STR(test_run("0.1 + 0.2"), "0.3");
	CHECK_STR(test_run("40000 * 0.25"), "10000");
	CHECK_STR(test_run("kapital * 0.25"), "10000");
	CHECK_STR(test_run("10 / 3"), "3.3333");
	CHECK_STR(test_run("2 / 3"), "0.6667");
	CHECK_STR(test_run("-2 / 3"), "-0.6667");
	CHECK_STR(test_run("2 / -3"), "-0.6667");
	CHECK_STR(test_run("0.0001 * 0.5"), "0.0001");
	CHECK_STR(test_run("-0.0001 * 0.5"), "-0.0001");
	CHECK_STR(test_run("0.0001 * 0.4"), "0");
	CHECK_STR(test_run("1.5 * 1.5"), "2.25");
	CHECK_STR(test_run("7 - 10"), "-3");
	CHECK_STR(test_run("1 / 0"), "null");
	CHECK_STR(test_run("0 / 0"), "null");
	CHECK_STR(test_run("kapital / (ansatte - 3)"), "null");
	CHECK_STR(test_run("tom + 1"), "null");
	CHECK_STR(test_run("1 - tom"), "null");
	CHECK_STR(test_run("tom * 2"), "null");
	CHECK_STR(test_run("-tom"), "null");
	CHECK_STR(test_run("null + 1"), "null");
	CHECK_STR(test_run("stor + 0.0001"), "null");
	CHECK_STR(test_run("stor + 0"), "922337203685477.5807");
	CHECK_STR(test_run("-stor - 0.0001"), "null");
	CHECK_STR(test_run("stor * 2"), "null");
	CHECK_STR(test_run("stor * 1"), "922337203685477.5807");
	CHECK_STR(test_run("stor / 0.5"), "null");
	CHECK_STR(test_run("stor / stor"), "1");
	CHECK_STR(test_run("(stor * 2) == null"), "true");
	CHECK_STR(test_run("'ab' + \"cd\""), "\"abcd\"");
	CHECK_STR(test_run("alene + '!'"), "\"ja!\"");
	CHECK_STR(test_run("fritt + 1"), "eval: '+' needs two numbers or two strings");
	CHECK_STR(test_run("fritt * 1"), "eval: arithmetic needs numbers");
	CHECK_STR(test_run("-fritt"), "eval: '-' needs a number");
}

/*
 * Products and quotients past 64 bits on the way, whose results fit or do not: exact, rounded half away from
 * zero, and null past the largest number (the expected values worked out with exact fractions).
 */
static void test_arithmetic_wide(void)
{
	CHECK_STR(test_run("stor * 0.0001"), "92233720368.5478");
	CHECK_STR(test_run("stor * -1"), "-922337203685477.5807");
	CHECK_STR(test_run("stor * 1.0001"), "null");
	CHECK_STR(test_run("stor * 0.9999"), "922244969965109.0329");
	CHECK_STR(test_run("stor * stor"), "null");
	CHECK_STR(test_run("100000000 * 1000000"), "100000000000000");
	CHECK_STR(test_run("-100000000 * 1000000"), "-100000000000000");
	CHECK_STR(test_run("0.5 * stor"), "461168601842738.7904");
	CHECK_STR(test_run("-0.5 * stor"), "-461168601842738.7904");
	CHECK_STR(test_run("3037000.4999 * 3037000.4999"), "9223372036392.8499");
	CHECK_STR(test_run("30370004.9999 * 30370004.9999"), "null");
	CHECK_STR(test_run("stor / 1.0001"), "922244979187558.8248");
	CHECK_STR(test_run("stor / 0.9999"), "null");
	CHECK_STR(test_run("stor / -1"), "-922337203685477.5807");
	CHECK_STR(test_run("-stor / 7"), "-131762457669353.9401");
	CHECK_STR(test_run("0.0001 / stor"), "0");
	CHECK_STR(test_run("stor / 922337203685477"), "1");
	CHECK_STR(test_run("92233720368547.7581 / 0.1"), "null");
	CHECK_STR(test_run("92233720368547.7580 / 0.1"), "922337203685477.58");
	CHECK_STR(test_run("round(stor)"), "null");
	CHECK_STR(test_run("round(stor, 4)"), "922337203685477.5807");
	CHECK_STR(test_run("round(stor, 3)"), "null");
	CHECK_STR(test_run("round(-stor, 1)"), "null");
	CHECK_STR(test_run("round(stor - 0.5)"), "922337203685477");
	CHECK_STR(test_run("round(922337203685477.4999)"), "922337203685477");
	CHECK_STR(test_run("round(-922337203685476.5)"), "-922337203685477");
}

static void test_comparison(void)
{
	CHECK_STR(test_run("1 == 1.0"), "true");
	CHECK_STR(test_run("1 != 1"), "false");
	CHECK_STR(test_run("1 < 2"), "true");
	CHECK_STR(test_run("2 <= 2"), "true");
	CHECK_STR(test_run("2 > 2"), "false");
	CHECK_STR(test_run("2 >= 2"), "true");
	CHECK_STR(test_run("-1 < 0"), "true");
	CHECK_STR(test_run("'abc' < 'abd'"), "true");
	CHECK_STR(test_run("'b' > 'abc'"), "true");
	CHECK_STR(test_run("dato < '2024-02-01'"), "true");
	CHECK_STR(test_run("dato > '2023-12-31'"), "true");
	CHECK_STR(test_run("dato >= '2024-01-31' and dato <= '2024-01-31'"), "true");
	CHECK_STR(test_run("tom < 1"), "false");
	CHECK_STR(test_run("tom >= 1"), "false");
	CHECK_STR(test_run("1 > tom"), "false");
	CHECK_STR(test_run("tom == null"), "true");
	CHECK_STR(test_run("null == null"), "true");
	CHECK_STR(test_run("kapital == null"), "false");
	CHECK_STR(test_run("kapital != null"), "true");
	CHECK_STR(test_run("tom == 0"), "false");
	CHECK_STR(test_run("tom != 0"), "true");
	CHECK_STR(test_run("[1, 'a'] == [1, 'a']"), "true");
	CHECK_STR(test_run("[1, 'a'] == [1, 'b']"), "false");
	CHECK_STR(test_run("[1] == [1, 1]"), "false");
	CHECK_STR(test_run("valg == ['a', 'b']"), "true");
	CHECK_STR(test_run("fritt == 1"), "false");
	CHECK_STR(test_run("fritt < 1"), "eval: ordering needs two numbers or two strings");
}

static void test_logic(void)
{
	CHECK_STR(test_run("svar and true"), "true");
	CHECK_STR(test_run("svar and false"), "false");
	CHECK_STR(test_run("false or svar"), "true");
	CHECK_STR(test_run("null or true"), "true");
	CHECK_STR(test_run("null and true"), "false");
	CHECK_STR(test_run("not null"), "true");
	CHECK_STR(test_run("true and null"), "false");
	/* Short-circuit: the right side would be a run-time clash. */
	CHECK_STR(test_run("false and fritt"), "false");
	CHECK_STR(test_run("true or fritt"), "true");
	CHECK_STR(test_run("true and fritt"), "eval: 'and', 'or' and 'not' need booleans");
	CHECK_STR(test_run("not fritt"), "eval: 'and', 'or' and 'not' need booleans");
}

static void test_in(void)
{
	CHECK_STR(test_run("'a' in valg"), "true");
	CHECK_STR(test_run("'c' in valg"), "false");
	CHECK_STR(test_run("'c' not in valg"), "true");
	CHECK_STR(test_run("'a' not in valg"), "false");
	CHECK_STR(test_run("2 in [1, 2, 3]"), "true");
	CHECK_STR(test_run("2.0 in [1, 2, 3]"), "true");
	CHECK_STR(test_run("null in [1, null]"), "true");
	CHECK_STR(test_run("tom in [1, 2]"), "false");
	CHECK_STR(test_run("[1] in [[1], [2]]"), "true");
	CHECK_STR(test_run("'ell' in 'hello'"), "true");
	CHECK_STR(test_run("'' in 'hello'"), "true");
	CHECK_STR(test_run("'xyz' in 'hello'"), "false");
	CHECK_STR(test_run("'xyz' not in 'hello'"), "true");
	CHECK_STR(test_run("alene in 'jatakk'"), "true");
	CHECK_STR(test_run("'a' in null"), "false");
	CHECK_STR(test_run("'a' not in null"), "true");
	CHECK_STR(test_run("1 + 1 in [2] and true"), "true");
	CHECK_STR(test_run("1 in []"), "false");	/* an empty list holds nothing: once an unset result */
	CHECK_STR(test_run("1 not in []"), "true");
	CHECK_STR(test_run("contains([], 'a')"), "false");
	CHECK_STR(test_run("not 'a' in valg"), "false");
	CHECK_STR(test_run("1 in fritt"), "eval: looking in a string needs a string to look for");
	CHECK_STR(test_run("1 in fritt + fritt"), "eval: looking in a string needs a string to look for");
}

static void test_functions(void)
{
	CHECK_STR(test_run("len('hello')"), "5");
	CHECK_STR(test_run("len('bl\xc3\xa5" "b\xc3\xa6r')"), "6");
	CHECK_STR(test_run("len('')"), "0");
	CHECK_STR(test_run("len(valg)"), "2");
	CHECK_STR(test_run("len([])"), "0");
	CHECK_STR(test_run("len(tom)"), "bind: 1:5: 'len' needs a string or a list, got number");
	CHECK_STR(test_run("len(null)"), "null");
	CHECK_STR(test_run("len(alene) + 1"), "3");
	CHECK_STR(test_run("contains(valg, 'b')"), "true");
	CHECK_STR(test_run("contains(valg, 'x')"), "false");
	CHECK_STR(test_run("contains('hello', 'll')"), "true");
	CHECK_STR(test_run("contains('hello', 'L')"), "false");
	CHECK_STR(test_run("contains(null, 'a')"), "false");
	CHECK_STR(test_run("min(3, 2)"), "2");
	CHECK_STR(test_run("max(3, 2)"), "3");
	CHECK_STR(test_run("min(-1.5, 2)"), "-1.5");
	CHECK_STR(test_run("max(kapital, 50000)"), "50000");
	CHECK_STR(test_run("min(tom, 1)"), "null");
	CHECK_STR(test_run("round(2.5)"), "3");
	CHECK_STR(test_run("round(-2.5)"), "-3");
	CHECK_STR(test_run("round(2.4999)"), "2");
	CHECK_STR(test_run("round(1.2345, 2)"), "1.23");
	CHECK_STR(test_run("round(1.235, 2)"), "1.24");
	CHECK_STR(test_run("round(-1.235, 2)"), "-1.24");
	CHECK_STR(test_run("round(1.2345, 4)"), "1.2345");
	CHECK_STR(test_run("round(1.2345, 0)"), "1");
	CHECK_STR(test_run("round(10 / 3, 1)"), "3.3");
	CHECK_STR(test_run("round(tom)"), "null");
	CHECK_STR(test_run("round(1.5, ansatte)"), "1.5");
	CHECK_STR(test_run("round(1.5, ansatte + 2)"), "null");
	CHECK_STR(test_run("round(1.5, -1)"), "null");
	CHECK_STR(test_run("round(stor)"), "null");
	CHECK_STR(test_run("answered(kapital)"), "true");
	CHECK_STR(test_run("answered(tom)"), "false");
	CHECK_STR(test_run("answered(valg) and not answered(tom)"), "true");
	CHECK_STR(test_run("lower('AbC \xc3\x86')"), "\"abc \xc3\x86\"");
	CHECK_STR(test_run("upper(alene)"), "\"JA\"");
	CHECK_STR(test_run("upper(null)"), "null");
	CHECK_STR(test_run("lower(alene) == 'ja'"), "true");
	CHECK_STR(test_run("len(fritt)"), "5");
	CHECK_STR(test_run("min(fritt, 1)"), "eval: 'min' and 'max' need numbers");
	CHECK_STR(test_run("round(fritt)"), "eval: 'round' needs numbers");
	CHECK_STR(test_run("upper(fritt)"), "\"TEKST\"");
	CHECK_STR(test_run("upper(len(fritt) > 1 or fritt)"), "bind: 1:7: 'upper' needs a string, got bool");
	CHECK_STR(test_run("contains(fritt, 1)"), "eval: looking in a string needs a string to look for");
	CHECK_STR(test_run("contains(len(fritt), 1)"), "bind: 1:10: 'contains' needs a list or a string first, got number");
}

static void test_parse_errors(void)
{
	CHECK_STR(test_run(""), "parse: 1:1: empty expression");
	CHECK_STR(test_run("   "), "parse: 1:4: empty expression");
	CHECK_STR(test_run("(1 + 2"), "parse: 1:7: expected ')', got end of expression");
	CHECK_STR(test_run("(1 + 2 3"), "parse: 1:8: expected ')', got '3'");
	CHECK_STR(test_run("1 +"), "parse: 1:4: unexpected end of expression");
	CHECK_STR(test_run("1 + )"), "parse: 1:5: unexpected ')'");
	CHECK_STR(test_run("kapital 5"), "parse: 1:9: unexpected '5'");
	CHECK_STR(test_run("\"abc"), "parse: 1:1: unterminated string");
	CHECK_STR(test_run("x == 'abc"), "parse: 1:6: unterminated string");
	CHECK_STR(test_run("\"ab\\"), "parse: 1:1: unterminated string");
	CHECK_STR(test_run("\"a\\tb\""), "parse: 1:3: unknown escape '\\t' in string (use \\\", \\\\ or \\n)");
	CHECK_STR(test_run("kapital = 5"), "parse: 1:9: '=' is not an operator (did you mean '=='?)");
	CHECK_STR(test_run("a && b"), "parse: 1:3: '&&' is not an operator (did you mean 'and'?)");
	CHECK_STR(test_run("a || b"), "parse: 1:3: '||' is not an operator (did you mean 'or'?)");
	CHECK_STR(test_run("!a"), "parse: 1:1: '!' is not an operator (did you mean 'not'?)");
	CHECK_STR(test_run("a <> b"), "parse: 1:3: '<>' is not an operator (did you mean '!='?)");
	CHECK_STR(test_run("a & b"), "parse: 1:3: unexpected '&'");
	CHECK_STR(test_run("a \xe2\x89\xa5 b"), "parse: 1:3: unexpected '\xe2\x89\xa5'");
	CHECK_STR(test_run("\xc3\xa6\xc3\xb8 @"), "parse: 1:1: unexpected '\xc3\xa6'");
	CHECK_STR(test_run("a\x01"), "parse: 1:2: unexpected control character 0x01");
	CHECK_STR(test_run("1 < 2 < 3"), "parse: 1:7: comparisons cannot be chained (use 'and': a < b and b < c)");
	CHECK_STR(test_run("1 == 2 not in x"), "parse: 1:8: comparisons cannot be chained (use 'and': a < b and b < c)");
	CHECK_STR(test_run("a not b"), "parse: 1:7: expected 'in' after 'not', got 'b'");
	CHECK_STR(test_run("[1, 2"), "parse: 1:6: expected ',' or ']' in the list, got end of expression");
	CHECK_STR(test_run("[1 2]"), "parse: 1:4: expected ',' or ']' in the list, got '2'");
	CHECK_STR(test_run("[1,]"), "parse: 1:4: unexpected ']'");
	CHECK_STR(test_run("len(1 2)"), "parse: 1:7: expected ',' or ')' in the arguments, got '2'");
	CHECK_STR(test_run("1.23456"), "parse: 1:1: number '1.23456' has more than 4 decimals");
	CHECK_STR(test_run("x + 12."), "parse: 1:5: malformed number '12.'");
	CHECK_STR(test_run("1e5"), "parse: 1:1: malformed number '1e5'");
	CHECK_STR(test_run("1.2.3"), "parse: 1:1: malformed number '1.2.3'");
	CHECK_STR(test_run("922337203685477.5808"), "parse: 1:1: number '922337203685477.5808' is too large");
	CHECK_STR(test_run("99999999999999999999999"), "parse: 1:1: number '99999999999999999999999' is too large");
	CHECK_STR(test_run("(a)(b)"), "parse: 1:4: unexpected '('");
	CHECK_STR(test_run("'a' 'abcdefghijklmnopqrstuvwxyzabcdefghij'"),
		  "parse: 1:5: unexpected ''abcdefghijklmnopqrstuvwxyzabc...'");
	CHECK_STR(test_run("and"), "parse: 1:1: unexpected 'and'");
	CHECK_STR(test_run("1 +\n  * 2"), "parse: 2:3: unexpected '*'");
	CHECK_STR(test_run("'bl\xc3\xa5' == \xc3\xa6"), "parse: 1:10: unexpected '\xc3\xa6'");
}

static void test_locations(void)
{
	/* Exact: the first line continues the start column, later lines count from 1. */
	CHECK_STR(test_parse_at("kapital = 5", 12, 9, true), "w.yaml:12:17: '=' is not an operator (did you mean '=='?)");
	CHECK_STR(test_parse_at("kapital > 5 and\n  alene = 'ja'", 12, 9, true),
		  "w.yaml:13:9: '=' is not an operator (did you mean '=='?)");
	CHECK_STR(test_parse_at("'\xc3\xa6\xc3\xb8\xc3\xa5' ==\n\n 'bl\xc3\xa5' !", 3, 5, true),
		  "w.yaml:5:8: '!' is not an operator (did you mean 'not'?)");
	CHECK_STR(test_parse_at("'\xc3\xa6\xc3\xb8\xc3\xa5' = 1", 3, 5, true),
		  "w.yaml:3:11: '=' is not an operator (did you mean '=='?)");
	/* Not exact: everything at the start. */
	CHECK_STR(test_parse_at("kapital > 5 and\n  alene = 'ja'", 12, 9, false),
		  "w.yaml:12:9: '=' is not an operator (did you mean '=='?)");
	CHECK_STR(test_parse_at("kapitl > 5", 7, 3, false), "w.yaml:7:3: unknown name 'kapitl' (did you mean 'kapital'?)");
	/* Bind errors at their own place. */
	CHECK_STR(test_parse_at("ansatte > 2 and\n   kapitl > 5", 4, 10, true),
		  "w.yaml:5:4: unknown name 'kapitl' (did you mean 'kapital'?)");
	CHECK_STR(test_parse_at("ansatte >\n kapital + 'x'", 4, 10, true),
		  "w.yaml:5:10: '+' needs two numbers or two strings, not number and string");
	CHECK_STR(test_parse_at("kapital > 5", 4, 10, true), "ok");
}

static void test_bind_errors(void)
{
	CHECK_STR(test_run("kapitl > 5"), "bind: 1:1: unknown name 'kapitl' (did you mean 'kapital'?)");
	CHECK_STR(test_run("1 + zzzzzz"), "bind: 1:5: unknown name 'zzzzzz'");
	CHECK_STR(test_run("kapitl > 5 or alen == 'ja'"),
		  "bind: 1:1: unknown name 'kapitl' (did you mean 'kapital'?) | 1:15: unknown name 'alen' (did you mean 'alene'?)");
	CHECK_STR(test_run("kapital == 'ja'"), "bind: 1:9: cannot compare number with string");
	CHECK_STR(test_run("alene != 1"), "bind: 1:7: cannot compare string with number");
	CHECK_STR(test_run("svar == 1"), "bind: 1:6: cannot compare bool with number");
	CHECK_STR(test_run("kapital < dato"), "bind: 1:9: cannot compare number with string");
	CHECK_STR(test_run("svar < 3"), "bind: 1:6: '<' needs two numbers or two strings, not bool and number");
	CHECK_STR(test_run("valg >= valg"), "bind: 1:6: '>=' needs two numbers or two strings, not list and list");
	CHECK_STR(test_run("kapital + svar"), "bind: 1:9: '+' needs two numbers or two strings, not number and bool");
	CHECK_STR(test_run("kapital + alene"), "bind: 1:9: '+' needs two numbers or two strings, not number and string");
	CHECK_STR(test_run("alene - 1"), "bind: 1:7: '-' needs two numbers, not string and number");
	CHECK_STR(test_run("2 * valg"), "bind: 1:3: '*' needs two numbers, not number and list");
	CHECK_STR(test_run("2 / true"), "bind: 1:3: '/' needs two numbers, not number and bool");
	CHECK_STR(test_run("-alene"), "bind: 1:1: '-' needs a number, got string");
	CHECK_STR(test_run("kapital and svar"), "bind: 1:1: 'and' needs booleans, got number");
	CHECK_STR(test_run("svar or (1 + 2)"), "bind: 1:9: 'or' needs booleans, got number");
	CHECK_STR(test_run("not alene"), "bind: 1:5: 'not' needs a boolean, got string");
	CHECK_STR(test_run("1 in 2"), "bind: 1:3: 'in' needs a list or a string on the right, got number");
	CHECK_STR(test_run("1 not in alene"), "bind: 1:3: 'not in' on a string needs a string on the left, got number");
	CHECK_STR(test_run("kapital in [1, 'a']"), "bind: 1:16: cannot compare number with string");
	CHECK_STR(test_run("kapital in [1, null]"), "false");
	CHECK_STR(test_run("lenth(alene)"), "bind: 1:1: unknown function 'lenth' (did you mean 'len'?)");
	CHECK_STR(test_run("uper(alene)"), "bind: 1:1: unknown function 'uper' (did you mean 'upper'?)");
	CHECK_STR(test_run("frobnicate(1)"), "bind: 1:1: unknown function 'frobnicate'");
	CHECK_STR(test_run("len(1, 2)"), "bind: 1:1: 'len' takes 1 argument, got 2");
	CHECK_STR(test_run("contains(valg)"), "bind: 1:1: 'contains' takes 2 arguments, got 1");
	CHECK_STR(test_run("round()"), "bind: 1:1: 'round' takes 1 or 2 arguments, got 0");
	CHECK_STR(test_run("min(1, 'a')"), "bind: 1:8: 'min' needs numbers, got string");
	CHECK_STR(test_run("round('a')"), "bind: 1:7: 'round' needs a number, got string");
	CHECK_STR(test_run("round(1, 5)"), "bind: 1:10: 'round' keeps 0 to 4 digits");
	CHECK_STR(test_run("round(1, 0.5)"), "bind: 1:10: 'round' keeps 0 to 4 digits");
	CHECK_STR(test_run("round(1, 'a')"), "bind: 1:10: 'round' needs a number of digits, got string");
	CHECK_STR(test_run("upper(1)"), "bind: 1:7: 'upper' needs a string, got number");
	CHECK_STR(test_run("contains('abc', 1)"), "bind: 1:17: 'contains' needs a string to look for in a string, got number");
	CHECK_STR(test_run("len(kapitl)"), "bind: 1:5: unknown name 'kapitl' (did you mean 'kapital'?)");
	/* No cascade: one error for one mistake. */
	CHECK_STR(test_run("(kapital + 'a') * 2 > 1"), "bind: 1:10: '+' needs two numbers or two strings, not number and string");
	/* Fine: null and a real type, literal null, and TYPE_ANY. */
	CHECK_STR(test_run("kapital == null and tom != null"), "false");
	CHECK_STR(test_run("fritt == 1 or fritt == 'tekst'"), "true");
	CHECK_STR(test_run("fritt + 'x'"), "\"tekstx\"");
}

static void test_types(void)
{
	CHECK(test_type("1") == TYPE_NUM);
	CHECK(test_type("'a'") == TYPE_STR);
	CHECK(test_type("null") == TYPE_NULL);
	CHECK(test_type("[1]") == TYPE_LIST);
	CHECK(test_type("1 < 2") == TYPE_BOOL);
	CHECK(test_type("kapital") == (TYPE_NUM | TYPE_NULL));
	CHECK(test_type("ansatte + 1") == (TYPE_NUM | TYPE_NULL));
	CHECK(test_type("dato + 'x'") == TYPE_STR);
	CHECK(test_type("alene + 'x'") == (TYPE_STR | TYPE_NULL));
	CHECK(test_type("len(dato)") == TYPE_NUM);
	CHECK(test_type("len(valg)") == (TYPE_NUM | TYPE_NULL));
	CHECK(test_type("upper(dato)") == TYPE_STR);
	CHECK(test_type("answered(tom)") == TYPE_BOOL);
	CHECK(test_type("fritt") == TYPE_ANY);
	CHECK(test_type("kapital == 'x'") == 0);
}

static void test_symbol_list(void)
{
	CHECK_STR(test_symbols("1 + 2"), "");
	CHECK_STR(test_symbols("kapital > 5 and alene == 'ja' or kapital < 2 and kapital != ansatte"), "012");
	CHECK_STR(test_symbols("len(valg) > ansatte and 'a' in [dato, alene]"), "1235");
	CHECK_STR(test_symbols("kapital > 'a'"), "");
}

static void test_depth(void)
{
	size_t n = 100000;
	char *s = malloc(n + 2);
	memset(s, '(', n);
	s[n] = '1';
	s[n + 1] = '\0';
	CHECK_STR(test_run(s), "parse: 1:65: expression nested too deeply");
	memset(s, '-', n);
	CHECK_STR(test_run(s), "parse: 1:65: expression nested too deeply");
	memset(s, '[', n);
	CHECK_STR(test_run(s), "parse: 1:65: expression nested too deeply");
	for (size_t i = 0; i < n; i += 4)
		memcpy(s + i, "not ", 4);
	CHECK_STR(test_run(s), "parse: 1:257: expression nested too deeply");
	for (size_t i = 0; i < n; i += 4)
		memcpy(s + i, "len(", 4);
	CHECK_STR(test_run(s), "parse: 1:260: expression nested too deeply");
	free(s);

	/* Exactly EXPR_MAX_DEPTH levels is fine, one more is not. */
	char buf[512];
	snprintf(buf, sizeof buf, "%.*s1%.*s", 64, "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((",
		 64, "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))");
	CHECK_STR(test_run(buf), "1");
	snprintf(buf, sizeof buf, "%.*s1%.*s", 65, "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((",
		 65, "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))");
	CHECK_STR(test_run(buf), "parse: 1:65: expression nested too deeply");
	/* A long chain of operators builds a deep tree, so it is limited too. */
	strcpy(buf, "0");
	for (int i = 0; i < 64; i++)
		strcat(buf, "+1");
	CHECK_STR(test_run(buf), "64");
	strcat(buf, "+1");
	CHECK_STR(test_run(buf), "parse: 1:130: expression nested too deeply");
}

static void test_long(void)
{
	/* A 64 KiB string literal and a 64 KiB list. */
	size_t n = 65536;
	char *s = malloc(n + 1);
	memset(s, 'x', n);
	memcpy(s, "len('", 5);
	memcpy(s + n - 2, "')", 3);
	CHECK_STR(test_run(s), "65529");
	size_t k = 0;
	k += (size_t)sprintf(s, "9999 in [");
	int items = 0;
	while (k + 8 < n) {
		k += (size_t)sprintf(s + k, "%d, ", items % 10000);
		items++;
	}
	k += (size_t)sprintf(s + k, "9999]");
	CHECK(k <= n);
	CHECK_STR(test_run(s), "true");
	k = (size_t)sprintf(s, "len([");
	for (int i = 0; i < items; i++)
		k += (size_t)sprintf(s + k, "%s1", i ? "," : "");
	sprintf(s + k, "])");
	char want[32];
	snprintf(want, sizeof want, "%d", items);
	CHECK_STR(test_run(s), want);
	free(s);
}

/* Sizes for the sized scope: fritt may be a text of 40,000 bytes, valg a list of 40,000 items. */
static struct expr_size test_size(void *ctx, int sym)
{
	(void)ctx;
	return (struct expr_size){ sym == 6 ? 40000 : 0, sym == 3 ? 40000 : 0 };
}

/* Values as large as the sized scope says they may be. */
static struct value test_get_large(void *ctx, int sym)
{
	static char text[40001];
	static struct value items[40000];
	(void)ctx;
	if (sym == 6) {
		memset(text, 'x', sizeof text - 1);
		return (struct value){ .type = VAL_STR, .u.s = text };
	}
	if (sym == 3) {
		for (size_t i = 0; i < ARRAY_LEN(items); i++)
			items[i] = (struct value){ .type = VAL_NUM, .u.n = (int64_t)i };
		return (struct value){ .type = VAL_LIST, .u.list = { items, ARRAY_LEN(items) } };
	}
	return (struct value){ .type = VAL_NULL };
}

/* Bind src in a scope that knows sizes (or not) and evaluate it with the large values and *work. */
static const char *test_run_large(const char *src, bool sized, size_t *work)
{
	struct arena *a = &test_arena;
	struct diags d = { 0 };
	struct expr_source where = { { "t.yaml", 1, 1 }, true };
	struct expr_scope scope = test_scope;
	if (sized)
		scope.size = test_size;
	const char *r;
	struct expr *e = expr_parse(a, src, where, &d);
	if (!e || !expr_bind(e, &scope, &d)) {
		r = arena_printf(a, "bind: %s", test_diags(a, &d));
	} else {
		struct value v;
		const char *err = NULL;
		struct expr_env env = { test_get_large, NULL, work, NULL, NULL, NULL };
		r = expr_eval(e, &env, a, &v, &err) ? test_show(a, v) : arena_printf(a, "eval: %s", err);
	}
	diag_free(&d);
	return r;
}

static void test_bounds(void)
{
	/* Known at load from the shape of the expression and the most its names can hold. */
	CHECK_STR(test_run_large("len(fritt + fritt)", true, NULL),
		  "bind: 1:11: '+' may make a text of up to 80000 bytes; the limit is 65536");
	CHECK_STR(test_run_large("len(upper(fritt) + 'x' + lower(fritt))", true, NULL),
		  "bind: 1:24: '+' may make a text of up to 80001 bytes; the limit is 65536");
	CHECK_STR(test_run_large("len([1, [valg, valg]])", true, NULL),
		  "bind: 1:9: this list may hold up to 80002 items, nested lists counted in full; the limit is 65536");
	CHECK_STR(test_run_large("len([fritt, 'a', fritt])", true, NULL),
		  "bind: 1:5: this list may hold up to 80001 bytes of text; the limit is 65536");
	CHECK_STR(test_run_large("len(fritt + 'x') + len([valg, 1])", true, NULL), "40003");
	/* Not known at load (a scope without sizes): refused while evaluating. */
	CHECK_STR(test_run_large("len(fritt + fritt)", false, NULL), "eval: a text would grow past 65536 bytes");
	CHECK_STR(test_run_large("len([valg, [valg]])", false, NULL), "eval: a list would grow past 65536 items");
	CHECK_STR(test_run_large("len([fritt, [fritt]])", false, NULL), "eval: a text would grow past 65536 bytes");
	/* The work of a shared budget: each step, and each byte or item made or compared, takes from it. */
	size_t work = 100;
	CHECK_STR(test_run_large("1 + 2 * 3", false, &work), "7");
	CHECK_NUM(work, 95);
	work = 4;
	CHECK_STR(test_run_large("1 + 2 * 3", false, &work), "eval: working it out takes too much time and memory");
	CHECK_NUM(work, 0);
	CHECK_STR(test_run_large("1 + 2", false, &work), "eval: working it out takes too much time and memory");
	work = 30000;
	CHECK_STR(test_run_large("valg == valg", false, &work), "eval: working it out takes too much time and memory");
	work = 30000;
	CHECK_STR(test_run_large("contains(fritt, 'y')", false, &work),
		  "eval: working it out takes too much time and memory");
	work = 50000;
	CHECK_STR(test_run_large("contains(fritt, 'y')", false, &work), "false");
}

static void test_num_helpers(void)
{
	char buf[32];
	int64_t v = 0;
	CHECK_STR(value_num_format(0, buf, sizeof buf), "0");
	CHECK_STR(value_num_format(125000, buf, sizeof buf), "12.5");
	CHECK_STR(value_num_format(-125000, buf, sizeof buf), "-12.5");
	CHECK_STR(value_num_format(400000000, buf, sizeof buf), "40000");
	CHECK_STR(value_num_format(1, buf, sizeof buf), "0.0001");
	CHECK_STR(value_num_format(-1, buf, sizeof buf), "-0.0001");
	CHECK_STR(value_num_format(10010, buf, sizeof buf), "1.001");
	CHECK_STR(value_num_format(INT64_MAX, buf, sizeof buf), "922337203685477.5807");
	CHECK_STR(value_num_format(INT64_MIN, buf, sizeof buf), "-922337203685477.5808");

	CHECK(value_num_parse("12", &v) && v == 120000);
	CHECK(value_num_parse("12.50", &v) && v == 125000);
	CHECK(value_num_parse("-3", &v) && v == -30000);
	CHECK(value_num_parse("0.0001", &v) && v == 1);
	CHECK(value_num_parse("-0", &v) && v == 0);
	CHECK(value_num_parse("922337203685477.5807", &v) && v == INT64_MAX);
	CHECK(value_num_parse("-922337203685477.5807", &v) && v == -INT64_MAX);
	v = 42;
	CHECK(!value_num_parse("", &v));
	CHECK(!value_num_parse("-", &v));
	CHECK(!value_num_parse("+1", &v));
	CHECK(!value_num_parse(" 1", &v));
	CHECK(!value_num_parse("1 ", &v));
	CHECK(!value_num_parse("1e3", &v));
	CHECK(!value_num_parse("1.", &v));
	CHECK(!value_num_parse(".5", &v));
	CHECK(!value_num_parse("1.23456", &v));
	CHECK(!value_num_parse("1,5", &v));
	CHECK(!value_num_parse("--1", &v));
	CHECK(!value_num_parse("922337203685477.5808", &v));
	CHECK(!value_num_parse("99999999999999999999", &v));
	CHECK(!value_num_parse("0x10", &v));
	CHECK(v == 42);

	/* Round trips over a spread of values. */
	int64_t samples[] = { 0, 1, -1, 9999, 10000, 123456789, -987654321, INT64_MAX, -INT64_MAX, 50000 };
	for (size_t i = 0; i < ARRAY_LEN(samples); i++) {
		int64_t back = 0;
		CHECK(value_num_parse(value_num_format(samples[i], buf, sizeof buf), &back) && back == samples[i]);
	}
}

static void test_values(void)
{
	struct value n = { .type = VAL_NULL }, t = { .type = VAL_BOOL, .u.b = true };
	struct value f = { .type = VAL_BOOL, .u.b = false }, one = { .type = VAL_NUM, .u.n = EXPR_SCALE };
	struct value s = { .type = VAL_STR, .u.s = "1" };
	CHECK(value_truthy(t));
	CHECK(!value_truthy(f));
	CHECK(!value_truthy(n));
	CHECK(!value_truthy(one));
	CHECK(value_equal(n, n));
	CHECK(!value_equal(n, f));
	CHECK(!value_equal(one, s));
	CHECK(value_equal(s, (struct value){ .type = VAL_STR, .u.s = "1" }));
}

/* test_run with a scope of format 1.0 ('trin: 1'). */
static const char *test_run_v1(const char *src)
{
	struct arena *a = &test_arena;
	struct diags d = { 0 };
	struct expr_source where = { { "t.yaml", 1, 1 }, true };
	struct expr_scope scope = test_scope;
	scope.minor = 0;
	struct expr *e = expr_parse(a, src, where, &d);
	const char *r = !e || !expr_bind(e, &scope, &d) ? arena_printf(a, "bind: %s", test_diags(a, &d)) : "ok";
	diag_free(&d);
	return r;
}

static void test_if_coalesce(void)
{
	CHECK_STR(test_run("if(svar, 'ja', 'nej')"), "\"ja\"");
	CHECK_STR(test_run("if(not svar, 'ja', 'nej')"), "\"nej\"");
	CHECK_STR(test_run("if(tom > 1, 'a', 'b')"), "\"b\"");
	CHECK_STR(test_run("if(null, 1, 2)"), "2");
	CHECK_STR(test_run("if(svar, kapital, null)"), "40000");
	CHECK_STR(test_run("if(svar, tom, 1)"), "null");
	CHECK_STR(test_run("if(kapital > 30000, kapital * 0.25, 0) + 1"), "10001");
	/* Only the chosen branch is worked out: the other would fail. */
	CHECK_STR(test_run("if(true, 1, -fritt)"), "1");
	CHECK_STR(test_run("if(false, 1, -fritt)"), "eval: '-' needs a number");
	CHECK_STR(test_run("if(fritt, 1, 2)"), "eval: 'if' needs a condition first");
	CHECK_STR(test_run("coalesce(tom, 0)"), "0");
	CHECK_STR(test_run("coalesce(kapital, 0)"), "40000");
	CHECK_STR(test_run("coalesce(tom, null, 7)"), "7");
	CHECK_STR(test_run("coalesce(tom, null)"), "null");
	CHECK_STR(test_run("coalesce(alene, 'ingen')"), "\"ja\"");
	CHECK_STR(test_run("coalesce(kapital, -fritt)"), "40000");
	CHECK(test_type("if(svar, 1, 2)") == TYPE_NUM);
	CHECK(test_type("if(svar, 1, null)") == (TYPE_NUM | TYPE_NULL));
	CHECK(test_type("coalesce(tom, 0)") == TYPE_NUM);
	CHECK(test_type("coalesce(tom, kapital)") == (TYPE_NUM | TYPE_NULL));
	CHECK(test_type("coalesce(null, alene, 'x')") == TYPE_STR);
	CHECK_STR(test_run("if(svar, 1, 'a')"), "bind: 1:13: 'if' needs choices of one type, got number and string");
	CHECK_STR(test_run("if(1, 2, 3)"), "bind: 1:4: 'if' needs a condition first, got number");
	CHECK_STR(test_run("if(svar, 1)"), "bind: 1:1: 'if' takes 3 arguments, got 2");
	CHECK_STR(test_run("coalesce(1)"), "bind: 1:1: 'coalesce' takes at least 2 arguments, got 1");
	CHECK_STR(test_run("coalesce(tom, 'x')"), "bind: 1:15: 'coalesce' needs choices of one type, got number and string");
	CHECK_STR(test_run("coalesce(tom, null, valg)"), "bind: 1:21: 'coalesce' needs choices of one type, got number and list");
	CHECK_STR(test_run("iff(svar, 1, 2)"), "bind: 1:1: unknown function 'iff' (did you mean 'if'?)");
}

static void test_join_text(void)
{
	CHECK_STR(test_run("join(valg)"), "\"a og b\"");
	CHECK_STR(test_run("join(['x', 'y', 'z'])"), "\"x, y og z\"");
	CHECK_STR(test_run_in("join(['x', 'y', 'z'])", "en"), "\"x, y and z\"");
	CHECK_STR(test_run_in("join(['x', 'y', 'z'])", "tr"), "\"x, y ve z\"");
	CHECK_STR(test_run_in("join(['x', 'y', 'z'])", "ar"), "\"x\xD8\x8C y \xD9\x88 z\"");	/* the Arabic comma */
	CHECK_STR(test_run_in("join(valg)", "da"), "\"a og b\"");
	CHECK_STR(test_run("join(valg, ' / ')"), "\"a / b\"");
	CHECK_STR(test_run("join(['x', 'y', 'z'], '')"), "\"xyz\"");
	CHECK_STR(test_run("join(['x'])"), "\"x\"");
	CHECK_STR(test_run("join([])"), "null");
	CHECK_STR(test_run("join([null], ', ')"), "null");
	CHECK_STR(test_run("coalesce(join([]), 'ingen')"), "\"ingen\"");
	CHECK_STR(test_run("join(['a', null, 'b'])"), "\"a og b\"");
	CHECK_STR(test_run("join([1000000, 2.5])"), "\"1.000.000 og 2,5\"");
	CHECK_STR(test_run("join(null)"), "null");
	CHECK_STR(test_run("join(valg, null)"), "null");
	CHECK_STR(test_run("join([true])"), "eval: 'join' needs a list of strings or numbers");
	CHECK_STR(test_run("join('abc')"), "bind: 1:6: 'join' needs a list, got string");
	CHECK_STR(test_run("join(valg, 1)"), "bind: 1:12: 'join' needs a string, got number");
	CHECK_STR(test_run("join()"), "bind: 1:1: 'join' takes 1 or 2 arguments, got 0");
	CHECK(test_type("join(valg)") == (TYPE_STR | TYPE_NULL));
	CHECK(test_type("join(['a'], ', ')") == (TYPE_STR | TYPE_NULL));
	CHECK_STR(test_run("text(kapital)"), "\"40.000\"");
	CHECK_STR(test_run("text(1234)"), "\"1234\"");
	CHECK_STR(test_run("text(1234567.5)"), "\"1.234.567,5\"");
	CHECK_STR(test_run("text(-12345)"), "\"-12.345\"");
	CHECK_STR(test_run_in("text(1234567.5)", "en"), "\"1,234,567.5\"");
	CHECK_STR(test_run_in("text(12345)", "sv"), "\"12\xC2\xA0" "345\"");
	CHECK_STR(test_run("text(dato)"), "\"31-01-2024\"");
	CHECK_STR(test_run_in("text(dato)", "en"), "\"31/01/2024\"");
	CHECK_STR(test_run("text('2024-02-29')"), "\"29-02-2024\"");
	CHECK_STR(test_run("'Kapital: ' + text(kapital) + ' kr.'"), "\"Kapital: 40.000 kr.\"");
	CHECK_STR(test_run("text(tom)"), "null");
	CHECK_STR(test_run("text(fritt)"), "\"tekst\"");	/* of any type: a string that is no date stays */
	CHECK_STR(test_run("text(alene)"), "bind: 1:6: 'text' needs a number or a date, got string that is not a date");
	CHECK_STR(test_run("text('abc')"), "bind: 1:6: 'text' needs a number or a date, got string that is not a date");
	CHECK_STR(test_run("text(svar)"), "bind: 1:6: 'text' needs a number or a date, got bool");
	CHECK_STR(test_run("text(1, 2)"), "bind: 1:1: 'text' takes 1 argument, got 2");
}

static void test_dates(void)
{
	CHECK_STR(test_run("today()"), "\"2026-11-30\"");
	CHECK_STR(test_run_large("today()", false, NULL), "null");	/* an environment without a day */
	CHECK_STR(test_run("today() == '2026-11-30' and dato < today()"), "true");
	CHECK(test_type("today()") == TYPE_STR);
	CHECK_STR(test_run("today(1)"), "bind: 1:1: 'today' takes 0 arguments, got 1");
	CHECK_STR(test_run("add_days('2024-01-31', 1)"), "\"2024-02-01\"");
	CHECK_STR(test_run("add_days(dato, -31)"), "\"2023-12-31\"");
	CHECK_STR(test_run("add_days(dato, 366)"), "\"2025-01-31\"");
	CHECK_STR(test_run("add_days(today(), 30)"), "\"2026-12-30\"");
	CHECK_STR(test_run("add_days(dato, 1.5)"), "null");
	CHECK_STR(test_run("add_days(null, 1)"), "null");
	CHECK_STR(test_run("add_days(dato, tom)"), "null");
	CHECK_STR(test_run("add_days(fritt, 1)"), "null");	/* of any type, and no date */
	CHECK_STR(test_run("add_days('9999-12-31', 1)"), "null");
	CHECK_STR(test_run("add_days('0001-01-01', -1)"), "null");
	CHECK_STR(test_run("add_days(dato, stor)"), "null");
	CHECK_STR(test_run("add_months('2025-01-31', 1)"), "\"2025-02-28\"");
	CHECK_STR(test_run("add_months(dato, 1)"), "\"2024-02-29\"");
	CHECK_STR(test_run("add_months(dato, -2)"), "\"2023-11-30\"");
	CHECK_STR(test_run("add_months('2024-03-31', -1)"), "\"2024-02-29\"");
	CHECK_STR(test_run("add_months('2024-12-15', 1)"), "\"2025-01-15\"");
	CHECK_STR(test_run("add_months('2024-01-15', -12)"), "\"2023-01-15\"");
	CHECK_STR(test_run("add_years('2024-02-29', 1)"), "\"2025-02-28\"");
	CHECK_STR(test_run("add_years('2024-02-29', 4)"), "\"2028-02-29\"");
	CHECK_STR(test_run("add_years(dato, 7975)"), "\"9999-01-31\"");
	CHECK_STR(test_run("add_years(dato, 7976)"), "null");
	CHECK_STR(test_run("add_years(dato, -2024)"), "null");
	CHECK_STR(test_run("add_years(dato, 100000000)"), "null");
	CHECK_STR(test_run("add_years(today(), -2) >= dato"), "true");
	CHECK_STR(test_run("add_years(today(), -3) >= dato"), "false");
	CHECK_STR(test_run("days_between('2024-01-01', '2024-12-31')"), "365");
	CHECK_STR(test_run("days_between(dato, '2024-01-01')"), "-30");
	CHECK_STR(test_run("days_between('2000-01-01', '2000-03-01')"), "60");
	CHECK_STR(test_run("days_between('0001-01-01', '9999-12-31')"), "3652058");
	CHECK_STR(test_run("days_between(dato, today())"), "1034");
	CHECK_STR(test_run("days_between(null, dato)"), "null");
	CHECK(test_type("add_days(dato, 1)") == (TYPE_STR | TYPE_NULL));
	CHECK(test_type("days_between(dato, dato)") == TYPE_NUM);
	CHECK_STR(test_run("add_days(alene, 1)"), "bind: 1:10: 'add_days' needs a date, got string that is not one");
	CHECK_STR(test_run("add_days('31-01-2024', 1)"),
		  "bind: 1:10: \"31-01-2024\" is not a date as expressions write them: write the date as \"2024-01-31\"");
	CHECK_STR(test_run("add_days(dato, 'x')"), "bind: 1:16: 'add_days' needs a whole number second, got string");
	CHECK_STR(test_run("add_days(1, 2)"), "bind: 1:10: 'add_days' needs a date, got number");
	CHECK_STR(test_run("add_months(dato)"), "bind: 1:1: 'add_months' takes 2 arguments, got 1");
	CHECK_STR(test_run("days_between(dato, kapital)"), "bind: 1:20: 'days_between' needs a date, got number");
	/* A date made by the functions, or chosen among dates, is a date too. */
	CHECK_STR(test_run("days_between(if(svar, dato, null), coalesce(null, today()))"), "1034");
	CHECK_STR(test_run("days_between(if(svar, dato, alene), today())"),
		  "bind: 1:14: 'days_between' needs a date, got string that is not one");
}

static void test_version(void)
{
	CHECK_STR(test_run_v1("today()"),
		  "bind: 1:1: 'today' is new in format 1.1: write 'trin: 1.1' at the top of the wizard");
	CHECK_STR(test_run_v1("len(alene) > 1 and if(svar, true, false)"),
		  "bind: 1:20: 'if' is new in format 1.1: write 'trin: 1.1' at the top of the wizard");
	CHECK_STR(test_run_v1("coalesce(tom, 0) + days_between(dato, dato)"),
		  "bind: 1:1: 'coalesce' is new in format 1.1: write 'trin: 1.1' at the top of the wizard | "
		  "1:20: 'days_between' is new in format 1.1: write 'trin: 1.1' at the top of the wizard");
	CHECK_STR(test_run_v1("join(valg) + text(1) + add_days(dato, 1) + add_months(dato, 1) + add_years(dato, 1)"),
		  "bind: 1:1: 'join' is new in format 1.1: write 'trin: 1.1' at the top of the wizard | "
		  "1:14: 'text' is new in format 1.1: write 'trin: 1.1' at the top of the wizard | "
		  "1:24: 'add_days' is new in format 1.1: write 'trin: 1.1' at the top of the wizard | "
		  "1:44: 'add_months' is new in format 1.1: write 'trin: 1.1' at the top of the wizard | "
		  "1:66: 'add_years' is new in format 1.1: write 'trin: 1.1' at the top of the wizard");
	CHECK_STR(test_run_v1("len(alene) > 1 and round(kapital) < 5"), "ok");
}

static void test_traps(void)
{
	CHECK_STR(test_run("kapital > 50.000"), "parse: 1:11: '50.000' looks like a number grouped in thousands, which "
		  "an expression does not write: did you mean 50000?");
	CHECK_STR(test_run("1.500"), "parse: 1:1: '1.500' looks like a number grouped in thousands, which an expression "
		  "does not write: did you mean 1500?");
	CHECK_STR(test_run("2.500.000 > 1"), "parse: 1:1: '2.500.000' looks like a number grouped in thousands, which "
		  "an expression does not write: did you mean 2500000?");
	CHECK_STR(test_run("1.250"), "parse: 1:1: '1.250' looks like a number grouped in thousands, which an expression "
		  "does not write: did you mean 1250?");
	CHECK_STR(test_run("999.000"), "parse: 1:1: '999.000' looks like a number grouped in thousands, which an "
		  "expression does not write: did you mean 999000?");
	/* Decimals: no trailing 0, a first group of 0, or not three of them. */
	CHECK_STR(test_run("1.235"), "1.235");
	CHECK_STR(test_run("0.500"), "0.5");
	CHECK_STR(test_run("12.5"), "12.5");
	CHECK_STR(test_run("1.25"), "1.25");
	CHECK_STR(test_run("1234.500"), "1234.5");
	CHECK_STR(test_run("1.5000"), "1.5");
	CHECK_STR(test_run("1.2.3"), "parse: 1:1: malformed number '1.2.3'");
	/* A date compared with a string that is no date "YYYY-MM-DD". */
	CHECK_STR(test_run("dato > '01-01-2030'"), "bind: 1:8: \"01-01-2030\" is not a date as expressions write them: "
		  "write the date as \"2030-01-01\"");
	CHECK_STR(test_run("'1.2.2030' <= dato"), "bind: 1:1: \"1.2.2030\" is not a date as expressions write them: "
		  "write the date as \"2030-02-01\"");
	CHECK_STR(test_run("today() != '30/11/2026'"), "bind: 1:12: \"30/11/2026\" is not a date as expressions write "
		  "them: write the date as \"2026-11-30\"");
	CHECK_STR(test_run("add_years(dato, 1) == '2024-02-30'"), "bind: 1:23: \"2024-02-30\" is not a date as "
		  "expressions write them: write dates as \"YYYY-MM-DD\", such as \"2030-01-31\"");
	CHECK_STR(test_run("dato in ['2024-01-31', 'i morgen']"), "bind: 1:24: \"i morgen\" is not a date as expressions "
		  "write them: write dates as \"YYYY-MM-DD\", such as \"2030-01-31\"");
	CHECK_STR(test_run("dato in ['2024-01-31', null]"), "true");
	CHECK_STR(test_run("dato == null or dato >= '2024-01-01'"), "true");
	CHECK_STR(test_run("alene > '01-01-2030'"), "true");	/* not a date: compared as strings */
	CHECK_STR(test_run("fritt != '01-01-2030'"), "true");	/* of any type: not known to be a date */
}

static void test_date_module(void)
{
	char iso[DATE_ISO_SIZE];
	int64_t days = 0;
	CHECK(date_parse("1-2-2030", iso) && strcmp(iso, "2030-02-01") == 0);
	CHECK(date_parse("01.02.2030", iso) && strcmp(iso, "2030-02-01") == 0);
	CHECK(date_parse("31/12/1999", iso) && strcmp(iso, "1999-12-31") == 0);
	CHECK(!date_parse("1-2/2030", iso));
	CHECK(date_parse("2030-02-01", iso) && strcmp(iso, "2030-02-01") == 0);
	CHECK(!date_parse("2030-2-01", iso));
	CHECK(!date_parse("0999-02-01", iso));
	CHECK(!date_parse("31-02-2030", iso));
	CHECK(!date_parse("1-2-30", iso));
	CHECK(!date_parse(" 1-2-2030", iso));
	CHECK(!date_parse("+1-2-2030", iso));
	CHECK(!date_parse("1-2-20300", iso));
	CHECK(date_add_days("2024-02-28", 1, iso) && strcmp(iso, "2024-02-29") == 0);
	CHECK(date_add_days("1900-02-28", 1, iso) && strcmp(iso, "1900-03-01") == 0);
	CHECK(date_add_days("0001-01-01", 3652058, iso) && strcmp(iso, "9999-12-31") == 0);
	CHECK(!date_add_days("0001-01-01", 3652059, iso));
	CHECK(!date_add_days("2024-13-01", 1, iso));
	CHECK(date_add_months("2023-01-31", 1, iso) && strcmp(iso, "2023-02-28") == 0);
	CHECK(date_add_months("2023-05-31", -1, iso) && strcmp(iso, "2023-04-30") == 0);
	CHECK(date_add_months("0001-01-01", 119987, iso) && strcmp(iso, "9999-12-01") == 0);
	CHECK(!date_add_months("0001-01-01", 119988, iso));
	CHECK(!date_add_months("0001-01-01", -1, iso));
	CHECK(date_days_between("2026-01-01", "2025-01-01", &days) && days == -365);
	CHECK(!date_days_between("2026-01-01", "x", &days));
	/* Every day from 1583 on, through the day count and back. */
	char d1[DATE_ISO_SIZE] = "1583-01-01";
	bool round_trip = true;
	for (int i = 0; i < 200000 && round_trip; i++) {
		char d2[DATE_ISO_SIZE];
		round_trip = date_add_days(d1, 1, d2) && date_days_between(d1, d2, &days) && days == 1 &&
			     util_date_iso(d2) && strcmp(d2, d1) > 0;
		memcpy(d1, d2, sizeof d1);
	}
	CHECK(round_trip);
}

int main(void)
{
	test_precedence();
	test_literals();
	test_arithmetic();
	test_arithmetic_wide();
	test_comparison();
	test_logic();
	test_in();
	test_functions();
	test_parse_errors();
	test_locations();
	test_bind_errors();
	test_types();
	test_symbol_list();
	test_depth();
	test_long();
	test_bounds();
	test_num_helpers();
	test_values();
	test_if_coalesce();
	test_join_text();
	test_dates();
	test_version();
	test_traps();
	test_date_module();
	arena_free(&test_arena);
	return test_done("test-expr");
}
