/*
 * template: pieces of a text with {name}s (template.h).
 */
#include "template.h"

#include <string.h>

struct template_piece template_piece(const char *s, size_t i)
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

bool template_has_name(const char *s)
{
	for (size_t i = 0; s[i];) {
		struct template_piece p = template_piece(s, i);
		if (p.kind == TEMPLATE_NAME || p.kind == TEMPLATE_UNCLOSED)
			return true;
		i += p.len;
	}
	return false;
}
