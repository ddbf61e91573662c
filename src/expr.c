/*
 * expr: lexer, parser, binder and evaluator of the expression language, plus the value helpers.
 *
 * Grammar (lowest precedence first; '{ }' repeats, '[ ]' is optional):
 *
 *   expression = or_expr EOF
 *   or_expr    = and_expr { 'or' and_expr }
 *   and_expr   = not_expr { 'and' not_expr }
 *   not_expr   = 'not' not_expr | cmp_expr
 *   cmp_expr   = add_expr [ cmp_op add_expr ]          (non-associative: a < b < c is an error)
 *   cmp_op     = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in'
 *   add_expr   = mul_expr { ( '+' | '-' ) mul_expr }
 *   mul_expr   = unary_expr { ( '*' | '/' ) unary_expr }
 *   unary_expr = '-' unary_expr | primary
 *   primary    = NUMBER | STRING | 'true' | 'false' | 'null'
 *              | NAME [ '(' [ or_expr { ',' or_expr } ] ')' ]     (with '(': a call of a built-in)
 *              | '(' or_expr ')'
 *              | '[' [ or_expr { ',' or_expr } ] ']'
 *
 *   NUMBER     = digit { digit } [ '.' digit [ digit [ digit [ digit ] ] ] ]
 *   STRING     = '"' { char | '\"' | '\\' | '\n' } '"'  |  "'" { char } "'"   (single quotes: no escapes)
 *   NAME       = [A-Za-z_][A-Za-z0-9_]*, except the keywords and or not in true false null
 *
 * Built-ins: len(x) contains(h, n) min(a, b) max(a, b) round(x [, digits]) answered(x) lower(s) upper(s);
 * new in format 1.1: if(c, a, b) coalesce(a, b, ...) join(list [, sep]) text(x) today() add_days(d, n)
 * add_months(d, n) add_years(d, n) days_between(a, b).  A function is one row of expr_funcs, a case in
 * expr_bind_call (its types) and one in expr_eval_call or expr_eval_lazy (its value).
 *
 * Dates are strings "YYYY-MM-DD"; the binder marks a node whose string is a date (a date step's answer,
 * today(), a date function, a literal that is a real date), so that comparing one with a string that is no
 * such date ("01-01-2030") is an error.  A number literal written grouped in thousands ("50.000") is an
 * error too: the same characters typed as an answer are fifty thousand.
 *
 * Run-time semantics (evaluation is total): arithmetic with a null operand, division by zero and
 * overflow give null; < <= > >= with a null operand give false; == and != use value_equal (null == null);
 * and, or, not read null as false and short-circuit; `x in null` is false.  Ordering works on two numbers
 * or two strings (bytewise, so ISO dates order correctly).  Numbers are int64 fixed-point scaled by
 * EXPR_SCALE; * and / round half away from zero to 4 decimals.  lower() and upper() change ASCII only.
 * if() reads a null condition as false and works out only the branch it takes; coalesce() stops at the
 * first argument that is not null.  The other functions of 1.1 give null for a null argument; join() of
 * nothing left (no item but null) is null, and a date function is null for a count with decimals or a
 * date outside the years 1 to 9999.  join() and text() write as env->lang does (Danish without one).
 * The binder knows the most each node's value can hold and refuses a text or list that may pass
 * EXPR_MAX_TEXT or EXPR_MAX_ITEMS where it is made; the evaluator checks the same as it makes them, and
 * takes every step, and every byte or item it makes or compares, from a budget of work.
 *
 * Invariants: a parsed tree is at most EXPR_MAX_DEPTH nodes deep and the parser never recurses deeper than
 * EXPR_MAX_DEPTH levels, so binding and evaluation recursion is bounded too.  Every node, string and list
 * lives in an arena passed in; there is no global mutable state.
 * Depends on util, diag, text (which characters a string may not hold), date (calendar arithmetic) and
 * i18n's table of how languages write numbers, dates and lists only: no I/O, no terminal, no knowledge of
 * wizards.
 */
#include "expr.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "text.h"

enum expr_op {
	EXPR_LIT, EXPR_NAME, EXPR_LIST, EXPR_CALL,
	EXPR_NEG, EXPR_NOT,
	EXPR_AND, EXPR_OR,
	EXPR_EQ, EXPR_NE, EXPR_LT, EXPR_LE, EXPR_GT, EXPR_GE, EXPR_IN, EXPR_NOT_IN,
	EXPR_ADD, EXPR_SUB, EXPR_MUL, EXPR_DIV,
	EXPR_ITEM,	/* a name bound to a step of a repeated group's item, inside any, all, sum */
};

static const char *const expr_op_names[] = {
	[EXPR_NEG] = "-", [EXPR_NOT] = "not", [EXPR_AND] = "and", [EXPR_OR] = "or",
	[EXPR_EQ] = "==", [EXPR_NE] = "!=", [EXPR_LT] = "<", [EXPR_LE] = "<=", [EXPR_GT] = ">",
	[EXPR_GE] = ">=", [EXPR_IN] = "in", [EXPR_NOT_IN] = "not in",
	[EXPR_ADD] = "+", [EXPR_SUB] = "-", [EXPR_MUL] = "*", [EXPR_DIV] = "/",
};

/* Laid out without holes: a wizard has one for every name, literal and operator in its conditions. */
struct expr_node {
	enum expr_op op;
	int depth;			/* 0 for a leaf, else 1 + the deepest child */
	expr_type type;			/* set by expr_bind; 0 after an error */
	int sym;			/* EXPR_NAME: symbol; EXPR_CALL: enum expr_func_id */
	struct loc loc;			/* of the operator, name or literal */
	struct loc start;		/* of the first character of the subexpression */
	struct expr_size size;		/* set by expr_bind: the most the value can hold */
	struct value lit;		/* EXPR_LIT */
	const char *name;		/* EXPR_NAME, EXPR_CALL */
	struct expr_node *a, *b;	/* operands */
	struct expr_node **items;	/* EXPR_LIST items, EXPR_CALL arguments */
	uint32_t n;			/* of items: an expression is far shorter than 4 GiB */
	bool oversize;			/* expr_bind found a value too large here or below */
	bool date;			/* set by expr_bind: the value, when a string, is a date "YYYY-MM-DD" */
};

struct expr {
	struct expr_node *root;
	struct arena *arena;		/* the one the tree lives in; bind puts the symbol list there */
	int *syms;			/* distinct symbols, sorted; set by expr_bind */
	size_t nsyms;
	const char *text;		/* the source text, copied into the arena */
	bool bound;			/* expr_bind succeeded: the walkers below see nothing otherwise */
};

/* The built-in functions. */
enum expr_func_id {
	EXPR_FN_LEN, EXPR_FN_CONTAINS, EXPR_FN_MIN, EXPR_FN_MAX, EXPR_FN_ROUND,
	EXPR_FN_ANSWERED, EXPR_FN_LOWER, EXPR_FN_UPPER,
	EXPR_FN_IF, EXPR_FN_COALESCE, EXPR_FN_JOIN, EXPR_FN_TEXT, EXPR_FN_TODAY, EXPR_FN_ADD_DAYS,
	EXPR_FN_ADD_MONTHS, EXPR_FN_ADD_YEARS, EXPR_FN_DAYS_BETWEEN,
	EXPR_FN_COUNT, EXPR_FN_ANY, EXPR_FN_ALL, EXPR_FN_SUM,
};

#define EXPR_ARGS_ANY ((size_t)-1)	/* max_args of a function that takes any number */

static const struct expr_func {
	const char *name;
	size_t min_args, max_args;
	int minor;			/* the format version it came with: 0 for 'trin: 1', 1 for 'trin: 1.1' */
} expr_funcs[] = {
	[EXPR_FN_LEN] = { "len", 1, 1 },
	[EXPR_FN_CONTAINS] = { "contains", 2, 2 },
	[EXPR_FN_MIN] = { "min", 2, 2 },
	[EXPR_FN_MAX] = { "max", 2, 2 },
	[EXPR_FN_ROUND] = { "round", 1, 2 },
	[EXPR_FN_ANSWERED] = { "answered", 1, 1 },
	[EXPR_FN_LOWER] = { "lower", 1, 1 },
	[EXPR_FN_UPPER] = { "upper", 1, 1 },
	[EXPR_FN_IF] = { "if", 3, 3, 1 },
	[EXPR_FN_COALESCE] = { "coalesce", 2, EXPR_ARGS_ANY, 1 },
	[EXPR_FN_JOIN] = { "join", 1, 2, 1 },
	[EXPR_FN_TEXT] = { "text", 1, 1, 1 },
	[EXPR_FN_TODAY] = { "today", 0, 0, 1 },
	[EXPR_FN_ADD_DAYS] = { "add_days", 2, 2, 1 },
	[EXPR_FN_ADD_MONTHS] = { "add_months", 2, 2, 1 },
	[EXPR_FN_ADD_YEARS] = { "add_years", 2, 2, 1 },
	[EXPR_FN_DAYS_BETWEEN] = { "days_between", 2, 2, 1 },
	[EXPR_FN_COUNT] = { "count", 1, 1, 1 },
	[EXPR_FN_ANY] = { "any", 2, 2, 1 },
	[EXPR_FN_ALL] = { "all", 2, 2, 1 },
	[EXPR_FN_SUM] = { "sum", 2, 2, 1 },
};

/* ---- Diagnostics ---- */

__attribute__((format(printf, 3, 0)))
static void expr_vreport(struct diags *d, struct loc at, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	size_t size = n > 0 ? (size_t)n + 1 : 1;
	char *msg = xmalloc(size);
	vsnprintf(msg, size, fmt, ap);
	diag_error(d, at, "%s", msg);
	free(msg);
}

/* ---- Numbers ---- */

enum expr_num_status { EXPR_NUM_OK, EXPR_NUM_MALFORMED, EXPR_NUM_DECIMALS, EXPR_NUM_RANGE };

/* Scan an unsigned decimal of exactly len bytes ("12", "12.5"); *out is scaled by EXPR_SCALE. */
static enum expr_num_status value_num_scan(const char *s, size_t len, int64_t *out)
{
	size_t i = 0;
	uint64_t v = 0;
	bool range = false;
	if (len == 0 || s[0] < '0' || s[0] > '9')
		return EXPR_NUM_MALFORMED;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		if (v > (UINT64_MAX - 9) / 10)
			range = true;
		else
			v = v * 10 + (uint64_t)(s[i] - '0');
	}
	int decimals = 0;
	if (i < len && s[i] == '.') {
		i++;
		size_t first = i;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			if (++decimals > 4)
				continue;
			if (v > (UINT64_MAX - 9) / 10)
				range = true;
			else
				v = v * 10 + (uint64_t)(s[i] - '0');
		}
		if (i == first)
			return EXPR_NUM_MALFORMED;
	}
	if (i != len)
		return EXPR_NUM_MALFORMED;
	if (decimals > 4)
		return EXPR_NUM_DECIMALS;
	for (int k = decimals < 4 ? decimals : 4; k < 4; k++) {
		if (v > UINT64_MAX / 10)
			range = true;
		else
			v *= 10;
	}
	if (range || v > (uint64_t)INT64_MAX)
		return EXPR_NUM_RANGE;
	*out = (int64_t)v;
	return EXPR_NUM_OK;
}

/* Parse a decimal literal "12", "12.50", "-3"; false if malformed, out of range or over 4 decimals. */
bool value_num_parse(const char *s, int64_t *out)
{
	bool neg = *s == '-';
	if (neg)
		s++;
	int64_t v;
	if (value_num_scan(s, strlen(s), &v) != EXPR_NUM_OK)
		return false;
	*out = neg ? -v : v;
	return true;
}

