/*
 * load: a wizard file to the model (model.h), reporting every problem at its line and column.
 *
 * Two passes over the YAML tree (ytree.h).  The first reads every key into the model, parsing
 * expressions and remembering the names it cannot resolve yet; the second, once all step ids and value
 * names are known, resolves goto targets, binds and type-checks expressions, and checks {name} in texts.
 * Diagnostics are collected, never fatal, so an author sees every problem at once.
 *
 * Must not depend on the engine, the checker or any frontend.
 */
#include "model.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "bidi.h"
#include "content.h"
#include "i18n.h"
#include "kind.h"
#include "limit.h"
#include "pattern.h"
#include "repeat.h"
#include "scenario.h"
#include "sensitive.h"
#include "template.h"
#include "text.h"
#include "ytree.h"

const struct step_more step_more_none;

struct step_more *step_more_make(struct step *s, struct arena *a)
{
	if (!s->more)
		s->more = arena_alloc(a, sizeof *s->more);
	return s->more;
}

int step_choice_index(const struct step *s, const char *value)
{
	for (size_t i = 0; i < s->nchoices; i++)
		if (strcmp(s->choices[i].value, value) == 0)
			return (int)i;
	return -1;
}

static const kind_word_set load_wizard_keys = KIND_WORD(trin) | KIND_WORD(id) | KIND_WORD(title) |
	KIND_WORD(description) | KIND_WORD(language) | KIND_WORD(domain) | KIND_WORD(start) | KIND_WORD(glossary) |
	KIND_WORD(values) | KIND_WORD(steps) | KIND_WORD(tests);

/* Keys every step may have; the keys each kind adds are in its row of the kind table. */
static const kind_word_set load_step_keys = KIND_WORD(id) | KIND_WORD(type) | KIND_WORD(title) | KIND_WORD(text) |
	KIND_WORD(help) | KIND_WORD(guide) | KIND_WORD(next);
static const kind_word_set load_choice_keys = KIND_WORD(value) | KIND_WORD(label) | KIND_WORD(when);
static const kind_word_set load_cond_keys = KIND_WORD(when) | KIND_WORD(text) | KIND_WORD(one) | KIND_WORD(other) |
	KIND_WORD(count);
static const kind_word_set load_next_keys = KIND_WORD(when) | KIND_WORD(goto);
static const kind_word_set load_check_keys = KIND_WORD(valid) | KIND_WORD(message);
static const kind_word_set load_test_keys = KIND_WORD(name) | KIND_WORD(answers) | KIND_WORD(end) |
	KIND_WORD(result) | KIND_WORD(values) | KIND_WORD(path) | KIND_WORD(today);
static const char *const load_reserved[] = { "and", "or", "not", "in", "true", "false", "null", NULL };

/*
 * Keys new in format 1.1, wherever they appear: a file that uses one says 'trin: 1.1', so that an older trin
 * names the version it lacks instead of an unknown key.  Add a new key here and nowhere else.
 */
static const kind_word_set load_keys_11 = KIND_WORD(sensitive) | KIND_WORD(one) | KIND_WORD(other) |
	KIND_WORD(count) | KIND_WORD(check) | KIND_WORD(add) | KIND_WORD(item);

#define LOAD_MAX_PATTERN_LENGTH 1000	/* bytes of a pattern */
#define LOAD_MAX_PATTERN_SIZE 1000	/* elements of a pattern with its repetitions written out */
#define LOAD_MAX_PATTERN_ANCHORS 4	/* anchors of a pattern, \b and \B twice, written out likewise */
#define LOAD_MAX_PATTERN_SETS 100	/* '.', \w, \W, \s, \S and [...] beyond ASCII of a pattern, likewise */

/* A goto target or scenario step named by id, resolved in the second pass. */
struct load_ref {
	const char *id;		/* in the texts' arena: the node may be gone by then */
	struct loc loc;
	int *target;
};

/*
 * A text kept while reading: a pointer, or (p NULL) byte off of w->steps[step], since w->steps grows, and
 * moves, while the steps are read.
 */
struct load_at {
	struct text *p;
	uint32_t step, off;
};

/* What a scenario expects of an answer or a value, typed once every step and value is bound. */
struct load_pending {
	const struct ynode *key, *value;
	struct scenario_expect *x;
	bool is_value;	/* under 'values'; otherwise under 'result' */
};

static const char *load_scope_suggest(void *ctx, const char *name);

#define LOAD_CLEAN_SEEN 256	/* texts found clean, a place each by their address */

struct loader {
	const char *clean_seen[LOAD_CLEAN_SEEN];	/* texts load_clean found clean: a text met again is */
	bool clean_brace[LOAD_CLEAN_SEEN];	/* and whether each has a brace (load_add_text) */
	struct wizard *w;
	struct arena *a;
	struct diags *d;
	struct load_ref *refs;
	size_t nrefs, caprefs;
	size_t refs_left;	/* refs left after the last load_refs_known */
	struct load_at *texts;	/* every text with a brace, for checking {name} once names are known */
	size_t ntexts, captexts;
	/* binding values: 0 unbound, 1 in progress, 2 done */
	unsigned char *value_state;
	size_t *value_height;	/* once bound: the longest chain of values it reads, itself included */
	size_t *value_nesting;	/* once bound: how deep its expression nests through the values it reads */
	size_t value_depth;	/* values being bound, one inside the other */
	size_t value_nesting_now;	/* the nesting of their expressions */
	struct strmap pattern_index;	/* pattern as written -> index in w->patterns */
	size_t cappatterns;
	struct load_pending *pending;
	size_t npending, cappending;
	size_t errors_in_flow;	/* d->errors once the flow was read and resolved, before binding */
	bool scenario_file;	/* reading a scenario or answers file of its own, not the wizard */
	const struct step *group;	/* the repeated group whose steps are being read, or NULL */
	/* of each text in texts, the group it is in: -1 none, w->steps[i] for i >= 0, apart[-2 - i] below */
	int32_t *text_groups;
	const struct step **apart;	/* groups read apart (a duplicate id): not in w->steps */
	size_t napart, capapart;
	struct step *cur;	/* the step of w->steps being read, or NULL */
	size_t cur_index, capsteps;
	size_t steps_ready;	/* bytes of w->steps faulted in ahead (util_prefault) */
	bool streamed;		/* the steps were read as the parse went (ytree_items) */
	struct diags *early;	/* what they said: added where the tree's steps would have been read */
	size_t nstreamed, texts_streamed;	/* steps and texts read so */
	struct scenario_answer **answered;	/* the answers read, checked against groups once steps are known */
	size_t nanswered, capanswered;
	bool in_rows;		/* reading an item of a group's answer: its ids are the group's */
	const struct step *inner_at;	/* the place the last step of a group was read into */
	size_t inner_texts;	/* ntexts before it was read */
};

static bool load_in(const char *const *list, const char *s)
{
	for (; *list; list++)
		if ((*list)[0] == s[0] && strcmp(*list, s) == 0)	/* most differ in the first byte */
			return true;
	return false;
}

/* Every key a step of some kind may have (made once). */
static kind_word_set load_all_step_keys(void)
{
	static kind_word_set all;
	if (!all) {
		all = load_step_keys;
		for (int t = 0; t < STEP_TYPE_COUNT; t++)
			all |= kind_of((enum step_type)t)->keys;
	}
	return all;
}

/* The words of set, in the words' order, into list (NULL-terminated, KW_COUNT places). */
static const char *const *load_word_list(kind_word_set set, const char **list)
{
	size_t n = 0;
	for (unsigned w = 1; w < KW_COUNT; w++)
		if (kind_word_in(set, w))
			list[n++] = kind_words[w - 1];
	list[n] = NULL;
	return list;
}

/* The closest word in list to s, if it is close enough to be a likely typo. */
static const char *load_closest(const char *const *list, const char *s)
{
	const char *best = NULL;
	size_t bestd = strlen(s) < 4 ? 1 : 2;
	for (; *list; list++) {
		size_t dist = util_edit_distance(s, *list, bestd);
		if (dist <= bestd && (!best || dist < bestd)) {
			best = *list;
			bestd = dist;
		}
	}
	return best;
}

static void load_unknown_key(struct loader *ld, const struct ynode *k, kind_word_set allowed, const char *what)
{
	const char *list[KW_COUNT];
	const char *near = load_closest(load_word_list(allowed, list), k->str);
	if (strchr(k->str, ' ') && k->plain)
		diag_error(ld->d, k->loc, "unknown key '%s' in %s (a comma inside { } starts a new key: put the "
			   "text before it in quotes)", k->str, what);
	else if (near)
		diag_error(ld->d, k->loc, "unknown key '%s' in %s (did you mean '%s'?)", k->str, what, near);
	else
		diag_error(ld->d, k->loc, "unknown key '%s' in %s", k->str, what);
}

static __attribute__((noinline, cold)) bool load_unexpected(struct loader *ld, const struct ynode *n,
								enum ynode_kind kind, const char *what)
{
	if (n->alias)	/* already reported; say nothing more about it */
		return false;
	static const char *const kinds[] = { [YNODE_SCALAR] = "text", [YNODE_SEQ] = "a list",
					     [YNODE_MAP] = "a mapping (key: value)" };
	diag_error(ld->d, n->loc, "%s must be %s, not %s%s", what, kinds[kind],
		   n->kind == YNODE_SCALAR ? "" : "a ", ynode_kind_name(n));
	return false;
}

/* Whether n is of kind; if not, that is said (once: not for a refused alias). */
static inline bool load_expect(struct loader *ld, const struct ynode *n, enum ynode_kind kind, const char *what)
{
	return (n->kind == kind && !n->alias) || load_unexpected(ld, n, kind, what);
}

/* Whether what (a key or a function, named by n) may be used: it is new in format 1.1, and the file said so. */
static bool load_since_11(struct loader *ld, const struct ynode *n, const char *what)
{
	if (ld->w->minor >= 1)
		return true;
	diag_error(ld->d, n->loc, "%s is new in format 1.1: write 'trin: 1.1' at the top of the wizard", what);
	return false;
}

/* Report every key of map that is new in format 1.1 when the file says 'trin: 1'. */
static void load_keys_since(struct loader *ld, const struct ynode *map)
{
	if (ld->w->minor >= 1)
		return;
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const struct ynode *k = ynode_kid(map, i);
		if (k->kind == YNODE_SCALAR && kind_word_in(load_keys_11, k->word)) {
			char what[80];
			snprintf(what, sizeof what, "'%.60s'", k->str);
			load_since_11(ld, k, what);
		}
	}
}

static bool load_is_id(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return false;
	size_t n = 0;
	for (; *s; s++, n++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return n <= LIMIT_ID;
}

static const char *load_id(struct loader *ld, const struct ynode *n, const char *what)
{
	if (!load_expect(ld, n, YNODE_SCALAR, what))
		return NULL;
	if (!load_is_id(n->str)) {
		diag_error(ld->d, n->loc,
			   "%s '%s' must be a plain name: ASCII letters, digits and '_', not starting with a digit",
			   what, n->str);
		return NULL;
	}
	if (load_in(load_reserved, n->str)) {
		diag_error(ld->d, n->loc, "%s '%s' is a word of the expression language; choose another", what,
			   n->str);
		return NULL;
	}
	return n->str;
}

/* The place of text s in the loader's clean_seen. */
static size_t load_clean_slot(const char *s)
{
	return (size_t)((uintptr_t)s * 0x9E3779B97F4A7C15u >> 40) & (LOAD_CLEAN_SEEN - 1);
}

/*
 * Refuse control characters in a text: they could move the cursor or recolour a kiosk screen; direction
 * controls that are not balanced and private-use characters, which would show a text otherwise than
 * written.  Balanced ones, and the marks (U+061C, U+200E, U+200F), may stay: the screen lays direction out
 * itself (bidi.h) and shows a text without them (text_clean).
 */
static bool load_clean(struct loader *ld, const struct ynode *n)
{
	const uint8_t *s = (const uint8_t *)n->str;
	const char **seen = &ld->clean_seen[load_clean_slot(n->str)];
	if (n->kept && *seen == n->str)
		return true;
	size_t bad;
	if (!bidi_balanced(n->str, n->len, &bad)) {
		diag_error(ld->d, n->exact ? diag_loc_advance(n->loc, n->str, bad) : n->loc,
			   "direction control U+%04X in a text is not closed or closes nothing (U+202A to U+202E and U+2066 "
			   "to U+2069 must pair up): it could show the text in another order than written",
			   (unsigned)(s[bad + 1] == 0x80 ? 0x2000 + s[bad + 2] - 0x80 : 0x2040 + s[bad + 2] - 0x80));
		return false;
	}
	for (size_t i = 0; i < n->len;) {
		i += util_printable_span(s + i, n->len - i);	/* most of any text */
		if (i == n->len)
			break;
		if (s[i] == '\n') {
			i++;
			continue;
		}
		if (s[i] >= 0xC2 && s[i] <= 0xD7 && i + 1 < n->len && (s[i + 1] & 0xC0) == 0x80 &&
		    (s[i] > 0xC2 || s[i + 1] >= 0xA0)) {
			i += 2;	/* U+00A0 to U+05FF: no control among them */
			continue;
		}
		ucs4_t c;
		int w = u8_mbtouc(&c, s + i, n->len - i);
		if ((c < 0x20 && c != '\n') || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
			struct loc at = n->exact ? diag_loc_advance(n->loc, n->str, i) : n->loc;
			diag_error(ld->d, at, "control character U+%04X in a text%s", (unsigned)c,
				   c == '\t' ? " (use spaces instead of a tab)" : "; it could change the screen");
			return false;
		}
		if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000) {
			diag_error(ld->d, n->exact ? diag_loc_advance(n->loc, n->str, i) : n->loc,
				   "private-use character U+%04X in a text; each terminal shows it differently, or not at all",
				   (unsigned)c);
			return false;
		}
		i += (size_t)w;
	}
	if (n->kept) {
		*seen = n->str;
		ld->clean_brace[seen - ld->clean_seen] = strpbrk(n->str, "{}") != NULL;
	}
	return true;
}

