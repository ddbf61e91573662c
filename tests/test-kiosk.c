/*
 * test-kiosk: unit tests of a kiosk's rules (kiosk.h): the idle warning and the reset by a clock the test
 * gives (no sleeping, no timing), the seconds the warning shows, the language screen's heading, and the
 * wizards loaded with their diagnostics held.  Links the core library only.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "kiosk.h"
#include "model.h"
#include "test.h"

static char kiosk_dir[] = "/tmp/trin-kiosk-XXXXXX";

/* The idle warning after idle seconds without a key, and the reset when it has counted down warn seconds. */
static void test_idle(void)
{
	struct kiosk_clock c = { 0 };
	kiosk_key(&c, 1000);
	CHECK(!kiosk_left_alone(&c, 90999, 90));
	CHECK(kiosk_left_alone(&c, 91000, 90));
	CHECK(kiosk_idle(&c, 90999, false, 90, 30) == KIOSK_WAIT);
	CHECK(kiosk_idle(&c, 91000, false, 90, 30) == KIOSK_WARN);	/* then shown */
	CHECK_NUM(kiosk_warning_left(&c, 91000), 30);
	CHECK_NUM(kiosk_warning_left(&c, 91001), 30);	/* whole seconds, rounded up */
	CHECK_NUM(kiosk_warning_left(&c, 120000), 1);
	CHECK(kiosk_idle(&c, 120999, true, 90, 30) == KIOSK_WAIT);
	CHECK(kiosk_idle(&c, 121000, true, 90, 30) == KIOSK_RESET);
	kiosk_key(&c, 130000);	/* a key: the person is still there */
	CHECK(kiosk_idle(&c, 131000, false, 90, 30) == KIOSK_WAIT);
	CHECK(kiosk_idle(&c, 220000, false, 90, 30) == KIOSK_WARN);
	CHECK_NUM(kiosk_warning_left(&c, 220000), 30);	/* a new countdown */
}

/* The language screen's heading: the question in each language, joined, cut to the room there is. */
static void test_heading(void)
{
	char en[] = "en";
	char *langs[] = { en, en };
	char heading[64];
	kiosk_language_heading(langs, 2, heading, sizeof heading);
	CHECK_STR(heading, "Choose your language / Choose your language");
	kiosk_language_heading(langs, 1, heading, sizeof heading);
	CHECK_STR(heading, "Choose your language");
	kiosk_language_heading(langs, 2, heading, 24);
	CHECK_STR(heading, "Choose your language / ");
	kiosk_language_heading(langs, 0, heading, sizeof heading);
	CHECK_STR(heading, "");
}

/* The language screen names each language in its own words, under the heading, the cursor at sel. */
static void test_language_page(void)
{
	char da[] = "da", tr[] = "tr";
	char *langs[] = { da, tr };
	struct page *p = kiosk_language_page("Vælg sprog / Dil seçin", langs, 2, 1);
	CHECK_NUM(p->nblocks, 4);
	CHECK_STR(p->blocks[0].text, "Vælg sprog / Dil seçin");
	CHECK_STR(p->blocks[2].text, "Dansk");
	CHECK(!p->blocks[2].focus && p->blocks[3].focus && p->blocks[3].number == 2);
	CHECK_STR(p->blocks[3].text, "T\xC3\xBCrk\xC3\xA7" "e");
	CHECK_NUM(p->actions, PAGE_CHOOSE | PAGE_GO_ON);
	page_free(p);
	p = kiosk_out_of_order_page();
	CHECK_STR(p->blocks[0].text, "This terminal is out of order.");
	CHECK_NUM(p->actions, 0);
	page_free(p);
}

/* The wizards that load are listed in order; the diagnostics of the others are held, the last load's only. */
static void test_load(void)
{
	char good[64], bad[64];
	snprintf(good, sizeof good, "%s/good.yaml", kiosk_dir);
	snprintf(bad, sizeof bad, "%s/bad.yaml", kiosk_dir);
	test_write(good, "trin: 1\nid: good\ntitle: Good\nlanguage: en\nsteps:\n"
			 "  - id: done\n    type: end\n    title: Done\n");
	test_write(bad, "trin: 1\nid: bad\n");
	char *files[] = { bad, good, bad };
	struct ui_wizard list[3] = { { 0 } };
	struct diags held = { 0 };
	CHECK_NUM(kiosk_load(files, 3, list, &held), 1);
	CHECK(list[0].path == good && list[0].w && list[1].w == NULL);
	size_t twice = held.n;
	CHECK(twice >= 2);	/* the bad file's, once per time it is named */
	wizard_free(list[0].w);
	CHECK_NUM(kiosk_load(files, 1, list, &held), 0);
	CHECK(held.n == twice / 2);	/* replaced, not added to */
	diag_free(&held);
	unlink(good);
	unlink(bad);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (!mkdtemp(kiosk_dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_idle();
	test_heading();
	test_language_page();
	test_load();
	rmdir(kiosk_dir);
	return test_done("test-kiosk");
}
