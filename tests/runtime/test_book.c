/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The allocator's bookkeeping (runtime/lib/book.c): slots against a model bitmap, and object
 * placement against the kernel's rule for retyping (an object of 2^b bytes goes at the
 * watermark rounded up to 2^b), including the padding that reaches a device address.
 */
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "selfe/book.h"

static struct selfe_book book;

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

TEST(test_runtime__book_slots_match_a_model)
{
	enum { FIRST = 17, N = 1000 };
	static unsigned char model[N];
	memset(model, 0, sizeof model);
	selfe_book_init(&book, FIRST, FIRST + N);
	size_t free_count = N;
	for (int op = 0; op < 20000; op++) {
		size_t n = next_rand() % 4 == 0 ? next_rand() % 40 + 1 : 1;
		if (next_rand() % 2) {
			uintptr_t first = 0;
			int rc = selfe_book_take_slots(&book, n, &first);
			/* The model's first fit. */
			size_t run = 0, want = (size_t)-1;
			for (size_t i = 0; i < N; i++) {
				run = model[i] ? 0 : run + 1;
				if (run == n) {
					want = i + 1 - n;
					break;
				}
			}
			if (want == (size_t)-1) {
				CHECK_INT_EQ(rc, SELFE_E_NOMEM);
			} else {
				CHECK_INT_EQ(rc, 0);
				CHECK_INT_EQ(first, FIRST + want);
				memset(model + want, 1, n);
				free_count -= n;
			}
		} else {
			size_t at = next_rand() % N;
			if (at + n > N)
				n = N - at;
			for (size_t k = 0; k < n; k++)
				if (model[at + k]) {
					model[at + k] = 0;
					free_count++;
				}
			selfe_book_give_slots(&book, FIRST + at, n);
		}
		CHECK_INT_EQ(book.slots_free, free_count);
	}
	for (size_t i = 0; i < N; i++)
		CHECK_INT_EQ(selfe_book_slot_taken(&book, FIRST + i), model[i]);
	CHECK(!selfe_book_slot_taken(&book, FIRST - 1));
	CHECK(!selfe_book_slot_taken(&book, FIRST + N));
	uintptr_t f;
	CHECK_INT_EQ(selfe_book_take_slots(&book, 0, &f), SELFE_E_ARG);
	CHECK_INT_EQ(selfe_book_take_slots(&book, N + 1, &f), SELFE_E_NOMEM);
}

TEST(test_runtime__book_cuts_a_huge_slot_range)
{
	selfe_book_init(&book, 10, 10 + 2 * (uintptr_t)SELFE_BOOK_SLOTS_MAX);
	CHECK_INT_EQ(book.n_slots, SELFE_BOOK_SLOTS_MAX);
	uintptr_t f;
	CHECK_INT_EQ(selfe_book_take_slots(&book, SELFE_BOOK_SLOTS_MAX, &f), 0);
	CHECK_INT_EQ(f, 10);
	CHECK_INT_EQ(selfe_book_take_slots(&book, 1, &f), SELFE_E_NOMEM);
}

/* The kernel's placement in an untyped with watermark *w: returns the object's offset. */
static uint64_t kernel_retype(uint64_t *w, unsigned bits)
{
	uint64_t a = (uint64_t)1 << bits;
	uint64_t at = (*w + a - 1) & ~(a - 1);
	*w = at + a;
	return at;
}