/* Whether id (a file's name) is UTF-8 without a character that acts on a terminal or hides itself. */
static bool load_plain_name(const char *id)
{
	const uint8_t *s = (const uint8_t *)id;
	for (size_t i = 0, n = strlen(id); i < n;) {
		ucs4_t c;
		int w = u8_mbtoucr(&c, s + i, n - i);
		if (w < 0 || text_is_hidden(c))
			return false;
		i += (size_t)w;
	}
	return true;
}

static const char *load_string(struct loader *ld, const struct ynode *n, const char *what)
{
	if (!load_expect(ld, n, YNODE_SCALAR, what) || !load_clean(ld, n))
		return NULL;
	return n->str;
}

/* The group being read, kept so that it outlasts the steps' moves. */
static int32_t load_group_at(struct loader *ld)
{
	if (!ld->group)
		return -1;
	if (ld->group == ld->cur)
		return (int32_t)ld->cur_index;
	if (!ld->napart || ld->apart[ld->napart - 1] != ld->group) {
		util_grow((void **)&ld->apart, &ld->capapart, ld->napart + 1, sizeof *ld->apart);
		ld->apart[ld->napart++] = ld->group;
	}
	return -2 - (int32_t)(ld->napart - 1);
}

/*
 * Keep text t to be checked once the names are known, with the group it is in; a text without a brace has
 * nothing to check (load_check_text), and most texts have none.
 */
static void load_add_text(struct loader *ld, struct text *t)
{
	if (!strpbrk(t->msgid, "{}"))
		return;
	size_t cap = ld->captexts;
	util_grow((void **)&ld->texts, &ld->captexts, ld->ntexts + 1, sizeof *ld->texts);
	if (cap != ld->captexts)
		ld->text_groups = xrealloc(ld->text_groups, ld->captexts * sizeof *ld->text_groups);
	ld->text_groups[ld->ntexts] = load_group_at(ld);
	uintptr_t at = (uintptr_t)t, cur = (uintptr_t)ld->cur;
	if (ld->cur && at >= cur && at < cur + sizeof *ld->cur)
		ld->texts[ld->ntexts++] = (struct load_at){ NULL, (uint32_t)ld->cur_index, (uint32_t)(at - cur) };
	else
		ld->texts[ld->ntexts++] = (struct load_at){ t, 0, 0 };
}

/* Text i of ld->texts, and the group it is in (NULL: none), where they are now. */
static struct text *load_text_at(const struct loader *ld, size_t i, const struct step **group)
{
	int32_t g = ld->text_groups[i];
	*group = g == -1 ? NULL : g >= 0 ? &ld->w->steps[g] : ld->apart[-2 - g];
	struct load_at a = ld->texts[i];
	return a.p ? a.p : (struct text *)(void *)((char *)&ld->w->steps[a.step] + a.off);
}

static void load_text_node(struct loader *ld, const struct ynode *n, struct text *t, const char *what)
{
	if (!n)
		return;
	const char *s = load_string(ld, n, what);
	if (!s)
		return;
	if (!*s) {
		diag_error(ld->d, n->loc, "%s is empty", what);
		return;
	}
	t->msgid = s;
	t->loc = n->loc;
	t->exact = n->exact;
	const char *const *seen = &ld->clean_seen[load_clean_slot(s)];
	if (!n->kept || *seen != s || ld->clean_brace[seen - ld->clean_seen])	/* (load_clean has just seen it) */
		load_add_text(ld, t);
}

static void load_text(struct loader *ld, const struct ynode *map, enum kind_word key, struct text *t)
{
	load_text_node(ld, ynode_word(map, key), t, kind_words[key - 1]);
}

static bool load_bool(struct loader *ld, const struct ynode *n, const char *what, bool *out)
{
	if (!load_expect(ld, n, YNODE_SCALAR, what))
		return false;
	if (strcmp(n->str, "true") == 0)
		*out = true;
	else if (strcmp(n->str, "false") == 0)
		*out = false;
	else {
		diag_error(ld->d, n->loc, "%s must be true or false, not '%s'", what, n->str);
		return false;
	}
	return true;
}

static bool load_num(struct loader *ld, const struct ynode *n, const char *what, int64_t *out)
{
	if (!load_expect(ld, n, YNODE_SCALAR, what))
		return false;
	if (!value_num_parse(n->str, out)) {
		diag_error(ld->d, n->loc, "%s must be a number such as 20000 or 0.5, not '%s'", what, n->str);
		return false;
	}
	return true;
}

static bool load_count(struct loader *ld, const struct ynode *n, const char *what, size_t limit, size_t *out)
{
	int64_t v;
	if (!load_num(ld, n, what, &v))
		return false;
	if (v < 0 || v % EXPR_SCALE != 0 || (size_t)(v / EXPR_SCALE) > limit) {
		diag_error(ld->d, n->loc, "%s must be a whole number from 0 to %zu", what, limit);
		return false;
	}
	*out = (size_t)(v / EXPR_SCALE);
	return true;
}

static const char *load_date(struct loader *ld, const struct ynode *n, const char *what)
{
	if (!load_expect(ld, n, YNODE_SCALAR, what))
		return NULL;
	if (!util_date_iso(n->str)) {
		diag_error(ld->d, n->loc, "%s must be a date written YYYY-MM-DD, such as 2025-02-27, not '%s'",
			   what, n->str);
		return NULL;
	}
	return n->str;
}

static void load_ref(struct loader *ld, const struct ynode *id, int *target)
{
	*target = -1;
	util_grow((void **)&ld->refs, &ld->caprefs, ld->nrefs + 1, sizeof *ld->refs);
	ld->refs[ld->nrefs++] = (struct load_ref){ id->kind == YNODE_SCALAR ? id->str : "", id->loc, target };
}

static struct expr *load_expr(struct loader *ld, const struct ynode *n, const char *what)
{
	if (!load_expect(ld, n, YNODE_SCALAR, what))
		return NULL;
	struct expr_source src = { n->loc, n->exact };
	return expr_parse(ld->a, n->str, src, ld->d);
}

/* Check a mapping's keys against the allowed ones. */
static void load_keys(struct loader *ld, const struct ynode *map, kind_word_set allowed, const char *what)
{
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const struct ynode *k = ynode_kid(map, i);
		if (k->kind == YNODE_SCALAR && !kind_word_in(allowed, k->word))
			load_unknown_key(ld, k, allowed, what);
	}
	load_keys_since(ld, map);
}

static void load_choices(struct loader *ld, struct step *s, const struct ynode *list)
{
	if (!list) {
		diag_error(ld->d, s->loc, "a %s step needs 'choices'", step_type_name(s->type));
		return;
	}
	if (!load_expect(ld, list, YNODE_SEQ, "'choices'"))
		return;
	s->choices = arena_alloc(ld->a, (list->n ? list->n : 1) * sizeof *s->choices);
	struct strmap seen = { 0 };
	size_t texts = ld->ntexts;	/* before the choice read into this place, or the one refused there */
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *c = ynode_kid(list, i);
		struct choice *ch = &s->choices[s->nchoices];
		ld->ntexts = texts;	/* a refused choice's label is not checked for {name}: it has its error */
		*ch = (struct choice){ .loc = c->loc };	/* the place of a choice refused before: nothing of it stays */
		const struct ynode *vn = c;
		if (c->kind == YNODE_MAP) {
			load_keys(ld, c, load_choice_keys, "a choice");
			vn = ynode_word(c, KW_value);
			const struct ynode *ln = ynode_word(c, KW_label);
			if (!ln) {
				diag_error(ld->d, c->loc, "a choice needs a 'label'");
				continue;
			}
			load_text_node(ld, ln, &ch->label, "'label'");
			if (!vn) {
				diag_error(ld->d, c->loc, "a choice needs a 'value'");
				continue;
			}
		} else if (c->kind == YNODE_SCALAR) {
			load_text_node(ld, c, &ch->label, "a choice");
		} else {
			diag_error(ld->d, c->loc, "a choice must be text or {value: ..., label: ...}, not a list");
			continue;
		}
		ch->value = load_string(ld, vn, "'value'");
		if (!ch->value || !ch->label.msgid)
			continue;
		/* most lists are short: comparing each value with those before is cheaper than a map */
		int first = -1;
		for (size_t k = 0; list->n <= 16 && k < s->nchoices && first < 0; k++)
			if (strcmp(s->choices[k].value, ch->value) == 0)
				first = s->choices[k].loc.line;
		if (list->n > 16 && !strmap_put(&seen, ch->value, (int)i))
			first = ynode_kid(list, strmap_get(&seen, ch->value))->loc.line;
		if (first >= 0) {
			diag_error(ld->d, vn->loc, "duplicate choice value '%s' (first at line %d)", ch->value, first);
			continue;
		}
		const struct ynode *wn = c->kind == YNODE_MAP ? ynode_word(c, KW_when) : NULL;
		ch->when = wn && load_since_11(ld, wn, "'when' in a choice") ? load_expr(ld, wn, "'when'") : NULL;
		s->nchoices++;
		texts = ld->ntexts;
	}
	ld->ntexts = texts;
	strmap_free(&seen);
	size_t need = s->type == STEP_CHOICE ? 2 : 1;
	if (list->n < need)
		diag_error(ld->d, list->loc, "a %s step needs at least %zu choices", step_type_name(s->type), need);
}

static void load_next(struct loader *ld, struct step *s, const struct ynode *n)
{
	if (n->kind == YNODE_SCALAR) {
		s->next = arena_alloc(ld->a, sizeof *s->next);
		s->nnext = 1;
		s->next->loc = n->loc;
		if (load_id(ld, n, "'next'"))
			load_ref(ld, n, &s->next->target);
		return;
	}
	if (!load_expect(ld, n, YNODE_SEQ, "'next'"))
		return;
	if (n->n == 0) {
		diag_error(ld->d, n->loc, "'next' is an empty list");
		return;
	}
	s->next = arena_alloc(ld->a, n->n * sizeof *s->next);
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *e = ynode_kid(n, i);
		if (!load_expect(ld, e, YNODE_MAP, "an entry of 'next'"))
			continue;
		load_keys(ld, e, load_next_keys, "'next'");
		struct transition *t = &s->next[s->nnext++];
		t->loc = e->loc;
		const struct ynode *when = ynode_word(e, KW_when), *go = ynode_word(e, KW_goto);
		if (!go)
			diag_error(ld->d, e->loc, "an entry of 'next' needs 'goto'");
		else if (load_id(ld, go, "'goto'"))
			load_ref(ld, go, &t->target);
		if (when)
			t->when = load_expr(ld, when, "'when'");
		else if (i + 1 < n->n)
			diag_error(ld->d, e->loc, "an entry without 'when' is the default and must come last");
	}
	if (s->nnext && ynode_word(ynode_kid(n, n->n - 1), KW_when) && ynode_kid(n, n->n - 1)->kind == YNODE_MAP)
		diag_error(ld->d, ynode_kid(n, n->n - 1)->loc,
			   "'next' has no default: end the list with an entry that has only 'goto'");
}

/* A count of pattern elements that stops growing far above any limit, so nested repetitions cannot overflow. */
#define LOAD_PATTERN_CAP ((uint64_t)1 << 40)

static uint64_t load_pattern_add(uint64_t a, uint64_t b)
{
	return a + b > LOAD_PATTERN_CAP ? LOAD_PATTERN_CAP : a + b;
}

static uint64_t load_pattern_mul(uint64_t a, uint64_t b)
{
	return b && a > LOAD_PATTERN_CAP / b ? LOAD_PATTERN_CAP : a * b;
}


/*
 * Whether the bracket expression from start to end can match a character outside ASCII: negated, with a
 * class, an equivalence class or a collating symbol, or naming such a character.
 */
static bool load_pattern_wide(const char *start, const char *end)
{
	if (start[1] == '^')
		return true;
	for (const char *p = start + 1; p < end; p++)
		if ((unsigned char)*p >= 0x80 || (p[0] == '[' && (p[1] == ':' || p[1] == '=' || p[1] == '.')))
			return true;
	return false;
}

/* A decimal in a repetition count, at most LOAD_PATTERN_CAP; *p is moved past it.  False when there is none. */
static bool load_pattern_count(const char **p, uint64_t *out)
{
	if (**p < '0' || **p > '9')
		return false;
	*out = 0;
	for (; **p >= '0' && **p <= '9'; (*p)++)
		*out = load_pattern_add(load_pattern_mul(*out, 10), (uint64_t)(**p - '0'));
	return true;
}

/*
 * A repetition at *p of the atom before it: how many times the atom is written out ('*' and '?' once, '+'
 * twice, {m} m, {m,n} and {,n} n, {m,} m + 1, as glibc expands them), whether it may be left out (min 0),
 * whether it has no end ('*', '+', {m,}) and whether its count varies (all but {m} and {m,m}).  False when
 * there is none at *p ("{x" is literal text).
 */
static bool load_pattern_repeat(const char **p, uint64_t *times, bool *optional, bool *endless, bool *varies)
{
	const char *s = *p;
	uint64_t m = 0, n = 0;
	if (*s == '*' || *s == '?' || *s == '+') {
		*p = s + 1;
		*times = *s == '+' ? 2 : 1;
		*optional = *s != '+';
		*endless = *s != '?';
		*varies = true;
		return true;
	}
	if (*s++ != '{')
		return false;
	bool has_m = load_pattern_count(&s, &m), comma = *s == ',', has_n = false;
	if (comma) {
		s++;
		has_n = load_pattern_count(&s, &n);
	}
	if (*s != '}' || (!has_m && !has_n))
		return false;
	*p = s + 1;
	*times = has_n ? n : comma ? m + 1 : m;
	*times = *times ? *times : 1;
	*optional = m == 0;
	*endless = comma && !has_n;
	*varies = comma && (!has_m || !has_n || m != n);
	return true;
}

/* What the scan of a pattern finds: see load_pattern_scan. */
struct load_pattern {
	uint64_t size;		/* elements, with every repetition written out */
	uint64_t anchors;	/* anchors, \b and \B twice, written out likewise */
	uint64_t sets;		/* sets of characters beyond ASCII ('.', [^...], \w, \W, \s, \S), likewise */
	bool empty;		/* it can match the empty text */
};

