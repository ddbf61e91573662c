/*
 * page: what one screen shows, for every frontend.  See page.h.
 *
 * The builders below make the blocks of one page each: one per step body and one per overlay.  The
 * texts are the person's (translated, answers filled in, cleaned for a screen: text_clean), copied into
 * the page's arena, which is wiped when the page is freed: a text may hold what a person typed.
 */
#include "page.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "keys.h"
#include "kind.h"
#include "repeat.h"
#include "text.h"

/* Building */

struct page_block *page_add(struct page *p, enum page_role role, const char *text, bool terms)
{
	if (!text && role != PAGE_BLANK && role != PAGE_FIELD)
		return NULL;
	util_grow((void **)&p->blocks, &p->capblocks, p->nblocks + 1, sizeof *p->blocks);
	struct page_block *b = &p->blocks[p->nblocks++];
	*b = (struct page_block){ role, text ? arena_strdup(&p->arena, text) : "", "", 0, false, terms };
	return b;
}

/* An item: a mark, a number (0: none) and a label, the cursor on it or not. */
static void page_item(struct page *p, enum page_role role, const char *mark, int number, const char *label,
		      bool focus)
{
	struct page_block *b = page_add(p, role, label, true);
	if (!b)
		return;
	b->mark = mark;
	b->number = number;
	b->focus = focus;
}

/* A copy of r in p, cleaned for a screen (text_clean), or NULL for NULL. */
static const char *page_clean(struct page *p, const char *r)
{
	if (!r)
		return NULL;
	return text_clean_in(&p->arena, r);
}

/* A wizard text as the person reads it, in lang (NULL: the language shown): a copy in p, or NULL. */
static const char *page_text(struct page *p, const struct page_input *in, const struct text *t, const char *lang)
{
	return page_clean(p, engine_show_text(in->e, t, lang));
}

/* The paragraphs of t[0..n) shown now (content.h), as the person reads them: a copy in p, or NULL for none. */
static const char *page_paras(struct page *p, const struct page_input *in, const struct text *t, size_t n)
{
	char *r = content_paras(in->e, t, n, NULL, in->every);
	const char *kept = page_clean(p, r);
	xfree_wiped(r);
	return kept;
}

/* A wizard text in the helper's language, when there is one and it reads differently from shown. */
static const char *page_second(struct page *p, const struct page_input *in, const struct text *t, const char *shown)
{
	const char *r = in->second_lang ? page_text(p, in, t, in->second_lang) : NULL;
	return r && shown && strcmp(r, shown) == 0 ? NULL : r;
}

static struct page *page_new(enum page_kind kind)
{
	struct page *p = xcalloc(1, sizeof *p);
	p->kind = kind;
	return p;
}

/* Step bodies */

/* The question, in the helper's language too, and the step's text. */
static void page_step_head(struct page *p, const struct page_input *in)
{
	const struct step *s = in->v->step;
	const char *title = page_text(p, in, &s->title, NULL);
	page_add(p, PAGE_HEADING, title, true);
	page_add(p, PAGE_SECOND, page_second(p, in, &s->title, title), false);
	page_add(p, PAGE_BLANK, NULL, false);
	if (in->v->group) {	/* which item of a repeated group this is */
		const struct step *g = in->v->group;
		const char *group = page_text(p, in, &g->title, NULL);
		if (repeat_min(g) > 1)	/* how many are needed, when more than one */
			page_add(p, PAGE_TEXT, arena_printf(&p->arena, _("%s \xE2\x80\x94 number %zu, at least %zu, at most %zu"),
							    group, in->v->item, repeat_min(g), repeat_max(g)), false);
		else
			page_add(p, PAGE_TEXT, arena_printf(&p->arena, _("%s \xE2\x80\x94 number %zu, at most %zu"), group,
							    in->v->item, repeat_max(g)), false);
		page_add(p, PAGE_BLANK, NULL, false);
	}
	size_t n;
	const struct text *texts = content_text_of(s, &n);
	if (page_add(p, PAGE_TEXT, page_paras(p, in, texts, n), true))
		page_add(p, PAGE_BLANK, NULL, false);
}

