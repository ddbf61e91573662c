/*
 * main: the command line.  Parses arguments, sets up the locale and gettext, runs a subcommand, and maps
 * its outcome to the exit statuses documented in trin(1).  The only file that decides which frontend runs.
 */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "engine.h"
#include "i18n.h"
#include "model.h"
#include "result.h"

enum {
	EXIT_OK = 0,
	EXIT_INCOMPLETE = 1,	/* a run did not reach an end, or a test failed */
	EXIT_USAGE = 2,
	EXIT_INVALID = 3,	/* a wizard has errors */
	EXIT_INPUT = 4,		/* an answers file could not be read or is invalid */
};

static void main_usage(FILE *out)
{
	fputs(_("Usage: trin check WIZARD...\n"
		"       trin run --answers FILE [--json] WIZARD\n"
		"       trin test WIZARD...\n"
		"       trin --help | --version\n"
		"\n"
		"  check   report every problem in the wizards, as FILE:LINE:COL: error: ...\n"
		"  run     walk a wizard with answers from a YAML or JSON file\n"
		"  test    run the scenarios under 'tests:' in each wizard\n"
		"\n"
		"See trin(1) and, for the wizard format, trin(5).\n"), out);
}

static void main_locale(void)
{
	const char *loc = setlocale(LC_ALL, "");
	if (!loc || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	bindtextdomain(TRIN_DOMAIN, TRIN_LOCALEDIR);
	bind_textdomain_codeset(TRIN_DOMAIN, "UTF-8");
}

static struct wizard *main_load(const char *path, struct diags *d)
{
	struct wizard *w = wizard_load(path, NULL, d);
	diag_sort(d);
	diag_print(d, stderr);
	return w;
}

/*
 * For a subcommand that takes wizards: when it was asked for its usage or given no wizard, print the
 * usage and return the exit status; otherwise -1.
 */
static int main_usage_asked(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			main_usage(stdout);
			return EXIT_OK;
		}
	}
	if (argc < 2) {
		main_usage(stderr);
		return EXIT_USAGE;
	}
	return -1;
}

static int main_check(int argc, char **argv)
{
	int usage = main_usage_asked(argc, argv);
	if (usage >= 0)
		return usage;
	int status = EXIT_OK;
	for (int i = 1; i < argc; i++) {
		struct diags d = { 0 };
		struct wizard *w = main_load(argv[i], &d);
		if (!w)
			status = EXIT_INVALID;
		wizard_free(w);
		diag_free(&d);
	}
	return status;
}

static const struct scenario_answer *main_find(const struct scenario_answer *a, size_t n, int step)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].step == step)
			return &a[i];
	return NULL;
}

/* Print text indented under the end line, each of its lines. */
static void main_indent(FILE *out, const char *prefix, const char *text)
{
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		fprintf(out, "%s%.*s\n", prefix, (int)n, p);
		p += n;
		if (*p)
			p++;
		prefix = "  ";
	}
}

/* The end reached: its title, text and next steps, with the answers filled in. */
static void main_trace_end(FILE *out, struct engine *e, const struct step *s)
{
	fprintf(out, "end %s: %s\n", s->id, engine_format(e, s->title.msgid, NULL, NULL));
	if (s->text.msgid)
		main_indent(out, "  ", engine_format(e, s->text.msgid, NULL, NULL));
	for (size_t i = 0; i < s->ntodo; i++)
		main_indent(out, "  - ", engine_format(e, s->todo[i].msgid, NULL, NULL));
}

/*
 * Walk e with the given answers (the scripted frontend).  Steps without an answer go on by themselves;
 * a step that needs one and has none stops the walk.  When trace is given, each step is printed to it.
 * Returns true at an end; otherwise *why holds the reason and *where the step.
 */
static bool main_walk(const struct wizard *w, struct engine *e, const struct scenario_answer *answers,
		      size_t nanswers, FILE *trace, const char **why, int *where)
{
	struct engine_view v;
	for (;;) {
		engine_view(e, &v);
		const struct step *s = v.step;
		if (engine_done(e)) {
			if (trace)
				main_trace_end(trace, e, s);
			return true;
		}
		const struct scenario_answer *a = main_find(answers, nanswers, v.index);
		bool needs = s->type != STEP_INFO && s->type != STEP_REVIEW;
		if (needs && !a && s->required) {
			*why = _("no answer given");
			*where = v.index;
			return false;
		}
		if (trace)	/* the answer follows once the engine has accepted it */
			fprintf(trace, "step %s", s->id);
		if (!engine_submit(e, needs && a ? &a->input : NULL)) {
			if (trace)
				fputc('\n', trace);
			engine_view(e, &v);
			*why = v.message ? v.message : _("the wizard does not go on from here");
			*where = v.index;
			return false;
		}
		if (trace) {
			if (needs) {
				fputs(" = ", trace);
				struct value val = engine_answer(e, (int)(s - w->steps));
				if (s->type == STEP_TEXT && val.type == VAL_STR)
					result_json_string(trace, val.u.s);
				else
					result_json_value(trace, val);
			}
			fputc('\n', trace);
		}
	}
}

