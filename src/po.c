/*
 * po: a translator's catalogue read for where its translations are.  See po.h.
 *
 * A line at a time: comments (a "#," line with "fuzzy" marks the message), "msgctxt", "msgid",
 * "msgid_plural", "msgstr" and "msgstr[N]" each start a string, and a line that is only a string goes on
 * with the last; an empty line or a new "msgid" ends a message.  Obsolete messages ("#~") are comments.
 */
#include "po.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bidi.h"
#include "template.h"

/* A string being read: its bytes, and where each was written. */
struct po_string {
	char *s;
	struct loc *where;
	size_t len, cap;
};

/* The message being read, and which of its strings the next quoted line goes on. */
struct po_reader {
	struct po *po;
	struct po_string id, plural, str[PO_MAX_FORMS];
	size_t nstr;
	struct po_string *cur;	/* NULL: a string not kept (msgctxt, a form past the last) */
	bool fuzzy, context, has_id;
	struct loc at;
};

static void po_put(struct po_string *s, char c, struct loc at)
{
	util_grow((void **)&s->s, &s->cap, s->len + 2, 1);
	s->where = xrealloc(s->where, s->cap * sizeof *s->where);
	s->s[s->len] = c;
	s->where[s->len++] = at;
	s->s[s->len] = '\0';
}

/* The quoted string at line[col - 1] ('"') onto s, escapes read as C reads them. */
static void po_quoted(struct po_string *s, const char *line, struct loc at)
{
	const char *p = line + at.col;	/* past the quote */
	at.col++;
	for (; *p && *p != '"'; p++, at.col++) {
		struct loc here = at;
		char c = *p;
		if (c == '\\' && p[1]) {
			c = *++p;
			at.col++;
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == 'a' ? '\a' : c == 'b' ? '\b' : c;
		}
		if (s)
			po_put(s, c, here);
		if (((unsigned char)*p & 0xC0) == 0x80)	/* columns count characters, not bytes */
			at.col--;
	}
}

static void po_clear(struct po_string *s)
{
	s->len = 0;
	if (s->s)
		s->s[0] = '\0';
}

/* The message read so far, kept when it has a msgid and a translation; the reader is made ready for the next. */
static void po_end_message(struct po_reader *r)
{
	struct po *po = r->po;
	if (r->has_id && !r->context && r->nstr) {
		util_grow((void **)&po->v, &po->cap, po->n + 1, sizeof *po->v);
		struct po_message *m = &po->v[po->n++];
		*m = (struct po_message){ .fuzzy = r->fuzzy, .at = r->at, .nstr = r->nstr };
		m->msgid = arena_strndup(&po->arena, r->id.s ? r->id.s : "", r->id.len);
		m->plural = r->plural.len ? arena_strndup(&po->arena, r->plural.s, r->plural.len) : NULL;
		for (size_t i = 0; i < r->nstr; i++) {
			struct po_string *s = &r->str[i];
			m->msgstr[i] = arena_strndup(&po->arena, s->s ? s->s : "", s->len);
			struct loc *where = arena_alloc(&po->arena, (s->len + 1) * sizeof *where);
			if (s->len)
				memcpy(where, s->where, s->len * sizeof *where);
			where[s->len] = s->len ? s->where[s->len - 1] : r->at;
			m->where[i] = where;
		}
	}
	po_clear(&r->id);
	po_clear(&r->plural);
	for (size_t i = 0; i < PO_MAX_FORMS; i++)
		po_clear(&r->str[i]);
	r->nstr = 0;
	r->cur = NULL;
	r->fuzzy = r->context = r->has_id = false;
}

/* One line of the file, number n. */
static void po_line(struct po_reader *r, const char *line, int n)
{
	struct loc at = { r->po->path, n, 1 };
	const char *q = strchr(line, '"');
	if (line[0] == '\0' || (line[0] == '#' && (r->has_id || r->nstr))) {
		if (r->nstr || line[0] == '\0')
			po_end_message(r);
	}
	if (line[0] == '#') {
		if (line[1] == ',' && strstr(line, "fuzzy"))
			r->fuzzy = true;
		return;
	}
	if (!q)
		return;
	at.col = (int)(q - line) + 1;
	if (line[0] == '"') {
		po_quoted(r->cur, line, at);
		return;
	}
	if (!strncmp(line, "msgid_plural", 12)) {
		r->cur = &r->plural;
	} else if (!strncmp(line, "msgid", 5)) {
		if (r->nstr)
			po_end_message(r);
		r->has_id = true;
		r->at = (struct loc){ r->po->path, n, 1 };
		r->cur = &r->id;
	} else if (!strncmp(line, "msgctxt", 7)) {
		if (r->nstr)
			po_end_message(r);
		r->context = true;
		r->cur = NULL;
	} else if (!strncmp(line, "msgstr", 6)) {
		size_t form = line[6] == '[' ? strtoul(line + 7, NULL, 10) : 0;
		r->cur = form < PO_MAX_FORMS && form == r->nstr ? &r->str[r->nstr++] : NULL;
	} else {
		return;
	}
	po_quoted(r->cur, line, at);
}

