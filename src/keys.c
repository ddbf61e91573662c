/*
 * keys: what a key means on the full screen.  See keys.h.
 *
 * One table (keys_bindings) maps keys to page actions, in the footer's order: every footer is made from it
 * (keys_footer), and every key goes through it (keys_action) to an action the screen offers.  So a footer
 * offers only what its keys do there; it names them as page_key_name does (page.c), one copy for the
 * screen and for trin check's measure (page_fit).  Keys beyond the footer: help, languages and back answer
 * in words on a step that lacks them, Esc leaves the menu too, and any key closes a question or help.
 */
#include "keys.h"

#include "util.h"

/* A key, or with last every one from c to last. */
struct keys_range {
	uint32_t c, last;
};

/* Where a row holds: a text field with the focus takes printable keys, Home and End for itself. */
enum keys_where { KEYS_ANYWHERE, KEYS_IN_FIELD, KEYS_NOT_IN_FIELD };

/* A row of the table: the keys that do an action, and where. */
struct keys_binding {
	enum page_action action;
	enum keys_where where;
	struct keys_range keys[5];	/* up to the first empty one */
};

static const struct keys_binding keys_bindings[] = {
	{ PAGE_CHOOSE, KEYS_NOT_IN_FIELD, { { KEYS_UP, 0 }, { KEYS_DOWN, 0 }, { KEYS_HOME, 0 }, { KEYS_END, 0 }, { '1', '9' } } },
	{ PAGE_TICK, KEYS_NOT_IN_FIELD, { { ' ', 0 } } },
	{ PAGE_GO_ON, KEYS_ANYWHERE, { { '\r', 0 }, { '\n', 0 }, { KEYS_ENTER, 0 } } },
	{ PAGE_SAVE, KEYS_ANYWHERE, { { KEYS_F3, 0 }, { KEYS_CTRL('s'), 0 } } },
	{ PAGE_PRINT, KEYS_ANYWHERE, { { KEYS_F5, 0 }, { KEYS_CTRL('p'), 0 } } },
	{ PAGE_BACK, KEYS_ANYWHERE, { { 0x1b, 0 } } },
	{ PAGE_CLOSE, KEYS_ANYWHERE, { { 0x1b, 0 } } },
	{ PAGE_HELP, KEYS_IN_FIELD, { { KEYS_F1, 0 }, { KEYS_CTRL('g'), 0 } } },
	{ PAGE_HELP, KEYS_NOT_IN_FIELD, { { KEYS_F1, 0 }, { KEYS_CTRL('g'), 0 }, { '?', 0 } } },
	{ PAGE_WORDS, KEYS_ANYWHERE, { { '\t', 0 } } },
	{ PAGE_STOP, KEYS_ANYWHERE, { { KEYS_F10, 0 }, { KEYS_CTRL('q'), 0 }, { KEYS_CTRL('c'), 0 } } },
	/* after Stop: on a narrow screen the footer may drop it */
	{ PAGE_LANGUAGE, KEYS_ANYWHERE, { { KEYS_F2, 0 }, { KEYS_CTRL('l'), 0 } } },
	{ PAGE_SPEAK, KEYS_ANYWHERE, { { KEYS_F4, 0 } } },
	{ PAGE_ANY_KEY, KEYS_ANYWHERE, { { 1, KEYS_OTHER } } },
};

static bool keys_holds(const struct keys_binding *b, bool field)
{
	return b->where == KEYS_ANYWHERE || (b->where == KEYS_IN_FIELD) == field;
}

static bool keys_has(const struct keys_binding *b, uint32_t key)
{
	for (size_t i = 0; i < ARRAY_LEN(b->keys) && b->keys[i].c; i++) {
		const struct keys_range *k = &b->keys[i];
		if (k->last ? key >= k->c && key <= k->last : key == k->c)
			return true;
	}
	return false;
}

unsigned keys_action(uint32_t key, unsigned actions, bool field)
{
	for (size_t i = 0; i < ARRAY_LEN(keys_bindings); i++) {
		const struct keys_binding *b = &keys_bindings[i];
		if ((actions & b->action) && keys_holds(b, field) && keys_has(b, key))
			return b->action;
	}
	return 0;
}

