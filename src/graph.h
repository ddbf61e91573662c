/*
 * graph: the flow of a wizard as a drawing for its author: Graphviz dot, or a Mermaid flowchart for
 * Markdown.  Steps in wizard order, a transition an edge labelled with its condition, end steps drawn
 * apart, and steps that cannot be reached or cannot reach an end marked by their style and by a word in
 * their label, never by colour alone.  Writes only to the stream it is given.
 */
#ifndef TRIN_GRAPH_H
#define TRIN_GRAPH_H

#include <stdio.h>

#include "model.h"

enum graph_format { GRAPH_DOT, GRAPH_MERMAID };

/* Write the flow of w to out in format f; the output depends only on the wizard. */
void graph_write(FILE *out, const struct wizard *w, enum graph_format f);

#endif