bool po_read(const char *path, struct po *out)
{
	*out = (struct po){ .path = path, .arena.unwiped = true };	/* a translator's file: nothing a person typed */
	FILE *f = fopen(path, "r");
	struct stat st;
	if (f && (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (off_t)PO_MAX_FILE)) {
		fclose(f);	/* not a file, or larger than a catalogue is: not read at all */
		return false;
	}
	if (!f)
		return false;
	struct po_reader r = { .po = out };
	char *line = NULL;
	size_t cap = 0, total = 0;
	ssize_t len;
	int n = 0;
	while ((len = getline(&line, &cap, f)) >= 0 && (total += (size_t)len) <= PO_MAX_FILE) {
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		po_line(&r, line, ++n);
	}
	po_end_message(&r);
	free(line);
	fclose(f);
	free(r.id.s);
	free(r.id.where);
	free(r.plural.s);
	free(r.plural.where);
	for (size_t i = 0; i < PO_MAX_FORMS; i++) {
		free(r.str[i].s);
		free(r.str[i].where);
	}
	for (size_t i = 0; i < out->n; i++)
		strmap_put(&out->index, out->v[i].msgid, (int)i);
	return total <= PO_MAX_FILE;
}

const struct po_message *po_find(const struct po *po, const char *msgid)
{
	int i = strmap_get(&po->index, msgid);
	return i >= 0 ? &po->v[i] : NULL;
}

void po_free(struct po *po)
{
	free(po->v);
	strmap_free(&po->index);
	arena_free(&po->arena);
	*po = (struct po){ 0 };
}

/* Whether s has {name} (name of len bytes), or, with near, a name close to it into *near ("" when none). */
static bool po_has_name(const char *s, const char *name, size_t len, char *near, size_t size)
{
	size_t best = len < 4 ? 2 : 3;
	for (size_t i = 0; s && s[i];) {
		struct template_piece p = template_piece(s, i);
		i += p.len;
		if (p.kind != TEMPLATE_NAME)
			continue;
		if (p.name_len == len && memcmp(s + p.name, name, len) == 0)
			return true;
		if (near && p.name_len < size) {
			char a[128], b[128];
			snprintf(a, sizeof a, "%.*s", (int)len, name);
			snprintf(b, sizeof b, "%.*s", (int)p.name_len, s + p.name);
			size_t dist = util_edit_distance(a, b, best - 1);
			if (dist < best) {
				best = dist;
				snprintf(near, size, "%s", b);
			}
		}
	}
	return false;
}

bool po_check_names(const char *msgid, const char *plural, const char *t, const struct loc *where, struct loc fallback,
		    const char *whose, struct diags *d)
{
	bool ok = true, open = false;
	char meant[4][64];	/* names a misspelt one was taken for: not reported again as left out */
	size_t nmeant = 0, bad;
	if (!bidi_balanced(t, strlen(t), &bad)) {
		if (!d)
			return false;
		ok = false;
		diag_error(d, where ? where[bad] : fallback, "%s has a direction control (U+202A to U+202E, U+2066 to "
			   "U+2069) that is not closed or closes nothing: it could make the text read differently from how "
			   "it is stored", whose);
	}
	for (size_t i = 0; t[i];) {
		struct template_piece p = template_piece(t, i);
		i += p.len;
		struct loc at = where ? where[p.start] : fallback;
		char near[128] = "";
		if (p.kind == TEMPLATE_UNCLOSED || p.kind == TEMPLATE_LONE_CLOSE) {
			ok = false;
			open = p.kind == TEMPLATE_UNCLOSED;
			if (d && open)
				diag_error(d, at, "%s has a '{' without '}'; '{{' writes a brace", whose);
			else if (d)
				diag_error(d, at, "%s has a lone '}'; '}}' writes a brace", whose);
		} else if (p.kind == TEMPLATE_NAME && !po_has_name(msgid, t + p.name, p.name_len, near, sizeof near) &&
			   !po_has_name(plural, t + p.name, p.name_len, *near ? NULL : near, sizeof near)) {
			ok = false;
			if (*near && nmeant < 4)
				snprintf(meant[nmeant++], sizeof *meant, "%s", near);
			if (d)
				diag_error(d, at, "%s has '{%.*s}', which the original text does not%s%s%s", whose,
					   (int)p.name_len, t + p.name, *near ? " (did you mean '{" : "", near,
					   *near ? "}'?)" : "");
		}
		if (p.kind == TEMPLATE_UNCLOSED || (!ok && !d))
			break;
	}
	for (size_t i = 0; msgid[i] && (ok || d) && !open;) {	/* the names of the original it leaves out */
		struct template_piece p = template_piece(msgid, i);
		i += p.len;
		if (p.kind != TEMPLATE_NAME || po_has_name(t, msgid + p.name, p.name_len, NULL, 0))
			continue;
		bool said = false;
		for (size_t k = 0; k < nmeant && !said; k++)
			said = strlen(meant[k]) == p.name_len && memcmp(meant[k], msgid + p.name, p.name_len) == 0;
		if (said) {
			ok = false;
			continue;
		}
		ok = false;
		if (d)
			diag_error(d, where ? where[0] : fallback, "%s leaves out '{%.*s}' of the original text", whose,
				   (int)p.name_len, msgid + p.name);
	}
	return ok;
}
