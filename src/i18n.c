/*
 * i18n: choosing and switching the language, how each language writes numbers and dates, and the wizards'
 * catalogues, read and checked here.  See i18n.h.
 *
 * Invariant: i18n_current is what LANGUAGE was last set to by this module (empty when never set), so the
 * engine's number style, gettext's choice of catalogue and i18n_text's always agree.  No wizard domain is
 * ever bound with bindtextdomain: only "trin" is.
 *
 * Must not depend on the engine, the model or any frontend.
 */
#include "i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicase.h>
#include <unistr.h>

#include "paths.h"
#include "plural.h"
#include "util.h"
#include "text.h"

/*
 * The words of a yes/no answer in each language, lower case.  Each is taken in every language (i18n_yes_no),
 * so none may be yes in one and no in another; JSON's true and false are with English's.
 */
static const char *const i18n_da_yes[] = { "ja", "j", NULL }, *const i18n_da_no[] = { "nej", "n", NULL };
static const char *const i18n_en_yes[] = { "yes", "y", "true", NULL },
		  *const i18n_en_no[] = { "no", "n", "false", NULL };
static const char *const i18n_tr_yes[] = { "evet", NULL }, *const i18n_tr_no[] = { "hay\xC4\xB1r", "hayir", NULL };
static const char *const i18n_uk_yes[] = { "\xD1\x82\xD0\xB0\xD0\xBA", NULL },	/* так */
		  *const i18n_uk_no[] = { "\xD0\xBD\xD1\x96", NULL };		/* ні */
static const char *const i18n_ar_yes[] = { "\xD9\x86\xD8\xB9\xD9\x85", NULL },	/* نعم */
		  *const i18n_ar_no[] = { "\xD9\x84\xD8\xA7", NULL };		/* لا */

/*
 * Every language trin knows how to name and to write numbers in; others get the first entry's style.  Arabic
 * is written with Western digits, as the Danish letters and web pages its readers meet are (typed answers
 * take Arabic-Indic digits too, text_digits), and right to left.
 */
