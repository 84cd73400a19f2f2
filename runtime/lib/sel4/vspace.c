/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Memory in the root task's VSpace (selfe/alloc.h).  Mapping is a retry loop the same on every
 * arch: map the frame; when the kernel answers FailedLookup a paging structure on the way down
 * is missing, so make one for that address (arch.c knows which) and try again.  Paging
 * structures made this way stay: later mappings nearby use them.
 */
#include <selfe/alloc.h>

#include "arch.h"

#define PAGE ((seL4_Word)1 << seL4_PageBits)
#define LARGE ((seL4_Word)1 << seL4_LargePageBits)

seL4_Error selfe_vaddr_reserve(struct selfe_alloc *al, seL4_Word bytes, unsigned align_bits, seL4_Word *vaddr)
{
	if (align_bits < seL4_PageBits)
		align_bits = seL4_PageBits;
	if (align_bits >= seL4_WordBits || bytes > al->vaddr_end - al->vaddr_next)
		return seL4_NotEnoughMemory;
	seL4_Word size = (bytes + PAGE - 1) & ~(PAGE - 1), a = (seL4_Word)1 << align_bits;
	selfe_lock_acquire(&al->lock);
	seL4_Word at = (al->vaddr_next + a - 1) & ~(a - 1);
	seL4_Error err = seL4_NotEnoughMemory;
	if (at >= al->vaddr_next && at <= al->vaddr_end && size <= al->vaddr_end - at) {
		al->vaddr_next = at + size;
		*vaddr = at;
		err = seL4_NoError;
	}
	selfe_lock_release(&al->lock);
	return err;
}

seL4_Error selfe_map_frame(struct selfe_alloc *al, seL4_CPtr frame, seL4_Word vaddr, unsigned flags)
{
	/* No arch has more than four levels of translation: give up after that many tables. */
	for (int tables = 0; tables <= 4; tables++) {
		seL4_Error err = selfe_rt_arch_map_frame(frame, seL4_CapInitThreadVSpace, vaddr, flags);
		if (err != seL4_FailedLookup)
			return err;
		err = selfe_rt_arch_add_table(al, vaddr);
		if (err != seL4_NoError)
			return err;
	}
	return seL4_FailedLookup;
}

/* Unmaps and frees n frames in slots first.. (some maybe never mapped or made). */
static void unwind(struct selfe_alloc *al, seL4_CPtr first, seL4_Word n)
{
	for (seL4_Word i = 0; i < n; i++)
		selfe_rt_arch_unmap_frame(first + i);
	selfe_slots_free(al, first, n);
}

/* Fresh frames for [vaddr, vaddr + bytes): large pages where the address is aligned and enough
 * is left (if `large`), small ones elsewhere.  The frames get contiguous slots so a failure can
 * undo them all. */
static seL4_Error map_fresh(struct selfe_alloc *al, seL4_Word vaddr, seL4_Word bytes, unsigned flags, int large)
{
	seL4_Word n = 0;
	for (seL4_Word off = 0; off < bytes; n++)
		off += large && !((vaddr + off) & (LARGE - 1)) && bytes - off >= LARGE ? LARGE : PAGE;
	seL4_CPtr first;
	seL4_Error err = selfe_slots_alloc(al, n, &first);
	if (err != seL4_NoError)
		return err;
	seL4_Word off = 0;
	for (seL4_Word i = 0; i < n; i++) {
		int big = large && !((vaddr + off) & (LARGE - 1)) && bytes - off >= LARGE;
		long type = selfe_rt_arch_frame_type(big ? seL4_LargePageBits : seL4_PageBits);
		err = selfe_rt_object_into(al, (seL4_Word)type, 0, first + i);
		if (err == seL4_NoError)
			err = selfe_map_frame(al, first + i, vaddr + off, flags);
		if (err != seL4_NoError) {
			unwind(al, first, n);
			return err;
		}
		off += big ? LARGE : PAGE;
	}
	return seL4_NoError;
}

seL4_Error selfe_map_new(struct selfe_alloc *al, seL4_Word vaddr, seL4_Word bytes, unsigned flags, void **out)
{
	if (bytes == 0 || bytes > SELFE_VADDR_END - SELFE_VADDR_BASE || (vaddr & (PAGE - 1)))
		return seL4_InvalidArgument;
	bytes = (bytes + PAGE - 1) & ~(PAGE - 1);
	seL4_Error err;
	if (!vaddr && (err = selfe_vaddr_reserve(al, bytes, bytes >= LARGE ? seL4_LargePageBits : seL4_PageBits,
						 &vaddr)) != seL4_NoError)
		return err;
	err = map_fresh(al, vaddr, bytes, flags, 1);
	if (err == seL4_NotEnoughMemory && bytes >= LARGE)
		err = map_fresh(al, vaddr, bytes, flags, 0); /* no untyped has a large page left */
	if (err == seL4_NoError)
		*out = (void *)vaddr;
	return err;
}

seL4_Error selfe_map_device(struct selfe_alloc *al, seL4_Word paddr, seL4_Word bytes, unsigned flags, void **out)
{
	if (bytes == 0 || (paddr & (PAGE - 1)) || bytes > SELFE_VADDR_END - SELFE_VADDR_BASE)
		return seL4_InvalidArgument;
	seL4_Word n = (bytes + PAGE - 1) / PAGE;
	if (!(flags & (SELFE_MAP_READ | SELFE_MAP_WRITE)))
		flags |= SELFE_MAP_RW;
	seL4_Word vaddr;
	seL4_Error err = selfe_vaddr_reserve(al, n * PAGE, seL4_PageBits, &vaddr);
	if (err != seL4_NoError)
		return err;
	seL4_CPtr first;
	if ((err = selfe_rt_device_frames(al, paddr, seL4_PageBits, n, &first)) != seL4_NoError)
		return err;
	for (seL4_Word i = 0; i < n; i++) {
		if ((err = selfe_map_frame(al, first + i, vaddr + i * PAGE, flags)) != seL4_NoError) {
			/* The padding objects before the frames stay (they hold the untyped's place). */
			unwind(al, first, n);
			return err;
		}
	}
	*out = (void *)vaddr;
	return seL4_NoError;
}
