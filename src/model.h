/*
 * model: a wizard as data, as the loader made it.  Immutable after load; everything lives in one arena
 * owned by the wizard and is freed at once by wizard_free().
 *
 * Indices, not pointers, link steps (transition targets, the start step), so the model can be walked
 * without following pointers across it.  Texts are msgids: the wizard's own language, untranslated.
 */
#ifndef TRIN_MODEL_H
#define TRIN_MODEL_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "expr.h"
#include "util.h"
#include "version.h"

/* The kinds of step; each is a row of the table in kind.c.  A new kind goes before STEP_END, which stays last. */
enum step_type {
	STEP_INFO,
	STEP_CHOICE,
	STEP_MULTI,
	STEP_YESNO,
	STEP_TEXT,
	STEP_NUMBER,
	STEP_DATE,
	STEP_REVIEW,
	STEP_REPEAT,
	STEP_END,
};
/* The number of kinds; out of the enum, so that a switch over kinds needs no case for it. */
#define STEP_TYPE_COUNT (STEP_END + 1)

/* The kinds as a table, and what each is, are in kind.h.  The name of a step type as written ("choice"). */
const char *step_type_name(enum step_type t);
/* Whether a step of type t takes an answer (not info, review or end). */
bool step_takes_answer(enum step_type t);

/* What few texts have (1.1), out of line so that a text without it is small. */
struct text_rule {
	struct expr *when;	/* shown only when this holds (see content.h); NULL: always */
	const char *plural;	/* the text for a count other than one ('other'; msgid is 'one'), or NULL */
	struct expr *count;	/* with plural, the number that picks the form */
};

/* A translatable text; msgid is NULL when the key was absent.  It may contain {name}. */
struct text {
	const char *msgid;
	struct loc loc;
	bool exact;	/* msgid is the file's text at loc, so a byte offset maps to a column */
	struct text_rule *rule;	/* NULL: shown always, no plural */
};

/* The parts of a text's rule, NULL when it has none. */
static inline struct expr *text_when(const struct text *t)
{
	return t->rule ? t->rule->when : NULL;
}

static inline const char *text_plural(const struct text *t)
{
	return t->rule ? t->rule->plural : NULL;
}

static inline struct expr *text_count(const struct text *t)
{
	return t->rule ? t->rule->count : NULL;
}

struct choice {
	const char *value;	/* what expressions see */
	struct text label;	/* what the person sees */
	struct loc loc;
	struct expr *when;	/* 1.1: offered only when this holds (see content.h); NULL: always */
};

struct transition {
	struct expr *when;	/* NULL: always (the default) */
	int target;		/* step index */
	struct loc loc;
};

/* A limit of a number or date step written as an expression (1.1), and where. */
struct step_bound {
	struct expr *expr;
	struct loc loc;
};

/* A check across answers (1.1): the answer is refused with message unless valid is true. */
struct step_check {
	struct expr *valid;	/* reads the answer being given under the step's own id */
	struct text message;	/* the author's words, shown beside the field */
	struct loc loc;		/* of valid */
};

/*
 * What few steps have, out of line so that a step without it is small: a step without any has none
 * (more is NULL), and step_more() gives it a shared empty one to read.
 */
struct step_more {
	struct text guide;
	struct text message;	/* the author's words when the input does not match (text, number, date) */
	struct text unit;	/* number: "kr." */
	struct text *todo;	/* end: next steps as a checklist */
	size_t ntodo;
	const char *min_date, *max_date;	/* date: "YYYY-MM-DD" */
	const char *pattern;	/* text: POSIX extended regex, matched against the whole answer */
	regex_t *regex;		/* compiled pattern, or NULL */
	/* number, date (1.1): a limit worked out from the answers when the answer is given, instead of
	 * min/max (number) or min_date/max_date (date); expr is NULL when absent; a null result is no limit */
	struct step_bound min_expr, max_expr;
	struct step_check *checks;	/* tried in order once the answer is valid; empty answers skip them */
	size_t nchecks;

	/* repeat (repeat.h): the questions asked once per item, in order, with ids of their own; the yes/no
	 * asked after an item while fewer than max; how an item is shown.  min and max count items. */
	struct step *inner;
	size_t ninner;
	struct step *add;
	struct text item;
};

