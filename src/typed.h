/*
 * typed: what a person types a line at a time, for a frontend that reads whole lines (line mode).  A line
 * is read with its bound and wiped once taken; it is then a command (one table of the words that give
 * each, from which the sentences naming them are made too, so they cannot name a word that does nothing)
 * or the answer to a step, which is read into an answer_input for the engine.  And the sentence that says
 * what to type on a page.  No terminal, no printing: the frontend says what it is told.
 *
 * Words are taken in English or in the language shown, in any case of ASCII letters.
 */
#ifndef TRIN_TYPED_H
#define TRIN_TYPED_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"
#include "limit.h"
#include "model.h"
#include "page.h"

enum typed_read {
	TYPED_READ_OK,		/* a line, in line */
	TYPED_READ_EOF,		/* the input ended before a line began */
	TYPED_READ_LONG,	/* more than LIMIT_INPUT bytes: read to its end and refused */
	TYPED_READ_BAD,		/* a NUL or bytes that are not UTF-8; line holds it as read */
};

/* A reader of lines from a file descriptor.  Zero it but fd; typed_reader_wipe it when done. */
struct typed_reader {
	int fd;
	char line[LIMIT_INPUT + 2];	/* the line read, without its end ("\n" or "\r\n") */
	char ahead[4096];	/* read(2) reads here, not into stdio's buffer, so that what is typed is wiped */
	size_t pos, len;
};

/* Read the next line into r->line, the one before wiped; each byte is wiped where it was read ahead. */
enum typed_read typed_read(struct typed_reader *r);
/* Wipe r's line and what was read ahead and not taken. */
void typed_reader_wipe(struct typed_reader *r);
/* s without spaces and tabs at its ends, in place. */
char *typed_trim(char *s);

/* The command line t is (PAGE_BACK, PAGE_HELP, PAGE_STOP, PAGE_SAVE or PAGE_PRINT), or 0 when it is none. */
unsigned typed_command(const char *t);
/* What to type for command a, as the sentences name it: "?" for help, the word in the language shown. */
const char *typed_command_name(enum page_action a);
/* Whether t is yes (1: "1" or the word yes) or no (0: "2" or no), or neither (-1). */
int typed_yes_no(const char *t);
/* A number from 1 to max as typed, digits only, or 0 when s is not one. */
int typed_number(const char *s, int max);

/* An answer read from a line: in for engine_submit, and what it borrows.  typed_answer_free it. */
struct typed_answer {
	struct answer_input in;
	const char **items;	/* a multi's choices: room for all */
	char *kept;		/* the remembered answer as text, when an empty line keeps it */
};

/*
 * Read t, typed on step v of e (one that takes an answer), into a: a choice by its number, several by
 * numbers apart (", ; " or spaces), yes or no by number or word, any other kind the line as typed; an
 * empty line keeps the remembered answer.  t may be changed.  False when a number names no option; a
 * is to be freed either way.  Whether the engine takes the answer is engine_submit's to say.
 */
bool typed_answer(struct engine *e, const struct engine_view *v, char *t, struct typed_answer *a);
/* Free what a holds, the kept answer wiped. */
void typed_answer_free(struct typed_answer *a);
/*
 * The step whose answer the review row t names (its number in page_review_steps' list) into *step, or -1
 * for an empty line (go on).  False when t names no row.
 */
bool typed_review_row(const struct wizard *w, struct engine *e, const char *t, int *step);
/* As typed_review_row, the row whole (page_review_rows): its step is -1 for an empty line. */
bool typed_review_pick(const struct wizard *w, struct engine *e, const char *t, struct page_row *row);

/*
 * The remembered answer an empty line keeps on step v, as the review shows it; NULL when there is none.
 * Valid until e is next called.
 */
const char *typed_kept(const struct wizard *w, struct engine *e, const struct engine_view *v);
/*
 * What to type on page p (page_build's or page_menu's, its glossary terms found), into buf of size bytes:
 * on a step v of e, what an answer is and whether Enter leaves it out (unless typed_kept has an answer for
 * Enter to keep), or at an end saving and finishing, then the commands p offers; on the question whether
 * to stop, the word that stops; on a menu of guides, a number or the word that leaves.  Empty for any other
 * page.  Returns buf.
 */
const char *typed_instructions(const struct page *p, struct engine *e, const struct engine_view *v, char *buf,
			       size_t size);
/* What to say of a line refused as r is (too long, not readable); NULL for a line read or the end. */
const char *typed_refusal(enum typed_read r);

#endif
