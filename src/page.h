/*
 * page: what one screen shows, for every frontend.  No terminal, no I/O.
 *
 * A page is a title, progress, a message and a list of blocks with roles, plus the set of actions that
 * work on it.  The full screen draws pages, line mode prints the same pages in its own words, and
 * trin check measures the fit of exactly the page a person sees (page_fit).
 *
 * A page is built from a page_input the frontend fills: the wizard, the engine and its view (borrowed,
 * read while the page is built), and the state only the frontend keeps (the cursor, the ticks, the
 * overlay).  Every string of a page lives in the page's own arena, wiped and freed by page_free: a page
 * borrows nothing once built but the static strings of its marks and labels.
 *
 * The full screen's layout numbers live here, once, for the screen and for the checker: the body is at
 * most PAGE_MAX_WIDTH cells wide, each role has its indent, and page_lay_out wraps the blocks into the
 * lines the screen draws.
 */
#ifndef TRIN_PAGE_H
#define TRIN_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"
#include "glossary.h"
#include "model.h"
#include "util.h"

/*
 * What a person can do on a page.  A frontend maps its keys to these (the full screen in one table, from
 * which its footer is made); a page says which of them work, and in what words (page_action_label).
 */
enum page_action {
	PAGE_CHOOSE = 1u << 0,		/* move among the items */
	PAGE_TICK = 1u << 1,		/* tick or untick the item at the cursor */
	PAGE_GO_ON = 1u << 2,		/* Enter: go on, finish, change or go on, use this language, confirm */
	PAGE_BACK = 1u << 3,		/* one step back */
	PAGE_HELP = 1u << 4,		/* open the step's help */
	PAGE_WORDS = 1u << 5,		/* open the words explained on this page */
	PAGE_STOP = 1u << 6,		/* stop, or in a kiosk start over (asks first) */
	PAGE_LANGUAGE = 1u << 7,	/* open the language picker */
	PAGE_SAVE = 1u << 8,		/* save a summary (at an end) */
	PAGE_CLOSE = 1u << 9,		/* close an overlay, or answer no to a question */
	PAGE_ANY_KEY = 1u << 10,	/* any key goes on (the idle warning) */
	PAGE_SPEAK = 1u << 11,		/* read the page aloud (speech.h); offered by the frontend, not the page */
	PAGE_PRINT = 1u << 12,		/* print a summary (at an end, print.h) */
};

/* The full screen's layout: one copy, for drawing and for page_fit. */
#define PAGE_MAX_WIDTH 72	/* a readable column */
#define PAGE_MIN_COLS 40	/* a smaller terminal is asked to grow */
#define PAGE_MIN_ROWS 12
#define PAGE_FOOT_LINES 3	/* the footer wraps to at most this many lines */
#define PAGE_MSG_LINES 3	/* the message wraps to at most this many lines */
#define PAGE_FOOT_MAX 12	/* keys in a footer */

/* A key and the words for what it does, as a footer shows them. */
struct page_key {
	const char *key, *label;
};

/* What a page is: a step, or an overlay over it, or a screen of the frontend's own. */
enum page_kind {
	PAGE_KIND_STEP,		/* the step of the view */
	PAGE_KIND_HELP,		/* the step's help */
	PAGE_KIND_WORDS,	/* "Words explained": the glossary terms the step shows */
	PAGE_KIND_STOP,		/* "Do you want to stop?" (in a kiosk: start over) */
	PAGE_KIND_LANGUAGE,	/* the language picker */
	PAGE_KIND_IDLE,		/* a kiosk's "Are you still there?" with its countdown */
	PAGE_KIND_MENU,		/* a list to start from: the guides, or a kiosk's languages */
	PAGE_KIND_NOTICE,	/* a heading and text only: out of order, a guide with errors */
};

