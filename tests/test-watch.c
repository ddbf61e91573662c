/*
 * test-watch: unit tests of --watch's reload decision (watch.h): a change is reported once the file has
 * been still for the time asked, by a clock the test gives (no sleeping, no timing).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"
#include "watch.h"

static char watch_dir[] = "/tmp/trin-watch-XXXXXX";

/* Write s to path, whole. */
static void test_write(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(s, f);
		fclose(f);
	}
}

int main(void)
{
	if (!mkdtemp(watch_dir)) {
		perror("mkdtemp");
		return 1;
	}
	char path[64];
	snprintf(path, sizeof path, "%s/w.yaml", watch_dir);
	test_write(path, "id: a\n");
	struct watch w;
	watch_start(&w, path);
	CHECK(!watch_changed(&w, 1000, 100));	/* as it was loaded: no change */
	CHECK(!watch_changed(&w, 5000, 100));
	test_write(path, "id: ab\n");	/* another size: a change, whatever the clock's resolution */
	CHECK(!watch_changed(&w, 6000, 100));	/* seen to change: not yet still */
	CHECK(!watch_changed(&w, 6099, 100));
	CHECK(watch_changed(&w, 6100, 100));	/* still for 100 ms */
	CHECK(!watch_changed(&w, 6200, 100));	/* once per change */
	test_write(path, "id: abc\n");
	CHECK(!watch_changed(&w, 7000, 100));
	test_write(path, "id: abcd\n");	/* changed again while being written: the wait starts over */
	CHECK(!watch_changed(&w, 7090, 100));
	CHECK(!watch_changed(&w, 7150, 100));
	CHECK(watch_changed(&w, 7190, 100));
	unlink(path);	/* missing for a moment (an editor replacing it): no change yet */
	CHECK(!watch_changed(&w, 8000, 100));
	CHECK(!watch_changed(&w, 9000, 100));
	test_write(path, "id: abcde\n");
	CHECK(!watch_changed(&w, 9500, 100));
	CHECK(watch_changed(&w, 9600, 100));
	unlink(path);
	/* a file missing when watching started: its appearance is a change */
	watch_start(&w, path);
	CHECK(!watch_changed(&w, 100, 100));
	test_write(path, "id: a\n");
	CHECK(!watch_changed(&w, 200, 100));
	CHECK(watch_changed(&w, 300, 100));
	unlink(path);
	rmdir(watch_dir);
	return test_done("test-watch");
}
