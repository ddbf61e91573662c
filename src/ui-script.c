/*
 * ui-script: the scripted frontend.  See ui-script.h.  Prints only to the trace stream it is given.
 */
#include "ui-script.h"

#include <string.h>

#include "i18n.h"
#include "result.h"
#include "text.h"

static const struct scenario_answer *script_find(const struct scenario_answer *a, size_t n, int step)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].step == step)
			return &a[i];
	return NULL;
}

/*
 * The answer a for the step of view v in a repeated group: of its item's map, or for the add question yes
 * while the answer has more items ("true"/"false" in *yes_no).  NULL when the answer gives none.
 */
static const struct answer_input *script_item(const struct engine_view *v, const struct scenario_answer *a,
					      struct answer_input *yes_no)
{
	const struct step *g = v->group;
	size_t k = v->item - 1;
	if (v->step == g->add) {
		*yes_no = (struct answer_input){ .text = a && a->input.nrows > k + 1 ? "true" : "false" };
		return yes_no;
	}
	if (!a || k >= a->input.nrows)
		return NULL;
	int j = (int)(v->step - g->inner);
	const struct repeat_input *r = &a->input.rows[k];
	for (size_t i = 0; i < r->nanswers; i++)
		if (r->answers[i].step == j)
			return &r->answers[i].input;
	return NULL;
}

/* Print the answer just given at step s of view v in a group, as the trace shows answers. */
static void script_trace_item(FILE *trace, struct engine *e, const struct engine_view *v, const struct step *s,
			      const struct answer_input *in)
{
	fputs(" = ", trace);
	if (s == v->group->add) {
		fputs(in && in->text && strcmp(in->text, "true") == 0 ? "true" : "false", trace);
		return;
	}
	struct value val = engine_item(e, v->index, v->item - 1, (size_t)(s - v->group->inner));
	if (s->type == STEP_TEXT && val.type == VAL_STR)
		result_json_string(trace, val.u.s);
	else
		result_json_value(trace, val);
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

/* The end reached: its title, text and next steps, with the answers filled in. */
static void script_trace_end(FILE *out, struct engine *e, const struct step *s)
{
	text_printf(out, "end %s: %s\n", s->id, engine_format(e, s->title.msgid, NULL, NULL));
	if (s->text.msgid)
		script_indent(out, "  ", engine_format(e, s->text.msgid, NULL, NULL));
	for (size_t i = 0; i < s->ntodo; i++)
		script_indent(out, "  - ", engine_format(e, s->todo[i].msgid, NULL, NULL));
}

/* Why a walk stopped inside a repeated group, with the item and the group's step: into a static buffer. */
static const char *script_why_item(const struct engine_view *v, const char *why)
{
	static char buf[512];
	if (!v->group)
		return why;
	/* TRANSLATORS: why a scripted walk stopped, then where in a repeated group: "no answer given (item 2, 'navn')" */
	snprintf(buf, sizeof buf, _("%s (item %zu, '%s')"), why, v->item, v->step->id);
	return buf;
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
		const struct answer_input *in = a ? &a->input : NULL;
		struct answer_input yes_no;
		if (v.group)
			in = script_item(&v, a, &yes_no);
		bool needs = step_takes_answer(s->type);
		if (needs && !in && s->required) {
			*why = script_why_item(&v, _("no answer given"));
			*where = v.index;
			return false;
		}
		if (trace && v.group)	/* the answer follows once the engine has accepted it */
			text_printf(trace, "step %s[%zu].%s", v.group->id, v.item, s->id);
		else if (trace)
			text_printf(trace, "step %s", s->id);
		if (!engine_submit(e, needs ? in : NULL)) {
			if (trace)
				fputc('\n', trace);
			engine_view(e, &v);
			*why = script_why_item(&v, v.message ? v.message : _("the wizard does not go on from here"));
			*where = v.index;
			return false;
		}
		if (trace && v.group) {
			if (needs)
				script_trace_item(trace, e, &v, s, in);
			fputc('\n', trace);
		} else if (trace) {
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
