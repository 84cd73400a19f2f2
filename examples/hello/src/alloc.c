/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Object allocation for the example: retype from one untyped, one object per slot, into the
 * empty range of the root CNode that boot info names.  Nothing is ever freed.
 */
#include <selfe/runtime.h>

#include "hello.h"

int alloc_init(struct alloc *al, const seL4_BootInfo *bi, seL4_Word min_bits)
{
	seL4_CPtr best = seL4_CapNull;
	seL4_Word best_bits = 0;
	for (seL4_CPtr slot = bi->untyped.start; slot < bi->untyped.end; slot++) {
		const seL4_UntypedDesc *d = &bi->untypedList[slot - bi->untyped.start];
		if (d->isDevice || d->sizeBits < min_bits)
			continue;
		if (best == seL4_CapNull || d->sizeBits < best_bits) {
			best = slot;
			best_bits = d->sizeBits;
		}
	}
	if (best == seL4_CapNull)
		return -1;
	al->untyped = best;
	al->size_bits = best_bits;
	al->next_slot = bi->empty.start;
	al->end_slot = bi->empty.end;
	return 0;
}

static seL4_CPtr take_slot(struct alloc *al)
{
	if (al->next_slot >= al->end_slot)
		selfe_panic("hello: the root CNode has no empty slot left");
	return al->next_slot++;
}

seL4_CPtr alloc_object(struct alloc *al, seL4_Word type, seL4_Word size_bits)
{
	seL4_CPtr slot = take_slot(al);
	/* Depth 0 names the root CNode itself as the destination; the object lands in `slot`. */
	seL4_Error err = seL4_Untyped_Retype(al->untyped, type, size_bits, seL4_CapInitThreadCNode, 0, 0, slot, 1);
	if (err != seL4_NoError)
		selfe_panic("hello: retyping object type %lu from untyped %lu failed: error %d", (unsigned long)type,
			    (unsigned long)al->untyped, (int)err);
	return slot;
}

seL4_CPtr alloc_badged_copy(struct alloc *al, seL4_CPtr src, seL4_Word badge)
{
	seL4_CPtr slot = take_slot(al);
	seL4_Error err = seL4_CNode_Mint(seL4_CapInitThreadCNode, slot, seL4_WordBits, seL4_CapInitThreadCNode, src,
					 seL4_WordBits, seL4_AllRights, badge);
	if (err != seL4_NoError)
		selfe_panic("hello: minting a badged copy of cap %lu failed: error %d", (unsigned long)src, (int)err);
	return slot;
}
