/*
 * test-pot: the translators' template holds exactly the texts a person can be shown.  For every bundled
 * wizard (or those named), the template `trin pot` writes (pot.h) is read back, and its msgids are compared,
 * both ways, with every text the model holds, found here by walking the model field by field as the
 * frontends read it: titles, texts, help, guide notes, messages, units, choice labels, todo items, the
 * messages of checks, a repeated group's own steps, add question and item, and the glossary's terms and
 * texts.  Each `#: file:line` must be the line of a place the text is at.
 *
 *   test-pot SOURCE_ROOT [WIZARD...]
 */
#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "pot.h"
#include "template.h"

#include "test.h"

struct pot_set {
	char **s;
	int *line;
	size_t n, cap;
};

static void pot_set_add(struct pot_set *set, const char *s, int line)
{
	util_grow((void **)&set->s, &set->cap, set->n + 1, sizeof *set->s);
	set->line = xrealloc(set->line, set->cap * sizeof *set->line);
	set->s[set->n] = xstrdup(s);
	set->line[set->n++] = line;
}

static bool pot_set_has(const struct pot_set *set, const char *s, int line)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->s[i], s) == 0 && (line < 0 || set->line[i] == line))
			return true;
	return false;
}

static void pot_set_free(struct pot_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		free(set->s[i]);
	free(set->s);
	free(set->line);
}

static void test_model_text(struct pot_set *set, const struct text *t)
{
	if (t->msgid)
		pot_set_add(set, t->msgid, t->loc.line);
}

/* Every text of a step, read field by field; a repeated group's own steps, its add question and item too. */
static void test_step_texts(const struct step *s, struct pot_set *set)
{
	const struct step_more *more = step_more(s);
	const struct text *own[] = { &s->title, &s->text, &s->help, &more->guide, &more->message, &more->unit,
				     &more->item };
	for (size_t k = 0; k < ARRAY_LEN(own); k++)
		test_model_text(set, own[k]);
	for (size_t k = 0; k < s->nchoices; k++)
		test_model_text(set, &s->choices[k].label);
	for (size_t k = 0; k < more->ntodo; k++)
		test_model_text(set, &more->todo[k]);
	for (size_t k = 0; k < s->ntexts; k++)	/* paragraphs (1.1), whatever their conditions */
		test_model_text(set, &s->texts[k]);
	for (size_t k = 0; k < s->nhelps; k++)
		test_model_text(set, &s->helps[k]);
	for (size_t k = 0; k < more->nchecks; k++)
		test_model_text(set, &more->checks[k].message);
	for (size_t k = 0; k < more->ninner; k++)	/* repeat (1.1) */
		test_step_texts(&more->inner[k], set);
	if (more->add)
		test_step_texts(more->add, set);
}

/* Every text of the model, read field by field. */
static void test_model_texts(const struct wizard *w, struct pot_set *set)
{
	test_model_text(set, &w->title);
	test_model_text(set, &w->description);
	for (size_t i = 0; i < w->nglossary; i++) {
		pot_set_add(set, w->glossary[i].term, w->glossary[i].loc.line);
		test_model_text(set, &w->glossary[i].text);
	}
	for (size_t i = 0; i < w->nsteps; i++)
		test_step_texts(&w->steps[i], set);
}

/* A PO string from after its opening quote; the escapes pot_string writes. */
static void test_unquote(const char *p, char **out, size_t *len, size_t *cap)
{
	for (; *p && *p != '"'; p++) {
		char c = *p;
		if (c == '\\') {
			c = *++p;
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
		}
		util_grow((void **)out, cap, *len + 2, 1);
		(*out)[(*len)++] = c;
		(*out)[*len] = '\0';
	}
}

/* The msgids of a template with the lines of their references; of a message with plural forms (1.1), its
 * msgid (the form for one), flagged when either form shows an answer. */
static void test_read_pot(char *pot, struct pot_set *set)
{
	char *msgid = NULL, *plural = NULL;
	size_t len = 0, cap = 0, plen = 0, pcap = 0;
	int lines[64], nlines = 0;
	bool brace = false;
	int in = 0;	/* 1: in the msgid, 2: in the msgid_plural */
	for (char *line = strtok(pot, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strncmp(line, "#: ", 3) && nlines < 64) {
			char *colon = strrchr(line, ':');
			lines[nlines++] = atoi(colon + 1);
		} else if (!strncmp(line, "msgid \"", 7)) {
			len = plen = 0;
			if (msgid)
				msgid[0] = '\0';
			if (plural)
				plural[0] = '\0';
			test_unquote(line + 7, &msgid, &len, &cap);
			in = 1;
		} else if (!strncmp(line, "msgid_plural \"", 14)) {
			test_unquote(line + 14, &plural, &plen, &pcap);
			in = 2;
		} else if (line[0] == '"' && in == 1) {
			test_unquote(line + 1, &msgid, &len, &cap);
		} else if (line[0] == '"' && in == 2) {
			test_unquote(line + 1, &plural, &plen, &pcap);
		} else if (!strcmp(line, "#, python-brace-format")) {
			brace = true;
		} else if (!strncmp(line, "msgstr ", 7) || !strncmp(line, "msgstr[0] ", 10)) {
			in = 0;
			/* flagged for msgfmt --check exactly then */
			CHECK(!len || brace == (template_has_name(msgid) || (plen && template_has_name(plural))));
			brace = false;
			for (int i = 0; i < nlines && len; i++)
				pot_set_add(set, msgid, lines[i]);
			nlines = 0;
		}
	}
	free(msgid);
	free(plural);
}

static void test_wizard(const char *path)
{
	struct diags d = { 0 };
	struct wizard *w = wizard_load(path, NULL, &d);
	diag_free(&d);
	CHECK(w != NULL);
	if (!w)
		return;
	char *pot = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&pot, &size);
	pot_write(f, &w, 1);
	fclose(f);
	CHECK(strstr(pot, "Content-Type: text/plain; charset=UTF-8") != NULL);
	struct pot_set model = { 0 }, got = { 0 };
	test_model_texts(w, &model);
	test_read_pot(pot, &got);
	size_t missing = 0, extra = 0;
	for (size_t i = 0; i < model.n; i++)
		if (!pot_set_has(&got, model.s[i], model.line[i])) {
			printf("%s:%d: shown but not in the template: %s\n", path, model.line[i], model.s[i]);
			missing++;
		}
	for (size_t i = 0; i < got.n; i++)
		if (!pot_set_has(&model, got.s[i], got.line[i])) {
			printf("%s:%d: in the template but never shown: %s\n", path, got.line[i], got.s[i]);
			extra++;
		}
	CHECK_NUM(missing, 0);
	CHECK_NUM(extra, 0);
	CHECK(model.n > 0);
	printf("test-pot: %s: %zu texts, %zu places in the template\n", path, model.n, got.n);
	pot_set_free(&model);
	pot_set_free(&got);
	free(pot);
	wizard_free(w);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (argc < 2) {
		fprintf(stderr, "usage: test-pot SOURCE_ROOT [WIZARD...]\n");
		return 2;
	}
	if (argc > 2) {
		for (int i = 2; i < argc; i++)
			test_wizard(argv[i]);
		return test_done("test-pot");
	}
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/wizards", argv[1]);
	DIR *d = opendir(dir);
	CHECK(d != NULL);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n > 5 && !strcmp(de->d_name + n - 5, ".yaml")) {
			char path[8192];
			snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
			test_wizard(path);
		}
	}
	if (d)
		closedir(d);
	return test_done("test-pot");
}
