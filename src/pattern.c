/*
 * pattern: refuse escapes that POSIX extended regular expressions do not define.  See pattern.h.
 */
#include "pattern.h"

#include <stdio.h>
#include <string.h>

/* The POSIX spelling of an escape from other dialects (Perl, JavaScript), outside brackets and inside. */
static const struct pattern_spelling {
	char letter;
	const char *outside, *inside;
	bool gnu;	/* glibc reads it as other dialects do; elsewhere it may be the letter */
} pattern_spellings[] = {
	{ 'd', "[0-9]", "0-9", false },
	{ 'D', "[^0-9]", NULL, false },
	{ 'w', "[[:alnum:]_]", "[:alnum:]_", true },
	{ 'W', "[^[:alnum:]_]", NULL, true },
	{ 's', "[[:space:]]", "[:space:]", true },
	{ 'S', "[^[:space:]]", NULL, true },
	{ 'h', "[[:blank:]]", "[:blank:]", false },
	{ 'H', "[^[:blank:]]", NULL, false },
	{ 'A', "^ (or nothing: a pattern matches the whole answer)", NULL, false },
	{ 'z', "$ (or nothing: a pattern matches the whole answer)", NULL, false },
	{ 'Z', "$ (or nothing: a pattern matches the whole answer)", NULL, false },
};

static const struct pattern_spelling *pattern_spelling(char c)
{
	for (size_t i = 0; i < sizeof pattern_spellings / sizeof *pattern_spellings; i++)
		if (pattern_spellings[i].letter == c)
			return &pattern_spellings[i];
	return NULL;
}

static bool pattern_is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The message for \c at p, inside brackets or not. */
static void pattern_message(char c, bool inside, char *msg, size_t size)
{
	const struct pattern_spelling *sp = pattern_spelling(c);
	if (inside && sp && sp->inside)
		snprintf(msg, size, "'pattern' may not use \\%c inside [...], where a backslash is itself (it "
			 "matches a backslash or the letter %c); write %s there", c, c, sp->inside);
	else if (inside)
		snprintf(msg, size, "'pattern' may not use \\%c inside [...], where a backslash is itself (it "
			 "matches a backslash or the letter %c); write the letter alone", c, c);
	else if (sp && sp->gnu)
		snprintf(msg, size, "'pattern' may not use \\%c: POSIX extended regular expressions have no such "
			 "escape, and not every system reads it alike; write %s", c, sp->outside);
	else if (sp)
		snprintf(msg, size, "'pattern' may not use \\%c: POSIX extended regular expressions have no such "
			 "escape, and it would match the letter %c; write %s", c, c, sp->outside);
	else
		snprintf(msg, size, "'pattern' may not use \\%c: POSIX extended regular expressions have no such "
			 "escape, and it would match the letter %c; write the letter alone", c, c);
}

const char *pattern_bracket(const char *p, const char **bad)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	while (*p && *p != ']') {
		if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			char kind = p[1];
			p += 2;
			while (*p && !(p[0] == kind && p[1] == ']'))
				p++;
			if (*p)
				p += 2;
			continue;
		}
		if (bad && p[0] == '\\' && pattern_is_letter(p[1]) && !*bad)
			*bad = p;
		p++;
	}
	return *p ? p + 1 : p;
}

bool pattern_escapes_ok(const char *pattern, bool gnu, size_t *at, char *msg, size_t size)
{
	for (const char *p = pattern; *p;) {
		if (*p == '[') {
			const char *bad = NULL;
			p = pattern_bracket(p, &bad);
			if (bad) {
				*at = (size_t)(bad - pattern);
				pattern_message(bad[1], true, msg, size);
				return false;
			}
			continue;
		}
		const struct pattern_spelling *sp = *p == '\\' ? pattern_spelling(p[1]) : NULL;
		if (*p == '\\' && pattern_is_letter(p[1]) && p[1] != 'b' && p[1] != 'B' && !(gnu && sp && sp->gnu)) {
			*at = (size_t)(p - pattern);
			pattern_message(p[1], false, msg, size);
			return false;
		}
		p += *p == '\\' && p[1] ? 2 : 1;
	}
	return true;
}
