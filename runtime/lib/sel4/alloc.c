/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Objects and slots (selfe/alloc.h): the kernel side of the book in runtime/lib/book.c.  The
 * book decides where an object goes; the kernel is then asked to put it there, and when it
 * refuses, the book is put back as it was.
 */
#include <selfe/alloc.h>
#include <selfe/console.h>
#include <selfe/runtime.h>

#include "arch.h"

_Static_assert(SELFE_E_ARG == seL4_InvalidArgument && SELFE_E_RANGE == seL4_RangeError &&
		       SELFE_E_USED == seL4_RevokeFirst && SELFE_E_NOMEM == seL4_NotEnoughMemory,
	       "the book's error numbers are seL4's");

seL4_Error selfe_alloc_init(struct selfe_alloc *al, const seL4_BootInfo *bi)
{
	seL4_CPtr end = bi->empty.end;
	seL4_CPtr console = selfe_console_slot();
	if (console && console == end - 1)
		end--; /* selfe-start took the last empty slot for the console's I/O ports */
	selfe_book_init(&al->book, bi->empty.start, end);
	selfe_lock_init(&al->lock, seL4_CapNull);
	al->bi = bi;
	al->vaddr_next = SELFE_VADDR_BASE;
	al->vaddr_end = SELFE_VADDR_END;
	for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++) {
		const seL4_UntypedDesc *d = &bi->untypedList[s - bi->untyped.start];
		if (selfe_book_add_untyped(&al->book, s, d->paddr, d->sizeBits, d->isDevice))
			break; /* more untypeds than the book holds: the rest stay unused */
	}
	/* The lock's notification comes from the book itself, before anyone else can race. */
	seL4_CPtr ntfn;
	seL4_Error err = selfe_notification_alloc(al, &ntfn);
	if (err != seL4_NoError)
		return err;
	selfe_lock_init(&al->lock, ntfn);
	selfe_console_start(al);
	return seL4_NoError;
}

seL4_Error selfe_slots_alloc(struct selfe_alloc *al, seL4_Word n, seL4_CPtr *first)
{
	uintptr_t f;
	selfe_lock_acquire(&al->lock);
	int rc = selfe_book_take_slots(&al->book, n, &f);
	selfe_lock_release(&al->lock);
	if (rc)
		return (seL4_Error)rc;
	*first = f;
	return seL4_NoError;
}

seL4_Error selfe_slot_alloc(struct selfe_alloc *al, seL4_CPtr *slot)
{
	return selfe_slots_alloc(al, 1, slot);
}

void selfe_slots_free(struct selfe_alloc *al, seL4_CPtr first, seL4_Word n)
{
	for (seL4_Word i = 0; i < n; i++)
		seL4_CNode_Delete(seL4_CapInitThreadCNode, first + i, seL4_WordBits);
	selfe_lock_acquire(&al->lock);
	for (seL4_Word i = 0; i < n; i++)
		selfe_book_forget_object(&al->book, first + i);
	selfe_book_give_slots(&al->book, first, n);
	selfe_lock_release(&al->lock);
}

void selfe_object_free(struct selfe_alloc *al, seL4_CPtr cap)
{
	seL4_CNode_Revoke(seL4_CapInitThreadCNode, cap, seL4_WordBits);
	selfe_slots_free(al, cap, 1);
}

/* Retypes one object of 2^bits bytes in untyped `index` into slot; on failure the book is as
 * before (the slot stays the caller's). */
static seL4_Error retype(struct selfe_alloc *al, size_t index, uint64_t used_before, seL4_Word type,
			 seL4_Word size_bits, seL4_CPtr slot)
{
	seL4_Error err = seL4_Untyped_Retype(al->book.ut[index].cap, type, size_bits, seL4_CapInitThreadCNode, 0, 0,
					     slot, 1);
	selfe_lock_acquire(&al->lock);
	if (err == seL4_NoError)
		selfe_book_note_object(&al->book, slot, index);
	else
		selfe_book_unplace(&al->book, index, used_before);
	selfe_lock_release(&al->lock);
	return err;
}

seL4_Error selfe_object_alloc(struct selfe_alloc *al, seL4_Word type, seL4_Word size_bits, seL4_CPtr *cap)
{
	seL4_CPtr slot;
	seL4_Error err = selfe_slot_alloc(al, &slot);
	if (err != seL4_NoError)
		return err;
	err = selfe_rt_object_into(al, type, size_bits, slot);
	if (err != seL4_NoError) {
		selfe_slots_free(al, slot, 1);
		return err;
	}
	*cap = slot;
	return seL4_NoError;
}

seL4_Error selfe_rt_object_into(struct selfe_alloc *al, seL4_Word type, seL4_Word size_bits, seL4_CPtr slot)
{
	int bits = selfe_rt_arch_object_bits(type, size_bits);
	if (bits < 0)
		return seL4_InvalidArgument;
	seL4_Error err = seL4_NotEnoughMemory;
	/* The book and the kernel agree unless an untyped was used behind the book's back; then
	 * the kernel says NotEnoughMemory, the book marks that untyped full and tries the next. */
	for (size_t tries = 0; tries <= al->book.n_ut; tries++) {
		size_t index;
		uint64_t offset;
		selfe_lock_acquire(&al->lock);
		int rc = selfe_book_place(&al->book, (unsigned)bits, &index, &offset);
		selfe_lock_release(&al->lock);
		if (rc) {
			err = (seL4_Error)rc;
			break;
		}
		/* Undone, the watermark goes back to the object's offset: at or above the kernel's. */
		err = retype(al, index, offset, type, size_bits, slot);
		if (err == seL4_NoError)
			return seL4_NoError;
		if (err != seL4_NotEnoughMemory)
			break;
		selfe_lock_acquire(&al->lock);
		al->book.ut[index].used = (uint64_t)1 << al->book.ut[index].size_bits;
		selfe_lock_release(&al->lock);
	}
	return err;
}

