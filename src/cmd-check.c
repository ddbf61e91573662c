/*
 * cmd-check: `trin check [OPTIONS] WIZARD...`, every problem of every wizard: what the loader refuses and
 * what the checker (check.h) finds, on stderr as FILE:LINE:COL: SEVERITY: MESSAGE or on stdout as JSON;
 * with --lix, the readability of each screen as a table on stdout.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "cmd.h"
#include "util.h"
#include "i18n.h"
#include "page.h"
#include "po.h"
#include "pot.h"
#include "result.h"
#include "text.h"

static const char *const cmd_check_severities[] = {
	[DIAG_ERROR] = "error", [DIAG_WARNING] = "warning", [DIAG_NOTE] = "note",
};

/* One finding as a JSON object; *first says whether a comma is due before it. */
static void cmd_check_json_one(const char *file, struct loc at, const char *severity, const char *msg, bool *first)
{
	fputs(*first ? "\n  {\"file\": " : ",\n  {\"file\": ", stdout);
	*first = false;
	result_json_string(stdout, file);
	printf(", \"line\": %d, \"col\": %d, \"severity\": \"%s\", \"message\": ", at.line, at.col, severity);
	result_json_string(stdout, msg);
	fputs("}", stdout);
}

static void cmd_check_json(const struct diags *d, const char *path, bool *first)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		cmd_check_json_one(g->loc.file ? g->loc.file : path, g->loc, cmd_check_severities[g->severity],
				   g->msg, first);
	}
	if (d->dropped) {
		char msg[64];
		snprintf(msg, sizeof msg, "%zu more problems not shown", d->dropped);
		cmd_check_json_one(path, (struct loc){ 0 }, "note", msg, first);
	}
}

/* The LIX table of one wizard: a line per screen, then the average and the highest. */
static void cmd_check_lix_table(const struct wizard *w)
{
	long sum = 0;
	int high = -1;
	size_t high_step = 0;
	for (size_t i = 0; i < w->nsteps; i++) {
		struct check_lix lx;
		check_lix_step(&w->steps[i], &lx);
		text_printf(stdout, "%s:%d: %s %d\n", w->file, w->steps[i].loc.line, w->steps[i].id, lx.lix);
		sum += lx.lix;
		if (lx.lix > high) {
			high = lx.lix;
			high_step = i;
		}
	}
	if (w->nsteps)
		text_printf(stdout, "%s: average LIX %ld, highest %d (%s)\n", w->file,
			    (sum + (long)w->nsteps / 2) / (long)w->nsteps, high, w->steps[high_step].id);
}

/* The largest --max-file-size: far beyond any wizard a person writes, and the events in proportion fit. */
#define CMD_CHECK_MAX_FILE (1ull << 30)

/*
 * The loader's limits for a file of up to bytes (at least the default): the event limit grows with the
 * file size in the default's proportion.  False after saying what is wrong.
 */
static bool cmd_check_file_limit(const char *arg, struct load_limits *l)
{
	unsigned long long v;
	if (!cmd_number("trin check", "--max-file-size", arg, 0, CMD_CHECK_MAX_FILE, &v))
		return false;
	*l = load_default_limits;
	if (v > l->max_file) {
		l->max_events = (size_t)(v * l->max_events / l->max_file);
		l->max_file = (size_t)v;
	}
	return true;
}

/* Every text of w (texts[0..n)) the catalogue of the language now chosen lacks, as a warning at the text. */
static void cmd_check_translated(const struct wizard *w, const struct wizard_text *texts, size_t n, const char *lang,
				 struct diags *d)
{
	for (size_t i = 0; i < n && !diag_full(d); i++) {
		const struct wizard_text *t = &texts[i];
		if (i18n_text(w->domain, t->msgid) == t->msgid)	/* the msgid itself when there is no translation */
			diag_warning(d, t->loc, "%s has no translation to %s (%s) in the catalogue of '%s'", t->key,
				     i18n_name(lang), lang, w->domain);
	}
}

/*
 * The translator's catalogue of w in lang, where it is usually kept: beside the wizard (LANG.po), in a po
 * folder beside it (po/LANG.po, po/DOMAIN/LANG.po), or as trin's own wizards keep theirs
 * (../po/wizards/DOMAIN/LANG.po); false when there is none.
 */
