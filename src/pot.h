/*
 * pot: a gettext template (.pot) of every text a wizard shows, for translators.  The texts come from the
 * model as the loader made it (wizard.texts), so the template holds exactly what the screen asks gettext
 * for: each msgid once, with a `#: file:line` reference per place and a translator comment naming the key.
 *
 * No state; writes only to the stream it is given.
 */
#ifndef TRIN_POT_H
#define TRIN_POT_H

#include <stddef.h>
#include <stdio.h>

#include "model.h"

/* Write the template of wizards w[0..n), which share one domain, to out. */
void pot_write(FILE *out, struct wizard *const *w, size_t n);
/* Write s as a PO string (after "msgid " or "msgstr "): quoted, escaped, split after each newline. */
void pot_string(FILE *out, const char *s);

#endif