/*
 * Scan an extended regular expression up to an unmatched ')' (the caller's) or its end: its elements with
 * every repetition written out (what glibc's regcomp builds, and so what its time and memory grow with),
 * and whether it can match the empty text.  *endless_empty is set when something that can match the empty
 * text is repeated without end, as in (a*)* or a**: glibc's regcomp takes time exponential in how many
 * there are.  *varying_empty is set when something that can match the empty text is left out or repeated a
 * varying number of times otherwise, as in (a?)? or (a|){0,9}: regcomp's time and memory grow faster than
 * the square of how many there are (200 of "(a?)?" take 4 s and 700 MiB, 330 of "()?" 20 s and 4 GiB).
 * ere = branch { '|' branch }, branch = { atom { repetition } },
 * atom = '(' ere ')' | bracket | '\' char | char; every byte of a plain atom counts as an element.
 */
static struct load_pattern load_pattern_scan(const char **pp, bool *endless_empty, bool *varying_empty)
{
	const char *p = *pp;
	struct load_pattern all = { 0, 0, 0, false }, branch = { 0, 0, 0, true };
	for (;;) {
		if (!*p || *p == ')' || *p == '|') {
			all.size = load_pattern_add(all.size, branch.size);
			all.anchors = load_pattern_add(all.anchors, branch.anchors);
			all.sets = load_pattern_add(all.sets, branch.sets);
			all.empty |= branch.empty;
			if (*p != '|')
				break;
			p++;
			branch = (struct load_pattern){ 0, 0, 0, true };
			continue;
		}
		struct load_pattern atom = { 1, 0, 0, false };
		if (*p == '(') {
			p++;
			atom = load_pattern_scan(&p, endless_empty, varying_empty);
			if (*p == ')')
				p++;
			atom.size = atom.size ? atom.size : 1;
		} else if (*p == '[') {
			const char *start = p;
			p = pattern_bracket(p, NULL);
			atom.sets = load_pattern_wide(start, p);
		} else if (*p == '\\' && p[1]) {
			atom.empty = strchr("bB<>`'", p[1]) != NULL;	/* glibc's anchors */
			atom.anchors = atom.empty ? 1 + (p[1] == 'b' || p[1] == 'B') : 0;
			atom.sets = strchr("wWsS", p[1]) != NULL;
			p += 2;
		} else {
			atom.empty = *p == '^' || *p == '$';
			atom.anchors = atom.empty;
			atom.sets = *p == '.';
			p++;
		}
		uint64_t times;
		bool optional, endless, varies;
		while (load_pattern_repeat(&p, &times, &optional, &endless, &varies)) {
			if (endless && atom.empty)
				*endless_empty = true;
			else if (varies && atom.empty)
				*varying_empty = true;
			atom.size = load_pattern_mul(atom.size, times);
			atom.anchors = load_pattern_mul(atom.anchors, times);
			atom.sets = load_pattern_mul(atom.sets, times);
			atom.empty |= optional;
		}
		branch.size = load_pattern_add(branch.size, atom.size);
		branch.anchors = load_pattern_add(branch.anchors, atom.anchors);
		branch.sets = load_pattern_add(branch.sets, atom.sets);
		branch.empty &= atom.empty;
	}
	*pp = p;
	return all;
}

/*
 * Whether a pattern can be compiled in bounded time and memory: at most LOAD_MAX_PATTERN_LENGTH bytes, at
 * most LOAD_MAX_PATTERN_SIZE elements, LOAD_MAX_PATTERN_SETS sets of characters and LOAD_MAX_PATTERN_ANCHORS
 * anchors once its repetitions are written out, and nothing that can be empty repeated without end, left out or repeated a varying number
 * of times.
 */
static bool load_pattern_bounded(struct loader *ld, const struct ynode *n, const char *pattern)
{
	size_t len = strlen(pattern);
	if (len > LOAD_MAX_PATTERN_LENGTH) {
		diag_error(ld->d, n->loc, "'pattern' is %zu bytes; the limit is %d", len, LOAD_MAX_PATTERN_LENGTH);
		return false;
	}
	uint64_t size = 0, anchors = 0, sets = 0;
	bool endless_empty = false, varying_empty = false;
	for (const char *p = pattern; *p;) {
		struct load_pattern part = load_pattern_scan(&p, &endless_empty, &varying_empty);
		size = load_pattern_add(size, part.size);
		anchors = load_pattern_add(anchors, part.anchors);
		sets = load_pattern_add(sets, part.sets);
		if (*p == ')') {	/* unmatched: regcomp says what it makes of it */
			size = load_pattern_add(size, 1);
			p++;
		}
	}
	if (size > LOAD_MAX_PATTERN_SIZE) {
		diag_error(ld->d, n->loc, "'pattern' repeats too much: written out, it has %s%llu elements; the "
			   "limit is %d", size == LOAD_PATTERN_CAP ? "over " : "", (unsigned long long)size,
			   LOAD_MAX_PATTERN_SIZE);
		return false;
	}
	if (sets > LOAD_MAX_PATTERN_SETS) {	/* matching a character of several bytes costs a power of their number */
		diag_error(ld->d, n->loc, "'pattern' has %s%llu sets of characters beyond ASCII ('.', \\w, \\W, \\s, "
			   "\\S, [^...], [[:alpha:]] and the like) with its repetitions written out; the limit is %d",
			   sets == LOAD_PATTERN_CAP ? "over " : "",
			   (unsigned long long)sets, LOAD_MAX_PATTERN_SETS);
		return false;
	}
	if (anchors > LOAD_MAX_PATTERN_ANCHORS) {	/* regcomp's time grows with a power of their number */
		diag_error(ld->d, n->loc, "'pattern' has too many anchors: ^, $, \\<, \\>, \\` and \\' count "
			   "one, \\b and \\B two, with its repetitions written out; it has %s%llu, the limit is %d",
			   anchors == LOAD_PATTERN_CAP ? "over " : "", (unsigned long long)anchors,
			   LOAD_MAX_PATTERN_ANCHORS);
		return false;
	}
	if (endless_empty) {
		diag_error(ld->d, n->loc, "'pattern' repeats something that can be empty with '*', '+' or '{m,}', "
			   "as in (a*)* or (a|)+; write a* instead");
		return false;
	}
	if (varying_empty) {
		diag_error(ld->d, n->loc, "'pattern' leaves out, or repeats a varying number of times, something "
			   "that can be empty, as in (a?)? or (a|){0,3}; write a? or a{0,3} instead");
		return false;
	}
	return true;
}

/*
 * The compiled form of pattern (of node n), anchored to the whole answer, or NULL after reporting it.
 * Steps with the same pattern share one compiled regex, owned by the wizard.
 */
static regex_t *load_pattern(struct loader *ld, const struct ynode *n, const char *pattern)
{
	struct wizard *w = ld->w;
	int i = strmap_get(&ld->pattern_index, pattern);	/* taken before, so within bounds */
	if (i >= 0)
		return w->patterns[i];
	if (!load_pattern_bounded(ld, n, pattern))
		return NULL;
	char *anchored = arena_printf(ld->a, "^(%s)$", pattern);
	regex_t *re = xmalloc(sizeof *re);
	int rc = regcomp(re, anchored, REG_EXTENDED | REG_NOSUB);
	if (rc != 0) {
		char msg[256];
		regerror(rc, re, msg, sizeof msg);
		diag_error(ld->d, n->loc, "'pattern' is not a valid regular expression: %s", msg);
		free(re);
		return NULL;
	}
	util_grow((void **)&w->patterns, &ld->cappatterns, w->npatterns + 1, sizeof *w->patterns);
	strmap_put(&ld->pattern_index, pattern, (int)w->npatterns);
	w->patterns[w->npatterns++] = re;
	return re;
}

/* Whether a limit is written as a literal number or date ("-5", "0.5", "2025-02-27"), right or wrong. */
static bool load_limit_literal(const char *s)
{
	return *s && s[strspn(s, "0123456789.,-")] == '\0';
}

/*
 * Read limit n (min or max of a number or date step) as an expression (1.1), such as `max: omsaetning` or
 * `min: today()`, into b.  False when n is to be read as a literal: it is written as one, or it is text
 * that does not look like an expression at all ("i morgen"), which keeps the literal's error.
 */
static bool load_limit_expr(struct loader *ld, const struct ynode *n, const char *what, struct step_bound *b)
{
	if (n->kind != YNODE_SCALAR || n->alias || load_limit_literal(n->str))
		return false;
	struct diags quiet = { 0 };
	struct expr_source src = { n->loc, n->exact };
	struct expr *e = expr_parse(ld->a, n->str, src, &quiet);
	bool looks = e || strpbrk(n->str, "()+*/<>=\"");
	if (looks)
		diag_append(ld->d, &quiet);
	diag_free(&quiet);
	if (!looks)
		return false;
	char since[80];
	snprintf(since, sizeof since, "an expression in %s", what);
	if (e && load_since_11(ld, n, since))
		*b = (struct step_bound){ e, n->loc };
	return true;
}

/* `check`: a list of {valid, message}, each refusing the answer with message unless valid is true (1.1). */
static void load_checks(struct loader *ld, struct step *s, const struct ynode *list)
{
	if (!list || !load_expect(ld, list, YNODE_SEQ, "'check'"))
		return;
	if (list->n == 0) {
		diag_error(ld->d, list->loc, "'check' is an empty list");
		return;
	}
	struct step_more *more = step_more_make(s, ld->a);
	more->checks = arena_alloc(ld->a, list->n * sizeof *more->checks);
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *e = ynode_kid(list, i);
		if (!load_expect(ld, e, YNODE_MAP, "an entry of 'check'"))
			continue;
		load_keys(ld, e, load_check_keys, "'check'");
		struct step_check *c = &more->checks[more->nchecks++];
		const struct ynode *valid = ynode_word(e, KW_valid), *msg = ynode_word(e, KW_message);
		c->loc = valid ? valid->loc : e->loc;
		if (!valid)
			diag_error(ld->d, e->loc, "an entry of 'check' needs 'valid', the condition the answer must meet");
		else
			c->valid = load_expr(ld, valid, "'valid'");
		if (!msg) {
			diag_error(ld->d, e->loc, "an entry of 'check' needs 'message', the words that say why the answer "
				   "is refused");
		} else {
			load_text_node(ld, msg, &c->message, "'message'");
		}
	}
}

/* The value of each word's key in mapping m by the word, the first as ynode_word finds it; NULL for none. */
static void load_words_of(const struct ynode *m, const struct ynode *at[KW_COUNT])
{
	memset(at, 0, KW_COUNT * sizeof *at);
	for (size_t i = 0; m->kind == YNODE_MAP && i + 1 < m->n; i += 2) {
		unsigned w = m->kids[i].word;
		if (w && !at[w])
			at[w] = &m->kids[i + 1];
	}
}

/* A text step's limits: its length and its pattern. */
static void load_text_limits(struct loader *ld, struct step *s, const struct ynode *const *at)
{
	const struct ynode *n;
	size_t min = 0, max = LIMIT_TEXT_DEFAULT_LENGTH;
	if ((n = at[KW_min_length]))
		load_count(ld, n, "'min_length'", LIMIT_TEXT_LENGTH, &min);
	if ((n = at[KW_max_length]) && load_count(ld, n, "'max_length'", LIMIT_TEXT_LENGTH, &max) && max == 0)
		diag_error(ld->d, n->loc, "'max_length' must be at least 1");
	if (!max)
		max = LIMIT_TEXT_DEFAULT_LENGTH;
	if (min > max)
		diag_error(ld->d, at[KW_min_length]->loc, "'min_length' is more than 'max_length' (%zu)", max);
	s->min_length = (uint32_t)min;	/* at most LIMIT_TEXT_LENGTH */
	s->max_length = (uint32_t)max;
	struct step_more *more = (n = at[KW_pattern]) ? step_more_make(s, ld->a) : NULL;
	if (more && (more->pattern = load_string(ld, n, "'pattern'"))) {
		for (const char *p = more->pattern; *p; p++) {
			if (*p == '\\' && p[1] >= '1' && p[1] <= '9') {
				diag_error(ld->d, n->loc, "'pattern' may not use back-references such as \\%c", p[1]);
				more->pattern = NULL;
				return;
			}
			if (*p == '\\' && p[1])
				p++;
		}
		char why[320];
		size_t bad;
		if (!pattern_escapes_ok(more->pattern, ld->w->minor == 0, &bad, why, sizeof why)) {
			diag_error(ld->d, n->exact ? diag_loc_advance(n->loc, n->str, bad) : n->loc, "%s", why);
			more->pattern = NULL;
			return;
		}
		more->regex = load_pattern(ld, n, more->pattern);
	}
}

/* Limits written as expressions (1.1) or as dates, kept with the rarer parts of s when there are any. */
static void load_step_bounds(struct loader *ld, struct step *s, struct step_bound min, struct step_bound max,
			     const char *min_date, const char *max_date)
{
	if (min.expr || max.expr || min_date || max_date) {
		struct step_more *more = step_more_make(s, ld->a);
		more->min_expr = min;
		more->max_expr = max;
		more->min_date = min_date;
		more->max_date = max_date;
	}
}

