/*
 * i18n: choosing and switching the language, and how each language writes numbers and dates.  See i18n.h.
 *
 * Invariant: i18n_current is what LANGUAGE was last set to by this module (empty when never set), so the
 * engine's number style and gettext's choice of catalogue always agree.
 *
 * Must not depend on the engine, the model or any frontend.
 */
#include "i18n.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"
#include "util.h"
#include "text.h"

struct i18n_lang {
	const char *code, *name;
	struct i18n_style style;
};

/* Every language trin knows how to name and to write numbers in; others get the first entry's style. */
static const struct i18n_lang i18n_langs[] = {
	{ "da", "Dansk", { ".", ',', '-' } },
	{ "en", "English", { ",", '.', '/' } },
	{ "tr", "T\xC3\xBCrk\xC3\xA7" "e", { ".", ',', '.' } },
	{ "de", "Deutsch", { ".", ',', '.' } },
	{ "sv", "Svenska", { "\xC2\xA0", ',', '-' } },
	{ "nb", "Norsk bokm\xC3\xA5l", { "\xC2\xA0", ',', '.' } },
	{ "pl", "Polski", { "\xC2\xA0", ',', '.' } },
	{ "uk", "\xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0\xD1\x97\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA\xD0\xB0", { "\xC2\xA0", ',', '.' } },
	{ "ar", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9", { ",", '.', '/' } },
};

static char i18n_current[128];

/* The folder of the catalogues: TRIN_LOCALEDIR when set (to try out translations), else paths.h's. */
static const char *i18n_dir(void)
{
	const char *env = getenv("TRIN_LOCALEDIR");
	return env && *env ? env : paths_locale_dir();
}
static bool i18n_was_chosen;

/* The table entry of a language code or locale name ("tr_TR.UTF-8"), or NULL. */
static const struct i18n_lang *i18n_find(const char *lang)
{
	if (!lang)
		return NULL;
	size_t len = strcspn(lang, "_.@:");
	for (size_t i = 0; i < ARRAY_LEN(i18n_langs); i++)
		if (strlen(i18n_langs[i].code) == len && strncmp(i18n_langs[i].code, lang, len) == 0)
			return &i18n_langs[i];
	return NULL;
}

int i18n_catalogue(const char *dir, const char *domain, const char *lang, const char **why)
{
	size_t len = strlen(dir) + strlen(lang) + strlen(domain) + 32;
	char *path = xmalloc(len);
	snprintf(path, len, "%s/%s/LC_MESSAGES/%s.mo", dir, lang, domain);
	FILE *f = fopen(path, "rb");
	free(path);
	if (!f)
		return 0;
	unsigned char head[28];
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	uint32_t magic = (uint32_t)head[0] | (uint32_t)head[1] << 8 | (uint32_t)head[2] << 16 | (uint32_t)head[3] << 24;
	if (n < sizeof head || (magic != 0x950412deu && magic != 0xde120495u)) {
		if (why)
			*why = "not a message catalogue";
		return -1;
	}
	return 1;
}

/* Whether trin speaks one entry of a language list: English, or a catalogue for it or its language. */
static bool i18n_usable(const char *entry, size_t len)
{
	char lang[64];
	if (len == 0 || len >= sizeof lang)
		return false;
	memcpy(lang, entry, len);
	lang[len] = '\0';
	if (strncmp(lang, "en", 2) == 0 && (len == 2 || strchr("_.@", lang[2])))
		return true;
	if (i18n_catalogue(i18n_dir(), TRIN_DOMAIN, lang, NULL) == 1)
		return true;
	lang[strcspn(lang, "_.@")] = '\0';
	return i18n_catalogue(i18n_dir(), TRIN_DOMAIN, lang, NULL) == 1;
}

/* The entries of list that trin speaks, joined by ':' into out; locale names lose codeset and modifier. */
static void i18n_filter(const char *list, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ":");
		size_t name = strcspn(p, ".@:");
		if (name > len)
			name = len;
		bool plain = (name == 1 && *p == 'C') || (name == 5 && strncmp(p, "POSIX", 5) == 0);
		if (!plain && i18n_usable(p, name) && o + name + 2 < size) {
			if (o)
				out[o++] = ':';
			memcpy(out + o, p, name);
			o += name;
			out[o] = '\0';
		}
		p += len + (p[len] == ':');
	}
}

bool i18n_init(const char *lang)
{
	bindtextdomain(TRIN_DOMAIN, i18n_dir());
	bind_textdomain_codeset(TRIN_DOMAIN, "UTF-8");
	textdomain(TRIN_DOMAIN);
	char list[sizeof i18n_current];
	if (lang) {
		i18n_filter(lang, list, sizeof list);
		if (!list[0])
			return false;
		i18n_switch(list);
		i18n_was_chosen = true;
		return true;
	}
	const char *env = getenv("LANGUAGE");
	if (env && *env) {
		i18n_filter(env, list, sizeof list);
		if (list[0]) {
			i18n_switch(list);
			i18n_was_chosen = true;
			return true;
		}
	}
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < ARRAY_LEN(vars); i++) {
		env = getenv(vars[i]);
		if (!env || !*env)
			continue;
		i18n_filter(env, list, sizeof list);
		if (list[0]) {
			i18n_switch(list);
			i18n_was_chosen = true;
		}
		break;	/* the first one set decides, as in POSIX */
	}
	return true;
}

