/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A heap for root tasks and their threads.
 *
 * struct selfe_heap is the allocator itself, pure C (it also runs as a host unit test): chunks
 * with boundary tags inside one virtual range [base, base + max), first fit over a free list,
 * neighbours merged on free.  The range is made usable on demand: when no free chunk fits, the
 * heap calls grow(ctx, new_end) to back [old_end, new_end) with memory (selfe_malloc_init's
 * grow maps fresh frames).  Every size is checked for overflow: a request the range could never
 * hold returns NULL, as does a failed grow.  Returned memory is aligned to SELFE_HEAP_ALIGN (16).
 * A struct selfe_heap is not thread-safe: its user serializes calls.
 *
 * malloc, calloc, realloc, free, aligned_alloc (the C names, in runtime/lib/sel4/) are one
 * default heap, set up explicitly by selfe_malloc_init (selfe/alloc.h); before that, malloc
 * returns NULL.  They ARE thread-safe: every call holds a lock built on a notification the init
 * call allocates (an atomic count, and a seL4_Wait only when another thread holds the lock).
 * realloc(p, 0) frees p and returns NULL.
 */
#ifndef SELFE_RT_HEAP_H
#define SELFE_RT_HEAP_H

#include <stddef.h>
#include <stdint.h>

#define SELFE_HEAP_ALIGN 16

struct selfe_heap_chunk;

/* Makes [base, new_end) usable; 0 on success. */
typedef int (*selfe_heap_grow_fn)(void *ctx, uintptr_t old_end, uintptr_t new_end);

struct selfe_heap {
	uintptr_t base, end, max_end; /* usable [base, end), may grow to max_end */
	size_t grow_step;             /* grow by multiples of this (a power of two) */
	selfe_heap_grow_fn grow;
	void *ctx;
	struct selfe_heap_chunk *free_list;
	struct selfe_heap_chunk *last; /* the chunk ending at end, or NULL when empty */
	size_t in_use;                 /* payload bytes handed out (chunk sizes) */
};

/* A heap over [base, base + max), nothing usable yet; base aligned to SELFE_HEAP_ALIGN. */
void selfe_heap_init(struct selfe_heap *h, uintptr_t base, size_t max, size_t grow_step, selfe_heap_grow_fn grow,
		     void *ctx);
void *selfe_heap_malloc(struct selfe_heap *h, size_t n);
void *selfe_heap_calloc(struct selfe_heap *h, size_t count, size_t size);
void *selfe_heap_realloc(struct selfe_heap *h, void *p, size_t n);
/* align: a power of two; n need not be a multiple of it. */
void *selfe_heap_aligned_alloc(struct selfe_heap *h, size_t align, size_t n);
void selfe_heap_free(struct selfe_heap *h, void *p);
/* Bytes usable at p (>= what was asked for). */
size_t selfe_heap_usable_size(const void *p);
/* Walks every chunk and checks the heap's invariants; 0 when they hold, else a line number. */
int selfe_heap_check(const struct selfe_heap *h);

/* The default heap's C functions (thread-safe once selfe_malloc_init has run). */
void *malloc(size_t n);
void *calloc(size_t count, size_t size);
void *realloc(void *p, size_t n);
void *aligned_alloc(size_t align, size_t n);
void free(void *p);

#endif