/* Laid out without holes, counts in 32 bits (each is far below): a big wizard has a step every 300 bytes. */
struct step {
	const char *id;
	struct loc loc;
	struct text title, text, help;

	struct choice *choices;	/* choice, multi */
	struct transition *next;	/* tried in order; the last has when == NULL unless it is an end */
	/* text and help written as lists of paragraphs (1.1), else none; content_text_of() gives either kind. */
	struct text *texts, *helps;
	int64_t min, max;	/* number: scaled by EXPR_SCALE; multi: counts of choices */
	struct step_more *more;	/* NULL: none of it (step_more gives an empty one) */
	uint32_t nchoices, nnext, ntexts, nhelps;
	uint32_t min_length, max_length;	/* text: in characters; max_length is never 0 after load */
	enum step_type type;
	int decimals;		/* number: decimals allowed in the answer, 0..4 */
	bool required;		/* false: an empty answer is allowed and is null (multi: an empty list) */
	bool sensitive;		/* never written anywhere, shown masked (sensitive.h) */
	bool has_min, has_max;
};

/* The empty rarer parts of a step that has none of them. */
extern const struct step_more step_more_none;

/* The rarer parts of step s, to be written: made in arena a when it has none yet (for the loader). */
struct step_more *step_more_make(struct step *s, struct arena *a);

/* The rarer parts of step s: its own, or the empty ones. */
static inline const struct step_more *step_more(const struct step *s)
{
	return s->more ? s->more : &step_more_none;
}

/* The index of the choice of s whose value is value, or -1. */
int step_choice_index(const struct step *s, const char *value);

struct glossary_entry {
	const char *term;
	struct text text;
	struct loc loc;
};

/* A derived value: `name: expression`. */
struct derived {
	const char *name;
	struct expr *expr;
	expr_type type;
	struct loc loc;
	bool sensitive;		/* it reads a sensitive answer, directly or through another value (sensitive.h) */
};

struct scenario_answer;

/* One answer in a scenario or an answers file: a string as typed, a list (multi), or a list of items
 * (repeat), each a map from the group's own step ids to answers. */
struct answer_input {
	bool is_list;
	const char *text;	/* !is_list; NULL for an explicit null (not answered) */
	const char **items;	/* is_list */
	size_t nitems;
	struct loc loc;
	struct repeat_input *rows;	/* a repeated group's items; NULL for any other answer */
	size_t nrows;
};

/* One item of a repeated group's answer: its answers, by the group's own step ids. */
struct repeat_input {
	struct scenario_answer *answers;
	size_t nanswers;
	struct loc loc;
};

struct scenario_answer {
	const char *step_id;
	int step;		/* index, or -1 when unknown */
	struct answer_input input;
	struct loc loc;		/* of the step id */
	/* (1.1) The answer must be refused there ('refused:'), with this message when it is not NULL. */
	bool refused;
	const char *refusal;
};

/* What a scenario expects at the end of its walk: a step's answer in the result, or a derived value. */
struct scenario_expect {
	const char *name;	/* step id or value name, as written */
	int index;		/* step index (result) or value index (values); -1 when unknown */
	struct value value;	/* null: the step is not in the result, or the value is null */
	struct loc loc;		/* of the expected value */
};

struct scenario {
	const char *name;
	struct loc loc;
	struct scenario_answer *answers;
	size_t nanswers;
	int end;		/* step index of the expected end step */
	struct loc end_loc;
	struct scenario_expect *result;	/* answers as they count in the result, in the order written */
	size_t nresult;
	struct scenario_expect *values;	/* derived values, in the order written */
	size_t nvalues;
	int *path;		/* the steps visited, start to end, as step indices; NULL when not given */
	size_t npath;
	bool in_order;		/* (1.1) answers is a list, one entry a visit, taken in order */
	const char *today;	/* (1.1) "YYYY-MM-DD" the walk takes as today, or NULL */
	struct loc today_loc;
};