TEST(test_runtime__book_places_objects_where_the_kernel_will)
{
	selfe_book_init(&book, 0, 0);
	/* RAM untypeds of several sizes, and a device untyped that must never be picked. */
	CHECK_INT_EQ(selfe_book_add_untyped(&book, 100, 0x100000, 20, 0), 0);
	CHECK_INT_EQ(selfe_book_add_untyped(&book, 101, 0x40000, 14, 0), 0);
	CHECK_INT_EQ(selfe_book_add_untyped(&book, 102, 0x200000, 21, 1), 0);
	CHECK_INT_EQ(selfe_book_add_untyped(&book, 103, 0x8000, 12, 0), 0);
	uint64_t kernel_w[4] = { 0 };
	uint64_t total = 0;
	for (int op = 0; op < 2000; op++) {
		unsigned bits = (unsigned)(next_rand() % 13) + 4;
		size_t idx;
		uint64_t off;
		int rc = selfe_book_place(&book, bits, &idx, &off);
		if (rc) {
			CHECK_INT_EQ(rc, SELFE_E_NOMEM);
			/* Truly no room: no RAM untyped can take it under the kernel's rule. */
			for (size_t i = 0; i < book.n_ut; i++) {
				uint64_t w = kernel_w[i];
				if (book.ut[i].device || book.ut[i].size_bits < bits)
					continue;
				CHECK(kernel_retype(&w, bits) + ((uint64_t)1 << bits) > ((uint64_t)1 << book.ut[i].size_bits));
			}
			continue;
		}
		CHECK(!book.ut[idx].device);
		CHECK_INT_EQ(off, kernel_retype(&kernel_w[idx], bits));
		CHECK(off + ((uint64_t)1 << bits) <= ((uint64_t)1 << book.ut[idx].size_bits));
		CHECK_INT_EQ(book.ut[idx].used, kernel_w[idx]);
		total += (uint64_t)1 << bits;
	}
	CHECK(total > 0);
	CHECK_INT_EQ(book.ut[2].used, 0); /* device memory untouched */
	size_t idx;
	uint64_t off;
	CHECK_INT_EQ(selfe_book_place(&book, 30, &idx, &off), SELFE_E_NOMEM);
	CHECK_INT_EQ(selfe_book_place(&book, 64, &idx, &off), SELFE_E_ARG);
	/* Objects noted in slots: when the last one of an untyped goes, it is empty again. */
	selfe_book_init(&book, 50, 60);
	CHECK_INT_EQ(selfe_book_add_untyped(&book, 100, 0x100000, 20, 0), 0);
	CHECK_INT_EQ(selfe_book_place(&book, 12, &idx, &off), 0);
	selfe_book_note_object(&book, 51, idx);
	CHECK_INT_EQ(selfe_book_place(&book, 12, &idx, &off), 0);
	selfe_book_note_object(&book, 52, idx);
	CHECK_INT_EQ(book.ut[0].used, 8192);
	CHECK_INT_EQ(selfe_book_forget_object(&book, 51), 0);
	CHECK_INT_EQ(book.ut[0].used, 8192);
	CHECK_INT_EQ(selfe_book_forget_object(&book, 51), (size_t)-1); /* already gone */
	CHECK_INT_EQ(selfe_book_forget_object(&book, 52), 0);
	CHECK_INT_EQ(book.ut[0].used, 0);
	/* A reset untyped starts over at 0, as after a revoke. */
	selfe_book_reset(&book, 0);
	CHECK_INT_EQ(selfe_book_place(&book, 20, &idx, &off), 0);
	CHECK_INT_EQ(idx, 0);
	CHECK_INT_EQ(off, 0);
}

TEST(test_runtime__book_pads_to_a_physical_address)
{
	for (int round = 0; round < 500; round++) {
		selfe_book_init(&book, 0, 0);
		CHECK_INT_EQ(selfe_book_add_untyped(&book, 7, 0x10000000, 12, 1), 0);
		CHECK_INT_EQ(selfe_book_add_untyped(&book, 8, 0x40000000, 28, 1), 0);
		/* Some objects already placed (by address, as device memory is). */
		uint64_t w = 0;
		unsigned char pads[SELFE_BOOK_PAD_MAX];
		size_t n_pad, idx;
		int placed = (int)(next_rand() % 4);
		for (int k = 0; k < placed; k++) {
			uint64_t target = w + ((next_rand() % 4096) << 12);
			CHECK_INT_EQ(selfe_book_place_at(&book, 0x40000000 + target, 12, 4, 47, &idx, pads, &n_pad), 0);
			w = target + 4096;
		}
		uint64_t target = w + ((next_rand() % (1u << 15)) << 12);
		unsigned bits = next_rand() % 2 ? 12 : 16;
		target &= ~(((uint64_t)1 << bits) - 1);
		int rc = selfe_book_place_at(&book, 0x40000000 + target, bits, 4, 47, &idx, pads, &n_pad);
		if (target < w) {
			CHECK_INT_EQ(rc, SELFE_E_USED);
			continue;
		}
		CHECK_INT_EQ(rc, 0);
		CHECK_INT_EQ(idx, 1);
		/* Replay the padding with the kernel's rule: no gap, and the object lands on target. */
		uint64_t kw = w;
		for (size_t i = 0; i < n_pad; i++) {
			uint64_t before = kw;
			CHECK(pads[i] >= 4 && pads[i] <= 47);
			CHECK_INT_EQ(kernel_retype(&kw, pads[i]), before);
		}
		CHECK_INT_EQ(kernel_retype(&kw, bits), target);
		CHECK(n_pad <= 2 * 28);
	}
	CHECK_INT_EQ(selfe_book_place_at(&book, 0x20000000, 12, 4, 47, &(size_t){ 0 }, (unsigned char[SELFE_BOOK_PAD_MAX]){ 0 },
					 &(size_t){ 0 }),
		     SELFE_E_RANGE);
	CHECK_INT_EQ(selfe_book_place_at(&book, 0x10000800, 12, 4, 47, &(size_t){ 0 }, (unsigned char[SELFE_BOOK_PAD_MAX]){ 0 },
					 &(size_t){ 0 }),
		     SELFE_E_ARG); /* not aligned to the object's size */
	CHECK_INT_EQ(selfe_book_find(&book, 0x10000fff), 0);
	CHECK_INT_EQ(selfe_book_find(&book, 0x10001000), (size_t)-1);
}