bool i18n_chosen(void)
{
	return i18n_was_chosen;
}

char *i18n_push(const char *lang)
{
	char *saved = xstrdup(i18n_current);
	if (lang)
		i18n_switch(lang);
	return saved;
}

void i18n_pop(char *saved)
{
	i18n_switch(saved);
	free(saved);
}

const char *i18n_language(void)
{
	static char first[sizeof i18n_current];
	if (!i18n_current[0])
		return NULL;
	size_t len = strcspn(i18n_current, ":");
	memcpy(first, i18n_current, len);
	first[len] = '\0';
	return first;
}

/* Bumped whenever what gettext would find may change: the language, or where a domain's catalogues are. */
static unsigned i18n_generation;

const char *i18n_text(const char *domain, const char *msgid)
{
	static char seen[128];
	static unsigned seen_generation;
	static bool has;
	if (seen_generation != i18n_generation + 1 || strcmp(seen, domain) != 0) {
		/* the empty msgid gives a catalogue's header: none means every text stays as written */
		has = *dgettext(domain, "") != '\0';
		size_t len = strlen(domain);
		seen_generation = 0;	/* too long to remember: asked every time */
		if (len < sizeof seen) {
			memcpy(seen, domain, len + 1);
			seen_generation = i18n_generation + 1;
		}
	}
	return has ? dgettext(domain, msgid) : msgid;
}

void i18n_switch(const char *lang)
{
	i18n_generation++;
	snprintf(i18n_current, sizeof i18n_current, "%s", lang);
	setenv("LANGUAGE", i18n_current, 1);
	/* glibc caches translations; setting the domain again bumps its catalogue counter */
	textdomain(TRIN_DOMAIN);
}

const struct i18n_style *i18n_style(const char *lang)
{
	const struct i18n_lang *l = i18n_find(lang ? lang : i18n_language());
	return l ? &l->style : &i18n_langs[0].style;
}

const char *i18n_name(const char *lang)
{
	const struct i18n_lang *l = i18n_find(lang);
	return l ? l->name : lang;
}

/* Whether dir holds a catalogue of domain for any language. */
static bool i18n_has_any(const char *dir, const char *domain)
{
	char **langs;
	size_t n = i18n_languages(dir, domain, NULL, &langs);
	paths_free(langs, n);
	return n > 0;
}

const char *i18n_bind_wizard(const char *file, const char *domain)
{
	static char dir[4096];
	const char *slash = strrchr(file, '/');
	snprintf(dir, sizeof dir, "%.*s%slocale", slash ? (int)(slash - file) : 0, file, slash ? "/" : "");
	if (!i18n_has_any(dir, domain)) {
		snprintf(dir, sizeof dir, "%s/wizards/%s", i18n_dir(), domain);
		if (!i18n_has_any(dir, domain))
			snprintf(dir, sizeof dir, "%s", i18n_dir());
	}
	bindtextdomain(domain, dir);
	bind_textdomain_codeset(domain, "UTF-8");
	i18n_generation++;
	return dir;
}

/* Whether a folder's name can be a language: "da", "pt_BR", "sr@latin", "de_DE.UTF-8"; no other is one. */
static bool i18n_is_code(const char *name)
{
	size_t n = strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.@-");
	return n > 0 && n <= 64 && !name[n] && name[0] != '.';
}

static int i18n_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t i18n_languages(const char *dir, const char *domain, const char *first, char ***langs)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	if (first) {
		util_grow((void **)&v, &cap, n + 1, sizeof *v);
		v[n++] = xstrdup(first);
	}
	size_t from = n;
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		if (!i18n_is_code(de->d_name) || (first && strcmp(de->d_name, first) == 0))
			continue;
		if (i18n_catalogue(dir, domain, de->d_name, NULL) != 1)
			continue;
		util_grow((void **)&v, &cap, n + 1, sizeof *v);
		v[n++] = xstrdup(de->d_name);
	}
	if (d)
		closedir(d);
	if (n > from)
		qsort(v + from, n - from, sizeof *v, i18n_cmp);
	*langs = v;
	return n;
}

void i18n_print_languages(FILE *out)
{
	char **langs;
	size_t n = i18n_languages(i18n_dir(), TRIN_DOMAIN, "en", &langs);
	qsort(langs, n, sizeof *langs, i18n_cmp);
	for (size_t i = 0; i < n; i++)
		text_printf(out, "%s%s (%s)", i ? ", " : "", i18n_name(langs[i]), langs[i]);
	fputc('\n', out);
	paths_free(langs, n);
}
