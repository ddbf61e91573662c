/*
 * test-speech-screen: reading aloud on the full screen, driven in a pseudo-terminal (term.h).  F4 is named
 * in the footer with --speak, in the person's language; F4 reads on a step and over the help without
 * closing it; at a kiosk's language screen F4 turns reading aloud on for that person; and whatever the machine has (a sound device, none, no espeak-ng at all), nothing but one
 * calm sentence reaches the screen, nothing hangs, and the walk goes on.  What is said is checked at the
 * text seam (test-speech, trin speak --print) and in WAV files (speech-wav.sh), not here.
 *
 *   test-speech-screen TRIN SOURCE_ROOT
 */
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "term.h"
#include "test.h"

/* The calm sentences of speech.c, in English: one of them, or none where the sound works. */
static const char *const test_calm[] = {
	"No sound can be played here; trin goes on without reading aloud.",
	"Reading aloud is not available here; trin goes on without it.",
	"There is no voice for this language; trin goes on without reading aloud.",
};

/* Whether the screen shows nothing of espeak-ng's or the sound libraries' own messages, and at most one calm line. */
static bool test_quiet(struct term *t)
{
	const char *s = term_screen(t);
	int calm = 0;
	for (size_t i = 0; i < sizeof test_calm / sizeof *test_calm; i++)
		calm += strstr(s, test_calm[i]) != NULL;
	bool quiet = !strstr(s, "ALSA") && !strstr(s, "error:") && !strstr(s, "audio") && calm <= 1;
	if (!quiet)
		term_dump(t);
	return quiet;
}

/* --speak: F4 in the footer, in English and in Danish; F4 and the first page read, the walk going on. */
static void test_speak(void)
{
	struct term t;
	term_environ((const char *[]){ "TRIN_LOCALEDIR", "LANGUAGE", NULL });	/* the real catalogues */
	term_start(&t, 24, 80, (const char *[]){ "--lang", "en", "--speak", "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "Welcome"));
	CHECK(term_wait(&t, "F4 Read aloud"));
	term_settle(&t, 1000);	/* the first page is being read: a failing sound device says so meanwhile */
	CHECK(test_quiet(&t));
	term_key(&t, VTERM_KEY_FUNCTION(4));
	term_settle(&t, 500);
	CHECK(test_quiet(&t));
	CHECK(strstr(term_screen(&t), "Welcome") != NULL);	/* F4 reads: it does not go on */
	term_key(&t, VTERM_KEY_ENTER);	/* any key stops the reading; Enter goes on at once */
	CHECK(term_wait(&t, "What do you want help with?"));
	term_key(&t, VTERM_KEY_FUNCTION(1));	/* the help, read over the step: F4 does not close it */
	CHECK(term_wait(&t, "Esc Close the help"));
	term_key(&t, VTERM_KEY_FUNCTION(4));
	term_settle(&t, 300);
	CHECK(strstr(term_screen(&t), "Esc Close the help") != NULL);
	CHECK(test_quiet(&t));
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait_gone(&t, "Esc Close the help"));
	term_key(&t, VTERM_KEY_FUNCTION(2));	/* another language: the footer, and the voice, follow */
	CHECK(term_wait(&t, "Choose a language"));
	CHECK(term_wait(&t, "1. Dansk"));
	term_type(&t, "1");
	CHECK(term_wait(&t, "Hvad vil du have hj\xC3\xA6lp til?"));
	CHECK(term_wait(&t, "F4 L\xC3\xA6s op"));
	term_settle(&t, 500);
	CHECK(test_quiet(&t));
	term_ctrl(&t, 'q');
	CHECK(term_wait(&t, "Vil du stoppe?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 1);
	CHECK(term_restored(&t));
	term_close(&t);
	term_environ(NULL);
}

/* Without --speak: the footer as it always was, and F4 still reads, quietly; --speak-rate is checked. */
static void test_key_only(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "Enter Go on"));
	CHECK(!strstr(term_screen(&t), "F4"));
	term_key(&t, VTERM_KEY_FUNCTION(4));
	term_settle(&t, 800);
	CHECK(test_quiet(&t));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad vil du have hj\xC3\xA6lp til?"));
	kill(t.pid, SIGTERM);
	CHECK_NUM(term_finish(&t), 1);
	term_close(&t);

	term_start(&t, 24, 80, (const char *[]){ "--speak-rate", "20", "wizards/besoeg.yaml", NULL });
	CHECK_NUM(term_finish(&t), 2);
	term_close(&t);
}

/* A kiosk: F4 named at its language screen, where it turns reading aloud on for one person only. */
static void test_kiosk(void)
{
	struct term t;
	term_environ((const char *[]){ "TRIN_LOCALEDIR", "LANGUAGE", NULL });	/* the real catalogues */
	term_start(&t, 24, 80, (const char *[]){ "--kiosk", "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "V\xC3\xA6lg dit sprog"));
	CHECK(term_wait(&t, "F4 L\xC3\xA6s op"));
	term_key(&t, VTERM_KEY_FUNCTION(4));
	term_settle(&t, 500);
	CHECK(test_quiet(&t));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Velkommen"));
	CHECK(term_wait(&t, "F4 L\xC3\xA6s op"));	/* on for this person: every page is read */
	term_key(&t, VTERM_KEY_FUNCTION(10));
	CHECK(term_wait(&t, "Vil du starte forfra?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "V\xC3\xA6lg dit sprog"));
	term_key(&t, VTERM_KEY_ENTER);	/* the next person: off again */
	CHECK(term_wait(&t, "Velkommen"));
	CHECK(term_wait(&t, "Enter Videre"));
	CHECK(!strstr(term_screen(&t), "F4"));
	CHECK(test_quiet(&t));
	kill(t.pid, SIGTERM);
	CHECK_NUM(term_finish(&t), 0);
	CHECK(term_restored(&t));
	term_close(&t);
	term_environ(NULL);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: test-speech-screen TRIN SOURCE_ROOT\n");
		return 2;
	}
	term_setup(argv[1], argv[2]);
	signal(SIGPIPE, SIG_IGN);
	test_speak();
	test_key_only();
	test_kiosk();
	return test_done("test-speech-screen");
}
