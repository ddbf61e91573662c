/*
 * limit: the fixed bounds of trin in one place, each with what it bounds.  (Not "limits.h": that name is
 * the C library's.)  The bounds on a wizard file that `trin check` can change are the defaults of struct
 * load_limits (model.h).  trin(5) and the README name these numbers; a change here changes what they say.
 */
#ifndef TRIN_LIMIT_H
#define TRIN_LIMIT_H

#include <limits.h>

/* Bytes of one answer as typed: the full screen's field stops there with a message, line mode refuses a
 * longer line whole. */
#define LIMIT_INPUT 10000

/* Characters a text step's max_length may be, and what it is when the wizard gives none. */
#define LIMIT_TEXT_LENGTH 10000
#define LIMIT_TEXT_DEFAULT_LENGTH 500

/* Bytes of a step id or value name; a buffer for a name, braces and all, needs LIMIT_ID + 3. */
#define LIMIT_ID 64

/* Bytes of a path trin builds (a catalogue folder, its own executable's folder), its NUL included. */
#define LIMIT_PATH PATH_MAX

/* What a value of an expression may hold: bytes of text and list items (EXPR_MAX_TEXT, EXPR_MAX_ITEMS). */
#define LIMIT_EXPR_TEXT 65536
#define LIMIT_EXPR_ITEMS 65536

/* A repeated group (repeat.h): the items a person may give (its 'max' may be no more), and the steps asked
 * once per item; so a group keeps at most their product of answers. */
#define LIMIT_REPEAT_ITEMS 100
#define LIMIT_REPEAT_STEPS 20

/* A limit as a string literal, for messages: LIMIT_STRING(LIMIT_EXPR_TEXT) is "65536". */
#define LIMIT_STRING(n) LIMIT_STRING_(n)
#define LIMIT_STRING_(n) #n

#endif
