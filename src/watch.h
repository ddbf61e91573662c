/*
 * watch: whether a file an author edits has changed and is saved whole, for --watch in any frontend.
 */
#ifndef TRIN_WATCH_H
#define TRIN_WATCH_H

#include <stdbool.h>
#include <sys/stat.h>

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

#endif
