/*
 * expr: the expression language of conditions (`when`) and derived values (`values`).
 *
 * Typed, side-effect free, always terminating.  Parsed once at load (errors point at the column inside
 * the YAML scalar), bound to names and type-checked once the whole wizard is known, then evaluated by the
 * engine against the answers on the current path.  It cannot reach files, the environment or a shell.
 *
 * Numbers are fixed-point decimals: an int64_t counting 1/10000 (EXPR_SCALE), so money is exact.
 * Ownership: every node, string and list lives in the arena given to the call that made it.
 */
#ifndef TRIN_EXPR_H
#define TRIN_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "limit.h"
#include "util.h"

#define EXPR_SCALE 10000

enum value_type { VAL_NULL, VAL_BOOL, VAL_NUM, VAL_STR, VAL_LIST };

struct value {
	enum value_type type;
	union {
		bool b;
		int64_t n;		/* scaled by EXPR_SCALE */
		const char *s;		/* UTF-8, NUL-terminated */
		struct {
			const struct value *items;
			size_t n;
		} list;
	} u;
};

/*
 * Static types, as a set of bits: a name whose answer may be missing has TYPE_NULL in its set.
 * TYPE_ANY is every bit.  A list's element type is not tracked.
 */
enum {
	TYPE_NULL = 1 << VAL_NULL,
	TYPE_BOOL = 1 << VAL_BOOL,
	TYPE_NUM = 1 << VAL_NUM,
	TYPE_STR = 1 << VAL_STR,
	TYPE_LIST = 1 << VAL_LIST,
	TYPE_ANY = TYPE_NULL | TYPE_BOOL | TYPE_NUM | TYPE_STR | TYPE_LIST,
};
typedef unsigned expr_type;

struct expr;

/*
 * Where a scalar's text sits in the file, so that an error at byte offset i of the expression can be
 * reported at its own line and column.  Without `exact`, every error is reported at `start`.
 */
struct expr_source {
	struct loc start;	/* of the first character of the expression text */
	bool exact;		/* the text is the file's bytes as they are (plain or simple quoted scalar) */
};

/*
 * Parse src.  On error, append diagnostics to d and return NULL.  Nesting deeper than EXPR_MAX_DEPTH
 * is an error, so evaluation depth is bounded; so is a number grouped in thousands ("50.000": "did you
 * mean 50000?").
 */
#define EXPR_MAX_DEPTH 64
struct expr *expr_parse(struct arena *a, const char *src, struct expr_source where, struct diags *d);

/*
 * Bounds on what evaluation may make and do, so that no wizard can make it take unbounded time or memory.
 * A value holds at most EXPR_MAX_TEXT bytes of text (all its strings together) and EXPR_MAX_ITEMS list
 * items (nested lists counted in full).  One evaluation, or all those sharing a budget, does at most
 * EXPR_MAX_WORK units of work: one for each step, and one for each byte or item made or compared.
 */
#define EXPR_MAX_TEXT LIMIT_EXPR_TEXT
#define EXPR_MAX_ITEMS LIMIT_EXPR_ITEMS
#define EXPR_MAX_WORK (8 << 20)

/* The most a value can hold: bytes of text and list items, counted as for EXPR_MAX_TEXT and EXPR_MAX_ITEMS. */
struct expr_size {
	uint64_t text, items;
};

/* How names are looked up when binding: the symbol's index (>= 0) and static type, or -1 if unknown. */
struct expr_scope {
	int (*lookup)(void *ctx, const char *name, expr_type *type);
	/* For "did you mean": a close known name, or NULL. */
	const char *(*suggest)(void *ctx, const char *name);
	void *ctx;
	/* The most a symbol's value can hold, or NULL when names hold nothing worth counting. */
	struct expr_size (*size)(void *ctx, int sym);
	/* Whether a symbol holds a date ("YYYY-MM-DD": a date step's answer), or NULL when none does. */
	bool (*date)(void *ctx, int sym);
	/* The format's minor version ('trin: 1.1' is 1): a function newer than it is an error. */
	int minor;
	/*
	 * Repeated groups, or NULL for none.  item: the place of the step named name in an item of group sym
	 * (with its static type), or -1; with name NULL, 0 when sym is a group.  owner: the group that has a
	 * step named name, for an error that says how to read it, or NULL.
	 */
	int (*item)(void *ctx, int sym, const char *name, expr_type *type);
	const char *(*owner)(void *ctx, const char *name);
	/* An expression of a step of a group (its checks and conditions): the group's symbol + 1, whose
	 * step ids name the answers of the item at hand (expr_env.item); 0 elsewhere. */
	int in_group;
};

/*
 * Resolve every name through scope and check types.  Errors (unknown names, type clashes such as
 * `kapital == "ja"` when kapital is a number, arithmetic on strings, a text or list that may grow past
 * EXPR_MAX_TEXT or EXPR_MAX_ITEMS, a date compared with a string that is no date "YYYY-MM-DD", a function
 * newer than scope->minor) are appended to d with their column.
 * Returns the expression's static type, or 0 on error.
 */
expr_type expr_bind(struct expr *e, const struct expr_scope *scope, struct diags *d);

/* Whether the bound expression's value, when a string, is a date: today(), add_days(...), a date step. */
bool expr_is_date(const struct expr *e);

/* The most the bound expression's value can hold (nothing when it is not bound). */
struct expr_size expr_max_size(const struct expr *e);