/* The choices of a choice or multi step, or yes and no, the cursor at in->sel. */
static void page_choices(struct page *p, const struct page_input *in)
{
	const struct step *s = in->v->step;
	if (s->type == STEP_YESNO) {
		page_item(p, PAGE_ITEM, in->sel == 0 ? "(*)" : "( )", 1, _("Yes"), in->sel == 0);
		page_item(p, PAGE_ITEM, in->sel == 1 ? "(*)" : "( )", 2, _("No"), in->sel == 1);
		return;
	}
	int *rows = xmalloc((s->nchoices ? s->nchoices : 1) * sizeof *rows);
	size_t n = content_choices(in->e, s, in->every, rows);	/* numbered as offered */
	for (size_t r = 0; r < n; r++) {
		size_t i = (size_t)rows[r];
		bool at = in->sel == (int)r;
		const char *mark = s->type == STEP_MULTI ? (in->ticks && in->ticks[r] ? "[x]" : "[ ]") : at ? "(*)" : "( )";
		const char *label = page_text(p, in, &s->choices[i].label, NULL);
		page_item(p, PAGE_ITEM, mark, (int)r + 1, label, at);
		page_add(p, PAGE_ITEM_SECOND, page_second(p, in, &s->choices[i].label, label), false);
	}
	free(rows);
}

/* The text field, and under it the unit of a number or the order of a date. */
static void page_field(struct page *p, const struct page_input *in)
{
	const struct step *s = in->v->step;
	page_add(p, PAGE_FIELD, NULL, false)->focus = true;
	if (s->type == STEP_NUMBER && step_more(s)->unit.msgid)
		page_add(p, PAGE_HINT, page_text(p, in, &step_more(s)->unit, NULL), false);
	char hint[256];
	page_add(p, PAGE_HINT, kind_input_hint(s->type, engine_lang(in->e)->style.date_sep, hint, sizeof hint), false);
}

/* The answer of a step as the review shows it. */
static const char *page_answer(struct page *p, const struct page_input *in, int step)
{
	char name[80];
	snprintf(name, sizeof name, "{%s}", in->w->steps[step].id);
	return page_clean(p, engine_format(in->e, name, engine_tr, (void *)in->w));
}

/* The answers that no longer count after a change, each answer on the path, and "go on" last. */
static void page_review(struct page *p, const struct page_input *in)
{
	const struct engine_view *v = in->v;
	if (v->ndropped) {
		page_add(p, PAGE_DROPPED_HEAD, _("Because of your change, these answers no longer count:"), false);
		for (size_t i = 0; i < v->ndropped; i++)
			page_add(p, PAGE_DROPPED, page_text(p, in, &in->w->steps[v->dropped[i]].title, NULL), false);
		page_add(p, PAGE_BLANK, NULL, false);
	}
	size_t n;
	struct page_row *rows = page_review_rows(in->w, in->e, &n);
	for (size_t i = 0; i < n; i++) {
		bool at = in->sel == (int)i;
		const struct page_row *r = &rows[i];
		const char *title = page_text(p, in, &in->w->steps[r->step].title, NULL);
		const char *answer = r->item < 0 ? page_answer(p, in, r->step) :
				     page_clean(p, engine_item_text(in->e, r->step, (size_t)r->item));
		if (r->what == PAGE_ROW_ADD) {
			title = arena_printf(&p->arena, _("Add one more: %s"), title);
			answer = NULL;
		} else if (r->what == PAGE_ROW_REMOVE) {
			title = arena_printf(&p->arena, _("Remove: %s"), answer);
			answer = NULL;
		}
		page_item(p, PAGE_ROW, "", (int)i + 1, title, at);
		struct page_block *b = page_add(p, PAGE_ANSWER, answer, false);
		if (b)
			b->focus = at;
	}
	free(rows);
	page_add(p, PAGE_BLANK, NULL, false);
	page_item(p, PAGE_CONTINUE, "", 0, _("Everything is right: go on"), in->sel == (int)n);
}

/* The next steps of an end, as a checklist. */
static void page_end(struct page *p, const struct page_input *in)
{
	const struct step *s = in->v->step;
	bool head = false;
	for (size_t i = 0; i < step_more(s)->ntodo; i++) {
		if (!content_shown(in->e, &step_more(s)->todo[i], in->every))
			continue;
		if (!head)
			page_add(p, PAGE_TODO_HEAD, _("Next steps"), false);
		head = true;
		page_add(p, PAGE_TODO, page_text(p, in, &step_more(s)->todo[i], NULL), true);
	}
}

/* The step's note for the helper beside the person, in the helper's language. */
static void page_guide(struct page *p, const struct page_input *in)
{
	const struct step *s = in->v->step;
	if (!in->guide || !step_more(s)->guide.msgid)
		return;
	char *saved = i18n_push(in->second_lang);
	page_add(p, PAGE_BLANK, NULL, false);
	page_add(p, PAGE_NOTE_HEAD, _("For the helper, not for the citizen:"), false);
	page_add(p, PAGE_NOTE, page_text(p, in, &step_more(s)->guide, in->second_lang), false);
	i18n_pop(saved);
}

