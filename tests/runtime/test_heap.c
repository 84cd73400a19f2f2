/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The heap allocator (runtime/lib/heap.c) against a model: random malloc / calloc / realloc /
 * aligned_alloc / free sequences, every live block filled with its own pattern and checked
 * before it is freed or moved, the heap's invariants walked as it goes, sizes that overflow
 * rejected, and a grow that refuses turning into NULL without damage.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "selfe/heap.h"

#define ARENA (16u << 20)
static unsigned char *arena;
static size_t grown;     /* bytes the heap asked for so far */
static size_t grow_cap;  /* refuse to grow past this */

static int grow(void *ctx, uintptr_t old_end, uintptr_t new_end)
{
	CHECK(ctx == &grown);
	CHECK(old_end == (uintptr_t)arena + grown);
	if (new_end > (uintptr_t)arena + grow_cap)
		return -1;
	grown = new_end - (uintptr_t)arena;
	return 0;
}

static void setup(struct selfe_heap *h, size_t cap)
{
	if (!arena)
		arena = aligned_alloc(4096, ARENA);
	grown = 0;
	grow_cap = cap;
	selfe_heap_init(h, (uintptr_t)arena, ARENA, 4096, grow, &grown);
}

static uint64_t rng = 88172645463325252ull;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

struct live {
	unsigned char *p;
	size_t n;
	unsigned char fill;
};

static int content_ok(const struct live *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->p[i] != (unsigned char)(l->fill + i))
			return 0;
	return 1;
}

static void fill(struct live *l)
{
	for (size_t i = 0; i < l->n; i++)
		l->p[i] = (unsigned char)(l->fill + i);
}

static size_t random_size(void)
{
	switch (next_rand() % 8) {
	case 0:
		return 0;
	case 1:
		return next_rand() % 8192 + 4096;
	case 2:
		return next_rand() % 70000;
	default:
		return next_rand() % 256;
	}
}

TEST(test_runtime__heap_random_sequences_match_a_model)
{
	struct selfe_heap h;
	setup(&h, ARENA);
	enum { SLOTS = 300, OPS = 60000 };
	static struct live model[SLOTS];
	memset(model, 0, sizeof model);
	for (int op = 0; op < OPS; op++) {
		struct live *l = &model[next_rand() % SLOTS];
		unsigned kind = (unsigned)(next_rand() % 5);
		if (l->p && !content_ok(l)) {
			CHECK_INT_EQ(op, -1); /* a live block's bytes changed */
			return;
		}
		if (kind == 0 || (l->p && kind == 1)) { /* free (free(NULL) included) */
			selfe_heap_free(&h, l->p);
			l->p = NULL;
		} else if (kind == 2 && l->p) { /* realloc keeps the common prefix */
			size_t n = random_size() + 1, keep = n < l->n ? n : l->n;
			unsigned char *q = selfe_heap_realloc(&h, l->p, n);
			CHECK(q != NULL);
			if (!q)
				return;
			for (size_t i = 0; i < keep; i++)
				if (q[i] != (unsigned char)(l->fill + i)) {
					CHECK_INT_EQ(op, -2);
					return;
				}
			l->p = q;
			l->n = n;
			fill(l);
		} else if (!l->p) {
			size_t n = random_size();
			size_t align = (size_t)1 << (next_rand() % 13);
			if (kind == 3) {
				l->p = selfe_heap_aligned_alloc(&h, align, n);
				CHECK(l->p && ((uintptr_t)l->p & (align - 1)) == 0);
			} else if (kind == 4) {
				l->p = selfe_heap_calloc(&h, n, 1);
				for (size_t i = 0; l->p && i < n; i++)
					CHECK(l->p[i] == 0);
			} else {
				l->p = selfe_heap_malloc(&h, n);
			}
			CHECK(l->p != NULL);
			if (!l->p)
				return;
			CHECK(((uintptr_t)l->p & (SELFE_HEAP_ALIGN - 1)) == 0);
			CHECK(selfe_heap_usable_size(l->p) >= n);
			CHECK((uintptr_t)l->p >= (uintptr_t)arena && (uintptr_t)l->p + n <= (uintptr_t)arena + grown);
			l->n = n;
			l->fill = (unsigned char)next_rand();
			fill(l);
		}
		if (op % 13 == 0)
			CHECK_INT_EQ(selfe_heap_check(&h), 0);
	}
	for (int i = 0; i < SLOTS; i++) {
		CHECK(!model[i].p || content_ok(&model[i]));
		selfe_heap_free(&h, model[i].p);
	}
	CHECK_INT_EQ(selfe_heap_check(&h), 0);
	CHECK_INT_EQ(h.in_use, 0);
	/* Everything merged back: one free chunk spans all that was grown, so a block of that
	 * size (less its header) fits without growing. */
	size_t before = grown;
	CHECK(selfe_heap_malloc(&h, grown - SELFE_HEAP_ALIGN) != NULL);
	CHECK_INT_EQ(grown, before);
}

TEST(test_runtime__heap_rejects_sizes_that_overflow)
{
	struct selfe_heap h;
	setup(&h, ARENA);
	CHECK(selfe_heap_malloc(&h, SIZE_MAX) == NULL);
	CHECK(selfe_heap_malloc(&h, SIZE_MAX - 8) == NULL);
	CHECK(selfe_heap_malloc(&h, ARENA) == NULL); /* bigger than the whole range */
	CHECK(selfe_heap_calloc(&h, SIZE_MAX / 2, 3) == NULL);
	CHECK(selfe_heap_calloc(&h, (SIZE_MAX >> 4) + 1, 16) == NULL); /* wraps to exactly 0 */
	CHECK(selfe_heap_aligned_alloc(&h, 4096, SIZE_MAX - 100) == NULL);
	CHECK(selfe_heap_aligned_alloc(&h, 3, 16) == NULL);   /* not a power of two */
	CHECK(selfe_heap_aligned_alloc(&h, 0, 16) == NULL);
	unsigned char *p = selfe_heap_malloc(&h, 100);
	CHECK(p != NULL);
	memset(p, 0x5a, 100);
	CHECK(selfe_heap_realloc(&h, p, SIZE_MAX - 4) == NULL);
	CHECK(p[0] == 0x5a && p[99] == 0x5a); /* a failed realloc leaves the block alone */
	CHECK(selfe_heap_realloc(&h, p, 0) == NULL); /* frees */
	CHECK_INT_EQ(h.in_use, 0);
	CHECK_INT_EQ(selfe_heap_check(&h), 0);
}

TEST(test_runtime__heap_grows_only_on_demand_and_survives_a_refusal)
{
	struct selfe_heap h;
	setup(&h, 64 * 1024);
	CHECK_INT_EQ(grown, 0);
	void *a = selfe_heap_malloc(&h, 10);
	CHECK(a != NULL);
	CHECK_INT_EQ(grown, 4096); /* one step */
	void *big = selfe_heap_malloc(&h, 100 * 1024); /* past what grow allows */
	CHECK(big == NULL);
	CHECK_INT_EQ(selfe_heap_check(&h), 0);
	void *b = selfe_heap_malloc(&h, 40 * 1024);
	CHECK(b != NULL);
	CHECK(grown <= 64 * 1024);
	selfe_heap_free(&h, a);
	selfe_heap_free(&h, b);
	CHECK_INT_EQ(selfe_heap_check(&h), 0);
	/* a heap with no grow function has nothing to give */
	struct selfe_heap none;
	selfe_heap_init(&none, (uintptr_t)arena, ARENA, 4096, NULL, NULL);
	CHECK(selfe_heap_malloc(&none, 1) == NULL);
}
