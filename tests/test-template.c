/*
 * test-template: unit tests of the reading of texts with {name}s (template.h).
 */
#include "template.h"
#include "test.h"

/* The pieces of s, each as a letter and its bytes: P plain, B brace, N name (its name), C lone '}', U '{'. */
static const char *test_pieces(const char *s)
{
	static char out[512];
	size_t o = 0;
	for (size_t i = 0; s[i];) {
		struct template_piece p = template_piece(s, i);
		CHECK(p.start == i && p.len >= 1);
		static const char letter[] = { [TEMPLATE_PLAIN] = 'P', [TEMPLATE_BRACE] = 'B', [TEMPLATE_NAME] = 'N',
					       [TEMPLATE_LONE_CLOSE] = 'C', [TEMPLATE_UNCLOSED] = 'U' };
		if (p.kind == TEMPLATE_NAME)
			o += (size_t)snprintf(out + o, sizeof out - o, "%sN<%.*s>", o ? " " : "", (int)p.name_len,
					      s + p.name);
		else
			o += (size_t)snprintf(out + o, sizeof out - o, "%s%c<%.*s>", o ? " " : "", letter[p.kind],
					      (int)p.len, s + p.start);
		i += p.len;
	}
	out[o] = '\0';
	return out;
}

static void test_pieces_of(void)
{
	CHECK_STR(test_pieces(""), "");
	CHECK_STR(test_pieces("Hej"), "P<Hej>");
	CHECK_STR(test_pieces("Hej {navn}!"), "P<Hej > N<navn> P<!>");
	CHECK_STR(test_pieces("{a}{b}"), "N<a> N<b>");
	CHECK_STR(test_pieces("{{x}}"), "B<{{> P<x> B<}}>");
	CHECK_STR(test_pieces("{{{a}"), "B<{{> N<a>");
	CHECK_STR(test_pieces("a } b"), "P<a > C<}> P< b>");
	CHECK_STR(test_pieces("}}}"), "B<}}> C<}>");
	CHECK_STR(test_pieces("x {y"), "P<x > U<{> P<y>");
	CHECK_STR(test_pieces("{}"), "N<>");
	/* the name runs to the first '}', braces and spaces in it too: the loader says what is wrong with it */
	CHECK_STR(test_pieces("{a{b} c}"), "N<a{b> P< c> C<}>");
	CHECK_STR(test_pieces("{a b}"), "N<a b>");
	/* bytes that are not ASCII are plain text */
	CHECK_STR(test_pieces("Æble {ø}"), "P<Æble > N<ø>");
}

static void test_has_name(void)
{
	CHECK(template_has_name("Hej {navn}"));
	CHECK(template_has_name("{"));
	CHECK(template_has_name("}}{"));
	CHECK(template_has_name("{{{a}"));
	CHECK(!template_has_name(""));
	CHECK(!template_has_name("Hej"));
	CHECK(!template_has_name("{{a}}"));
	CHECK(!template_has_name("a } b"));
	CHECK(!template_has_name("}{{"));
}

int main(void)
{
	test_pieces_of();
	test_has_name();
	return test_done("test-template");
}
