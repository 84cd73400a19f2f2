/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The bookkeeping behind selfe/alloc.h, in pure C (no libsel4, so it runs as a host unit test):
 * which CSpace slots are free, and where in which untyped the next object lands.
 *
 * Slots: a bitmap over one range [first, first + n) of slot numbers (the root CNode's empty
 * range from boot info), at most SELFE_BOOK_SLOTS_MAX of them; single slots and runs of n
 * contiguous slots, first fit.
 *
 * Untypeds: each one's physical address, size, device flag and watermark.  The kernel places an
 * object of 2^b bytes at the untyped's watermark rounded up to 2^b and moves the watermark past
 * it; selfe_book_place mirrors exactly that, so the book knows an object's physical address
 * before the kernel is asked.  The watermark only goes back to 0 through selfe_book_reset, after
 * the untyped's children are revoked.  RAM objects come from the RAM untyped that wastes the
 * least; device untypeds are used only when asked for by physical address.
 *
 * Results are seL4 error numbers (seL4_Error, whose values are part of the kernel ABI), spelled
 * here without libsel4: 0 success, SELFE_E_RANGE, SELFE_E_NOMEM, SELFE_E_ARG, SELFE_E_USED.
 */
#ifndef SELFE_RT_BOOK_H
#define SELFE_RT_BOOK_H

#include <stddef.h>
#include <stdint.h>

#define SELFE_E_ARG 1    /* seL4_InvalidArgument: a size or count that makes no sense */
#define SELFE_E_RANGE 4  /* seL4_RangeError: no untyped holds that physical address */
#define SELFE_E_USED 9   /* seL4_RevokeFirst: that address lies below the untyped's watermark */
#define SELFE_E_NOMEM 10 /* seL4_NotEnoughMemory: no room (memory or slots) */

#define SELFE_BOOK_UNTYPED_MAX 255   /* boot info lists at most 230 by default */
#define SELFE_BOOK_SLOTS_MAX 16384   /* a 2^14-slot root CNode; larger ranges are cut */
#define SELFE_BOOK_PAD_MAX 128       /* padding objects a placement by address can need */

struct selfe_book_untyped {
	uintptr_t cap;     /* its capability (a slot number) */
	uint64_t paddr;    /* physical address of its first byte */
	uint64_t used;     /* watermark: bytes from paddr already handed out */
	uint32_t live;     /* objects made from it that still exist */
	uint8_t size_bits; /* 2^size_bits bytes */
	uint8_t device;    /* device memory: only ever placed into by address */
};

struct selfe_book {
	struct selfe_book_untyped ut[SELFE_BOOK_UNTYPED_MAX];
	size_t n_ut;
	uintptr_t slot_first; /* first slot of the range */
	size_t n_slots;       /* slots in the range */
	size_t slots_free;
	uint32_t slot_used[SELFE_BOOK_SLOTS_MAX / 32]; /* bit set: slot taken */
	uint8_t slot_ut[SELFE_BOOK_SLOTS_MAX];         /* 1 + untyped of the object in it, or 0 */
};

/* An empty book over slots [first, end) (cut to SELFE_BOOK_SLOTS_MAX). */
void selfe_book_init(struct selfe_book *b, uintptr_t first, uintptr_t end);

/* Adds an untyped; SELFE_E_NOMEM when the table is full, SELFE_E_ARG for size_bits > 63. */
int selfe_book_add_untyped(struct selfe_book *b, uintptr_t cap, uint64_t paddr, unsigned size_bits, int device);

/* Takes n >= 1 contiguous free slots (first fit): *first is the lowest. */
int selfe_book_take_slots(struct selfe_book *b, size_t n, uintptr_t *first);
/* Gives back n slots from first (each must be taken; others are ignored). */
void selfe_book_give_slots(struct selfe_book *b, uintptr_t first, size_t n);
/* Whether slot s is in the range and taken. */
int selfe_book_slot_taken(const struct selfe_book *b, uintptr_t s);

/*
 * Places an object of 2^size_bits bytes in the RAM untyped where it wastes least (the smallest
 * alignment gap, then the smallest untyped); moves that watermark.  *index is the untyped's
 * index in b->ut, *offset the object's offset in it.
 */
int selfe_book_place(struct selfe_book *b, unsigned size_bits, size_t *index, uint64_t *offset);

/*
 * For an object of 2^size_bits bytes at physical address paddr (a multiple of its size): the
 * untyped holding it (device or RAM), and the padding the kernel must be given first to move
 * the watermark there: pad_bits[0..*n_pad) are sizes of untyped objects to retype, in order,
 * each >= min_bits and <= max_bits (seL4_MinUntypedBits, seL4_MaxUntypedBits).  The book's
 * watermark moves past the object.  SELFE_E_RANGE when no untyped holds it, SELFE_E_USED when
 * the watermark is already past paddr.
 */
int selfe_book_place_at(struct selfe_book *b, uint64_t paddr, unsigned size_bits, unsigned min_bits,
			unsigned max_bits, size_t *index, unsigned char pad_bits[SELFE_BOOK_PAD_MAX], size_t *n_pad);

/*
 * The object placed in untyped `index` now lives in `slot` / the object in `slot` is gone.
 * When an untyped's last object goes, its watermark returns to 0, as the kernel's does (it
 * resets an untyped that has no children when it is next retyped).  forget returns the
 * untyped's index, or (size_t)-1 when the slot held no object of the book's.
 */
void selfe_book_note_object(struct selfe_book *b, uintptr_t slot, size_t index);
size_t selfe_book_forget_object(struct selfe_book *b, uintptr_t slot);

/* Undoes the last placement in untyped `index` (the kernel refused it): watermark back to `used`. */
void selfe_book_unplace(struct selfe_book *b, size_t index, uint64_t used);
/* After its children are revoked: untyped `index` is empty again. */
void selfe_book_reset(struct selfe_book *b, size_t index);
/* Index of the untyped holding paddr (device or RAM), or (size_t)-1. */
size_t selfe_book_find(const struct selfe_book *b, uint64_t paddr);

#endif