static void load_step_limits(struct loader *ld, struct step *s, const struct ynode *const *at)
{
	const struct ynode *n;
	struct step_bound min = { 0 }, max = { 0 };
	const char *min_date = NULL, *max_date = NULL;
	s->required = true;
	if ((n = at[KW_required]))
		load_bool(ld, n, "'required'", &s->required);
	if ((n = at[KW_sensitive]))
		load_bool(ld, n, "'sensitive'", &s->sensitive);
	switch (s->type) {
	case STEP_NUMBER:
		if ((n = at[KW_min]) && !load_limit_expr(ld, n, "'min'", &min))
			s->has_min = load_num(ld, n, "'min'", &s->min);
		if ((n = at[KW_max]) && !load_limit_expr(ld, n, "'max'", &max))
			s->has_max = load_num(ld, n, "'max'", &s->max);
		if ((n = at[KW_decimals])) {
			size_t dec = 0;
			if (load_count(ld, n, "'decimals'", 4, &dec))
				s->decimals = (int)dec;
		}
		load_step_bounds(ld, s, min, max, NULL, NULL);
		break;
	case STEP_MULTI: {
		size_t v;
		if ((n = at[KW_min]) && (s->has_min = load_count(ld, n, "'min'", 10000, &v)))
			s->min = (int64_t)v;
		if ((n = at[KW_max]) && (s->has_max = load_count(ld, n, "'max'", 10000, &v)))
			s->max = (int64_t)v;
		if (s->has_max && (size_t)s->max > s->nchoices && s->nchoices)
			diag_error(ld->d, at[KW_max]->loc, "'max' is %jd, more than the number of choices (%zu)",
				   (intmax_t)s->max, (size_t)s->nchoices);
		if (s->has_min && (size_t)s->min > s->nchoices && s->nchoices)
			diag_error(ld->d, at[KW_min]->loc, "'min' is %jd, more than the number of choices (%zu)",
				   (intmax_t)s->min, (size_t)s->nchoices);
		break;
	}
	case STEP_DATE:
		if ((n = at[KW_min]) && !load_limit_expr(ld, n, "'min'", &min))
			min_date = load_date(ld, n, "'min'");
		if ((n = at[KW_max]) && !load_limit_expr(ld, n, "'max'", &max))
			max_date = load_date(ld, n, "'max'");
		if (min_date && max_date && strcmp(min_date, max_date) > 0)
			diag_error(ld->d, at[KW_max]->loc, "'max' is before 'min'");
		load_step_bounds(ld, s, min, max, min_date, max_date);
		break;
	case STEP_TEXT:
		load_text_limits(ld, s, at);
		break;
	case STEP_REPEAT: {	/* the rest of a group is read by repeat_load */
		size_t v;
		if ((n = at[KW_min]) && (s->has_min = load_count(ld, n, "'min'", LIMIT_REPEAT_ITEMS, &v)))
			s->min = (int64_t)v;
		if ((n = at[KW_max]) && (s->has_max = load_count(ld, n, "'max'", LIMIT_REPEAT_ITEMS, &v)))
			s->max = (int64_t)v;
		break;
	}
	case STEP_INFO:
	case STEP_CHOICE:
	case STEP_YESNO:
	case STEP_REVIEW:
	case STEP_END:
		break;
	}
	if (s->type == STEP_NUMBER && s->has_min && s->has_max && s->min > s->max)
		diag_error(ld->d, at[KW_max]->loc, "'max' is less than 'min'");
	if (s->type == STEP_MULTI && s->has_min && s->has_max && s->min > s->max)
		diag_error(ld->d, at[KW_max]->loc, "'max' is less than 'min'");
}

/* The rule of text t (1.1), made when it has none yet. */
static struct text_rule *load_text_rule(struct loader *ld, struct text *t)
{
	if (!t->rule)
		t->rule = arena_alloc(ld->a, sizeof *t->rule);
	return t->rule;
}

/*
 * A text with plural forms (1.1): {one: "{antal} person", other: "{antal} personer", count: antal}.  'one' is
 * its msgid, 'other' its msgid_plural, and count the number that picks one (bound with the conditions).
 */
static void load_plural_text(struct loader *ld, const struct ynode *n, struct text *t, const char *what)
{
	const struct ynode *one = ynode_word(n, KW_one), *other = ynode_word(n, KW_other), *count = ynode_word(n, KW_count);
	if (ynode_word(n, KW_text))
		diag_error(ld->d, ynode_word(n, KW_text)->loc, "%s with plural forms is written as 'one' and 'other', "
			   "without 'text'", what);
	if (!one || !other) {
		diag_error(ld->d, n->loc, "%s with plural forms needs 'one' (for a count of one) and 'other' (for any "
			   "other count)", what);
		return;
	}
	if (!count) {
		diag_error(ld->d, n->loc, "%s with 'one' and 'other' needs 'count': the number that picks one of them",
			   what);
		return;
	}
	const char *s = load_string(ld, other, "'other'");
	if (!s)
		return;
	if (!*s) {
		diag_error(ld->d, other->loc, "'other' is empty");
		return;
	}
	load_text_node(ld, one, t, what);
	if (!t->msgid)
		return;
	if (strpbrk(s, "{}")) {	/* 'other', for checking its {name}s */
		struct text *pt = arena_alloc(ld->a, sizeof *pt);
		*pt = (struct text){ .msgid = s, .loc = other->loc, .exact = other->exact };
		load_add_text(ld, pt);
	}
	struct text_rule *r = load_text_rule(ld, t);
	r->plural = s;
	r->count = load_expr(ld, count, "'count'");
}

/*
 * A text that may be shown only when a condition holds (1.1): the text alone, or {when: condition, text:
 * "..."}.  The condition is bound with the others (load_bind).
 */
static void load_cond_text(struct loader *ld, const struct ynode *n, struct text *t, const char *what)
{
	bool plural = n->kind == YNODE_MAP && (ynode_word(n, KW_one) || ynode_word(n, KW_other) || ynode_word(n, KW_count));
	if (n->kind != YNODE_MAP || n->alias || !(plural || ynode_word(n, KW_when) || ynode_word(n, KW_text))) {
		load_text_node(ld, n, t, what);	/* a mapping of neither kind: "must be text" */
		return;
	}
	if (!load_since_11(ld, n, plural ? "a text with plural forms" : "a text with 'when'"))
		return;
	load_keys(ld, n, load_cond_keys, what);
	const struct ynode *tn = ynode_word(n, KW_text), *wn = ynode_word(n, KW_when);
	if (plural) {
		load_plural_text(ld, n, t, what);
	} else if (!tn) {
		diag_error(ld->d, n->loc, "%s needs 'text' beside 'when'", what);
		return;
	} else {
		load_text_node(ld, tn, t, what);
		if (!wn)
			diag_error(ld->d, n->loc, "%s needs 'when' beside 'text' (an entry shown always is the text alone)",
				   what);
	}
	if (wn && t->msgid)
		load_text_rule(ld, t)->when = load_expr(ld, wn, "'when'");
}

/*
 * A step's text or help (key), as one text into *one, or (1.1) as a list of paragraphs into *list and *n,
 * each a text or {when, text}.
 */
static void load_paras(struct loader *ld, const struct ynode *node, const char *key, struct text *one,
		       struct text **list, uint32_t *n)
{
	char what[40];
	if (!node)
		return;
	if (node->kind != YNODE_SEQ || node->alias) {
		load_cond_text(ld, node, one, key);
		return;
	}
	snprintf(what, sizeof what, "'%s' as a list", key);
	if (!load_since_11(ld, node, what))
		return;
	if (node->n == 0)
		diag_error(ld->d, node->loc, "'%s' is an empty list", key);
	*list = arena_alloc(ld->a, (node->n ? node->n : 1) * sizeof **list);
	snprintf(what, sizeof what, "a paragraph of '%s'", key);
	for (size_t i = 0; i < node->n; i++) {
		load_cond_text(ld, ynode_kid(node, i), &(*list)[*n], what);
		if ((*list)[*n].msgid)
			(*n)++;
	}
}

static void load_step(struct loader *ld, struct step *s, const struct ynode *m);

/*
 * A step of a group, read into the place of the one before when that was refused: what the refused one
 * kept for the {name} check is dropped first, since its place now holds another's texts (it has its own
 * error).
 */
static void load_group_step(void *ctx, struct step *s, const struct ynode *m)
{
	struct loader *ld = ctx;
	if (s == ld->inner_at)
		ld->ntexts = ld->inner_texts;
	ld->inner_at = s;
	ld->inner_texts = ld->ntexts;
	load_step(ld, s, m);
}

static void load_group_text(void *ctx, const struct ynode *map, enum kind_word key, struct text *t)
{
	load_text(ctx, map, key, t);
}

/* The rest of a repeated group: its steps (read as every step is), its add question and its item text. */
static void load_group(struct loader *ld, struct step *g, const struct ynode *m)
{
	struct repeat_loading rl = { ld->a, ld->d, ld, load_group_step, load_group_text };
	ld->group = g;
	repeat_load(&rl, g, m);
	ld->group = NULL;
}

static void load_step(struct loader *ld, struct step *s, const struct ynode *m)
{
	const struct ynode *at[KW_COUNT];
	load_words_of(m, at);
	s->loc = m->loc;
	const struct ynode *tn = at[KW_type], *idn = at[KW_id];
	if (idn)
		s->id = load_id(ld, idn, "step id");
	else
		diag_error(ld->d, m->loc, "a step needs an 'id'");
	s->type = STEP_TYPE_COUNT;
	if (!tn) {
		diag_error(ld->d, m->loc, "step '%s' needs a 'type' (one of %s)", s->id ? s->id : "?",
			   kind_name_list());
	} else if (load_expect(ld, tn, YNODE_SCALAR, "'type'")) {
		s->type = kind_by_name(tn->str);
		if (s->type == STEP_TYPE_COUNT) {
			const char *near = load_closest(kind_names(), tn->str);
			if (near)
				diag_error(ld->d, tn->loc, "unknown step type '%s' (did you mean '%s'?)", tn->str, near);
			else
				diag_error(ld->d, tn->loc, "unknown step type '%s' (one of %s)", tn->str, kind_name_list());
		}
	}
	kind_word_set all = load_all_step_keys();
	kind_word_set mine = load_step_keys | (s->type == STEP_TYPE_COUNT ? all : kind_of(s->type)->keys);
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		const struct ynode *k = ynode_kid(m, i);
		if (k->kind != YNODE_SCALAR || kind_word_in(mine, k->word))
			continue;
		if (kind_word_in(all, k->word))
			diag_error(ld->d, k->loc, "key '%s' does not apply to steps of type %s", k->str,
				   step_type_name(s->type));
		else
			load_unknown_key(ld, k, all, "a step");
	}
	load_keys_since(ld, m);
	if (s->type == STEP_TYPE_COUNT) {
		/* Without a type nothing more can be checked; as an end step it asks nothing of others. */
		s->type = STEP_END;
		return;
	}
	if (s->type == STEP_REPEAT)
		load_since_11(ld, tn, "the step type 'repeat'");
	load_text(ld, m, KW_title, &s->title);
	if (!s->title.msgid && !at[KW_title])
		diag_error(ld->d, m->loc, "step '%s' needs a 'title'", s->id ? s->id : "?");
	load_paras(ld, at[KW_text], "text", &s->text, &s->texts, &s->ntexts);
	load_paras(ld, at[KW_help], "help", &s->help, &s->helps, &s->nhelps);
	if (at[KW_guide] || at[KW_message] || at[KW_unit]) {
		struct step_more *more = step_more_make(s, ld->a);
		load_text(ld, m, KW_guide, &more->guide);
		load_text(ld, m, KW_message, &more->message);
		load_text(ld, m, KW_unit, &more->unit);
	}
	if (kind_of(s->type)->choices)
		load_choices(ld, s, at[KW_choices]);
	load_step_limits(ld, s, at);
	if (step_takes_answer(s->type))
		load_checks(ld, s, at[KW_check]);
	if (s->type == STEP_REPEAT && !ld->group)
		load_group(ld, s, m);

	const struct ynode *nn = at[KW_next];
	if (s->type == STEP_END) {
		if (nn)
			diag_error(ld->d, at[KW_next] ? nn->loc : m->loc, "an end step has no 'next'");
		const struct ynode *todo = at[KW_todo];
		if (todo && load_expect(ld, todo, YNODE_SEQ, "'todo'")) {
			struct step_more *more = step_more_make(s, ld->a);
			more->todo = arena_alloc(ld->a, (todo->n ? todo->n : 1) * sizeof *more->todo);
			for (size_t i = 0; i < todo->n; i++) {
				struct text *t = &more->todo[more->ntodo++];
				load_cond_text(ld, ynode_kid(todo, i), t, "an entry of 'todo'");
			}
		}
	} else if (nn) {
		load_next(ld, s, nn);
	}
}

/* Step i without 'next' goes on to the step after it, once that is read; the last has none to go to. */
static void load_default_next(struct loader *ld, size_t i)
{
	struct wizard *w = ld->w;
	struct step *s = &w->steps[i];
	if (s->type == STEP_END || s->nnext)
		return;
	if (i + 1 < w->nsteps) {
		s->next = arena_alloc(ld->a, sizeof *s->next);
		s->nnext = 1;
		s->next->target = (int)i + 1;
		s->next->loc = s->loc;
	} else {
		diag_error(ld->d, s->loc, "step '%s' is the last step but has no 'next'; add 'next' or make it an end "
			   "step", s->id);
	}
}

/*
 * While the steps are read: resolve the refs to steps read already and keep the others, in order, for
 * load_resolve_refs.  A 'next' most often names the step after it, so few are left; the list is looked
 * through again only once it has doubled, so that refs no step answers yet cost little.
 */
static void load_refs_known(struct loader *ld)
{
	if (ld->nrefs < 2 * ld->refs_left + 64)
		return;
	size_t k = 0;
	for (size_t i = 0; i < ld->nrefs; i++) {
		int s = wizard_step_index(ld->w, ld->refs[i].id);
		if (s >= 0)
			*ld->refs[i].target = s;
		else
			ld->refs[k++] = ld->refs[i];
	}
	ld->nrefs = ld->refs_left = k;
}

/* An item of 'steps', as the parse reads it or from the tree. */
static void load_steps_item(struct loader *ld, const struct ynode *m)
{
	struct wizard *w = ld->w;
	if (!load_expect(ld, m, YNODE_MAP, "a step"))
		return;
	/* A step that will be dropped (no usable id, or a duplicate) is loaded apart, so that it leaves
	 * nothing in the place of the next step, and its texts are still checked. */
	const struct ynode *idn = ynode_word(m, KW_id);
	bool named = idn && idn->kind == YNODE_SCALAR && load_is_id(idn->str) && !load_in(load_reserved, idn->str);
	int first = named ? strmap_add(&w->names, idn->str, (int)w->nsteps) : INT_MIN;	/* named so, once read */
	bool keep = named && first == INT_MIN;
	struct step *s;
	if (keep) {
		/* grown by doubling: the pages past the last step are never touched */
		util_grow((void **)&w->steps, &ld->capsteps, w->nsteps + 1, sizeof *w->steps);
		util_prefault(w->steps, ld->capsteps * sizeof *w->steps, (w->nsteps + 1) * sizeof *w->steps,
			      &ld->steps_ready);
		s = &w->steps[w->nsteps];
		*s = (struct step){ 0 };
		ld->cur = s;
		ld->cur_index = w->nsteps;
	} else {
		s = arena_alloc(ld->a, sizeof *s);
	}
	load_step(ld, s, m);
	ld->cur = NULL;
	if (named && !keep)	/* load_step took the same id: s->id is idn's */
		diag_error(ld->d, idn->loc, "duplicate step id '%s' (first at line %d)", s->id, w->steps[first].loc.line);
	else if (keep && ++w->nsteps > 1)
		load_default_next(ld, w->nsteps - 2);
	load_refs_known(ld);
}

