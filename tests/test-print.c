/*
 * test-print: the print key on the end page, as a person uses it.  The real trin runs in a pseudo-terminal
 * (term.h) with --print QUEUE and walks tests/print/walk.yaml to its end; Ctrl-P there must show message,
 * the end page must stay, and the walk must go on (Enter ends it, or starts a kiosk over).  tests/print.sh
 * runs it against a cupsd of its own and reads what was printed.
 *
 *   test-print TRIN SOURCE_ROOT screen|receipt|kiosk-LANG QUEUE MESSAGE [SUMMARY]
 *
 * screen: the full screen in English, writing the summary to SUMMARY too when given (--summary), to compare
 * with the paper.  kiosk-LANG: a kiosk in that language (LANGUAGE), with the catalogues of the build tree.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "term.h"
#include "test.h"

/* Walk the wizard from its first step to its end page. */
static void test_print_walk(struct term *t)
{
	CHECK(term_wait(t, "What is your name?"));
	term_type(t, "Ada");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(term_wait(t, "Your secret code?"));
	term_type(t, "SECRET-4711");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(term_wait(t, "Thank you, Ada"));
	CHECK(term_wait(t, "F5/Ctrl-P"));
}

int main(int argc, char **argv)
{
	if (argc < 6) {
		fprintf(stderr, "usage: test-print TRIN SOURCE_ROOT screen|kiosk-LANG QUEUE MESSAGE [SUMMARY]\n");
		return 2;
	}
	const char *mode = argv[3], *queue = argv[4], *message = argv[5];
	bool kiosk = strncmp(mode, "kiosk-", 6) == 0;
	term_setup(argv[1], argv[2]);
	struct term t;
	if (kiosk) {
		/* the build tree's catalogues; a wizard in one language starts without the language screen */
		char lang[32];
		snprintf(lang, sizeof lang, "LANGUAGE=%s", mode + 6);
		term_environ((const char *[]){ "TRIN_LOCALEDIR", lang, NULL });
		term_start(&t, 24, 80, (const char *[]){ "--kiosk", "--print", queue, "tests/print/walk.yaml", NULL });
	} else if (argc > 6 && strcmp(mode, "receipt") == 0) {
		term_start(&t, 24, 80, (const char *[]){ "--print", queue, "--print-paper", "receipt", "--summary", argv[6],
							  "tests/print/walk.yaml", NULL });
	} else if (argc > 6) {
		term_start(&t, 24, 80, (const char *[]){ "--print", queue, "--summary", argv[6], "tests/print/walk.yaml", NULL });
	} else {
		term_start(&t, 24, 80, (const char *[]){ "--print", queue, "tests/print/walk.yaml", NULL });
	}
	test_print_walk(&t);
	term_ctrl(&t, 'p');
	CHECK(term_wait(&t, message));
	CHECK(strstr(term_screen(&t), "Thank you, Ada") != NULL);	/* the end page stays */
	CHECK(term_ended(&t) == -1);
	term_key(&t, VTERM_KEY_ENTER);	/* and the walk goes on */
	if (kiosk) {
		CHECK(term_wait(&t, "What is your name?"));	/* the next person */
		CHECK(strstr(term_screen(&t), "Ada") == NULL);
	} else {
		CHECK(term_finish(&t) == 0);
	}
	term_close(&t);
	return test_done("test-print");
}
