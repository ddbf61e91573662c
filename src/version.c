/*
 * version: a wizard file's version, the start of the SHA-256 of its bytes.  See version.h.
 */
#include "version.h"

#include <stdio.h>
#include <string.h>

static const uint32_t version_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t version_rotr(uint32_t x, int n)
{
	return x >> n | x << (32 - n);
}

/* One 64-byte block into the state h. */
static void version_block(uint32_t h[8], const uint8_t *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = version_rotr(w[i - 15], 7) ^ version_rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = version_rotr(w[i - 2], 17) ^ version_rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = k + (version_rotr(e, 6) ^ version_rotr(e, 11) ^ version_rotr(e, 25)) + ((e & f) ^ (~e & g)) +
			      version_k[i] + w[i];
		uint32_t t2 = (version_rotr(a, 2) ^ version_rotr(a, 13) ^ version_rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
		k = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
	h[5] += f;
	h[6] += g;
	h[7] += k;
}

void version_start(struct version_hash *v)
{
	static const uint32_t first[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
					   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	memcpy(v->h, first, sizeof v->h);
	v->len = 0;
}

void version_add(struct version_hash *v, const void *buf, size_t len)
{
	const uint8_t *p = buf;
	size_t have = (size_t)(v->len % 64);
	v->len += len;
	if (have) {	/* fill the block begun before */
		size_t take = len < 64 - have ? len : 64 - have;
		memcpy(v->block + have, p, take);
		p += take;
		len -= take;
		if (have + take < 64)
			return;
		version_block(v->h, v->block);
	}
	for (; len >= 64; p += 64, len -= 64)
		version_block(v->h, p);
	memcpy(v->block, p, len);
}

void version_end(struct version_hash *v, uint8_t out[32])
{
	size_t left = (size_t)(v->len % 64);
	uint8_t last[128] = { 0 };	/* the rest, the 0x80 byte and the length in bits: one block or two */
	memcpy(last, v->block, left);
	last[left] = 0x80;
	size_t end = left < 56 ? 64 : 128;
	uint64_t bits = v->len * 8;
	for (int i = 0; i < 8; i++)
		last[end - 1 - i] = (uint8_t)(bits >> (8 * i));
	for (size_t off = 0; off < end; off += 64)
		version_block(v->h, last + off);
	for (int i = 0; i < 32; i++)
		out[i] = (uint8_t)(v->h[i / 4] >> (24 - 8 * (i % 4)));
}

void version_sha256(const void *buf, size_t len, uint8_t out[32])
{
	struct version_hash v;
	version_start(&v);
	version_add(&v, buf, len);
	version_end(&v, out);
}

void version_digits(const uint8_t sum[32], char out[VERSION_DIGITS + 1])
{
	for (int i = 0; i < VERSION_DIGITS / 2; i++)
		snprintf(out + 2 * i, 3, "%02x", sum[i]);
}

void version_of(const void *buf, size_t len, char out[VERSION_DIGITS + 1])
{
	uint8_t sum[32];
	version_sha256(buf, len, sum);
	version_digits(sum, out);
}
