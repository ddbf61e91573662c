/*
 * test-files: the answers and summaries trin writes are written safely.  A new file is created 0600 whatever
 * the umask allows; a symlink planted at the path is replaced, never written through; a file that is there
 * is replaced only when that was asked for; a named pipe, a device or a link to one is refused, never
 * replaced; and a write that fails leaves no temporary file behind.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "config.h"
#include "engine.h"
#include "model.h"
#include "result.h"
#include "test.h"

static char files_dir[] = "/tmp/trin-files-XXXXXX";

/* The number of entries in the test folder, so that a stray temporary file shows. */
static int files_count(void)
{
	DIR *d = opendir(files_dir);
	int n = 0;
	struct dirent *de;
	while (d && (de = readdir(d)))
		n += de->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static void files_put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static const char *files_get(const char *path)
{
	static char buf[4096];
	buf[0] = '\0';
	FILE *f = fopen(path, "r");
	if (f) {
		size_t n = fread(buf, 1, sizeof buf - 1, f);
		buf[n] = '\0';
		fclose(f);
	}
	return buf;
}

static char files_new[] = "new\n";

static void files_fill(FILE *out, void *ctx)
{
	fputs(ctx, out);
}

int main(void)
{
	umask(022);
	if (!mkdtemp(files_dir)) {
		perror("mkdtemp");
		return 99;
	}
	struct diags d = { 0 };
	struct wizard *w = wizard_load(TRIN_SOURCE_ROOT "/wizards/besoeg.yaml", NULL, &d);
	CHECK(w != NULL);
	if (!w)
		return test_done("test-files");
	struct engine *e = engine_create(w, NULL);
	char path[256], target[256], err[512];
	struct stat st;

	/* a new file: 0600 although the umask would allow 0644, and JSON in it */
	snprintf(path, sizeof path, "%s/answers.json", files_dir);
	CHECK(result_write_file(path, w, e, err, sizeof err));
	CHECK(lstat(path, &st) == 0 && S_ISREG(st.st_mode));
	CHECK_NUM(st.st_mode & 07777, 0600);
	CHECK(strncmp(files_get(path), "{\n  \"wizard\": \"besoeg\"", 22) == 0);
	CHECK_NUM(files_count(), 1);

	/* a symlink planted at the path, pointing at a file of someone else's: replaced, not followed */
	snprintf(target, sizeof target, "%s/precious", files_dir);
	files_put(target, "precious\n");
	unlink(path);
	CHECK(symlink(target, path) == 0);
	CHECK(result_write_file(path, w, e, err, sizeof err));
	CHECK(lstat(path, &st) == 0 && S_ISREG(st.st_mode));
	CHECK_NUM(st.st_mode & 07777, 0600);
	CHECK_STR(files_get(target), "precious\n");
	CHECK_NUM(files_count(), 2);

	/* not asked to replace: a file that is there stays, and so does a planted symlink */
	int error = -1;
	CHECK(!result_write_atomic(target, false, files_fill, files_new, err, sizeof err, &error));
	CHECK_NUM(error, EEXIST);
	CHECK_STR(files_get(target), "precious\n");
	unlink(path);
	CHECK(symlink(target, path) == 0);
	CHECK(!result_write_atomic(path, false, files_fill, files_new, err, sizeof err, &error));
	CHECK_STR(files_get(target), "precious\n");
	CHECK(lstat(path, &st) == 0 && S_ISLNK(st.st_mode));
	CHECK_NUM(files_count(), 2);
	unlink(path);
	CHECK(result_write_atomic(path, false, files_fill, files_new, err, sizeof err, &error));
	CHECK_NUM(error, 0);
	CHECK_STR(files_get(path), "new\n");
	CHECK(lstat(path, &st) == 0 && (st.st_mode & 07777) == 0600);

	/* failures leave nothing behind: a folder at the path (rename fails), and a folder that is not there */
	unlink(path);
	CHECK(mkdir(path, 0700) == 0);
	int before = files_count();
	err[0] = '\0';
	CHECK(!result_write_file(path, w, e, err, sizeof err));
	CHECK(strstr(err, "answers.json") != NULL);
	CHECK_NUM(files_count(), before);
	rmdir(path);
	char missing[300];
	snprintf(missing, sizeof missing, "%s/no/such/answers.json", files_dir);
	CHECK(!result_write_file(missing, w, e, err, sizeof err));
	CHECK_NUM(files_count(), before - 1);

	/*
	 * not a regular file: a named pipe, a device, a link to one (as /dev/stdout is) is neither replaced nor
	 * written through, and nothing is left behind; the system's own /dev/null is only ever linked to
	 */
	CHECK(mkfifo(path, 0600) == 0);
	err[0] = '\0';
	CHECK(!result_write_file(path, w, e, err, sizeof err));
	CHECK(strstr(err, "answers.json: a named pipe (FIFO), not a regular file") != NULL);
	CHECK(lstat(path, &st) == 0 && S_ISFIFO(st.st_mode));
	CHECK(!result_write_scenario(path, w, e, err, sizeof err));
	CHECK(lstat(path, &st) == 0 && S_ISFIFO(st.st_mode));
	CHECK_NUM(files_count(), before);
	snprintf(target, sizeof target, "%s/link", files_dir);
	CHECK(symlink(path, target) == 0);
	CHECK(!result_write_file(target, w, e, err, sizeof err));
	CHECK(strstr(err, "link: a symbolic link to a named pipe (FIFO), not a regular file") != NULL);
	CHECK(lstat(target, &st) == 0 && S_ISLNK(st.st_mode));
	unlink(target);
	unlink(path);
	CHECK(symlink("/dev/null", path) == 0);
	CHECK(!result_write_file(path, w, e, err, sizeof err));
	CHECK(strstr(err, "a symbolic link to a character device, not a regular file") != NULL);
	CHECK(lstat(path, &st) == 0 && S_ISLNK(st.st_mode));
	CHECK_NUM(files_count(), before);
	unlink(path);
	if (mknod(path, S_IFCHR | 0666, makedev(1, 3)) == 0) {	/* a device node of our own, where we may */
		CHECK(!result_write_file(path, w, e, err, sizeof err));
		CHECK(lstat(path, &st) == 0 && S_ISCHR(st.st_mode));
		CHECK_NUM(files_count(), before);
	}

	unlink(target);
	unlink(path);
	rmdir(files_dir);
	engine_free(e);
	wizard_free(w);
	diag_free(&d);
	return test_done("test-files");
}
