/*
 * template: pieces of a text with {name}s (template.h).
 */
#include "template.h"

#include <string.h>

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
