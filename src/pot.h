/*
 * pot: a gettext template (.pot) of every text a wizard shows, for translators.  The texts come from the
 * model as the loader made it (pot_texts), so the template holds exactly what the screen asks gettext
 * for: each msgid once, with a `#: file:line` reference per place and a translator comment naming the key.
 *
 * No state; writes only to the stream it is given.
 */
#ifndef TRIN_POT_H
#define TRIN_POT_H

#include <stddef.h>
#include <stdio.h>

#include "model.h"
#include "util.h"

/* A text a person can be shown, with the key translators know it by ("steps.alene.title"). */
struct wizard_text {
	const char *msgid;
	struct loc loc;
	const char *key;
	const char *plural;	/* its msgid_plural (1.1), or NULL */
};

/*
 * Every text of w a person can be shown, in the order the loader reads them (the wizard's own, the
 * glossary's, then step by step), in arena a; *n of them.
 */
struct wizard_text *pot_texts(const struct wizard *w, struct arena *a, size_t *n);
/* Write the template of wizards w[0..n), which share one domain, to out. */
void pot_write(FILE *out, struct wizard *const *w, size_t n);
/* Write s as a PO string (after "msgid " or "msgstr "): quoted, escaped, split after each newline. */
void pot_string(FILE *out, const char *s);

#endif
