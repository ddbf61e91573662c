/*
 * kiosk: a kiosk's rules that are not the terminal's, for any frontend: when a walk left alone is warned
 * about and when it starts over, by a clock the frontend gives; the language screen's heading; the wizards
 * loaded with their diagnostics written for the operator or held; how long the out-of-order screen waits
 * before trying again.
 */
#ifndef TRIN_KIOSK_H
#define TRIN_KIOSK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "page.h"
#include "ui.h"

#define KIOSK_RETRY_MS (60 * 1000)	/* out of order: how long until the wizards are loaded again */
#define KIOSK_STILL_MS 1000	/* a changed wizard file is read once it has been still this long (reload.h) */

/* A kiosk's clock of keys, in milliseconds of a clock the frontend gives. */
struct kiosk_clock {
	long last_key_ms;	/* when the last key came */
	long reset_at_ms;	/* when the idle warning ends in a reset */
};

/* What a walk with no key does. */
enum kiosk_idle {
	KIOSK_WAIT,		/* nothing yet */
	KIOSK_WARN,		/* show the warning: "Are you still there?" */
	KIOSK_RESET,		/* the warning ran out: start over */
};

/* A key came at now_ms. */
void kiosk_key(struct kiosk_clock *c, long now_ms);
/* Whether nobody has pressed a key for idle_s seconds by now_ms. */
bool kiosk_left_alone(const struct kiosk_clock *c, long now_ms, int idle_s);
/*
 * What a walk with no key does at now_ms, the warning shown or not: KIOSK_WARN when it is left alone
 * (idle_s), the warning then counting down warn_s seconds; KIOSK_RESET when the warning has run out.
 */
enum kiosk_idle kiosk_idle(struct kiosk_clock *c, long now_ms, bool warning, int idle_s, int warn_s);
/* Whole seconds left of the warning at now_ms, rounded up. */
long kiosk_warning_left(const struct kiosk_clock *c, long now_ms);
/*
 * The heading of a kiosk's language screen in heading (size bytes): "Choose your language" in each of
 * langs, in their order, joined by " / "; the language is then langs[0].
 */
void kiosk_language_heading(char **langs, size_t n, char *heading, size_t size);
/* The kiosk's language screen: heading (kiosk_language_heading), then each of langs named in its own words. */
struct page *kiosk_language_page(const char *heading, char **langs, size_t n, int sel);
/* The calm screen of a kiosk whose wizards do not load. */
struct page *kiosk_out_of_order_page(void);
/*
 * Load the kiosk's wizards into list (room for nfiles); how many loaded.  The diagnostics go to stderr for
 * the operator's log (the person sees a calm screen), or, with held, replace what held kept, to be written
 * once the screen is restored.
 */
size_t kiosk_load(char **files, size_t nfiles, struct ui_wizard *list, struct diags *held);

#endif
