/*
 * screen: the full screen's state, and what a key does to it, with no terminal.  The step shown and what
 * is picked on it (pick.h), the overlay over it, the scroll, the frontend's own message, the languages to
 * pick from, what was saved at the end, the kiosk's clock and the --watch file.  The full screen
 * (ui-curses*.c) reads keys (keys.h) into it and draws the page it shows; the unit tests drive it alike.
 */
#ifndef TRIN_SCREEN_H
#define TRIN_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "engine.h"
#include "glossary.h"
#include "kiosk.h"
#include "model.h"
#include "page.h"
#include "pick.h"
#include "ui.h"
#include "watch.h"

struct reload;
struct stats;

struct screen {
	const struct wizard *w;
	struct engine *e;
	const struct ui_options *opts;
	int rows, cols;
	/* the step being shown, and the state of its field */
	int step;
	size_t position;
	struct pick pick;	/* the cursor, ticks, review rows and text field (pick.h) */
	/* the frame */
	struct page *page;	/* what it shows (page.h), laid out */
	int scroll, height;
	bool follow;		/* keep the focus row in view */
	enum page_kind overlay;	/* over the step (PAGE_KIND_STEP: none) */
	const char *note;	/* a message of the frontend's own, shown until the next key */
	bool output_done;	/* the result was written (or failed) for this end */
	bool output_failed;
	char output_message[512];
	struct glossary_terms gl;	/* for marking */
	struct kiosk_clock clock;	/* kiosk: when the last key came, when the idle warning ends (kiosk.h) */
	struct stats *stats;	/* kiosk: anonymous counts, or NULL */
	struct reload *reload;	/* kiosk: its wizard files, watched for the next person (reload.h), or NULL */
	bool begun;		/* kiosk: a key came since its start: someone is walking (a change waits) */
	struct page_key foot[PAGE_FOOT_MAX];	/* the footer's keys, from the table of keys (page_footer) */
	size_t nfoot;
	unsigned actions;	/* the page_action bits the page offers, which the keys check (keys_action) */
	/* the languages the wizard can be shown in (its own first), for the picker */
	char **langs;
	size_t nlangs;
	int lang_sel;
	bool lang_picked;	/* the person chose a language here: keep it for the next wizard */
	/* --watch: the file, as it was when last loaded, and the wizard loaded from it (owned) */
	struct watch watch;	/* the file, or a NULL file when not watching (watch.h) */
	struct wizard *watch_w;
	struct diags watch_d;	/* why it did not load when the author stopped at its errors */
	void (*hold)(bool hold);	/* hold the stop signals back while a file is written (true), or NULL */
	bool read_aloud;	/* F4: read the page aloud once it is drawn (the frontend does, and clears it) */
	bool speak;		/* read every page aloud as it appears, F4 named in the footer: --speak, or F4 at a
				   kiosk's language screen, for that person */
};

/* What the walk does after a key. */
enum screen_action { SCREEN_STAY, SCREEN_DONE, SCREEN_QUIT, SCREEN_RESET };

/*
 * Show p (owned from now on), laid out at the width of the screen if it is not yet, in place of the page
 * before, which is wiped and freed (it may hold answers); NULL shows none.
 */
void screen_show(struct screen *s, struct page *p);
/* The page of the current step v, or of the overlay over it, with the message to show under it, at now_ms. */
struct page *screen_page(struct screen *s, const struct engine_view *v, long now_ms);
/* The glossary terms of s->w in the language shown, for marking them; screen_terms_free frees them. */
void screen_terms_init(struct screen *s);
void screen_terms_free(struct screen *s);
/* The languages of the wizard about to be walked, from file, for the picker (ui_langs). */
void screen_langs(struct screen *s, const char *file);

/* A new step v is shown: its field starts from the remembered answer, if any. */
void screen_enter(struct screen *s, const struct engine_view *v);
/* PgUp, PgDn and, where asked, the arrows scroll the body by hand (keys_scroll); false for other keys. */
bool screen_scroll_key(struct screen *s, uint32_t key, bool arrows);
/* One key (keys.h) on step v at now_ms: through the table of keys to an action, and its handler. */
enum screen_action screen_key(struct screen *s, const struct engine_view *v, uint32_t key, long now_ms);
/* A walk with no key at now_ms: a kiosk's idle warning shown, or SCREEN_RESET when it ran out. */
enum screen_action screen_idle(struct screen *s, long now_ms);

/* At the end: the answers (--output), the walk (--record) and the summary (--summary) saved, said in words. */
void screen_save_at_end(struct screen *s);
/* The key on the end screen that saves a summary into the folder the operator configured. */
void screen_save_summary(struct screen *s);
/* The key on the end screen that prints a summary on the queue the operator named (--print). */
void screen_print_summary(struct screen *s);
/*
 * Carry the walk over to w, the watched file loaded again (owned from now on): the same step when it is
 * still there, the answers kept, and what is typed in the field when the step stays.
 */
void screen_carry(struct screen *s, struct wizard *w);
/* Free what s holds, the text field and the page wiped first. */
void screen_free(struct screen *s);

#endif
