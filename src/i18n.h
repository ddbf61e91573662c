/*
 * i18n: gettext for trin's own strings (domain "trin").  Wizard texts use the wizard's own domain and
 * are translated by the frontends, never here.
 */
#ifndef TRIN_I18N_H
#define TRIN_I18N_H

#include <libintl.h>

#define TRIN_DOMAIN "trin"
#define _(s) dgettext(TRIN_DOMAIN, s)
#define N_(s) s

#endif