/*
 * Mark a bound expression as having an error found outside it (a value it reads goes too deep): it is
 * left as after an error in binding, so the walkers see nothing in it and expr_eval refuses it; only
 * expr_symbols still lists the names it reads (so they are not reported as unused).
 */
void expr_unbind(struct expr *e);

/* Calls fn once for each distinct symbol index the bound expression reads (for dependency analysis). */
void expr_symbols(const struct expr *e, void (*fn)(void *ctx, int sym), void *ctx);

/* How deep the expression's tree nests: 0 for a name or a literal, at most EXPR_MAX_DEPTH. */
int expr_depth(const struct expr *e);

/* The source text of an expression, as written in the wizard; lives as long as the expression. */
const char *expr_text(const struct expr *e);
/* Where the expression starts in the wizard. */
struct loc expr_loc(const struct expr *e);

/*
 * How an expression reads a name, for the checker's analysis of names that may have no answer.
 * A test asks for a positive match and is simply false without an answer (`x == "a"`, `x in [...]`,
 * `"a" in x`, `contains(x, "a")`, `x` as a condition); a guard asks whether there is an answer at all
 * (`answered(x)`, `x == null`, `x != null`, and every name inside answered()); any other read uses the value.
 */
enum expr_use { EXPR_USE_VALUE, EXPR_USE_TEST, EXPR_USE_GUARD };

/*
 * Call fn for each step of the item at hand that the bound expression reads (scope.in_group), by its place
 * in the group and where it is read; not for those read for each item in count, any, all and sum.
 */
void expr_items(const struct expr *e, void (*fn)(void *ctx, int place, struct loc at), void *ctx);

/* Calls fn for every name the bound expression reads (as often as it is read), with how and where. */
void expr_walk_names(const struct expr *e, void (*fn)(void *ctx, int sym, enum expr_use use, struct loc at),
		     void *ctx);

/*
 * Calls fn for every comparison of a name with a string literal in the bound expression: `x == "a"`,
 * `x != "a"` (either way round), `x in ["a", "b"]` and `not in` (once per string item), `"a" in x`,
 * `contains(x, "a")`.  at is the literal's location.
 */
void expr_walk_comparisons(const struct expr *e, void (*fn)(void *ctx, int sym, const char *lit, struct loc at),
			   void *ctx);

/*
 * A name that must have an answer for an expression to be true (or not null): a step's answer, or a
 * value that must be true (truth) or only not null.  With untrue, the name is only known not to be true
 * (expr_untruth_required): a value whose own untruth needs follow, or a step that needs nothing.
 */
struct expr_need {
	int sym;
	bool truth;
	bool untrue;
};
/*
 * What must have an answer for the bound expression to be true, by the rules of null: `x > 3`,
 * `x == "a"`, `answered(x)` and `x` itself need x; `a and b` needs both sides' needs, `a or b` what
 * both sides need; `not`, `x != "a"` and `x == null` need nothing.  *out is malloc'd (free it, also
 * when 0 is returned); a symbol may appear more than once.
 */
size_t expr_truth_required(const struct expr *e, struct expr_need **out);
/* What must have an answer for the bound expression not to be null (the operands of arithmetic). */
size_t expr_value_required(const struct expr *e, struct expr_need **out);
/*
 * What must have an answer when the bound expression is not true (false or null), as a transition after
 * it learns: `not answered(x)` and `x == null` need x; `a or b` needs both sides' needs, `a and b` what
 * both sides need; `not a` what a needs to be true.  *out as for expr_truth_required.
 */
size_t expr_untruth_required(const struct expr *e, struct expr_need **out);

struct i18n_lang;

/*
 * How the evaluator reads a symbol's current value (null when not answered on the path), the work it may
 * still do (evaluations sharing a budget take from *work; without one, each has EXPR_MAX_WORK), the
 * day it is, and the language text() and join() write in.
 */
struct expr_env {
	struct value (*get)(void *ctx, int sym);
	void *ctx;
	size_t *work;
	const char *today;	/* "YYYY-MM-DD", what today() gives; NULL: null */
	const struct i18n_lang *lang;	/* NULL: Danish, the wizards' own language */
	const struct value *item;	/* for scope.in_group: the item at hand, a list of its steps' answers */
};

/* The static messages of expr_eval for a value too large, or for work beyond the budget. */
extern const char expr_too_long[], expr_too_many[], expr_too_much[];

/*
 * Evaluate a bound expression.  Total: null arithmetic gives null, division by zero gives null,
 * comparisons with null other than == and != give false.  Returns false on a type clash the binder could
 * not rule out, or on a text or list beyond the bounds above or work beyond the budget (expr_too_long,
 * expr_too_many, expr_too_much), with a static message in *err.  Strings and lists are made in scratch.
 */
bool expr_eval(const struct expr *e, const struct expr_env *env, struct arena *scratch,
	       struct value *out, const char **err);

/* The truth of a value as a condition: only true is true; null is false. */
bool value_truthy(struct value v);
/* Structural equality (numbers by value, lists element by element). */
bool value_equal(struct value a, struct value b);
/* Format a number: "-12.5", "40000" (no grouping, '.' as decimal point, no trailing zeros). */
char *value_num_format(int64_t n, char *buf, size_t size);
/* Parse a decimal literal "12", "12.50", "-3"; false if malformed, out of range or over 4 decimals. */
bool value_num_parse(const char *s, int64_t *out);

#endif
