/*
 * pot: the translators' template of a wizard's texts.  See pot.h.
 *
 * Entries are in the order the loader read the texts; a msgid met again adds its key and place to the
 * first entry, since gettext has one translation per msgid in a domain.
 */
#include "pot.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void pot_string(FILE *out, const char *s)
{
	const char *nl = strchr(s, '\n');
	if (nl && nl[1])
		fputs("\"\"\n", out);	/* several lines: one PO line each, after an empty first string */
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		case '\n':
			fputs(p[1] ? "\\n\"\n\"" : "\\n", out);
			break;
		default:
			fputc(*p, out);
		}
	}
	fputs("\"\n", out);
}

static void pot_header(FILE *out, struct wizard *const *w, size_t n)
{
	fputs("# The texts of the wizard", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s %s", i ? "," : "", w[i]->file);
	fputs(", for translators.\n"
	      "# Made by `trin pot`, from the texts the loader reads: translate them in a LANG.po beside it.\n"
	      "#\n"
	      "#, fuzzy\n"
	      "msgid \"\"\n"
	      "msgstr \"\"\n", out);
	fprintf(out, "\"Project-Id-Version: %s\\n\"\n", w[0]->domain);
	fputs("\"Report-Msgid-Bugs-To: \\n\"\n"
	      "\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n"
	      "\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\"\n"
	      "\"Language-Team: LANGUAGE <LL@li.org>\\n\"\n"
	      "\"Language: \\n\"\n"
	      "\"MIME-Version: 1.0\\n\"\n"
	      "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	      "\"Content-Transfer-Encoding: 8bit\\n\"\n", out);
	fprintf(out, "\"X-Source-Language: %s\\n\"\n", w[0]->language);
}

/* Whether text shows an answer: a '{' that is not "{{". */
static bool pot_has_name(const char *s)
{
	for (const char *p = strchr(s, '{'); p; p = strchr(p, '{')) {
		if (p[1] != '{')
			return true;
		p += 2;
	}
	return false;
}

void pot_write(FILE *out, struct wizard *const *w, size_t n)
{
	pot_header(out, w, n);
	struct strmap first = { 0 };	/* msgid -> index of its first place in all */
	const struct wizard_text **all = NULL;
	const char **files = NULL;
	size_t nall = 0, cap = 0, capf = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < w[i]->ntexts; k++) {
			util_grow((void **)&all, &cap, nall + 1, sizeof *all);
			util_grow((void **)&files, &capf, nall + 1, sizeof *files);
			files[nall] = w[i]->file;
			all[nall] = &w[i]->texts[k];
			strmap_put(&first, all[nall]->msgid, (int)nall);
			nall++;
		}
	for (size_t i = 0; i < nall; i++) {
		const char *msgid = all[i]->msgid;
		if (strmap_get(&first, msgid) != (int)i)
			continue;
		fputc('\n', out);
		bool term = false;
		for (size_t k = i; k < nall; k++)
			if (strcmp(all[k]->msgid, msgid) == 0) {
				fprintf(out, "#. %s\n", all[k]->key);
				term |= strstr(all[k]->key, " (the term)") != NULL;
			}
		if (pot_has_name(msgid))
			fputs("#. {name} shows an answer: keep it as it is written.\n", out);
		if (term)
			fputs("#. A word of the glossary: translate it as the texts do, so that it can be found in them.\n",
			      out);
		for (size_t k = i; k < nall; k++)
			if (strcmp(all[k]->msgid, msgid) == 0)
				fprintf(out, "#: %s:%d\n", files[k], all[k]->loc.line);
		fputs("msgid ", out);
		pot_string(out, msgid);
		fputs("msgstr \"\"\n", out);
	}
	free(all);
	free(files);
	strmap_free(&first);
}