static bool cmd_check_find_po(const char *file, const struct wizard *w, const char *lang, struct arena *keep,
			      struct po *po)
{
	const char *slash = strrchr(file, '/');
	int dir = slash ? (int)(slash - file) + 1 : 0;
	const char *paths[] = {	/* kept until the diagnostics that name them are printed */
		arena_printf(keep, "%.*s%s.po", dir, file, lang),
		arena_printf(keep, "%.*spo/%s.po", dir, file, lang),
		arena_printf(keep, "%.*spo/%s/%s.po", dir, file, w->domain, lang),
		arena_printf(keep, "%.*s../po/wizards/%s/%s.po", dir, file, w->domain, lang),
	};
	for (size_t i = 0; i < ARRAY_LEN(paths); i++) {
		if (po_read(paths[i], po))
			return true;
		po_free(po);
	}
	return false;
}

/*
 * Each translation in lang whose {name}s do not match its text, as an error where the translator wrote it:
 * in the catalogue's .po when it is found (cmd_check_find_po), else in the compiled catalogue in dir.
 */
static void cmd_check_catalogue(const char *file, const struct wizard *w, const struct wizard_text *texts, size_t n,
				const char *dir, const char *lang, struct arena *keep, struct diags *d)
{
	struct po po;
	bool have = cmd_check_find_po(file, w, lang, keep, &po);
	struct strmap seen = { 0 };
	const char *path = arena_printf(keep, "%s/%s/LC_MESSAGES/%s.mo", dir ? dir : ".", lang, w->domain);
	const char *whose = arena_printf(keep, "the %s translation", lang);
	for (size_t i = 0; i < n && !diag_full(d); i++) {
		const char *msgid = texts[i].msgid;
		if (!strmap_put(&seen, msgid, 0))
			continue;	/* a text written twice is translated once */
		const struct po_message *m = have ? po_find(&po, msgid) : NULL;
		for (size_t k = 0; m && !m->fuzzy && k < m->nstr; k++)
			if (*m->msgstr[k])
				po_check_names(msgid, m->plural, m->msgstr[k], m->where[k], m->at, whose, d);
		const char *tr = have ? msgid : i18n_text(w->domain, msgid);
		if (tr != msgid)
			po_check_names(msgid, texts[i].plural, tr, NULL, (struct loc){ path, 0, 0 },
				       arena_printf(keep, "the %s translation of \"%s\"", lang, msgid), d);
	}
	strmap_free(&seen);
	po_free(&po);
}

struct cmd_check_ctx {
	const char *file;
	struct diags *d;
};

/* A catalogue of the wizard that trin refuses, as an error: its texts would be shown as written. */
static void cmd_check_broken(void *ctx, const char *path, const char *why)
{
	struct cmd_check_ctx *c = ctx;
	diag_error(c->d, ((struct loc){ c->file, 0, 0 }), "the catalogue %s is refused: %s; the texts are shown as "
		   "written", path, why);
}

/*
 * In each language the wizard ships with (its own, and each with a catalogue): the texts a catalogue
 * lacks, and with fit every step laid out as the full screen lays it out (page_fit): taller than an
 * 80x24 screen is an error (a person would have to scroll); with small, taller than 40x12 is a warning.
 * The language chosen before is restored.
 */
static void cmd_check_languages(const char *file, const struct wizard *w, bool fit, bool small, struct arena *keep,
				struct diags *d)
{
	static const struct page_size sizes[] = { { 80, 24 }, { 40, 12 } };
	static const enum diag_severity sev[] = { DIAG_ERROR, DIAG_WARNING };
	char **langs;
	const char *why;
	const char *dir = i18n_bind_wizard(file, w->domain, &why);
	if (!dir)
		diag_error(d, ((struct loc){ file, 0, 0 }), "%s", why);
	else
		i18n_broken(dir, w->domain, cmd_check_broken, &(struct cmd_check_ctx){ file, d });
	size_t nlangs = i18n_languages(dir, w->domain, w->language, &langs);
	char *saved = i18n_push(NULL);
	size_t nsizes = fit ? (small ? 2u : 1u) : 0;
	struct page_fit *out = xmalloc((w->nsteps ? 2 * w->nsteps : 1) * sizeof *out);
	struct arena a = { .unwiped = true };	/* the texts for translators, gathered once another language needs them */
	struct wizard_text *texts = NULL;
	size_t ntexts = 0;
	for (size_t l = 0; l < nlangs; l++) {
		i18n_switch(langs[l]);
		if (strcmp(langs[l], w->language) != 0) {
			if (!texts)
				texts = pot_texts(w, &a, &ntexts);
			cmd_check_translated(w, texts, ntexts, langs[l], d);
			cmd_check_catalogue(file, w, texts, ntexts, dir, langs[l], keep, d);
		}
		size_t n = nsizes ? page_fit_sizes(w, nlangs, sizes, nsizes, out) : 0;
		for (size_t z = 0; z < nsizes; z++) {
			for (size_t k = 0; k < n; k++) {
				const struct page_fit *f = &out[z * w->nsteps + k];
				const struct step *s = &w->steps[f->step];
				if (f->needed > f->available)
					diag_add(d, sev[z], s->loc,
						 "step '%s' needs %d lines in language '%s', but a screen of %dx%d has %d for it: "
						 "shorten its texts", s->id, f->needed, langs[l], sizes[z].cols, sizes[z].rows,
						 f->available);
			}
		}
		free(langs[l]);
	}
	free(langs);
	free(out);
	arena_free(&a);
	i18n_pop(saved);
}

