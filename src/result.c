/*
 * result: the JSON form of a walk's result.  Keys come out in the wizard's order, so output is stable.
 */
#include "result.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "compat.h"
#include "repeat.h"
#include "sensitive.h"
#include "text.h"
#include "util.h"

void result_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (*p < 0x20 || *p == 0x7F) {
				fprintf(out, "\\u%04x", *p);
			} else if (*p < 0x80) {
				fputc(*p, out);
			} else {	/* C1, bidi controls, zero-width and private-use characters as escapes too */
				ucs4_t c;
				int w = u8_mbtoucr(&c, p, 4);
				if (w < 0) {
					fputs("\\ufffd", out);	/* not UTF-8: JSON cannot carry it */
				} else if (!text_is_hidden(c)) {
					fwrite(p, 1, (size_t)w, out);
				} else if (c > 0xFFFF) {
					c -= 0x10000;
					fprintf(out, "\\u%04x\\u%04x", 0xD800 + (unsigned)(c >> 10), 0xDC00 + (unsigned)(c & 0x3FF));
				} else {
					fprintf(out, "\\u%04x", (unsigned)c);
				}
				p += w < 0 ? 0 : w - 1;
			}
		}
	}
	fputc('"', out);
}

void result_json_value(FILE *out, struct value v)
{
	char buf[32];
	switch (v.type) {
	case VAL_NULL:
		fputs("null", out);
		break;
	case VAL_BOOL:
		fputs(v.u.b ? "true" : "false", out);
		break;
	case VAL_NUM:
		fputs(value_num_format(v.u.n, buf, sizeof buf), out);
		break;
	case VAL_STR:
		result_json_string(out, v.u.s);
		break;
	case VAL_LIST:
		fputc('[', out);
		for (size_t i = 0; i < v.u.list.n; i++) {
			if (i)
				fputs(", ", out);
			result_json_value(out, v.u.list.items[i]);
		}
		fputc(']', out);
		break;
	}
}

/* An answer or value, or in place of a sensitive one that was given, {"sensitive": true}. */
static void result_json_answer(FILE *out, bool sensitive, struct value v)
{
	if (sensitive && v.type != VAL_NULL)
		sensitive_json(out);
	else
		result_json_value(out, v);
}

void result_json(FILE *out, const struct wizard *w, struct engine *e)
{
	size_t n;
	const int *path = engine_path(e, &n);
	fputs("{\n  \"wizard\": ", out);
	result_json_string(out, w->id);
	fputs(",\n  \"end\": ", out);
	if (engine_done(e))
		result_json_string(out, w->steps[path[n - 1]].id);
	else
		fputs("null", out);
	fputs(",\n  \"path\": [", out);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", " : "", out);
		result_json_string(out, w->steps[path[i]].id);
	}
	fputs("],\n  \"answers\": {", out);
	/* each answered step once, in the order of the wizard */
	bool first = true;
	for (size_t s = 0; s < w->nsteps; s++) {
		enum step_type t = w->steps[s].type;
		if (!step_takes_answer(t))
			continue;
		bool on = false;
		for (size_t i = 0; i < n && !on; i++)
			on = path[i] == (int)s;
		if (!on || (!engine_done(e) && path[n - 1] == (int)s))
			continue;
		fputs(first ? "\n    " : ",\n    ", out);
		first = false;
		result_json_string(out, w->steps[s].id);
		fputs(": ", out);
		if (t == STEP_REPEAT)	/* a list of objects */
			repeat_json(out, &w->steps[s], engine_answer(e, (int)s));
		else
			result_json_answer(out, w->steps[s].sensitive, engine_answer(e, (int)s));
	}
	fputs(first ? "},\n  \"values\": {" : "\n  },\n  \"values\": {", out);
	for (size_t i = 0; i < w->nvalues; i++) {
		fputs(i ? ",\n    " : "\n    ", out);
		result_json_string(out, w->values[i].name);
		fputs(": ", out);
		result_json_answer(out, w->values[i].sensitive, engine_derived(e, i, NULL));
	}
	fputs(w->nvalues ? "\n  }\n}\n" : "}\n}\n", out);
}

