#include <stdlib.h>
#include <string.h>

#include "dialdiff/hash.h"
#include "dialdiff/strmap.h"

void dd_strmap_init(dd_strmap *m)
{
	m->slots = NULL;
	m->size = m->count = 0;
}

void dd_strmap_release(dd_strmap *m)
{
	free(m->slots);
	dd_strmap_init(m);
}

static size_t strhash(const char *s)
{
	return (size_t)dd_hash_bytes(s, strlen(s));
}

/*
 * The slot of key (hash h), or the empty slot where it would go.  The hash
 * kept in each slot spares a strcmp -- and a cache miss on the other key --
 * for every slot of another key on the way.
 */
static dd_strmap_slot *find(const dd_strmap *m, const char *key, size_t h)
{
	size_t mask = m->size - 1, i = h & mask;

	while (m->slots[i].key &&
	       (m->slots[i].hash != h || strcmp(m->slots[i].key, key)))
		i = (i + 1) & mask;
	return &m->slots[i];
}

void *dd_strmap_get(const dd_strmap *m, const char *key)
{
	dd_strmap_slot *s;

	if (!m->size)
		return NULL;
	s = find(m, key, strhash(key));
	return s->key ? s->value : NULL;
}

void dd_strmap_prefetch(const dd_strmap *m, const char *key)
{
	const dd_strmap_slot *s;

	if (!m->size)
		return;
	s = &m->slots[strhash(key) & (m->size - 1)];
	__builtin_prefetch(s);
}

/* Make the table size slots (a power of two, above the count). */
static int resize(dd_strmap *m, size_t size)
{
	dd_strmap_slot *slots = calloc(size, sizeof(*slots));
	size_t i;

	if (!slots)
		return -1;
	for (i = 0; i < m->size; i++) {	/* keys are distinct: no strcmp */
		size_t j = m->slots[i].hash & (size - 1);

		if (!m->slots[i].key)
			continue;
		while (slots[j].key)
			j = (j + 1) & (size - 1);
		slots[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = slots;
	m->size = size;
	return 0;
}

int dd_strmap_reserve(dd_strmap *m, size_t n)
{
	size_t size = m->size ? m->size : 16;

	while (size / 2 < n) {
		if (size > (size_t)-1 / 2 / sizeof(dd_strmap_slot))
			return -1;
		size *= 2;
	}
	return size > m->size ? resize(m, size) : 0;
}

int dd_strmap_put(dd_strmap *m, const char *key, void *value, void **existing)
{
	dd_strmap_slot *s;
	size_t h = strhash(key);

	if ((m->count + 1) * 2 > m->size &&
	    resize(m, m->size ? m->size * 2 : 16) < 0)
		return -1;
	s = find(m, key, h);
	if (s->key) {
		if (existing)
			*existing = s->value;
		return 0;
	}
	s->key = key;
	s->value = value;
	s->hash = h;
	m->count++;
	return 1;
}