size_t keys_footer(const struct page *p, struct page_key keys[PAGE_FOOT_MAX])
{
	unsigned named = 0;
	size_t n = 0;
	for (size_t i = 0; i < ARRAY_LEN(keys_bindings) && n < PAGE_FOOT_MAX; i++) {
		const struct keys_binding *b = &keys_bindings[i];
		const char *label = page_action_label(p, b->action);
		if (!label || (named & b->action) || !keys_holds(b, p->field))
			continue;
		named |= b->action;
		keys[n++] = (struct page_key){ page_key_name(p, b->action), label };
	}
	return n;
}

enum pick_way keys_list_way(uint32_t key, int *num)
{
	static const struct { uint32_t key; enum pick_way way; } list[] = {
		{ KEYS_UP, PICK_UP }, { KEYS_DOWN, PICK_DOWN }, { KEYS_HOME, PICK_FIRST }, { KEYS_END, PICK_LAST },
	};
	*num = key >= '1' && key <= '9' ? (int)(key - '0') : 0;
	if (*num)
		return PICK_NUMBER;
	for (size_t i = 0; i < ARRAY_LEN(list); i++)
		if (list[i].key == key)
			return list[i].way;
	return PICK_NONE;
}

bool keys_edit(struct field *f, uint32_t key, bool *full)
{
	static const struct { uint32_t key; enum field_op op; } edit[] = {
		{ KEYS_LEFT, FIELD_LEFT }, { KEYS_RIGHT, FIELD_RIGHT }, { KEYS_HOME, FIELD_HOME }, { KEYS_END, FIELD_END },
		{ KEYS_BACKSPACE, FIELD_DEL_BACK }, { KEYS_DELETE, FIELD_DEL_FORWARD }, { 0x7f, FIELD_DEL_BACK },
		{ KEYS_CTRL('h'), FIELD_DEL_BACK }, { KEYS_CTRL('a'), FIELD_HOME }, { KEYS_CTRL('e'), FIELD_END },
		{ KEYS_CTRL('d'), FIELD_DEL_FORWARD }, { KEYS_CTRL('u'), FIELD_DEL_TO_START },
	};
	*full = false;
	for (size_t i = 0; i < ARRAY_LEN(edit); i++)
		if (edit[i].key == key) {
			field_do(f, edit[i].op);
			return true;
		}
	if (!field_typable(key))	/* the keys of enum keys_code are not */
		return false;
	*full = !field_insert(f, key);
	return true;
}

bool keys_scroll(uint32_t key, bool arrows, int height, int *scroll)
{
	if (key == KEYS_PAGE_DOWN || key == KEYS_PAGE_UP)
		*scroll += key == KEYS_PAGE_DOWN ? height - 1 : -(height - 1);
	else if (arrows && (key == KEYS_DOWN || key == KEYS_UP))
		*scroll += key == KEYS_DOWN ? 1 : -1;
	else
		return false;
	return true;
}

enum keys_list keys_list(uint32_t key, unsigned action, int *sel, int n)
{
	int num = 0;
	enum pick_way way = action == PAGE_CHOOSE ? keys_list_way(key, &num) : PICK_NONE;
	if (pick_cursor(sel, n, way, num))
		return way == PICK_NUMBER ? KEYS_LIST_NUMBER : KEYS_LIST_MOVED;
	if (way == PICK_NUMBER)
		return KEYS_LIST_NO_ITEM;
	return action == PAGE_GO_ON ? KEYS_LIST_GO_ON : KEYS_LIST_NONE;
}

enum keys_list keys_choose(struct pick *p, const struct step *s, uint32_t key)
{
	int num = 0;
	enum pick_way way = keys_list_way(key, &num);
	if (way == PICK_NUMBER && s->type == STEP_REVIEW)
		return KEYS_LIST_NONE;	/* the review's rows are changed with Enter, not by number */
	if (!pick_cursor(&p->sel, pick_len(p, s), way, num))
		return way == PICK_NUMBER ? KEYS_LIST_NO_ITEM : KEYS_LIST_NONE;
	if (way != PICK_NUMBER)
		return KEYS_LIST_MOVED;
	if (s->type == STEP_MULTI)
		p->ticks[p->sel] = !p->ticks[p->sel];
	return KEYS_LIST_NUMBER;
}
