/*
 * print: the take-away summary (summary.h) printed on a CUPS queue the operator named (--print QUEUE),
 * from memory: no file of it is written, and no program is started.  libcups is opened at the first print
 * (dlopen), so a trin that never prints loads nothing of it.  What goes wrong is said in a calm sentence in
 * the person's language, and the walk goes on.
 */
#ifndef TRIN_PRINT_H
#define TRIN_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "engine.h"
#include "model.h"

#define PRINT_QUEUE_MAX 127	/* bytes of a queue's name, as CUPS allows */

/* Whether queue is a name CUPS can have: letters, digits, '-', '_' and '.', no shell character. */
bool print_queue_ok(const char *queue);

/* What the operator prints on: an A4 sheet, or a receipt roll 80 mm wide. */
enum print_paper { PRINT_A4, PRINT_RECEIPT };

/* The paper named ("a4", "receipt") into *paper; false for another name. */
bool print_paper_named(const char *name, enum print_paper *paper);

/*
 * Print the summary of e's walk through w on queue, laid out for paper, through the CUPS server of the environment (CUPS_SERVER
 * or client.conf), giving up after a few seconds without an answer.  msg (of size bytes) says in the
 * person's language that it was printed, or calmly why not: no libcups, no server, no such queue, the
 * printer off or out of paper.  False when it was not printed.
 */
bool print_summary(const char *queue, enum print_paper paper, const struct wizard *w, struct engine *e,
		   time_t when, char *msg, size_t size);

#endif
