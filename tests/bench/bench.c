/*
 * bench: trin measured side by side with the programs shell wizards are built from, in one run, printed
 * as one Markdown table of ratios with the machine it ran on.
 *
 *   bench TRIN SOURCE_ROOT YAML_FLOOR
 *
 * The screens run in a pseudo-terminal read back through libvterm (tests/term.h), as a person's terminal
 * would show them; every key is sent when the screen it answers is shown.  Times are the median of many
 * runs.  CPU time is user + system time of the whole process tree (getrusage of the waited children), which
 * another process on the machine disturbs little; wall time is noted as such, and so are instruction
 * counts (callgrind, when valgrind is installed).  BENCH_QUICK=1 makes every count of runs small.
 *
 * The measures, each with its goal:
 *  1. start to the first complete screen, trin vs `dialog --msgbox`: no slower;
 *  2. a 20-screen walk, trin vs a bash script calling whiptail per screen: 10x less CPU, fewer bytes;
 *  3. `trin check` of generated wizards of 1,000 to 100,000 steps vs a bare libyaml event parse
 *     (yaml-floor.c): within 1.5x in CPU time and 1.2x in instructions, growing linearly; its peak
 *     resident memory at 100,000 steps at most twice the file's size; the screen-fit check at most 20 %
 *     on top of --no-fit;
 *  4. bytes written for one selection move, trin vs dialog: at most half; for one screen change: no more;
 *  5. peak resident memory, trin on virksomhedsform vs `dialog --menu`: no more;
 *  6. reading a page aloud into a WAV file, to its first samples, beside its text alone: no goal, shown.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../term.h"

#define BENCH_ROWS 24
#define BENCH_COLS 80
#define BENCH_MAX_RUNS 64

static const char *bench_trin, *bench_root, *bench_floor;
static char bench_dir[] = "/tmp/trin-bench-XXXXXX";
static bool bench_quick;

/* The table, filled as the measures run, printed at the end. */
struct bench_row {
	char what[160], trin[48], peer[48], ratio[24], goal[24], met[8];
};
static struct bench_row bench_rows[32];
static size_t bench_nrows;