/* The actions of a step: exactly those that work on it (the words explained are added when laid out). */
static unsigned page_step_actions(const struct page_input *in)
{
	const struct step *s = in->v->step;
	unsigned a = PAGE_GO_ON | PAGE_STOP;
	if (kind_is_list(s->type))
		a |= PAGE_CHOOSE;
	if (s->type == STEP_MULTI)
		a |= PAGE_TICK;
	if (s->type == STEP_END && in->summary_dir)
		a |= PAGE_SAVE;
	if (s->type == STEP_END && in->print)
		a |= PAGE_PRINT;
	if (in->v->can_back)
		a |= PAGE_BACK;
	size_t n;
	const struct text *helps = content_help_of(s, &n);
	if (content_count(in->e, helps, n, in->every))
		a |= PAGE_HELP;
	if (in->nlangs > 1)
		a |= PAGE_LANGUAGE;
	return a;
}

/* The step of in->v, whole. */
static void page_step(struct page *p, const struct page_input *in)
{
	const struct step *s = in->v->step;
	p->type = s->type;
	p->field = kind_is_field(s->type);
	page_step_head(p, in);
	switch (s->type) {
	case STEP_CHOICE:
	case STEP_MULTI:
	case STEP_YESNO:
		page_choices(p, in);
		break;
	case STEP_TEXT:
	case STEP_NUMBER:
	case STEP_DATE:
		page_field(p, in);
		break;
	case STEP_REVIEW:
		page_review(p, in);
		break;
	case STEP_END:
		page_end(p, in);
		break;
	case STEP_INFO:
	case STEP_REPEAT:	/* a view shows one of its steps, never the group */
		break;
	}
	page_guide(p, in);
	p->actions = page_step_actions(in);
}

/* Overlays */

/* The step's help. */
static void page_help(struct page *p, const struct page_input *in)
{
	page_add(p, PAGE_HEADING, _("Help"), false);
	page_add(p, PAGE_BLANK, NULL, false);
	size_t n;
	const struct text *helps = content_help_of(in->v->step, &n);
	page_add(p, PAGE_TEXT, page_paras(p, in, helps, n), true);
	p->actions = PAGE_CLOSE;
}

/* The glossary terms in->words, or those the step shows (as laid out), each with its explanation. */
static void page_words(struct page *p, const struct page_input *in)
{
	struct page_input step = *in;
	step.show = PAGE_KIND_STEP;
	struct page *under = in->words ? NULL : page_build(&step);
	const bool *words = in->words ? in->words : under->seen;
	page_add(p, PAGE_HEADING, _("Words explained"), false);
	for (size_t i = 0; i < in->w->nglossary; i++) {
		if (!words[i])
			continue;
		page_add(p, PAGE_BLANK, NULL, false);
		page_add(p, PAGE_TERM, engine_tr((void *)in->w, in->w->glossary[i].term), false);
		page_add(p, PAGE_EXPLAIN, page_text(p, in, &in->w->glossary[i].text, NULL), false);
	}
	page_free(under);
	p->actions = PAGE_CLOSE;
}

/* Do you want to stop?  A kiosk cannot be stopped: it starts over. */
static void page_stop(struct page *p, const struct page_input *in)
{
	page_add(p, PAGE_HEADING, in->kiosk ? _("Do you want to start over?") : _("Do you want to stop?"), false);
	page_add(p, PAGE_BLANK, NULL, false);
	page_add(p, PAGE_TEXT, in->kiosk ? _("Your answers will be wiped.") : _("Your answers will not be kept."), false);
	p->actions = PAGE_GO_ON | PAGE_CLOSE;
}

/* The languages to show the guide in, each in its own words, the one shown marked. */
static void page_languages(struct page *p, const struct page_input *in)
{
	const char *cur = i18n_language();
	page_add(p, PAGE_HEADING, _("Choose a language"), false);
	page_add(p, PAGE_BLANK, NULL, false);
	for (size_t i = 0; i < in->nlangs; i++) {
		size_t len = strlen(in->langs[i]);
		bool shown = cur && strncmp(cur, in->langs[i], len) == 0 && (!cur[len] || strchr("_.@", cur[len]));
		page_item(p, PAGE_ITEM, shown ? "(*)" : "( )", (int)i + 1, i18n_name(in->langs[i]), in->lang_sel == (int)i);
	}
	p->actions = PAGE_CHOOSE | PAGE_GO_ON | PAGE_CLOSE;
}