/* The magnitude of v, INT64_MIN's too. */
static uint64_t expr_mag(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Format a number: "-12.5", "40000" (no grouping, '.' as decimal point, no trailing zeros). */
char *value_num_format(int64_t n, char *buf, size_t size)
{
	uint64_t mag = expr_mag(n);
	uint64_t whole = mag / EXPR_SCALE;
	unsigned frac = (unsigned)(mag % EXPR_SCALE);
	if (frac == 0) {
		snprintf(buf, size, "%s%llu", n < 0 ? "-" : "", (unsigned long long)whole);
		return buf;
	}
	int digits = 4;
	while (frac % 10 == 0) {
		frac /= 10;
		digits--;
	}
	snprintf(buf, size, "%s%llu.%0*u", n < 0 ? "-" : "", (unsigned long long)whole, digits, frac);
	return buf;
}

/* a * b as 128 bits, in *hi and *lo: four products of 32-bit halves. */
static void expr_mul_wide(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
	uint64_t a0 = a & 0xffffffffu, a1 = a >> 32, b0 = b & 0xffffffffu, b1 = b >> 32;
	uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
	*lo = mid << 32 | (p00 & 0xffffffffu);
	*hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/* hi:lo / d with hi < d, so the quotient fits 64 bits; the remainder in *rem.  Long division, a bit a step. */
static uint64_t expr_div_wide(uint64_t hi, uint64_t lo, uint64_t d, uint64_t *rem)
{
	if (hi == 0) {
		*rem = lo % d;
		return lo / d;
	}
	uint64_t q = 0;
	for (int i = 0; i < 64; i++) {
		bool carry = hi >> 63;	/* the shifted remainder is below 2d, but may pass 64 bits */
		hi = hi << 1 | lo >> 63;
		lo <<= 1;
		q <<= 1;
		if (carry || hi >= d) {
			hi -= d;
			q |= 1;
		}
	}
	*rem = hi;
	return q;
}

/*
 * x * y / den rounded half away from zero, exactly, in *out; false when den is 0 or the result is not a
 * number (its magnitude passes INT64_MAX).  The product is kept whole in 128 bits.
 */
static bool expr_muldiv(int64_t x, int64_t y, int64_t den, int64_t *out)
{
	uint64_t ad = expr_mag(den), hi, lo, r;
	if (ad == 0)
		return false;
	expr_mul_wide(expr_mag(x), expr_mag(y), &hi, &lo);
	if (hi >= ad)
		return false;	/* the quotient passes 64 bits */
	uint64_t q = expr_div_wide(hi, lo, ad, &r);
	if (q > INT64_MAX)
		return false;
	q += r >= ad - r;	/* 2r >= ad, without overflow */
	if (q > INT64_MAX)
		return false;
	bool neg = ((x < 0) != (y < 0)) != (den < 0);
	*out = neg ? -(int64_t)q : (int64_t)q;
	return true;
}

/* ---- Values ---- */

static struct value expr_null(void)
{
	return (struct value){ .type = VAL_NULL };
}

static struct value expr_bool(bool b)
{
	return (struct value){ .type = VAL_BOOL, .u.b = b };
}

static struct value expr_num(int64_t n)
{
	return (struct value){ .type = VAL_NUM, .u.n = n };
}

static struct value expr_str(const char *s)
{
	return (struct value){ .type = VAL_STR, .u.s = s };
}

/* The truth of a value as a condition: only true is true; null is false. */
bool value_truthy(struct value v)
{
	return v.type == VAL_BOOL && v.u.b;
}

/* Structural equality (numbers by value, lists element by element). */
bool value_equal(struct value a, struct value b)
{
	if (a.type != b.type)
		return false;
	switch (a.type) {
	case VAL_NULL:
		return true;
	case VAL_BOOL:
		return a.u.b == b.u.b;
	case VAL_NUM:
		return a.u.n == b.u.n;
	case VAL_STR:
		return strcmp(a.u.s, b.u.s) == 0;
	case VAL_LIST:
		if (a.u.list.n != b.u.list.n)
			return false;
		for (size_t i = 0; i < a.u.list.n; i++)
			if (!value_equal(a.u.list.items[i], b.u.list.items[i]))
				return false;
		return true;
	}
	return false;
}

/* ---- Lexer ---- */

enum expr_tok {
	TOK_EOF, TOK_ERROR, TOK_NUM, TOK_STR, TOK_NAME,
	TOK_AND, TOK_OR, TOK_NOT, TOK_IN, TOK_TRUE, TOK_FALSE, TOK_NULL,
	TOK_LPAREN, TOK_RPAREN, TOK_LBRACK, TOK_RBRACK, TOK_COMMA,
	TOK_PLUS, TOK_MINUS, TOK_STAR, TOK_SLASH,
	TOK_EQ, TOK_NE, TOK_LT, TOK_LE, TOK_GT, TOK_GE,
};

static const struct expr_keyword {
	const char *word;
	enum expr_tok tok;
} expr_keywords[] = {
	{ "and", TOK_AND }, { "or", TOK_OR }, { "not", TOK_NOT }, { "in", TOK_IN },
	{ "true", TOK_TRUE }, { "false", TOK_FALSE }, { "null", TOK_NULL },
};

struct expr_parser {
	struct arena *arena;
	struct diags *diags;
	const char *src;
	size_t pos;			/* next byte to scan */
	struct loc here;		/* location of src[pos] */
	bool exact;
	int depth;			/* current recursion depth of the parser */
	bool failed;			/* one error has been reported; stop */
	enum expr_tok tok;		/* the current token */
	size_t tok_pos, tok_len;
	struct loc tok_loc;
	int64_t tok_num;
	const char *tok_str;		/* TOK_STR: decoded, in the arena; TOK_NAME: copied */
};

__attribute__((format(printf, 3, 4)))
static void expr_error(struct expr_parser *p, struct loc at, const char *fmt, ...)
{
	if (p->failed)
		return;
	p->failed = true;
	p->tok = TOK_ERROR;
	va_list ap;
	va_start(ap, fmt);
	expr_vreport(p->diags, at, fmt, ap);
	va_end(ap);
}

/* Move past n bytes, keeping `here` on the right line and column when the text is exact. */
static void expr_advance(struct expr_parser *p, size_t n)
{
	for (; n > 0; n--, p->pos++) {
		unsigned char c = (unsigned char)p->src[p->pos];
		if (!p->exact)
			continue;
		if (c == '\n') {
			p->here.line++;
			p->here.col = 1;
		} else if ((c & 0xC0) != 0x80) {
			p->here.col++;
		}
	}
}

static bool expr_is_ident_start(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static bool expr_is_ident(char c)
{
	return expr_is_ident_start(c) || (c >= '0' && c <= '9');
}

/* Bytes in the UTF-8 character starting at s (1 for anything malformed). */
static size_t expr_utf8_len(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	for (size_t i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* Scan a quoted string at p->pos into the arena; double quotes know \" \\ \n, single quotes nothing. */
static void expr_lex_string(struct expr_parser *p)
{
	char quote = p->src[p->pos];
	size_t i = p->pos + 1, n = 0;
	/* First pass: find the end and the decoded length. */
	for (;; i++, n++) {
		char c = p->src[i];
		if (c == '\0') {
			expr_error(p, p->tok_loc, "unterminated string");
			return;
		}
		if (c == quote)
			break;
		if (text_control_at(p->src + i)) {	/* no answer holds one: it could only change the screen */
			expr_advance(p, i - p->pos);
			expr_error(p, p->here, "control character in a string; it could change the screen");
			return;
		}
		if (c == '\\' && quote == '"') {
			char e = p->src[i + 1];
			if (e != '"' && e != '\\' && e != 'n') {
				expr_advance(p, i - p->pos);
				if (e == '\0')
					expr_error(p, p->tok_loc, "unterminated string");
				else
					expr_error(p, p->here, "unknown escape '\\%.*s' in string (use \\\", \\\\ or \\n)",
						   (int)expr_utf8_len(p->src + i + 1), p->src + i + 1);
				return;
			}
			i++;
		}
	}
	char *s = arena_alloc(p->arena, n + 1);
	size_t k = 0;
	for (size_t j = p->pos + 1; j < i; j++) {
		char c = p->src[j];
		if (c == '\\' && quote == '"') {
			c = p->src[++j];
			if (c == 'n')
				c = '\n';
		}
		s[k++] = c;
	}
	s[k] = '\0';
	p->tok = TOK_STR;
	p->tok_str = s;
	expr_advance(p, i + 1 - p->pos);
}

/*
 * Whether the len bytes at s are a whole number grouped in thousands by points, as Danes write one
 * ("50.000", "1.500", "2.500.000"): 1 to 3 digits, not starting with 0, then groups of a point and three
 * digits, where one group must end in 0 (a decimal needs no trailing zero: one and a quarter is 1.25, so
 * "1.250" is refused too) and two or more groups are never a decimal.  "1.235", "0.500" and "12.5" are
 * decimals.
 */
static bool expr_grouped(const char *s, size_t len)
{
	size_t lead = 0;
	while (lead < len && lead < 4 && s[lead] >= '0' && s[lead] <= '9')
		lead++;
	if (lead == 0 || lead > 3 || s[0] == '0' || lead == len)
		return false;
	for (size_t i = lead; i < len; i += 4) {
		if (i + 4 > len || s[i] != '.')
			return false;
		for (size_t k = 1; k <= 3; k++)
			if (s[i + k] < '0' || s[i + k] > '9')
				return false;
	}
	return len > lead + 4 || s[len - 1] == '0';
}

/* Scan a number; the token runs over letters and dots too, so "1e5" and "12." are one bad number. */
static void expr_lex_number(struct expr_parser *p)
{
	size_t i = p->pos;
	while (expr_is_ident(p->src[i]) || p->src[i] == '.')
		i++;
	size_t len = i - p->pos;
	const char *s = p->src + p->pos;
	if (expr_grouped(s, len)) {
		char plain[64];
		size_t k = 0;
		for (size_t j = 0; j < len && k + 1 < sizeof plain; j++)
			if (s[j] != '.')
				plain[k++] = s[j];
		plain[k] = '\0';
		expr_error(p, p->tok_loc, "'%.*s' looks like a number grouped in thousands, which an expression "
			   "does not write: did you mean %s?", len > 40 ? 40 : (int)len, s, plain);
		return;
	}
	switch (value_num_scan(s, len, &p->tok_num)) {
	case EXPR_NUM_OK:
		p->tok = TOK_NUM;
		expr_advance(p, len);
		return;
	case EXPR_NUM_MALFORMED:
		expr_error(p, p->tok_loc, "malformed number '%.*s'", len > 40 ? 40 : (int)len, s);
		return;
	case EXPR_NUM_DECIMALS:
		expr_error(p, p->tok_loc, "number '%.*s' has more than 4 decimals", len > 40 ? 40 : (int)len, s);
		return;
	case EXPR_NUM_RANGE:
		expr_error(p, p->tok_loc, "number '%.*s' is too large", len > 40 ? 40 : (int)len, s);
		return;
	}
}

/* Scan the next token into p->tok; on a bad character report it and make the token TOK_ERROR. */
static void expr_next(struct expr_parser *p)
{
	if (p->failed)
		return;
	while (p->src[p->pos] == ' ' || p->src[p->pos] == '\t' || p->src[p->pos] == '\n' ||
	       p->src[p->pos] == '\r')
		expr_advance(p, 1);
	const char *s = p->src + p->pos;
	p->tok_pos = p->pos;
	p->tok_loc = p->here;
	p->tok_str = NULL;
	char c = s[0];
	if (c == '\0') {
		p->tok = TOK_EOF;
	} else if (expr_is_ident_start(c)) {
		size_t n = 1;
		while (expr_is_ident(s[n]))
			n++;
		p->tok = TOK_NAME;
		for (size_t k = 0; k < ARRAY_LEN(expr_keywords); k++)
			if (strlen(expr_keywords[k].word) == n && memcmp(expr_keywords[k].word, s, n) == 0)
				p->tok = expr_keywords[k].tok;
		if (p->tok == TOK_NAME)
			p->tok_str = arena_strndup(p->arena, s, n);
		expr_advance(p, n);
	} else if (c >= '0' && c <= '9') {
		expr_lex_number(p);
	} else if (c == '"' || c == '\'') {
		expr_lex_string(p);
	} else {
		/* First match wins, so longer operators come first; `instead` marks other languages' operators. */
		static const struct {
			const char *text;
			enum expr_tok tok;
			const char *instead;
		} ops[] = {
			{ "==", TOK_EQ, NULL }, { "!=", TOK_NE, NULL }, { "<=", TOK_LE, NULL }, { ">=", TOK_GE, NULL },
			{ "<>", TOK_ERROR, "!=" }, { "&&", TOK_ERROR, "and" }, { "||", TOK_ERROR, "or" },
			{ "<", TOK_LT, NULL }, { ">", TOK_GT, NULL }, { "(", TOK_LPAREN, NULL },
			{ ")", TOK_RPAREN, NULL }, { "[", TOK_LBRACK, NULL }, { "]", TOK_RBRACK, NULL },
			{ ",", TOK_COMMA, NULL }, { "+", TOK_PLUS, NULL }, { "-", TOK_MINUS, NULL },
			{ "*", TOK_STAR, NULL }, { "/", TOK_SLASH, NULL },
			{ "=", TOK_ERROR, "==" }, { "!", TOK_ERROR, "not" },
		};
		for (size_t k = 0; k < ARRAY_LEN(ops); k++) {
			size_t n = strlen(ops[k].text);
			if (strncmp(s, ops[k].text, n) != 0)
				continue;
			if (ops[k].instead) {
				expr_error(p, p->tok_loc, "'%s' is not an operator (did you mean '%s'?)", ops[k].text,
					   ops[k].instead);
				return;
			}
			p->tok = ops[k].tok;
			expr_advance(p, n);
			p->tok_len = n;
			return;
		}
		if ((unsigned char)c < 0x20 || c == 0x7f)
			expr_error(p, p->tok_loc, "unexpected control character 0x%02x", (unsigned)c);
		else
			expr_error(p, p->tok_loc, "unexpected '%.*s'", (int)expr_utf8_len(s), s);
		return;
	}
	p->tok_len = p->pos - p->tok_pos;
}

/* Report the current token as unexpected: "unexpected 'x'" or "<what>, got 'x'". */
static void expr_unexpected(struct expr_parser *p, const char *what)
{
	if (p->failed)
		return;	/* the lexer has reported the token already, and tok_len is not its length */
	if (p->tok == TOK_EOF) {
		if (what)
			expr_error(p, p->tok_loc, "%s, got end of expression", what);
		else
			expr_error(p, p->tok_loc, "unexpected end of expression");
		return;
	}
	/* Quote at most 30 bytes of the token, cut at a character boundary. */
	size_t n = p->tok_len;
	const char *dots = "";
	if (n > 30) {
		n = 30;
		while (n > 0 && ((unsigned char)p->src[p->tok_pos + n] & 0xC0) == 0x80)
			n--;
		dots = "...";
	}
	if (what)
		expr_error(p, p->tok_loc, "%s, got '%.*s%s'", what, (int)n, p->src + p->tok_pos, dots);
	else
		expr_error(p, p->tok_loc, "unexpected '%.*s%s'", (int)n, p->src + p->tok_pos, dots);
}

/* ---- Parser ---- */

static struct expr_node *expr_node_new(struct expr_parser *p, enum expr_op op, struct loc at)
{
	struct expr_node *n = arena_alloc(p->arena, sizeof *n);
	n->op = op;
	n->loc = at;
	n->start = at;
	return n;
}

/* Give n its depth from its children; false (with an error) when the tree gets too deep. */
static bool expr_node_depth(struct expr_parser *p, struct expr_node *n, int child_depth)
{
	n->depth = child_depth + 1;
	if (n->depth > EXPR_MAX_DEPTH) {
		expr_error(p, n->loc, "expression nested too deeply");
		return false;
	}
	return true;
}

/* A binary node for `a op b`, at the operator's location. */
static struct expr_node *expr_binary(struct expr_parser *p, enum expr_op op, struct loc at,
				     struct expr_node *a, struct expr_node *b)
{
	struct expr_node *n = expr_node_new(p, op, at);
	n->a = a;
	n->b = b;
	n->start = a->start;
	return expr_node_depth(p, n, a->depth > b->depth ? a->depth : b->depth) ? n : NULL;
}

/* Enter one level of parser recursion; false (with an error) beyond EXPR_MAX_DEPTH. */
static bool expr_enter(struct expr_parser *p)
{
	if (++p->depth > EXPR_MAX_DEPTH) {
		expr_error(p, p->tok_loc, "expression nested too deeply");
		return false;
	}
	return true;
}

static struct expr_node *expr_parse_or(struct expr_parser *p);

/* items = [ or_expr { ',' or_expr } ] close; fills n->items and n->n. */
static bool expr_parse_items(struct expr_parser *p, struct expr_node *n, enum expr_tok close,
			     const char *expected)
{
	struct expr_node **items = NULL;	/* gathered here, then kept in the arena at their number */
	size_t count = 0, cap = 0;
	int deepest = 0;
	bool ok = true;
	if (p->tok != close) {
		for (;;) {
			struct expr_node *item = expr_parse_or(p);
			if (!item) {
				ok = false;
				break;
			}
			util_grow((void **)&items, &cap, count + 1, sizeof *items);
			items[count++] = item;
			if (item->depth > deepest)
				deepest = item->depth;
			if (p->tok != TOK_COMMA)
				break;
			expr_next(p);
		}
		if (ok && p->tok != close) {
			expr_unexpected(p, expected);
			ok = false;
		}
	}
	if (ok) {
		expr_next(p);
		n->n = (uint32_t)count;
		n->items = arena_alloc(p->arena, (count ? count : 1) * sizeof *n->items);
		if (count)
			memcpy(n->items, items, count * sizeof *items);
	}
	free(items);
	return ok && expr_node_depth(p, n, deepest);
}

/*
 * primary = NUMBER | STRING | 'true' | 'false' | 'null'
 *         | NAME [ '(' [ or_expr { ',' or_expr } ] ')' ] | '(' or_expr ')' | '[' [ or_expr { ',' or_expr } ] ']'
 */
static struct expr_node *expr_parse_primary(struct expr_parser *p)
{
	struct loc at = p->tok_loc;
	struct expr_node *n;
	switch (p->tok) {
	case TOK_NUM:
		n = expr_node_new(p, EXPR_LIT, at);
		n->lit = expr_num(p->tok_num);
		expr_next(p);
		return n;
	case TOK_STR:
		n = expr_node_new(p, EXPR_LIT, at);
		n->lit = expr_str(p->tok_str);
		expr_next(p);
		return n;
	case TOK_TRUE:
	case TOK_FALSE:
		n = expr_node_new(p, EXPR_LIT, at);
		n->lit = expr_bool(p->tok == TOK_TRUE);
		expr_next(p);
		return n;
	case TOK_NULL:
		n = expr_node_new(p, EXPR_LIT, at);
		n->lit = expr_null();
		expr_next(p);
		return n;
	case TOK_NAME:
		n = expr_node_new(p, EXPR_NAME, at);
		n->name = p->tok_str;
		expr_next(p);
		if (p->tok != TOK_LPAREN)
			return n;
		n->op = EXPR_CALL;
		if (!expr_enter(p))
			return NULL;
		expr_next(p);
		if (!expr_parse_items(p, n, TOK_RPAREN, "expected ',' or ')' in the arguments"))
			return NULL;
		p->depth--;
		return n;
	case TOK_LPAREN:
		if (!expr_enter(p))
			return NULL;
		expr_next(p);
		n = expr_parse_or(p);
		if (!n)
			return NULL;
		if (p->tok != TOK_RPAREN) {
			expr_unexpected(p, "expected ')'");
			return NULL;
		}
		expr_next(p);
		p->depth--;
		n->start = at;
		return n;
	case TOK_LBRACK:
		if (!expr_enter(p))
			return NULL;
		n = expr_node_new(p, EXPR_LIST, at);
		expr_next(p);
		if (!expr_parse_items(p, n, TOK_RBRACK, "expected ',' or ']' in the list"))
			return NULL;
		p->depth--;
		return n;
	default:
		expr_unexpected(p, NULL);
		return NULL;
	}
}

/* unary_expr = '-' unary_expr | primary */
static struct expr_node *expr_parse_unary(struct expr_parser *p)
{
	if (p->tok != TOK_MINUS)
		return expr_parse_primary(p);
	struct expr_node *n = expr_node_new(p, EXPR_NEG, p->tok_loc);
	if (!expr_enter(p))
		return NULL;
	expr_next(p);
	n->a = expr_parse_unary(p);
	if (!n->a || !expr_node_depth(p, n, n->a->depth))
		return NULL;
	p->depth--;
	return n;
}

/* mul_expr = unary_expr { ( '*' | '/' ) unary_expr } */
static struct expr_node *expr_parse_mul(struct expr_parser *p)
{
	struct expr_node *a = expr_parse_unary(p);
	while (a && (p->tok == TOK_STAR || p->tok == TOK_SLASH)) {
		enum expr_op op = p->tok == TOK_STAR ? EXPR_MUL : EXPR_DIV;
		struct loc at = p->tok_loc;
		expr_next(p);
		struct expr_node *b = expr_parse_unary(p);
		a = b ? expr_binary(p, op, at, a, b) : NULL;
	}
	return a;
}

/* add_expr = mul_expr { ( '+' | '-' ) mul_expr } */
static struct expr_node *expr_parse_add(struct expr_parser *p)
{
	struct expr_node *a = expr_parse_mul(p);
	while (a && (p->tok == TOK_PLUS || p->tok == TOK_MINUS)) {
		enum expr_op op = p->tok == TOK_PLUS ? EXPR_ADD : EXPR_SUB;
		struct loc at = p->tok_loc;
		expr_next(p);
		struct expr_node *b = expr_parse_mul(p);
		a = b ? expr_binary(p, op, at, a, b) : NULL;
	}
	return a;
}

/* The comparison operator of the current token, or EXPR_LIT if it is none ('not' is handled apart). */
static enum expr_op expr_cmp_op(enum expr_tok t)
{
	switch (t) {
	case TOK_EQ: return EXPR_EQ;
	case TOK_NE: return EXPR_NE;
	case TOK_LT: return EXPR_LT;
	case TOK_LE: return EXPR_LE;
	case TOK_GT: return EXPR_GT;
	case TOK_GE: return EXPR_GE;
	case TOK_IN: return EXPR_IN;
	default: return EXPR_LIT;
	}
}

/*
 * cmp_expr = add_expr [ cmp_op add_expr ]
 * cmp_op   = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in'
 */
static struct expr_node *expr_parse_cmp(struct expr_parser *p)
{
	struct expr_node *a = expr_parse_add(p);
	if (!a)
		return NULL;
	enum expr_op op = expr_cmp_op(p->tok);
	struct loc at = p->tok_loc;
	if (p->tok == TOK_NOT) {
		expr_next(p);
		if (p->tok != TOK_IN) {
			expr_unexpected(p, "expected 'in' after 'not'");
			return NULL;
		}
		op = EXPR_NOT_IN;
	}
	if (op == EXPR_LIT)
		return a;
	expr_next(p);
	struct expr_node *b = expr_parse_add(p);
	if (!b)
		return NULL;
	if (expr_cmp_op(p->tok) != EXPR_LIT || p->tok == TOK_NOT) {
		expr_error(p, p->tok_loc, "comparisons cannot be chained (use 'and': a < b and b < c)");
		return NULL;
	}
	return expr_binary(p, op, at, a, b);
}

/* not_expr = 'not' not_expr | cmp_expr */
static struct expr_node *expr_parse_not(struct expr_parser *p)
{
	if (p->tok != TOK_NOT)
		return expr_parse_cmp(p);
	struct expr_node *n = expr_node_new(p, EXPR_NOT, p->tok_loc);
	if (!expr_enter(p))
		return NULL;
	expr_next(p);
	n->a = expr_parse_not(p);
	if (!n->a || !expr_node_depth(p, n, n->a->depth))
		return NULL;
	p->depth--;
	return n;
}

/* and_expr = not_expr { 'and' not_expr } */
static struct expr_node *expr_parse_and(struct expr_parser *p)
{
	struct expr_node *a = expr_parse_not(p);
	while (a && p->tok == TOK_AND) {
		struct loc at = p->tok_loc;
		expr_next(p);
		struct expr_node *b = expr_parse_not(p);
		a = b ? expr_binary(p, EXPR_AND, at, a, b) : NULL;
	}
	return a;
}

/* or_expr = and_expr { 'or' and_expr } */
static struct expr_node *expr_parse_or(struct expr_parser *p)
{
	struct expr_node *a = expr_parse_and(p);
	while (a && p->tok == TOK_OR) {
		struct loc at = p->tok_loc;
		expr_next(p);
		struct expr_node *b = expr_parse_and(p);
		a = b ? expr_binary(p, EXPR_OR, at, a, b) : NULL;
	}
	return a;
}

/* expression = or_expr EOF.  Parse src into a tree in a; on error, one diagnostic and NULL. */
struct expr *expr_parse(struct arena *a, const char *src, struct expr_source where, struct diags *d)
{
	struct expr_parser p = {
		.arena = a, .diags = d, .src = src, .here = where.start, .exact = where.exact,
	};
	expr_next(&p);
	if (p.tok == TOK_EOF) {
		expr_error(&p, p.tok_loc, "empty expression");
		return NULL;
	}
	struct expr_node *root = expr_parse_or(&p);
	if (root && p.tok != TOK_EOF)
		expr_unexpected(&p, NULL);
	if (!root || p.failed)
		return NULL;
	assert(p.depth == 0);
	struct expr *e = arena_alloc(a, sizeof *e);
	e->root = root;
	e->arena = a;
	e->text = arena_strdup(a, src);
	return e;
}

/* ---- Binder ---- */

struct expr_binder {
	const struct expr_scope *scope;
	struct diags *diags;
	bool failed;
	size_t names;			/* EXPR_NAME nodes bound */
	int group;			/* binding the item expression of this group's symbol, or -1 */
};

__attribute__((format(printf, 3, 4)))
static void expr_bind_error(struct expr_binder *b, struct loc at, const char *fmt, ...)
{
	b->failed = true;
	va_list ap;
	va_start(ap, fmt);
	expr_vreport(b->diags, at, fmt, ap);
	va_end(ap);
}

/* Names of the non-null types in t, as "number" or "number or string"; buf of 64 is enough. */
static const char *expr_type_names(expr_type t, char *buf, size_t size)
{
	static const char *const names[] = {
		[VAL_NULL] = "null", [VAL_BOOL] = "bool", [VAL_NUM] = "number", [VAL_STR] = "string",
		[VAL_LIST] = "list",
	};
	if ((t & ~(expr_type)TYPE_NULL) != 0)
		t &= ~(expr_type)TYPE_NULL;
	buf[0] = '\0';
	for (int k = VAL_NULL; k <= VAL_LIST; k++) {
		if (!(t & (1u << k)))
			continue;
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", len ? " or " : "", names[k]);
	}
	return buf;
}

/* The non-null part of a type set. */
static expr_type expr_nn(expr_type t)
{
	return t & ~(expr_type)TYPE_NULL;
}

/* True when t is known (bound without error), not just null, and has none of the types in want. */
static bool expr_lacks(expr_type t, expr_type want)
{
	return t && expr_nn(t) && !(expr_nn(t) & want);
}

static bool expr_is_null_literal(const struct expr_node *n)
{
	return n->op == EXPR_LIT && n->lit.type == VAL_NULL;
}

/* Report "'<fn>' needs <what>, got <type>" at the argument when t has none of want; true if fine. */
static bool expr_bind_arg(struct expr_binder *b, const struct expr_node *call, const struct expr_node *arg,
			  expr_type want, const char *what)
{
	char tn[64];
	if (!expr_lacks(arg->type, want))
		return true;
	expr_bind_error(b, arg->start, "'%s' needs %s, got %s", call->name, what,
			expr_type_names(arg->type, tn, sizeof tn));
	return false;
}

static expr_type expr_bind_node(struct expr_binder *b, struct expr_node *n);
static void expr_bind_size(struct expr_binder *b, struct expr_node *n);

/* Whether n is a string literal that is not a real date "YYYY-MM-DD". */
static bool expr_is_non_date_literal(const struct expr_node *n)
{
	return n->op == EXPR_LIT && n->lit.type == VAL_STR && !util_date_iso(n->lit.u.s);
}

/*
 * Report a string literal that is no date where a date is wanted, with the right spelling when it is a
 * date written day first: "01-01-2030" is to be written "2030-01-01".
 */
static void expr_bind_not_date(struct expr_binder *b, const struct expr_node *lit)
{
	char iso[DATE_ISO_SIZE];
	if (date_parse(lit->lit.u.s, iso))
		expr_bind_error(b, lit->start, "\"%.40s\" is not a date as expressions write them: write the date "
				"as \"%s\"", lit->lit.u.s, iso);
	else
		expr_bind_error(b, lit->start, "\"%.40s\" is not a date as expressions write them: write dates as "
				"\"YYYY-MM-DD\", such as \"2030-01-31\"", lit->lit.u.s);
}

/*
 * Check a date argument: a string that may be a date (a literal must be a real one; a string known not to
 * be a date, such as a text step's answer, is refused).  True if fine.
 */
static bool expr_bind_date_arg(struct expr_binder *b, const struct expr_node *call, const struct expr_node *arg)
{
	char tn[64];
	if (!expr_bind_arg(b, call, arg, TYPE_STR, "a date"))
		return false;
	if (expr_is_non_date_literal(arg)) {
		expr_bind_not_date(b, arg);
		return false;
	}
	if (expr_nn(arg->type) == TYPE_STR && !arg->date && (arg->op == EXPR_LIT || b->scope->date)) {
		expr_bind_error(b, arg->start, "'%s' needs a date, got %s that is not one", call->name,
				expr_type_names(arg->type, tn, sizeof tn));
		return false;
	}
	return true;
}

/*
 * The type of if(c, a, b) or coalesce(a, b, ...) from its choices (items from first on): of one type,
 * or null; a date when every choice that is not only null is one.  0 after reporting a clash.
 */
static expr_type expr_bind_choices(struct expr_binder *b, struct expr_node *n, size_t first)
{
	char t1[64], t2[64];
	expr_type all = 0, common = TYPE_ANY & ~(expr_type)TYPE_NULL, nulls = TYPE_NULL;
	const struct expr_node *prev = NULL;
	bool date = false, undated = false;
	for (size_t i = first; i < n->n; i++) {
		const struct expr_node *x = n->items[i];
		all |= x->type;
		nulls &= x->type;	/* coalesce is null only when every choice may be */
		if (!expr_nn(x->type))
			continue;
		if (prev && !(expr_nn(x->type) & common)) {
			expr_bind_error(b, x->start, "'%s' needs choices of one type, got %s and %s", n->name,
					expr_type_names(prev->type, t1, sizeof t1), expr_type_names(x->type, t2, sizeof t2));
			return 0;
		}
		common &= expr_nn(x->type);
		prev = x;
		if (x->date)
			date = true;
		else
			undated = true;
	}
	n->date = date && !undated;
	if (n->sym == EXPR_FN_IF)
		return all;
	return (all & ~(expr_type)TYPE_NULL) | nulls;
}

/* Bind a call of a function new in format 1.1 (the count of its arguments is checked already). */
static expr_type expr_bind_call_11(struct expr_binder *b, struct expr_node *n)
{
	char tn[64];
	struct expr_node *x = n->n ? n->items[0] : NULL, *y = n->n > 1 ? n->items[1] : NULL;
	expr_type nulls = 0;
	for (size_t i = 0; i < n->n; i++)
		nulls |= n->items[i]->type & TYPE_NULL;
	switch ((enum expr_func_id)n->sym) {
	case EXPR_FN_IF:
		if (!expr_bind_arg(b, n, x, TYPE_BOOL, "a condition first"))
			return 0;
		return expr_bind_choices(b, n, 1);
	case EXPR_FN_COALESCE:
		return expr_bind_choices(b, n, 0);
	case EXPR_FN_JOIN:
		if (!expr_bind_arg(b, n, x, TYPE_LIST, "a list") || (y && !expr_bind_arg(b, n, y, TYPE_STR, "a string")))
			return 0;
		return TYPE_STR | TYPE_NULL;
	case EXPR_FN_TEXT:
		if (!expr_bind_arg(b, n, x, TYPE_NUM | TYPE_STR, "a number or a date"))
			return 0;
		if (expr_is_non_date_literal(x) ||
		    (expr_nn(x->type) == TYPE_STR && !x->date && b->scope->date)) {
			expr_bind_error(b, x->start, "'text' needs a number or a date, got %s that is not a date",
					expr_type_names(x->type, tn, sizeof tn));
			return 0;
		}
		return TYPE_STR | nulls;
	case EXPR_FN_TODAY:
		n->date = true;
		return TYPE_STR;
	case EXPR_FN_ADD_DAYS:
	case EXPR_FN_ADD_MONTHS:
	case EXPR_FN_ADD_YEARS:
		if (!expr_bind_date_arg(b, n, x) || !expr_bind_arg(b, n, y, TYPE_NUM, "a whole number second"))
			return 0;
		n->date = true;
		return TYPE_STR | TYPE_NULL;
	case EXPR_FN_DAYS_BETWEEN:
		if (!expr_bind_date_arg(b, n, x) || !expr_bind_date_arg(b, n, y))
			return 0;
		return TYPE_NUM | nulls;
	default:
		return 0;
	}
}

/*
 * Bind count(g), any(g, cond), all(g, cond), sum(g, number): g names a repeated group, and the second
 * argument reads the steps of one of its items by their ids.  The type, or 0 after an error.
 */
static expr_type expr_bind_group(struct expr_binder *b, struct expr_node *n, enum expr_func_id fn)
{
	struct expr_node *g = n->items[0], *x = n->n > 1 ? n->items[1] : NULL;
	expr_bind_node(b, g);
	if (!g->type)
		return 0;
	if (g->op != EXPR_NAME || !b->scope->item || b->scope->item(b->scope->ctx, g->sym, NULL, NULL) < 0) {
		expr_bind_error(b, g->start, "'%s' needs a repeated group first (a step of type repeat)", n->name);
		return 0;
	}
	if (fn == EXPR_FN_COUNT)
		return TYPE_NUM;
	int outer = b->group;
	b->group = g->sym;
	expr_type t = expr_bind_node(b, x);
	b->group = outer;
	if (!t)
		return 0;
	if (fn == EXPR_FN_SUM)
		return expr_bind_arg(b, n, x, TYPE_NUM, "a number of each item") ? TYPE_NUM : 0;
	return expr_bind_arg(b, n, x, TYPE_BOOL, "a condition on each item") ? TYPE_BOOL : 0;
}

/* Bind a call of a built-in: the function exists, the argument count fits and the argument types can. */
static expr_type expr_bind_call(struct expr_binder *b, struct expr_node *n)
{
	for (size_t k = EXPR_FN_COUNT; k <= EXPR_FN_SUM; k++)
		if (strcmp(expr_funcs[k].name, n->name) == 0 && n->n >= expr_funcs[k].min_args &&
		    n->n <= expr_funcs[k].max_args) {
			n->sym = (int)k;
			return expr_bind_group(b, n, (enum expr_func_id)k);
		}
	for (size_t i = 0; i < n->n; i++)
		expr_bind_node(b, n->items[i]);
	int fn = -1;
	for (size_t k = 0; k < ARRAY_LEN(expr_funcs); k++)
		if (strcmp(expr_funcs[k].name, n->name) == 0)
			fn = (int)k;
	if (fn < 0) {
		const char *best = NULL;
		size_t best_d = 3;
		for (size_t k = 0; k < ARRAY_LEN(expr_funcs); k++) {
			size_t dist = util_edit_distance(n->name, expr_funcs[k].name, 2);
			if (dist < best_d) {
				best_d = dist;
				best = expr_funcs[k].name;
			}
		}
		if (best)
			expr_bind_error(b, n->loc, "unknown function '%s' (did you mean '%s'?)", n->name, best);
		else
			expr_bind_error(b, n->loc, "unknown function '%s'", n->name);
		return 0;
	}
	const struct expr_func *f = &expr_funcs[fn];
	n->sym = fn;
	if (f->minor > b->scope->minor) {
		expr_bind_error(b, n->loc, "'%s' is new in format 1.%d: write 'trin: 1.%d' at the top of the wizard",
				f->name, f->minor, f->minor);
		return 0;
	}
	size_t got = n->n;
	if (got < f->min_args || got > f->max_args) {
		if (f->max_args == EXPR_ARGS_ANY)
			expr_bind_error(b, n->loc, "'%s' takes at least %zu arguments, got %zu", f->name, f->min_args,
					got);
		else if (f->min_args == f->max_args)
			expr_bind_error(b, n->loc, "'%s' takes %zu argument%s, got %zu", f->name, f->min_args,
					f->min_args == 1 ? "" : "s", got);
		else
			expr_bind_error(b, n->loc, "'%s' takes %zu or %zu arguments, got %zu", f->name,
					f->min_args, f->max_args, got);
		return 0;
	}
	for (size_t i = 0; i < n->n; i++)
		if (!n->items[i]->type)
			return 0;
	if (f->minor >= 1)
		return expr_bind_call_11(b, n);
	struct expr_node *x = n->items[0], *y = n->n > 1 ? n->items[1] : NULL;
	expr_type nulls = x->type & TYPE_NULL;
	switch ((enum expr_func_id)fn) {
	case EXPR_FN_LEN:
		if (!expr_bind_arg(b, n, x, TYPE_STR | TYPE_LIST, "a string or a list"))
			return 0;
		return TYPE_NUM | nulls;
	case EXPR_FN_CONTAINS:
		if (!expr_bind_arg(b, n, x, TYPE_STR | TYPE_LIST, "a list or a string first"))
			return 0;
		if (expr_nn(x->type) == TYPE_STR &&
		    !expr_bind_arg(b, n, y, TYPE_STR, "a string to look for in a string"))
			return 0;
		return TYPE_BOOL;
	case EXPR_FN_MIN:
	case EXPR_FN_MAX:
		if (!expr_bind_arg(b, n, x, TYPE_NUM, "numbers") || !expr_bind_arg(b, n, y, TYPE_NUM, "numbers"))
			return 0;
		return TYPE_NUM | nulls | (y->type & TYPE_NULL);
	case EXPR_FN_ROUND:
		if (!expr_bind_arg(b, n, x, TYPE_NUM, "a number"))
			return 0;
		if (y && !expr_bind_arg(b, n, y, TYPE_NUM, "a number of digits"))
			return 0;
		if (y && y->op == EXPR_LIT && y->lit.type == VAL_NUM &&
		    (y->lit.u.n % EXPR_SCALE != 0 || y->lit.u.n > 4 * EXPR_SCALE)) {
			expr_bind_error(b, y->start, "'round' keeps 0 to 4 digits");
			return 0;
		}
		return TYPE_NUM | TYPE_NULL;
	case EXPR_FN_ANSWERED:
		return TYPE_BOOL;
	case EXPR_FN_LOWER:
	case EXPR_FN_UPPER:
		if (!expr_bind_arg(b, n, x, TYPE_STR, "a string"))
			return 0;
		return TYPE_STR | nulls;
	default:
		return 0;
	}
}

/* A comparison of a date with a string literal that is no date is an error (false), in lists too. */
static bool expr_bind_date_cmp(struct expr_binder *b, const struct expr_node *n)
{
	const struct expr_node *lit = NULL;
	if (n->a->date && expr_is_non_date_literal(n->b) && n->op != EXPR_IN && n->op != EXPR_NOT_IN)
		lit = n->b;
	else if (n->b->date && expr_is_non_date_literal(n->a) && n->op != EXPR_IN && n->op != EXPR_NOT_IN)
		lit = n->a;
	else if (n->a->date && n->b->op == EXPR_LIST)
		for (size_t i = 0; i < n->b->n && !lit; i++)
			if (expr_is_non_date_literal(n->b->items[i]))
				lit = n->b->items[i];
	if (!lit)
		return true;
	expr_bind_not_date(b, lit);
	return false;
}

/* Bind `a op b` for the comparison operators; returns TYPE_BOOL, or 0 after reporting a clash. */
static expr_type expr_bind_cmp(struct expr_binder *b, struct expr_node *n)
{
	expr_type ta = n->a->type, tb = n->b->type, na = expr_nn(ta), nb = expr_nn(tb);
	const expr_type ord = TYPE_NUM | TYPE_STR;
	char t1[64], t2[64];
	if (!ta || !tb)
		return 0;
	if (!expr_bind_date_cmp(b, n))
		return 0;
	switch (n->op) {
	case EXPR_EQ:
	case EXPR_NE:
		if (expr_is_null_literal(n->a) || expr_is_null_literal(n->b) || !na || !nb || (na & nb))
			return TYPE_BOOL;
		expr_bind_error(b, n->loc, "cannot compare %s with %s", expr_type_names(na, t1, sizeof t1),
				expr_type_names(nb, t2, sizeof t2));
		return 0;
	case EXPR_IN:
	case EXPR_NOT_IN:
		if (expr_lacks(tb, TYPE_LIST | TYPE_STR)) {
			expr_bind_error(b, n->loc, "'%s' needs a list or a string on the right, got %s",
					expr_op_names[n->op], expr_type_names(nb, t1, sizeof t1));
			return 0;
		}
		if (nb == TYPE_STR && expr_lacks(ta, TYPE_STR)) {
			expr_bind_error(b, n->loc, "'%s' on a string needs a string on the left, got %s",
					expr_op_names[n->op], expr_type_names(na, t1, sizeof t1));
			return 0;
		}
		if (n->b->op == EXPR_LIST && na) {
			for (size_t i = 0; i < n->b->n; i++) {
				const struct expr_node *item = n->b->items[i];
				if (!item->type || !expr_lacks(item->type, na) || expr_is_null_literal(item))
					continue;
				expr_bind_error(b, item->start, "cannot compare %s with %s",
						expr_type_names(na, t1, sizeof t1),
						expr_type_names(item->type, t2, sizeof t2));
				return 0;
			}
		}
		return TYPE_BOOL;
	default:
		if (!na || !nb || (na & nb & ord))
			return TYPE_BOOL;
		if ((na & ord) && (nb & ord))
			expr_bind_error(b, n->loc, "cannot compare %s with %s", expr_type_names(na, t1, sizeof t1),
					expr_type_names(nb, t2, sizeof t2));
		else
			expr_bind_error(b, n->loc, "'%s' needs two numbers or two strings, not %s and %s",
					expr_op_names[n->op], expr_type_names(na, t1, sizeof t1),
					expr_type_names(nb, t2, sizeof t2));
		return 0;
	}
}

/* Bind arithmetic `a op b`; returns the result's type set, or 0 after reporting a clash. */
static expr_type expr_bind_arith(struct expr_binder *b, struct expr_node *n)
{
	expr_type ta = n->a->type, tb = n->b->type, na = expr_nn(ta), nb = expr_nn(tb);
	char t1[64], t2[64];
	if (!ta || !tb)
		return 0;
	if (!na || !nb)
		return TYPE_NULL;
	if (n->op == EXPR_ADD) {
		expr_type common = na & nb & (TYPE_NUM | TYPE_STR);
		if (!common) {
			expr_bind_error(b, n->loc, "'+' needs two numbers or two strings, not %s and %s",
					expr_type_names(na, t1, sizeof t1), expr_type_names(nb, t2, sizeof t2));
			return 0;
		}
		expr_type t = (ta | tb) & TYPE_NULL;
		if (common & TYPE_NUM)
			t |= TYPE_NUM | TYPE_NULL;
		if (common & TYPE_STR)
			t |= TYPE_STR;
		return t;
	}
	if (!(na & TYPE_NUM) || !(nb & TYPE_NUM)) {
		expr_bind_error(b, n->loc, "'%s' needs two numbers, not %s and %s", expr_op_names[n->op],
				expr_type_names(na, t1, sizeof t1), expr_type_names(nb, t2, sizeof t2));
		return 0;
	}
	return TYPE_NUM | TYPE_NULL;
}

/* Bind a name: a step of the item at hand, or a step or value of the wizard; its type, or 0 after an error. */
static expr_type expr_bind_name(struct expr_binder *b, struct expr_node *n)
{
	expr_type t = 0;
	if (b->group >= 0 && (n->sym = b->scope->item(b->scope->ctx, b->group, n->name, &t)) >= 0) {
		n->op = EXPR_ITEM;	/* a step of the item at hand: not a name of the wizard's */
		return t;
	}
	n->sym = b->scope->lookup(b->scope->ctx, n->name, &t);
	n->date = n->sym >= 0 && b->scope->date && b->scope->date(b->scope->ctx, n->sym);
	const char *owner = n->sym < 0 && b->scope->owner ? b->scope->owner(b->scope->ctx, n->name) : NULL;
	if (owner) {
		expr_bind_error(b, n->loc, "'%s' is a step of the repeated group '%s': read it for each item, "
				"as in any(%s, %s == ...), all(...) or sum(...), or count(%s)", n->name, owner,
				owner, n->name, owner);
		return 0;
	}
	if (n->sym < 0) {
		const char *s = b->scope->suggest ? b->scope->suggest(b->scope->ctx, n->name) : NULL;
		if (s)
			expr_bind_error(b, n->loc, "unknown name '%s' (did you mean '%s'?)", n->name, s);
		else
			expr_bind_error(b, n->loc, "unknown name '%s'", n->name);
		return 0;
	}
	b->names++;
	return t ? t : TYPE_ANY;
}

/* Bind n and its children; sets and returns n->type (0 when n or a child had an error). */
static expr_type expr_bind_node(struct expr_binder *b, struct expr_node *n)
{
	char tn[64];
	expr_type t = 0;
	switch (n->op) {
	case EXPR_LIT:
		t = 1u << n->lit.type;
		n->date = n->lit.type == VAL_STR && util_date_iso(n->lit.u.s);
		break;
	case EXPR_NAME:
		t = expr_bind_name(b, n);
		break;
	case EXPR_ITEM:	/* bound once: an expression is bound once */
		t = n->type;
		break;
	case EXPR_LIST:
		for (size_t i = 0; i < n->n; i++)
			expr_bind_node(b, n->items[i]);
		t = TYPE_LIST;
		break;
	case EXPR_CALL:
		t = expr_bind_call(b, n);
		break;
	case EXPR_NEG:
		if (!expr_bind_node(b, n->a))
			break;
		if (expr_lacks(n->a->type, TYPE_NUM)) {
			expr_bind_error(b, n->loc, "'-' needs a number, got %s",
					expr_type_names(n->a->type, tn, sizeof tn));
			break;
		}
		t = TYPE_NUM | TYPE_NULL;
		break;
	case EXPR_NOT:
		if (!expr_bind_node(b, n->a))
			break;
		if (expr_lacks(n->a->type, TYPE_BOOL)) {
			expr_bind_error(b, n->a->start, "'not' needs a boolean, got %s",
					expr_type_names(n->a->type, tn, sizeof tn));
			break;
		}
		t = TYPE_BOOL;
		break;
	case EXPR_AND:
	case EXPR_OR:
		expr_bind_node(b, n->a);
		expr_bind_node(b, n->b);
		t = TYPE_BOOL;
		for (int k = 0; k < 2; k++) {
			const struct expr_node *x = k ? n->b : n->a;
			if (!x->type) {
				t = 0;
			} else if (expr_lacks(x->type, TYPE_BOOL)) {
				expr_bind_error(b, x->start, "'%s' needs booleans, got %s", expr_op_names[n->op],
						expr_type_names(x->type, tn, sizeof tn));
				t = 0;
			}
		}
		break;
	case EXPR_EQ:
	case EXPR_NE:
	case EXPR_LT:
	case EXPR_LE:
	case EXPR_GT:
	case EXPR_GE:
	case EXPR_IN:
	case EXPR_NOT_IN:
		expr_bind_node(b, n->a);
		expr_bind_node(b, n->b);
		t = expr_bind_cmp(b, n);
		break;
	case EXPR_ADD:
	case EXPR_SUB:
	case EXPR_MUL:
	case EXPR_DIV:
		expr_bind_node(b, n->a);
		expr_bind_node(b, n->b);
		t = expr_bind_arith(b, n);
		break;
	}
	n->type = t;
	expr_bind_size(b, n);
	return n->type;
}

/* a + b, stopping far above any bound so that it cannot overflow. */
static uint64_t expr_size_add(uint64_t a, uint64_t b)
{
	return a > UINT32_MAX || b > UINT32_MAX ? (uint64_t)UINT32_MAX * 2 : a + b;
}

/* The longest a number or date is when text() writes it, and the longest gap join() puts between items. */
#define EXPR_TEXT_SIZE 64
#define EXPR_JOIN_GAP 16

/* The most a call's value can hold; *made when it makes a new string. */
static struct expr_size expr_call_size(const struct expr_node *n, bool *made)
{
	struct expr_size s = { 0, 0 };
	if (!n->type)
		return s;
	switch (n->sym) {
	case EXPR_FN_LOWER:
	case EXPR_FN_UPPER:
		return n->items[0]->size;
	case EXPR_FN_IF:
	case EXPR_FN_COALESCE:
		for (size_t i = n->sym == EXPR_FN_IF; i < n->n; i++) {
			if (n->items[i]->size.text > s.text)
				s.text = n->items[i]->size.text;
			if (n->items[i]->size.items > s.items)
				s.items = n->items[i]->size.items;
		}
		return s;
	case EXPR_FN_TEXT:
	case EXPR_FN_TODAY:
	case EXPR_FN_ADD_DAYS:
	case EXPR_FN_ADD_MONTHS:
	case EXPR_FN_ADD_YEARS:
		s.text = EXPR_TEXT_SIZE;
		return s;
	case EXPR_FN_JOIN: {
		/* each item a string, or a number as text() writes it, and a gap after it */
		uint64_t gap = n->n > 1 ? n->items[1]->size.text : EXPR_JOIN_GAP;
		uint64_t per = expr_size_add(gap, EXPR_TEXT_SIZE), items = n->items[0]->size.items;
		s.text = items > EXPR_MAX_ITEMS ? (uint64_t)UINT32_MAX * 2 : expr_size_add(n->items[0]->size.text,
											     items * per);
		*made = true;
		return s;
	}
	default:
		return s;
	}
}

/*
 * The most n's value can hold, from its children's; a text or list that may grow past EXPR_MAX_TEXT or
 * EXPR_MAX_ITEMS is an error where it is made (at the innermost such node only).
 */
static void expr_bind_size(struct expr_binder *b, struct expr_node *n)
{
	struct expr_size s = { 0, 0 };
	bool made = false;	/* n makes a new string or list (a name or literal only passes one on) */
	for (size_t i = 0; i < n->n; i++)
		n->oversize |= n->items[i]->oversize;
	n->oversize |= (n->a && n->a->oversize) || (n->b && n->b->oversize);
	switch (n->op) {
	case EXPR_LIT:
		if (n->lit.type == VAL_STR)
			s.text = strlen(n->lit.u.s);
		break;
	case EXPR_NAME:
		if (n->sym >= 0 && b->scope->size)
			s = b->scope->size(b->scope->ctx, n->sym);
		break;
	case EXPR_LIST:
		s.items = n->n;
		for (size_t i = 0; i < n->n; i++) {
			s.text = expr_size_add(s.text, n->items[i]->size.text);
			s.items = expr_size_add(s.items, n->items[i]->size.items);
		}
		made = true;
		break;
	case EXPR_CALL:
		s = expr_call_size(n, &made);
		break;
	case EXPR_ADD:
		if (n->type & TYPE_STR) {
			s.text = expr_size_add(n->a->size.text, n->b->size.text);
			made = true;
		}
		break;
	default:
		break;
	}
	n->size = s;
	if (!made || n->oversize || !n->type)
		return;
	if (n->op == EXPR_ADD && s.text > EXPR_MAX_TEXT)
		expr_bind_error(b, n->loc, "'+' may make a text of up to %llu bytes; the limit is %d",
				(unsigned long long)s.text, EXPR_MAX_TEXT);
	else if (n->op == EXPR_CALL && s.text > EXPR_MAX_TEXT)
		expr_bind_error(b, n->loc, "'%s' may make a text of up to %llu bytes; the limit is %d", n->name,
				(unsigned long long)s.text, EXPR_MAX_TEXT);
	else if (s.items > EXPR_MAX_ITEMS)
		expr_bind_error(b, n->loc, "this list may hold up to %llu items, nested lists counted in full; the "
				"limit is %d", (unsigned long long)s.items, EXPR_MAX_ITEMS);
	else if (s.text > EXPR_MAX_TEXT)
		expr_bind_error(b, n->loc, "this list may hold up to %llu bytes of text; the limit is %d",
				(unsigned long long)s.text, EXPR_MAX_TEXT);
	else
		return;
	n->oversize = true;
	n->type = 0;
}

/* Append the symbol of every name under n to syms. */
static void expr_collect(const struct expr_node *n, int *syms, size_t *count)
{
	if (n->op == EXPR_NAME)
		syms[(*count)++] = n->sym;
	if (n->a)
		expr_collect(n->a, syms, count);
	if (n->b)
		expr_collect(n->b, syms, count);
	for (size_t i = 0; i < n->n; i++)
		expr_collect(n->items[i], syms, count);
}

static int expr_sym_cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* Resolve every name through scope and check types; returns the static type set, or 0 on error. */
expr_type expr_bind(struct expr *e, const struct expr_scope *scope, struct diags *d)
{
	assert(e && scope && scope->lookup);
	struct expr_binder b = { .scope = scope, .diags = d, .group = scope->in_group - 1 };
	expr_type t = expr_bind_node(&b, e->root);
	e->syms = NULL;
	e->nsyms = 0;
	e->bound = !b.failed;
	if (b.failed)
		return 0;
	assert(t != 0);
	if (b.names) {
		int *syms = arena_alloc(e->arena, b.names * sizeof *syms);
		size_t count = 0, k = 0;
		expr_collect(e->root, syms, &count);
		assert(count == b.names);
		qsort(syms, count, sizeof *syms, expr_sym_cmp);
		for (size_t i = 0; i < count; i++)
			if (k == 0 || syms[k - 1] != syms[i])
				syms[k++] = syms[i];
		e->syms = syms;
		e->nsyms = k;
	}
	return t;
}

/* Whether the bound expression's value, when a string, is a date. */
bool expr_is_date(const struct expr *e)
{
	return e->bound && e->root->date;
}

/* The most the bound expression's value can hold. */
struct expr_size expr_max_size(const struct expr *e)
{
	return e->bound ? e->root->size : (struct expr_size){ 0, 0 };
}

/* Leave e as after an error in binding, but for the names it reads. */
void expr_unbind(struct expr *e)
{
	e->bound = false;
}

/* Call fn once for each distinct symbol the bound expression reads, in increasing order. */
void expr_symbols(const struct expr *e, void (*fn)(void *ctx, int sym), void *ctx)
{
	for (size_t i = 0; i < e->nsyms; i++)
		fn(ctx, e->syms[i]);
}

/* How deep the expression's tree nests. */
int expr_depth(const struct expr *e)
{
	return e->root->depth;
}

/* The expression's source text, as it was given to expr_parse. */
const char *expr_text(const struct expr *e)
{
	return e->text;
}

struct loc expr_loc(const struct expr *e)
{
	return e->root->start;
}

/* Whether n is a literal string. */
static bool expr_is_str_literal(const struct expr_node *n)
{
	return n->op == EXPR_LIT && n->lit.type == VAL_STR;
}

struct expr_walker {
	void (*name)(void *ctx, int sym, enum expr_use use, struct loc at);
	void (*cmp)(void *ctx, int sym, const char *lit, struct loc at);
	void *ctx;
};

/* Report every name under n as read in the way `use` says, unless a closer context says otherwise. */
static void expr_walk_node(const struct expr_walker *wk, const struct expr_node *n, enum expr_use use)
{
	const struct expr_node *name = NULL, *other = NULL;
	switch (n->op) {
	case EXPR_LIT:
		return;
	case EXPR_NAME:
		if (wk->name)
			wk->name(wk->ctx, n->sym, use, n->loc);
		return;
	case EXPR_AND:
	case EXPR_OR:
		expr_walk_node(wk, n->a, use == EXPR_USE_GUARD ? use : EXPR_USE_TEST);
		expr_walk_node(wk, n->b, use == EXPR_USE_GUARD ? use : EXPR_USE_TEST);
		return;
	case EXPR_EQ:
	case EXPR_NE:
		if (n->a->op == EXPR_NAME)
			name = n->a, other = n->b;
		else if (n->b->op == EXPR_NAME)
			name = n->b, other = n->a;
		if (name && expr_is_str_literal(other) && wk->cmp)
			wk->cmp(wk->ctx, name->sym, other->lit.u.s, other->loc);
		if (use != EXPR_USE_GUARD && name && other->op == EXPR_LIT) {
			enum expr_use u = other->lit.type == VAL_NULL ? EXPR_USE_GUARD
					  : n->op == EXPR_EQ ? EXPR_USE_TEST : EXPR_USE_VALUE;
			expr_walk_node(wk, name, u);
			expr_walk_node(wk, other, u);
			return;
		}
		break;
	case EXPR_IN:
	case EXPR_NOT_IN:
		if (n->a->op == EXPR_NAME && n->b->op == EXPR_LIST) {
			for (size_t i = 0; i < n->b->n; i++)
				if (expr_is_str_literal(n->b->items[i]) && wk->cmp)
					wk->cmp(wk->ctx, n->a->sym, n->b->items[i]->lit.u.s, n->b->items[i]->loc);
			if (use != EXPR_USE_GUARD && n->op == EXPR_IN) {
				expr_walk_node(wk, n->a, EXPR_USE_TEST);
				expr_walk_node(wk, n->b, use);
				return;
			}
		}
		if (n->b->op == EXPR_NAME && expr_is_str_literal(n->a)) {
			if (wk->cmp)
				wk->cmp(wk->ctx, n->b->sym, n->a->lit.u.s, n->a->loc);
			if (use != EXPR_USE_GUARD && n->op == EXPR_IN) {
				expr_walk_node(wk, n->b, EXPR_USE_TEST);
				return;
			}
		}
		break;
	case EXPR_CALL:
		if (strcmp(n->name, "answered") == 0) {
			for (size_t i = 0; i < n->n; i++)
				expr_walk_node(wk, n->items[i], EXPR_USE_GUARD);
			return;
		}
		if (strcmp(n->name, "contains") == 0 && n->n == 2 && n->items[0]->op == EXPR_NAME &&
		    expr_is_str_literal(n->items[1])) {
			if (wk->cmp)
				wk->cmp(wk->ctx, n->items[0]->sym, n->items[1]->lit.u.s, n->items[1]->loc);
			expr_walk_node(wk, n->items[0], use == EXPR_USE_GUARD ? use : EXPR_USE_TEST);
			return;
		}
		if (n->sym == EXPR_FN_IF || n->sym == EXPR_FN_COALESCE) {	/* a condition, or a fallback */
			for (size_t i = 0; i < n->n; i++)
				expr_walk_node(wk, n->items[i], n->sym == EXPR_FN_IF ? (i || use == EXPR_USE_GUARD ? use : EXPR_USE_TEST)
							      : i + 1 < n->n ? EXPR_USE_GUARD : use);
			return;
		}
		break;
	default:
		break;
	}
	enum expr_use inner = use == EXPR_USE_GUARD ? use : EXPR_USE_VALUE;
	if (n->a)
		expr_walk_node(wk, n->a, inner);
	if (n->b)
		expr_walk_node(wk, n->b, inner);
	for (size_t i = 0; i < n->n; i++)
		expr_walk_node(wk, n->items[i], inner);
}

/* Call fn for every name the bound expression reads, with how it is read and where. */
void expr_walk_names(const struct expr *e, void (*fn)(void *ctx, int sym, enum expr_use use, struct loc at),
		     void *ctx)
{
	struct expr_walker wk = { .name = fn, .ctx = ctx };
	if (e->bound)
		expr_walk_node(&wk, e->root, EXPR_USE_TEST);
}

static void expr_items_node(const struct expr_node *n, void (*fn)(void *ctx, int place, struct loc at), void *ctx)
{
	if (n->op == EXPR_ITEM) {
		fn(ctx, n->sym, n->loc);
		return;
	}
	bool group = n->op == EXPR_CALL && n->sym >= EXPR_FN_COUNT && n->sym <= EXPR_FN_SUM;
	if (n->a)
		expr_items_node(n->a, fn, ctx);
	if (n->b)
		expr_items_node(n->b, fn, ctx);
	for (size_t i = 0; i < (group ? 1 : n->n); i++)	/* a group function's second reads each item */
		expr_items_node(n->items[i], fn, ctx);
}

void expr_items(const struct expr *e, void (*fn)(void *ctx, int place, struct loc at), void *ctx)
{
	if (e->bound)
		expr_items_node(e->root, fn, ctx);
}

/* Call fn for every comparison of a name with a string literal in the bound expression. */
void expr_walk_comparisons(const struct expr *e, void (*fn)(void *ctx, int sym, const char *lit, struct loc at),
			   void *ctx)
{
	struct expr_walker wk = { .cmp = fn, .ctx = ctx };
	if (e->bound)
		expr_walk_node(&wk, e->root, EXPR_USE_TEST);
}

struct expr_needs {
	struct expr_need *v;
	size_t n, cap;
};

static void expr_need_add(struct expr_needs *set, int sym, bool truth)
{
	util_grow((void **)&set->v, &set->cap, set->n + 1, sizeof *set->v);
	set->v[set->n++] = (struct expr_need){ sym, truth, false };
}

static void expr_untruth_needs(const struct expr_node *n, struct expr_needs *set);

/* Add to set what both a and b hold (the needs of an 'or' that is true, of an 'and' that is not); frees both. */
static void expr_needs_meet(struct expr_needs *a, struct expr_needs *b, struct expr_needs *set)
{
	for (size_t i = 0; i < a->n; i++)
		for (size_t k = 0; k < b->n; k++)
			if (a->v[i].sym == b->v[k].sym && a->v[i].truth == b->v[k].truth &&
			    a->v[i].untrue == b->v[k].untrue) {
				util_grow((void **)&set->v, &set->cap, set->n + 1, sizeof *set->v);
				set->v[set->n++] = a->v[i];
				break;
			}
	free(a->v);
	free(b->v);
}

/* The names under n that make n null when they are: through arithmetic and the null-keeping built-ins. */
static void expr_strict(const struct expr_node *n, struct expr_needs *set)
{
	switch (n->op) {
	case EXPR_NAME:
		expr_need_add(set, n->sym, false);
		return;
	case EXPR_NEG:
	case EXPR_ADD:
	case EXPR_SUB:
	case EXPR_MUL:
	case EXPR_DIV:
		expr_strict(n->a, set);
		if (n->b)
			expr_strict(n->b, set);
		return;
	case EXPR_CALL:	/* if() and coalesce() may have a value whichever of their own is null */
		if (strcmp(n->name, "answered") != 0 && strcmp(n->name, "contains") != 0 && n->sym != EXPR_FN_IF &&
		    n->sym != EXPR_FN_COALESCE)
			for (size_t i = 0; i < n->n; i++)
				expr_strict(n->items[i], set);
		return;
	default:
		return;
	}
}

static bool expr_has_null_item(const struct expr_node *list)
{
	for (size_t i = 0; i < list->n; i++)
		if (expr_is_null_literal(list->items[i]))
			return true;
	return false;
}

/* What must have an answer for n to be true. */
static void expr_truth_needs(const struct expr_node *n, struct expr_needs *set)
{
	const struct expr_node *lit = NULL, *other = NULL;
	switch (n->op) {
	case EXPR_NAME:
		expr_need_add(set, n->sym, true);
		return;
	case EXPR_AND:
		expr_truth_needs(n->a, set);
		expr_truth_needs(n->b, set);
		return;
	case EXPR_OR: {
		struct expr_needs a = { 0 }, b = { 0 };
		expr_truth_needs(n->a, &a);
		expr_truth_needs(n->b, &b);
		expr_needs_meet(&a, &b, set);
		return;
	}
	case EXPR_NOT:	/* 'not' reads null as false: not a is true exactly when a is not true */
		expr_untruth_needs(n->a, set);
		return;
	case EXPR_EQ:
	case EXPR_NE:
		if (n->a->op == EXPR_LIT)
			lit = n->a, other = n->b;
		else if (n->b->op == EXPR_LIT)
			lit = n->b, other = n->a;
		if (lit && (lit->lit.type == VAL_NULL) == (n->op == EXPR_NE))
			expr_strict(other, set);
		return;
	case EXPR_LT:
	case EXPR_LE:
	case EXPR_GT:
	case EXPR_GE:
		expr_strict(n->a, set);
		expr_strict(n->b, set);
		return;
	case EXPR_IN:
		expr_strict(n->b, set);
		if (n->b->op == EXPR_LIST && !expr_has_null_item(n->b))
			expr_strict(n->a, set);
		return;
	case EXPR_CALL:
		if (strcmp(n->name, "answered") == 0 || strcmp(n->name, "contains") == 0)
			expr_strict(n->items[0], set);
		return;
	default:
		return;
	}
}

/* What must have an answer for n not to be true (false, or null read as false). */
static void expr_untruth_needs(const struct expr_node *n, struct expr_needs *set)
{
	const struct expr_node *lit = NULL, *other = NULL;
	switch (n->op) {
	case EXPR_NAME:
		util_grow((void **)&set->v, &set->cap, set->n + 1, sizeof *set->v);
		set->v[set->n++] = (struct expr_need){ n->sym, false, true };
		return;
	case EXPR_NOT:
		expr_truth_needs(n->a, set);
		return;
	case EXPR_OR:
		expr_untruth_needs(n->a, set);
		expr_untruth_needs(n->b, set);
		return;
	case EXPR_AND: {
		struct expr_needs a = { 0 }, b = { 0 };
		expr_untruth_needs(n->a, &a);
		expr_untruth_needs(n->b, &b);
		expr_needs_meet(&a, &b, set);
		return;
	}
	case EXPR_EQ:
	case EXPR_NE:	/* x == null not true: x is not null (x != null not true says nothing) */
		if (n->a->op == EXPR_LIT)
			lit = n->a, other = n->b;
		else if (n->b->op == EXPR_LIT)
			lit = n->b, other = n->a;
		if (lit && lit->lit.type == VAL_NULL && n->op == EXPR_EQ)
			expr_strict(other, set);
		return;
	default:
		return;
	}
}

/* What must have an answer for the bound expression not to be true; free *out. */
size_t expr_untruth_required(const struct expr *e, struct expr_need **out)
{
	struct expr_needs set = { 0 };
	if (e->bound)
		expr_untruth_needs(e->root, &set);
	*out = set.v;
	return set.n;
}

/* What must have an answer for the bound expression to be true, by the rules of null; free *out. */
size_t expr_truth_required(const struct expr *e, struct expr_need **out)
{
	struct expr_needs set = { 0 };
	if (e->bound)
		expr_truth_needs(e->root, &set);
	*out = set.v;
	return set.n;
}

/* What must have an answer for the bound expression not to be null; free *out. */
size_t expr_value_required(const struct expr *e, struct expr_need **out)
{
	struct expr_needs set = { 0 };
	if (e->bound)
		expr_strict(e->root, &set);
	*out = set.v;
	return set.n;
}

/* ---- Evaluator ---- */

struct expr_evaluator {
	const struct expr_env *env;
	struct arena *scratch;
	const char *err;
	size_t *work;			/* units of work left */
	const struct value *item;	/* in any, all, sum: the item at hand, a list of its steps' answers */
};

const char expr_too_long[] = "a text would grow past " LIMIT_STRING(LIMIT_EXPR_TEXT) " bytes";
const char expr_too_many[] = "a list would grow past " LIMIT_STRING(LIMIT_EXPR_ITEMS) " items";
const char expr_too_much[] = "working it out takes too much time and memory";

static bool expr_eval_node(struct expr_evaluator *ev, const struct expr_node *n, struct value *out);

/* Fail with a static message. */
static bool expr_fail(struct expr_evaluator *ev, const char *msg)
{
	ev->err = msg;
	return false;
}

/* Take units of work from the budget; false (failing) when it has run out. */
static bool expr_work(struct expr_evaluator *ev, size_t units)
{
	if (*ev->work < units) {
		*ev->work = 0;
		return expr_fail(ev, expr_too_much);
	}
	*ev->work -= units;
	return true;
}

/* Count what v holds into *size, as for EXPR_MAX_TEXT and EXPR_MAX_ITEMS; false once past either. */
static bool expr_measure(struct expr_evaluator *ev, struct value v, struct expr_size *size)
{
	if (v.type == VAL_STR) {
		size_t len = strlen(v.u.s);
		size->text += len;
		if (!expr_work(ev, len))
			return false;
	} else if (v.type == VAL_LIST) {
		size->items += v.u.list.n;
		if (size->items > EXPR_MAX_ITEMS)
			return expr_fail(ev, expr_too_many);
		if (!expr_work(ev, v.u.list.n))
			return false;
		for (size_t i = 0; i < v.u.list.n; i++)
			if (!expr_measure(ev, v.u.list.items[i], size))
				return false;
	}
	return size->text <= EXPR_MAX_TEXT || expr_fail(ev, expr_too_long);
}

/* value_equal, paid for: one unit for each item and each byte compared. */
static bool expr_equal(struct expr_evaluator *ev, struct value a, struct value b, bool *out)
{
	*out = false;
	if (a.type != b.type)
		return true;
	if (a.type == VAL_STR && !expr_work(ev, strlen(a.u.s)))
		return false;
	if (a.type != VAL_LIST) {
		*out = value_equal(a, b);
		return true;
	}
	if (a.u.list.n != b.u.list.n)
		return true;
	if (!expr_work(ev, a.u.list.n))
		return false;
	for (size_t i = 0; i < a.u.list.n; i++)
		if (!expr_equal(ev, a.u.list.items[i], b.u.list.items[i], out) || !*out)
			return !ev->err;
	*out = true;
	return true;
}

/* Read an operand of and/or/not as a condition: null is false; anything else but a bool is a clash. */
static bool expr_eval_cond(struct expr_evaluator *ev, const struct expr_node *n, bool *out)
{
	struct value v;
	if (!expr_eval_node(ev, n, &v))
		return false;
	if (v.type != VAL_BOOL && v.type != VAL_NULL)
		return expr_fail(ev, "'and', 'or' and 'not' need booleans");
	*out = value_truthy(v);
	return true;
}

/* Arithmetic on two numbers; null on overflow or division by zero. */
static struct value expr_arith(enum expr_op op, int64_t x, int64_t y)
{
	int64_t r;
	switch (op) {
	case EXPR_ADD:
		return __builtin_add_overflow(x, y, &r) || r == INT64_MIN ? expr_null() : expr_num(r);
	case EXPR_SUB:
		return __builtin_sub_overflow(x, y, &r) || r == INT64_MIN ? expr_null() : expr_num(r);
	case EXPR_MUL:
		return expr_muldiv(x, y, EXPR_SCALE, &r) ? expr_num(r) : expr_null();
	case EXPR_DIV:
		return expr_muldiv(x, EXPR_SCALE, y, &r) ? expr_num(r) : expr_null();
	default:
		return expr_null();
	}
}

/* Does string h contain s? */
static bool expr_str_contains(const char *h, const char *s)
{
	return strstr(h, s) != NULL;
}

/* Is v an element of the list l? */
static bool expr_list_contains(struct expr_evaluator *ev, struct value l, struct value v, bool *out)
{
	*out = false;	/* an empty list holds nothing */
	for (size_t i = 0; i < l.u.list.n; i++)
		if (!expr_equal(ev, l.u.list.items[i], v, out) || *out)
			return !ev->err;
	return true;
}

/* Membership of needle in haystack for 'in' and contains(); null haystack gives false. */
static bool expr_member(struct expr_evaluator *ev, struct value hay, struct value needle, bool *out)
{
	switch (hay.type) {
	case VAL_NULL:
		*out = false;
		return true;
	case VAL_LIST:
		return expr_list_contains(ev, hay, needle, out);
	case VAL_STR:
		if (needle.type == VAL_NULL) {
			*out = false;
			return true;
		}
		if (needle.type != VAL_STR)
			return expr_fail(ev, "looking in a string needs a string to look for");
		if (!expr_work(ev, strlen(hay.u.s) + strlen(needle.u.s)))
			return false;
		*out = expr_str_contains(hay.u.s, needle.u.s);
		return true;
	default:
		return expr_fail(ev, "can only look in a list or a string");
	}
}

/* A copy of s in scratch with ASCII letters mapped to upper or lower case. */
static const char *expr_str_case(struct arena *a, const char *s, bool upper)
{
	char *r = arena_strdup(a, s);
	for (char *c = r; *c; c++) {
		if (upper && *c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
		else if (!upper && *c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	}
	return r;
}

/* if(), coalesce() and today(): each argument worked out only when it is needed. */
static bool expr_eval_lazy(struct expr_evaluator *ev, const struct expr_node *n, struct value *out)
{
	struct value v;
	*out = expr_null();
	switch (n->sym) {
	case EXPR_FN_IF:
		if (!expr_eval_node(ev, n->items[0], &v))
			return false;
		if (v.type != VAL_BOOL && v.type != VAL_NULL)
			return expr_fail(ev, "'if' needs a condition first");
		return expr_eval_node(ev, n->items[value_truthy(v) ? 1 : 2], out);
	case EXPR_FN_COALESCE:
		for (size_t i = 0; i < n->n && out->type == VAL_NULL; i++)
			if (!expr_eval_node(ev, n->items[i], out))
				return false;
		return true;
	case EXPR_FN_TODAY:
		if (ev->env->today && util_date_iso(ev->env->today))
			*out = expr_str(arena_strdup(ev->scratch, ev->env->today));
		return true;
	default:
		return expr_fail(ev, "unknown function");
	}
}

/* The language text() and join() write in: the environment's, else Danish. */
static const struct i18n_lang *expr_lang(const struct expr_evaluator *ev)
{
	return ev->env->lang ? ev->env->lang : i18n_lang("da");
}

/* A number as the language writes it ("12.345,5"), in scratch. */
static const char *expr_num_text(struct expr_evaluator *ev, int64_t n)
{
	char plain[32], buf[EXPR_TEXT_SIZE];
	value_num_format(n, plain, sizeof plain);
	return arena_strdup(ev->scratch, i18n_number(&expr_lang(ev)->style, plain, buf, sizeof buf));
}

/* join(list [, sep]): strings as they are, numbers as text() writes them, nulls left out; null if none is left. */
static bool expr_eval_join(struct expr_evaluator *ev, struct value list, const char *sep, struct value *out)
{
	const char *conj = expr_lang(ev)->conj, *comma = expr_lang(ev)->comma;
	size_t n = 0, len = 0, k = 0;
	const char **parts = arena_alloc(ev->scratch, (list.u.list.n ? list.u.list.n : 1) * sizeof *parts);
	if (!expr_work(ev, list.u.list.n))
		return false;
	for (size_t i = 0; i < list.u.list.n; i++) {
		struct value v = list.u.list.items[i];
		if (v.type == VAL_STR)
			parts[n++] = v.u.s;
		else if (v.type == VAL_NUM)
			parts[n++] = expr_num_text(ev, v.u.n);
		else if (v.type != VAL_NULL)
			return expr_fail(ev, "'join' needs a list of strings or numbers");
	}
	if (n == 0)
		return true;	/* nothing to show: null, so that coalesce(join(x), "none") can say so */
	for (size_t i = 0; i < n; i++) {
		const char *gap = sep ? sep : i + 2 == n ? arena_printf(ev->scratch, " %s ", conj ? conj : "og") : comma ? comma : ", ";
		parts[i] = i + 1 < n ? arena_printf(ev->scratch, "%s%s", parts[i], gap) : parts[i];
		len += strlen(parts[i]);
		if (len > EXPR_MAX_TEXT)
			return expr_fail(ev, expr_too_long);
	}
	if (!expr_work(ev, len))
		return false;
	char *r = arena_alloc(ev->scratch, len + 1);
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(parts[i]);
		memcpy(r + k, parts[i], l);
		k += l;
	}
	r[k] = '\0';
	*out = expr_str(r);
	return true;
}

/* A whole number of days, months or years from a number; false when it has decimals. */
static bool expr_whole(int64_t n, int64_t *out)
{
	if (n % EXPR_SCALE != 0)
		return false;
	*out = n / EXPR_SCALE;
	return true;
}

/* The functions of format 1.1 whose arguments are all worked out first; null in, null out. */
static bool expr_eval_call_11(struct expr_evaluator *ev, const struct expr_node *n, struct value x,
			      struct value y, struct value *out)
{
	char iso[DATE_ISO_SIZE], buf[EXPR_TEXT_SIZE];
	int64_t k;
	*out = expr_null();
	if (x.type == VAL_NULL || (n->n > 1 && y.type == VAL_NULL))
		return true;
	switch (n->sym) {
	case EXPR_FN_JOIN:
		if (x.type != VAL_LIST || (n->n > 1 && y.type != VAL_STR))
			return expr_fail(ev, "'join' needs a list and a string");
		return expr_eval_join(ev, x, n->n > 1 ? y.u.s : NULL, out);
	case EXPR_FN_TEXT:
		if (x.type == VAL_NUM)
			*out = expr_str(expr_num_text(ev, x.u.n));
		else if (x.type == VAL_STR && util_date_iso(x.u.s))
			*out = expr_str(arena_strdup(ev->scratch, i18n_date(&expr_lang(ev)->style, x.u.s, buf, sizeof buf)));
		else if (x.type == VAL_STR)
			*out = x;
		else
			return expr_fail(ev, "'text' needs a number or a date");
		return true;
	case EXPR_FN_ADD_DAYS:
	case EXPR_FN_ADD_MONTHS:
	case EXPR_FN_ADD_YEARS:
		if (x.type != VAL_STR || y.type != VAL_NUM)
			return expr_fail(ev, "a date function needs a date and a number");
		if (!expr_whole(y.u.n, &k) || k < -10000000 || k > 10000000)
			return true;	/* no date is so far away */
		if (n->sym == EXPR_FN_ADD_DAYS ? date_add_days(x.u.s, k, iso)
		    : date_add_months(x.u.s, n->sym == EXPR_FN_ADD_YEARS ? k * 12 : k, iso))
			*out = expr_str(arena_strdup(ev->scratch, iso));
		return true;
	case EXPR_FN_DAYS_BETWEEN:
		if (x.type != VAL_STR || y.type != VAL_STR)
			return expr_fail(ev, "'days_between' needs two dates");
		if (date_days_between(x.u.s, y.u.s, &k))
			*out = expr_num(k * EXPR_SCALE);
		return true;
	default:
		return expr_fail(ev, "unknown function");
	}
}

/* count, any, all and sum over the items of a repeated group (a list of items, each a list). */
static bool expr_eval_group(struct expr_evaluator *ev, const struct expr_node *n, struct value *out)
{
	struct value g;
	if (!expr_eval_node(ev, n->items[0], &g))
		return false;
	size_t count = g.type == VAL_LIST ? g.u.list.n : 0;
	bool all = true, any = false, overflow = false;
	int64_t sum = 0;
	for (size_t i = 0; i < count && n->sym != EXPR_FN_COUNT; i++) {
		const struct value *outer = ev->item;
		struct value x;
		ev->item = &g.u.list.items[i];
		bool ok = expr_eval_node(ev, n->items[1], &x);
		ev->item = outer;
		if (!ok)
			return false;
		any |= value_truthy(x);
		all &= value_truthy(x);
		if (x.type == VAL_NUM)
			overflow |= __builtin_add_overflow(sum, x.u.n, &sum) || sum == INT64_MIN;
	}
	switch (n->sym) {
	case EXPR_FN_COUNT:
		*out = expr_num((int64_t)count * EXPR_SCALE);
		break;
	case EXPR_FN_SUM:	/* beyond the range of numbers: null, as arithmetic gives */
		*out = overflow ? expr_null() : expr_num(sum);
		break;
	default:
		*out = expr_bool(n->sym == EXPR_FN_ANY ? any : all);
	}
	return true;
}

/* Evaluate a call of a built-in. */
static bool expr_eval_call(struct expr_evaluator *ev, const struct expr_node *n, struct value *out)
{
	if (n->sym >= EXPR_FN_COUNT && n->sym <= EXPR_FN_SUM)
		return expr_eval_group(ev, n, out);
	struct value arg[2] = { expr_null(), expr_null() };
	if (n->sym == EXPR_FN_IF || n->sym == EXPR_FN_COALESCE || n->sym == EXPR_FN_TODAY)
		return expr_eval_lazy(ev, n, out);
	assert(n->n >= 1 && n->n <= 2);
	for (size_t i = 0; i < n->n; i++)
		if (!expr_eval_node(ev, n->items[i], &arg[i]))
			return false;
	struct value x = arg[0], y = arg[1];
	*out = expr_null();
	switch ((enum expr_func_id)n->sym) {
	case EXPR_FN_LEN:
		if (x.type == VAL_LIST) {
			*out = expr_num((int64_t)x.u.list.n * EXPR_SCALE);
		} else if (x.type == VAL_STR) {
			int64_t chars = 0;
			if (!expr_work(ev, strlen(x.u.s)))
				return false;
			for (const char *c = x.u.s; *c; c++)
				chars += ((unsigned char)*c & 0xC0) != 0x80;
			*out = expr_num(chars * EXPR_SCALE);
		} else if (x.type != VAL_NULL) {
			return expr_fail(ev, "'len' needs a string or a list");
		}
		return true;
	case EXPR_FN_CONTAINS: {
		bool found;
		if (!expr_member(ev, x, y, &found))
			return false;
		*out = expr_bool(found);
		return true;
	}
	case EXPR_FN_MIN:
	case EXPR_FN_MAX:
		if (x.type == VAL_NULL || y.type == VAL_NULL)
			return true;
		if (x.type != VAL_NUM || y.type != VAL_NUM)
			return expr_fail(ev, "'min' and 'max' need numbers");
		if (n->sym == EXPR_FN_MIN)
			*out = x.u.n < y.u.n ? x : y;
		else
			*out = x.u.n > y.u.n ? x : y;
		return true;
	case EXPR_FN_ROUND: {
		int64_t digits = 0;
		if (x.type == VAL_NULL || (n->n == 2 && y.type == VAL_NULL))
			return true;
		if (x.type != VAL_NUM || (n->n == 2 && y.type != VAL_NUM))
			return expr_fail(ev, "'round' needs numbers");
		if (n->n == 2) {
			if (y.u.n % EXPR_SCALE != 0 || y.u.n < 0 || y.u.n > 4 * EXPR_SCALE)
				return true;
			digits = y.u.n / EXPR_SCALE;
		}
		int64_t unit = 1, q, r;
		for (int64_t k = digits; k < 4; k++)
			unit *= 10;
		if (expr_muldiv(x.u.n, 1, unit, &q) && !__builtin_mul_overflow(q, unit, &r) && r != INT64_MIN)
			*out = expr_num(r);
		return true;
	}
	case EXPR_FN_ANSWERED:
		*out = expr_bool(x.type != VAL_NULL);
		return true;
	case EXPR_FN_LOWER:
	case EXPR_FN_UPPER:
		if (x.type == VAL_STR && !expr_work(ev, strlen(x.u.s)))
			return false;
		if (x.type == VAL_STR)
			*out = expr_str(expr_str_case(ev->scratch, x.u.s, n->sym == EXPR_FN_UPPER));
		else if (x.type != VAL_NULL)
			return expr_fail(ev, "'lower' and 'upper' need a string");
		return true;
	default:
		return expr_eval_call_11(ev, n, x, y, out);
	}
}

/* An ordering of two values (<, <=, >, >=): numbers by value, strings by bytes; null is never in order. */
static bool expr_eval_order(struct expr_evaluator *ev, enum expr_op op, struct value x, struct value y,
			    struct value *out)
{
	int cmp;
	if (x.type == VAL_NULL || y.type == VAL_NULL) {
		*out = expr_bool(false);
		return true;
	}
	if (x.type == VAL_NUM && y.type == VAL_NUM)
		cmp = (x.u.n > y.u.n) - (x.u.n < y.u.n);
	else if (x.type == VAL_STR && y.type == VAL_STR && !expr_work(ev, strlen(x.u.s)))
		return false;
	else if (x.type == VAL_STR && y.type == VAL_STR)
		cmp = strcmp(x.u.s, y.u.s);
	else
		return expr_fail(ev, "ordering needs two numbers or two strings");
	bool r = op == EXPR_LT ? cmp < 0 : op == EXPR_LE ? cmp <= 0 : op == EXPR_GT ? cmp > 0 : cmp >= 0;
	*out = expr_bool(r);
	return true;
}

/* +, -, * and /: numbers, or + of two strings (joined, within the bounds). */
static bool expr_eval_arith(struct expr_evaluator *ev, enum expr_op op, struct value x, struct value y,
			    struct value *out)
{
	if (op == EXPR_ADD && x.type == VAL_STR && y.type == VAL_STR) {
		size_t la = strlen(x.u.s), lb = strlen(y.u.s);
		if (la + lb > EXPR_MAX_TEXT)
			return expr_fail(ev, expr_too_long);
		if (!expr_work(ev, la + lb))
			return false;
		char *s = arena_alloc(ev->scratch, la + lb + 1);
		memcpy(s, x.u.s, la);
		memcpy(s + la, y.u.s, lb + 1);
		*out = expr_str(s);
		return true;
	}
	if (x.type == VAL_NULL || y.type == VAL_NULL) {
		*out = expr_null();
		return true;
	}
	if (x.type != VAL_NUM || y.type != VAL_NUM)
		return expr_fail(ev, op == EXPR_ADD ? "'+' needs two numbers or two strings" : "arithmetic needs numbers");
	*out = expr_arith(op, x.u.n, y.u.n);
	return true;
}

/* An operator of two operands, both worked out first. */
static bool expr_eval_binary(struct expr_evaluator *ev, const struct expr_node *n, struct value *out)
{
	struct value x, y;
	bool c;
	if (!expr_eval_node(ev, n->a, &x) || !expr_eval_node(ev, n->b, &y))
		return false;
	switch (n->op) {
	case EXPR_EQ:
	case EXPR_NE:
		if (!expr_equal(ev, x, y, &c))
			return false;
		*out = expr_bool(c == (n->op == EXPR_EQ));
		return true;
	case EXPR_LT:
	case EXPR_LE:
	case EXPR_GT:
	case EXPR_GE:
		return expr_eval_order(ev, n->op, x, y, out);
	case EXPR_IN:
	case EXPR_NOT_IN:
		if (!expr_member(ev, y, x, &c))
			return false;
		*out = expr_bool(c == (n->op == EXPR_IN));
		return true;
	case EXPR_ADD:
	case EXPR_SUB:
	case EXPR_MUL:
	case EXPR_DIV:
		return expr_eval_arith(ev, n->op, x, y, out);
	default:
		assert(!"unhandled operator");
		return false;
	}
}

/* A list literal: each item worked out, the whole within the bounds. */
static bool expr_eval_list(struct expr_evaluator *ev, const struct expr_node *n, struct value *out)
{
	if (!expr_work(ev, n->n * sizeof(struct value)))
		return false;
	struct value *items = arena_alloc(ev->scratch, (n->n ? n->n : 1) * sizeof *items);
	for (size_t i = 0; i < n->n; i++)
		if (!expr_eval_node(ev, n->items[i], &items[i]))
			return false;
	*out = (struct value){ .type = VAL_LIST, .u.list = { items, n->n } };
	struct expr_size size = { 0, 0 };
	return expr_measure(ev, *out, &size);
}

/* Evaluate n into *out; false with ev->err on a type clash. */
static bool expr_eval_node(struct expr_evaluator *ev, const struct expr_node *n, struct value *out)
{
	struct value x;
	bool c;
	if (!expr_work(ev, 1))
		return false;
	switch (n->op) {
	case EXPR_LIT:
		*out = n->lit;
		return true;
	case EXPR_NAME:
		*out = ev->env->get(ev->env->ctx, n->sym);
		return true;
	case EXPR_ITEM:	/* a step of the item at hand, by its place */
		*out = ev->item && ev->item->type == VAL_LIST && (size_t)n->sym < ev->item->u.list.n
			       ? ev->item->u.list.items[n->sym] : expr_null();
		return true;
	case EXPR_LIST:
		return expr_eval_list(ev, n, out);
	case EXPR_CALL:
		return expr_eval_call(ev, n, out);
	case EXPR_NEG:
		if (!expr_eval_node(ev, n->a, &x))
			return false;
		if (x.type == VAL_NULL) {
			*out = x;
			return true;
		}
		if (x.type != VAL_NUM)
			return expr_fail(ev, "'-' needs a number");
		*out = x.u.n == INT64_MIN ? expr_null() : expr_num(-x.u.n);
		return true;
	case EXPR_NOT:
		if (!expr_eval_cond(ev, n->a, &c))
			return false;
		*out = expr_bool(!c);
		return true;
	case EXPR_AND:
	case EXPR_OR:
		if (!expr_eval_cond(ev, n->a, &c))
			return false;
		if (c == (n->op == EXPR_AND) && !expr_eval_cond(ev, n->b, &c))
			return false;
		*out = expr_bool(c);
		return true;
	default:
		return expr_eval_binary(ev, n, out);
	}
}

/*
 * Evaluate a bound expression (total; see the semantics at the top of this file).  Returns false only on a
 * type clash the binder could not rule out, with a static message in *err.
 */
bool expr_eval(const struct expr *e, const struct expr_env *env, struct arena *scratch,
	       struct value *out, const char **err)
{
	size_t work = EXPR_MAX_WORK;
	struct expr_evaluator ev = { .env = env, .scratch = scratch, .work = env->work ? env->work : &work,
				      .item = env->item };
	*out = expr_null();
	if (!e->bound) {	/* an expression with errors, kept for trin check's analysis: never worked out */
		*err = "the expression has errors";
		return false;
	}
	if (!expr_eval_node(&ev, e->root, out)) {
		*out = expr_null();
		*err = ev.err;
		return false;
	}
	return true;
}
