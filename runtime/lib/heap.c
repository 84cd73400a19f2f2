/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The heap allocator (selfe/heap.h).  Every chunk starts with a header: the size of the chunk
 * before it (0 for the first) and its own size, both multiples of SELFE_HEAP_ALIGN, with bit 0
 * of the size meaning "in use".  Keeping prev_size valid for every chunk lets free merge with
 * either neighbour in constant time.  Free chunks keep the free-list links in their payload.
 */
#include "selfe/heap.h"

#include "selfe/string.h"

#define INUSE ((size_t)1)
#define HDR ((size_t)SELFE_HEAP_ALIGN) /* the header, padded to the alignment */

struct selfe_heap_chunk {
	size_t prev_size;
	size_t size; /* | INUSE */
#if SIZE_MAX == 0xffffffffu
	size_t pad[2];
#endif
	/* payload; when free: */
	struct selfe_heap_chunk *next, *prev;
};

_Static_assert(__builtin_offsetof(struct selfe_heap_chunk, next) == HDR, "header is one alignment unit");

#define MIN_CHUNK (HDR + 2 * HDR) /* header and room for the links, rounded */

static size_t csize(const struct selfe_heap_chunk *c)
{
	return c->size & ~INUSE;
}

static struct selfe_heap_chunk *chunk_of(const void *p)
{
	return (struct selfe_heap_chunk *)((uintptr_t)p - HDR);
}

static void *payload(struct selfe_heap_chunk *c)
{
	return (void *)((uintptr_t)c + HDR);
}

static struct selfe_heap_chunk *next_chunk(const struct selfe_heap *h, struct selfe_heap_chunk *c)
{
	uintptr_t n = (uintptr_t)c + csize(c);
	return n < h->end ? (struct selfe_heap_chunk *)n : NULL;
}

static struct selfe_heap_chunk *prev_chunk(const struct selfe_heap *h, struct selfe_heap_chunk *c)
{
	return (uintptr_t)c > h->base ? (struct selfe_heap_chunk *)((uintptr_t)c - c->prev_size) : NULL;
}

static void list_remove(struct selfe_heap *h, struct selfe_heap_chunk *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		h->free_list = c->next;
	if (c->next)
		c->next->prev = c->prev;
}

static void list_push(struct selfe_heap *h, struct selfe_heap_chunk *c)
{
	c->prev = NULL;
	c->next = h->free_list;
	if (c->next)
		c->next->prev = c;
	h->free_list = c;
}

/* Sets c's size and the prev_size of the chunk after it. */
static void set_size(struct selfe_heap *h, struct selfe_heap_chunk *c, size_t size, size_t inuse)
{
	c->size = size | inuse;
	struct selfe_heap_chunk *n = next_chunk(h, c);
	if (n)
		n->prev_size = size;
	else
		h->last = c;
}

void selfe_heap_init(struct selfe_heap *h, uintptr_t base, size_t max, size_t grow_step, selfe_heap_grow_fn grow,
		     void *ctx)
{
	selfe_rt_memset(h, 0, sizeof *h);
	h->base = h->end = base;
	h->max_end = base + (max & ~(size_t)(SELFE_HEAP_ALIGN - 1));
	h->grow_step = grow_step && !(grow_step & (grow_step - 1)) ? grow_step : 4096;
	h->grow = grow;
	h->ctx = ctx;
}

/* The chunk size for n payload bytes, 0 when it overflows. */
static size_t request(size_t n)
{
	if (n > SIZE_MAX - HDR - SELFE_HEAP_ALIGN)
		return 0;
	size_t need = (n + HDR + SELFE_HEAP_ALIGN - 1) & ~(size_t)(SELFE_HEAP_ALIGN - 1);
	return need < MIN_CHUNK ? MIN_CHUNK : need;
}

/* Splits c (in use, or about to be) so it keeps `need` bytes; the rest becomes a free chunk. */
static void split(struct selfe_heap *h, struct selfe_heap_chunk *c, size_t need)
{
	size_t size = csize(c);
	if (size < need || size - need < MIN_CHUNK) {
		set_size(h, c, size, INUSE);
		return;
	}
	set_size(h, c, need, INUSE);
	struct selfe_heap_chunk *rest = (struct selfe_heap_chunk *)((uintptr_t)c + need);
	rest->prev_size = need;
	set_size(h, rest, size - need, 0);
	/* The chunk after rest may be free (realloc shrinking in place): merge. */
	struct selfe_heap_chunk *n = next_chunk(h, rest);
	if (n && !(n->size & INUSE)) {
		list_remove(h, n);
		set_size(h, rest, csize(rest) + csize(n), 0);
	}
	list_push(h, rest);
}

/* Makes the heap end at least `need` bytes past a free last chunk (or past the end). */
static int extend(struct selfe_heap *h, size_t need)
{
	size_t have = h->last && !(h->last->size & INUSE) ? csize(h->last) : 0;
	size_t more = need - have;
	size_t step = h->grow_step;
	if (more > SIZE_MAX - step)
		return -1;
	more = (more + step - 1) & ~(step - 1);
	if (more > h->max_end - h->end) {
		more = (need - have + SELFE_HEAP_ALIGN - 1) & ~(size_t)(SELFE_HEAP_ALIGN - 1);
		if (more > h->max_end - h->end)
			return -1;
	}
	if (!h->grow || h->grow(h->ctx, h->end, h->end + more))
		return -1;
	struct selfe_heap_chunk *c = (struct selfe_heap_chunk *)h->end;
	c->prev_size = h->last ? csize(h->last) : 0;
	h->end += more;
	if (have) {
		list_remove(h, h->last);
		set_size(h, h->last, have + more, 0);
		list_push(h, h->last);
	} else {
		set_size(h, c, more, 0);
		list_push(h, c);
	}
	return 0;
}

