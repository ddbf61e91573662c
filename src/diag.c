/*
 * diag: collecting and printing diagnostics.  Knows nothing of wizards.  Messages are kept as written and
 * shown with their control characters visible when printed (text_printf).
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

void diag_add(struct diags *d, enum diag_severity sev, struct loc at, const char *fmt, ...)
{
	if (sev == DIAG_ERROR)
		d->errors++;
	else if (sev == DIAG_WARNING)
		d->warnings++;
	if (d->n >= DIAG_MAX) {
		d->dropped++;
		return;
	}
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	char *msg;
	if (n < 0) {
		msg = xstrdup("?");
	} else if ((size_t)n < sizeof small) {
		msg = xstrndup(small, (size_t)n);
	} else {
		msg = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	util_grow((void **)&d->v, &d->cap, d->n + 1, sizeof *d->v);
	d->v[d->n++] = (struct diag){ at, sev, msg };
}

void diag_append(struct diags *to, struct diags *from)
{
	to->errors += from->errors;
	to->warnings += from->warnings;
	to->dropped += from->dropped;
	for (size_t i = 0; i < from->n; i++) {
		if (to->n >= DIAG_MAX) {
			to->dropped++;
			free(from->v[i].msg);
			continue;
		}
		util_grow((void **)&to->v, &to->cap, to->n + 1, sizeof *to->v);
		to->v[to->n++] = from->v[i];
	}
	from->n = from->errors = from->warnings = from->dropped = 0;
}

bool diag_full(const struct diags *d)
{
	return d->n >= DIAG_MAX;
}

struct loc diag_loc_advance(struct loc start, const char *s, size_t off)
{
	struct loc at = start;
	for (size_t i = 0; i < off; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n') {
			at.line++;
			at.col = 1;
		} else if ((c & 0xC0) != 0x80) {
			at.col++;
		}
	}
	return at;
}

static int diag_cmp(const struct diag *a, const struct diag *b)
{
	int c = strcmp(a->loc.file ? a->loc.file : "", b->loc.file ? b->loc.file : "");
	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	return 0;
}

void diag_sort(struct diags *d)
{
	/* Insertion sort: stable, and n is at most DIAG_MAX. */
	for (size_t i = 1; i < d->n; i++) {
		struct diag k = d->v[i];
		size_t j = i;
		for (; j > 0 && diag_cmp(&d->v[j - 1], &k) > 0; j--)
			d->v[j] = d->v[j - 1];
		d->v[j] = k;
	}
}

static const char *const diag_names[] = {
	[DIAG_ERROR] = "error", [DIAG_WARNING] = "warning", [DIAG_NOTE] = "note",
};

void diag_print(const struct diags *d, FILE *out)
{
	/* Through text_printf: a file's name and the keys, ids and values a message quotes come from files. */
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		if (g->loc.line > 0)
			text_printf(out, "%s:%d:%d: %s: %s\n", g->loc.file, g->loc.line, g->loc.col,
				    diag_names[g->severity], g->msg);
		else
			text_printf(out, "%s: %s: %s\n", g->loc.file ? g->loc.file : "trin",
				    diag_names[g->severity], g->msg);
	}
	if (d->dropped)
		text_printf(out, "%s: note: %zu more problems not shown\n", d->n ? d->v[0].loc.file : "trin",
			    d->dropped);
}

void diag_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].msg);
	free(d->v);
	*d = (struct diags){ 0 };
}
