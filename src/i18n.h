/*
 * i18n: the language of the screen, chosen and switched without generated locales.
 *
 * trin's own strings are in gettext domain "trin" with English msgids, looked up by glibc's gettext and
 * used only when their printf arguments match (i18n_own).  Each wizard's texts are in the wizard's own
 * domain (its 'domain:', by default its id), never "trin" or "libc": trin reads those catalogues itself,
 * each checked whole first (i18n_mo_check), and gettext never opens them (i18n_text).
 * The language is chosen through LANGUAGE, which glibc honours under C.UTF-8 (not under plain "C"), so a
 * kiosk with only C.UTF-8 can show any language: i18n_init picks it from --lang, then LANGUAGE, LC_ALL,
 * LC_MESSAGES and LANG, and puts it in LANGUAGE; i18n_switch changes it at run time and tells gettext its
 * cache is stale.  A string without a translation falls back to its msgid, string by string.
 *
 * How each language writes numbers and dates, and its words for yes and no, are a table here (struct
 * i18n_lang), never the installed locales.  The engine is given one of these (engine_create), so it
 * never reads which language is chosen; trin's own messages and the wizards' translated texts come
 * through this module in the language chosen.  This is the only module that talks to gettext or reads
 * the language and locale from the environment.
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
#define N_(s) s

/*
 * trin's own messages are printf formats (and gettext's "c-format"), so a translation is used only when
 * it takes the same printf arguments as its msgid (or the first few of them), and never %n: else the
 * msgid is shown.  Every _() and ngettext() goes through this check.
 */
const char *i18n_own(const char *msgid) __attribute__((format_arg(1)));
const char *i18n_own_plural(const char *msgid, const char *plural, unsigned long n)
	__attribute__((format_arg(1), format_arg(2)));
/* Whether printf format t takes the arguments msgid does, or the first few of them, and no %n. */
bool i18n_format_fits(const char *msgid, const char *t);
#define _(s) i18n_own(s)
#undef ngettext
#define ngettext(s, p, n) i18n_own_plural(s, p, n)

/* How a language writes numbers and dates. */
struct i18n_style {
	const char *group;	/* between groups of three digits, UTF-8: "." */
	char decimal;		/* the decimal mark: ',' */
	char date_sep;		/* between day, month and year: '-' */
};

/*
 * One language as the engine is given it (engine_create): how it writes numbers and dates, and the words
 * that answer a yes/no step in it.  Entries of a fixed table here: they live as long as the process.
 */
struct i18n_lang {
	const char *code;		/* "da" */
	const char *name;		/* in the language itself: "Dansk" */
	struct i18n_style style;
	const char *const *yes, *const *no;	/* lower case, ended by NULL; none for some languages */
	const char *conj;		/* the word before the last of a list ("a, b og c"): "og" */
	const char *comma;		/* between the others: ", ", or Arabic's "، " */
	bool rtl;			/* written right to left (bidi.h) */
};

/*
 * Set up the locale (UTF-8: the environment's when it is, else C.UTF-8) and choose the language: lang
 * (from --lang; may be a LANGUAGE-style list "tr:da") if not NULL, else the environment.  A language from
 * the environment that trin has no catalogue for is passed over, so an unknown LANG leaves the language
 * unchosen.  Binds the "trin" domain.  False when lang names no language trin has a catalogue for
 * (English needs none).
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
 * A wizard's text in the language now chosen, from the catalogues of the folder its domain is bound to:
 * the first language of the list that translates it ("da_DK", then "da"), else msgid itself.  trin reads
 * these catalogues itself, each checked whole on first use (i18n_mo_check) and kept; gettext never sees
 * them, so a wizard's catalogue cannot reach trin's own domain.
 */
const char *i18n_text(const char *domain, const char *msgid);
/* Whether domain has a catalogue in the language now chosen (one of its list), as i18n_text reads them. */
bool i18n_translates(const char *domain);
/*
 * As i18n_text, for a text with plural forms (a count, format 1.1): the form of the translation for n that
 * the catalogue's Plural-Forms gives (plural.h), else msgid when n is 1 and plural otherwise.
 */
