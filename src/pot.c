/*
 * pot: the translators' template of a wizard's texts.  See pot.h.
 *
 * Entries are in the order the loader read the texts; a msgid met again adds its key and place to the
 * first entry, since gettext has one translation per msgid in a domain.
 */
#include "pot.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
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

/* The texts being gathered, and the key of the step they are in ("steps.alene"), or NULL. */
struct pot_texts {
	struct arena *a;
	struct wizard_text *v;
	size_t n, cap;
	const char *prefix;
};

/* Add t, when it was written, under prefix.key; key is formatted as by printf. */
__attribute__((format(printf, 3, 4)))
static void pot_add(struct pot_texts *pt, const struct text *t, const char *key, ...)
{
	if (!t->msgid)
		return;
	va_list ap;
	va_start(ap, key);
	int n = vsnprintf(NULL, 0, key, ap);	/* a term or a value may be long: the key is made to measure */
	va_end(ap);
	size_t head = pt->prefix ? strlen(pt->prefix) + 1 : 0;
	char *full = arena_alloc(pt->a, head + (size_t)(n > 0 ? n : 0) + 1);
	if (pt->prefix) {
		memcpy(full, pt->prefix, head - 1);
		full[head - 1] = '.';
	}
	va_start(ap, key);
	vsnprintf(full + head, (size_t)(n > 0 ? n : 0) + 1, key, ap);
	va_end(ap);
	util_grow((void **)&pt->v, &pt->cap, pt->n + 1, sizeof *pt->v);
	pt->v[pt->n++] = (struct wizard_text){ t->msgid, t->loc, full, text_plural(t) };
}

/* A text written alone ("text") or as a list of paragraphs ("text.1", "text.2", ...). */
static void pot_paras(struct pot_texts *pt, const char *key, const struct text *one, const struct text *list,
		      size_t n)
{
	pot_add(pt, one, "%s", key);
	for (size_t i = 0; i < n; i++)
		pot_add(pt, &list[i], "%s.%zu", key, i + 1);
}

/* The texts of step s, in the order the loader reads them; those of a group's steps under the group's key. */
static void pot_step(struct pot_texts *pt, const struct step *s, const char *group)
{
	const char *id = s->id ? s->id : "?";
	pt->prefix = group ? arena_printf(pt->a, "steps.%s.steps.%s", group, id) : arena_printf(pt->a, "steps.%s", id);
	const struct step_more *more = step_more(s);
	pot_add(pt, &s->title, "title");
	pot_paras(pt, "text", &s->text, s->texts, s->ntexts);
	pot_paras(pt, "help", &s->help, s->helps, s->nhelps);
	pot_add(pt, &more->guide, "guide");
	pot_add(pt, &more->message, "message");
	pot_add(pt, &more->unit, "unit");
	for (size_t i = 0; i < s->nchoices; i++) {
		const struct choice *c = &s->choices[i];
		/* a choice written as its label alone is where its label is; {value, label} starts before it */
		if (c->loc.line == c->label.loc.line && c->loc.col == c->label.loc.col)
			pot_add(pt, &c->label, "choices.%zu", i + 1);
		else
			pot_add(pt, &c->label, "choices.%s.label", c->value);
	}
	for (size_t i = 0; i < more->nchecks; i++)
		pot_add(pt, &more->checks[i].message, "check.%zu.message", i + 1);
	const char *prefix = pt->prefix;
	for (size_t i = 0; i < more->ninner; i++)
		pot_step(pt, &more->inner[i], id);
	pt->prefix = prefix;
	if (more->add)
		pot_add(pt, &more->add->title, "add");
	pot_add(pt, &more->item, "item");
	for (size_t i = 0; i < more->ntodo; i++)
		pot_add(pt, &more->todo[i], "todo.%zu", i + 1);
}

struct wizard_text *pot_texts(const struct wizard *w, struct arena *a, size_t *n)
{
	struct pot_texts pt = { .a = a };
	pot_add(&pt, &w->title, "title");
	pot_add(&pt, &w->description, "description");
	pt.prefix = "glossary";
	for (size_t i = 0; i < w->nglossary; i++) {
		const struct glossary_entry *g = &w->glossary[i];
		struct text term = { .msgid = g->term, .loc = g->loc };
		pot_add(&pt, &term, "%s (the term)", g->term);
		pot_add(&pt, &g->text, "%s", g->term);
	}
	for (size_t i = 0; i < w->nsteps; i++)
		pot_step(&pt, &w->steps[i], NULL);
	*n = pt.n;
	struct wizard_text *v = arena_alloc(a, (pt.n ? pt.n : 1) * sizeof *v);
	if (pt.n)
		memcpy(v, pt.v, pt.n * sizeof *v);
	free(pt.v);
	return v;
}

void pot_write(FILE *out, struct wizard *const *w, size_t n)
{
	pot_header(out, w, n);
	struct strmap first = { 0 };	/* msgid -> index of its first place in all */
	struct arena a = { .unwiped = true };	/* the author's texts: no person's answers */
	const struct wizard_text **all = NULL;
	const char **files = NULL;
	size_t *next = NULL, *last = NULL;	/* the next place of the same msgid (SIZE_MAX: none); the last so far */
	size_t nall = 0, cap = 0, capf = 0, capn = 0, capl = 0;
	for (size_t i = 0; i < n; i++) {
		size_t ntexts;
		const struct wizard_text *texts = pot_texts(w[i], &a, &ntexts);
		for (size_t k = 0; k < ntexts; k++) {
			util_grow((void **)&all, &cap, nall + 1, sizeof *all);
			util_grow((void **)&files, &capf, nall + 1, sizeof *files);
			util_grow((void **)&next, &capn, nall + 1, sizeof *next);
			util_grow((void **)&last, &capl, nall + 1, sizeof *last);
			files[nall] = w[i]->file;
			all[nall] = &texts[k];
			next[nall] = SIZE_MAX;
			int at = strmap_add(&first, all[nall]->msgid, (int)nall);
			size_t head = at == INT_MIN ? nall : (size_t)at;
			if (head != nall)
				next[last[head]] = nall;
			last[head] = nall;
			nall++;
		}
	}
	for (size_t i = 0; i < nall; i++) {
		const char *msgid = all[i]->msgid;
		if (strmap_get(&first, msgid) != (int)i)
			continue;
		fputc('\n', out);
		bool term = false;
		for (size_t k = i; k != SIZE_MAX; k = next[k]) {
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
		for (size_t k = i; k != SIZE_MAX; k = next[k]) {
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
	free(next);
	free(last);
	strmap_free(&first);
	arena_free(&a);
}
