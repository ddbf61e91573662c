/*
 * reload: a kiosk's wizards kept in step with their files.  See reload.h.
 */
#include "reload.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk.h"
#include "util.h"

/* The list of the wizards in use, again, in the order of the files. */
static void reload_list(struct reload *r)
{
	r->n = 0;
	for (size_t i = 0; i < r->nfiles; i++)
		if (r->f[i].w)
			r->list[r->n++] = (struct ui_wizard){ r->f[i].watch.file, r->f[i].w };
}

size_t reload_start(struct reload *r, char **files, size_t nfiles, struct diags *held)
{
	if (!r->f) {
		r->f = xcalloc(nfiles ? nfiles : 1, sizeof *r->f);
		r->list = xcalloc(nfiles ? nfiles : 1, sizeof *r->list);
		r->nfiles = nfiles;
	}
	for (size_t i = 0; i < nfiles; i++) {
		wizard_free(r->f[i].w);
		r->f[i].w = NULL;
		r->f[i].changed = false;
		watch_start(&r->f[i].watch, files[i]);	/* before the load: a change during it is seen after */
	}
	size_t n = kiosk_load(files, nfiles, r->list, held);
	for (size_t k = 0, i = 0; k < n; k++) {	/* kiosk_load keeps the order of the files */
		while (r->list[k].path != files[i])
			i++;
		r->f[i++].w = r->list[k].w;
	}
	r->n = n;
	return n;
}

bool reload_poll(struct reload *r, long now_ms, long still_ms)
{
	bool any = false;
	for (size_t i = 0; i < r->nfiles; i++) {
		struct reload_file *f = &r->f[i];
		f->changed |= watch_changed(&f->watch, now_ms, still_ms);
		any |= f->changed && !f->watch.since_ms;	/* and not changing again */
	}
	return any;
}

/* Add what d holds to log, in its order; d is freed. */
static void reload_merge(struct diags *log, struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		diag_add(log, d->v[i].severity, d->v[i].loc, "%s", d->v[i].msg);
	diag_free(d);
}

/* Add a note of what happened to file at to log, then the reasons in d, sorted; d is freed. */
static void reload_log(struct diags *log, struct loc at, const char *note, struct diags *d)
{
	diag_add(log, DIAG_NOTE, at, "%s", note);
	diag_sort(d);
	reload_merge(log, d);
}

/* Load file f again, into log: the new version in use when it loads, else the old one kept. */
static void reload_file(struct reload_file *f, struct diags *log)
{
	struct diags d = { 0 };
	const char *dir, *was = f->w ? f->w->version : NULL;
	struct loc at = { f->watch.file, 0, 0 };
	char note[160];
	struct wizard *w = ui_load(f->watch.file, &d, &dir);
	if (!w) {
		if (was)
			snprintf(note, sizeof note, "changed, but does not load: the kiosk keeps version %s", was);
		else
			snprintf(note, sizeof note, "changed, but does not load: it is still not offered");
		reload_log(log, at, note, &d);
		return;
	}
	diag_free(&d);
	if (was && strcmp(was, w->version) == 0) {	/* the same bytes again (touched, or written back) */
		wizard_free(w);
		return;
	}
	if (was)
		snprintf(note, sizeof note, "changed: version %s from the next person on (was %s)", w->version, was);
	else
		snprintf(note, sizeof note, "changed: version %s offered from the next person on", w->version);
	reload_log(log, at, note, &d);
	wizard_free(f->w);
	f->w = w;
}

size_t reload_update(struct reload *r, long now_ms, long still_ms, struct diags *held)
{
	reload_poll(r, now_ms, still_ms);
	struct diags log = { 0 };
	for (size_t i = 0; i < r->nfiles; i++) {
		struct reload_file *f = &r->f[i];
		if (!f->changed || f->watch.since_ms)
			continue;	/* unchanged, or changing again: its next still moment is waited for */
		f->changed = false;
		reload_file(f, &log);
	}
	reload_list(r);
	if (held) {
		reload_merge(held, &log);	/* written once the screen is restored */
		return r->n;
	}
	diag_print(&log, stderr);
	diag_free(&log);
	return r->n;
}

void reload_free(struct reload *r)
{
	for (size_t i = 0; i < r->nfiles; i++)
		wizard_free(r->f[i].w);
	free(r->f);
	free(r->list);
	*r = (struct reload){ 0 };
}