const char *i18n_text_plural(const char *domain, const char *msgid, const char *plural, unsigned long n);
/* Switch to lang at once: every gettext call after it gives the new language. */
void i18n_switch(const char *lang);
/* The number and date style of lang, or of the current language when lang is NULL. */
const struct i18n_style *i18n_style(const char *lang);
/*
 * A number written plainly ("-12345.5", as value_num_format writes it) the way st writes it, into buf:
 * "-12.345,5" in Danish; digits are grouped only from five on ("1234", "12.345").  Returns buf.
 */
char *i18n_number(const struct i18n_style *st, const char *plain, char *buf, size_t size);
/* A date "YYYY-MM-DD" the way st writes it, day first ("31-01-2030"), into buf; other text as it is. */
char *i18n_date(const struct i18n_style *st, const char *iso, char *buf, size_t size);
/*
 * The language lang names ("tr", "tr_TR.UTF-8", the first of a list "tr:da"), or the current one when lang
 * is NULL; a language trin does not know writes as the first of its table, Danish.
 */
const struct i18n_lang *i18n_lang(const char *lang);
/* The language a wizard is shown in: the one chosen (--lang, the environment, the picker), else own. */
const struct i18n_lang *i18n_lang_shown(const char *own);
/*
 * What word answers a yes/no step, in any language trin knows (case aside): 1 yes ("ja", "evet", "true"),
 * 0 no ("nej", "hayır", "false"), -1 neither.  No word is yes in one language and no in another, so an
 * answer means the same whatever the language.
 */
int i18n_yes_no(const char *word);
/* The name of a language in that language ("Türkçe"), or the code itself when unknown. */
const char *i18n_name(const char *lang);

/* Whether lang can name a language's catalogues: "da", "pt_BR", "sr@latin"; never a path or a list. */
bool i18n_language_code(const char *lang);
/*
 * Whether domain can be a wizard's: not a domain trin's process uses ("trin", glibc's "libc") and a plain
 * file name.  When not, *why says why ("is trin's own").
 */
bool i18n_wizard_domain(const char *domain, const char **why);
/*
 * Bind the domain of a wizard from file to its catalogues: a locale/ folder beside the file if it has
 * one, else the build tree's or the installed catalogues (TRIN_LOCALEDIR, when set, instead of these, for
 * trin's own domain too).  Returns the folder, valid until the next call; NULL, with *why, when the
 * domain cannot be a wizard's or another wizard's catalogues in another folder already have it (a
 * domain bound to trin's own catalogues stays there; one bound elsewhere moves to them).
 */
const char *i18n_bind_wizard(const char *file, const char *domain, const char **why);
/*
 * The languages a domain has a catalogue for in dir, plus first (the source language, may be NULL),
 * sorted after first (in the order of trin's table of languages, then by code), each once.  Returns how many; *langs is owned by the caller (free each, then it).
 */
size_t i18n_languages(const char *dir, const char *domain, const char *first, char ***langs);
/*
 * Whether domain has a usable catalogue for lang in dir: 1 yes, 0 none, -1 a file refused by
 * i18n_mo_check, or not a regular file (why in *why, valid until the next call).
 */
int i18n_catalogue(const char *dir, const char *domain, const char *lang, const char **why);
/*
 * Whether the size bytes at data are a message catalogue (.mo) every part of which is inside it: the
 * header, the tables, each string ended by a NUL, each translation UTF-8 without control characters, and
 * a hash table gettext's search ends in.  When not, *why says where (valid until the next call).
 */
bool i18n_mo_check(const unsigned char *data, size_t size, const char **why);
/* Call bad(ctx, path, why) for each catalogue of domain in dir that i18n_catalogue refuses. */
void i18n_broken(const char *dir, const char *domain, void (*bad)(void *ctx, const char *path, const char *why),
		 void *ctx);
/* Print "Dansk (da), English (en), ..." for the languages trin itself speaks. */
void i18n_print_languages(FILE *out);

#endif