seL4_Error selfe_endpoint_alloc(struct selfe_alloc *al, seL4_CPtr *cap)
{
	return selfe_object_alloc(al, seL4_EndpointObject, 0, cap);
}

seL4_Error selfe_notification_alloc(struct selfe_alloc *al, seL4_CPtr *cap)
{
	return selfe_object_alloc(al, seL4_NotificationObject, 0, cap);
}

seL4_Error selfe_tcb_alloc(struct selfe_alloc *al, seL4_CPtr *cap)
{
	return selfe_object_alloc(al, seL4_TCBObject, 0, cap);
}

seL4_Error selfe_frame_alloc(struct selfe_alloc *al, unsigned bits, seL4_CPtr *cap)
{
	long type = selfe_rt_arch_frame_type(bits);
	if (type < 0)
		return seL4_InvalidArgument;
	return selfe_object_alloc(al, (seL4_Word)type, 0, cap);
}

seL4_Error selfe_mint(struct selfe_alloc *al, seL4_CPtr src, seL4_CapRights_t rights, seL4_Word badge,
		      seL4_CPtr *cap)
{
	seL4_CPtr slot;
	seL4_Error err = selfe_slot_alloc(al, &slot);
	if (err != seL4_NoError)
		return err;
	err = seL4_CNode_Mint(seL4_CapInitThreadCNode, slot, seL4_WordBits, seL4_CapInitThreadCNode, src,
			      seL4_WordBits, rights, badge);
	if (err != seL4_NoError) {
		selfe_slots_free(al, slot, 1);
		return err;
	}
	*cap = slot;
	return seL4_NoError;
}

seL4_Error selfe_frame_paddr(seL4_CPtr frame, seL4_Word *paddr)
{
	return selfe_rt_arch_frame_paddr(frame, paddr);
}

seL4_Error selfe_rt_device_frames(struct selfe_alloc *al, seL4_Word paddr, unsigned bits, seL4_Word count,
				  seL4_CPtr *first_frame)
{
	long type = selfe_rt_arch_frame_type(bits);
	if (type < 0 || count == 0)
		return seL4_InvalidArgument;
	unsigned char pads[SELFE_BOOK_PAD_MAX];
	size_t n_pad = 0, index;
	selfe_lock_acquire(&al->lock);
	size_t found = selfe_book_find(&al->book, paddr);
	uint64_t before = found == (size_t)-1 ? 0 : al->book.ut[found].used;
	int rc = selfe_book_place_at(&al->book, paddr, bits, seL4_MinUntypedBits, seL4_MaxUntypedBits, &index, pads,
				     &n_pad);
	if (!rc) {
		/* The other count - 1 frames follow the first in the same untyped. */
		struct selfe_book_untyped *u = &al->book.ut[index];
		uint64_t end = paddr - u->paddr + ((uint64_t)count << bits);
		if (count > ((uint64_t)1 << (63 - bits)) || end > ((uint64_t)1 << u->size_bits)) {
			selfe_book_unplace(&al->book, index, before);
			rc = SELFE_E_RANGE;
		} else {
			u->used = end;
		}
	}
	selfe_lock_release(&al->lock);
	if (rc)
		return (seL4_Error)rc;
	/* Slots for the padding objects and the frames, contiguous so one call frees them all. */
	seL4_CPtr first;
	seL4_Error err = selfe_slots_alloc(al, n_pad + count, &first);
	if (err != seL4_NoError) {
		selfe_lock_acquire(&al->lock);
		selfe_book_unplace(&al->book, index, before);
		selfe_lock_release(&al->lock);
		return err;
	}
	seL4_CPtr ut = al->book.ut[index].cap;
	for (size_t i = 0; i <= n_pad && err == seL4_NoError; i++) {
		int frames = i == n_pad;
		err = seL4_Untyped_Retype(ut, frames ? (seL4_Word)type : seL4_UntypedObject, frames ? 0 : pads[i],
					  seL4_CapInitThreadCNode, 0, 0, first + i, frames ? count : 1);
		selfe_lock_acquire(&al->lock);
		for (seL4_Word k = 0; err == seL4_NoError && k < (frames ? count : 1); k++)
			selfe_book_note_object(&al->book, first + i + k, index);
		selfe_lock_release(&al->lock);
	}
	/* The kernel must have put the first frame where the book said (it would not, had the
	 * untyped been used behind the book's back). */
	seL4_Word got = 0;
	if (err == seL4_NoError && ((err = selfe_frame_paddr(first + n_pad, &got)) != seL4_NoError || got != paddr))
		err = err ? err : seL4_RevokeFirst;
	if (err != seL4_NoError) {
		selfe_slots_free(al, first, n_pad + count);
		return err;
	}
	*first_frame = first + n_pad;
	return seL4_NoError;
}

seL4_Error selfe_device_frame_alloc(struct selfe_alloc *al, seL4_Word paddr, unsigned bits, seL4_CPtr *cap)
{
	return selfe_rt_device_frames(al, paddr, bits, 1, cap);
}
