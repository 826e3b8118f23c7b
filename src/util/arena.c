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

/*
 * size bytes aligned to align (a power of two, at most ALIGN); NULL on
 * exhaustion.  A request bigger than a block gets a block of its own,
 * behind the head, so that the head's free space is not wasted.
 *
 * Blocks are zeroed when they are made (calloc) and never reused, so all
 * memory handed out is zero-filled.  This also keeps the bytes after a
 * packed string defined: PCRE2's JIT reads a little past the end of a
 * subject (harmlessly, within the page), and valgrind reports that read
 * when those bytes were never written.
 */
static void *bump(dd_arena *a, size_t size, size_t align)
{
	size_t at;
	void *p;

	if (size > SIZE_MAX - ALIGN)
		return NULL;
	if (!size)
		size = 1;
	at = (a->used + align - 1) & ~(align - 1);
	if (!a->head || at > a->size || a->size - at < size) {
		size_t next = !a->head ? BLOCK_FIRST :
			      a->size < BLOCK_MIN ? 2 * a->size : BLOCK_MIN;
		size_t bsize = size > next ? size : next;
		dd_arena_block *b;

		if (bsize > SIZE_MAX - sizeof(*b))
			return NULL;
		b = calloc(1, sizeof(*b) + bsize);
		if (!b)
			return NULL;
		if (a->head && size > BLOCK_MIN) {
			b->next = a->head->next;
			a->head->next = b;
			return b->data;
		}
		b->next = a->head;
		a->head = b;
		a->size = bsize;
		at = 0;
	}
	p = (char *)a->head->data + at;
	a->used = at + size;
	return p;
}

void *dd_arena_alloc(dd_arena *a, size_t size)
{
	return bump(a, size, ALIGN);	/* zero-filled: see bump() */
}

void *dd_arena_array(dd_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return dd_arena_alloc(a, n * size);
}

/* Strings are packed: no alignment, no padding. */
char *dd_arena_strndup(dd_arena *a, const char *s, size_t n)
{
	char *p;

	if (!s || n == SIZE_MAX)
		return NULL;
	p = bump(a, n + 1, 1);
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