/* What is left once every step is read. */
static void load_steps_end(struct loader *ld)
{
	struct wizard *w = ld->w;
	if (!w->steps)
		w->steps = xcalloc(1, sizeof *w->steps);
	if (w->nsteps)
		load_default_next(ld, w->nsteps - 1);
}

/* Move the last n - k elements of v (each size bytes) before the first k; those are few. */
static void load_move_front(void *v, size_t n, size_t k, size_t size)
{
	size_t tail = (n - k) * size;
	if (!tail || !k)
		return;
	char *tmp = xmalloc(tail);
	memcpy(tmp, (char *)v + k * size, tail);
	memmove((char *)v + tail, v, k * size);
	memcpy(v, tmp, tail);
	free(tmp);
}

/*
 * The steps read as the parse went came before the wizard's own texts read since: put those first, so that
 * translators get the texts in the file's order, as from the tree.
 */
static void load_steps_streamed(struct loader *ld)
{
	load_move_front(ld->texts, ld->ntexts, ld->texts_streamed, sizeof *ld->texts);
	load_move_front(ld->text_groups, ld->ntexts, ld->texts_streamed, sizeof *ld->text_groups);
}

static void load_glossary(struct loader *ld, const struct ynode *m)
{
	if (!load_expect(ld, m, YNODE_MAP, "'glossary'"))
		return;
	struct wizard *w = ld->w;
	w->glossary = arena_alloc(ld->a, (m->n ? m->n / 2 : 1) * sizeof *w->glossary);
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		struct glossary_entry *g = &w->glossary[w->nglossary];
		g->term = load_string(ld, ynode_kid(m, i), "a glossary term");
		g->loc = ynode_kid(m, i)->loc;
		load_text_node(ld, ynode_kid(m, i + 1), &g->text, "a glossary text");
		if (g->term && g->text.msgid)
			w->nglossary++;
	}
}

static void load_values(struct loader *ld, const struct ynode *m)
{
	if (!load_expect(ld, m, YNODE_MAP, "'values'"))
		return;
	struct wizard *w = ld->w;
	w->values = arena_alloc(ld->a, (m->n ? m->n / 2 : 1) * sizeof *w->values);
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		struct derived *v = &w->values[w->nvalues];
		v->name = load_id(ld, ynode_kid(m, i), "a value name");
		v->loc = ynode_kid(m, i)->loc;
		v->expr = load_expr(ld, ynode_kid(m, i + 1), "a value");
		if (v->name && v->expr)
			w->nvalues++;
	}
}

static void load_answer_map(struct loader *ld, const struct ynode *m, struct scenario_answer **out, size_t *n);

/* A repeated group's answer: a list of items, each a map from the group's step ids to answers. */
static void load_answer_rows(struct loader *ld, const struct ynode *n, struct answer_input *in)
{
	in->is_list = true;
	in->rows = arena_alloc(ld->a, (n->n ? n->n : 1) * sizeof *in->rows);
	for (size_t i = 0; i < n->n; i++) {
		struct repeat_input *r = &in->rows[in->nrows++];
		r->loc = ynode_kid(n, i)->loc;
		bool in_rows = ld->in_rows;
		ld->in_rows = true;	/* its ids are not the wizard's steps: resolved in the group */
		load_answer_map(ld, ynode_kid(n, i), &r->answers, &r->nanswers);
		ld->in_rows = in_rows;
	}
}

static void load_answer(struct loader *ld, const struct ynode *n, struct answer_input *in)
{
	in->loc = n->loc;
	if (n->kind == YNODE_SEQ && n->n && ynode_kid(n, 0)->kind == YNODE_MAP) {
		load_answer_rows(ld, n, in);
	} else if (n->kind == YNODE_SEQ) {
		in->is_list = true;
		in->items = arena_alloc(ld->a, (n->n ? n->n : 1) * sizeof *in->items);
		for (size_t i = 0; i < n->n; i++) {
			const char *s = load_string(ld, ynode_kid(n, i), "an answer in a list");
			if (s)
				in->items[in->nitems++] = s;
		}
	} else if (n->kind == YNODE_SCALAR) {
		in->text = ynode_is_null(n) ? NULL : load_string(ld, n, "an answer");
	} else {
		diag_error(ld->d, n->loc, "an answer must be text, a number or a list, not a mapping");
	}
}

/* A map from step id to answer, as in a scenario's 'answers' or an answers file. */
static void load_answer_map(struct loader *ld, const struct ynode *m, struct scenario_answer **out, size_t *n)
{
	*n = 0;
	if (!load_expect(ld, m, YNODE_MAP, "'answers'"))
		return;
	*out = arena_alloc(ld->a, (m->n ? m->n / 2 : 1) * sizeof **out);
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		struct scenario_answer *sa = &(*out)[*n];
		sa->step_id = load_id(ld, ynode_kid(m, i), "an answered step id");
		if (!sa->step_id)
			continue;
		sa->loc = ynode_kid(m, i)->loc;
		sa->step = -1;
		if (!ld->in_rows) {
			load_ref(ld, ynode_kid(m, i), &sa->step);
			util_grow((void **)&ld->answered, &ld->capanswered, ld->nanswered + 1, sizeof *ld->answered);
			ld->answered[ld->nanswered++] = sa;
		}
		load_answer(ld, ynode_kid(m, i + 1), &sa->input);
		(*n)++;
	}
}

/*
 * Whether a scenario may say what (new in format 1.1, named by n): in the wizard when it says 'trin: 1.1';
 * always in a scenario or answers file of its own, which only a trin that reads it is given, so that what
 * --record writes of a loop replays whatever the wizard's version.
 */
static bool load_scenario_since_11(struct loader *ld, const struct ynode *n, const char *what)
{
	return ld->scenario_file || load_since_11(ld, n, what);
}

/* What an answer must be refused with: 'refused: true' (any message) or the message itself. */
static void load_refusal(struct loader *ld, const struct ynode *n, struct scenario_answer *sa)
{
	if (!load_expect(ld, n, YNODE_SCALAR, "'refused'"))
		return;
	if (n->plain && (strcmp(n->str, "false") == 0 || ynode_is_null(n))) {
		diag_error(ld->d, n->loc, "'refused' is true or the message the answer must be refused with, "
			   "not '%s' (leave an answer that is taken without 'refused')", n->str);
		return;
	}
	sa->refused = true;
	if (!(n->plain && strcmp(n->str, "true") == 0))
		sa->refusal = load_string(ld, n, "'refused'");
}

/* One entry of answers as a list: a step id and its answer, and maybe 'refused'. */
static bool load_answer_entry(struct loader *ld, const struct ynode *m, struct scenario_answer *sa)
{
	static const char example[] = "as {navn: Ada} or {alder: 200, refused: true}";
	if (!load_expect(ld, m, YNODE_MAP, "an entry of 'answers'"))
		return false;
	const struct ynode *id = NULL, *answer = NULL, *refused = NULL;
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		const struct ynode *k = ynode_kid(m, i);
		if (k->kind == YNODE_SCALAR && strcmp(k->str, "refused") == 0 && m->n > 2) {
			refused = ynode_kid(m, i + 1);
		} else if (id) {
			diag_error(ld->d, k->loc, "an entry of 'answers' holds one answer, and this one has '%s' and "
				   "'%s': give each its own entry, %s", id->kind == YNODE_SCALAR ? id->str : "?",
				   k->kind == YNODE_SCALAR ? k->str : "?", example);
			return false;
		} else {
			id = k;
			answer = ynode_kid(m, i + 1);
		}
	}
	if (!id) {
		diag_error(ld->d, m->loc, "an entry of 'answers' needs a step id and its answer, %s", example);
		return false;
	}
	sa->loc = id->loc;
	if (!(sa->step_id = load_id(ld, id, "an answered step id")))
		return false;
	load_ref(ld, id, &sa->step);
	load_answer(ld, answer, &sa->input);
	if (refused)
		load_refusal(ld, refused, sa);
	return true;
}

/* (1.1) Answers as a list, one entry a visit, taken in order: a step visited twice is answered twice. */
static void load_answer_list(struct loader *ld, const struct ynode *list, struct scenario *sc)
{
	sc->nanswers = 0;
	if (!load_scenario_since_11(ld, list, "'answers' as a list"))
		return;
	sc->in_order = true;
	sc->answers = arena_alloc(ld->a, (list->n ? list->n : 1) * sizeof *sc->answers);
	for (size_t i = 0; i < list->n; i++)
		if (load_answer_entry(ld, ynode_kid(list, i), &sc->answers[sc->nanswers]))
			sc->nanswers++;
}

/* (1.1) The date a scenario's walk takes as today. */
static void load_scenario_today(struct loader *ld, const struct ynode *n, struct scenario *sc)
{
	if (load_scenario_since_11(ld, n, "'today' in a test"))
		sc->today = load_date(ld, n, "'today'");
	sc->today_loc = n->loc;
}

/* A map from step id (result) or value name (values) to what it must be at the end of the walk. */
static void load_expect_map(struct loader *ld, const struct ynode *m, bool values, struct scenario_expect **out,
			    size_t *n)
{
	*n = 0;
	if (!load_expect(ld, m, YNODE_MAP, values ? "'values'" : "'result'"))
		return;
	*out = arena_alloc(ld->a, (m->n ? m->n / 2 : 1) * sizeof **out);
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		struct scenario_expect *x = &(*out)[*n];
		x->name = load_id(ld, ynode_kid(m, i), values ? "a value name" : "a step id");
		if (!x->name)
			continue;
		x->index = -1;
		x->loc = ynode_kid(m, i + 1)->loc;
		if (!values)
			load_ref(ld, ynode_kid(m, i), &x->index);
		util_grow((void **)&ld->pending, &ld->cappending, ld->npending + 1, sizeof *ld->pending);
		ld->pending[ld->npending++] = (struct load_pending){ ynode_kid(m, i), ynode_kid(m, i + 1), x, values };
		(*n)++;
	}
}

/* The steps a scenario must visit, from the start to the end. */
static void load_path(struct loader *ld, const struct ynode *list, struct scenario *sc)
{
	if (!load_expect(ld, list, YNODE_SEQ, "'path'"))
		return;
	if (list->n == 0) {
		diag_error(ld->d, list->loc, "'path' is empty: list the steps visited, from the start to the end");
		return;
	}
	sc->path = arena_alloc(ld->a, list->n * sizeof *sc->path);
	for (size_t i = 0; i < list->n; i++) {
		sc->path[i] = -1;
		if (load_id(ld, ynode_kid(list, i), "a step id in 'path'"))
			load_ref(ld, ynode_kid(list, i), &sc->path[i]);
	}
	sc->npath = list->n;
}

/*
 * One scenario, a mapping of name, answers and end, and what the walk must give: result, values, path.
 * The end is required when need_end.
 */
static void load_scenario(struct loader *ld, const struct ynode *m, struct scenario *sc, size_t number, bool need_end)
{
	load_keys(ld, m, load_test_keys, "a test");
	sc->loc = m->loc;
	sc->end = -1;
	const struct ynode *n;
	sc->name = (n = ynode_word(m, KW_name)) ? load_string(ld, n, "'name'") : NULL;
	if (!sc->name)
		sc->name = arena_printf(ld->a, "test %zu", number);
	if ((n = ynode_word(m, KW_answers)) && n->kind == YNODE_SEQ)
		load_answer_list(ld, n, sc);
	else if (n)
		load_answer_map(ld, n, &sc->answers, &sc->nanswers);
	if ((n = ynode_word(m, KW_today)))
		load_scenario_today(ld, n, sc);
	if ((n = ynode_word(m, KW_end))) {
		sc->end_loc = n->loc;
		if (load_id(ld, n, "'end'"))
			load_ref(ld, n, &sc->end);
	} else if (need_end) {
		diag_error(ld->d, m->loc, "a test needs 'end': the id of the end step it must reach");
	}
	if ((n = ynode_word(m, KW_result)))
		load_expect_map(ld, n, false, &sc->result, &sc->nresult);
	if ((n = ynode_word(m, KW_values)))
		load_expect_map(ld, n, true, &sc->values, &sc->nvalues);
	if ((n = ynode_word(m, KW_path)))
		load_path(ld, n, sc);
}

/* The items of group g's answer: each id one of g's steps, no item inside an item, no more than max. */
static void load_group_rows(struct loader *ld, const struct step *g, struct answer_input *in)
{
	if (in->nrows > repeat_max(g))
		diag_error(ld->d, in->loc, "the group '%s' takes at most %zu items, not %zu", g->id, repeat_max(g),
			   in->nrows);
	for (size_t r = 0; r < in->nrows; r++) {
		for (size_t i = 0; i < in->rows[r].nanswers; i++) {
			struct scenario_answer *sa = &in->rows[r].answers[i];
			sa->step = repeat_inner_index(g, sa->step_id);
			if (sa->step < 0)
				diag_error(ld->d, sa->input.loc, "'%s' is not a step of the group '%s'", sa->step_id, g->id);
			else if (sa->input.rows)
				diag_error(ld->d, sa->input.loc, "'%s' is a step of type %s: a list of mappings answers "
					   "only a repeated group", sa->step_id,
					   step_type_name(step_more(g)->inner[sa->step].type));
		}
	}
}

