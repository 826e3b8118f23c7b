/*
 * strmap.h - a hash map from NUL-terminated strings to pointers, with open
 * addressing.  Keys are borrowed: they must outlive the map.  Lookups and
 * insertions are O(1) on average, whatever the keys: they are hashed with
 * the keyed hash of hash.h, so input cannot make them collide.  The table
 * doubles at 50% load.
 */
#ifndef DIALDIFF_STRMAP_H
#define DIALDIFF_STRMAP_H

#include <stddef.h>

typedef struct dd_strmap_slot {
	const char *key;
	void *value;
	size_t hash;		/* the keyed hash (hash.h) of key */
} dd_strmap_slot;

typedef struct dd_strmap {
	dd_strmap_slot *slots;
	size_t size;		/* a power of two, or 0 */
	size_t count;
} dd_strmap;

#define DD_STRMAP_INIT { NULL, 0, 0 }

void dd_strmap_init(dd_strmap *m);
void dd_strmap_release(dd_strmap *m);
/* The value stored under key, or NULL. */
void *dd_strmap_get(const dd_strmap *m, const char *key);
/* A hint that key will be looked up soon: its slot is fetched into the
 * cache meanwhile (a lookup in a large map is mostly waiting for memory). */
void dd_strmap_prefetch(const dd_strmap *m, const char *key);
/* Make room for n keys in all without growing again; 0 or -1 (out of
 * memory).  Worth it before adding many keys whose number is known. */
int dd_strmap_reserve(dd_strmap *m, size_t n);
/*
 * Store value under key unless the key is present.  Returns 1 when inserted,
 * 0 when the key was already there (*existing, if not NULL, gets its value),
 * -1 when memory ran out.
 */
int dd_strmap_put(dd_strmap *m, const char *key, void *value, void **existing);

#endif
