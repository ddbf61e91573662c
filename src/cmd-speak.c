/*
 * cmd-speak: `trin speak [--print] [--output FILE.wav] [--show step|help|words] [--typed TEXT] [--rate WPM]
 * [--volume PCT] WIZARD STEP`: one page of a wizard read aloud, for an author to hear and for the tests.
 * The page is the one the full screen shows for the step (with no answers given, every text and choice
 * shown), or the help or the words explained over it; --print prints the text handed to the synthesizer
 * (speech_text), --output renders it into a WAV file (speech_wav), in the voice of the language shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "glossary.h"
#include "i18n.h"
#include "page.h"
#include "speech-text.h"
#include "speech.h"
#include "text.h"
#include "ui.h"
#include "util.h"

/* What the options ask for. */
struct cmd_speak {
	bool print;
	const char *output, *typed;
	enum page_kind show;
	struct speech_voice voice;
};

/* Read the options into o: -1, or the exit status when they are wrong or --help was given. */
static int cmd_speak_options(int argc, char **argv, struct cmd_speak *o)
{
	static const struct option opts[] = {
		{ "print", no_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "show", required_argument, NULL, 's' },
		{ "typed", required_argument, NULL, 't' },
		{ "rate", required_argument, NULL, 'r' },
		{ "volume", required_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long long n;
	int c, status = -1;
	while ((c = cmd_option(argc, argv, "o:h", opts, &status)) != -1) {
		if (c == 'p') {
			o->print = true;
		} else if (c == 'o') {
			o->output = optarg;
		} else if (c == 't') {
			o->typed = optarg;
		} else if (c == 's') {
			if (strcmp(optarg, "step") && strcmp(optarg, "help") && strcmp(optarg, "words")) {
				text_printf(stderr, _("trin speak: --show is step, help or words, not '%s'\n"), optarg);
				return EXIT_USAGE;
			}
			o->show = !strcmp(optarg, "help") ? PAGE_KIND_HELP : !strcmp(optarg, "words") ? PAGE_KIND_WORDS
												 : PAGE_KIND_STEP;
		} else if (c == 'r' || c == 'v') {
			if (!cmd_number("trin speak", c == 'r' ? "--rate" : "--volume", optarg,
					c == 'r' ? SPEECH_RATE_MIN : 0, c == 'r' ? SPEECH_RATE_MAX : SPEECH_VOLUME_MAX, &n))
				return EXIT_USAGE;
			*(c == 'r' ? &o->voice.rate : &o->voice.volume) = (int)n;
		}
	}
	return status;
}

/* The index of the step of w named id, or -1 after saying there is none. */
static int cmd_speak_step(const struct wizard *w, const char *file, const char *id)
{
	for (size_t i = 0; i < w->nsteps; i++)
		if (!strcmp(w->steps[i].id, id))
			return (int)i;
	text_printf(stderr, _("trin speak: %s has no step '%s'\n"), file, id);
	return -1;
}

/* The text of step i of w (or the overlay o->show over it) read aloud, as the full screen shows it. */
static char *cmd_speak_text(const struct wizard *w, int i, const struct cmd_speak *o)
{
	struct glossary_terms gl;
	glossary_terms_init(&gl, w, engine_tr, (void *)w);
	struct engine *e = engine_create(w, i18n_lang_shown(w->language));
	const struct step *s = &w->steps[i];
	struct engine_view v = { .step = s, .index = i, .position = 1, .can_back = i != w->start };
	v.prefill.type = VAL_NULL;
	if (s->type == STEP_REPEAT)
		v = (struct engine_view){ .step = step_more(s)->ninner ? &step_more(s)->inner[0] : step_more(s)->add,
					  .index = i, .position = 1, .can_back = true, .group = s, .item = 1 };
	struct page_input in = { .w = w, .e = e, .v = &v, .gl = &gl, .show = o->show, .every = true, .width = PAGE_MAX_WIDTH };
	struct page *p = page_build(&in);
	char *text = speech_text(p, o->typed);
	page_free(p);
	engine_free(e);
	glossary_terms_free(&gl);
	return text;
}

int cmd_speak(int argc, char **argv)
{
	struct cmd_speak o = { .show = PAGE_KIND_STEP, .voice = { SPEECH_RATE_DEFAULT, SPEECH_VOLUME_DEFAULT } };
	int status = cmd_speak_options(argc, argv, &o);
	if (status >= 0)
		return status;
	if (optind != argc - 2 || (!o.print && !o.output))
		return cmd_misuse(_("trin speak: give --print or --output FILE.wav, a wizard and a step\n"));
	struct diags d = { 0 };
	const char *dir;
	struct wizard *w = ui_load(argv[optind], &d, &dir);
	diag_sort(&d);
	diag_print(&d, stderr);
	diag_free(&d);
	if (!w)
		return EXIT_INVALID;
	int step = cmd_speak_step(w, argv[optind], argv[optind + 1]);
	if (step < 0) {
		wizard_free(w);
		return EXIT_USAGE;
	}
	if (!i18n_chosen())
		i18n_switch(w->language);	/* as the screen shows it */
	char *text = cmd_speak_text(w, step, &o);
	if (o.print)
		fputs(text, stdout);
	char why[512];
	if (o.output && speech_wav(text, i18n_language(), &o.voice, o.output, why, sizeof why) < 0)
		status = cmd_file_error(o.output, true, why);
	xfree_wiped(text);
	wizard_free(w);
	return status < 0 ? EXIT_OK : status;
}
