/*
 * keys: what a key means on the full screen, whatever library reads it.  A key has a name of its own here
 * (a character, or one of enum keys_code above them all); one table maps keys to page actions (page.h) and
 * gives the footer its order, so a footer names only keys that do what it says; and the keys that edit a
 * text field (field.h), move a list's cursor (pick.h) and scroll the body.  No terminal, no curses.
 */
#ifndef TRIN_KEYS_H
#define TRIN_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "field.h"
#include "page.h"
#include "pick.h"

/* The keys that are not characters: above every code point, so a key is one number. */
enum keys_code {
	KEYS_UP = 0x110000,
	KEYS_DOWN,
	KEYS_LEFT,
	KEYS_RIGHT,
	KEYS_HOME,
	KEYS_END,
	KEYS_PAGE_UP,
	KEYS_PAGE_DOWN,
	KEYS_BACKSPACE,
	KEYS_DELETE,
	KEYS_ENTER,		/* the keypad's; Return is '\r' */
	KEYS_F1,
	KEYS_F2,
	KEYS_F3,
	KEYS_F4,
	KEYS_F5,
	KEYS_F10,
	KEYS_RESIZE,		/* not a key: the window changed size */
	KEYS_OTHER,		/* any other function key */
};

#define KEYS_CTRL(c) ((uint32_t)(c) & 0x1f)

/*
 * What key does on a screen that offers actions (page_action bits), a text field focused or not: the
 * action of the first row of the table that the screen offers, that holds there and has the key; 0: none.
 */
unsigned keys_action(uint32_t key, unsigned actions, bool field);
/*
 * The footer of p, into keys: the actions it offers in the order of the table, each once, named as
 * page_key_name names it, with its words (page_action_label).  How many.
 */
size_t keys_footer(const struct page *p, struct page_key keys[PAGE_FOOT_MAX]);
/* The way key moves a list's cursor: the arrows, Home, End, or a number 1 to 9 (*num). */
enum pick_way keys_list_way(uint32_t key, int *num);
/*
 * Key in a text field f: an editing key done, or a character typed in; false when it is neither.  *full
 * is set when a character did not fit (field_insert).
 */
bool keys_edit(struct field *f, uint32_t key, bool *full);
/*
 * PgUp, PgDn and, with arrows, the arrows move *scroll over a body height lines high; false for other
 * keys.
 */
bool keys_scroll(uint32_t key, bool arrows, int height, int *scroll);

/* What a key did to a list of n items with the cursor at *sel (keys_list). */
enum keys_list {
	KEYS_LIST_NONE,		/* nothing: not a key of the list */
	KEYS_LIST_MOVED,	/* the cursor moved by an arrow, Home or End */
	KEYS_LIST_NUMBER,	/* the cursor moved to the item of a number */
	KEYS_LIST_NO_ITEM,	/* a number with no item */
	KEYS_LIST_GO_ON,	/* Enter: the item at the cursor */
};
/* Key, doing action (keys_action), on a list: PAGE_CHOOSE moves the cursor (keys_list_way), PAGE_GO_ON takes it. */
enum keys_list keys_list(uint32_t key, unsigned action, int *sel, int n);
/*
 * PAGE_CHOOSE by key on step s's list: the arrows, Home, End, or an item's number, which on a multi ticks
 * it too (not on a review, whose rows are changed with Enter).
 */
enum keys_list keys_choose(struct pick *p, const struct step *s, uint32_t key);

#endif
