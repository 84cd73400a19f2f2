/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the toolkit (alloc.c, vspace.c, thread.c) needs to know per architecture, and nothing
 * else: frame and paging object types, mapping invocations, the sizes of fixed-size objects,
 * entry registers of a new thread, and an address range no root task image uses.
 */
#ifndef SELFE_RT_TOOLKIT_ARCH_H
#define SELFE_RT_TOOLKIT_ARCH_H

#include <sel4/sel4.h>

#include "selfe/alloc.h"

/* Map frame at vaddr into vspace; flags are SELFE_MAP_*. */
seL4_Error selfe_rt_arch_map_frame(seL4_CPtr frame, seL4_CPtr vspace, seL4_Word vaddr, unsigned flags);
seL4_Error selfe_rt_arch_unmap_frame(seL4_CPtr frame);
/* After a FailedLookup from a frame mapping at vaddr: make and map the missing paging structure. */
seL4_Error selfe_rt_arch_add_table(struct selfe_alloc *al, seL4_Word vaddr);
seL4_Error selfe_rt_arch_frame_paddr(seL4_CPtr frame, seL4_Word *paddr);
/* log2 of an object's size; size_bits is the caller's for the variable-sized ones; -1 unknown. */
int selfe_rt_arch_object_bits(seL4_Word type, seL4_Word size_bits);
/* Registers so that the thread runs pc(arg) on stack sp (16-byte aligned, nothing pushed). */
void selfe_rt_arch_set_entry(seL4_UserContext *regs, seL4_Word pc, seL4_Word sp, seL4_Word arg);

/* Internal to the toolkit (alloc.c): an object into a slot the caller owns; `count` device
 * frames from paddr on, in contiguous slots (*first_frame the first). */
seL4_Error selfe_rt_object_into(struct selfe_alloc *al, seL4_Word type, seL4_Word size_bits, seL4_CPtr slot);
seL4_Error selfe_rt_device_frames(struct selfe_alloc *al, seL4_Word paddr, unsigned bits, seL4_Word count,
				  seL4_CPtr *first_frame);

/* The frame object of 2^bits bytes, or -1 when the arch has none of that size. */
long selfe_rt_arch_frame_type(unsigned bits);

#endif
