/*
 * test-monkey: random keys against every bundled wizard on the full screen.  Arrows, F-keys, Enter, Esc
 * bursts, digits, text, invalid UTF-8, control bytes, unknown escape sequences, a 100 KiB paste and
 * resizes, from a seeded generator, so a failure is replayed by its seed (the bytes sent are the same;
 * only how trin's reads group them can differ).  trin runs with TRIN_DEBUG_CHECK=1, so it aborts as soon
 * as the engine's invariants fail after a key.
 *
 * It fails when trin dies by a signal or with a status other than 0 or 1, when it stops answering (a
 * resize to a tiny window must bring the "too small" notice within the deadline), or when it leaves the
 * terminal unrestored (still on the alternate screen, cursor hidden, or echo and line mode off).
 * A walk that reaches its end or stops is started again, until the actions are used up.
 *
 * No key the terminal itself acts on in line mode is sent (Ctrl-C, Ctrl-\\, Ctrl-Z, Ctrl-O, Ctrl-S): the
 * monkey learns that trin ended only after the fact, and such a key typed after trin restored the terminal
 * would make the line discipline flush trin's last output or signal it -- the terminal's doing, not trin's.
 *
 *   test-monkey TRIN SOURCE_ROOT SEED ACTIONS_PER_WIZARD [WIZARD...]
 */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "term.h"
#include "test.h"

#define MONKEY_PROBE_EVERY 150	/* actions between two checks that trin still answers */
#define MONKEY_PASTE (100 * 1024)
#define MONKEY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t monkey_state;

/* xorshift64*: small, fast and the same everywhere. */
static uint64_t monkey_next(void)
{
	monkey_state ^= monkey_state >> 12;
	monkey_state ^= monkey_state << 25;
	monkey_state ^= monkey_state >> 27;
	return monkey_state * 0x2545F4914F6CDD1DULL;
}

static unsigned monkey_below(unsigned n)
{
	return (unsigned)(monkey_next() % n);
}

/* What the terminal was told to do with the screen and cursor, as libvterm saw it. */
struct monkey_props {
	bool altscreen, cursor_hidden;
};

static int monkey_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	struct monkey_props *p = user;
	if (prop == VTERM_PROP_ALTSCREEN)
		p->altscreen = val->boolean;
	else if (prop == VTERM_PROP_CURSORVISIBLE)
		p->cursor_hidden = !val->boolean;
	return 1;
}

static const VTermScreenCallbacks monkey_callbacks = { .settermprop = monkey_settermprop };

struct monkey_run {
	struct term t;
	struct monkey_props props;
	int rows, cols;
	bool pasted;
};

static void monkey_start(struct monkey_run *m, const char *wizard)
{
	m->rows = 24;
	m->cols = 80;
	m->props = (struct monkey_props){ 0 };
	term_start(&m->t, m->rows, m->cols, (const char *[]){ wizard, NULL });
	vterm_screen_set_callbacks(m->t.screen, &monkey_callbacks, &m->props);
}

/* Whether trin left the terminal as it found it. */
static bool monkey_restored(struct monkey_run *m, const char *wizard)
{
	struct termios tio;
	bool ok = true;
	if (m->props.altscreen || m->props.cursor_hidden) {
		printf("%s: trin ended %s, in a %dx%d window\n", wizard,
		       m->props.altscreen ? "on the alternate screen" : "with the cursor hidden", m->cols, m->rows);
		printf("its last bytes:");
		for (size_t i = 0; i < sizeof m->t.last; i++)
			printf(m->t.last[i] >= 0x20 && m->t.last[i] < 0x7f ? "%c" : "\\x%02x", (unsigned char)m->t.last[i]);
		printf("\n");
		ok = false;
	}
	if (tcgetattr(m->t.fd, &tio) == 0 && (!(tio.c_lflag & ECHO) || !(tio.c_lflag & ICANON))) {
		printf("%s: trin ended with echo or line mode off\n", wizard);
		ok = false;
	}
	return ok;
}