/* A kiosk's idle warning, with the seconds left before the answers are wiped. */
static void page_idle(struct page *p, const struct page_input *in)
{
	long left = in->idle_left > 0 ? in->idle_left : 0;
	page_add(p, PAGE_HEADING, _("Are you still there?"), false);
	page_add(p, PAGE_BLANK, NULL, false);
	page_add(p, PAGE_TEXT, _("Press any key to go on."), false);
	page_add(p, PAGE_BLANK, NULL, false);
	page_add(p, PAGE_NOTICE, arena_printf(&p->arena, ngettext("In %ld second the answers are wiped and the guide "
								  "starts over.", "In %ld seconds the answers are wiped "
								  "and the guide starts over.", (unsigned long)left),
					      left), false);
	p->actions = PAGE_ANY_KEY;
}

/* A step that shows glossary terms offers the words explained. */
static void page_offer_words(struct page *p)
{
	bool any = false;
	for (size_t i = 0; i < p->nseen; i++)
		any |= p->seen[i];
	if (any && p->kind == PAGE_KIND_STEP)
		p->actions |= PAGE_WORDS;
}

/*
 * The glossary terms of gl in p's whole blocks, not laid out (line mode), into p->seen; not in the review's
 * rows, which name steps shown before, whose words were explained there.
 */
static void page_find_terms(struct page *p, const struct glossary_terms *gl)
{
	for (size_t i = 0; p->seen && i < p->nblocks; i++) {
		const struct page_block *b = &p->blocks[i];
		if (b->terms && b->role != PAGE_ROW && b->role != PAGE_CONTINUE)
			glossary_terms_find(gl, b->text, strlen(b->text), NULL, p->seen);
	}
	page_offer_words(p);
}

struct page *page_build(const struct page_input *in)
{
	struct page *p = page_new(in->show);
	p->kiosk = in->kiosk;
	p->type = in->v ? in->v->step->type : STEP_INFO;
	p->title = in->w ? arena_strdup(&p->arena, engine_tr((void *)in->w, in->w->title.msgid)) : NULL;
	char progress[64];
	if (in->v && page_progress(in->v, progress, sizeof progress))
		p->progress = arena_strdup(&p->arena, progress);
	p->message = in->message ? arena_strdup(&p->arena, in->message) : NULL;
	switch (in->show) {
	case PAGE_KIND_STEP:
		page_step(p, in);
		break;
	case PAGE_KIND_HELP:
		page_help(p, in);
		break;
	case PAGE_KIND_WORDS:
		page_words(p, in);
		break;
	case PAGE_KIND_STOP:
		page_stop(p, in);
		break;
	case PAGE_KIND_LANGUAGE:
		page_languages(p, in);
		break;
	case PAGE_KIND_IDLE:
		page_idle(p, in);
		break;
	case PAGE_KIND_MENU:
	case PAGE_KIND_NOTICE:
		break;
	}
	if (in->w) {
		p->nseen = in->w->nglossary;
		p->seen = arena_alloc(&p->arena, (p->nseen ? p->nseen : 1) * sizeof *p->seen);
	}
	if (in->width > 0)
		page_lay_out(p, in->width, in->gl);
	else if (in->gl)
		page_find_terms(p, in->gl);
	return p;
}

struct page *page_menu(const char *heading, const char *const *labels, size_t n, int sel, const char *none,
		       unsigned actions, bool kiosk)
{
	struct page *p = page_new(PAGE_KIND_MENU);
	p->kiosk = kiosk;
	page_add(p, PAGE_HEADING, heading, false);
	page_add(p, PAGE_BLANK, NULL, false);
	for (size_t i = 0; i < n; i++)
		page_item(p, PAGE_ITEM, "", (int)i + 1, labels[i], sel == (int)i);
	if (!n)
		page_add(p, PAGE_TEXT, none, false);
	p->actions = actions;
	return p;
}

struct page *page_notice(const char *heading, const char *const *paras, unsigned actions)
{
	struct page *p = page_new(PAGE_KIND_NOTICE);
	page_add(p, PAGE_HEADING, heading, false);
	for (size_t i = 0; paras[i]; i++) {
		page_add(p, PAGE_BLANK, NULL, false);
		page_add(p, PAGE_TEXT, paras[i], false);
	}
	p->actions = actions;
	return p;
}

void page_free(struct page *p)
{
	if (!p)
		return;
	free(p->blocks);
	free(p->lines);
	arena_free(&p->arena);
	free(p);
}

/* Actions */

