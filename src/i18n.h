/*
 * i18n: the language of the screen, chosen and switched without generated locales.
 *
 * trin's own strings are in gettext domain "trin" with English msgids; each wizard's texts are in the
 * wizard's own domain (its 'domain:', by default its id) and are translated by the frontends, never here.
 * The language is chosen through LANGUAGE, which glibc honours under C.UTF-8 (not under plain "C"), so a
 * kiosk with only C.UTF-8 can show any language: i18n_init picks it from --lang, then LANGUAGE, LC_ALL,
 * LC_MESSAGES and LANG, and puts it in LANGUAGE; i18n_switch changes it at run time and tells gettext its
 * cache is stale.  A string without a translation falls back to its msgid, string by string.
 *
 * Numbers and dates are written the way the current language writes them (i18n_style), from a table
 * here, never from the installed locales.
 *
 * Strings returned are static or owned here, valid until the next i18n_switch unless said otherwise.
 */
#ifndef TRIN_I18N_H
#define TRIN_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define TRIN_DOMAIN "trin"
#define _(s) dgettext(TRIN_DOMAIN, s)
#define N_(s) s

/* How a language writes numbers and dates. */
struct i18n_style {
	const char *group;	/* between groups of three digits, UTF-8: "." */
	char decimal;		/* the decimal mark: ',' */
	char date_sep;		/* between day, month and year: '-' */
};

/*
 * Choose the language: lang (from --lang; may be a LANGUAGE-style list "tr:da") if not NULL, else the
 * environment.  A language from the environment that trin has no catalogue for is passed over, so an
 * unknown LANG leaves the language unchosen.  Binds the "trin" domain.  False when lang names no
 * language trin has a catalogue for (English needs none).
 */
bool i18n_init(const char *lang);
/* Whether a language was chosen by --lang or the environment (rather than left to the wizard). */
bool i18n_chosen(void);
/* The current language ("tr", from "tr_TR:da"), or NULL when none is set. */
const char *i18n_language(void);
/*
 * Switch to lang for a while (NULL: stay), returning what to switch back to with i18n_pop, which frees it:
 * a text shown in the helper's language, a check made in each language.
 */
char *i18n_push(const char *lang);
void i18n_pop(char *saved);
/*
 * A wizard's text in the language now chosen: dgettext(domain, msgid), but without asking gettext for
 * every text when the domain has no catalogue for the language (the wizard's own language, mostly).
 */
const char *i18n_text(const char *domain, const char *msgid);
/* Switch to lang at once: every gettext call after it gives the new language. */
void i18n_switch(const char *lang);
/* The number and date style of lang, or of the current language when lang is NULL. */
const struct i18n_style *i18n_style(const char *lang);
/* The name of a language in that language ("Türkçe"), or the code itself when unknown. */
const char *i18n_name(const char *lang);

/*
 * Bind the domain of a wizard from file to its catalogues: a locale/ folder beside the file if it has
 * one, else the build tree's or the installed catalogues (TRIN_LOCALEDIR, when set, instead of these, for
 * trin's own domain too).  Returns the folder, valid until the next call.
 */
const char *i18n_bind_wizard(const char *file, const char *domain);
/*
 * The languages a domain has a catalogue for in dir, plus first (the source language, may be NULL),
 * sorted after first, each once.  Returns how many; *langs is owned by the caller (free each, then it).
 */
size_t i18n_languages(const char *dir, const char *domain, const char *first, char ***langs);
/*
 * Whether domain has a usable catalogue for lang in dir: 1 yes, 0 none, -1 a file that is not a
 * catalogue (why in *why).
 */
int i18n_catalogue(const char *dir, const char *domain, const char *lang, const char **why);
/* Print "Dansk (da), English (en), ..." for the languages trin itself speaks. */
void i18n_print_languages(FILE *out);

#endif
