/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The default heap (selfe/heap.h): one struct selfe_heap over a reserved virtual range, grown
 * with fresh frames from the allocator selfe_malloc_init was given, every call under one lock.
 */
#include <selfe/alloc.h>
#include <selfe/heap.h>
#include <selfe/lock.h>

#define GROW_STEP ((size_t)64 * 1024)

static struct selfe_heap heap;
static struct selfe_lock heap_lock;
static struct selfe_alloc *heap_al; /* NULL until selfe_malloc_init */

static int grow(void *ctx, uintptr_t old_end, uintptr_t new_end)
{
	void *p;
	return selfe_map_new(ctx, old_end, new_end - old_end, SELFE_MAP_RW, &p) != seL4_NoError;
}

seL4_Error selfe_malloc_init(struct selfe_alloc *al, seL4_Word max_bytes)
{
	if (heap_al)
		return seL4_IllegalOperation;
	seL4_Word base;
	seL4_Error err = selfe_vaddr_reserve(al, max_bytes, seL4_PageBits, &base);
	seL4_CPtr ntfn;
	if (err == seL4_NoError)
		err = selfe_notification_alloc(al, &ntfn);
	if (err != seL4_NoError)
		return err;
	selfe_lock_init(&heap_lock, ntfn);
	selfe_heap_init(&heap, base, max_bytes, GROW_STEP, grow, al);
	__atomic_store_n(&heap_al, al, __ATOMIC_RELEASE);
	return seL4_NoError;
}

void *malloc(size_t n)
{
	if (!heap_al)
		return NULL;
	selfe_lock_acquire(&heap_lock);
	void *p = selfe_heap_malloc(&heap, n);
	selfe_lock_release(&heap_lock);
	return p;
}

void *calloc(size_t count, size_t size)
{
	if (!heap_al)
		return NULL;
	selfe_lock_acquire(&heap_lock);
	void *p = selfe_heap_calloc(&heap, count, size);
	selfe_lock_release(&heap_lock);
	return p;
}

void *realloc(void *old, size_t n)
{
	if (!heap_al)
		return NULL;
	selfe_lock_acquire(&heap_lock);
	void *p = selfe_heap_realloc(&heap, old, n);
	selfe_lock_release(&heap_lock);
	return p;
}

void *aligned_alloc(size_t align, size_t n)
{
	if (!heap_al)
		return NULL;
	selfe_lock_acquire(&heap_lock);
	void *p = selfe_heap_aligned_alloc(&heap, align, n);
	selfe_lock_release(&heap_lock);
	return p;
}

void free(void *p)
{
	if (!p || !heap_al)
		return;
	selfe_lock_acquire(&heap_lock);
	selfe_heap_free(&heap, p);
	selfe_lock_release(&heap_lock);
}