struct wizard {
	const char *file;
	const char *id;
	struct text title;
	struct text description;
	const char *language;	/* the language the texts are written in, "da" */
	const char *domain;	/* gettext domain of the texts */
	int minor;		/* the format version's minor number: 'trin: 1' is 0, 'trin: 1.1' is 1 */
	int start;
	bool flow_errors;	/* analysis only: the flow itself has errors (see wizard_load_analysis) */
	char version[VERSION_DIGITS + 1];	/* of the file's bytes (version.h); "" from memory or for analysis */

	struct step *steps;
	size_t nsteps;
	struct glossary_entry *glossary;
	size_t nglossary;
	struct derived *values;
	size_t nvalues;
	struct scenario *tests;
	size_t ntests;

	struct strmap names;	/* step id -> index; derived name -> nsteps + index */
	regex_t **patterns;	/* every distinct compiled pattern, once; steps point into it */
	size_t npatterns;
	struct arena arena;
};

/* Limits on the input; the defaults are those the README and trin(5) name. */
struct load_limits {
	size_t max_file;	/* bytes */
	size_t max_scalar;	/* bytes */
	size_t max_depth;	/* nesting of mappings and sequences */
	size_t max_events;	/* YAML events */
};
extern const struct load_limits load_default_limits;

/*
 * Load the wizard in path.  Every problem is appended to d; returns NULL if there was any error.
 * The wizard is owned by the caller (wizard_free).  limits may be NULL for the defaults.
 */
struct wizard *wizard_load(const char *path, const struct load_limits *limits, struct diags *d);
/* As wizard_load, from memory; name is used in locations and must outlive the wizard. */
struct wizard *wizard_load_buffer(const char *name, const char *buf, size_t len,
				  const struct load_limits *limits, struct diags *d);
/*
 * As wizard_load, for analysis only (`trin check`): when every error was found after the flow was read
 * whole (in expressions, in {name}s of texts, in scenarios' ends and expectations), the wizard is returned
 * all the same (its errors are in d), so that the whole flow can still be checked; it must not be walked.
 * Expressions with errors are left unbound: the walkers of expr.h see nothing in them, and expr_eval
 * refuses them.  A wizard whose flow itself has errors (an unknown step in a 'goto', a last step without
 * 'next', an unknown 'start') is returned too, with flow_errors set, when it has steps: a way to an
 * unknown step then leads back to its own step and an unknown start is the first step, so that the model
 * stays whole for the checks that need no paths.
 */
struct wizard *wizard_load_analysis(const char *path, const struct load_limits *limits, struct diags *d);
struct wizard *wizard_load_buffer_analysis(const char *name, const char *buf, size_t len,
					   const struct load_limits *limits, struct diags *d);
void wizard_free(struct wizard *w);

/* The step index for an id, or -1. */
int wizard_step_index(const struct wizard *w, const char *id);
/* A step id or value name close to name, for "did you mean", or NULL. */
const char *wizard_suggest(const struct wizard *w, const char *name);

/*
 * A scenario from a file of its own: a mapping of name, answers and end (and optionally result, values and
 * path), as `trin --record` writes it and a wizard's tests hold it; or answers alone, as for answers_load
 * (or, format 1.1, a list of answers in order: the scenario is then in_order).
 * With need_end the file must be a scenario with an end: answers alone are an error.
 * Entries live in arena a; returns false on any error.
 */
bool scenario_load(const struct wizard *w, const char *path, struct arena *a, struct scenario *out, bool need_end,
		   struct diags *d);
/* As scenario_load, from memory; name is used in locations and must outlive the scenario. */
bool scenario_load_buffer(const struct wizard *w, const char *name, const char *buf, size_t len, struct arena *a,
			  struct scenario *out, bool need_end, struct diags *d);
/*
 * Answers from a file (YAML or JSON): a map from step id to a string, number, boolean or list, or a
 * scenario (see scenario_load) whose answers are taken.  Answers in order (1.1) are taken as if by step:
 * script_walk needs the scenario itself (scenario_load) to give them in order.
 * Entries live in arena a.  Unknown step ids are errors.  Returns false on any error.
 */
bool answers_load(const struct wizard *w, const char *path, struct arena *a,
		  struct scenario_answer **out, size_t *n, struct diags *d);

#endif
