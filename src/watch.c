/*
 * watch: whether a file an author edits has changed and is saved whole, and carrying the walk over to it.
 * See watch.h.
 */
#include "watch.h"

#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "i18n.h"
#include "kind.h"
#include "util.h"

/* Start watching file, as it is now. */
void watch_start(struct watch *w, const char *file)
{
	memset(w, 0, sizeof *w);
	w->file = file;
	if (stat(file, &w->st) != 0)
		memset(&w->st, 0, sizeof w->st);
}

/* Whether the file changed since it was last loaded and has since been still for still_ms; see watch.h. */
bool watch_changed(struct watch *w, long now_ms, long still_ms)
{
	struct stat st;
	if (stat(w->file, &st) != 0)
		return false;
	const struct stat *o = &w->st;
	if (st.st_dev != o->st_dev || st.st_ino != o->st_ino || st.st_size != o->st_size || !compat_same_mtime(&st, o)) {
		w->st = st;
		w->since_ms = now_ms;
		return false;
	}
	if (!w->since_ms || now_ms - w->since_ms < still_ms)
		return false;
	w->since_ms = 0;
	return true;
}

/* Carry the walk over to wizard w loaded again; see watch.h. */
struct engine *watch_carry(const struct wizard *w, const struct wizard *old, const struct engine *from, int step,
			   struct engine_view *v, enum watch_keep *keep)
{
	struct engine *e = engine_create(w, i18n_lang_shown(w->language));
	engine_follow(e, from);
	engine_view(e, v);
	*keep = WATCH_KEEP_NOTHING;
	if (step >= 0 && !strcmp(old->steps[step].id, v->step->id) && old->steps[step].type == v->step->type)
		*keep = kind_is_field(v->step->type) ? WATCH_KEEP_TYPED
			: v->step->type == STEP_END ? WATCH_KEEP_SAVED : WATCH_KEEP_STEP;
	return e;
}

/* The diagnostics of a file that does not load, sorted, as the text printed for them; free it. */
char *watch_report(struct diags *d)
{
	char *report = NULL;
	size_t len;
	FILE *f = open_memstream(&report, &len);
	if (!f)
		return xstrdup("");
	diag_sort(d);
	diag_print(d, f);
	fclose(f);
	return report;
}

struct page *watch_page(const char *report)
{
	return page_notice(_("The guide has errors, so it cannot be shown."),	/* a line per line of report */
			   (const char *[]){ report, _("Fix the file and save it: trin loads it again by itself, and the "
						       "answers given so far are kept."), NULL }, PAGE_STOP);
}