static const struct i18n_lang i18n_langs[] = {
	{ "da", "Dansk", { ".", ',', '-' }, i18n_da_yes, i18n_da_no, "og", ", ", false },
	{ "en", "English", { ",", '.', '/' }, i18n_en_yes, i18n_en_no, "and", ", ", false },
	{ "tr", "T\xC3\xBCrk\xC3\xA7" "e", { ".", ',', '.' }, i18n_tr_yes, i18n_tr_no, "ve", ", ", false },
	{ "de", "Deutsch", { ".", ',', '.' }, NULL, NULL, "und", ", ", false },
	{ "sv", "Svenska", { "\xC2\xA0", ',', '-' }, NULL, NULL, "och", ", ", false },
	{ "nb", "Norsk bokm\xC3\xA5l", { "\xC2\xA0", ',', '.' }, NULL, NULL, "og", ", ", false },
	{ "pl", "Polski", { "\xC2\xA0", ',', '.' }, NULL, NULL, "i", ", ", false },
	{ "uk", "\xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0\xD1\x97\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA\xD0\xB0", { "\xC2\xA0", ',', '.' },
	  i18n_uk_yes, i18n_uk_no, "\xD1\x96", ", ", false },
	{ "ar", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9", { ",", '.', '/' }, i18n_ar_yes, i18n_ar_no,
	  "\xD9\x88", "\xD8\x8C ", true },
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

/* The largest catalogue trin reads: a wizard's has a few hundred texts, trin's own a few hundred more. */
#define I18N_MO_MAX (16u << 20)

static char i18n_why[200];

/* Say why a catalogue is refused, into the buffer *why then points to; returns false. */
static bool i18n_mo_bad(const char **why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool i18n_mo_bad(const char **why, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(i18n_why, sizeof i18n_why, fmt, ap);
	va_end(ap);
	*why = i18n_why;
	return false;
}

/* The 32-bit number at p, in the byte order of the catalogue. */
static uint32_t i18n_u32(const unsigned char *p, bool big)
{
	return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
		   : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Whether n is prime: the hash table's probing visits every slot only then. */
static bool i18n_prime(uint32_t n)
{
	if (n < 2)
		return false;
	for (uint32_t d = 2; d <= n / d; d++)
		if (n % d == 0)
			return false;
	return true;
}

/* Whether the n bytes at s are UTF-8 without control characters (a newline or a NUL between plural forms aside). */
static bool i18n_mo_clean(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		i += util_printable_span(s + i, n - i);
		if (i == n)
			break;
		if (s[i] == '\n' || s[i] == '\0') {
			i++;
			continue;
		}
		ucs4_t c;
		int w = u8_mbtoucr(&c, s + i, n - i);
		if (w < 0 || c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
			return false;
		i += (size_t)w;
	}
	return true;
}

/*
 * Check string i of the table at off: inside the file and ended by a NUL; texts also clean.  *total adds
 * up the strings' sizes: strings of a catalogue do not overlap, so more than the file is refused before
 * a million entries can each point to the same long string and make every check (and lookup) read it.
 */
static bool i18n_mo_string(const unsigned char *d, size_t size, uint32_t off, uint32_t i, bool big,
			   const char *table, bool text, uint64_t *total, const char **why)
{
	uint32_t len = i18n_u32(d + off + 8 * (size_t)i, big), at = i18n_u32(d + off + 8 * (size_t)i + 4, big);
	if ((uint64_t)at + len + 1 > size)
		return i18n_mo_bad(why, "%s %" PRIu32 " (offset %" PRIu32 ", length %" PRIu32 ") runs past the end of "
				   "the file (%zu bytes)", table, i, at, len, size);
	if (d[at + len] != '\0')
		return i18n_mo_bad(why, "%s %" PRIu32 " (offset %" PRIu32 ") is not ended by a NUL byte", table, i, at);
	*total += (uint64_t)len + 1;
	if (*total > size)
		return i18n_mo_bad(why, "%s %" PRIu32 " (offset %" PRIu32 ") overlaps others: the strings add up to "
				   "more than the file", table, i, at);
	if (text && !i18n_mo_clean(d + at, len))
		return i18n_mo_bad(why, "%s %" PRIu32 " (offset %" PRIu32 ") is not UTF-8 or has a control character",
				   table, i, at);
	return true;
}

bool i18n_mo_check(const unsigned char *d, size_t size, const char **why)
{
	if (size < 28)
		return i18n_mo_bad(why, "not a message catalogue: %zu bytes, shorter than the header", size);
	if (size > I18N_MO_MAX)
		return i18n_mo_bad(why, "larger than %u MiB", I18N_MO_MAX >> 20);
	bool big = i18n_u32(d, true) == 0x950412deu;
	if (!big && i18n_u32(d, false) != 0x950412deu)
		return i18n_mo_bad(why, "not a message catalogue (no magic number)");
	uint32_t rev = i18n_u32(d + 4, big), n = i18n_u32(d + 8, big), orig = i18n_u32(d + 12, big),
		 trans = i18n_u32(d + 16, big), hsize = i18n_u32(d + 20, big), hoff = i18n_u32(d + 24, big);
	if (rev >> 16 > 1)
		return i18n_mo_bad(why, "revision %" PRIu32 ".%" PRIu32 " of the format, which trin does not read",
				   rev >> 16, rev & 0xffff);
	/* from minor revision 1 on, system-dependent strings follow the header: trin's catalogues have none */
	if ((rev & 0xffff) && (size < 48 || i18n_u32(d + 28, big) || i18n_u32(d + 36, big)))
		return i18n_mo_bad(why, "system-dependent strings, which trin does not read");
	if ((uint64_t)orig + 8 * (uint64_t)n > size)
		return i18n_mo_bad(why, "the table of %" PRIu32 " original strings at offset %" PRIu32 " runs past the "
				   "end of the file (%zu bytes)", n, orig, size);
	if ((uint64_t)trans + 8 * (uint64_t)n > size)
		return i18n_mo_bad(why, "the table of %" PRIu32 " translations at offset %" PRIu32 " runs past the end "
				   "of the file (%zu bytes)", n, trans, size);
	uint64_t total = 0;
	for (uint32_t i = 0; i < n; i++)
		if (!i18n_mo_string(d, size, orig, i, big, "original string", false, &total, why) ||
		    !i18n_mo_string(d, size, trans, i, big, "translation", true, &total, why))
			return false;
	if (hsize > 2) {	/* glibc searches the hash table, and loops until an empty slot, when it has one */
		if ((uint64_t)hoff + 4 * (uint64_t)hsize > size)
			return i18n_mo_bad(why, "the hash table of %" PRIu32 " slots at offset %" PRIu32 " runs past the "
					   "end of the file (%zu bytes)", hsize, hoff, size);
		if (!i18n_prime(hsize))
			return i18n_mo_bad(why, "the hash table has %" PRIu32 " slots, not a prime number", hsize);
		bool empty = false;
		for (uint32_t i = 0; i < hsize; i++) {
			uint32_t k = i18n_u32(d + hoff + 4 * (size_t)i, big);
			if (k > n)
				return i18n_mo_bad(why, "slot %" PRIu32 " of the hash table names string %" PRIu32 " of %"
						   PRIu32, i, k, n);
			empty |= k == 0;
		}
		if (!empty)
			return i18n_mo_bad(why, "the hash table has no empty slot");
	}
	return true;
}

/*
 * Read the catalogue at path whole: NULL when there is none, or when it is refused (why says so, and
 * *broken is set).  Only a regular file is opened, so a FIFO cannot stall trin.
 */
static unsigned char *i18n_mo_read(const char *path, size_t *size, bool *broken, const char **why)
{
	*broken = false;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	unsigned char *d = NULL;
	*broken = true;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		i18n_mo_bad(why, "not a regular file");
	else if (st.st_size > (off_t)I18N_MO_MAX)
		i18n_mo_bad(why, "larger than %u MiB", I18N_MO_MAX >> 20);
	else {
		size_t want = (size_t)st.st_size, got = 0;
		d = xmalloc(want + 1);
		ssize_t r;
		while (got < want && (r = read(fd, d + got, want - got)) > 0)
			got += (size_t)r;
		*size = got;	/* what was read is what is checked and used, whatever the file became */
		*broken = !i18n_mo_check(d, got, why);
		if (*broken) {
			free(d);
			d = NULL;
		}
	}
	close(fd);
	return d;
}

/* The path of the catalogue of domain for lang in dir: "DIR/LANG/LC_MESSAGES/DOMAIN.mo", to free. */
static char *i18n_mo_path(const char *dir, const char *lang, const char *domain)
{
	size_t len = strlen(dir) + strlen(lang) + strlen(domain) + 32;
	char *path = xmalloc(len);
	snprintf(path, len, "%s/%s/LC_MESSAGES/%s.mo", dir, lang, domain);
	return path;
}

int i18n_catalogue(const char *dir, const char *domain, const char *lang, const char **why)
{
	char *path = i18n_mo_path(dir, lang, domain);
	const char *reason = NULL;
	size_t size;
	bool broken;
	unsigned char *d = i18n_mo_read(path, &size, &broken, &reason);
	int found = d ? 1 : broken ? -1 : 0;
	free(path);
	free(d);
	if (broken && why)
		*why = reason;
	return found;
}

/* The most arguments a message of trin's takes; a format with more is not taken from a catalogue. */
#define I18N_ARGS 16

/* Read an argument number "12$" at *p (moving past it), or 0 when there is none. */
static int i18n_argno(const char **p)
{
	const char *q = *p;
	int n = 0;
	while (*q >= '0' && *q <= '9' && n < 1000)
		n = n * 10 + (*q++ - '0');
	if (*q != '$' || q == *p)
		return 0;
	*p = q + 1;
	return n ? n : -1;
}

/* Skip at most three digits at *p: a width or precision; false when there are more. */
static bool i18n_digits(const char **p)
{
	size_t n = strspn(*p, "0123456789");
	*p += n;
	return n <= 3;
}

/*
 * The printf arguments of format f, by number: key[i] says what argument i+1 is (its length modifier and
 * kind).  Returns how many, or -1 for what trin never passes a format: %n, an unknown conversion, numbered
 * and unnumbered arguments mixed, a numbered one left out, a width of more than three digits.
 */
static int i18n_format_args(const char *f, unsigned key[I18N_ARGS])
{
	int max = 0, next = 1, numbered = -1;
	memset(key, 0, I18N_ARGS * sizeof *key);
	for (const char *p = strchr(f, '%'); p; p = strchr(p, '%')) {
		p++;
		if (*p == '%' || *p == 'm') {	/* no argument */
			p++;
			continue;
		}
		int no[3] = { 0 }, nno = 0;	/* the arguments this conversion takes: width, precision, value */
		unsigned kind[3];
		int pos = i18n_argno(&p);
		if (pos < 0 || (numbered >= 0 && numbered != (pos > 0)))
			return -1;
		numbered = pos > 0;
		while (*p && strchr("-+ #0'I", *p))
			p++;
		for (int part = 0; part < 2; part++) {	/* width, then precision */
			if (part == 1 && *p != '.')
				break;
			if (part == 1)
				p++;
			if (*p == '*') {
				p++;
				int star = i18n_argno(&p);
				if (star < 0 || (star > 0) != numbered)
					return -1;
				kind[nno] = 'i';
				no[nno++] = star ? star : next++;
			} else if (!i18n_digits(&p)) {
				return -1;
			}
		}
		unsigned len = 0;
		while (*p && strchr("hlLqjzZt", *p) && len < 0x10000)
			len = len << 8 | (unsigned char)*p++;
		char c = *p ? *p++ : '\0';
		unsigned k;
		if (c && strchr("diouxX", c))
			k = 'i';
		else if (c && strchr("eEfFgGaA", c))
			k = 'f';
		else if (c == 'c' || c == 's' || c == 'p')
			k = (unsigned char)c;
		else if (c == 'C' || c == 'S')
			k = (unsigned char)(c + 32), len = 'l';
		else
			return -1;	/* %n among them: a format that writes is never trin's */
		kind[nno] = k | len << 8;
		no[nno++] = pos ? pos : next++;
		for (int i = 0; i < nno; i++) {
			if (no[i] < 1 || no[i] > I18N_ARGS || (key[no[i] - 1] && key[no[i] - 1] != kind[i]))
				return -1;
			key[no[i] - 1] = kind[i];
			if (no[i] > max)
				max = no[i];
		}
	}
	for (int i = 0; i < max; i++)
		if (!key[i])
			return -1;	/* printf cannot know the type of an argument no conversion names */
	return max;
}

bool i18n_format_fits(const char *msgid, const char *t)
{
	if (!strchr(t, '%'))
		return true;
	unsigned km[I18N_ARGS], kt[I18N_ARGS];
	int nm = i18n_format_args(msgid, km), nt = i18n_format_args(t, kt);
	return nm >= 0 && nt >= 0 && nt <= nm && memcmp(km, kt, (size_t)nt * sizeof *km) == 0;
}

const char *i18n_own(const char *msgid)
{
	const char *t = dgettext(TRIN_DOMAIN, msgid);
	return t == msgid || i18n_format_fits(msgid, t) ? t : msgid;
}

const char *i18n_own_plural(const char *msgid, const char *plural, unsigned long n)
{
	const char *t = dngettext(TRIN_DOMAIN, msgid, plural, n);
	const char *untranslated = n == 1 ? msgid : plural;
	return t == msgid || t == plural || i18n_format_fits(untranslated, t) ? t : untranslated;
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

/*
 * The locale of the process: the environment's when it is UTF-8, else C.UTF-8 (not plain "C", where glibc
 * ignores LANGUAGE), and messages never under plain "C" (LANG=C beside LC_CTYPE=C.UTF-8).  The language
 * itself is chosen through LANGUAGE, never through these.
 */
static void i18n_locale(void)
{
	const char *loc = setlocale(LC_ALL, "");
	if (!loc || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_ALL, "C.UTF-8");
	const char *messages = setlocale(LC_MESSAGES, NULL);
	if (messages && (strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0))
		setlocale(LC_MESSAGES, "C.UTF-8");
}

bool i18n_init(const char *lang)
{
	i18n_locale();
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

/*
 * A wizard's catalogue of one language, read once, checked whole (i18n_mo_check) and kept: gettext never
 * opens a wizard's catalogue, so a wizard can neither reach trin's own domain nor hand glibc a file it
 * would trust, and what was checked is what is used, whatever the file becomes.
 */
struct i18n_mo {
	char *dir, *domain, *lang;
	unsigned char *data;	/* NULL: none, or refused */
	uint32_t trans;		/* offset of the translations' table */
	bool big;		/* byte order */
	struct strmap map;	/* msgid -> its index; keys point into data */
	struct plural_rule rule;	/* of its header's Plural-Forms; nplurals 0: none understood */
};
static struct i18n_mo *i18n_mos;
static size_t i18n_nmos, i18n_capmos;

/* Where each wizard domain's catalogues are, as i18n_bind_wizard chose; one folder per domain. */
struct i18n_binding {
	char *domain, *dir;
};
static struct i18n_binding *i18n_bindings;
static size_t i18n_nbindings, i18n_capbindings;

/* The catalogue of domain for lang in dir, read on first use. */
static const struct i18n_mo *i18n_mo_get(const char *dir, const char *domain, const char *lang)
{
	for (size_t i = 0; i < i18n_nmos; i++)
		if (strcmp(i18n_mos[i].lang, lang) == 0 && strcmp(i18n_mos[i].domain, domain) == 0 &&
		    strcmp(i18n_mos[i].dir, dir) == 0)
			return &i18n_mos[i];
	util_grow((void **)&i18n_mos, &i18n_capmos, i18n_nmos + 1, sizeof *i18n_mos);
	struct i18n_mo *mo = &i18n_mos[i18n_nmos++];
	*mo = (struct i18n_mo){ xstrdup(dir), xstrdup(domain), xstrdup(lang), NULL, 0, false, { 0 }, { 0, false, "" } };
	size_t size;
	char *path = i18n_mo_path(dir, lang, domain);
	bool broken;
	const char *why;
	mo->data = i18n_mo_read(path, &size, &broken, &why);
	free(path);
	if (mo->data) {
		mo->big = i18n_u32(mo->data, true) == 0x950412deu;
		uint32_t n = i18n_u32(mo->data + 8, mo->big), orig = i18n_u32(mo->data + 12, mo->big);
		mo->trans = i18n_u32(mo->data + 16, mo->big);
		for (uint32_t k = 0; k < n; k++)
			strmap_put(&mo->map, (const char *)mo->data + i18n_u32(mo->data + orig + 8 * (size_t)k + 4, mo->big),
				   (int)k);
		int h = strmap_get(&mo->map, "");	/* the header */
		if (h >= 0)
			plural_rule((const char *)mo->data + i18n_u32(mo->data + mo->trans + 8 * (size_t)h + 4, mo->big),
				    i18n_u32(mo->data + mo->trans + 8 * (size_t)h, mo->big), &mo->rule);
	}
	return mo;
}

/* The folder domain is bound to, or NULL. */
static const char *i18n_bound(const char *domain)
{
	for (size_t i = 0; i < i18n_nbindings; i++)
		if (strcmp(i18n_bindings[i].domain, domain) == 0)
			return i18n_bindings[i].dir;
	return NULL;
}

/* Whether lang can name a folder of catalogues: no path, no list, not "C". */
static bool i18n_lang_ok(const char *lang, size_t len)
{
	return len > 0 && len < 64 && lang[0] != '.' && memchr(lang, '/', len) == NULL &&
	       !(len == 1 && lang[0] == 'C') && !(len == 5 && strncmp(lang, "POSIX", 5) == 0);
}

/*
 * The translation of msgid in the first language of the list that has one (its length, which counts the
 * NULs between plural forms, in *size), and its catalogue; NULL when none has.  msgid NULL: "" from the
 * first language that has a catalogue at all.
 */
static const char *i18n_lookup(const char *domain, const char *msgid, size_t *size, const struct i18n_mo **from)
{
	const char *dir = i18n_bound(domain);
	if (!dir || (msgid && !*msgid))
		return NULL;
	/* as gettext: each language of the list in turn, "da_DK" then "da", until one translates msgid */
	for (const char *p = i18n_current; *p;) {
		size_t len = strcspn(p, ":");
		char lang[64];
		if (i18n_lang_ok(p, len)) {
			memcpy(lang, p, len);
			lang[len] = '\0';
			for (int round = 0; round < 2; round++) {
				if (round == 1) {
					size_t base = strcspn(lang, "_.@");
					if (!lang[base])
						break;
					lang[base] = '\0';
				}
				const struct i18n_mo *mo = i18n_mo_get(dir, domain, lang);
				if (!msgid && mo->data) {
					*size = 0;
					*from = mo;
					return "";
				}
				int k = mo->data && msgid ? strmap_get(&mo->map, msgid) : -1;
				if (k >= 0) {
					const char *t = (const char *)mo->data + i18n_u32(mo->data + mo->trans + 8 * (size_t)k + 4,
											      mo->big);
					*size = i18n_u32(mo->data + mo->trans + 8 * (size_t)k, mo->big);
					*from = mo;
					if (*t)
						return t;
				}
			}
		}
		p += len + (p[len] == ':');
	}
	return NULL;
}

bool i18n_translates(const char *domain)
{
	size_t len;
	const struct i18n_mo *mo;
	return i18n_lookup(domain, NULL, &len, &mo) != NULL;
}

const char *i18n_text(const char *domain, const char *msgid)
{
	size_t len;
	const struct i18n_mo *mo;
	const char *t = i18n_lookup(domain, msgid, &len, &mo);
	return t ? t : msgid;
}

const char *i18n_text_plural(const char *domain, const char *msgid, const char *plural, unsigned long n)
{
	size_t len;
	const struct i18n_mo *mo;
	const char *t = i18n_lookup(domain, msgid, &len, &mo);
	unsigned form = n != 1;	/* gettext's rule for a catalogue that has none */
	if (!t || mo->rule.broken || (mo->rule.nplurals && !plural_form(&mo->rule, n, &form)))
		return n == 1 ? msgid : plural;
	for (size_t at = 0; at < len; form--) {	/* the forms, each ended by a NUL: i18n_mo_check saw to it */
		if (!form)
			return t[at] ? t + at : n == 1 ? msgid : plural;
		at += strlen(t + at) + 1;
	}
	return n == 1 ? msgid : plural;
}

void i18n_switch(const char *lang)
{
	/* only entries that name a folder: a wizard's 'language' must not lead gettext to another one */
	size_t o = 0;
	for (const char *p = lang; *p;) {
		size_t len = strcspn(p, ":");
		if (i18n_lang_ok(p, len) && o + len + 2 < sizeof i18n_current) {
			if (o)
				i18n_current[o++] = ':';
			memcpy(i18n_current + o, p, len);
			o += len;
		}
		p += len + (p[len] == ':');
	}
	i18n_current[o] = '\0';
	setenv("LANGUAGE", i18n_current, 1);
	/* glibc caches translations; setting the domain again bumps its catalogue counter */
	textdomain(TRIN_DOMAIN);
}

const struct i18n_style *i18n_style(const char *lang)
{
	return &i18n_lang(lang)->style;
}

char *i18n_number(const struct i18n_style *st, const char *plain, char *buf, size_t size)
{
	const char *digits = plain[0] == '-' ? plain + 1 : plain;
	size_t intlen = strcspn(digits, "."), glen = strlen(st->group), t = 0;
	char tmp[128];
	if (size == 0)
		return buf;
	if (plain[0] == '-')
		tmp[t++] = '-';
	for (size_t i = 0; i < intlen && t + glen + 2 < sizeof tmp; i++) {
		if (i && (intlen - i) % 3 == 0 && intlen > 4 && glen < 4) {
			memcpy(tmp + t, st->group, glen);
			t += glen;
		}
		tmp[t++] = digits[i];
	}
	if (digits[intlen]) {
		tmp[t++] = st->decimal;
		for (const char *p = digits + intlen + 1; *p && t + 1 < sizeof tmp; p++)
			tmp[t++] = *p;
	}
	snprintf(buf, size, "%.*s", (int)t, tmp);
	return buf;
}

char *i18n_date(const struct i18n_style *st, const char *iso, char *buf, size_t size)
{
	if (strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-')
		snprintf(buf, size, "%.2s%c%.2s%c%.4s", iso + 8, st->date_sep, iso + 5, st->date_sep, iso);
	else
		snprintf(buf, size, "%s", iso);
	return buf;
}

const struct i18n_lang *i18n_lang(const char *lang)
{
	const struct i18n_lang *l = i18n_find(lang ? lang : i18n_language());
	return l ? l : &i18n_langs[0];
}

const struct i18n_lang *i18n_lang_shown(const char *own)
{
	return i18n_lang(i18n_language() ? NULL : own);
}

/* Whether word is one of the NULL-ended list words. */
static bool i18n_among(const char *word, const char *const *words)
{
	for (size_t i = 0; words && words[i]; i++)
		if (strcmp(word, words[i]) == 0)
			return true;
	return false;
}

int i18n_yes_no(const char *word)
{
	char low[32];
	size_t n = strlen(word), len = sizeof low - 1;
	if (n >= sizeof low / 2)
		return -1;
	uint8_t *lowered = u8_tolower((const uint8_t *)word, n, NULL, NULL, (uint8_t *)low, &len);
	if (lowered != (uint8_t *)low) {	/* longer than the buffer, or not UTF-8 */
		free(lowered);
		return -1;
	}
	low[len] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(i18n_langs); i++) {
		if (i18n_among(low, i18n_langs[i].yes))
			return 1;
		if (i18n_among(low, i18n_langs[i].no))
			return 0;
	}
	return -1;
}

const char *i18n_name(const char *lang)
{
	const struct i18n_lang *l = i18n_find(lang);
	return l ? l->name : lang;
}

/* Whether there is a file at DIR/LANG/LC_MESSAGES/DOMAIN.mo: a catalogue, or one i18n_catalogue refuses. */
static bool i18n_mo_exists(const char *dir, const char *lang, const char *domain)
{
	char *path = i18n_mo_path(dir, lang, domain);
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);	/* as i18n_mo_read opens it */
	free(path);
	if (fd >= 0)
		close(fd);
	return fd >= 0;
}

/*
 * Whether dir holds a catalogue of domain for any language, a refused one too (reported, not passed over):
 * a file there is enough, which is not read here.
 */
static bool i18n_has_any(const char *dir, const char *domain)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	bool any = false;
	while (d && !any && (de = readdir(d)))
		any = de->d_name[0] != '.' && i18n_mo_exists(dir, de->d_name, domain);
	if (d)
		closedir(d);
	return any;
}

bool i18n_language_code(const char *lang)
{
	size_t len = strlen(lang);
	if (!i18n_lang_ok(lang, len))
		return false;
	for (const char *p = lang; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("_-.@", *p)))
			return false;
	return true;
}

bool i18n_wizard_domain(const char *domain, const char **why)
{
	static const char *const taken[] = { TRIN_DOMAIN, "libc" };	/* trin's own; glibc's (strerror, getopt) */
	for (size_t i = 0; i < ARRAY_LEN(taken); i++)
		if (strcmp(domain, taken[i]) == 0) {
			snprintf(i18n_why, sizeof i18n_why, "the gettext domain '%s' is %s: give the wizard a 'domain' "
				 "of its own", domain, i ? "the C library's" : "trin's own");
			*why = i18n_why;
			return false;
		}
	size_t len = strlen(domain);
	bool plain = i18n_lang_ok(domain, len) && !strchr(domain, ':');
	for (const unsigned char *p = (const unsigned char *)domain; *p && plain; p++)
		plain = *p >= 0x20 && *p != 0x7F;
	if (!plain)
		*why = "a gettext domain must be a plain file name of at most 63 bytes, not starting with '.': "
		       "no '/', ':' or control character";
	return plain;
}

/* Whether dir is in the folder of trin's own catalogues, where the bundled wizards' are too. */
static bool i18n_trusted(const char *dir)
{
	size_t own = strlen(i18n_dir());
	return strncmp(dir, i18n_dir(), own) == 0 && (dir[own] == '/' || dir[own] == '\0');
}

const char *i18n_bind_wizard(const char *file, const char *domain, const char **why)
{
	static char dir[4096];
	static char refusal[4300];
	if (!i18n_wizard_domain(domain, why))
		return NULL;
	const char *slash = strrchr(file, '/');
	snprintf(dir, sizeof dir, "%.*s%slocale", slash ? (int)(slash - file) : 0, file, slash ? "/" : "");
	if (!i18n_has_any(dir, domain)) {
		snprintf(dir, sizeof dir, "%s/wizards/%s", i18n_dir(), domain);
		if (!i18n_has_any(dir, domain))
			snprintf(dir, sizeof dir, "%s", i18n_dir());
	}
	struct i18n_binding *b = NULL;
	for (size_t i = 0; i < i18n_nbindings && !b; i++)
		if (strcmp(i18n_bindings[i].domain, domain) == 0)
			b = &i18n_bindings[i];
	if (b && strcmp(b->dir, dir) != 0) {
		/* trin's own catalogues (a bundled wizard's) keep their domain: another folder cannot take it */
		if (i18n_trusted(b->dir) || !i18n_trusted(dir)) {
			snprintf(refusal, sizeof refusal, "the gettext domain '%s' is already another wizard's, with its "
				 "catalogues in %s: give this wizard a 'domain' of its own", domain, b->dir);
			*why = refusal;
			return NULL;
		}
		free(b->dir);
		b->dir = xstrdup(dir);
	} else if (!b) {
		util_grow((void **)&i18n_bindings, &i18n_capbindings, i18n_nbindings + 1, sizeof *i18n_bindings);
		i18n_bindings[i18n_nbindings++] = (struct i18n_binding){ xstrdup(domain), xstrdup(dir) };
	}
	return dir;
}

/* Languages in the order of the table (a picker's order stays as people learnt it when one is added), then by code. */
static int i18n_cmp(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	const struct i18n_lang *lx = i18n_find(x), *ly = i18n_find(y);
	size_t ix = lx && !strcmp(lx->code, x) ? (size_t)(lx - i18n_langs) : ARRAY_LEN(i18n_langs);
	size_t iy = ly && !strcmp(ly->code, y) ? (size_t)(ly - i18n_langs) : ARRAY_LEN(i18n_langs);
	return ix != iy ? (ix < iy ? -1 : 1) : strcmp(x, y);
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
	DIR *d = dir ? opendir(dir) : NULL;
	struct dirent *de;
	while (d && (de = readdir(d))) {
		if (!i18n_language_code(de->d_name) || (first && strcmp(de->d_name, first) == 0))
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

void i18n_broken(const char *dir, const char *domain, void (*bad)(void *ctx, const char *path, const char *why),
		 void *ctx)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		const char *why;
		if (de->d_name[0] == '.' || i18n_catalogue(dir, domain, de->d_name, &why) >= 0)
			continue;
		char *path = i18n_mo_path(dir, de->d_name, domain);
		bad(ctx, path, why);
		free(path);
	}
	if (d)
		closedir(d);
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
