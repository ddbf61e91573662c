/*
 * watch: whether a file an author edits has changed and is saved whole, and how the walk is carried over
 * to it loaded again, for --watch in any frontend.
 */
#ifndef TRIN_WATCH_H
#define TRIN_WATCH_H

#include <stdbool.h>
#include <sys/stat.h>

#include "diag.h"
#include "engine.h"
#include "model.h"
#include "page.h"

struct watch {
	const char *file;
	struct stat st;		/* the file as it was when last loaded (zero when it was missing) */
	long since_ms;		/* when it was seen to change, or 0 */
};

/* Start watching file, as it is now. */
void watch_start(struct watch *w, const char *file);
/*
 * Whether the file changed since it was last loaded and has since been still for still_ms by the clock
 * now_ms (milliseconds, never 0), so a save is not read half written.  A file missing for a moment (an
 * editor replacing it) is no change yet.  True once per change.
 */
bool watch_changed(struct watch *w, long now_ms, long still_ms);

/* What the screen keeps when the walk is carried over to the file loaded again. */
enum watch_keep {
	WATCH_KEEP_NOTHING,	/* another step is shown */
	WATCH_KEEP_STEP,	/* the same step */
	WATCH_KEEP_TYPED,	/* the same step with a field: what is typed in it */
	WATCH_KEEP_SAVED,	/* the same end: what was saved there stays saved, and is not written again */
};

/*
 * Carry the walk of engine from, showing step index step of wizard old (-1: none yet), over to wizard w
 * loaded again: a new engine at the same answers (engine_follow) in the language shown, its view in *v,
 * and what the screen keeps in *keep.
 */
struct engine *watch_carry(const struct wizard *w, const struct wizard *old, const struct engine *from, int step,
			   struct engine_view *v, enum watch_keep *keep);
/* The diagnostics of a file that does not load, sorted, as the text printed for them; free it. */
char *watch_report(struct diags *d);
/* The screen of a file that does not load, with report (watch_report), until the author fixes it or stops. */
struct page *watch_page(const char *report);

#endif