/* What a block is, which says how a frontend shows it (each frontend has its own table). */
enum page_role {
	PAGE_BLANK,		/* a gap between parts; never two, never first */
	PAGE_HEADING,		/* the question, or an overlay's heading */
	PAGE_TEXT,		/* a paragraph */
	PAGE_NOTICE,		/* a paragraph that must be seen: the idle countdown */
	PAGE_SECOND,		/* the heading in the helper's language (--second-lang) */
	PAGE_ITEM,		/* an item to choose: its mark, number and label */
	PAGE_ITEM_SECOND,	/* an item's label in the helper's language */
	PAGE_FIELD,		/* the text field */
	PAGE_HINT,		/* under the field: the unit, or day-month-year */
	PAGE_DROPPED_HEAD,	/* "Because of your change, these answers no longer count:" */
	PAGE_DROPPED,		/* the title of a step whose answer no longer counts */
	PAGE_ROW,		/* a review row: the title of a step answered (number: its place) */
	PAGE_ANSWER,		/* the answer under a review row */
	PAGE_CONTINUE,		/* the review's "Everything is right: go on", an item on a screen */
	PAGE_TODO_HEAD,		/* "Next steps" above the checklist, where a frontend says it */
	PAGE_TODO,		/* a next step to tick off, at an end */
	PAGE_NOTE_HEAD,		/* "For the helper, not for the citizen:" (--guide) */
	PAGE_NOTE,		/* the step's note for the helper */
	PAGE_TERM,		/* a glossary term */
	PAGE_EXPLAIN,		/* its explanation */
	PAGE_ROLE_COUNT
};

/* One block: its role and text, and for items the mark ("(*)", "[x]", or ""), number and cursor. */
struct page_block {
	enum page_role role;
	const char *text;
	const char *mark;
	int number;		/* 1-based, or 0 for none */
	bool focus;		/* the cursor is here */
	bool terms;		/* glossary terms in it count, and are marked */
};

/*
 * A line of the laid-out body: a byte range of a string of the page, its indent, and its block; head is
 * how many of its bytes are an item's cursor, mark and number ("> (*) 2. "), on the item's first line.
 */
struct page_line {
	const char *s;
	size_t len;
	int indent;
	size_t block;
	size_t head;
};

/* The state a page needs that the engine does not keep; the frontend fills it. */
struct page_input {
	const struct wizard *w;		/* borrowed, read while the page is built */
	struct engine *e;		/* borrowed, as w; may be NULL for a menu or a notice */
	const struct engine_view *v;	/* borrowed: the step shown, or NULL for a menu or a notice */
	const struct glossary_terms *gl;	/* borrowed: the terms to find in the lines laid out (with no width:
						   in the blocks but the review's rows), or NULL */
	enum page_kind show;		/* the step, or the overlay over it */
	int sel;			/* the item at the cursor: a choice, yes (0) or no (1), a review row */
	const bool *ticks;		/* multi: which rows (the choices offered, content.h) are ticked, or NULL */
	char *const *langs;		/* the languages to pick from, the wizard's own first */
	size_t nlangs;
	int lang_sel;			/* the language at the picker's cursor */
	const bool *words;		/* "Words explained": the terms to explain, or NULL for the step's */
	long idle_left;			/* kiosk: seconds until the idle warning ends in a reset */
	const char *message;		/* the message line, or NULL */
	const char *second_lang;	/* show titles and choices also in this language, or NULL */
	bool guide;			/* show the step's note for the helper */
	bool summary_dir;		/* an end offers to save a summary */
	bool print;			/* an end offers to print a summary */
	bool kiosk;			/* stopping starts over */
	int width;			/* lay the body out in this many cells (page_width), or 0: do not */
	bool every;			/* show every text and choice, as if each condition held (page_fit) */
};

/* A page: owned, freed by page_free. */
struct page {
	enum page_kind kind;
	enum step_type type;	/* of the step, for PAGE_KIND_STEP */
	bool kiosk;		/* stopping starts over */
	bool field;		/* the step shows a text field */
	const char *title;	/* the wizard's title, for the top line */
	const char *progress;	/* "Step 2 of 5", or NULL */
	const char *message;	/* the message line, or NULL */
	unsigned actions;	/* enum page_action bits */
	struct page_block *blocks;
	size_t nblocks, capblocks;
	struct page_line *lines;	/* the body laid out, when the input gave a width */
	size_t nlines, caplines;
	bool *seen;		/* which glossary terms the page shows (of nseen, the wizard's glossary) */
	size_t nseen;
	struct arena arena;	/* every string of the page */
};

/* The page for in: the step of its view, or the overlay in->show. */
struct page *page_build(const struct page_input *in);
/* A menu: heading, then the n labels as numbered items, the cursor on sel; when n is 0, none says so. */
struct page *page_menu(const char *heading, const char *const *labels, size_t n, int sel, const char *none,
		       unsigned actions, bool kiosk);
/* A notice: a heading and paragraphs (NULL ends them), with the actions given. */
struct page *page_notice(const char *heading, const char *const *paras, unsigned actions);
/* Wipe and free p.  NULL is a no-op. */
void page_free(struct page *p);

