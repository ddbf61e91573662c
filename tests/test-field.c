/*
 * test-field: unit tests of the text field (field.h): editing by grapheme cluster, the bound, the view
 * and the drafts.
 */
#include <locale.h>
#include <stdlib.h>

#include "field.h"
#include "limit.h"
#include "test.h"

/* Insert each character of the UTF-8 string s at the cursor. */
static void test_type(struct field *f, const uint32_t *cs)
{
	for (; *cs; cs++)
		CHECK(field_insert(f, *cs));
}

static void test_editing(void)
{
	struct field f = { 0 };
	field_set(&f, "");
	test_type(&f, (const uint32_t[]){ 'a', 0xe6, 0xf8, 0 });	/* aæø */
	CHECK_STR(f.buf, "a\xc3\xa6\xc3\xb8");
	CHECK_NUM(f.len, 5);
	CHECK_NUM(f.cur, 5);
	field_do(&f, FIELD_LEFT);
	CHECK_NUM(f.cur, 3);
	field_do(&f, FIELD_DEL_BACK);	/* the æ, both bytes */
	CHECK_STR(f.buf, "a\xc3\xb8");
	CHECK_NUM(f.cur, 1);
	field_do(&f, FIELD_HOME);
	CHECK_NUM(f.cur, 0);
	field_do(&f, FIELD_DEL_BACK);	/* nothing before the start */
	CHECK_STR(f.buf, "a\xc3\xb8");
	field_do(&f, FIELD_DEL_FORWARD);
	CHECK_STR(f.buf, "\xc3\xb8");
	field_do(&f, FIELD_END);
	CHECK_NUM(f.cur, 2);
	field_do(&f, FIELD_DEL_FORWARD);	/* nothing after the end */
	CHECK_STR(f.buf, "\xc3\xb8");
	/* e and a combining acute are one cluster: moved over and deleted whole */
	test_type(&f, (const uint32_t[]){ 'e', 0x301, 'x', 0 });
	field_do(&f, FIELD_LEFT);
	field_do(&f, FIELD_LEFT);
	CHECK_NUM(f.cur, 2);
	field_do(&f, FIELD_RIGHT);
	CHECK_NUM(f.cur, 5);
	field_do(&f, FIELD_DEL_BACK);
	CHECK_STR(f.buf, "\xc3\xb8x");
	field_do(&f, FIELD_DEL_TO_START);
	CHECK_STR(f.buf, "x");
	CHECK(f.buf[2] == 0 && f.buf[3] == 0);	/* the bytes the text moved away from are wiped */
	CHECK_NUM(f.cur, 0);
	/* inserted at the cursor, not the end */
	test_type(&f, (const uint32_t[]){ 'y', 0 });
	CHECK_STR(f.buf, "yx");
	CHECK(field_typable('a') && field_typable(0xe6));
	CHECK(!field_typable(0x7f) && !field_typable('\t') && !field_typable(0x85) && !field_typable(0xd800) &&
	      !field_typable(0x110000));
	field_free(&f);
	CHECK(f.buf == NULL);
}

static void test_bound(void)
{
	struct field f = { 0 };
	char *big = malloc(LIMIT_INPUT);
	memset(big, 'a', LIMIT_INPUT - 1);
	big[LIMIT_INPUT - 1] = '\0';
	field_set(&f, big);
	CHECK(field_insert(&f, 'b'));	/* exactly LIMIT_INPUT bytes */
	CHECK(!field_insert(&f, 'c'));
	CHECK(!field_insert(&f, 0xe6));
	CHECK_NUM(f.len, LIMIT_INPUT);
	CHECK(f.buf[LIMIT_INPUT - 1] == 'b');
	free(big);
	field_free(&f);
}

static void test_view(void)
{
	struct field f = { 0 };
	field_set(&f, "abcdefghij");
	size_t end;
	int used = field_view(&f, 4, &end);	/* the cursor at the end stays in view */
	CHECK(f.hscroll <= f.cur && f.cur <= end);
	CHECK(used <= 4);
	CHECK_NUM(end, 10);
	field_do(&f, FIELD_HOME);
	used = field_view(&f, 4, &end);
	CHECK_NUM(f.hscroll, 0);
	CHECK_NUM(end, 4);
	CHECK_NUM(used, 4);
	field_free(&f);
}

static void test_drafts(void)
{
	struct field f = { 0 };
	CHECK(!field_draft_take(&f, 1));
	field_set(&f, "hemmelig");
	field_draft_keep(&f, 1, 3);
	field_set(&f, "");
	CHECK(!field_draft_take(&f, 0));
	CHECK(!field_draft_take(&f, 7));	/* beyond the steps: none */
	CHECK(field_draft_take(&f, 1));
	CHECK_STR(f.buf, "hemmelig");
	CHECK_NUM(f.cur, 8);
	CHECK(!field_draft_take(&f, 1));	/* taken once */
	field_draft_keep(&f, 2, 3);
	field_drafts_free(&f);
	CHECK(f.drafts == NULL);
	CHECK(!field_draft_take(&f, 2));
	field_free(&f);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_editing();
	test_bound();
	test_view();
	test_drafts();
	return test_done("test-field");
}
