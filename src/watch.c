/*
 * watch: whether a file an author edits has changed and is saved whole.  See watch.h.
 */
#include "watch.h"

#include <string.h>

#include "compat.h"

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
