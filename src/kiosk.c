/*
 * kiosk: a kiosk's rules that are not the terminal's.  See kiosk.h.
 */
#include "kiosk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

/* A key came at now_ms. */
void kiosk_key(struct kiosk_clock *c, long now_ms)
{
	c->last_key_ms = now_ms;
}

/* Whether nobody has pressed a key for idle_s seconds by now_ms. */
bool kiosk_left_alone(const struct kiosk_clock *c, long now_ms, int idle_s)
{
	return now_ms - c->last_key_ms >= (long)idle_s * 1000;
}

/* What a walk with no key does at now_ms, the warning shown or not; see kiosk.h. */
enum kiosk_idle kiosk_idle(struct kiosk_clock *c, long now_ms, bool warning, int idle_s, int warn_s)
{
	if (!warning && kiosk_left_alone(c, now_ms, idle_s)) {
		c->reset_at_ms = now_ms + (long)warn_s * 1000;
		return KIOSK_WARN;
	}
	return warning && now_ms >= c->reset_at_ms ? KIOSK_RESET : KIOSK_WAIT;
}

/* Whole seconds left of the warning at now_ms, rounded up. */
long kiosk_warning_left(const struct kiosk_clock *c, long now_ms)
{
	return (c->reset_at_ms - now_ms + 999) / 1000;
}

/* The heading of a kiosk's language screen: "Choose your language" in each of langs; see kiosk.h. */
void kiosk_language_heading(char **langs, size_t n, char *heading, size_t size)
{
	heading[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		i18n_switch(langs[i]);
		size_t len = strlen(heading);
		snprintf(heading + len, size - len, "%s%s", i ? " / " : "", _("Choose your language"));
	}
	if (n)
		i18n_switch(langs[0]);
}

struct page *kiosk_language_page(const char *heading, char **langs, size_t n, int sel)
{
	const char **names = xcalloc(n ? n : 1, sizeof *names);
	for (size_t i = 0; i < n; i++)
		names[i] = i18n_name(langs[i]);
	struct page *p = page_menu(heading, names, n, sel, NULL, PAGE_CHOOSE | PAGE_GO_ON, true);
	free(names);
	return p;
}

struct page *kiosk_out_of_order_page(void)
{
	return page_notice(_("This terminal is out of order."), (const char *[]){ _("Please ask at the desk. We are sorry."), NULL },
			   0);
}

/* Load the kiosk's wizards into list; how many loaded, the diagnostics written or held (kiosk.h). */
size_t kiosk_load(char **files, size_t nfiles, struct ui_wizard *list, struct diags *held)
{
	struct diags d = { 0 };
	size_t n = 0;
	for (size_t i = 0; i < nfiles; i++) {
		const char *dir;
		struct wizard *w = ui_load(files[i], &d, &dir);
		if (w)
			list[n++] = (struct ui_wizard){ files[i], w };
	}
	diag_sort(&d);
	if (held) {
		diag_free(held);
		*held = d;
		return n;
	}
	diag_print(&d, stderr);
	diag_free(&d);
	return n;
}
