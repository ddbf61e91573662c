/*
 * ui: what the frontends do alike.  See ui.h.
 */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "print.h"
#include "result.h"
#include "status.h"
#include "summary.h"
#include "text.h"
#include "util.h"

struct wizard *ui_load(const char *file, struct diags *d, const char **dir)
{
	struct wizard *w = wizard_load(file, NULL, d);
	const char *why;
	*dir = w ? i18n_bind_wizard(file, w->domain, &why) : NULL;
	if (w && !*dir) {	/* its domain is another wizard's: it would show that one's translations */
		diag_error(d, ((struct loc){ file, 0, 0 }), "%s", why);
		wizard_free(w);
		return NULL;
	}
	return w;
}

bool ui_load_all(char **files, size_t nfiles, bool menu, struct ui_wizard **list, size_t *n, struct diags *d,
		 void (*loaded)(const struct wizard *w, const char *dir))
{
	*list = xcalloc(nfiles ? nfiles : 1, sizeof **list);
	*n = 0;
	for (size_t i = 0; i < nfiles; i++) {
		const char *dir;
		struct wizard *w = ui_load(files[i], d, &dir);
		if (w && loaded)
			loaded(w, dir);
		if (w)
			(*list)[(*n)++] = (struct ui_wizard){ files[i], w };
	}
	if (*n && !i18n_chosen())
		i18n_switch((*list)[0].w->language);	/* the menu in the language of the guides */
	if (*n || menu)
		return true;
	ui_load_done(*list, 0, d, true);
	return false;
}

void ui_load_done(struct ui_wizard *list, size_t n, struct diags *d, bool print)
{
	for (size_t i = 0; i < n; i++)
		wizard_free(list[i].w);
	free(list);
	if (print && d->n) {
		diag_sort(d);
		diag_print(d, stderr);
	}
	diag_free(d);
}

bool ui_save(enum ui_save what, const struct ui_options *o, const struct wizard *w, struct engine *e, char *msg,
	     size_t size)
{
	char err[300];
	msg[0] = '\0';
	switch (what) {
	case UI_SAVE_OUTPUT:
		if (!o->output)
			return true;
		if (result_write_file(o->output, w, e, err, sizeof err)) {
			snprintf(msg, size, _("Your answers are saved in %s."), o->output);
			return true;
		}
		snprintf(msg, size, _("Your answers could not be saved: %s"), err);
		return false;
	case UI_SAVE_RECORD:
		if (!o->record)
			return true;
		if (result_write_scenario(o->record, w, e, err, sizeof err)) {
			snprintf(msg, size, _("This walk is recorded in %s."), o->record);
			return true;
		}
		snprintf(msg, size, _("This walk could not be recorded: %s"), err);
		return false;
	case UI_SAVE_SUMMARY:
	case UI_SAVE_SUMMARY_DIR: {
		const char *path = what == UI_SAVE_SUMMARY ? o->summary : o->summary_dir;
		if (!path)
			return true;
		char *made = what == UI_SAVE_SUMMARY_DIR ? summary_write_dir(path, w, e, util_now(), err, sizeof err)
							 : NULL;
		bool ok = made || (what == UI_SAVE_SUMMARY && summary_write_file(path, w, e, util_now(), err, sizeof err));
		if (ok)
			snprintf(msg, size, _("A summary is saved in %s."), made ? made : path);
		else
			snprintf(msg, size, _("The summary could not be saved: %s"), err);
		free(made);
		return ok;
	}
	case UI_SAVE_PRINT:
		return !o->print || print_summary(o->print, (enum print_paper)o->print_paper, w, e, util_now(), msg, size);
	}
	return false;
}

/*
 * Before a screen starts: a wizard that cannot be shown in the language chosen says so on stderr, and is
 * shown in its own language, text by text where a catalogue lacks one.
 */
void ui_lang_warn(const struct wizard *w, const char *dir)
{
	const char *lang = i18n_language();
	if (!dir || !i18n_chosen() || !lang || strncmp(lang, w->language, strlen(w->language)) == 0)
		return;
	const char *why = NULL;
	char base[64];
	snprintf(base, sizeof base, "%.*s", (int)strcspn(lang, "_.@"), lang);
	int ok = i18n_catalogue(dir, w->domain, lang, &why);
	if (ok == 0)
		ok = i18n_catalogue(dir, w->domain, base, &why);
	if (ok == 0)
		text_printf(stderr, _("trin: %s has no translation to %s; its texts are shown as written\n"),
			    w->file, i18n_name(base));
	else if (ok < 0)
		text_printf(stderr, _("trin: %s: the %s catalogue of '%s' in %s is broken (%s); its texts are shown "
				      "as written\n"), w->file, i18n_name(base), w->domain, dir, why);
}

/*
 * The languages w (loaded from file) can be shown in, its own first, into *langs (ui_langs_free); when
 * nobody chose a language and keep is false, switch to the wizard's own.  How many.
 */
size_t ui_langs(const struct wizard *w, const char *file, bool keep, char ***langs)
{
	const char *why;
	const char *dir = i18n_bind_wizard(file, w->domain, &why);	/* NULL: its own language only */
	size_t n = i18n_languages(dir, w->domain, w->language, langs);
	if (!i18n_chosen() && !keep)
		i18n_switch(w->language);
	return n;
}

int ui_lang_index(char *const *langs, size_t n)
{
	const char *cur = i18n_language();
	int at = 0;
	for (size_t i = 0; cur && i < n; i++) {
		size_t len = strlen(langs[i]);
		if (strncmp(cur, langs[i], len) == 0 && (!cur[len] || strchr("_.@", cur[len])))
			at = (int)i;
	}
	return at;
}

/* Free the n languages of langs, and langs. */
void ui_langs_free(char **langs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(langs[i]);
	free(langs);
}

int ui_status(bool finished, bool failed)
{
	return failed ? EXIT_INPUT : finished ? EXIT_OK : EXIT_INCOMPLETE;
}

bool ui_walked(bool menu, bool finished, bool stopped, bool failed, int *status)
{
	*status = ui_status(menu || finished, failed);
	return menu && !stopped;
}

struct page *ui_menu_page(const struct ui_wizard *list, size_t n, int sel, unsigned actions, bool kiosk)
{
	const char **titles = xcalloc(n ? n : 1, sizeof *titles);
	for (size_t i = 0; i < n; i++)
		titles[i] = engine_tr(list[i].w, list[i].w->title.msgid);
	struct page *p = page_menu(_("Choose a guide"), titles, n, sel, _("No guides were found."), actions, kiosk);
	free(titles);
	return p;
}
