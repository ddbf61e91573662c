/*
 * kind: the kinds of step as one table (kind.h).  A new kind is a row here, its case in each switch over
 * step types that -Wswitch then names, and its pages in the frontends.
 */
#include "kind.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

#define KIND_WORD_NAME(w) #w,
const char *const kind_words[] = { KIND_WORDS(KIND_WORD_NAME) NULL };
#undef KIND_WORD_NAME

static const struct kind kind_table[STEP_TYPE_COUNT] = {
	[STEP_INFO] = {
		.name = "info",
		.keys = KIND_WORD(id),
		.instruction = N_("Press Enter to go on."),
	},
	[STEP_CHOICE] = {
		.name = "choice",
		.keys = KIND_WORD(choices) | KIND_WORD(required) | KIND_WORD(sensitive) | KIND_WORD(check),
		.answer = TYPE_STR | TYPE_NULL,
		.choices = true,
		.list = true,
		.instruction = N_("Type the number of your choice."),
	},
	[STEP_MULTI] = {
		.name = "multi",
		.keys = KIND_WORD(choices) | KIND_WORD(required) | KIND_WORD(min) | KIND_WORD(max) |
			KIND_WORD(sensitive) | KIND_WORD(check),
		.answer = TYPE_LIST | TYPE_NULL,
		.always_answered = true,
		.choices = true,
		.list = true,
		.instruction = N_("Type the numbers of your choices, such as 1 3."),
	},
	[STEP_YESNO] = {
		.name = "yesno",
		.keys = KIND_WORD(required) | KIND_WORD(sensitive) | KIND_WORD(check),
		.answer = TYPE_BOOL | TYPE_NULL,
		.list = true,
		.instruction = N_("Type the number of your choice."),
	},
	[STEP_TEXT] = {
		.name = "text",
		.keys = KIND_WORD(required) | KIND_WORD(min_length) | KIND_WORD(max_length) |
			KIND_WORD(pattern) | KIND_WORD(message) | KIND_WORD(sensitive) |
			KIND_WORD(check),
		.answer = TYPE_STR | TYPE_NULL,
		.field = true,
		.instruction = N_("Type your answer."),
	},
	[STEP_NUMBER] = {
		.name = "number",
		.keys = KIND_WORD(required) | KIND_WORD(min) | KIND_WORD(max) |
			KIND_WORD(decimals) | KIND_WORD(unit) | KIND_WORD(message) |
			KIND_WORD(sensitive) | KIND_WORD(check),
		.answer = TYPE_NUM | TYPE_NULL,
		.field = true,
		.instruction = N_("Type a number."),
	},
	[STEP_DATE] = {
		.name = "date",
		.keys = KIND_WORD(required) | KIND_WORD(min) | KIND_WORD(max) | KIND_WORD(message) |
			KIND_WORD(sensitive) | KIND_WORD(check),
		.answer = TYPE_STR | TYPE_NULL,
		.field = true,
		.instruction = N_("Type a date as day-month-year."),
	},
	[STEP_REVIEW] = {
		.name = "review",
		.keys = KIND_WORD(id),
		.list = true,
		.instruction = N_("Type a number to change that answer, or press Enter to go on."),
	},
	[STEP_REPEAT] = {
		.name = "repeat",
		.keys = KIND_WORD(steps) | KIND_WORD(min) | KIND_WORD(max) | KIND_WORD(add) | KIND_WORD(item),
		.answer = TYPE_LIST | TYPE_NULL,	/* a list of items, each a list of its steps' answers */
		.always_answered = true,
	},
	[STEP_END] = {
		.name = "end",
		.keys = KIND_WORD(todo),
	},
};

const struct kind *kind_of(enum step_type t)
{
	assert((unsigned)t < STEP_TYPE_COUNT);
	return &kind_table[t];
}

enum step_type kind_by_name(const char *name)
{
	for (int t = 0; t < STEP_TYPE_COUNT; t++)
		if (name[0] == kind_table[t].name[0] && strcmp(name, kind_table[t].name) == 0)
			return (enum step_type)t;
	return (enum step_type)STEP_TYPE_COUNT;
}

const char *const *kind_names(void)
{
	static const char *names[STEP_TYPE_COUNT + 1];	/* NULL-terminated */
	if (!names[0])
		for (int t = 0; t < STEP_TYPE_COUNT; t++)
			names[t] = kind_table[t].name;
	return names;
}

const char *kind_name_list(void)
{
	static char list[256];
	if (!list[0]) {
		size_t n = 0;
		for (int t = 0; t < STEP_TYPE_COUNT; t++)
			n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", t ? ", " : "", kind_table[t].name);
	}
	return list;
}

const char *step_type_name(enum step_type t)
{
	return (unsigned)t < STEP_TYPE_COUNT ? kind_table[t].name : "?";
}

bool step_takes_answer(enum step_type t)
{
	return kind_of(t)->answer != 0;
}

bool kind_is_field(enum step_type t)
{
	return kind_of(t)->field;
}

bool kind_is_list(enum step_type t)
{
	return kind_of(t)->list;
}

bool kind_value_fits(enum step_type t, struct value v)
{
	if (v.type == VAL_NULL)	/* an optional answer left empty */
		return true;
	if (!(kind_of(t)->answer & (1u << v.type)))
		return false;
	switch (v.type) {
	case VAL_STR:
		return v.u.s != NULL;
	case VAL_LIST:
		return v.u.list.n == 0 || v.u.list.items;
	case VAL_NULL:	/* above */
	case VAL_BOOL:
	case VAL_NUM:
		return true;
	}
	return false;
}

const char *kind_instruction(enum step_type t)
{
	const char *what = kind_of(t)->instruction;
	return what ? _(what) : NULL;
}

const char *kind_input_hint(enum step_type t, char sep, char *buf, size_t size)
{
	if (t != STEP_DATE || !size)
		return NULL;
	/* TRANSLATORS: "day", "month" and "year" make the hint under a date field: day-month-year */
	snprintf(buf, size, "%s%c%s%c%s", _("day"), sep, _("month"), sep, _("year"));
	return buf;
}
