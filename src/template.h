/*
 * template: the one reading of a text with {name}s in it, for the loader (which checks the names), the
 * checker (which follows them), the engine (which fills them in) and `trin pot` (which flags them).
 *
 * A text is a row of pieces: plain text; "{{" or "}}", each a brace as written; "{name}", the name being
 * everything up to the first '}'; a lone '}'; and a '{' with no '}' after it.  Depends on nothing.
 */
#ifndef TRIN_TEMPLATE_H
#define TRIN_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

enum template_kind {
	TEMPLATE_PLAIN,		/* text without braces */
	TEMPLATE_BRACE,		/* "{{" or "}}": one brace */
	TEMPLATE_NAME,		/* "{name}" */
	TEMPLATE_LONE_CLOSE,	/* a '}' that closes nothing */
	TEMPLATE_UNCLOSED,	/* a '{' without a '}' after it: the piece is the '{' alone */
};

struct template_piece {
	enum template_kind kind;
	size_t start, len;	/* the piece is s[start, start + len); len >= 1 */
	size_t name, name_len;	/* TEMPLATE_NAME: the name is s[name, name + name_len) */
};

/*
 * The piece of the NUL-terminated text s that starts at byte i (s[i] must not be NUL).  The next piece
 * starts at start + len; a caller that takes a name's '{' as written goes on at start + 1 instead.
 * Inline: the loader and the checker read every text of a wizard with it.
 */
static inline struct template_piece template_piece(const char *s, size_t i)
{
	struct template_piece p = { TEMPLATE_PLAIN, i, 1, 0, 0 };
	if (s[i] != '{' && s[i] != '}') {
		p.len = strcspn(s + i, "{}");
		return p;
	}
	if (s[i + 1] == s[i]) {
		p.kind = TEMPLATE_BRACE;
		p.len = 2;
		return p;
	}
	if (s[i] == '}') {
		p.kind = TEMPLATE_LONE_CLOSE;
		return p;
	}
	const char *close = strchr(s + i, '}');
	if (!close) {
		p.kind = TEMPLATE_UNCLOSED;
		return p;
	}
	p.kind = TEMPLATE_NAME;
	p.len = (size_t)(close - s) + 1 - i;
	p.name = i + 1;
	p.name_len = p.len - 2;
	return p;
}

/* Whether s has a {name} (or a '{' left open) in it, so that it shows an answer. */
bool template_has_name(const char *s);

#endif
