/*
 * pattern: the escapes of a `pattern:` that POSIX extended regular expressions do not have.  `\d` in such
 * an expression is no digit: glibc matches the letter d, so `[0-9]{6}-\d{4}` refuses every CPR number.  A
 * backslash before a letter is refused with the POSIX spelling, except `\b` and `\B` (word boundaries, which
 * glibc has and POSIX cannot spell) and, in format 1, `\w`, `\W`, `\s` and `\S`, which glibc reads as
 * other dialects do; inside brackets a backslash is itself, so `[\d]` is refused too.  The
 * loader's bounds on a pattern read its bracket expressions through pattern_bracket as well.
 */
#ifndef TRIN_PATTERN_H
#define TRIN_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Whether pattern is free of such escapes.  If not, false with the offset of the first one's backslash in
 * *at and the error, in words, in msg (of size bytes): "'pattern' may not use \d (...); write [0-9]".
 * With gnu, \w, \W, \s and \S outside brackets are let through: glibc reads them as other dialects do,
 * and a wizard in format 1 may have relied on that.
 */
bool pattern_escapes_ok(const char *pattern, bool gnu, size_t *at, char *msg, size_t size);

/*
 * Past the bracket expression at p ('['): "[]a]", "[^]a]", "[[:alpha:]x]", "[[.-.]]" and "[[=e=]]" included.
 * With bad, the first backslash before a letter in it goes to *bad (which must start NULL).
 */
const char *pattern_bracket(const char *p, const char **bad);

#endif