int cmd_check(int argc, char **argv)
{
	enum { OPT_MAX_LIX = 256, OPT_MAX_WORDS, OPT_LIX, OPT_WERROR, OPT_FORMAT, OPT_MAX_FILE_SIZE, OPT_NO_FIT,
	       OPT_SMALL };
	static const struct option opts[] = {
		{ "max-lix", required_argument, NULL, OPT_MAX_LIX },
		{ "max-words", required_argument, NULL, OPT_MAX_WORDS },
		{ "lix", no_argument, NULL, OPT_LIX },
		{ "werror", no_argument, NULL, OPT_WERROR },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "max-file-size", required_argument, NULL, OPT_MAX_FILE_SIZE },
		{ "no-fit", no_argument, NULL, OPT_NO_FIT },
		{ "small-screens", no_argument, NULL, OPT_SMALL },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct check_options o = { CHECK_DEFAULT_MAX_LIX, CHECK_DEFAULT_MAX_WORDS, NULL };
	char today[16];
	time_t now = time(NULL);
	struct tm tm;
	if (localtime_r(&now, &tm) && strftime(today, sizeof today, "%Y-%m-%d", &tm))
		o.today = today;	/* limits that read today() are looked at from today on */
	struct load_limits limits = load_default_limits;
	bool lix = false, werror = false, json = false, fit = true, small = false;
	unsigned long long number;
	int c, status = -1;
	while ((c = cmd_option(argc, argv, "h", opts, &status)) != -1) {
		switch (c) {
		case OPT_MAX_LIX:
		case OPT_MAX_WORDS:
			if (!cmd_number("trin check", c == OPT_MAX_LIX ? "--max-lix" : "--max-words", optarg, 0, 1000, &number))
				return EXIT_USAGE;
			*(c == OPT_MAX_LIX ? &o.max_lix : &o.max_words) = (int)number;
			break;
		case OPT_LIX:
			lix = true;
			break;
		case OPT_WERROR:
			werror = true;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "json") == 0) {
				json = true;
			} else if (strcmp(optarg, "text") != 0) {
				text_printf(stderr, _("trin check: --format is text or json, not '%s'\n"), optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_MAX_FILE_SIZE:
			if (!cmd_check_file_limit(optarg, &limits))
				return EXIT_USAGE;
			break;
		case OPT_NO_FIT:
			fit = false;
			break;
		case OPT_SMALL:
			small = true;
			break;
		}
	}
	if (status >= 0)
		return status;
	if (optind >= argc || (lix && json))
		return cmd_misuse(optind >= argc ? _("trin check: give at least one wizard\n")
				  : _("trin check: --lix prints a table and cannot be combined with --format json\n"));
	status = EXIT_OK;
	bool first = true;
	if (json)
		fputs("[", stdout);
	for (int i = optind; i < argc; i++) {
		struct diags d = { 0 };
		struct arena keep = { .unwiped = true };	/* names of catalogues the diagnostics point at */
		struct wizard *w = wizard_load_analysis(argv[i], &limits, &d);	/* analysed even with errors */
		if (w) {
			check_wizard(w, &o, &d);
			cmd_check_languages(argv[i], w, fit, small, &keep, &d);
		}
		diag_sort(&d);
		if (json)
			cmd_check_json(&d, argv[i], &first);
		else
			diag_print(&d, stderr);
		if (w && lix)
			cmd_check_lix_table(w);
		if (d.errors || (werror && d.warnings))
			status = EXIT_INVALID;
		wizard_free(w);
		diag_free(&d);
		arena_free(&keep);
	}
	if (json)
		fputs(first ? "]\n" : "\n]\n", stdout);
	return status;
}
