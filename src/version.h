/*
 * version: a wizard file's version, for a kiosk's statistics: the first 12 hexadecimal digits of the
 * SHA-256 of the file's bytes, so that `sha256sum FILE | cut -c1-12` on any machine names the same file.
 * No library: SHA-256 (FIPS 180-4) is written out here.
 */
#ifndef TRIN_VERSION_H
#define TRIN_VERSION_H

#include <stddef.h>
#include <stdint.h>

#define VERSION_DIGITS 12	/* hexadecimal digits of a version: 48 bits, no clash among a file's versions */

/* A SHA-256 being taken of bytes that come a piece at a time: version_start, version_add each, version_end. */
struct version_hash {
	uint32_t h[8];
	uint64_t len;		/* bytes added */
	uint8_t block[64];	/* the last len % 64 of them */
};
void version_start(struct version_hash *v);
void version_add(struct version_hash *v, const void *buf, size_t len);
void version_end(struct version_hash *v, uint8_t out[32]);
/* The SHA-256 of the len bytes at buf, into out. */
void version_sha256(const void *buf, size_t len, uint8_t out[32]);
/* A SHA-256 as a version: its first VERSION_DIGITS / 2 bytes as lowercase hex digits. */
void version_digits(const uint8_t sum[32], char out[VERSION_DIGITS + 1]);
/* The version of the len bytes at buf (a wizard file read whole), as VERSION_DIGITS lowercase hex digits. */
void version_of(const void *buf, size_t len, char out[VERSION_DIGITS + 1]);

#endif