const char *page_action_label(const struct page *p, enum page_action a)
{
	if (!(p->actions & a))
		return NULL;
	switch (a) {
	case PAGE_CHOOSE:
		return _("Choose");
	case PAGE_TICK:
		return _("Tick or untick");
	case PAGE_GO_ON:
		if (p->kind == PAGE_KIND_LANGUAGE)
			return _("Use this language");
		if (p->kind == PAGE_KIND_STOP)
			return p->kiosk ? _("Start over") : _("Stop");
		if (p->kind == PAGE_KIND_MENU)
			return _("Start");
		return p->type == STEP_END ? _("Finish") : p->type == STEP_REVIEW ? _("Change or go on") : _("Go on");
	case PAGE_BACK:
		return _("Back");
	case PAGE_HELP:
		return _("Help");
	case PAGE_WORDS:
		return _("Words explained");
	case PAGE_STOP:
		if (p->kind == PAGE_KIND_MENU && p->kiosk)
			return _("Back");
		return p->kiosk ? _("Start over") : _("Stop");
	case PAGE_LANGUAGE:
		return _("Language");
	case PAGE_SAVE:
		return _("Save a summary");
	case PAGE_CLOSE:
		if (p->kind == PAGE_KIND_HELP)
			return _("Close the help");
		return p->kind == PAGE_KIND_STOP ? _("Go on with the guide") : _("Close");
	case PAGE_ANY_KEY:
		return _("Go on with the guide");
	case PAGE_SPEAK:
		return _("Read aloud");
	case PAGE_PRINT:
		return _("Print");
	}
	return NULL;
}

const char *page_key_name(const struct page *p, enum page_action a)
{
	switch (a) {
	case PAGE_CHOOSE:
		return "\xE2\x86\x91\xE2\x86\x93";
	case PAGE_TICK:
		return _("Space");
	case PAGE_GO_ON:
		return _("Enter");
	case PAGE_BACK:
	case PAGE_CLOSE:
		return _("Esc");
	case PAGE_HELP:
		return p->field ? "F1/Ctrl-G" : "F1/?";
	case PAGE_WORDS:
		return "Tab";
	case PAGE_STOP:
		return "F10/Ctrl-Q";
	case PAGE_LANGUAGE:
		return "F2/Ctrl-L";
	case PAGE_SAVE:
		return "F3/Ctrl-S";
	case PAGE_ANY_KEY:
		return _("Any key");
	case PAGE_SPEAK:
		return "F4";
	case PAGE_PRINT:
		return "F5/Ctrl-P";
	}
	return "";
}

/* Layout */

/* How far each role is indented on the full screen (items hang under their label instead). */
static const int page_indent[PAGE_ROLE_COUNT] = {
	[PAGE_SECOND] = 2, [PAGE_ITEM_SECOND] = 9, [PAGE_HINT] = 2, [PAGE_DROPPED] = 2, [PAGE_ANSWER] = 6,
	[PAGE_NOTE] = 2, [PAGE_EXPLAIN] = 2,
};

int page_width(int cols)
{
	int w = cols - 2;
	return w > PAGE_MAX_WIDTH ? PAGE_MAX_WIDTH : w;
}

static void page_line(struct page *p, size_t block, const char *s, size_t len, int indent)
{
	util_grow((void **)&p->lines, &p->caplines, p->nlines + 1, sizeof *p->lines);
	p->lines[p->nlines++] = (struct page_line){ s, len, indent, block, 0 };
}

/* s wrapped at width - indent; the first line after the first skip bytes of s, hung at hang. */
static void page_wrap(struct page *p, size_t block, const char *s, size_t skip, int width, int indent, int hang)
{
	struct text_line *lines;
	size_t n = text_wrap(s + skip, width - (skip ? hang : indent), &lines);
	for (size_t i = 0; i < n; i++) {
		if (i == 0 && skip)
			page_line(p, block, s, skip + lines[0].len, indent);
		else
			page_line(p, block, s + skip + lines[i].start, lines[i].len, skip ? hang : indent);
	}
	free(lines);
}

/* What goes before the label of an item or row b, into head: the cursor, the mark and the number. */
static size_t page_item_head(const struct page_block *b, char head[48])
{
	size_t n = 0;
	head[n++] = b->focus ? '>' : ' ';
	head[n++] = ' ';
	if (*b->mark) {	/* a mark is a few bytes ("(*)", "[x]") */
		size_t m = strlen(b->mark);
		assert(m < 24);
		memcpy(head + n, b->mark, m);
		n += m;
		head[n++] = ' ';
	}
	int number = b->role == PAGE_ITEM ? b->number : 0;
	if (number > 0) {
		char digits[12];
		size_t d = 0;
		for (unsigned v = (unsigned)number; v; v /= 10)
			digits[d++] = (char)('0' + v % 10);
		while (d)
			head[n++] = digits[--d];
		head[n++] = '.';
		head[n++] = ' ';
	}
	return n;
}

