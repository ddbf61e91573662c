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

/*
 * The answer a for the step of view v in a repeated group: of its item's map, or for the add question yes
 * while the answer has more items ("true"/"false" in *yes_no).  NULL when the answer gives none.
 */
static const struct answer_input *script_item(const struct engine_view *v, const struct scenario_answer *a,
					      struct answer_input *yes_no)
{
	const struct step *g = v->group;
	size_t k = v->item - 1;
	if (v->step == step_more(g)->add) {
		*yes_no = (struct answer_input){ .text = a && a->input.nrows > k + 1 ? "true" : "false" };
		return yes_no;
	}
	if (!a || k >= a->input.nrows)
		return NULL;
	int j = (int)(v->step - step_more(g)->inner);
	const struct repeat_input *r = &a->input.rows[k];
	for (size_t i = 0; i < r->nanswers; i++)
		if (r->answers[i].step == j)
			return &r->answers[i].input;
	return NULL;
}

/* Print " = " and answer val of step s as the trace shows answers: a sensitive one as the JSON result does. */
static void script_trace_value(FILE *trace, const struct step *s, struct value val)
{
	fputs(" = ", trace);
	if (s->sensitive && val.type != VAL_NULL)
		sensitive_json(trace);
	else if (s->type == STEP_TEXT && val.type == VAL_STR)
		result_json_string(trace, val.u.s);
	else
		result_json_value(trace, val);
}

/* Print the answer just given at step s of view v in a group, as the trace shows answers. */
static void script_trace_item(FILE *trace, struct engine *e, const struct engine_view *v, const struct step *s,
			      const struct answer_input *in)
{
	if (s == step_more(v->group)->add) {
		fputs(" = ", trace);
		fputs(in && in->text && strcmp(in->text, "true") == 0 ? "true" : "false", trace);
		return;
	}
	script_trace_value(trace, s, engine_item(e, v->index, v->item - 1, (size_t)(s - step_more(v->group)->inner)));
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
	for (size_t i = 0; i < step_more(s)->ntodo; i++)
		if (content_shown(e, &step_more(s)->todo[i], false))
			script_indent(out, "  - ", engine_show_text(e, &step_more(s)->todo[i], NULL));
}

void script_today(struct engine *e, const struct scenario *sc, const char *today)
{
	if (today || sc->today)
		engine_set_today(e, today ? today : sc->today);
}

/* The answer for the step at v.index: the next in order, or the one for that step. */
static const struct scenario_answer *script_answer(const struct scenario *sc, size_t next, int step)
{
	if (!sc->in_order)
		return script_find(sc->answers, sc->nanswers, step);
	return next < sc->nanswers && sc->answers[next].step == step ? &sc->answers[next] : NULL;
}

/* Say where and why the walk stops; false, for the walk to return. */
static bool script_stop(struct script_stop *stop, const char *why, int where, const struct scenario_answer *at)
{
	stop->why = why;
	stop->where = where;
	stop->at = at;
	return false;
}

/*
 * Give an answer that must be refused: true when it is, with the message expected if one is.  The message is
 * in the wizard's language, as its author writes it, whatever language trin speaks.
 */
static bool script_refused(const struct wizard *w, struct engine *e, const struct scenario_answer *a, FILE *trace,
			   struct script_stop *stop)
{
	int where = a->step;
	char *saved = i18n_push(w->language);
	bool taken = engine_submit(e, &a->input);
	struct engine_view v;
	engine_view(e, &v);
	const char *message = v.message ? v.message : "";
	bool same = !a->refusal || strcmp(message, a->refusal) == 0;
	i18n_pop(saved);	/* trin's own words in the language chosen, the refusal's as given */
	if (!taken && !same)
		snprintf(stop->buf, sizeof stop->buf, _("refused with \"%s\", expected \"%s\""), message, a->refusal);
	if (taken)
		return script_stop(stop, _("the answer was taken, and the test expects it refused"), where, a);
	if (!same)
		return script_stop(stop, stop->buf, where, a);
	if (trace)
		text_printf(trace, "step %s refused: %s\n", w->steps[where].id, message);
	return true;
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

bool script_walk(const struct wizard *w, struct engine *e, const struct scenario *sc, FILE *trace,
		 struct script_stop *stop)
{
	struct engine_view v;
	size_t next = 0;	/* in order: the answer to give next */
	engine_file_answers(e);
	for (;;) {
		engine_view(e, &v);
		const struct step *s = v.step;
		const struct scenario_answer *ahead = sc->in_order && next < sc->nanswers ? &sc->answers[next] : NULL;
		if (engine_done(e)) {
			if (trace)
				script_trace_end(trace, e, s);
			if (ahead)
				return script_stop(stop, _("the walk ended before this answer was given"), v.index, ahead);
			return true;
		}
		bool needs = step_takes_answer(s->type);
		const struct scenario_answer *a = needs ? script_answer(sc, next, v.index) : NULL;
		const struct answer_input *in = a ? &a->input : NULL;
		struct answer_input yes_no;
		if (v.group)	/* the group's answer holds its items */
			in = script_item(&v, a, &yes_no);
		if (needs && !in && s->required) {
			if (ahead)
				snprintf(stop->buf, sizeof stop->buf, _("no answer given (the next is for '%s')"),
					 ahead->step_id);
			return script_stop(stop, script_why_item(&v, ahead ? stop->buf : _("no answer given")), v.index,
					   a ? a : ahead);	/* a group's answer without this item's */
		}
		if (a && sc->in_order && !v.group)
			next++;
		if (a && a->refused && !v.group) {
			if (!script_refused(w, e, a, trace, stop))
				return false;
			continue;
		}
		if (trace && v.group)	/* the answer follows once the engine has accepted it */
			text_printf(trace, "step %s[%zu].%s", v.group->id, v.item, s->id);
		else if (trace)
			text_printf(trace, "step %s", s->id);
		struct engine_view was = v;
		if (!engine_submit(e, needs ? in : NULL)) {
			if (trace)
				fputc('\n', trace);
			engine_view(e, &v);
			return script_stop(stop, script_why_item(&v, v.message ? v.message :
								   _("the wizard does not go on from here")), v.index, a);
		}
		if (trace && was.group && needs)
			script_trace_item(trace, e, &was, s, in);
		else if (trace && needs)
			script_trace_value(trace, s, engine_answer(e, (int)(s - w->steps)));
		if (trace)
			fputc('\n', trace);
		engine_view(e, &v);
		if (was.group && a && sc->in_order && (!v.group || v.index != was.index))
			next++;	/* in order, a group's answer is used up once the walk leaves the group */
	}
}
