/*
 * util: memory that cannot fail, an arena that frees everything at once, and a string map.
 *
 * Out of memory aborts in one place (util_oom).  Nothing here knows about wizards or terminals.
 * Arena memory lives until arena_free(); strmap keys are borrowed and must outlive the map.
 */
#ifndef TRIN_UTIL_H
#define TRIN_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <string.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Wipe a string that may hold what a person typed, then free it.  NULL is a no-op. */
void xfree_wiped(char *s);
/* Wipe 16 KiB of the stack below the caller: what functions it called left there of what a person typed. */
void util_wipe_stack(void);
/* util_grow when *v must grow: out of line, as it is rare. */
void util_grow_to(void **v, size_t *cap, size_t need, size_t elem);
/* Grow *v (of *cap elements of elem bytes) so that it holds at least need elements. */
static inline void util_grow(void **v, size_t *cap, size_t need, size_t elem)
{
	if (need > *cap)	/* (most calls have room: no call) */
		util_grow_to(v, cap, need, elem);
}
/* The same for a text that may hold what a person typed: grown into a new block, the old one wiped. */
void util_grow_wiped(char **v, size_t *cap, size_t need);

struct arena_chunk;
struct arena {
	struct arena_chunk *head;
	size_t used;	/* bytes used in head */
	size_t total;	/* bytes handed out, for measurement */
	size_t ready;	/* bytes of head faulted in ahead of use (util_prefault) */
	bool unwiped;	/* it holds nothing a person typed (a wizard's own file): freed without wiping */
};

/*
 * Memory at p, used up to used bytes of its size, about to be written further: when used has reached
 * *ready, the pages of the next stretch are faulted in with one call (and *ready moved past them), since a
 * fault on each page as it is first written costs more than the writing.  Only a hint: where the system
 * cannot be asked so, nothing happens.  Memory under 1 MiB is faulted in as it is written: *ready becomes
 * its size at once.  util_prefault_next is the part past the first test, out of line.
 */
void util_prefault_next(void *p, size_t size, size_t used, size_t *ready);
static inline void util_prefault(void *p, size_t size, size_t used, size_t *ready)
{
	if (used >= *ready)	/* (most calls are inside what was done: no call) */
		util_prefault_next(p, size, used, ready);
}

/* Zeroed, 16-byte aligned memory that lives until arena_free(). */
void *arena_alloc(struct arena *a, size_t size);
/* Copies of strings, not aligned. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into the arena, not aligned. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Free everything in the arena, wiped first (unless unwiped is set): formatted texts may hold a person's
 * answers.  The arena can be used again after. */
void arena_free(struct arena *a);
/* As arena_free, but the newest chunk is kept, zeroed, for what comes next: an arena used over and over. */
void arena_clear(struct arena *a);

/* Open-addressing hash map from NUL-terminated string to int. */
struct strmap {
	const char **keys;
	int *vals;
	uint32_t *hashes;	/* of each key: the keys are compared only where these are equal */
	size_t cap, n;
};

/* Insert key; returns false (and leaves the map unchanged) when key is present. */
bool strmap_put(struct strmap *m, const char *key, int val);
/* The value for key, or -1. */
int strmap_get(const struct strmap *m, const char *key);
/* Insert key unless it is present: the value it has then, or INT_MIN when it was inserted (one lookup). */
int strmap_add(struct strmap *m, const char *key, int val);
void strmap_free(struct strmap *m);

/*
 * How many of the 8 bytes at p, from the start, are printable ASCII (0x20 to 0x7E): tested at once, a byte
 * from 0x80 up sets its own high bit, 0x7F sets it when 1 is added, one below 0x20 when 0x20 is taken away.
 * A carry or borrow runs only from a byte that is not printable itself towards the more significant end, so
 * where the bytes start from the low end (little-endian) the first bit set is the first such byte's; on a
 * big-endian machine the count may come out short, never long.
 */
static inline size_t util_printable8(const void *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof x);
	uint64_t out = (x | (x + 0x0101010101010101u) | (x - 0x2020202020202020u)) & 0x8080808080808080u;
	if (!out)
		return 8;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(out) / 8;
#else
	return (size_t)__builtin_clzll(out) / 8;
#endif
}

/* How many of the n bytes at p, from the start, are printable ASCII (0x20 to 0x7E). */
size_t util_printable_span(const void *p, size_t n);

/*
 * The one wording of a failed file operation: "PATH: WHY" into err (of errlen bytes), WHY being
 * strerror(errnum), or why when errnum is 0.  The core hands it to its caller so; a command prints it after
 * "trin: cannot read" or "trin: cannot write" (cmd_file_error) and gives EXIT_INPUT.
 */
void util_file_error(char *err, size_t errlen, const char *path, int errnum, const char *why);

/* Optimal string alignment distance, giving up (returning limit + 1) beyond limit. */
size_t util_edit_distance(const char *a, const char *b, size_t limit);
/* Whether year y (1..9999), month m and day d make a real date of the Gregorian calendar. */
bool util_date_real(int y, int m, int d);
/* Whether s is exactly a real date written "YYYY-MM-DD". */
bool util_date_iso(const char *s);

/*
 * Now, or the time SOURCE_DATE_EPOCH gives (seconds since 1970) when it is set: for output that does not
 * change from run to run, such as a summary's date and the day trin takes as today.
 */
time_t util_now(void);

#endif
