/*
 * hash.h - the keyed hash of every table whose keys come from input:
 * SipHash-1-3 (Aumasson and Bernstein's SipHash, one compression round and
 * three finalization rounds) under a key drawn at random once per process,
 * so that no input can be built whose keys collide (an unkeyed hash can be
 * inverted), and lookups stay O(1) whatever the keys.  The key comes from
 * getrandom(), else /dev/urandom, else the clock, the process id and an
 * address: weak, but different from run to run.  Thread-safe.  Values
 * differ from run to run: never let an output's order depend on them.
 */
#ifndef DIALDIFF_HASH_H
#define DIALDIFF_HASH_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-1-3 of the len bytes at p under the process' key. */
uint64_t dd_hash_bytes(const void *p, size_t len);

#endif
