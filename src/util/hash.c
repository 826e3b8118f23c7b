/*
 * hash.c - SipHash-1-3 under a per-process random key (see hash.h).
 */
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "dialdiff/hash.h"

static uint64_t hash_key[2];
static pthread_once_t hash_key_once = PTHREAD_ONCE_INIT;

static void hash_key_init(void)
{
	unsigned char b[sizeof(hash_key)];
	struct timespec ts;
	int fd, ok;

	ok = getrandom(b, sizeof(b), GRND_NONBLOCK) == (ssize_t)sizeof(b);
	if (!ok && (fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) >= 0) {
		ok = read(fd, b, sizeof(b)) == (ssize_t)sizeof(b);
		close(fd);
	}
	if (ok) {
		memcpy(hash_key, b, sizeof(hash_key));
		return;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	hash_key[0] = (uint64_t)ts.tv_sec * 1000000007u ^ (uint64_t)ts.tv_nsec;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	hash_key[1] = ((uint64_t)ts.tv_nsec << 32 ^ (uint64_t)getpid()) ^
		      (uint64_t)(uintptr_t)&ts;
}

/* Eight bytes as a little-endian word, as SipHash reads them. */
static inline uint64_t le64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(&v, p, 8);
	(void)i;
#else
	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
#endif
	return v;
}

static inline uint64_t rotl64(uint64_t x, unsigned b)
{
	return x << b | x >> (64 - b);
}

/* One SipRound: add, rotate, xor. */
static inline void sip_round(uint64_t v[4])
{
	v[0] += v[1]; v[1] = rotl64(v[1], 13) ^ v[0]; v[0] = rotl64(v[0], 32);
	v[2] += v[3]; v[3] = rotl64(v[3], 16) ^ v[2];
	v[0] += v[3]; v[3] = rotl64(v[3], 21) ^ v[0];
	v[2] += v[1]; v[1] = rotl64(v[1], 17) ^ v[2]; v[2] = rotl64(v[2], 32);
}

uint64_t dd_hash_bytes(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t v[4];
	uint64_t m = (uint64_t)len << 56;	/* the last word: the length's low
						   byte above the bytes left */
	size_t i;

	pthread_once(&hash_key_once, hash_key_init);
	v[0] = hash_key[0] ^ 0x736f6d6570736575ull;	/* "somepseu" */
	v[1] = hash_key[1] ^ 0x646f72616e646f6dull;	/* "dorandom" */
	v[2] = hash_key[0] ^ 0x6c7967656e657261ull;	/* "lygenera" */
	v[3] = hash_key[1] ^ 0x7465646279746573ull;	/* "tedbytes" */
	for (; len >= 8; p += 8, len -= 8) {
		uint64_t w = le64(p);

		v[3] ^= w;
		sip_round(v);
		v[0] ^= w;
	}
	for (i = 0; i < len; i++)
		m |= (uint64_t)p[i] << (8 * i);
	v[3] ^= m;
	sip_round(v);
	v[0] ^= m;
	v[2] ^= 0xff;
	sip_round(v);
	sip_round(v);
	sip_round(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}