bool result_check_path(const char *path, char *err, size_t errlen)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return true;	/* nothing there, or no folder to put it in: writing it says so */
	const char *link = "";
	if (S_ISLNK(st.st_mode)) {
		if (stat(path, &st) != 0)
			return true;	/* a link to nothing: replaced */
		link = "a symbolic link to ";
	}
	const char *what = S_ISREG(st.st_mode) ? NULL : S_ISDIR(st.st_mode) ? "a folder" :
			   S_ISCHR(st.st_mode) ? "a character device" : S_ISBLK(st.st_mode) ? "a block device" :
			   S_ISFIFO(st.st_mode) ? "a named pipe (FIFO)" : S_ISSOCK(st.st_mode) ? "a socket" : "something";
	if (!what)
		return true;
	char why[96];
	snprintf(why, sizeof why, "%s%s, not a regular file", link, what);
	util_file_error(err, errlen, path, 0, why);
	return false;
}

bool result_write_atomic(const char *path, bool replace, void (*fill)(FILE *, void *), void *ctx, char *err,
			 size_t errlen, int *error)
{
	/* a device or a pipe there is refused, not replaced (nor written through a link); !replace never replaces */
	if (replace && !result_check_path(path, err, errlen)) {
		if (error)
			*error = EINVAL;
		return false;
	}
	size_t len = strlen(path) + sizeof ".XXXXXX";
	char *tmp = xmalloc(len);
	snprintf(tmp, len, "%s.XXXXXX", path);
	int saved = 0;
	int fd = mkstemp(tmp);	/* created 0600 */
	FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
	static char buf[BUFSIZ];	/* trin's, not stdio's: what was written holds answers, and is wiped */
	if (f)
		setvbuf(f, buf, _IOFBF, sizeof buf);
	if (!f) {
		saved = errno;
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		goto out;
	}
	fill(f, ctx);
	if (fflush(f) != 0 || fsync(fd) != 0)
		saved = errno;
	if (fclose(f) != 0 && !saved)
		saved = errno;
	compat_wipe(buf, sizeof buf);
	/* a rename replaces path in one step; a link never replaces a file that is there */
	if (!saved && (replace ? rename(tmp, path) : link(tmp, path)) != 0)
		saved = errno;
	if (saved || !replace)
		unlink(tmp);
out:
	if (saved)
		util_file_error(err, errlen, path, saved, NULL);
	if (error)
		*error = saved;
	free(tmp);
	return saved == 0;
}

struct result_walk {
	const struct wizard *w;
	struct engine *e;
};

static void result_fill_json(FILE *out, void *ctx)
{
	const struct result_walk *r = ctx;
	result_json(out, r->w, r->e);
}

bool result_write_file(const char *path, const struct wizard *w, struct engine *e, char *err, size_t errlen)
{
	struct result_walk r = { w, e };
	return result_write_atomic(path, true, result_fill_json, &r, err, errlen, NULL);
}

/* Whether a loop passed a step that takes an answer twice before the current step. */
static bool result_answered_twice(const struct wizard *w, const int *path, size_t n)
{
	bool twice = false;
	bool *seen = xcalloc(w->nsteps ? w->nsteps : 1, sizeof *seen);
	for (size_t i = 0; i + 1 < n && !twice; i++) {
		twice = seen[path[i]] && step_takes_answer(w->steps[path[i]].type);
		seen[path[i]] = true;
	}
	free(seen);
	return twice;
}

/* Whether the answer of step k is left out of a recorded walk: a sensitive answer given. */
static bool result_left_out(const struct wizard *w, struct engine *e, int k)
{
	return w->steps[k].sensitive && engine_answer(e, k).type != VAL_NULL;
}

/* Answer v of step s as a scenario gives it: JSON is YAML, typed as a person would; a group's items as maps. */
static void result_record_value(FILE *out, const struct step *s, struct value v)
{
	if (s->type == STEP_REPEAT)
		repeat_json(out, s, v);
	else
		result_json_value(out, v);
}

