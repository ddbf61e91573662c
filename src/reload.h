/*
 * reload: a kiosk's wizards kept in step with their files, for the next person.  Each file is watched as
 * --watch watches one (watch.h: by stat, a change read once the file has been still a moment, so a file
 * being written is not read half way).  A change is noted at any time, during someone's walk too, but is
 * loaded only between people (reload_update, at the kiosk's start): the person at the screen keeps the
 * wizard they started with.  A new version that does not load leaves the last good one in use, and the
 * reason is logged.
 */
#ifndef TRIN_RELOAD_H
#define TRIN_RELOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "ui.h"
#include "watch.h"

/* One file of a kiosk: how it was when last loaded, the wizard in use from it, and a change to load. */
struct reload_file {
	struct watch watch;
	struct wizard *w;	/* the version in use, or NULL (it never loaded) */
	bool changed;		/* a change seen, still and whole, to be loaded for the next person */
};

struct reload {
	struct reload_file *f;	/* one per file */
	size_t nfiles;
	struct ui_wizard *list;	/* the wizards in use, in the order of the files, for the menu */
	size_t n;
};

/*
 * Load the kiosk's files (kiosk_load, with held as there) and start watching them; how many loaded.
 * Called again (when none loaded, to try once more), it loads them all again.
 */
size_t reload_start(struct reload *r, char **files, size_t nfiles, struct diags *held);
/*
 * Note which files changed and have been still for still_ms by the clock now_ms (watch_changed), loading
 * nothing; whether any change waits to be loaded.
 */
bool reload_poll(struct reload *r, long now_ms, long still_ms);
/*
 * Between people: load each file that changed (and has not changed again since); a version that loads
 * replaces the one in use, one that does not leaves it.  Each is said in a note, with the reasons a file
 * does not load, into held (NULL: written on stderr, for the operator's log).  How many are in use.
 */
size_t reload_update(struct reload *r, long now_ms, long still_ms, struct diags *held);
/* Free the wizards and what r holds. */
void reload_free(struct reload *r);

#endif
