/*
 * ui-script: the scripted frontend.  See ui-script.h.  Prints only to the trace stream it is given.
 */
#include "ui-script.h"

#include <string.h>

#include "content.h"
#include "i18n.h"
#include "result.h"
#include "sensitive.h"
#include "text.h"

static const struct scenario_answer *script_find(const struct scenario_answer *a, size_t n, int step)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].step == step)
			return &a[i];
	return NULL;
}

/* Print text indented under the end line, each of its lines. */
static void script_indent(FILE *out, const char *prefix, const char *text)
{
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		text_printf(out, "%s%.*s\n", prefix, (int)n, p);
		p += n;
		if (*p)
			p++;
		prefix = "  ";
	}
}

/*
 * The end reached: its title, the text and next steps shown (content.h), as the person reads them: in the
 * language shown, with the answers filled in.
 */
static void script_trace_end(FILE *out, struct engine *e, const struct step *s)
{
	text_printf(out, "end %s: %s\n", s->id, engine_show_text(e, &s->title, NULL));
	size_t n;
	const struct text *texts = content_text_of(s, &n);
	for (size_t i = 0; i < n; i++)	/* each paragraph shown, on its own lines */
		if (content_shown(e, &texts[i], false))
			script_indent(out, "  ", engine_show_text(e, &texts[i], NULL));
	for (size_t i = 0; i < s->ntodo; i++)
		if (content_shown(e, &s->todo[i], false))
			script_indent(out, "  - ", engine_show_text(e, &s->todo[i], NULL));
}

bool script_walk(const struct wizard *w, struct engine *e, const struct scenario_answer *answers,
		      size_t nanswers, FILE *trace, const char **why, int *where)
{
	struct engine_view v;
	engine_file_answers(e);
	for (;;) {
		engine_view(e, &v);
		const struct step *s = v.step;
		if (engine_done(e)) {
			if (trace)
				script_trace_end(trace, e, s);
			return true;
		}
		const struct scenario_answer *a = script_find(answers, nanswers, v.index);
		bool needs = step_takes_answer(s->type);
		if (needs && !a && s->required) {
			*why = _("no answer given");
			*where = v.index;
			return false;
		}
		if (trace)	/* the answer follows once the engine has accepted it */
			text_printf(trace, "step %s", s->id);
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
				if (s->sensitive && val.type != VAL_NULL)
					sensitive_json(trace);
				else if (s->type == STEP_TEXT && val.type == VAL_STR)
					result_json_string(trace, val.u.s);
				else
					result_json_value(trace, val);
			}
			fputc('\n', trace);
		}
	}
}
