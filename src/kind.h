/*
 * kind: the kinds of step (enum step_type) as one table, indexed by the kind: the name a wizard writes,
 * the keys a step of the kind may have, the type of its answer, whether it shows a field or a list, and
 * the words that tell a person what to type.  Every module asks here instead of listing kinds itself; a
 * switch over step types has no default, so -Wswitch names each place a new kind must be handled.
 *
 * Part of the model: depends on nothing but model.h and expr.h.
 */
#ifndef TRIN_KIND_H
#define TRIN_KIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "expr.h"
#include "model.h"

/*
 * The words of the format: every key a wizard file may write.  The reader knows a key by its word from the
 * moment it is read (ynode.word is 1 + its place in kind_words, which is enum kind_word), so that finding a
 * key or checking it against those allowed compares numbers; a set of keys is a mask of KIND_WORD bits.
 */
#define KIND_WORDS(X)                                                                                       \
	X(trin) X(id) X(title) X(description) X(language) X(domain) X(start) X(glossary) X(values) X(steps) \
	X(tests) X(type) X(text) X(help) X(guide) X(next) X(value) X(label) X(when) X(goto) X(one)          \
	X(other) X(count) X(valid) X(message) X(name) X(answers) X(end) X(result) X(path) X(today)         \
	X(choices) X(required) X(sensitive) X(check) X(min) X(max) X(min_length) X(max_length) X(pattern)  \
	X(decimals) X(unit) X(add) X(item) X(todo)

#define KIND_WORD_ENUM(w) KW_##w,
enum kind_word { KW_NONE, KIND_WORDS(KIND_WORD_ENUM) KW_COUNT };
#undef KIND_WORD_ENUM

/* The words' spellings, [w - 1] for word w, NULL-terminated. */
extern const char *const kind_words[];

typedef uint64_t kind_word_set;
#define KIND_WORD(w) ((kind_word_set)1 << KW_##w)
_Static_assert(KW_COUNT <= 64, "a set of words is 64 bits");

/* Whether word w (a ynode's word, 0 for none) is in set. */
static inline bool kind_word_in(kind_word_set set, unsigned w)
{
	return w && (set >> w & 1);
}

struct kind {
	const char *name;		/* as written in a wizard: "choice" */
	kind_word_set keys;		/* the keys it adds to those of every step */
	expr_type answer;		/* its answer as expressions see it (TYPE_NULL in it); 0: it takes none */
	bool always_answered;		/* passed, it has an answer even when not required: multi (an empty list) */
	bool choices;			/* it offers the author's choices; an answers file may give it a list */
	bool field;			/* it shows a field to type in */
	bool list;			/* it shows a list to choose from */
	const char *instruction;	/* line mode: what to type, untranslated (N_), or NULL */
};

/* The row of kind t; t must be a kind (below STEP_TYPE_COUNT). */
const struct kind *kind_of(enum step_type t);

/* The kind named name ("choice"), or STEP_TYPE_COUNT when there is none. */
enum step_type kind_by_name(const char *name);

/* The names of every kind in the table's order, NULL-terminated: for "did you mean". */
const char *const *kind_names(void);

/* The names of every kind as a list to show in a message, "info, choice, ..., end" (static). */
const char *kind_name_list(void);

/* Whether a step of kind t shows a field to type in (text, number, date). */
bool kind_is_field(enum step_type t);

/* Whether a step of kind t shows a list to choose from (choice, multi, yesno, review). */
bool kind_is_list(enum step_type t);

/* Whether v (a null, or a value as the engine keeps it) has the shape of an answer of kind t. */
bool kind_value_fits(enum step_type t, struct value v);

/*
 * Line mode's words for what to type on a step of kind t, translated; NULL for a kind with none (end).
 * The caller still adds a number step's unit ("Type a number (%s).").
 */
const char *kind_instruction(enum step_type t);

/*
 * The hint under a field of kind t, translated, into buf of size bytes: for a date "day-month-year" with
 * the language's separator sep.  Returns buf, or NULL when kind t has no hint.
 */
const char *kind_input_hint(enum step_type t, char sep, char *buf, size_t size);

#endif
