/*
 * sensitive: sensitive answers and the values that read them.  See sensitive.h.
 *
 * The mask is words, not a row of dots: a screen reader says "(hidden)" and a braille line shows it,
 * where dots are read as "bullet bullet bullet" or skipped; and a helper beside the person reads no digit.
 */
#include "sensitive.h"

#include "i18n.h"

struct sensitive_scan {
	const struct wizard *w;
	bool found;
};

static void sensitive_note(void *ctx, int sym)
{
	struct sensitive_scan *s = ctx;
	s->found |= sensitive_sym(s->w, sym);
}

void sensitive_mark(struct wizard *w)
{
	/* values may read values: spread until nothing changes (at most once per value) */
	for (bool changed = true; changed;) {
		changed = false;
		for (size_t i = 0; i < w->nvalues; i++) {
			struct derived *v = &w->values[i];
			if (v->sensitive || !v->expr)
				continue;
			struct sensitive_scan s = { w, false };
			expr_symbols(v->expr, sensitive_note, &s);
			if (s.found)
				changed = v->sensitive = true;
		}
	}
}

bool sensitive_sym(const struct wizard *w, int sym)
{
	if (sym < 0)
		return false;
	if ((size_t)sym < w->nsteps)
		return w->steps[sym].sensitive;
	size_t i = (size_t)sym - w->nsteps;
	return i < w->nvalues && w->values[i].sensitive;
}

void sensitive_json(FILE *out)
{
	fputs("{\"sensitive\": true}", out);
}

const char *sensitive_mask(void)
{
	/* TRANSLATORS: shown instead of an answer marked sensitive (a CPR number); a screen reader says it */
	return _("(hidden)");
}