/* One random action. */
static void monkey_act(struct monkey_run *m)
{
	static const VTermKey keys[] = { VTERM_KEY_UP, VTERM_KEY_DOWN, VTERM_KEY_LEFT, VTERM_KEY_RIGHT,
					 VTERM_KEY_HOME, VTERM_KEY_END, VTERM_KEY_PAGEUP, VTERM_KEY_PAGEDOWN,
					 VTERM_KEY_TAB, VTERM_KEY_BACKSPACE, VTERM_KEY_DEL, VTERM_KEY_INS };
	static const char *const words[] = { "ja", "nej", "40000", "12,5", "2025-02-27", "27-02-2025", "Ida",
					     "æøå ÆØÅ", "日本語", "👩‍👩‍👧", "e\xCC\x81", "\xC2\xAD", "-1", "0" };
	static const char *const junk[] = { "\xff", "\xfe\xfe", "\xc3\x28", "\xa0\xa1", "\xe2\x28\xa1", "\xf0\x28\x8c\xbc",
					    "\xf8\x88\x80\x80\x80", "\xed\xa0\x80", "\xc0\x80", "\x1b[99~", "\x1b[1;5Z",
					    "\x1bOZ", "\x1b[?1049l", "\x1b[200~", "\x1b[201~", "\x1b]0;x\x07", "\x1b[6n",
					    "\x1b[M   ", "\x1b\x1b[A", "\x1b[", "\x1bO", "\x00", "\x7f" };
	unsigned r = monkey_below(100);
	if (r < 22) {
		term_key(&m->t, keys[monkey_below(MONKEY_LEN(keys))]);
	} else if (r < 40) {
		term_key(&m->t, VTERM_KEY_ENTER);
	} else if (r < 50) {
		char d[2] = { (char)('1' + monkey_below(9)), 0 };
		term_type(&m->t, d);
	} else if (r < 56) {
		term_type(&m->t, " ");
	} else if (r < 64) {
		term_type(&m->t, words[monkey_below(MONKEY_LEN(words))]);
	} else if (r < 70) {
		int k = 1 + (int)monkey_below(12);
		if (k == 10 && monkey_below(4))	/* F10 stops: now and then only, to get far into a walk */
			k = 1;
		term_key(&m->t, VTERM_KEY_FUNCTION(k));
	} else if (r < 76) {
		for (unsigned n = 1 + monkey_below(5); n > 0; n--)
			term_key(&m->t, VTERM_KEY_ESCAPE);
	} else if (r < 84) {
		const char *j = junk[monkey_below(MONKEY_LEN(junk))];
		term_write(&m->t, j, j[0] ? strlen(j) : 1);
	} else if (r < 88) {
		static const char ctrl[] = "abdefhiklnprtuvwxy";
		char c = ctrl[monkey_below(sizeof ctrl - 1)];
		term_ctrl(&m->t, c);
	} else if (r < 91 && !monkey_below(3)) {
		term_ctrl(&m->t, 'q');
	} else if (r < 97) {
		m->rows = 1 + (int)monkey_below(60);
		m->cols = 2 + (int)monkey_below(199);	/* libvterm 0.1.4 itself can crash on a 1-column screen */
		if (monkey_below(2)) {
			m->rows = 24;
			m->cols = 80;
		}
		term_resize(&m->t, m->rows, m->cols);
	} else if (!m->pasted && r == 99) {
		/* a 100 KiB paste of text without line breaks, once a walk */
		static char paste[MONKEY_PASTE];
		static const char alphabet[] = "abc xyz 123 ,.-";
		for (size_t i = 0; i < sizeof paste; i++)
			paste[i] = alphabet[monkey_below(sizeof alphabet - 1)];
		m->pasted = true;
		term_write(&m->t, paste, sizeof paste);
	} else {
		term_type(&m->t, "?");
	}
}

/*
 * Whether trin still answers: a window too small must bring its notice, and going back must clear it.
 * True too when trin ended meanwhile (the keys before asked it to): the caller sees the status.
 */
static bool monkey_alive(struct monkey_run *m)
{
	term_resize(&m->t, 6, 20);
	long end = term_now_ms() + term_deadline_ms();
	bool seen = false;
	while (!(seen = strstr(term_screen(&m->t), "Please make the") != NULL) && term_now_ms() < end) {
		if (term_ended(&m->t) >= 0)
			return true;
		term_pump(&m->t, 20);
	}
	m->rows = 24;
	m->cols = 80;
	term_resize(&m->t, m->rows, m->cols);
	if (!seen) {
		term_dump(&m->t);
		return false;
	}
	return term_wait_gone(&m->t, "Please make the") || term_ended(&m->t) >= 0;
}