/* Check every answer read against the groups, now that the steps are known. */
static void load_group_answers(struct loader *ld)
{
	for (size_t i = 0; i < ld->nanswered; i++) {
		struct scenario_answer *sa = ld->answered[i];
		if (sa->step < 0)
			continue;
		const struct step *s = &ld->w->steps[sa->step];
		if (s->type == STEP_REPEAT && !sa->input.rows)
			diag_error(ld->d, sa->input.loc, "the answer of the group '%s' is a list of items, each a mapping "
				   "such as {%s: ...}", s->id, step_more(s)->ninner ? step_more(s)->inner[0].id : "id");
		else if (s->type == STEP_REPEAT)
			load_group_rows(ld, s, &sa->input);
		else if (sa->input.rows)
			diag_error(ld->d, sa->input.loc, "'%s' is a step of type %s: a list of mappings answers only a "
				   "repeated group", s->id, step_type_name(s->type));
	}
	ld->nanswered = 0;
}

static void load_tests(struct loader *ld, const struct ynode *list)
{
	if (!load_expect(ld, list, YNODE_SEQ, "'tests'"))
		return;
	struct wizard *w = ld->w;
	w->tests = arena_alloc(ld->a, (list->n ? list->n : 1) * sizeof *w->tests);
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = ynode_kid(list, i);
		if (load_expect(ld, m, YNODE_MAP, "a test"))
			load_scenario(ld, m, &w->tests[w->ntests++], i + 1, true);
	}
}

const char *wizard_suggest(const struct wizard *w, const char *name)
{
	const char *best = NULL;
	size_t bestd = strlen(name) < 4 ? 1 : 2;
	for (size_t i = 0; i < w->nsteps + w->nvalues; i++) {
		const char *cand = i < w->nsteps ? w->steps[i].id : w->values[i - w->nsteps].name;
		if (strcmp(cand, name) == 0)
			continue;
		size_t dist = util_edit_distance(name, cand, bestd);
		if (dist <= bestd && (!best || dist < bestd)) {
			best = cand;
			bestd = dist;
		}
	}
	return best;
}

int wizard_step_index(const struct wizard *w, const char *id)
{
	int i = strmap_get(&w->names, id);
	return i >= 0 && (size_t)i < w->nsteps ? i : -1;
}

static void load_resolve_refs(struct loader *ld, size_t first)
{
	struct wizard *w = ld->w;
	for (size_t i = first; i < ld->nrefs; i++) {
		const struct load_ref *r = &ld->refs[i];
		int s = wizard_step_index(w, r->id);
		if (s < 0) {
			const char *near = load_scope_suggest(ld, r->id);
			if (near && wizard_step_index(w, near) >= 0)
				diag_error(ld->d, r->loc, "unknown step '%s' (did you mean '%s'?)", r->id, near);
			else
				diag_error(ld->d, r->loc, "unknown step '%s'", r->id);
		}
		*ld->refs[i].target = s;
	}
}

static void load_bind_value(struct loader *ld, size_t i);

static int load_scope_lookup(void *ctx, const char *name, expr_type *type)
{
	struct loader *ld = ctx;
	struct wizard *w = ld->w;
	int sym = strmap_get(&w->names, name);
	if (sym < 0)
		return -1;
	if ((size_t)sym < w->nsteps) {
		*type = kind_of(w->steps[sym].type)->answer;
		return *type ? sym : -1;
	}
	size_t v = (size_t)sym - w->nsteps;
	load_bind_value(ld, v);
	*type = w->values[v].type ? w->values[v].type : TYPE_ANY;
	return sym;
}

/* The most the answer of step s can hold (a text of at most 4 bytes a character). */
static struct expr_size load_answer_size(const struct step *s)
{
	struct expr_size size = { 0, 0 };
	switch (s->type) {
	case STEP_TEXT:
		size.text = 4 * (uint64_t)s->max_length;
		break;
	case STEP_DATE:
		size.text = 10;
		break;
	case STEP_CHOICE:
	case STEP_MULTI:
		for (size_t i = 0; i < s->nchoices; i++) {
			uint64_t len = s->choices[i].value ? strlen(s->choices[i].value) : 0;
			if (s->type == STEP_MULTI)
				size.text += len;
			else if (len > size.text)
				size.text = len;
		}
		size.items = s->type == STEP_MULTI ? s->nchoices : 0;
		break;
	case STEP_REPEAT:	/* each item a list of the answers of the group's steps */
		for (size_t i = 0; i < step_more(s)->ninner; i++) {
			struct expr_size one = load_answer_size(&step_more(s)->inner[i]);
			size.text += one.text;
			size.items += one.items + 1;
		}
		size.text *= repeat_max(s);
		size.items = (size.items + 1) * repeat_max(s);
		break;
	case STEP_INFO:
	case STEP_YESNO:
	case STEP_NUMBER:
	case STEP_REVIEW:
	case STEP_END:
		break;
	}
	return size;
}

/* Whether a name holds a date: a date step's answer, or a value that is one (today(), add_days(...)). */
static bool load_scope_date(void *ctx, int sym)
{
	const struct loader *ld = ctx;
	const struct wizard *w = ld->w;
	if ((size_t)sym < w->nsteps)
		return w->steps[sym].type == STEP_DATE;
	size_t v = (size_t)sym - w->nsteps;
	return ld->value_state[v] == 2 && expr_is_date(w->values[v].expr);
}

/* The most a step's answer or a bound value can hold. */
static struct expr_size load_scope_size(void *ctx, int sym)
{
	const struct loader *ld = ctx;
	const struct wizard *w = ld->w;
	if ((size_t)sym >= w->nsteps) {
		size_t v = (size_t)sym - w->nsteps;
		return ld->value_state[v] == 2 ? expr_max_size(w->values[v].expr) : (struct expr_size){ 0, 0 };
	}
	return load_answer_size(&w->steps[sym]);
}

/* The place of the step named name in an item of group sym, with its type; name NULL: whether sym is one. */
static int load_scope_item(void *ctx, int sym, const char *name, expr_type *type)
{
	const struct wizard *w = ((const struct loader *)ctx)->w;
	if (sym < 0 || (size_t)sym >= w->nsteps || w->steps[sym].type != STEP_REPEAT)
		return -1;
	if (!name)
		return 0;
	int j = repeat_inner_index(&w->steps[sym], name);
	if (j < 0 || !step_takes_answer(step_more(&w->steps[sym])->inner[j].type))
		return -1;
	*type = kind_of(step_more(&w->steps[sym])->inner[j].type)->answer;
	return j;
}

/* The group that has a step named name, or NULL. */
static const char *load_scope_owner(void *ctx, const char *name)
{
	const struct step *g = repeat_owner(((const struct loader *)ctx)->w, name);
	return g ? g->id : NULL;
}

/* A suggestion is worth its search over every name only while diagnostics are still shown. */
static const char *load_scope_suggest(void *ctx, const char *name)
{
	const struct loader *ld = ctx;
	return diag_full(ld->d) ? NULL : wizard_suggest(ld->w, name);
}

/* The names expressions of the wizard being loaded can read, and what is known of them. */
static struct expr_scope load_scope(struct loader *ld)
{
	return (struct expr_scope){ .lookup = load_scope_lookup, .suggest = load_scope_suggest, .ctx = ld,
				    .size = load_scope_size, .date = load_scope_date, .minor = ld->w->minor,
				    .item = load_scope_item, .owner = load_scope_owner };
}

#define LOAD_MAX_VALUE_DEPTH 100	/* values in a chain, each reading the next */
#define LOAD_MAX_VALUE_NESTING 1000	/* levels of their expressions, nested through the chain */

/* How deep one value's expression nests, counted as it nests inside a value that reads it. */
static size_t load_nesting(const struct derived *v)
{
	return 1 + (size_t)expr_depth(v->expr);
}

/* The longest chain of values a value reads, itself included, and their deepest nesting, as its binding ends. */
struct load_height {
	struct loader *ld;
	size_t height, nesting;
	bool deep;		/* it reads a value that is already too deep */
};

static void load_height_of(void *ctx, int sym)
{
	struct load_height *h = ctx;
	struct loader *ld = h->ld;
	if ((size_t)sym < ld->w->nsteps)
		return;
	size_t v = (size_t)sym - ld->w->nsteps;
	if (ld->value_state[v] != 2)	/* in a cycle, reported as such */
		return;
	if (ld->value_height[v] > LOAD_MAX_VALUE_DEPTH)
		h->deep = true;
	if (ld->value_height[v] + 1 > h->height)
		h->height = ld->value_height[v] + 1;
	if (ld->value_nesting[v] > h->nesting)
		h->nesting = ld->value_nesting[v];
}

/* Report that value i reads values too deep, and leave it (and so every value that reads it) unbound. */
static void load_too_deep(struct loader *ld, size_t i, bool count)
{
	struct derived *v = &ld->w->values[i];
	if (count)
		diag_error(ld->d, v->loc, "values depend on each other more than %d deep", LOAD_MAX_VALUE_DEPTH);
	else
		diag_error(ld->d, v->loc, "value '%s' and the values it reads nest more than %d levels deep in all",
			   v->name, LOAD_MAX_VALUE_NESTING);
	ld->value_height[i] = LOAD_MAX_VALUE_DEPTH + 1;
	expr_unbind(v->expr);
}

/*
 * Values read each other at most LOAD_MAX_VALUE_DEPTH deep, and their expressions nest through them at
 * most LOAD_MAX_VALUE_NESTING levels, so that binding and working one out (and the checker's walks
 * through them) recurse a bounded depth.  The binder's recursion is bounded here; a chain written in
 * order, which binds without recursion, is measured as each value's binding ends.  The value where a chain
 * goes too deep is reported; it and every value that reads it are left unbound, so nothing walks on.
 */
static void load_bind_value(struct loader *ld, size_t i)
{
	struct derived *v = &ld->w->values[i];
	if (ld->value_state[i] == 2)
		return;
	if (ld->value_state[i] == 1) {
		diag_error(ld->d, v->loc, "value '%s' depends on itself", v->name);
		v->type = TYPE_ANY;
		ld->value_state[i] = 2;
		return;
	}
	size_t nesting = load_nesting(v);
	if (ld->value_depth >= LOAD_MAX_VALUE_DEPTH || ld->value_nesting_now + nesting > LOAD_MAX_VALUE_NESTING) {
		v->type = TYPE_ANY;
		ld->value_state[i] = 2;
		load_too_deep(ld, i, ld->value_depth >= LOAD_MAX_VALUE_DEPTH);
		return;
	}
	ld->value_state[i] = 1;
	ld->value_depth++;
	ld->value_nesting_now += nesting;
	struct expr_scope scope = load_scope(ld);
	expr_type t = expr_bind(v->expr, &scope, ld->d);
	ld->value_nesting_now -= nesting;
	ld->value_depth--;
	if (ld->value_state[i] == 1)
		v->type = t ? t : TYPE_ANY;
	ld->value_state[i] = 2;
	struct load_height h = { ld, 1, 0, false };
	expr_symbols(v->expr, load_height_of, &h);
	ld->value_height[i] = h.height;
	ld->value_nesting[i] = h.nesting + nesting;
	if (h.deep)
		ld->value_height[i] = LOAD_MAX_VALUE_DEPTH + 1;	/* reported where it went too deep */
	if (h.deep)
		expr_unbind(v->expr);
	else if (h.height > LOAD_MAX_VALUE_DEPTH || ld->value_nesting[i] > LOAD_MAX_VALUE_NESTING)
		load_too_deep(ld, i, h.height > LOAD_MAX_VALUE_DEPTH);
}

/* Bind the condition of a text or choice (1.1), which must be true or false. */
static void load_bind_when(struct loader *ld, const struct expr_scope *scope, struct expr *when)
{
	if (!when)
		return;
	expr_type t = expr_bind(when, scope, ld->d);
	if (t && !(t & TYPE_BOOL))
		diag_error(ld->d, expr_loc(when), "'when' must be true or false, but this is never a boolean");
}

/* Bind the condition and the count of text t (1.1); the count must be a number. */
static void load_bind_text(struct loader *ld, const struct expr_scope *scope, struct text *t)
{
	load_bind_when(ld, scope, text_when(t));
	struct expr *count = text_count(t);
	if (!count)
		return;
	expr_type type = expr_bind(count, scope, ld->d);
	if (type && !(type & TYPE_NUM))
		diag_error(ld->d, expr_loc(count), "'count' must be a number, but this is never one");
}

/* Bind the conditions of s's texts, help, choices and todo items. */
static void load_bind_content(struct loader *ld, const struct expr_scope *scope, struct step *s)
{
	load_bind_text(ld, scope, &s->text);
	load_bind_text(ld, scope, &s->help);
	for (size_t k = 0; k < s->ntexts; k++)
		load_bind_text(ld, scope, &s->texts[k]);
	for (size_t k = 0; k < s->nhelps; k++)
		load_bind_text(ld, scope, &s->helps[k]);
	for (size_t k = 0; k < s->nchoices; k++)
		load_bind_when(ld, scope, s->choices[k].when);
	for (size_t k = 0; k < step_more(s)->ntodo; k++)
		load_bind_text(ld, scope, &step_more(s)->todo[k]);
}

/* Bind the checks and the limits written as expressions of step s (1.1), and check their types. */
static void load_bind_rules(struct loader *ld, const struct step *s, const struct expr_scope *scope)
{
	const struct step_more *more = step_more(s);
	for (size_t k = 0; k < more->nchecks; k++) {
		if (!more->checks[k].valid)
			continue;
		expr_type t = expr_bind(more->checks[k].valid, scope, ld->d);
		if (t && !(t & TYPE_BOOL))
			diag_error(ld->d, more->checks[k].loc, "'valid' must be true or false, but this is never a "
				   "boolean");
	}
	const struct step_bound *bounds[] = { &more->min_expr, &more->max_expr };
	expr_type want = s->type == STEP_NUMBER ? TYPE_NUM : TYPE_STR;
	for (size_t k = 0; k < ARRAY_LEN(bounds); k++) {
		if (!bounds[k]->expr)
			continue;
		expr_type t = expr_bind(bounds[k]->expr, scope, ld->d);
		if (t && !(t & want))
			diag_error(ld->d, bounds[k]->loc, "'%s' must be %s, but this is never one", k ? "max" : "min",
				   s->type == STEP_NUMBER ? "a number" : "a date (a text YYYY-MM-DD)");
	}
}

