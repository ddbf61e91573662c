/*
 * pot: the translators' template of a wizard's texts.  See pot.h.
 *
 * Entries are in the order the loader read the texts; a msgid met again adds its key and place to the
 * first entry, since gettext has one translation per msgid in a domain.
 */
#include "pot.h"

#include <stdlib.h>
#include <string.h>

#include "template.h"
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
			if (*p < 0x20 || *p == 0x7F)
				fprintf(out, "\\%03o", *p);	/* no text has one; a PO string never holds one bare */
			else
				fputc(*p, out);
		}
	}
	fputs("\"\n", out);
}

/*
 * Write s into a comment line: a comment ends at the end of its line, so a newline or any other control
 * character is written as an escape ("\n"), and a backslash doubled, so that nothing in s can end the
 * comment and start an entry of its own.
 */
static void pot_comment(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\\')
			fputs("\\\\", out);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p < 0x20 || *p == 0x7F)
			fprintf(out, "\\x%02X", *p);
		else
			fputc(*p, out);
	}
}

/*
 * Write one field of the header entry: "Name: value\n" as a PO string.  The header is lines of fields,
 * so a newline in value would start a field of its own: it is written as a space.
 */
static void pot_field(FILE *out, const char *name, const char *value)
{
	fprintf(out, "\"%s: ", name);
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7F)
			fputc(' ', out);
		else
			fputc(*p, out);
	}
	fputs("\\n\"\n", out);
}

static void pot_header(FILE *out, struct wizard *const *w, size_t n)
{
	fputs("# The texts of the wizard", out);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", " : " ", out);
		pot_comment(out, w[i]->file);
	}
	fputs(", for translators.\n"
	      "# Made by `trin pot`, from the texts the loader reads: translate them in a LANG.po beside it.\n"
	      "#\n"
	      "#, fuzzy\n"
	      "msgid \"\"\n"
	      "msgstr \"\"\n", out);
	pot_field(out, "Project-Id-Version", w[0]->domain);
	fputs("\"Report-Msgid-Bugs-To: \\n\"\n"
	      "\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n"
	      "\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\"\n"
	      "\"Language-Team: LANGUAGE <LL@li.org>\\n\"\n"
	      "\"Language: \\n\"\n"
	      "\"MIME-Version: 1.0\\n\"\n"
	      "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	      "\"Content-Transfer-Encoding: 8bit\\n\"\n", out);
	pot_field(out, "X-Source-Language", w[0]->language);
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
				fputs("#. ", out);
				pot_comment(out, all[k]->key);
				fputc('\n', out);
				term |= strstr(all[k]->key, " (the term)") != NULL;
			}
		if (template_has_name(msgid))
			fputs("#. {name} shows an answer: keep it as it is written.\n", out);
		if (term)
			fputs("#. A word of the glossary: translate it as the texts do, so that it can be found in them.\n",
			      out);
		for (size_t k = i; k < nall; k++)
			if (strcmp(all[k]->msgid, msgid) == 0) {
				fputs("#: ", out);
				pot_comment(out, files[k]);
				fprintf(out, ":%d\n", all[k]->loc.line);
			}
		/* {name} as Python writes it, so that msgfmt --check compares a translation's with the text's */
		if (template_has_name(msgid) || (all[i]->plural && template_has_name(all[i]->plural)))
			fputs("#, python-brace-format\n", out);
		fputs("msgid ", out);
		pot_string(out, msgid);
		if (all[i]->plural) {	/* a text with plural forms (1.1): two forms, as a catalogue with no rule has */
			fputs("msgid_plural ", out);
			pot_string(out, all[i]->plural);
			fputs("msgstr[0] \"\"\nmsgstr[1] \"\"\n", out);
			continue;
		}
		fputs("msgstr \"\"\n", out);
	}
	free(all);
	free(files);
	strmap_free(&first);
}
