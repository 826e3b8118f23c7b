/*
 * arena.h - a bump allocator for models that are freed all at once.
 *
 * A round, a taxonomy or a diff allocates its strings and arrays from one
 * arena and frees them with one dd_arena_release().  Allocations are never
 * freed one by one; dd_arena_alloc and dd_arena_array are aligned for any
 * type, the copies of strings are packed (no alignment, no padding).
 * Functions return NULL on exhaustion of memory.
 */
#ifndef DIALDIFF_ARENA_H
#define DIALDIFF_ARENA_H

#include <stddef.h>

typedef struct dd_arena_block dd_arena_block;

typedef struct dd_arena {
	dd_arena_block *head;
	size_t used, size;	/* within head */
} dd_arena;

#define DD_ARENA_INIT { NULL, 0, 0 }

void dd_arena_init(dd_arena *a);
void dd_arena_release(dd_arena *a);
/* Zero-filled memory of size bytes. */
void *dd_arena_alloc(dd_arena *a, size_t size);
/* Zero-filled array of n elements of size bytes, overflow-checked. */
void *dd_arena_array(dd_arena *a, size_t n, size_t size);
/* Copies (NUL-terminated); NULL in, NULL out. */
char *dd_arena_strdup(dd_arena *a, const char *s);
char *dd_arena_strndup(dd_arena *a, const char *s, size_t n);

#endif