/* One block as lines: items behind their marker, todo behind its box, dropped answers behind a dash. */
static void page_lay_block(struct page *p, size_t i, int width)
{
	const struct page_block *b = &p->blocks[i];
	switch (b->role) {
	case PAGE_BLANK:
		if (p->nlines && p->lines[p->nlines - 1].len)
			page_line(p, i, "", 0, 0);
		return;
	case PAGE_TODO_HEAD:
		return;	/* the screen shows the checklist without it */
	case PAGE_FIELD:
		page_line(p, i, "", 0, 0);
		return;
	case PAGE_ITEM:
	case PAGE_ROW:
	case PAGE_CONTINUE: {
		char head[48];	/* "> (*) 12. ": the cursor, the mark and the number, before the label */
		size_t skip = page_item_head(b, head);
		size_t len = strlen(b->text);
		char *line = arena_alloc(&p->arena, skip + len + 1);
		memcpy(line, head, skip);
		memcpy(line + skip, b->text, len + 1);
		size_t first = p->nlines;
		page_wrap(p, i, line, skip, width, 0, text_width(line, skip));
		if (first < p->nlines)
			p->lines[first].head = skip;
		return;
	}
	case PAGE_TODO:
		page_wrap(p, i, arena_printf(&p->arena, "[ ] %s", b->text), 4, width, 0, 4);
		return;
	case PAGE_DROPPED:
		page_wrap(p, i, arena_printf(&p->arena, "- %s", b->text), 0, width, page_indent[b->role], 0);
		return;
	case PAGE_HEADING:
	case PAGE_TEXT:
	case PAGE_NOTICE:
	case PAGE_SECOND:
	case PAGE_ITEM_SECOND:
	case PAGE_HINT:
	case PAGE_DROPPED_HEAD:
	case PAGE_ANSWER:
	case PAGE_NOTE_HEAD:
	case PAGE_NOTE:
	case PAGE_TERM:
	case PAGE_EXPLAIN:
	case PAGE_ROLE_COUNT:
		page_wrap(p, i, b->text, 0, width, page_indent[b->role], 0);
		return;
	}
}

void page_lay_out(struct page *p, int width, const struct glossary_terms *gl)
{
	p->nlines = 0;
	for (size_t i = 0; i < p->nblocks; i++)
		page_lay_block(p, i, width);
	if (p->seen)
		memset(p->seen, 0, (p->nseen ? p->nseen : 1) * sizeof *p->seen);
	for (size_t i = 0; gl && p->seen && i < p->nlines; i++)	/* as the screen marks them: line by line */
		if (p->blocks[p->lines[i].block].terms)
			glossary_terms_find(gl, p->lines[i].s, p->lines[i].len, NULL, p->seen);
	page_offer_words(p);
}

/* Add item to the footer's lines; false when they are full. */
static bool page_foot_item(char lines[PAGE_FOOT_LINES][512], int *n, int *w, int width, const char *item)
{
	int iw = text_width(item, strlen(item));
	if (*w && *w + 3 + iw > width) {
		if (*n + 1 == PAGE_FOOT_LINES)
			return false;
		(*n)++;
		*w = 0;
	}
	if (*w) {
		strncat(lines[*n], "   ", 511 - strlen(lines[*n]));
		*w += 3;
	}
	strncat(lines[*n], item, 511 - strlen(lines[*n]));
	*w += iw;
	return true;
}

size_t page_footer(const struct page *p, struct page_key keys[PAGE_FOOT_MAX])
{
	return keys_footer(p, keys);	/* in the order of the table of keys, which the screen's keys go through */
}

int page_footer_lines(const struct page_key *keys, size_t n, bool scroll, int width, char lines[PAGE_FOOT_LINES][512])
{
	int nl = 0, w = 0;
	for (int i = 0; i < PAGE_FOOT_LINES; i++)
		lines[i][0] = '\0';
	char item[160];
	for (size_t i = 0; i < n; i++) {
		snprintf(item, sizeof item, "%s %s", keys[i].key, keys[i].label);
		if (!page_foot_item(lines, &nl, &w, width, item))
			return nl + 1;
	}
	if (scroll) {
		snprintf(item, sizeof item, "%s %s", _("PgUp/PgDn"), _("Scroll"));
		page_foot_item(lines, &nl, &w, width, item);
	}
	return nl + 1;
}

