/*
 * graph: the flow of a wizard as dot or Mermaid.  See graph.h.
 *
 * Every text from the wizard goes out through one escaping function per format, so no title or condition
 * can end a label early or inject a statement.  Mermaid nodes are named by step index (s0, s1, ...), since
 * a step id such as `end` is a word of Mermaid.
 * Depends on the model and on check (for the flow); no other I/O than the stream given.
 */
#include "graph.h"

#include "check.h"
#include "repeat.h"

/* s as the inside of a dot string: quote and backslash escaped, a line break as \n. */
static void graph_dot_escape(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		if (*s == '\n')
			fputs("\\n", out);
		else
			fputc(*s, out);
	}
}

/* s as the inside of a quoted Mermaid label: the characters Mermaid reads as markup written as entities. */
static void graph_mermaid_escape(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '"':
			fputs("#quot;", out);
			break;
		case '#':
			fputs("#35;", out);
			break;
		case '<':
			fputs("#lt;", out);
			break;
		case '>':
			fputs("#gt;", out);
			break;
		case '&':
			fputs("#amp;", out);
			break;
		case '`':
			fputs("#96;", out);
			break;
		case '\n':
			fputs("<br/>", out);
			break;
		default:
			fputc(*s, out);
		}
	}
}

/* The words that mark a step, each on its own line of the label. */
static void graph_marks(FILE *out, const struct wizard *w, const struct check_flow *f, size_t i,
			void (*escape)(FILE *, const char *), const char *br)
{
	if ((int)i == w->start) {
		fputs(br, out);
		escape(out, "(start)");
	}
	if (!f->reachable[i]) {
		fputs(br, out);
		escape(out, "(unreachable)");
	} else if (!f->reaches_end[i]) {
		fputs(br, out);
		escape(out, "(no way to an end)");
	}
}

/* For a repeated group, a line of its label: the steps asked for each item and how many items there may be. */
static void graph_group(FILE *out, const struct step *s, void (*escape)(FILE *, const char *), const char *br)
{
	if (s->type != STEP_REPEAT)
		return;
	fputs(br, out);
	escape(out, "each item:");
	for (size_t j = 0; j < step_more(s)->ninner; j++) {
		fputs(j ? ", " : " ", out);
		escape(out, step_more(s)->inner[j].id);
	}
	fprintf(out, " (%zu to %zu items)", repeat_min(s), repeat_max(s));
}

/* The label of transition k of s: its condition, "otherwise" for a default beside others, or NULL. */
static const struct expr *graph_when(const struct step *s, size_t k, bool *otherwise)
{
	*otherwise = !s->next[k].when && s->nnext > 1;
	return s->next[k].when;
}

static void graph_dot(FILE *out, const struct wizard *w, const struct check_flow *f)
{
	fputs("digraph \"", out);
	graph_dot_escape(out, w->id);
	fputs("\" {\n\tlabel=\"", out);
	graph_dot_escape(out, w->title.msgid ? w->title.msgid : w->id);
	fputs("\";\n\tlabelloc=t;\n\tnode [shape=box];\n", out);
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		fprintf(out, "\t\"%s\" [label=\"%s (%s)", s->id, s->id, step_type_name(s->type));
		if (s->title.msgid) {
			fputs("\\n", out);
			graph_dot_escape(out, s->title.msgid);
		}
		graph_group(out, s, graph_dot_escape, "\\n");
		graph_marks(out, w, f, i, graph_dot_escape, "\\n");
		fputc('"', out);
		if (s->type == STEP_END)
			fputs(", shape=doubleoctagon", out);
		if (!f->reachable[i])
			fputs(", style=dashed, color=gray40, fontcolor=gray40", out);
		else if (!f->reaches_end[i])
			fprintf(out, ", style=\"%sdiagonals\", color=red", (int)i == w->start ? "bold," : "");
		else if ((int)i == w->start)
			fputs(", style=bold", out);
		fputs("];\n", out);
	}
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		for (size_t k = 0; k < s->nnext; k++) {
			bool otherwise;
			const struct expr *when = graph_when(s, k, &otherwise);
			fprintf(out, "\t\"%s\" -> \"%s\"", s->id, w->steps[s->next[k].target].id);
			if (when) {
				fputs(" [label=\"", out);
				graph_dot_escape(out, expr_text(when));
				fputs("\"]", out);
			} else if (otherwise) {
				fputs(" [label=\"otherwise\"]", out);
			}
			fputs(";\n", out);
		}
	}
	fputs("}\n", out);
}

static void graph_mermaid(FILE *out, const struct wizard *w, const struct check_flow *f)
{
	fputs("flowchart TD\n", out);
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		bool end = s->type == STEP_END;
		fprintf(out, "    s%zu%s\"%s (%s)", i, end ? "(((" : "[", s->id, step_type_name(s->type));
		if (s->title.msgid) {
			fputs("<br/>", out);
			graph_mermaid_escape(out, s->title.msgid);
		}
		graph_group(out, s, graph_mermaid_escape, "<br/>");
		graph_marks(out, w, f, i, graph_mermaid_escape, "<br/>");
		fprintf(out, "\"%s\n", end ? ")))" : "]");
	}
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		for (size_t k = 0; k < s->nnext; k++) {
			bool otherwise;
			const struct expr *when = graph_when(s, k, &otherwise);
			fprintf(out, "    s%zu -->", i);
			if (when) {
				fputs("|\"", out);
				graph_mermaid_escape(out, expr_text(when));
				fputs("\"|", out);
			} else if (otherwise) {
				fputs("|\"otherwise\"|", out);
			}
			fprintf(out, " s%d\n", s->next[k].target);
		}
	}
	fputs("    classDef start stroke-width:3px\n"
	      "    classDef unreachable stroke-dasharray:6 4,color:#555555\n"
	      "    classDef deadend stroke-width:4px,stroke-dasharray:2 2,stroke:#cc0000\n", out);
	for (size_t i = 0; i < w->nsteps; i++) {
		if (!f->reachable[i])
			fprintf(out, "    class s%zu unreachable\n", i);
		else if (!f->reaches_end[i])
			fprintf(out, "    class s%zu deadend\n", i);
		else if ((int)i == w->start)
			fprintf(out, "    class s%zu start\n", i);
	}
}

void graph_write(FILE *out, const struct wizard *w, enum graph_format f)
{
	struct check_flow flow;
	check_flow(w, &flow);
	if (f == GRAPH_MERMAID)
		graph_mermaid(out, w, &flow);
	else
		graph_dot(out, w, &flow);
	check_flow_free(&flow);
}
