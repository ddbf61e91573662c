/*
 * util: allocation that aborts on exhaustion, the arena, the string map and edit distance.
 * Depends on nothing but libc.
 */
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "compat.h"

static _Noreturn void util_oom(void)
{
	fputs("trin: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		util_oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		util_oom();
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		util_oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void xfree_wiped(char *s)
{
	if (s)
		compat_wipe(s, strlen(s));
	free(s);
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void util_grow_to(void **v, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap ? *cap : 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			util_oom();
		c *= 2;
	}
	*v = xrealloc(*v, c * elem);
	*cap = c;
}

void util_grow_wiped(char **v, size_t *cap, size_t need)
{
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 8;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			util_oom();
		c *= 2;
	}
	char *grown = xmalloc(c);
	if (*v) {
		memcpy(grown, *v, *cap);
		compat_wipe(*v, *cap);
		free(*v);
	}
	*v = grown;
	*cap = c;
}

__attribute__((noinline)) void util_wipe_stack(void)
{
	unsigned char pad[16384];
	compat_wipe(pad, sizeof pad);
	__asm__ volatile("" : : "r"(pad) : "memory");	/* the compiler may not drop the wipe */
}

#define UTIL_PREFAULT_MIN (1u << 20)	/* memory smaller than this is faulted in as it comes */
#define UTIL_PREFAULT_STEP (256u << 10)	/* and larger memory this much at once */

void util_prefault_next(void *p, size_t size, size_t used, size_t *ready)
{
	if (size < UTIL_PREFAULT_MIN) {
		*ready = size;	/* faulted in as it comes: nothing to do for it again */
		return;
	}
#ifdef MADV_POPULATE_WRITE
	static uintptr_t page;
	if (!page)
		page = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t from = ((uintptr_t)p + *ready) & ~(page - 1);
	size_t end = used + UTIL_PREFAULT_STEP < size ? used + UTIL_PREFAULT_STEP : size;
	uintptr_t to = ((uintptr_t)p + end) & ~(page - 1);	/* whole pages only: the next may be another's */
	if (to > from)
		madvise((void *)from, to - from, MADV_POPULATE_WRITE);
	*ready = end;
#else
	(void)p;
	*ready = size;
#endif
}

/*
 * Arena: a list of chunks, newest first.  Large requests get a chunk of their own.  Chunks come from
 * calloc and grow with the arena, by doubling sizes up to ARENA_MAX_CHUNK, each the first of them that is
 * at least half of all before it: a scratch arena that holds a few strings clears a few kilobytes, and a
 * large one gets chunks big enough to be fresh pages from the system, which calloc hands out without
 * writing them, so nothing is zeroed twice.  The newest chunk's unused end, which calloc may have cleared
 * (so made resident), is then at most about half of the arena (with chunks as large as all before them,
 * two thirds).  Strings are not aligned, so a short one takes its length and no more.
 */
#define ARENA_FIRST 1024
#define ARENA_MAX_CHUNK (4u << 20)

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	_Alignas(16) unsigned char data[];
};

/* size bytes aligned to align (a power of two, at most 16), zeroed as every chunk is. */
static void *arena_take(struct arena *a, size_t size, size_t align)
{
	size_t at = (a->used + align - 1) & ~(align - 1);
	if (!a->head || at > a->head->size || size > a->head->size - at) {
		size_t grow = ARENA_FIRST - sizeof(struct arena_chunk);
		while (grow < a->total / 2 && 2 * grow + sizeof(struct arena_chunk) <= ARENA_MAX_CHUNK)
			grow = 2 * grow + sizeof(struct arena_chunk);
		size_t csize = size > grow / 4 ? size : grow;
		struct arena_chunk *c = xcalloc(1, sizeof *c + csize);
		c->size = csize;
		if (a->head && csize != grow) {
			/* Keep filling the current chunk: put the big one behind it. */
			c->next = a->head->next;
			a->head->next = c;
			a->total += size;
			return c->data;
		}
		c->next = a->head;
		a->head = c;
		a->ready = 0;
		at = 0;
	}
	util_prefault(a->head->data, a->head->size, at + size, &a->ready);
	a->used = at + size;
	a->total += size;
	return a->head->data + at;
}

