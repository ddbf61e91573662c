/*
 * plural: gettext's Plural-Forms.  See plural.h.
 *
 * The expression is read and worked out in one pass by recursive descent over its text, as gettext's
 * grammar has it:
 *   cond = or [ '?' cond ':' cond ]          or = and { '||' and }        and = eq { '&&' eq }
 *   eq = rel { ('==' | '!=') rel }           rel = add { ('<' | '>' | '<=' | '>=') add }
 *   add = mul { ('+' | '-') mul }            mul = unary { ('*' | '/' | '%') unary }
 *   unary = '!' unary | '-' unary | '(' cond ')' | 'n' | digits
 * Both branches of '?:' and both sides of '&&' and '||' are read; only those taken count, so a division
 * by zero where it is not taken is no fault, as in C.
 */
#include "plural.h"

#include <string.h>

struct plural_parse {
	const char *p;
	unsigned long n;
	int depth;
	bool bad;		/* a syntax error, or too deep */
	bool fault;		/* a division by zero where it counts */
};

static unsigned long plural_cond(struct plural_parse *x, bool live);

static void plural_space(struct plural_parse *x)
{
	while (*x->p == ' ' || *x->p == '\t' || *x->p == '\n')
		x->p++;
}

/* Whether the operator op is next; then it is read. */
static bool plural_op(struct plural_parse *x, const char *op)
{
	plural_space(x);
	size_t len = strlen(op);
	if (strncmp(x->p, op, len) != 0)
		return false;
	if (len == 1 && (op[0] == '<' || op[0] == '>' || op[0] == '!' || op[0] == '=') && x->p[1] == '=')
		return false;	/* "<=" is not "<" */
	if (len == 1 && (op[0] == '&' || op[0] == '|'))
		return false;
	x->p += len;
	return true;
}

static unsigned long plural_unary(struct plural_parse *x, bool live)
{
	if (++x->depth > PLURAL_MAX_DEPTH) {
		x->bad = true;
		return 0;
	}
	unsigned long v = 0;
	plural_space(x);
	if (*x->p == '!' && x->p[1] != '=') {
		x->p++;
		v = !plural_unary(x, live);
	} else if (*x->p == '-') {
		x->p++;
		v = 0UL - plural_unary(x, live);
	} else if (*x->p == '(') {
		x->p++;
		v = plural_cond(x, live);
		if (!plural_op(x, ")"))
			x->bad = true;
	} else if (*x->p == 'n') {
		x->p++;
		v = x->n;
	} else if (*x->p >= '0' && *x->p <= '9') {
		for (; *x->p >= '0' && *x->p <= '9'; x->p++)
			v = v * 10 + (unsigned long)(*x->p - '0');	/* wraps, as unsigned long does */
	} else {
		x->bad = true;
	}
	x->depth--;
	return v;
}

static unsigned long plural_mul(struct plural_parse *x, bool live)
{
	unsigned long v = plural_unary(x, live);
	for (;;) {
		char op = plural_op(x, "*") ? '*' : plural_op(x, "/") ? '/' : plural_op(x, "%") ? '%' : 0;
		if (!op || x->bad)
			return v;
		unsigned long r = plural_unary(x, live);
		if (op != '*' && r == 0) {
			x->fault |= live;
			v = 0;
		} else {
			v = op == '*' ? v * r : op == '/' ? v / r : v % r;
		}
	}
}

static unsigned long plural_add(struct plural_parse *x, bool live)
{
	unsigned long v = plural_mul(x, live);
	for (;;) {
		if (plural_op(x, "+"))
			v += plural_mul(x, live);
		else if (plural_op(x, "-"))
			v -= plural_mul(x, live);
		else
			return v;
		if (x->bad)
			return v;
	}
}

static unsigned long plural_rel(struct plural_parse *x, bool live)
{
	unsigned long v = plural_add(x, live);
	for (;;) {
		if (plural_op(x, "<="))
			v = v <= plural_add(x, live);
		else if (plural_op(x, ">="))
			v = v >= plural_add(x, live);
		else if (plural_op(x, "<"))
			v = v < plural_add(x, live);
		else if (plural_op(x, ">"))
			v = v > plural_add(x, live);
		else
			return v;
		if (x->bad)
			return v;
	}
}