void *selfe_heap_malloc(struct selfe_heap *h, size_t n)
{
	size_t need = request(n);
	if (!need || need > h->max_end - h->base)
		return NULL;
	struct selfe_heap_chunk *c = h->free_list;
	while (c && csize(c) < need)
		c = c->next;
	if (!c) {
		if (extend(h, need))
			return NULL;
		c = h->last;
	}
	list_remove(h, c);
	split(h, c, need);
	h->in_use += csize(c);
	return payload(c);
}

void *selfe_heap_calloc(struct selfe_heap *h, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return NULL;
	void *p = selfe_heap_malloc(h, count * size);
	if (p)
		selfe_rt_memset(p, 0, count * size);
	return p;
}

void selfe_heap_free(struct selfe_heap *h, void *p)
{
	if (!p)
		return;
	struct selfe_heap_chunk *c = chunk_of(p);
	h->in_use -= csize(c);
	size_t size = csize(c);
	struct selfe_heap_chunk *n = next_chunk(h, c);
	if (n && !(n->size & INUSE)) {
		list_remove(h, n);
		size += csize(n);
	}
	struct selfe_heap_chunk *pv = prev_chunk(h, c);
	if (pv && !(pv->size & INUSE)) {
		list_remove(h, pv);
		size += csize(pv);
		c = pv;
	}
	set_size(h, c, size, 0);
	list_push(h, c);
}

size_t selfe_heap_usable_size(const void *p)
{
	return p ? csize(chunk_of(p)) - HDR : 0;
}

void *selfe_heap_realloc(struct selfe_heap *h, void *p, size_t n)
{
	if (!p)
		return selfe_heap_malloc(h, n);
	if (n == 0) {
		selfe_heap_free(h, p);
		return NULL;
	}
	size_t need = request(n);
	if (!need)
		return NULL;
	struct selfe_heap_chunk *c = chunk_of(p);
	size_t size = csize(c);
	if (need <= size) {
		h->in_use -= size;
		split(h, c, need);
		h->in_use += csize(c);
		return p;
	}
	struct selfe_heap_chunk *nx = next_chunk(h, c);
	if (nx && !(nx->size & INUSE) && size + csize(nx) >= need) {
		list_remove(h, nx);
		h->in_use -= size;
		set_size(h, c, size + csize(nx), INUSE);
		split(h, c, need);
		h->in_use += csize(c);
		return p;
	}
	void *q = selfe_heap_malloc(h, n);
	if (!q)
		return NULL; /* p is untouched, as C wants */
	selfe_rt_memcpy(q, p, size - HDR);
	selfe_heap_free(h, p);
	return q;
}

void *selfe_heap_aligned_alloc(struct selfe_heap *h, size_t align, size_t n)
{
	if (align == 0 || (align & (align - 1)))
		return NULL;
	if (align <= SELFE_HEAP_ALIGN)
		return selfe_heap_malloc(h, n);
	size_t need = request(n);
	if (!need || need > SIZE_MAX - align - MIN_CHUNK)
		return NULL;
	/* Room for the aligned chunk (need bytes) wherever the alignment puts it, and a front part
	 * of at least MIN_CHUNK before it. */
	void *p = selfe_heap_malloc(h, need + align + MIN_CHUNK);
	if (!p)
		return NULL;
	uintptr_t a = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
	while (a != (uintptr_t)p && a - (uintptr_t)p < MIN_CHUNK)
		a += align; /* room for the front part to be a chunk of its own */
	if (a == (uintptr_t)p)
		return p;
	/* Cut the front off as a free chunk; the aligned chunk keeps the rest. */
	struct selfe_heap_chunk *c = chunk_of(p), *d = chunk_of((void *)a);
	size_t front = a - (uintptr_t)p, size = csize(c);
	h->in_use -= size;
	d->prev_size = front;
	set_size(h, d, size - front, INUSE);
	set_size(h, c, front, INUSE);
	h->in_use += front; /* selfe_heap_free takes it off again */
	selfe_heap_free(h, payload(c));
	split(h, d, need); /* and give back what lies past n */
	h->in_use += csize(d);
	return (void *)a;
}

int selfe_heap_check(const struct selfe_heap *h)
{
	size_t free_chunks = 0, listed = 0, used = 0;
	size_t prev = 0;
	int prev_free = 0;
	const struct selfe_heap_chunk *c = (const struct selfe_heap_chunk *)h->base, *last = NULL;
	while ((uintptr_t)c < h->end) {
		size_t s = csize(c);
		if (s < MIN_CHUNK || s % SELFE_HEAP_ALIGN || s > h->end - (uintptr_t)c)
			return __LINE__;
		if (c->prev_size != prev)
			return __LINE__;
		int is_free = !(c->size & INUSE);
		if (is_free && prev_free)
			return __LINE__; /* two free neighbours were not merged */
		if (is_free)
			free_chunks++;
		else
			used += s;
		prev = s;
		prev_free = is_free;
		last = c;
		c = (const struct selfe_heap_chunk *)((uintptr_t)c + s);
	}
	if ((uintptr_t)c != h->end || last != h->last || used != h->in_use)
		return __LINE__;
	for (const struct selfe_heap_chunk *f = h->free_list; f; f = f->next) {
		if (f->size & INUSE || (f->next && f->next->prev != f) || ++listed > free_chunks)
			return __LINE__;
	}
	return listed == free_chunks ? 0 : __LINE__;
}
