/*
 * cmd-run: `trin run --answers FILE [--json] [--today DATE] WIZARD`, a wizard walked with answers from a file.
 */
#include <stdbool.h>
#include <stdio.h>

#include "cmd.h"
#include "engine.h"
#include "i18n.h"
#include "result.h"
#include "text.h"
#include "ui-script.h"

int cmd_run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "answers", required_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *answers_path = NULL, *today = NULL;
	bool json = false;
	int c, status = -1;
	while ((c = cmd_option(argc, argv, "a:jh", opts, &status)) != -1) {
		switch (c) {
		case 'a':
			answers_path = optarg;
			break;
		case 'j':
			json = true;
			break;
		case 't':
			if (!cmd_date("trin run", "--today", optarg))
				return EXIT_USAGE;
			today = optarg;
			break;
		}
	}
	if (status >= 0)
		return status;
	if (optind != argc - 1 || !answers_path)
		return cmd_misuse(_("trin run: give --answers FILE and one wizard\n"));
	struct diags d = { 0 };
	struct wizard *w = cmd_load(argv[optind], &d);
	diag_free(&d);
	if (!w)
		return EXIT_INVALID;
	struct arena a = { 0 };
	struct scenario sc;
	bool ok = scenario_load(w, answers_path, &a, &sc, false, &d);
	diag_sort(&d);
	diag_print(&d, stderr);
	diag_free(&d);
	if (!ok) {
		arena_free(&a);
		wizard_free(w);
		return EXIT_INPUT;
	}
	/* In the language chosen, texts and numbers alike, as the screen shows them; else as written. */
	const char *why_dir;	/* without its catalogues (another wizard's domain), the texts as written */
	i18n_bind_wizard(argv[optind], w->domain, &why_dir);
	struct engine *e = engine_create(w, i18n_chosen() ? i18n_lang_shown(w->language) : NULL);
	script_today(e, &sc, today);
	struct script_stop stop;
	bool done = script_walk(w, e, &sc, json ? NULL : stdout, &stop);
	if (json)
		result_json(stdout, w, e);
	if (!done && stop.at && sc.in_order)	/* among answers in order, say which */
		text_printf(stderr, _("trin: %s:%d:%d: stopped at step '%s': %s\n"), stop.at->input.loc.file,
			    stop.at->input.loc.line, stop.at->input.loc.col, w->steps[stop.where].id, stop.why);
	else if (!done)
		text_printf(stderr, _("trin: stopped at step '%s': %s\n"), w->steps[stop.where].id, stop.why);
	engine_free(e);
	arena_free(&a);
	wizard_free(w);
	return done ? EXIT_OK : EXIT_INCOMPLETE;
}