/* A read of the item at hand by an expression of step j of group g: only of steps before j (after: j too). */
struct load_item_read {
	struct loader *ld;
	const struct step *g;
	size_t j;
	bool after;		/* a check or limit: read once step j's answer is given */
	const char *key;
};

static void load_item_read(void *ctx, int place, struct loc at)
{
	const struct load_item_read *r = ctx;
	const struct step *q = &step_more(r->g)->inner[r->j];
	if ((size_t)place == r->j && !r->after)
		diag_error(r->ld->d, at, "'%s' on step '%s' reads '%s', its own answer, which is not given while the "
			   "step is shown", r->key, q->id, q->id);
	else if ((size_t)place > r->j)
		diag_error(r->ld->d, at, "'%s' on step '%s' reads '%s', which the item answers only after it", r->key,
			   q->id, step_more(r->g)->inner[place].id);
}

static void load_item_content(void *ctx, const struct expr *e, const char *key, int step, struct loc at)
{
	struct load_item_read *r = ctx;
	(void)step;
	(void)at;
	r->key = key;
	expr_items(e, load_item_read, r);
}

/* The expressions of step j of group g read the item's answers given before it (its checks: its own too). */
static void load_item_order(struct loader *ld, const struct step *g, size_t j)
{
	const struct step *q = &step_more(g)->inner[j];
	struct load_item_read r = { ld, g, j, false, NULL };
	content_each_expr_of(q, 0, load_item_content, &r);
	r.after = true;
	r.key = "check";
	for (size_t k = 0; k < step_more(q)->nchecks; k++)
		if (step_more(q)->checks[k].valid)
			expr_items(step_more(q)->checks[k].valid, load_item_read, &r);
	const struct step_bound *bounds[] = { &step_more(q)->min_expr, &step_more(q)->max_expr };
	for (size_t k = 0; k < ARRAY_LEN(bounds); k++) {
		r.key = k ? "max" : "min";
		if (bounds[k]->expr)
			expr_items(bounds[k]->expr, load_item_read, &r);
	}
}

static void load_bind(struct loader *ld)
{
	struct wizard *w = ld->w;
	for (size_t i = 0; i < w->nvalues; i++) {
		if (!strmap_put(&w->names, w->values[i].name, (int)(w->nsteps + i)))
			diag_error(ld->d, w->values[i].loc, "value '%s' has the same name as a step or another value",
				   w->values[i].name);
	}
	ld->value_state = xcalloc(w->nvalues ? w->nvalues : 1, 1);
	ld->value_height = xcalloc(w->nvalues ? w->nvalues : 1, sizeof *ld->value_height);
	ld->value_nesting = xcalloc(w->nvalues ? w->nvalues : 1, sizeof *ld->value_nesting);
	for (size_t i = 0; i < w->nvalues; i++)
		load_bind_value(ld, i);
	struct expr_scope scope = load_scope(ld);
	for (size_t i = 0; i < w->nsteps; i++) {
		struct step *s = &w->steps[i];
		for (size_t j = 0; j < s->nnext; j++) {
			if (!s->next[j].when)
				continue;
			expr_type t = expr_bind(s->next[j].when, &scope, ld->d);
			if (t && !(t & TYPE_BOOL))
				diag_error(ld->d, s->next[j].loc, "'when' must be true or false, but this is never a "
					   "boolean");
		}
		load_bind_content(ld, &scope, s);
		load_bind_rules(ld, s, &scope);
		if (s->type != STEP_REPEAT)
			continue;
		struct expr_scope in = scope;	/* a group's steps read the item at hand by their ids */
		in.in_group = (int)i + 1;
		for (size_t j = 0; j < step_more(s)->ninner; j++) {
			load_bind_content(ld, &in, &step_more(s)->inner[j]);
			load_bind_rules(ld, &step_more(s)->inner[j], &in);
			load_item_order(ld, s, j);
		}
	}
}

/* Check {name} in every text: the name must be a step with an answer or a value. */
static void load_check_text(struct loader *ld, struct text *t, const struct step *group)
{
	const char *s = t->msgid;
	struct loc at = t->loc;	/* of byte `done`, advanced with the scan: a text of many braces costs one pass */
	size_t done = 0;
	if (!s)	/* the place of a step or choice refused: what was read there is gone */
		return;
	for (size_t i = 0; s[i];) {
		struct template_piece p = template_piece(s, i);
		i += p.len;
		if (p.kind == TEMPLATE_PLAIN || p.kind == TEMPLATE_BRACE)
			continue;
		if (t->exact) {
			at = diag_loc_advance(at, s + done, p.start - done);
			done = p.start;
		}
		if (p.kind == TEMPLATE_LONE_CLOSE) {
			diag_error(ld->d, at, "a lone '}' in a text; write '}}' for a brace");
			continue;
		}
		if (p.kind == TEMPLATE_UNCLOSED) {
			diag_error(ld->d, at, "'{' without '}' in a text; write '{{' for a brace");
			return;
		}
		char *name = xstrndup(s + p.name, p.name_len);
		expr_type type;
		int step = wizard_step_index(ld->w, name);
		int inner = group ? repeat_inner_index(group, name) : -1;
		const struct step *owner = inner < 0 && step < 0 ? repeat_owner(ld->w, name) : NULL;
		if (group && group->id && strcmp(name, group->id) == 0 && t == &step_more(group)->item) {
			diag_error(ld->d, at, "'{%s}' in the group's own 'item': an item shows its steps' answers, not "
				   "the items of its group", name);
		} else if (inner >= 0 && !step_takes_answer(step_more(group)->inner[inner].type)) {
			diag_error(ld->d, at, "'{%s}' in a text: step '%s' is of type %s and has no answer to show",
				   name, name, step_type_name(step_more(group)->inner[inner].type));
		} else if (inner >= 0) {
			/* an answer of the same item */
		} else if (owner) {
			diag_error(ld->d, at, "'{%s}' in a text: '%s' is a step of the group '%s', shown only in its "
				   "own texts; show the items with {%s}", name, name, owner->id, owner->id);
		} else if (load_scope_lookup(ld, name, &type) < 0) {
			const char *near = load_scope_suggest(ld, name);
			if (step >= 0)
				diag_error(ld->d, at, "'{%s}' in a text: step '%s' is of type %s and has no answer to show",
					   name, name, step_type_name(ld->w->steps[step].type));
			else if (!load_is_id(name))
				diag_error(ld->d, at, "'{%s}' in a text: write a step id or value name in braces, or "
					   "'{{' for a brace", name);
			else if (near)
				diag_error(ld->d, at, "unknown name '%s' in a text (did you mean '%s'?)", name, near);
			else
				diag_error(ld->d, at, "unknown name '%s' in a text", name);
		}
		free(name);
	}
}

/* What a scenario may expect of a name: the kinds of value, what its list items may be, and whose it is. */
struct load_want {
	expr_type type, items;
	bool date;		/* text must be a date, YYYY-MM-DD */
	bool item;		/* this is an item of the list expected */
	const char *what;	/* "answer" or "value" */
	const char *name;
	const struct step *multi;	/* the answer of this multi step: a set, kept in the order of its choices */
};

/* The kinds of value in want, in words for an error: "a number or null". */
static void load_want_words(const struct load_want *want, char *buf, size_t size)
{
	const char *words[6];
	size_t n = 0, len = 0;
	if (want->type & TYPE_BOOL) {
		words[n++] = "true";
		words[n++] = "false";
	}
	if (want->type & TYPE_NUM)
		words[n++] = "a number";
	if (want->type & TYPE_STR)
		words[n++] = want->date ? "a date written YYYY-MM-DD" : "text";
	if (want->type & TYPE_LIST)
		words[n++] = "a list";
	if (want->type & TYPE_NULL)
		words[n++] = "null";
	buf[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++) {
		int w = snprintf(buf + len, size - len, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", words[i]);
		len += w > 0 ? (size_t)w : 0;
	}
}

/* The place of value among the choices of s, or the number of choices when it is none of them. */
static size_t load_choice_index(const struct step *s, const struct value *v)
{
	int k = v->type == VAL_STR ? step_choice_index(s, v->u.s) : -1;
	return k >= 0 ? (size_t)k : s->nchoices;
}

/* The items of an expected multi answer in the order of the choices, as the engine keeps them: a set. */
static void load_choice_order(const struct step *s, struct value *items, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct value v = items[i];
		size_t at = load_choice_index(s, &v), j = i;
		for (; j > 0 && load_choice_index(s, &items[j - 1]) > at; j--)
			items[j] = items[j - 1];
		items[j] = v;
	}
}

/*
 * What a scenario expects, n, as a value of a kind in want: null, true or false, a number, text, or a list
 * of items.  A number or a boolean in quotes is text when text is allowed, as JSON reads it; without
 * quotes it is text only when nothing else is allowed (a text step).  Strings and lists live in the
 * loader's arena.
 */
static bool load_expected(struct loader *ld, const struct ynode *n, const struct load_want *want, struct value *out)
{
	if (n->alias)
		return false;
	int64_t num;
	if (ynode_is_null(n)) {
		if (want->type & TYPE_NULL) {
			*out = (struct value){ .type = VAL_NULL };
			return true;
		}
	} else if (n->kind == YNODE_SEQ && (want->type & TYPE_LIST)) {
		struct value *items = arena_alloc(ld->a, (n->n ? n->n : 1) * sizeof *items);
		struct load_want each = { want->items, want->items, false, true, want->what, want->name, NULL };
		for (size_t i = 0; i < n->n; i++)
			if (!load_expected(ld, ynode_kid(n, i), &each, &items[i]))
				return false;
		if (want->multi)
			load_choice_order(want->multi, items, n->n);
		*out = (struct value){ VAL_LIST, { .list = { items, n->n } } };
		return true;
	} else if (n->kind == YNODE_SCALAR) {
		bool is_bool = n->plain && (strcmp(n->str, "true") == 0 || strcmp(n->str, "false") == 0);
		if ((want->type & TYPE_BOOL) && is_bool) {
			*out = (struct value){ VAL_BOOL, { .b = n->str[0] == 't' } };
			return true;
		}
		if ((want->type & TYPE_NUM) && (n->plain || !(want->type & TYPE_STR)) && value_num_parse(n->str, &num)) {
			*out = (struct value){ VAL_NUM, { .n = num } };
			return true;
		}
		if ((want->type & TYPE_STR) && (!want->date || util_date_iso(n->str))) {
			if (!load_clean(ld, n))
				return false;
			*out = (struct value){ VAL_STR, { .s = n->str } };
			return true;
		}
	}
	char words[128];
	load_want_words(want, words, sizeof words);
	const char *whose = want->item ? "an item of the" : "the";
	if (n->kind == YNODE_SCALAR && !ynode_is_null(n))
		diag_error(ld->d, n->loc, "%s expected %s of '%s' must be %s, not '%s'", whose, want->what, want->name,
			   words, n->str);
	else
		diag_error(ld->d, n->loc, "%s expected %s of '%s' must be %s, not %s", whose, want->what, want->name,
			   words, ynode_is_null(n) ? "null" : n->kind == YNODE_SEQ ? "a list" : "a mapping");
	return false;
}

/*
 * What a scenario expects of group g's answer, n: a list of items, each a map from g's step ids to
 * answers; as the engine keeps it, each item a list of the answers in the order of g's steps (null for a
 * step not named).
 */
static bool load_expected_group(struct loader *ld, const struct ynode *n, const struct step *g, struct value *out)
{
	if (n->kind != YNODE_SEQ) {
		diag_error(ld->d, n->loc, "the expected answer of the group '%s' must be a list of items, each a mapping",
			   g->id);
		return false;
	}
	struct value *items = arena_alloc(ld->a, (n->n ? n->n : 1) * sizeof *items);
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *m = ynode_kid(n, i);
		if (m->kind != YNODE_MAP) {
			diag_error(ld->d, m->loc, "an item of the group '%s' must be a mapping from its step ids to "
				   "answers", g->id);
			return false;
		}
		size_t ninner = step_more(g)->ninner;
		struct value *cells = arena_alloc(ld->a, (ninner ? ninner : 1) * sizeof *cells);
		for (size_t j = 0; j < ninner; j++)
			cells[j] = (struct value){ .type = VAL_NULL };
		for (size_t k = 0; k + 1 < m->n; k += 2) {
			const struct ynode *key = ynode_kid(m, k);
			int j = key->kind == YNODE_SCALAR ? repeat_inner_index(g, key->str) : -1;
			if (j < 0 || !step_takes_answer(step_more(g)->inner[j].type)) {
				diag_error(ld->d, key->loc, "'%s' is not a step of the group '%s' that takes an answer",
					   key->kind == YNODE_SCALAR ? key->str : "?", g->id);
				return false;
			}
			const struct step *s = &step_more(g)->inner[j];
			struct load_want want = { kind_of(s->type)->answer, TYPE_STR, s->type == STEP_DATE, false,
						  "answer", s->id, s->type == STEP_MULTI ? s : NULL };
			if (!load_expected(ld, ynode_kid(m, k + 1), &want, &cells[j]))
				return false;
		}
		items[i] = (struct value){ VAL_LIST, { .list = { cells, step_more(g)->ninner } } };
	}
	*out = (struct value){ VAL_LIST, { .list = { items, n->n } } };
	return true;
}

