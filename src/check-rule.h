/*
 * check-rule: what `trin check` finds in the rules of steps (format 1.1): the checks across answers and the
 * limits written as expressions.  See check-rule.c.
 */
#ifndef TRIN_CHECK_RULE_H
#define TRIN_CHECK_RULE_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/*
 * Report, as errors in d, every answer a rule reads that no path gives before the rule's step (it is
 * always null there), and every step whose limits no day from today on lets an answer meet.  today is
 * "YYYY-MM-DD", or NULL to leave today() null.  *later (malloc'd, the caller frees it) gets where each
 * read of a later answer was reported, sorted by line and column, so that other findings can leave those
 * places alone; *nlater how many.
 */
void check_rules(const struct wizard *w, const char *today, struct diags *d, struct loc **later, size_t *nlater);

#endif