/* Add a block to p, its text copied (a NULL text adds nothing); the block, or NULL. */
struct page_block *page_add(struct page *p, enum page_role role, const char *text, bool terms);

/* The words for action a on p: "Go on", "Finish", "Close the help" ...; NULL for an action p lacks. */
const char *page_action_label(const struct page *p, enum page_action a);
/* The full screen's name of the key for a on p, as its footer shows it ("Enter", "F1/?"). */
const char *page_key_name(const struct page *p, enum page_action a);

/* The body's width on a screen of cols columns. */
int page_width(int cols);
/* Wrap p's blocks into p->lines at width cells, as the full screen shows them; glossary terms in p->seen. */
void page_lay_out(struct page *p, int width, const struct glossary_terms *gl);
/*
 * The footer of p as the full screen shows it, into keys: each action p offers, in the screen's order, its
 * key as page_key_name names it and its words (page_action_label).  How many.  The full screen makes its
 * footer from its table of keys, which must agree (ui-curses checks it under TRIN_DEBUG_CHECK).
 */
size_t page_footer(const struct page *p, struct page_key keys[PAGE_FOOT_MAX]);
/*
 * The n keys wrapped at width into lines (with PgUp/PgDn when scroll), at most PAGE_FOOT_LINES; how many
 * lines.  Each line holds up to 511 bytes.
 */
int page_footer_lines(const struct page_key *keys, size_t n, bool scroll, int width, char lines[PAGE_FOOT_LINES][512]);
/*
 * The frame of p (laid out) with the n keys of its footer, on a screen of rows lines with msg_lines for the
 * message: the lines left for the body; the footer's lines in foot, their count in *nfoot.
 */
int page_frame(const struct page *p, const struct page_key *keys, size_t n, int rows, int width, int msg_lines,
	       char foot[PAGE_FOOT_LINES][512], int *nfoot);

/*
 * Where the body of p (laid out) starts on a screen with height lines for it, from scroll: moved to keep
 * the lines of the focus in view when follow is set, and kept within the body.
 */
int page_scroll(const struct page *p, int scroll, int height, bool follow);

/* "Step 2 of 5" or "Step 2 of 5–7" for v into buf; false (buf empty) when there is no progress to show. */
bool page_progress(const struct engine_view *v, char *buf, size_t size);
/* The steps a review lists: those on e's path before the current one that take an answer; malloc'd. */
int *page_review_steps(const struct wizard *w, struct engine *e, size_t *n);

/* What a row of the review does when chosen. */
enum page_row_do {
	PAGE_ROW_CHANGE,	/* change the answer of a step, or of an item of a group */
	PAGE_ROW_ADD,		/* add an item to a group */
	PAGE_ROW_REMOVE,	/* remove an item from a group */
};
/* A row of the review: a step (item -1), or an item of a repeated group (0-based), and what it does. */
struct page_row {
	int step;
	int item;
	enum page_row_do what;
};
/*
 * The rows a review lists, in order: each step of page_review_steps, but a repeated group as a row per
 * item, a row to add one while it has fewer than its max, and a row per item to remove it; malloc'd.
 */
struct page_row *page_review_rows(const struct wizard *w, struct engine *e, size_t *n);
/* Do what row r says (engine_revise, engine_revise_item, engine_remove_item); whether the engine did it. */
bool page_review_do(struct engine *e, const struct page_row *r);

/* How a step fits a screen: the lines its body needs and the lines the screen has for it. */
struct page_fit {
	int step;
	int needed, available;
};

/*
 * Lay out every step of w (but the review, which lists answers) exactly as the full screen would at
 * cols x rows, in the language now chosen, with no answers given and nlangs languages to pick from,
 * under the tallest footer the person can see there (F4 to read aloud named, a kiosk's words or a
 * walk's); out must hold w->nsteps entries.  Returns how many it filled.
 */
size_t page_fit(const struct wizard *w, size_t nlangs, int cols, int rows, struct page_fit *out);
/* A screen's size. */
struct page_size {
	int cols, rows;
};
/*
 * As page_fit at each of the n sizes, each page built once and laid out for each: the fit at size z of
 * the k-th step filled in out[z * w->nsteps + k], which must hold n * w->nsteps entries.
 */
size_t page_fit_sizes(const struct wizard *w, size_t nlangs, const struct page_size *sizes, size_t n,
		      struct page_fit *out);

#endif
