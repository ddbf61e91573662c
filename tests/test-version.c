/*
 * test-version: a wizard file's version (version.h) is the start of the SHA-256 of its bytes, the same as
 * `sha256sum FILE | cut -c1-12`: the standard's test vectors, every padding case, and a wizard loaded from
 * a file carrying the version of its bytes.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"
#include "test.h"
#include "version.h"

/* The SHA-256 of len bytes at buf, as 64 hex digits. */
static const char *test_sha(const char *buf, size_t len)
{
	static char hex[65];
	uint8_t sum[32];
	version_sha256(buf, len, sum);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", sum[i]);
	return hex;
}

int main(void)
{
	/* FIPS 180-4's examples: one block, two blocks (56 bytes: the length does not fit after the 0x80) */
	CHECK_STR(test_sha("", 0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	CHECK_STR(test_sha("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	CHECK_STR(test_sha(two, strlen(two)), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* a million 'a': many whole blocks */
	char *million = malloc(1000000);
	memset(million, 'a', 1000000);
	CHECK_STR(test_sha(million, 1000000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
	/* exactly one block, and 55 bytes (the last length that fits in one block) */
	CHECK_STR(test_sha("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 64),
		  "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
	CHECK_STR(test_sha("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 55),
		  "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");

	/* the same a piece at a time, of every size across a block's end */
	char *text = malloc(1000);
	for (int i = 0; i < 1000; i++)
		text[i] = (char)('a' + i % 26);
	uint8_t whole[32], pieces[32];
	version_sha256(text, 1000, whole);
	int differ = 0;
	for (size_t piece = 1; piece <= 130; piece++) {
		struct version_hash h;
		version_start(&h);
		for (size_t at = 0; at < 1000; at += piece)
			version_add(&h, text + at, 1000 - at < piece ? 1000 - at : piece);
		version_end(&h, pieces);
		differ += memcmp(whole, pieces, sizeof whole) != 0;
	}
	CHECK(differ == 0);
	free(text);

	char v[VERSION_DIGITS + 1];
	version_of("abc", 3, v);
	CHECK_STR(v, "ba7816bf8f01");

	/* a wizard from a file carries the version of its bytes; one from memory has none */
	char path[] = "/tmp/trin-version-XXXXXX";
	int fd = mkstemp(path);
	const char *yaml = "trin: 1\ntitle: Prøve\nsteps:\n  - id: slut\n    type: end\n    title: Tak\n";
	CHECK(fd >= 0 && write(fd, yaml, strlen(yaml)) == (ssize_t)strlen(yaml));
	close(fd);
	struct diags d = { 0 };
	struct wizard *w = wizard_load(path, NULL, &d);
	CHECK(w != NULL);
	version_of(yaml, strlen(yaml), v);
	CHECK_STR(w ? w->version : "", v);
	wizard_free(w);
	/* of every byte the file holds, a byte order mark too, and more than the reader's buffer at once */
	char *big = malloc(100000);
	int n = snprintf(big, 100000, "\xEF\xBB\xBFtrin: 1\ntitle: Prøve\nsteps:\n");
	for (int i = 0; n < 90000; i++)
		n += snprintf(big + n, 100000 - (size_t)n, "  - id: s%d\n    type: info\n    title: Trin %d\n", i, i);
	n += snprintf(big + n, 100000 - (size_t)n, "  - id: slut\n    type: end\n    title: Tak\n");
	fd = open(path, O_WRONLY | O_TRUNC);
	CHECK(fd >= 0 && write(fd, big, (size_t)n) == n);
	close(fd);
	w = wizard_load(path, NULL, &d);
	CHECK(w != NULL);
	version_of(big, (size_t)n, v);
	CHECK_STR(w ? w->version : "", v);
	wizard_free(w);
	free(big);
	w = wizard_load_buffer("memory", yaml, strlen(yaml), NULL, &d);
	CHECK_STR(w ? w->version : "(none)", "");
	wizard_free(w);
	diag_free(&d);
	unlink(path);
	return test_done("test-version");
}