void *arena_alloc(struct arena *a, size_t size)
{
	return arena_take(a, size, 16);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_take(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	if ((size_t)n < sizeof small) {
		char *p = arena_strndup(a, small, (size_t)n);
		compat_wipe(small, (size_t)n);	/* it may show an answer */
		return p;
	}
	char *p = arena_take(a, (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void arena_clear(struct arena *a)
{
	struct arena_chunk *keep = a->head;
	if (!keep)
		return;
	size_t used = a->used;
	a->head = keep->next;
	a->used = a->head ? a->head->size : 0;	/* the rest is freed whole */
	arena_free(a);
	memset(keep->data, 0, used);	/* zeroed again, as a new chunk is (and so wiped) */
	keep->next = NULL;
	a->head = keep;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;
		if (!a->unwiped)	/* answers may be in it */
			compat_wipe(c->data, c == a->head ? a->used : c->size);
		free(c);
		c = next;
	}
	a->head = NULL;
	a->used = 0;
	a->total = 0;
}

/* FNV-1a, 64 bits wide on every target; its low 32 bits are kept (and pick the slot) */
static uint32_t strmap_hash(const char *s)
{
	uint64_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (uint32_t)h;
}

/* The slot of key (hash h), or the empty one where it would go: a key is compared only when its hash is. */
static size_t strmap_slot(const struct strmap *m, const char *key, uint32_t h)
{
	size_t i = h & (m->cap - 1);
	while (m->keys[i] && (m->hashes[i] != h || strcmp(m->keys[i], key) != 0))
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* A column of the table, zeroed, and faulted in whole at once: keys land all over it, so it is written whole. */
static void *strmap_column(size_t cap, size_t size)
{
	void *p = xcalloc(cap, size);
	size_t ready = 0;
	util_prefault(p, cap * size, cap * size, &ready);
	return p;
}

/* Room for one more key: the table is kept at most half full. */
static void strmap_room(struct strmap *m)
{
	if ((m->n + 1) * 2 <= m->cap)
		return;
	struct strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 16;
	m->keys = strmap_column(m->cap, sizeof *m->keys);
	m->vals = strmap_column(m->cap, sizeof *m->vals);
	m->hashes = strmap_column(m->cap, sizeof *m->hashes);
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.keys[i])
			continue;
		size_t k = old.hashes[i] & (m->cap - 1);	/* the keys differ: only a free slot is looked for */
		while (m->keys[k])
			k = (k + 1) & (m->cap - 1);
		m->keys[k] = old.keys[i];
		m->vals[k] = old.vals[i];
		m->hashes[k] = old.hashes[i];
	}
	strmap_free(&old);	/* m->n stays: the same keys */
}

bool strmap_put(struct strmap *m, const char *key, int val)
{
	return strmap_add(m, key, val) == INT_MIN;
}

int strmap_add(struct strmap *m, const char *key, int val)
{
	strmap_room(m);
	uint32_t h = strmap_hash(key);
	size_t i = strmap_slot(m, key, h);
	if (m->keys[i])
		return m->vals[i];
	m->keys[i] = key;
	m->vals[i] = val;
	m->hashes[i] = h;
	m->n++;
	return INT_MIN;
}

int strmap_get(const struct strmap *m, const char *key)
{
	if (!m->cap)
		return -1;
	size_t i = strmap_slot(m, key, strmap_hash(key));
	return m->keys[i] ? m->vals[i] : -1;
}

void strmap_free(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	m->keys = NULL;
	m->vals = NULL;
	m->hashes = NULL;
	m->cap = m->n = 0;
}

size_t util_printable_span(const void *p, size_t n)
{
	const unsigned char *u = p;
	size_t i = 0;
	while (n - i >= 8) {
		size_t k = util_printable8(u + i);
		i += k;
		if (k < 8)
			break;
	}
	while (i < n && u[i] >= 0x20 && u[i] < 0x7F)
		i++;
	return i;
}

size_t util_edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return limit + 1;
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	size_t d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb] > limit ? limit + 1 : d[la][lb];
}

void util_file_error(char *err, size_t errlen, const char *path, int errnum, const char *why)
{
	snprintf(err, errlen, "%s: %s", path, errnum ? strerror(errnum) : why);
}

bool util_date_real(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

bool util_date_iso(const char *s)
{
	int y, m, d;
	char tail;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || s[strspn(s, "0123456789-")] ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return false;
	return util_date_real(y, m, d);
}

time_t util_now(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (epoch && *epoch) {
		char *end;
		errno = 0;
		long long t = strtoll(epoch, &end, 10);
		if (!*end && !errno && t >= 0)
			return (time_t)t;
	}
	return time(NULL);
}
