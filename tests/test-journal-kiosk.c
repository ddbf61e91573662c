/*
 * test-journal-kiosk: one kiosk with --stats journal, walked by two people in a pseudo-terminal (term.h),
 * for journal.sh, which runs it once on each of its two machines.  The first person picks English, goes on
 * from "velkommen" to "emner" and starts over there; the second picks Danish and is on "velkommen" when the
 * terminal goes away.  So each run sends four events: shown velkommen twice, shown emner, gaveup emner.
 *
 *   test-journal-kiosk TRIN SOURCE_ROOT
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "term.h"
#include "test.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: test-journal-kiosk TRIN SOURCE_ROOT\n");
		return 2;
	}
	term_setup(argv[1], argv[2]);
	signal(SIGPIPE, SIG_IGN);
	term_environ((const char *[]){ "TRIN_LOCALEDIR", "LANGUAGE", NULL });	/* the real catalogues */
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--kiosk", "--stats", "journal", "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "Vælg dit sprog"));
	term_type(&t, "2");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Welcome"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "2. Digital Post"));
	term_key(&t, VTERM_KEY_FUNCTION(10));
	CHECK(term_wait(&t, "Do you want to start over?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Vælg dit sprog"));
	term_type(&t, "1");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Velkommen"));
	kill(t.pid, SIGHUP);
	CHECK_NUM(term_finish(&t), 128 + SIGHUP);
	term_close(&t);
	return test_done("test-journal-kiosk");
}
