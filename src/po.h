/*
 * po: a translator's catalogue (.po) read for its messages and where each translation is written, so that
 * trin check can report a translation whose {name}s do not match its original at the catalogue's line and
 * column; and that check itself (po_check_names), for a translation read from a compiled catalogue too.
 *
 * Bounded: a file of at most PO_MAX_FILE bytes, at most PO_MAX_FORMS translations of a message (plural
 * forms).  What is not understood in a file is passed over; msgfmt --check is the full check of the syntax.
 * Every string lives in the po's arena until po_free.
 */
#ifndef TRIN_PO_H
#define TRIN_PO_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

#define PO_MAX_FILE (16u << 20)
#define PO_MAX_FORMS 8

/* One message: its msgid (and msgid_plural), its translations, and where each byte of them is written. */
struct po_message {
	const char *msgid, *plural;	/* plural: NULL for a message without plural forms */
	const char *msgstr[PO_MAX_FORMS];
	const struct loc *where[PO_MAX_FORMS];	/* per byte of msgstr[i], and one for its end */
	size_t nstr;
	bool fuzzy;			/* msgfmt leaves it out, and so does trin */
	struct loc at;			/* of the msgid keyword */
};

struct po {
	const char *path;		/* borrowed */
	struct po_message *v;
	size_t n, cap;
	struct strmap index;		/* msgid -> its place in v (the first, of a msgid written twice) */
	struct arena arena;
};

/*
 * Read the catalogue at path into out (po_free it either way); false when it cannot be read or is too large.
 * path is borrowed: the messages' places point at it.
 */
bool po_read(const char *path, struct po *out);
/* The message of po with msgid (no context), or NULL. */
const struct po_message *po_find(const struct po *po, const char *msgid);
/* Free what po holds; a zeroed po is fine. */
void po_free(struct po *po);

/*
 * Check translation t of msgid (or of plural, its plural form, whose {name}s count too): every {name} of t
 * is one of msgid's, every one of msgid's is in t, and no brace is left open or closes nothing; its
 * right-to-left controls are balanced (bidi_balanced), so it cannot read differently from how it is stored.  Each fault
 * is an error appended to d at where[offset] (where may be NULL: then at fallback), naming the translation in
 * the words of whose ("the en translation"); d may be NULL (the engine asks only whether a translation can
 * be shown).  Whether t has no fault.
 */
bool po_check_names(const char *msgid, const char *plural, const char *t, const struct loc *where, struct loc fallback,
		    const char *whose, struct diags *d);

#endif