static int main_run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "answers", required_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *answers_path = NULL;
	bool json = false;
	int c;
	static char name[] = "trin run";	/* getopt's messages begin with argv[0] */
	argv[0] = name;
	optind = 1;
	while ((c = getopt_long(argc, argv, "a:jh", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			answers_path = optarg;
			break;
		case 'j':
			json = true;
			break;
		case 'h':
			main_usage(stdout);
			return EXIT_OK;
		default:
			main_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || !answers_path) {
		fprintf(stderr, _("trin run: give --answers FILE and one wizard\n"));
		main_usage(stderr);
		return EXIT_USAGE;
	}
	struct diags d = { 0 };
	struct wizard *w = main_load(argv[optind], &d);
	diag_free(&d);
	if (!w)
		return EXIT_INVALID;
	struct arena a = { 0 };
	struct scenario_answer *answers;
	size_t n;
	bool ok = answers_load(w, answers_path, &a, &answers, &n, &d);
	diag_sort(&d);
	diag_print(&d, stderr);
	diag_free(&d);
	if (!ok) {
		arena_free(&a);
		wizard_free(w);
		return EXIT_INPUT;
	}
	struct engine *e = engine_create(w);
	const char *why = NULL;
	int where = -1;
	bool done = main_walk(w, e, answers, n, json ? NULL : stdout, &why, &where);
	if (json)
		result_json(stdout, w, e);
	if (!done)
		fprintf(stderr, _("trin: stopped at step '%s': %s\n"), w->steps[where].id, why);
	engine_free(e);
	arena_free(&a);
	wizard_free(w);
	return done ? EXIT_OK : EXIT_INCOMPLETE;
}

static int main_test(int argc, char **argv)
{
	int usage = main_usage_asked(argc, argv);
	if (usage >= 0)
		return usage;
	size_t passed = 0, failed = 0;
	bool invalid = false;
	for (int i = 1; i < argc; i++) {
		struct diags d = { 0 };
		struct wizard *w = main_load(argv[i], &d);
		diag_free(&d);
		if (!w) {	/* a wizard that does not load fails as a whole */
			printf("FAIL %s: the wizard has errors\n", argv[i]);
			invalid = true;
			failed++;
			continue;
		}
		for (size_t t = 0; t < w->ntests; t++) {
			const struct scenario *sc = &w->tests[t];
			struct engine *e = engine_create(w);
			const char *why = NULL;
			int where = -1;
			bool done = main_walk(w, e, sc->answers, sc->nanswers, NULL, &why, &where);
			size_t np;
			const int *path = engine_path(e, &np);
			if (!done) {
				printf("FAIL %s:%d: %s: stopped at step '%s': %s\n", w->file, sc->loc.line, sc->name,
				       w->steps[where].id, why);
				failed++;
			} else if (path[np - 1] != sc->end) {
				printf("FAIL %s:%d: %s: ended at '%s', expected '%s'\n", w->file, sc->loc.line, sc->name,
				       w->steps[path[np - 1]].id, w->steps[sc->end].id);
				failed++;
			} else {
				printf("PASS %s: %s\n", w->file, sc->name);
				passed++;
			}
			engine_free(e);
		}
		wizard_free(w);
	}
	printf("%zu passed, %zu failed\n", passed, failed);
	return invalid ? EXIT_INVALID : failed ? EXIT_INCOMPLETE : EXIT_OK;
}

int main(int argc, char **argv)
{
	main_locale();
	if (argc < 2) {
		main_usage(stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		main_usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "--version")) {
		printf("trin %s\n", TRIN_VERSION);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "check"))
		return main_check(argc - 1, argv + 1);
	if (!strcmp(cmd, "run"))
		return main_run(argc - 1, argv + 1);
	if (!strcmp(cmd, "test"))
		return main_test(argc - 1, argv + 1);
	if (cmd[0] != '-') {
		fprintf(stderr, _("trin: the full-screen frontend is not built yet; walk a wizard with "
				  "'trin run --answers FILE %s'\n"), cmd);
		return EXIT_USAGE;
	}
	fprintf(stderr, _("trin: unknown option '%s'\n"), cmd);
	main_usage(stderr);
	return EXIT_USAGE;
}
