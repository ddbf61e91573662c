/*
 * plural: gettext's plural forms, for a wizard's catalogues, which trin reads itself (i18n.h).  A
 * catalogue's header says "Plural-Forms: nplurals=N; plural=EXPR;", EXPR a C expression in n; the form of
 * a translation for a count is the one EXPR gives.
 *
 * Bounded against a hostile catalogue: an expression of at most PLURAL_MAX_EXPR bytes, nested at most
 * PLURAL_MAX_DEPTH deep, evaluated in unsigned long arithmetic (which wraps, as gettext's does); a division
 * by zero, a syntax error or a form at or past nplurals makes the lookup fall back to the untranslated
 * texts.  No I/O, no allocation.
 */
#ifndef TRIN_PLURAL_H
#define TRIN_PLURAL_H

#include <stdbool.h>
#include <stddef.h>

#define PLURAL_MAX_EXPR 256
#define PLURAL_MAX_DEPTH 32
#define PLURAL_MAX_FORMS 8

/* A catalogue's rule: how many forms it has, and the expression that picks one. */
struct plural_rule {
	unsigned nplurals;	/* 0: none, or one not understood (broken) */
	bool broken;		/* the header has a rule that is not understood: no form can be trusted */
	char expr[PLURAL_MAX_EXPR + 1];
};

/*
 * The rule of a catalogue from its header (the translation of ""), of len bytes; false (rule->nplurals 0)
 * when it has none, or (rule->broken) one that is not understood: nplurals from 1 to PLURAL_MAX_FORMS and
 * an expression that parses are.
 */
bool plural_rule(const char *header, size_t len, struct plural_rule *rule);

/* The form rule gives for n, into *form; false when the expression fails (a division by zero) or the form
 * is not below nplurals. */
bool plural_form(const struct plural_rule *rule, unsigned long n, unsigned *form);

#endif