/* The lines left for the body on a screen of rows, with nfoot lines of footer and msg_lines of message. */
static int page_frame_height(int rows, int nfoot, int msg_lines)
{
	return rows - nfoot - 1 - msg_lines - 2;
}

int page_frame(const struct page *p, const struct page_key *keys, size_t n, int rows, int width, int msg_lines,
	       char foot[PAGE_FOOT_LINES][512], int *nfoot)
{
	*nfoot = page_footer_lines(keys, n, (int)p->nlines > rows - 7, width, foot);
	return page_frame_height(rows, *nfoot, msg_lines);
}

/* Shared by the frontends */

bool page_progress(const struct engine_view *v, char *buf, size_t size)
{
	buf[0] = '\0';
	if (v->step->type == STEP_END || !v->total_max)
		return false;
	if (v->total_min == v->total_max)
		snprintf(buf, size, _("Step %zu of %zu"), v->position, v->total_max);
	else
		snprintf(buf, size, _("Step %zu of %zu\xE2\x80\x93%zu"), v->position, v->total_min, v->total_max);
	return true;
}

int *page_review_steps(const struct wizard *w, struct engine *e, size_t *n)
{
	size_t len;
	const int *path = engine_path(e, &len);
	int *steps = xmalloc((len ? len : 1) * sizeof *steps);
	*n = 0;
	for (size_t i = 0; i + 1 < len; i++)
		if (step_takes_answer(w->steps[path[i]].type))
			steps[(*n)++] = path[i];
	return steps;
}

struct page_row *page_review_rows(const struct wizard *w, struct engine *e, size_t *n)
{
	size_t nsteps;
	int *steps = page_review_steps(w, e, &nsteps);
	size_t cap = nsteps + 1;
	struct page_row *rows = xmalloc(cap * sizeof *rows);
	*n = 0;
	for (size_t i = 0; i < nsteps; i++) {
		const struct step *s = &w->steps[steps[i]];
		struct value v = engine_answer(e, steps[i]);
		if (s->type != STEP_REPEAT || v.type != VAL_LIST) {
			rows[(*n)++] = (struct page_row){ steps[i], -1, PAGE_ROW_CHANGE };
			continue;
		}
		size_t items = v.u.list.n;	/* at most the group's max, which LIMIT_REPEAT_ITEMS bounds */
		cap += 2 * items + 1;
		rows = xrealloc(rows, cap * sizeof *rows);
		for (size_t k = 0; k < items; k++)
			rows[(*n)++] = (struct page_row){ steps[i], (int)k, PAGE_ROW_CHANGE };
		if (items < repeat_max(s))
			rows[(*n)++] = (struct page_row){ steps[i], (int)items, PAGE_ROW_ADD };
		for (size_t k = 0; k < items; k++)
			rows[(*n)++] = (struct page_row){ steps[i], (int)k, PAGE_ROW_REMOVE };
	}
	free(steps);
	return rows;
}

bool page_review_do(struct engine *e, const struct page_row *r)
{
	switch (r->what) {
	case PAGE_ROW_CHANGE:
		return r->item < 0 ? engine_revise(e, r->step) : engine_revise_item(e, r->step, (size_t)r->item);
	case PAGE_ROW_ADD:
		return engine_revise_item(e, r->step, (size_t)r->item);
	case PAGE_ROW_REMOVE:
		return engine_remove_item(e, r->step, (size_t)r->item);
	}
	return false;
}

/* The lines a footer takes on the pages page_fit builds, by what it depends on there: a few kinds at most. */
struct page_fit_feet {
	struct page_fit_foot {
		unsigned actions;
		enum step_type type;
		bool field, scroll;
		int nfoot;
	} seen[16];
	size_t n;
};

/*
 * The lines the footer of p (laid out at width, on a screen of rows) takes, made once per kind of footer:
 * the tallest the person can see on it, in a kiosk's words or a walk's ("Start over" or "Stop"), whichever
 * take more lines (page_fit_one has F4 to read aloud named, as the full screen names it on every page once
 * reading aloud is on, which a person can turn on in a kiosk).
 */
