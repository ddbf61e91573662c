/*
 * page: what one screen shows, for every frontend.  No terminal, no I/O.
 *
 * A page is a title, progress, a message and a list of blocks with roles, plus the set of actions that
 * work on it.  The full screen draws pages, line mode prints the same pages in its own words, and
 * trin check measures the fit of exactly the page a person sees.
 *
 * This header is being built up; the actions below are fixed first, so that the frontends' key tables
 * and the page builders agree on them.
 */
#ifndef TRIN_PAGE_H
#define TRIN_PAGE_H

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
};

#endif