static double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* User + system seconds of every child waited for so far. */
static double bench_children_cpu(void)
{
	struct rusage ru;
	getrusage(RUSAGE_CHILDREN, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
	       (double)ru.ru_stime.tv_usec / 1e6;
}

static int bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double bench_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, bench_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int bench_runs(int n)
{
	return bench_quick ? (n > 3 ? 3 : n) : n;
}

/* A program on the PATH, or NULL. */
static const char *bench_which(const char *name)
{
	static char found[8][512];
	static int next;
	const char *path = getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin";
	while (*path) {
		size_t n = strcspn(path, ":");
		char *f = found[next % 8];
		snprintf(f, sizeof found[0], "%.*s/%s", (int)n, path, name);
		if (n && access(f, X_OK) == 0) {
			next++;
			return f;
		}
		path += n + (path[n] == ':');
	}
	return NULL;
}

static void bench_row(const char *what, const char *trin, const char *peer, double ratio, const char *goal_op,
		      double goal)
{
	struct bench_row *r = &bench_rows[bench_nrows++];
	snprintf(r->what, sizeof r->what, "%s", what);
	snprintf(r->trin, sizeof r->trin, "%s", trin);
	snprintf(r->peer, sizeof r->peer, "%s", peer);
	if (ratio >= 0)
		snprintf(r->ratio, sizeof r->ratio, "%.2f", ratio);
	else
		snprintf(r->ratio, sizeof r->ratio, "n/a");
	if (goal_op) {
		snprintf(r->goal, sizeof r->goal, "%s %.2f", goal_op, goal);
		bool met = ratio >= 0 && (strcmp(goal_op, "<=") == 0 ? ratio <= goal : ratio >= goal);
		snprintf(r->met, sizeof r->met, "%s", ratio < 0 ? "n/a" : met ? "yes" : "**no**");
	} else {
		snprintf(r->goal, sizeof r->goal, "-");
		snprintf(r->met, sizeof r->met, "-");
	}
}

static void bench_write(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", bench_dir, name);
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
}

/* 1. Start to the first complete screen. */

/* Wall seconds from the fork to needle on the screen, and CPU seconds of the process; false if it never came. */
static bool bench_first_screen(const char *prog, const char *const *args, const char *needle, double *wall,
			       double *cpu)
{
	struct term t;
	term_setup(prog, bench_dir);
	double cpu0 = bench_children_cpu(), t0 = bench_now();
	term_start(&t, BENCH_ROWS, BENCH_COLS, args);
	bool ok = term_wait(&t, needle);
	*wall = bench_now() - t0;
	term_close(&t);	/* killed at once: what it spent is what the first screen cost */
	*cpu = bench_children_cpu() - cpu0;
	return ok;
}

static void bench_startup(const char *dialog)
{
	bench_write("one.yaml", "trin: 1\nid: one\ntitle: One screen\nsteps:\n"
				"  - id: done\n    type: end\n    title: Thank you, you are done\n");
	int n = bench_runs(51);
	double tw[BENCH_MAX_RUNS], tc[BENCH_MAX_RUNS], dw[BENCH_MAX_RUNS], dc[BENCH_MAX_RUNS];
	for (int i = 0; i < n; i++) {	/* interleaved, so that a busy moment hits both alike */
		if (!bench_first_screen(bench_trin, (const char *[]){ "one.yaml", NULL }, "Thank you, you are done",
					&tw[i], &tc[i]))
			exit(1);
		if (dialog && !bench_first_screen(dialog,
						  (const char *[]){ "--msgbox", "Thank you, you are done", "10", "40",
								    NULL },
						  "Thank you, you are done", &dw[i], &dc[i]))
			exit(1);
	}
	char what[160], a[48], b[48] = "not installed";
	double w = bench_median(tw, n), c = bench_median(tc, n), dwm = dialog ? bench_median(dw, n) : -1,
	       dcm = dialog ? bench_median(dc, n) : -1;
	snprintf(what, sizeof what, "1. start to first complete screen, **wall** ms, median of %d (vs `dialog --msgbox`)",
		 n);
	snprintf(a, sizeof a, "%.1f", w * 1e3);
	if (dialog)
		snprintf(b, sizeof b, "%.1f", dwm * 1e3);
	bench_row(what, a, b, dialog ? w / dwm : -1, "<=", 1);
	snprintf(what, sizeof what, "1. the same, **CPU** ms of the process, median of %d", n);
	snprintf(a, sizeof a, "%.1f", c * 1e3);
	if (dialog)
		snprintf(b, sizeof b, "%.1f", dcm * 1e3);
	bench_row(what, a, b, dialog && dcm > 0 ? c / dcm : -1, NULL, 0);
}

/* 2. A 20-screen walk. */

enum bench_kind { BENCH_MENU, BENCH_YESNO, BENCH_INPUT };

/* The one table both walks are made from. */
static const struct {
	enum bench_kind kind;
	const char *question;
} bench_screens[20] = {
	{ BENCH_MENU, "Do you start alone or with others?" },
	{ BENCH_YESNO, "Do you have a CVR number already?" },
	{ BENCH_INPUT, "What is the name of your business?" },
	{ BENCH_MENU, "Which trade is your business in?" },
	{ BENCH_YESNO, "Will you have employees this year?" },
	{ BENCH_MENU, "How much do you expect to sell for?" },
	{ BENCH_INPUT, "Which town is the business in?" },
	{ BENCH_YESNO, "Do you sell to other countries?" },
	{ BENCH_MENU, "How do you want to pay tax on the profit?" },
	{ BENCH_YESNO, "Do you have a business bank account?" },
	{ BENCH_INPUT, "Who is the contact person?" },
	{ BENCH_MENU, "How much money can you put in?" },
	{ BENCH_YESNO, "Do you want to register for VAT?" },
	{ BENCH_MENU, "Who keeps the accounts?" },
	{ BENCH_INPUT, "What is your phone number?" },
	{ BENCH_YESNO, "Do you need a permit for your trade?" },
	{ BENCH_MENU, "When do you want to start?" },
	{ BENCH_YESNO, "Have you read the rules on liability?" },
	{ BENCH_INPUT, "What is your e-mail address?" },
	{ BENCH_MENU, "How did you hear about this guide?" },
};
static const char *const bench_labels[3] = { "The first answer", "The second answer", "The third answer" };

static void bench_write_walks(void)
{
	static char y[16384], s[16384];
	size_t oy = 0, os = 0;
	oy += (size_t)snprintf(y + oy, sizeof y - oy, "trin: 1\nid: walk\ntitle: Twenty screens\nsteps:\n");
	os += (size_t)snprintf(s + os, sizeof s - os, "#!/bin/bash\n# twenty screens, one whiptail each\n");
	for (int i = 0; i < 20; i++) {
		const char *q = bench_screens[i].question;
		switch (bench_screens[i].kind) {
		case BENCH_MENU:
			oy += (size_t)snprintf(y + oy, sizeof y - oy,
					       "  - id: s%d\n    type: choice\n    title: \"%s\"\n    choices:\n"
					       "      - {value: a, label: %s}\n      - {value: b, label: %s}\n"
					       "      - {value: c, label: %s}\n",
					       i, q, bench_labels[0], bench_labels[1], bench_labels[2]);
			os += (size_t)snprintf(s + os, sizeof s - os,
					       "a%d=$(whiptail --title 'Twenty screens' --menu '%s' 14 60 3 a '%s' b '%s' "
					       "c '%s' 3>&1 1>&2 2>&3) || exit 1\n",
					       i, q, bench_labels[0], bench_labels[1], bench_labels[2]);
			break;
		case BENCH_YESNO:
			oy += (size_t)snprintf(y + oy, sizeof y - oy, "  - id: s%d\n    type: yesno\n    title: \"%s\"\n",
					       i, q);
			os += (size_t)snprintf(s + os, sizeof s - os,
					       "whiptail --title 'Twenty screens' --yesno '%s' 10 60; a%d=$?\n", q, i);
			break;
		case BENCH_INPUT:
			oy += (size_t)snprintf(y + oy, sizeof y - oy, "  - id: s%d\n    type: text\n    title: \"%s\"\n",
					       i, q);
			os += (size_t)snprintf(s + os, sizeof s - os,
					       "a%d=$(whiptail --title 'Twenty screens' --inputbox '%s' 10 60 3>&1 1>&2 2>&3) "
					       "|| exit 1\n",
					       i, q);
			break;
		}
	}
	oy += (size_t)snprintf(y + oy, sizeof y - oy, "  - id: done\n    type: end\n    title: Thank you, that was all\n");
	os += (size_t)snprintf(s + os, sizeof s - os,
			       "whiptail --title 'Twenty screens' --msgbox 'Thank you, that was all' 10 60\n");
	bench_write("walk.yaml", y);
	bench_write("walk.sh", s);
}

/* Walk the twenty screens in prog; wall and CPU seconds, and bytes written to the terminal. */
static bool bench_walk_once(const char *prog, const char *arg, double *wall, double *cpu, double *bytes)
{
	struct term t;
	term_setup(prog, bench_dir);
	double cpu0 = bench_children_cpu(), t0 = bench_now();
	term_start(&t, BENCH_ROWS, BENCH_COLS, (const char *[]){ arg, NULL });
	for (int i = 0; i < 20; i++) {
		if (!term_wait(&t, bench_screens[i].question))
			return false;
		switch (bench_screens[i].kind) {
		case BENCH_MENU:
			term_key(&t, VTERM_KEY_DOWN);
			term_settle(&t, 10);
			break;
		case BENCH_YESNO:
			break;
		case BENCH_INPUT:
			term_type(&t, "Ida");
			term_settle(&t, 10);
			break;
		}
		term_key(&t, VTERM_KEY_ENTER);
	}
	if (!term_wait(&t, "Thank you, that was all"))
		return false;
	term_key(&t, VTERM_KEY_ENTER);
	int status = term_finish(&t);
	*wall = bench_now() - t0;
	*bytes = (double)t.bytes;
	term_close(&t);
	*cpu = bench_children_cpu() - cpu0;
	if (status != 0)
		printf("%s %s ended with status %d\n", prog, arg, status);
	return status == 0;
}

static void bench_walk(const char *whiptail, const char *bash)
{
	bench_write_walks();
	int n = bench_runs(11);
	double tw[BENCH_MAX_RUNS], tc[BENCH_MAX_RUNS], tb[BENCH_MAX_RUNS], ww[BENCH_MAX_RUNS], wc[BENCH_MAX_RUNS],
		wb[BENCH_MAX_RUNS];
	bool peer = whiptail && bash;
	for (int i = 0; i < n; i++) {
		if (!bench_walk_once(bench_trin, "walk.yaml", &tw[i], &tc[i], &tb[i]))
			exit(1);
		if (peer && !bench_walk_once(bash, "walk.sh", &ww[i], &wc[i], &wb[i]))
			exit(1);
	}
	double mtw = bench_median(tw, n), mtc = bench_median(tc, n), mtb = bench_median(tb, n);
	double mww = peer ? bench_median(ww, n) : -1, mwc = peer ? bench_median(wc, n) : -1,
	       mwb = peer ? bench_median(wb, n) : -1;
	char what[160], a[48], b[48] = "not installed";
	snprintf(what, sizeof what, "2. 20-screen walk, **wall** ms, median of %d (vs bash + whiptail per screen)", n);
	snprintf(a, sizeof a, "%.0f", mtw * 1e3);
	if (peer)
		snprintf(b, sizeof b, "%.0f", mww * 1e3);
	bench_row(what, a, b, peer ? mtw / mww : -1, NULL, 0);
	snprintf(what, sizeof what, "2. the same, **CPU** ms of the whole process tree, median of %d; ratio = whiptail / trin", n);
	snprintf(a, sizeof a, "%.1f", mtc * 1e3);
	if (peer)
		snprintf(b, sizeof b, "%.1f", mwc * 1e3);
	bench_row(what, a, b, peer && mtc > 0 ? mwc / mtc : -1, ">=", 10);
	snprintf(what, sizeof what, "2. the same, bytes written to the terminal, median of %d", n);
	snprintf(a, sizeof a, "%.0f", mtb);
	if (peer)
		snprintf(b, sizeof b, "%.0f", mwb);
	bench_row(what, a, b, peer ? mtb / mwb : -1, "<=", 1);
}

/* 3. Loading and checking large wizards. */

/* Run argv with output thrown away; its CPU seconds, or -1 when it failed; its peak resident memory (VmHWM)
 * in KiB in *peak_kib when that is not NULL. */
static double bench_run_cpu(const char *const *argv, int want_status, long *peak_kib)
{
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(99);
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execv(argv[0], (char *const *)argv);
		_exit(97);
	}
	int st;
	struct rusage ru;
	while (wait4(pid, &st, 0, &ru) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != want_status) {
		fprintf(stderr, "%s %s: status %d\n", argv[0], argv[1], WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		return -1;
	}
	if (peak_kib)
		*peak_kib = ru.ru_maxrss;	/* the waited process's high-water mark, as VmHWM shows it */
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
	       (double)ru.ru_stime.tv_usec / 1e6;
}

/* Instructions of argv under callgrind, or -1 (no valgrind, or it failed). */
static double bench_instructions(const char *valgrind, const char *const *argv)
{
	if (!valgrind)
		return -1;
	char cmd[4096], out[64] = "";
	size_t o = (size_t)snprintf(cmd, sizeof cmd, "%s --tool=callgrind --callgrind-out-file=/dev/null", valgrind);
	for (const char *const *a = argv; *a; a++)
		o += (size_t)snprintf(cmd + o, sizeof cmd - o, " '%s'", *a);
	snprintf(cmd + o, sizeof cmd - o, " 2>&1 >/dev/null | sed -n 's/.*Collected : *//p'");
	FILE *p = popen(cmd, "r");
	if (!p)
		return -1;
	if (!fgets(out, sizeof out, p))
		out[0] = '\0';
	pclose(p);
	return out[0] ? atof(out) : -1;
}

static void bench_load(const char *valgrind)
{
	static const int sizes[] = { 1000, 10000, 100000 };
	static const int runs[] = { 21, 11, 7 };
	double per_step[3];
	for (size_t k = 0; k < 3; k++) {
		char file[256], cmd[1024], limit[32];
		snprintf(file, sizeof file, "%s/w%d.yaml", bench_dir, sizes[k]);
		snprintf(cmd, sizeof cmd, "python3 '%s/tests/bench/genwizard.py' %d >'%s'", bench_root, sizes[k], file);
		if (system(cmd) != 0) {
			fprintf(stderr, "cannot run: %s\n", cmd);
			exit(99);
		}
		struct stat st;
		stat(file, &st);
		snprintf(limit, sizeof limit, "%lld", (long long)st.st_size + 1);
		const char *check[] = { bench_trin, "check", "--no-fit", "--max-file-size", limit, file, NULL };
		const char *full[] = { bench_trin, "check", "--max-file-size", limit, file, NULL };
		const char *floor[] = { bench_floor, file, NULL };
		int n = bench_runs(runs[k]);
		double tc[BENCH_MAX_RUNS], fc[BENCH_MAX_RUNS], xc[BENCH_MAX_RUNS];
		long peak = 0;
		for (int i = 0; i < n; i++) {
			if ((tc[i] = bench_run_cpu(check, 0, &peak)) < 0 || (fc[i] = bench_run_cpu(floor, 0, NULL)) < 0 ||
			    (xc[i] = bench_run_cpu(full, 0, NULL)) < 0)
				exit(1);
		}
		double t = bench_median(tc, n), f = bench_median(fc, n), x = bench_median(xc, n);
		per_step[k] = t / sizes[k];
		char what[160], a[48], b[48];
		snprintf(what, sizeof what,
			 "3. load + check, %d steps (%.1f MB), **CPU** ms, median of %d (vs bare libyaml event parse)",
			 sizes[k], (double)st.st_size / 1e6, n);
		snprintf(a, sizeof a, "%.1f", t * 1e3);
		snprintf(b, sizeof b, "%.1f", f * 1e3);
		bench_row(what, a, b, f > 0 ? t / f : -1, "<=", 1.5);
		snprintf(what, sizeof what, "3. the same with the screen-fit check (plain `trin check`), **CPU** ms");
		snprintf(a, sizeof a, "%.1f", x * 1e3);
		bench_row(what, a, b, f > 0 ? x / f : -1, NULL, 0);
		snprintf(what, sizeof what,
			 "3. the screen-fit check's cost, %d steps: plain `trin check` vs `--no-fit`, **CPU** ms", sizes[k]);
		snprintf(b, sizeof b, "%.1f", t * 1e3);
		bench_row(what, a, b, t > 0 ? x / t : -1, "<=", 1.2);
		if (k == 2) {
			snprintf(what, sizeof what,
				 "3. load + check, %d steps, peak resident memory (VmHWM), MB (vs the file's size)",
				 sizes[k]);
			snprintf(a, sizeof a, "%.1f", (double)peak * 1024 / 1e6);
			snprintf(b, sizeof b, "%.1f", (double)st.st_size / 1e6);
			bench_row(what, a, b, (double)peak * 1024 / (double)st.st_size, "<=", 2);
		}
		if (k < 2 && valgrind && !bench_quick) {
			double ti = bench_instructions(valgrind, check), fi = bench_instructions(valgrind, floor),
			       xi = bench_instructions(valgrind, full);
			snprintf(what, sizeof what, "3. load + check, %d steps, **instructions** (callgrind), millions",
				 sizes[k]);
			snprintf(a, sizeof a, "%.0f", ti / 1e6);
			snprintf(b, sizeof b, "%.0f", fi / 1e6);
			bench_row(what, a, b, ti > 0 && fi > 0 ? ti / fi : -1, "<=", 1.2);
			snprintf(what, sizeof what,
				 "3. the screen-fit check's cost, %d steps, **instructions**: plain vs `--no-fit`, millions",
				 sizes[k]);
			snprintf(a, sizeof a, "%.0f", xi / 1e6);
			snprintf(b, sizeof b, "%.0f", ti / 1e6);
			bench_row(what, a, b, xi > 0 && ti > 0 ? xi / ti : -1, "<=", 1.2);
		}
	}
	char what[160], a[48];
	snprintf(what, sizeof what, "3. linear: CPU per 1,000 steps at 100,000 vs at 1,000 steps (ms %.2f vs %.2f)",
		 per_step[2] * 1e6, per_step[0] * 1e6);
	snprintf(a, sizeof a, "%.2f", per_step[2] * 1e6);
	bench_row(what, a, "-", per_step[2] / per_step[0], "<=", 1.5);
}

/* 4. Bytes for one selection move and one screen change. */

/* Bytes prog wrote for Down on a menu showing q1, and for Enter on it until q2 shows, each once quiet. */
static bool bench_bytes_once(const char *prog, const char *arg, double *move, double *change)
{
	struct term t;
	term_setup(prog, bench_dir);
	term_start(&t, BENCH_ROWS, BENCH_COLS, (const char *[]){ arg, NULL });
	if (!term_wait(&t, "Which trade is your business in?"))
		return false;
	term_settle(&t, 100);
	size_t before = t.bytes;
	term_key(&t, VTERM_KEY_DOWN);
	term_settle(&t, 100);
	*move = (double)(t.bytes - before);
	before = t.bytes;
	term_key(&t, VTERM_KEY_ENTER);
	if (!term_wait(&t, "How much do you expect to sell for?"))
		return false;
	term_settle(&t, 100);
	*change = (double)(t.bytes - before);
	term_close(&t);
	return true;
}

static void bench_bytes(const char *dialog)
{
	char y[2048], s[2048];
	snprintf(y, sizeof y,
		 "trin: 1\nid: bytes\ntitle: Two menus\nsteps:\n"
		 "  - id: trade\n    type: choice\n    title: Which trade is your business in?\n    choices:\n"
		 "      - {value: a, label: %s}\n      - {value: b, label: %s}\n      - {value: c, label: %s}\n"
		 "  - id: sales\n    type: choice\n    title: How much do you expect to sell for?\n    choices:\n"
		 "      - {value: a, label: %s}\n      - {value: b, label: %s}\n      - {value: c, label: %s}\n"
		 "  - id: done\n    type: end\n    title: Thank you\n",
		 bench_labels[0], bench_labels[1], bench_labels[2], bench_labels[0], bench_labels[1], bench_labels[2]);
	bench_write("bytes.yaml", y);
	snprintf(s, sizeof s,
		 "#!/bin/bash\n"
		 "dialog --title 'Two menus' --menu 'Which trade is your business in?' 14 60 3 a '%s' b '%s' c '%s' "
		 "2>/dev/null || exit 1\n"
		 "dialog --title 'Two menus' --menu 'How much do you expect to sell for?' 14 60 3 a '%s' b '%s' c '%s' "
		 "2>/dev/null\n",
		 bench_labels[0], bench_labels[1], bench_labels[2], bench_labels[0], bench_labels[1], bench_labels[2]);
	bench_write("bytes.sh", s);
	const char *bash = bench_which("bash");
	int n = bench_runs(5);
	double tm[BENCH_MAX_RUNS], tch[BENCH_MAX_RUNS], dm[BENCH_MAX_RUNS], dch[BENCH_MAX_RUNS];
	for (int i = 0; i < n; i++) {
		if (!bench_bytes_once(bench_trin, "bytes.yaml", &tm[i], &tch[i]))
			exit(1);
		if (dialog && bash && !bench_bytes_once(bash, "bytes.sh", &dm[i], &dch[i]))
			exit(1);
	}
	bool peer = dialog && bash;
	double a1 = bench_median(tm, n), a2 = bench_median(tch, n), b1 = peer ? bench_median(dm, n) : -1,
	       b2 = peer ? bench_median(dch, n) : -1;
	char what[160], a[48], b[48] = "not installed";
	snprintf(what, sizeof what, "4. bytes for one selection move (Down on a menu), median of %d (vs dialog)", n);
	snprintf(a, sizeof a, "%.0f", a1);
	if (peer)
		snprintf(b, sizeof b, "%.0f", b1);
	bench_row(what, a, b, peer && b1 > 0 ? a1 / b1 : -1, "<=", 0.5);
	snprintf(what, sizeof what,
		 "4. bytes for one screen change (Enter to the next menu; dialog: the next dialog), median of %d", n);
	snprintf(a, sizeof a, "%.0f", a2);
	if (peer)
		snprintf(b, sizeof b, "%.0f", b2);
	bench_row(what, a, b, peer && b2 > 0 ? a2 / b2 : -1, "<=", 1);
}

/* 5. Peak memory. */

/* The peak resident set (VmHWM) of pid in KiB, or -1. */
static long bench_peak_kib(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long kib = -1;
	while (f && fgets(line, sizeof line, f))
		if (strncmp(line, "VmHWM:", 6) == 0)
			kib = atol(line + 6);
	if (f)
		fclose(f);
	return kib;
}

/*
 * One run's peak: trin shows the welcome, then the first question and a move; dialog its menu and a
 * move.  Where the kernel places each library differs between runs (address randomization), and with it
 * how many pages it maps around those touched: a run's peak moves by tens of KiB, at times a hundred.
 */
static long bench_memory_run(const char *program, const char *wizard)
{
	struct term t;
	term_setup(program, bench_dir);
	if (wizard) {
		term_start(&t, BENCH_ROWS, BENCH_COLS, (const char *[]){ wizard, NULL });
		if (!term_wait(&t, "Find den virksomhedsform"))
			exit(1);
		term_key(&t, VTERM_KEY_ENTER);
	} else {
		term_start(&t, BENCH_ROWS, BENCH_COLS,
			   (const char *[]){ "--title", "Vælg virksomhedsform", "--menu",
					     "Starter du alene eller sammen med andre?", "14", "60", "2", "alene",
					     "Jeg starter alene", "flere", "Vi er to eller flere ejere", NULL });
	}
	if (!term_wait(&t, "Starter du alene eller sammen med andre?"))
		exit(1);
	term_key(&t, VTERM_KEY_DOWN);
	term_settle(&t, 100);
	long kib = bench_peak_kib(t.pid);
	term_close(&t);
	return kib;
}

static void bench_memory(const char *dialog)
{
	char wizard[512];
	snprintf(wizard, sizeof wizard, "%s/wizards/virksomhedsform.yaml", bench_root);
	int n = bench_runs(11);
	double trin[BENCH_MAX_RUNS], peer[BENCH_MAX_RUNS];
	for (int i = 0; i < n; i++) {
		trin[i] = (double)bench_memory_run(bench_trin, wizard);
		peer[i] = dialog ? (double)bench_memory_run(dialog, NULL) : -1;
	}
	double mt = bench_median(trin, n), mp = dialog ? bench_median(peer, n) : -1;
	char what[160], a[48], b[48] = "not installed";
	snprintf(what, sizeof what, "5. peak resident memory (VmHWM), MiB, median of %d: trin on virksomhedsform vs "
		 "`dialog --menu`", n);
	snprintf(a, sizeof a, "%.2f", mt / 1024);
	if (dialog)
		snprintf(b, sizeof b, "%.2f", mp / 1024);
	bench_row(what, a, b, dialog && mp > 0 && mt > 0 ? mt / mp : -1, "<=", 1);
}

/*
 * 6. Reading aloud, in the WAV-writing mode (`trin speak --output`, which renders a page as the read-aloud
 * key F4 does, into a file instead of the sound device): wall time from asking for the page to its first
 * samples reaching the file (inotify's first IN_MODIFY: the header and the first samples leave stdio's
 * buffer together, about 90 ms of sound), espeak-ng loaded and its voice chosen on the way, as on F4's
 * first press; beside it, the same page's text alone (`trin speak --print`, start to exit), so that the
 * cost of speech stands out.  "not available" without espeak-ng or its Danish voice.
 */
static void bench_speech(void)
{
	char wizard[512], wav[512];
	snprintf(wizard, sizeof wizard, "%s/wizards/virksomhedsform.yaml", bench_root);
	snprintf(wav, sizeof wav, "%s/speech.wav", bench_dir);
	int n = bench_runs(21), got = 0;
	double first[BENCH_MAX_RUNS], text[BENCH_MAX_RUNS];
	for (int i = 0; i < n; i++) {	/* interleaved, so that a busy moment hits both alike */
		double took[2] = { -1, -1 };	/* the text alone, the WAV */
		for (int speak = 0; speak < 2; speak++) {
			int in = -1, fd = speak ? open(wav, O_WRONLY | O_CREAT | O_TRUNC, 0600) : 0;
			if (fd < 0 || (speak && ((in = inotify_init1(IN_CLOEXEC)) < 0 ||
						 inotify_add_watch(in, wav, IN_MODIFY) < 0))) {
				perror(wav);
				exit(99);
			}
			if (speak)
				close(fd);
			const char *argv[] = { "trin", "--lang", "da", "speak", speak ? "--output" : "--print",
					       speak ? wav : wizard, speak ? wizard : "ejere", speak ? "ejere" : NULL, NULL };
			int ended[2];	/* its write end held by trin alone: closed when trin ends */
			if (pipe(ended) != 0)
				exit(99);
			double t0 = bench_now();
			pid_t pid = fork();
			if (pid == 0) {
				int null = open("/dev/null", O_RDWR);
				dup2(null, 0), dup2(null, 1), dup2(null, 2);
				close(ended[0]);
				execv(bench_trin, (char **)argv);
				_exit(127);
			}
			close(ended[1]);
			struct pollfd pfd[2] = { { ended[0], POLLIN, 0 }, { in, POLLIN, 0 } };
			if (speak && poll(pfd, 2, 20000) > 0 && (pfd[1].revents & POLLIN))
				took[speak] = bench_now() - t0;	/* the first samples came before trin ended */
			int st;
			waitpid(pid, &st, 0);
			if (!speak)
				took[speak] = bench_now() - t0;
			close(ended[0]);
			if (in >= 0)
				close(in);
			if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
				took[speak] = -1;
		}
		if (took[0] >= 0 && took[1] >= 0) {
			text[got] = took[0];
			first[got++] = took[1];
		}
	}
	char what[160], a[48] = "not available", b[48] = "-";
	snprintf(what, sizeof what, "6. read aloud into a WAV (`trin speak --output`) to its first samples, **wall** ms, "
		 "median of %d (vs the text alone, `--print`)", got);
	double fm = got ? bench_median(first, got) : -1, tm = got ? bench_median(text, got) : -1;
	if (got) {
		snprintf(a, sizeof a, "%.1f", fm * 1e3);
		snprintf(b, sizeof b, "%.1f", tm * 1e3);
	}
	bench_row(what, a, b, got && tm > 0 ? fm / tm : -1, NULL, 0);
}

/* The machine and the date, then the table. */
static void bench_print(void)
{
	struct utsname u;
	uname(&u);
	char cpu[256] = "unknown", line[512];
	FILE *f = fopen("/proc/cpuinfo", "r");
	while (f && fgets(line, sizeof line, f)) {
		if (strncmp(line, "model name", 10) == 0) {
			char *v = strchr(line, ':');
			snprintf(cpu, sizeof cpu, "%.200s", v ? v + 2 : line);
			cpu[strcspn(cpu, "\n")] = '\0';
			break;
		}
	}
	if (f)
		fclose(f);
	double load[3] = { 0 };
	getloadavg(load, 3);
	char date[64];
	time_t now = time(NULL);
	strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime(&now));
	printf("\n%s; %s %s, %s, %ld cores; load average %.2f at the end%s\n\n", date, u.sysname, u.machine, cpu,
	       sysconf(_SC_NPROCESSORS_ONLN), load[0], bench_quick ? "; BENCH_QUICK (few runs)" : "");
	printf("| measure | trin | peer | ratio | goal | met |\n|---|--:|--:|--:|--:|:-:|\n");
	for (size_t i = 0; i < bench_nrows; i++) {
		const struct bench_row *r = &bench_rows[i];
		printf("| %s | %s | %s | %s | %s | %s |\n", r->what, r->trin, r->peer, r->ratio, r->goal, r->met);
	}
	printf("\nRatios are trin / peer (for 2's CPU: peer / trin).  Wall times include the "
	       "key round trips through the pseudo-terminal; CPU times are user + system of the whole process "
	       "tree.\n");
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: bench TRIN SOURCE_ROOT YAML_FLOOR\n", stderr);
		return 2;
	}
	/* absolute, as the programs run in a folder of their own */
	static char paths[3][PATH_MAX];
	for (int i = 0; i < 3; i++) {
		if (!realpath(argv[i + 1], paths[i])) {
			perror(argv[i + 1]);
			return 2;
		}
	}
	bench_trin = paths[0];
	bench_root = paths[1];
	bench_floor = paths[2];
	bench_quick = getenv("BENCH_QUICK") && *getenv("BENCH_QUICK") && strcmp(getenv("BENCH_QUICK"), "0") != 0;
	if (!mkdtemp(bench_dir)) {
		perror("mkdtemp");
		return 99;
	}
	signal(SIGPIPE, SIG_IGN);
	const char *dialog = bench_which("dialog"), *whiptail = bench_which("whiptail"), *bash = bench_which("bash"),
		   *valgrind = bench_which("valgrind");
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("trin benchmarks: peers %s, %s; instructions %s\n", dialog ? dialog : "(no dialog)",
	       whiptail ? whiptail : "(no whiptail)", valgrind ? "by callgrind" : "not counted (no valgrind)");
	bench_startup(dialog);
	bench_walk(whiptail, bash);
	bench_bytes(dialog);
	bench_memory(dialog);
	bench_load(valgrind);
	bench_speech();
	bench_print();
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", bench_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", bench_dir);
	return 0;
}