static int page_fit_foot(struct page_fit_feet *ff, struct page *p, int rows, int width)
{
	bool scroll = (int)p->nlines > rows - 7;	/* as page_frame has it */
	for (size_t i = 0; i < ff->n; i++)
		if (ff->seen[i].actions == p->actions && ff->seen[i].type == p->type && ff->seen[i].field == p->field &&
		    ff->seen[i].scroll == scroll)
			return ff->seen[i].nfoot;
	char foot[PAGE_FOOT_LINES][512];
	struct page_key keys[PAGE_FOOT_MAX];
	int nfoot = 0;
	bool kiosk = p->kiosk;
	for (int k = 0; k < 2; k++) {	/* the labels are the page's own */
		int n;
		p->kiosk = k;
		page_frame(p, keys, page_footer(p, keys), rows, width, 1, foot, &n);
		nfoot = n > nfoot ? n : nfoot;
	}
	p->kiosk = kiosk;
	if (ff->n < ARRAY_LEN(ff->seen))
		ff->seen[ff->n++] = (struct page_fit_foot){ p->actions, p->type, p->field, scroll, nfoot };
	return nfoot;
}

/*
 * How the page of in (built once, laid out at each size) fits each of the n sizes, into fit[z], where it
 * is taller than what fit[z] holds already or first is set (the step index left to the caller).
 */
static void page_fit_one(struct page_input *in, const struct page_size *sizes, size_t n, struct page_fit_feet *ff,
			 struct page_fit *fit, bool first)
{
	in->width = page_width(sizes[0].cols);
	struct page *p = page_build(in);
	p->actions |= PAGE_SPEAK;	/* as screen_show adds it */
	for (size_t z = 0; z < n; z++) {
		int width = page_width(sizes[z].cols);
		if (z > 0) {
			p->actions &= ~(unsigned)PAGE_WORDS;	/* offered again when this layout shows a term */
			page_lay_out(p, width, in->gl);
		}
		int nfoot = page_fit_foot(&ff[z], p, sizes[z].rows, width);
		struct page_fit one = { -1, (int)p->nlines, page_frame_height(sizes[z].rows, nfoot, 1) };
		if (first || one.needed - one.available > fit[z].needed - fit[z].available)
			fit[z] = one;
	}
	page_free(p);
}

size_t page_fit_sizes(const struct wizard *w, size_t nlangs, const struct page_size *sizes, size_t nsizes,
		      struct page_fit *out)
{
	struct glossary_terms gl;
	glossary_terms_init(&gl, w, engine_tr, (void *)w);
	struct engine *e = engine_create(w, i18n_lang_shown(w->language));
	struct page_fit_feet *ff = xcalloc(nsizes ? nsizes : 1, sizeof *ff);
	struct page_fit *fit = xmalloc((nsizes ? nsizes : 1) * sizeof *fit);
	size_t n = 0;
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct step *s = &w->steps[i];
		if (s->type == STEP_REVIEW)
			continue;	/* it lists the answers given: it scrolls when there are many, by design */
		struct engine_view v = { .step = s, .index = (int)i, .position = 1, .can_back = (int)i != w->start };
		v.prefill.type = VAL_NULL;
		struct page_input in = { .w = w, .e = e, .v = &v, .gl = &gl, .nlangs = nlangs, .every = true };
		page_fit_one(&in, sizes, nsizes, ff, fit, true);
		const struct step_more *more = step_more(s);
		for (size_t j = 0; s->type == STEP_REPEAT && j <= more->ninner; j++) {	/* a group: its tallest */
			v = (struct engine_view){ .step = j < more->ninner ? &more->inner[j] : more->add,
						  .index = (int)i, .position = 1, .can_back = true, .group = s,
						  .item = 1 };
			page_fit_one(&in, sizes, nsizes, ff, fit, false);
		}
		for (size_t z = 0; z < nsizes; z++)
			out[z * w->nsteps + n] = (struct page_fit){ (int)i, fit[z].needed, fit[z].available };
		n++;
		engine_forget_formatted(e);
	}
	free(fit);
	free(ff);
	engine_free(e);
	glossary_terms_free(&gl);
	return n;
}

size_t page_fit(const struct wizard *w, size_t nlangs, int cols, int rows, struct page_fit *out)
{
	return page_fit_sizes(w, nlangs, &(struct page_size){ cols, rows }, 1, out);
}

/* Scrolling */

int page_scroll(const struct page *p, int scroll, int height, bool follow)
{
	int nbody = (int)p->nlines, first = -1, last = -1;
	for (int i = 0; i < nbody; i++) {
		if (p->blocks[p->lines[i].block].focus) {
			if (first < 0)
				first = i;
			last = i;
		}
	}
	if (follow && first >= 0) {
		if (last - scroll >= height)
			scroll = last - height + 1;
		if (first < scroll)
			scroll = first;
	}
	if (scroll > nbody - height)
		scroll = nbody - height;
	return scroll < 0 ? 0 : scroll;
}
