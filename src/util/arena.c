#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/arena.h"

struct dd_arena_block {
	dd_arena_block *next;
	max_align_t data[];
};

#define ALIGN (sizeof(max_align_t))
/* Blocks grow from BLOCK_FIRST to BLOCK_MIN bytes, doubling, so that a
 * small model (one round, one diff) does not hold 64 KiB. */
#define BLOCK_FIRST ((size_t)2 << 10)
#define BLOCK_MIN ((size_t)64 << 10)

void dd_arena_init(dd_arena *a)
{
	a->head = NULL;
	a->used = a->size = 0;
}

void dd_arena_release(dd_arena *a)
{
	dd_arena_block *b = a->head;

	while (b) {
		dd_arena_block *next = b->next;
		free(b);
		b = next;
	}
	dd_arena_init(a);
}

void *dd_arena_alloc(dd_arena *a, size_t size)
{
	void *p;

	if (size > SIZE_MAX - ALIGN)
		return NULL;
	size = (size + ALIGN - 1) & ~(ALIGN - 1);
	if (!size)
		size = ALIGN;
	if (!a->head || a->size - a->used < size) {
		size_t next = !a->head ? BLOCK_FIRST :
			      a->size < BLOCK_MIN ? 2 * a->size : BLOCK_MIN;
		size_t bsize = size > next ? size : next;
		dd_arena_block *b;

		if (bsize > SIZE_MAX - sizeof(*b))
			return NULL;
		b = malloc(sizeof(*b) + bsize);
		if (!b)
			return NULL;
		if (a->head && size > BLOCK_MIN) {
			/* a big allocation gets its own block behind the head */
			b->next = a->head->next;
			a->head->next = b;
			memset(b->data, 0, size);
			return b->data;
		}
		b->next = a->head;
		a->head = b;
		a->used = 0;
		a->size = bsize;
	}
	p = (char *)a->head->data + a->used;
	a->used += size;
	memset(p, 0, size);
	return p;
}

void *dd_arena_array(dd_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return dd_arena_alloc(a, n * size);
}

char *dd_arena_strndup(dd_arena *a, const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	p = dd_arena_alloc(a, n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

char *dd_arena_strdup(dd_arena *a, const char *s)
{
	return s ? dd_arena_strndup(a, s, strlen(s)) : NULL;
}