/* Type what the scenarios expect, now that every step and value is known and bound. */
static void load_expectations(struct loader *ld)
{
	const struct wizard *w = ld->w;
	for (size_t i = 0; i < ld->npending; i++) {
		const struct load_pending *p = &ld->pending[i];
		struct scenario_expect *x = p->x;
		struct load_want want = { 0, TYPE_ANY, false, false, "value", x->name, NULL };
		if (p->is_value) {
			int sym = strmap_get(&w->names, x->name);
			const char *near = sym < 0 ? load_scope_suggest(ld, x->name) : NULL;
			if (sym >= 0 && (size_t)sym < w->nsteps)
				diag_error(ld->d, p->key->loc, "'%s' is a step, not a value: expect its answer under 'result'",
					   x->name);
			else if (sym < 0 && near && wizard_step_index(w, near) < 0)
				diag_error(ld->d, p->key->loc, "unknown value '%s' (did you mean '%s'?)", x->name, near);
			else if (sym < 0)
				diag_error(ld->d, p->key->loc, "unknown value '%s'", x->name);
			if (sym < 0 || (size_t)sym < w->nsteps)
				continue;
			x->index = sym - (int)w->nsteps;
			want.type = w->values[x->index].type;
		} else {
			if (x->index < 0)	/* an unknown step, already reported */
				continue;
			const struct step *s = &w->steps[x->index];
			if (s->type == STEP_REPEAT) {
				load_expected_group(ld, p->value, s, &x->value);
				continue;
			}
			want = (struct load_want){ kind_of(s->type)->answer, TYPE_STR, s->type == STEP_DATE, false,
						   "answer", x->name, s->type == STEP_MULTI ? s : NULL };
			if (!want.type) {
				diag_error(ld->d, p->key->loc, "step '%s' is of type %s and has no answer in the result",
					   x->name, step_type_name(s->type));
				continue;
			}
		}
		load_expected(ld, p->value, &want, &x->value);
	}
}

/*
 * A wizard's domain (its 'domain', else its id) must be its own: never "trin", whose messages are formats;
 * and its language a language code, which names the folder of trin's catalogues it is shown with.
 */
static void load_domain(struct loader *ld, const struct ynode *root)
{
	const struct ynode *lang = ynode_word(root, KW_language);
	if (lang && ld->w->language && !i18n_language_code(ld->w->language)) {
		diag_error(ld->d, lang->loc, "language '%s' is not a language code (such as da, en or pt_BR)",
			   ld->w->language);
		ld->w->language = "da";
	}
	const char *why;
	if (!ld->w->domain || i18n_wizard_domain(ld->w->domain, &why))
		return;
	const struct ynode *at = ynode_word(root, KW_domain);
	if (!at)
		at = ynode_word(root, KW_id);
	if (!at)	/* the domain is the file's name, which the author did not write as one */
		diag_error(ld->d, root->loc, "%s (without 'id' or 'domain', the domain is the file's name)", why);
	else
		diag_error(ld->d, at->loc, "%s", why);
}

static void load_wizard(struct loader *ld, const struct ynode *root)
{
	struct wizard *w = ld->w;
	if (!load_expect(ld, root, YNODE_MAP, "a wizard"))
		return;
	const struct ynode *n;
	w->minor = 1;	/* without a version it is not known; ask nothing more of the keys */
	if (!(n = ynode_word(root, KW_trin)))
		diag_error(ld->d, root->loc, "the wizard needs 'trin: 1.1' (the format version) at the top");
	else if (n->kind == YNODE_SCALAR && strcmp(n->str, "1") == 0)
		w->minor = 0;
	else if (n->kind != YNODE_SCALAR || strcmp(n->str, "1.1") != 0)
		diag_error(ld->d, n->loc, "format version '%s' is not supported; this trin reads 'trin: 1' and "
			   "'trin: 1.1'", n->kind == YNODE_SCALAR ? n->str : "?");
	load_keys(ld, root, load_wizard_keys, "the wizard");
	if ((n = ynode_word(root, KW_id)))
		w->id = load_id(ld, n, "the wizard id");
	if (!w->id) {
		const char *base = strrchr(w->file, '/');
		base = base ? base + 1 : w->file;
		size_t len = strcspn(base, ".");
		w->id = arena_strndup(ld->a, base, len);
		if (!load_plain_name(w->id))	/* trin graph, trin run --json and the statistics show it */
			diag_error(ld->d, root->loc, "the file's name, the wizard's id without 'id', holds a control, "
				   "format or private-use character or is not UTF-8: give the wizard an 'id'");
	}
	load_text(ld, root, KW_title, &w->title);
	if (!ynode_word(root, KW_title))
		diag_error(ld->d, root->loc, "the wizard needs a 'title'");
	load_text(ld, root, KW_description, &w->description);
	w->language = (n = ynode_word(root, KW_language)) ? load_string(ld, n, "'language'") : NULL;
	if (!w->language)
		w->language = "da";
	w->domain = (n = ynode_word(root, KW_domain)) ? load_string(ld, n, "'domain'") : NULL;
	if (!w->domain)
		w->domain = w->id;
	load_domain(ld, root);
	if ((n = ynode_word(root, KW_glossary)))
		load_glossary(ld, n);
	if ((n = ynode_word(root, KW_values)))
		load_values(ld, n);
	const struct ynode *steps = ynode_word(root, KW_steps);
	if (!steps)
		diag_error(ld->d, root->loc, "the wizard needs 'steps'");
	else if (load_expect(ld, steps, YNODE_SEQ, "'steps'")) {
		if ((ld->streamed ? ld->nstreamed : steps->n) == 0)
			diag_error(ld->d, steps->loc, "'steps' is empty");
		if (ld->streamed) {
			diag_append(ld->d, ld->early);	/* after the wizard's own, as from the tree */
			load_steps_streamed(ld);
		}
		for (size_t i = 0; i < steps->n; i++)
			load_steps_item(ld, ynode_kid(steps, i));
		load_steps_end(ld);
	}
	w->start = w->nsteps ? 0 : -1;
	if ((n = ynode_word(root, KW_start)) && load_id(ld, n, "'start'"))
		load_ref(ld, n, &w->start);
	load_resolve_refs(ld, 0);
	ld->errors_in_flow = ld->d->errors;	/* the flow is read: what follows does not change it */
	size_t first = ld->nrefs;
	if ((n = ynode_word(root, KW_tests)))
		load_tests(ld, n);
	load_resolve_refs(ld, first);
	load_group_answers(ld);
	load_bind(ld);
	for (size_t i = 0; i < ld->ntexts; i++) {
		const struct step *group;
		struct text *t = load_text_at(ld, i, &group);
		load_check_text(ld, t, group);
	}
	for (size_t i = 0; i < w->ntests; i++) {
		const struct scenario *sc = &w->tests[i];
		scenario_check_order(w, sc, ld->d);
		if (sc->end >= 0 && w->steps[sc->end].type != STEP_END)
			diag_error(ld->d, sc->end_loc, "'%s' is a %s step, not an end step", w->steps[sc->end].id,
				   step_type_name(w->steps[sc->end].type));
	}
	load_expectations(ld);
}

void wizard_free(struct wizard *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->npatterns; i++) {
		regfree(w->patterns[i]);
		free(w->patterns[i]);
	}
	free(w->patterns);
	free(w->steps);
	strmap_free(&w->names);
	arena_free(&w->arena);
	free(w);
}

/*
 * For the analysis of a wizard whose flow has errors: whether it has steps; if so, each way to an unknown
 * step leads back to its own, an unknown start is the first step, and flow_errors is set.
 */
static bool load_flow_errors(struct wizard *w)
{
	if (!w->nsteps)
		return false;
	if (w->start < 0)	/* an unknown 'start' */
		w->start = 0;
	for (size_t i = 0; i < w->nsteps; i++)
		for (size_t k = 0; k < w->steps[i].nnext; k++)
			if (w->steps[i].next[k].target < 0)
				w->steps[i].next[k].target = (int)i;
	w->flow_errors = true;
	return true;
}

/* ytree_items: the steps are read as the parse goes once the format version is known. */
static bool load_items_begin(void *ctx, const struct ynode *top)
{
	struct loader *ld = ctx;
	const struct ynode *n = ynode_word(top, KW_trin);
	if (ld->streamed || ynode_word(top, KW_steps) || !n || n->kind != YNODE_SCALAR ||
	    (strcmp(n->str, "1") != 0 && strcmp(n->str, "1.1") != 0))
		return false;	/* a second 'steps' (only the first counts), or what a step may hold is not known yet */
	ld->w->minor = strcmp(n->str, "1") == 0 ? 0 : 1;
	ld->streamed = true;
	return true;
}

static void load_items_item(void *ctx, const struct ynode *item)
{
	struct loader *ld = ctx;
	load_steps_item(ld, item);
	ld->nstreamed++;
}

/* The version of a file's bytes, taken as they are read. */
static void load_version_add(void *ctx, const void *bytes, size_t n)
{
	version_add(ctx, bytes, n);
}

/*
 * Load the file at path, read as the parse goes (name, the file's name), or else len bytes from memory at
 * buf; with analysis, keep a wizard whose errors all came after its flow was complete.  A wizard from a file
 * that is not for analysis carries the version of its bytes.
 */
static struct wizard *load_buffer(const char *name, const char *path, const char *buf, size_t len,
				  const struct load_limits *limits, struct diags *d, bool analysis)
{
	struct wizard *w = xcalloc(1, sizeof *w);
	w->file = name;
	w->start = -1;
	w->arena.unwiped = true;	/* the author's file and what was made of it: no person's answers */
	size_t errors = d->errors;
	struct arena tree = { .unwiped = true };	/* the nodes, gone once read; the model keeps their texts */
	/* What the steps read during the parse say is kept apart: a file that is not YAML says only that. */
	struct diags early = { 0 };
	struct loader ld = { .w = w, .a = &w->arena, .d = &early, .errors_in_flow = SIZE_MAX, .early = &early };
	struct ytree_items items = { kind_words, "steps", load_items_begin, load_items_item, &ld };
	struct version_hash version;	/* `trin check` has no use for it */
	version_start(&version);
	struct ynode *root = path ? ytree_parse_file(&tree, &w->arena, path, limits, &items,
						     analysis ? NULL : load_version_add, &version, d)
				  : ytree_parse_items(&tree, &w->arena, name, buf, len, limits, &items, d);
	if (path && !analysis && root) {
		uint8_t sum[32];
		version_end(&version, sum);
		version_digits(sum, w->version);
	}
	ld.d = d;
	ld.texts_streamed = ld.ntexts;
	if (root) {
		load_wizard(&ld, root);
		diag_append(d, &early);	/* (added there already) */
		sensitive_mark(w);
		if (analysis && ld.errors_in_flow == errors)
			errors = d->errors;	/* the flow is whole: keep it for the analysis */
		else if (analysis && ld.errors_in_flow != SIZE_MAX && load_flow_errors(w))
			errors = d->errors;	/* kept for the checks that need no paths */
	}
	diag_free(&early);
	free(ld.value_state);
	free(ld.value_height);
	free(ld.value_nesting);
	strmap_free(&ld.pattern_index);
	free(ld.refs);
	free(ld.pending);
	free(ld.texts);
	free(ld.text_groups);
	free(ld.apart);
	free(ld.answered);
	arena_free(&tree);
	if (!root || d->errors > errors) {
		/* the wizard holds compiled patterns even when loading failed */
		wizard_free(w);
		return NULL;
	}
	return w;
}

struct wizard *wizard_load_buffer(const char *name, const char *buf, size_t len, const struct load_limits *limits,
				  struct diags *d)
{
	return load_buffer(name, NULL, buf, len, limits, d, false);
}

static struct wizard *load_file(const char *path, const struct load_limits *limits, struct diags *d, bool analysis)
{
	return load_buffer(path, path, NULL, 0, limits, d, analysis);
}

struct wizard *wizard_load(const char *path, const struct load_limits *limits, struct diags *d)
{
	return load_file(path, limits, d, false);
}

struct wizard *wizard_load_analysis(const char *path, const struct load_limits *limits, struct diags *d)
{
	return load_file(path, limits, d, true);
}

struct wizard *wizard_load_buffer_analysis(const char *name, const char *buf, size_t len,
					   const struct load_limits *limits, struct diags *d)
{
	return load_buffer(name, NULL, buf, len, limits, d, true);
}

bool scenario_load_buffer(const struct wizard *w, const char *name, const char *buf, size_t len, struct arena *a,
			  struct scenario *out, bool need_end, struct diags *d)
{
	*out = (struct scenario){ .end = -1 };
	size_t errors = d->errors;
	struct ynode *root = ytree_parse(a, a, name, buf, len, NULL, kind_words, d);
	if (root) {
		struct loader ld = { .w = (struct wizard *)w, .a = a, .d = d, .scenario_file = true };
		const struct ynode *answers = ynode_word(root, KW_answers);
		bool scenario = answers && (answers->kind == YNODE_MAP || answers->kind == YNODE_SEQ);
		if (need_end && !scenario)	/* the walk would have no end to compare with */
			diag_error(d, root->loc, "not a scenario: it needs 'answers' (a mapping from step id to answer) and "
				   "'end' (the id of the end step it must reach), as trin --record writes them; "
				   "answers alone are for trin run --answers");
		else if (scenario && (need_end || wizard_step_index(w, "answers") < 0))
			load_scenario(&ld, root, out, 1, need_end);	/* a scenario, as --record writes */
		else if (root->kind == YNODE_SEQ)
			load_answer_list(&ld, root, out);	/* answers alone, in order */
		else
			load_answer_map(&ld, root, &out->answers, &out->nanswers);
		load_resolve_refs(&ld, 0);
		load_group_answers(&ld);
		load_expectations(&ld);
		scenario_check_order(w, out, d);
		if (out->end >= 0 && w->steps[out->end].type != STEP_END)
			diag_error(d, out->end_loc, "'%s' is a %s step, not an end step", w->steps[out->end].id,
				   step_type_name(w->steps[out->end].type));
		free(ld.refs);
		free(ld.texts);
		free(ld.text_groups);
		free(ld.answered);
		free(ld.pending);
	}
	return root && d->errors == errors;
}

bool scenario_load(const struct wizard *w, const char *path, struct arena *a, struct scenario *out, bool need_end,
		   struct diags *d)
{
	*out = (struct scenario){ .end = -1 };
	char *buf;
	size_t len;
	if (!ytree_read_file(path, load_default_limits.max_file, &buf, &len, d))
		return false;
	bool ok = scenario_load_buffer(w, path, buf, len, a, out, need_end, d);
	free(buf);
	return ok;
}

bool answers_load(const struct wizard *w, const char *path, struct arena *a, struct scenario_answer **out,
		  size_t *n, struct diags *d)
{
	struct scenario sc;
	bool ok = scenario_load(w, path, a, &sc, false, d);
	*out = sc.answers;
	*n = sc.nanswers;
	return ok;
}
