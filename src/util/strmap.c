#include <stdlib.h>
#include <string.h>

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

size_t dd_strhash(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= (size_t)1099511628211ULL;
	}
	return h;
}

static dd_strmap_slot *find(const dd_strmap *m, const char *key)
{
	size_t mask = m->size - 1, i = dd_strhash(key) & mask;

	while (m->slots[i].key && strcmp(m->slots[i].key, key))
		i = (i + 1) & mask;
	return &m->slots[i];
}

void *dd_strmap_get(const dd_strmap *m, const char *key)
{
	dd_strmap_slot *s;

	if (!m->size)
		return NULL;
	s = find(m, key);
	return s->key ? s->value : NULL;
}

static int grow(dd_strmap *m)
{
	dd_strmap old = *m;
	size_t i;

	m->size = old.size ? old.size * 2 : 16;
	m->slots = calloc(m->size, sizeof(*m->slots));
	if (!m->slots) {
		*m = old;
		return -1;
	}
	for (i = 0; i < old.size; i++)
		if (old.slots[i].key)
			*find(m, old.slots[i].key) = old.slots[i];
	free(old.slots);
	return 0;
}

int dd_strmap_put(dd_strmap *m, const char *key, void *value, void **existing)
{
	dd_strmap_slot *s;

	if ((m->count + 1) * 2 > m->size && grow(m) < 0)
		return -1;
	s = find(m, key);
	if (s->key) {
		if (existing)
			*existing = s->value;
		return 0;
	}
	s->key = key;
	s->value = value;
	m->count++;
	return 1;
}
