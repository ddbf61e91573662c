/*
 * fuzz-expr: the expression language on its own.  The first 9 bytes set the answers the expression sees
 * (which are missing, a number's 64 bits); the rest is the expression text: parsed, bound against a fixed
 * scope of typed names, walked every way the checker walks it, and evaluated.  Also checks that a number
 * read by value_num_parse comes back the same from value_num_format.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "expr.h"
#include "fuzz.h"
#include "util.h"

/* The names an expression may read: kapital (number), navn (text), ja (yes/no), valg (list), x (any). */
static const char *const fuzz_names[] = { "kapital", "navn", "ja", "valg", "x" };
static const expr_type fuzz_types[] = { TYPE_NUM | TYPE_NULL, TYPE_STR | TYPE_NULL, TYPE_BOOL | TYPE_NULL,
					TYPE_LIST | TYPE_NULL, TYPE_ANY };

struct fuzz_env {
	unsigned missing;	/* bit i: name i has no answer */
	int64_t number;
	unsigned x_kind;	/* the type x has at run time */
};

static int fuzz_lookup(void *ctx, const char *name, expr_type *type)
{
	(void)ctx;
	for (size_t i = 0; i < ARRAY_LEN(fuzz_names); i++)
		if (strcmp(name, fuzz_names[i]) == 0) {
			*type = fuzz_types[i];
			return (int)i;
		}
	return -1;
}

static const char *fuzz_suggest(void *ctx, const char *name)
{
	(void)ctx;
	return name[0] == 'k' ? "kapital" : NULL;
}

static const struct value fuzz_items[] = { { VAL_STR, { .s = "a" } }, { VAL_STR, { .s = "b" } } };

static struct value fuzz_get(void *ctx, int sym)
{
	const struct fuzz_env *env = ctx;
	if (env->missing & (1u << sym))
		return (struct value){ .type = VAL_NULL };
	int kind = sym == 4 ? (int)(env->x_kind % 5) : sym;
	switch (kind) {
	case 0:
		return (struct value){ VAL_NUM, { .n = env->number } };
	case 1:
		return (struct value){ VAL_STR, { .s = "Søren Kierkegaard" } };
	case 2:
		return (struct value){ VAL_BOOL, { .b = env->number & 1 } };
	case 3:
		return (struct value){ VAL_LIST, { .list = { fuzz_items, 2 } } };
	default:
		return (struct value){ .type = VAL_NULL };
	}
}

static void fuzz_sym(void *ctx, int sym)
{
	(void)ctx;
	if (sym < 0 || (size_t)sym >= ARRAY_LEN(fuzz_names))
		abort();
}

static void fuzz_name(void *ctx, int sym, enum expr_use use, struct loc at)
{
	(void)use;
	(void)at;
	fuzz_sym(ctx, sym);
}

static void fuzz_comparison(void *ctx, int sym, const char *lit, struct loc at)
{
	(void)at;
	fuzz_sym(ctx, sym);
	if (!lit)
		abort();
}

/* A number that value_num_parse reads must print as text that it reads back as the same number. */
static void fuzz_number(const char *s)
{
	int64_t n, back;
	char buf[32];
	if (value_num_parse(s, &n) && (!value_num_parse(value_num_format(n, buf, sizeof buf), &back) || back != n))
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_env env = { 0 };
	if (size >= 9) {
		env.missing = data[0] & 0x1f;
		env.x_kind = data[0] >> 5;
		uint64_t u = 0;
		for (int i = 1; i < 9; i++)
			u = u << 8 | data[i];
		memcpy(&env.number, &u, sizeof u);
		data += 9;
		size -= 9;
	}
	char *src = xstrndup((const char *)data, size);
	fuzz_number(src);
	struct arena a = { 0 };
	struct diags d = { 0 };
	struct expr *e = expr_parse(&a, src, (struct expr_source){ { "fuzz", 1, 1 }, true }, &d);
	struct expr_scope scope = { .lookup = fuzz_lookup, .suggest = fuzz_suggest, .minor = 1 };
	if (e && expr_bind(e, &scope, &d)) {
		if (!expr_text(e))
			abort();
		expr_symbols(e, fuzz_sym, NULL);
		expr_walk_names(e, fuzz_name, NULL);
		expr_walk_comparisons(e, fuzz_comparison, NULL);
		struct expr_need *need = NULL;
		size_t n = expr_truth_required(e, &need);
		for (size_t i = 0; i < n; i++)
			fuzz_sym(NULL, need[i].sym);
		free(need);
		need = NULL;
		n = expr_value_required(e, &need);
		for (size_t i = 0; i < n; i++)
			fuzz_sym(NULL, need[i].sym);
		free(need);
		struct expr_env ee = { fuzz_get, &env, NULL, "2026-11-30", NULL, NULL };
		struct arena scratch = { 0 };
		struct value v;
		const char *err = NULL;
		if (expr_eval(e, &ee, &scratch, &v, &err)) {
			(void)value_truthy(v);
			if (!value_equal(v, v))
				abort();	/* equality is reflexive */
		} else if (!err) {
			abort();	/* a failed evaluation always says why */
		}
		arena_free(&scratch);
	}
	diag_free(&d);
	arena_free(&a);
	free(src);
	return 0;
}
