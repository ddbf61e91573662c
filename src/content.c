/*
 * content: what of a step is shown now.  See content.h.
 *
 * Must not depend on a frontend: the page, trin run and the summary ask it, each in its own words.
 */
#include "content.h"

#include <string.h>

#include "util.h"

/* The list when there is one, else the one text (or none). */
static const struct text *content_either(const struct text *list, size_t nlist, const struct text *one, size_t *n)
{
	if (nlist) {
		*n = nlist;
		return list;
	}
	*n = one->msgid != NULL;
	return one;
}

const struct text *content_text_of(const struct step *s, size_t *n)
{
	return content_either(s->texts, s->ntexts, &s->text, n);
}

const struct text *content_help_of(const struct step *s, size_t *n)
{
	return content_either(s->helps, s->nhelps, &s->help, n);
}

bool content_shown(struct engine *e, const struct text *t, bool every)
{
	return t->msgid && (every || engine_holds(e, text_when(t)));
}

size_t content_count(struct engine *e, const struct text *t, size_t n, bool every)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += content_shown(e, &t[i], every);
	return count;
}

char *content_paras(struct engine *e, const struct text *t, size_t n, const char *lang, bool every)
{
	char *out = NULL;
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		if (!content_shown(e, &t[i], every))
			continue;
		const char *para = engine_show_text(e, &t[i], lang);
		size_t plen = strlen(para);
		char *grown = xmalloc(len + plen + 3);
		if (out) {
			memcpy(grown, out, len);
			memcpy(grown + len, "\n\n", 2);
			len += 2;
			xfree_wiped(out);	/* it may show an answer */
		}
		memcpy(grown + len, para, plen + 1);
		len += plen;
		out = grown;
	}
	return out;
}

bool content_offered(struct engine *e, const struct step *s, size_t k, bool every)
{
	return k < s->nchoices && (every || engine_holds(e, s->choices[k].when));
}

size_t content_choices(struct engine *e, const struct step *s, bool every, int *rows)
{
	size_t n = 0;
	for (size_t k = 0; k < s->nchoices; k++)
		if (content_offered(e, s, k, every))
			rows[n++] = (int)k;
	return n;
}

int content_row(const int *rows, size_t n, int k)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i] == k)
			return (int)i;
	return -1;
}

void content_each_expr_of(const struct step *s, int i,
			  void (*fn)(void *ctx, const struct expr *e, const char *key, int step, struct loc at), void *ctx)
{
	size_t counts[] = { 0, 0, step_more(s)->ntodo };
	const struct text *todo = step_more(s)->todo;
	const struct text *lists[] = { content_text_of(s, &counts[0]), content_help_of(s, &counts[1]), todo };
	for (size_t l = 0; l < ARRAY_LEN(lists); l++)
		for (size_t k = 0; k < counts[l]; k++) {
			const struct text *t = &lists[l][k];
			if (!t->rule)	/* most texts: shown always */
				continue;
			if (text_when(t))
				fn(ctx, text_when(t), "when", i, t->loc);
			if (text_count(t))
				fn(ctx, text_count(t), "count", i, t->loc);
		}
	for (size_t k = 0; k < s->nchoices; k++)
		if (s->choices[k].when)
			fn(ctx, s->choices[k].when, "when", i, s->choices[k].loc);
}

void content_each_expr(const struct wizard *w,
		       void (*fn)(void *ctx, const struct expr *e, const char *key, int step, struct loc at), void *ctx)
{
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		content_each_expr_of(s, (int)i, fn, ctx);
		for (size_t j = 0; s->type == STEP_REPEAT && j < step_more(s)->ninner; j++)	/* at the group */
			content_each_expr_of(&step_more(s)->inner[j], (int)i, fn, ctx);
	}
}