static unsigned long plural_eq(struct plural_parse *x, bool live)
{
	unsigned long v = plural_rel(x, live);
	for (;;) {
		if (plural_op(x, "=="))
			v = v == plural_rel(x, live);
		else if (plural_op(x, "!="))
			v = v != plural_rel(x, live);
		else
			return v;
		if (x->bad)
			return v;
	}
}

static unsigned long plural_and(struct plural_parse *x, bool live)
{
	unsigned long v = plural_eq(x, live);
	while (!x->bad && plural_op(x, "&&")) {
		unsigned long r = plural_eq(x, live && v);
		v = v && r;
	}
	return v;
}

static unsigned long plural_or(struct plural_parse *x, bool live)
{
	unsigned long v = plural_and(x, live);
	while (!x->bad && plural_op(x, "||")) {
		unsigned long r = plural_and(x, live && !v);
		v = v || r;
	}
	return v;
}

static unsigned long plural_cond(struct plural_parse *x, bool live)
{
	if (++x->depth > PLURAL_MAX_DEPTH) {
		x->bad = true;
		return 0;
	}
	unsigned long v = plural_or(x, live);
	if (!x->bad && plural_op(x, "?")) {
		unsigned long a = plural_cond(x, live && v);
		if (!plural_op(x, ":"))
			x->bad = true;
		unsigned long b = x->bad ? 0 : plural_cond(x, live && !v);
		v = v ? a : b;
	}
	x->depth--;
	return v;
}

/* Work out expr for n: false on a syntax error or a fault where it counts. */
static bool plural_eval(const char *expr, unsigned long n, unsigned long *out)
{
	struct plural_parse x = { expr, n, 0, false, false };
	*out = plural_cond(&x, true);
	plural_space(&x);
	return !x.bad && !x.fault && *x.p == '\0';
}

/* The value after "key=" in s[0, len) up to ';' or the end of its line, into buf; false when absent. */
static bool plural_field(const char *s, size_t len, const char *key, char *buf, size_t size)
{
	size_t klen = strlen(key);
	for (size_t i = 0; i + klen <= len; i++) {
		if (strncmp(s + i, key, klen) != 0 || (i && s[i - 1] != ' ' && s[i - 1] != ';' && s[i - 1] != '\t' &&
						      s[i - 1] != ':'))
			continue;
		size_t j = i + klen, k = 0;
		while (j < len && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j >= len || s[j] != '=')
			continue;
		for (j++; j < len && s[j] != ';' && s[j] != '\n' && s[j] != '\0'; j++) {
			if (k + 1 >= size)
				return false;	/* longer than any rule gettext ships */
			buf[k++] = s[j];
		}
		buf[k] = '\0';
		return true;
	}
	return false;
}

bool plural_rule(const char *header, size_t len, struct plural_rule *rule)
{
	*rule = (struct plural_rule){ 0, false, "" };
	const char *line = NULL;
	for (size_t i = 0; i + 13 <= len && !line; i++)
		if ((i == 0 || header[i - 1] == '\n') && strncmp(header + i, "Plural-Forms:", 13) == 0)
			line = header + i + 13;
	if (!line)
		return false;
	size_t rest = len - (size_t)(line - header);
	char count[16];
	rule->broken = true;	/* until it is understood */
	if (!plural_field(line, rest, "nplurals", count, sizeof count) ||
	    !plural_field(line, rest, "plural", rule->expr, sizeof rule->expr))
		return false;
	unsigned long nplurals = 0, v;
	const char *c = count;
	while (*c == ' ')
		c++;
	for (; *c >= '0' && *c <= '9' && nplurals <= PLURAL_MAX_FORMS; c++)
		nplurals = nplurals * 10 + (unsigned long)(*c - '0');
	while (*c == ' ')
		c++;
	if (*c || nplurals < 1 || nplurals > PLURAL_MAX_FORMS || !plural_eval(rule->expr, 1, &v)) {
		rule->expr[0] = '\0';
		return false;
	}
	rule->nplurals = (unsigned)nplurals;
	rule->broken = false;
	return true;
}

bool plural_form(const struct plural_rule *rule, unsigned long n, unsigned *form)
{
	unsigned long v;
	if (!rule->nplurals || !plural_eval(rule->expr, n, &v) || v >= rule->nplurals)
		return false;
	*form = (unsigned)v;
	return true;
}