/* The answers as a map from step id to answer, each step once (a walk stopped at a step it passed before). */
static void result_answers_by_step(FILE *out, const struct wizard *w, struct engine *e, const int *path, size_t n)
{
	bool any = false;
	bool *seen = xcalloc(w->nsteps ? w->nsteps : 1, sizeof *seen);
	for (size_t i = 0; i < n; i++) {
		const struct step *s = &w->steps[path[i]];
		if (!step_takes_answer(s->type) || seen[path[i]] || result_left_out(w, e, path[i]))
			continue;
		seen[path[i]] = true;
		fprintf(out, "%s  %s: ", any ? "" : "\n", s->id);
		any = true;
		result_record_value(out, s, engine_answer(e, path[i]));
		fputc('\n', out);
	}
	if (!any)	/* a walk without questions: still a mapping, so that it reads back as a scenario */
		fputs(" {}\n", out);
	free(seen);
}

/* The answers in the order given, one entry a visit (format 1.1): a loop answers a step more than once. */
static void result_answers_in_order(FILE *out, const struct wizard *w, struct engine *e, const int *path, size_t n)
{
	fputc('\n', out);
	for (size_t i = 0; i + 1 < n; i++) {
		const struct step *s = &w->steps[path[i]];
		if (!step_takes_answer(s->type) || result_left_out(w, e, path[i]))
			continue;
		fprintf(out, "  - %s: ", s->id);
		result_record_value(out, s, engine_visit_answer(e, i));
		fputc('\n', out);
	}
}

void result_scenario(FILE *out, const struct wizard *w, struct engine *e, const char *name)
{
	size_t n;
	const int *path = engine_path(e, &n);
	fprintf(out, "# A walk through %s, recorded by trin.  Replay it with\n", w->file);
	fputs("#   trin test --scenario THIS-FILE WIZARD    or    trin run --answers THIS-FILE WIZARD\n", out);
	fputs("# or copy it, indented, under 'tests:' in the wizard.\n", out);
	fputs("name: ", out);
	result_json_string(out, name);
	fputc('\n', out);
	bool *told = xcalloc(w->nsteps ? w->nsteps : 1, sizeof *told);
	for (size_t i = 0; i < n; i++) {	/* never written: a replay needs one made up */
		if (told[path[i]])
			continue;
		told[path[i]] = true;
		if (result_left_out(w, e, path[i]))
			fprintf(out, "# %s is sensitive and not recorded: add a made-up answer to replay\n",
				w->steps[path[i]].id);
		else if (repeat_sensitive(&w->steps[path[i]]) && engine_answer(e, path[i]).type != VAL_NULL)
			fprintf(out, "# %s holds sensitive answers, written as {\"sensitive\": true}: put made-up "
				"answers in their place to replay\n", w->steps[path[i]].id);
	}
	free(told);
	fputs("answers:", out);
	if (result_answered_twice(w, path, n))
		result_answers_in_order(out, w, e, path, n);
	else
		result_answers_by_step(out, w, e, path, n);
	if (w->minor >= 1)	/* today() and dates from today are 1.1: the replay takes the day of the walk */
		fprintf(out, "today: %s\n", engine_today(e));
	if (!engine_done(e))
		return;
	fprintf(out, "end: %s\npath: [", w->steps[path[n - 1]].id);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%s", i ? ", " : "", w->steps[path[i]].id);
	fputs("]\n", out);
}

static void result_fill_scenario(FILE *out, void *ctx)
{
	const struct result_walk *r = ctx;
	char name[64];
	time_t now = time(NULL);
	strftime(name, sizeof name, "recorded %Y-%m-%d %H:%M", localtime(&now));
	result_scenario(out, r->w, r->e, name);
}

bool result_write_scenario(const char *path, const struct wizard *w, struct engine *e, char *err, size_t errlen)
{
	struct result_walk r = { w, e };
	return result_write_atomic(path, true, result_fill_scenario, &r, err, errlen, NULL);
}