/* Random actions against one wizard; false on a failure, which has been reported. */
static bool monkey_wizard(const char *wizard, uint64_t seed, unsigned actions, unsigned *walks)
{
	struct monkey_run m = { 0 };
	monkey_start(&m, wizard);
	bool ok = term_wait(&m.t, "\xE2\x94\x80");	/* the rule under the title: the screen is up */
	for (unsigned i = 0; ok && i < actions; i++) {
		monkey_act(&m);
		term_pump(&m.t, 0);
		int st = term_ended(&m.t);
		bool alive = st >= 0 || (i + 1) % MONKEY_PROBE_EVERY || monkey_alive(&m);
		if (st < 0)
			st = m.t.status;
		if (!alive) {
			char path[64], stat[256] = "";
			snprintf(path, sizeof path, "/proc/%d/stat", (int)m.t.pid);
			FILE *f = fopen(path, "r");
			if (f) {
				if (!fgets(stat, sizeof stat, f))
					stat[0] = '\0';
				fclose(f);
			}
			printf("%s: seed %llu, action %u: trin stopped answering (%s)\n", wizard, (unsigned long long)seed,
			       i, stat);
			ok = false;
		} else if (st > 1) {
			printf("%s: seed %llu, action %u: trin ended with status %d\n", wizard, (unsigned long long)seed,
			       i, st);
			term_dump(&m.t);
			ok = false;
		} else if (st >= 0) {
			ok = monkey_restored(&m, wizard);
			term_close(&m.t);
			(*walks)++;
			monkey_start(&m, wizard);
			ok = ok && term_wait(&m.t, "\xE2\x94\x80");
		}
	}
	if (ok) {
		term_resize(&m.t, 24, 80);
		term_settle(&m.t, 20);
		for (int tries = 0; tries < 3 && term_ended(&m.t) < 0; tries++) {
			term_ctrl(&m.t, 'q');
			long end = term_now_ms() + term_deadline_ms() / 2;
			while (!strstr(term_screen(&m.t), "Do you want to stop?") && term_now_ms() < end &&
			       term_ended(&m.t) < 0)
				term_pump(&m.t, 20);
			if (m.t.status < 0 && strstr(term_screen(&m.t), "Do you want to stop?"))
				term_key(&m.t, VTERM_KEY_ENTER);
			term_settle(&m.t, 50);
		}
		int st = m.t.status >= 0 ? m.t.status : term_finish(&m.t);
		if (st != 0 && st != 1) {
			printf("%s: seed %llu: trin did not stop cleanly at the end (status %d)\n", wizard,
			       (unsigned long long)seed, st);
			ok = false;
		}
		ok = ok && monkey_restored(&m, wizard);
		(*walks)++;
	}
	term_close(&m.t);
	return ok;
}

static int monkey_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: test-monkey TRIN SOURCE_ROOT SEED ACTIONS_PER_WIZARD [WIZARD...]\n");
		return 2;
	}
	term_setup(argv[1], argv[2]);
	uint64_t seed = strtoull(argv[3], NULL, 10);
	unsigned actions = (unsigned)strtoul(argv[4], NULL, 10);
	signal(SIGPIPE, SIG_IGN);
	setenv("TRIN_DEBUG_CHECK", "1", 1);

	char *wizards[64];
	int n = 0;
	for (int i = 5; i < argc && n < (int)MONKEY_LEN(wizards); i++)
		wizards[n++] = strdup(argv[i]);
	if (argc == 5) {
		char dir[4096];
		snprintf(dir, sizeof dir, "%s/wizards", argv[2]);
		DIR *d = opendir(dir);
		struct dirent *de;
		while (d && (de = readdir(d)) && n < (int)MONKEY_LEN(wizards)) {
			size_t len = strlen(de->d_name);
			if (len > 5 && strcmp(de->d_name + len - 5, ".yaml") == 0) {
				char *p = malloc(len + sizeof "wizards/");
				sprintf(p, "wizards/%s", de->d_name);
				wizards[n++] = p;
			}
		}
		if (d)
			closedir(d);
		qsort(wizards, (size_t)n, sizeof *wizards, monkey_cmp);
	}
	CHECK(n > 0);
	long start = term_now_ms();
	unsigned walks = 0;
	for (int i = 0; i < n; i++) {
		monkey_state = (seed + 1) * 0x9E3779B97F4A7C15ULL ^ (uint64_t)(i + 1);
		CHECK(monkey_wizard(wizards[i], seed, actions, &walks));
		free(wizards[i]);
	}
	printf("test-monkey: seed %llu: %u actions on each of %d wizards, %u walks, in %ld ms\n",
	       (unsigned long long)seed, actions, n, walks, term_now_ms() - start);
	return test_done("test-monkey");
}
