/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Mapping frames into the root task's own VSpace.  The arch-neutral part is a retry loop: map
 * the frame; when the kernel answers FailedLookup, a paging structure on the way down is
 * missing, so make one, map it at the same address (the kernel puts it at the first missing
 * level) and try again.  What differs per arch is the object types and invocations, and on
 * x86_64 which of three table types is missing, which the kernel reports as the number of
 * address bits still to translate (seL4_MappingFailedLookupLevel).
 */
#include <selfe/runtime.h>

#include "hello.h"

#include <sel4/arch/mapping.h> /* needs sel4.h first */

#if defined(CONFIG_ARCH_X86_64)

#define FRAME_OBJECT seL4_X86_4K

static seL4_Error map_frame(seL4_CPtr frame, seL4_Word vaddr)
{
	return seL4_X86_Page_Map(frame, seL4_CapInitThreadVSpace, vaddr, seL4_ReadWrite, seL4_X86_Default_VMAttributes);
}

static seL4_Error add_table(struct alloc *al, seL4_Word vaddr)
{
	seL4_Word bits_left = seL4_MappingFailedLookupLevel();
	seL4_CPtr vspace = seL4_CapInitThreadVSpace;
	switch (bits_left) {
	case SEL4_MAPPING_LOOKUP_NO_PDPT:
		return seL4_X86_PDPT_Map(alloc_object(al, seL4_X86_PDPTObject, 0), vspace, vaddr,
					 seL4_X86_Default_VMAttributes);
	case SEL4_MAPPING_LOOKUP_NO_PD:
		return seL4_X86_PageDirectory_Map(alloc_object(al, seL4_X86_PageDirectoryObject, 0), vspace, vaddr,
						  seL4_X86_Default_VMAttributes);
	case SEL4_MAPPING_LOOKUP_NO_PT:
		return seL4_X86_PageTable_Map(alloc_object(al, seL4_X86_PageTableObject, 0), vspace, vaddr,
					      seL4_X86_Default_VMAttributes);
	default:
		selfe_panic("hello: mapping 0x%lx: unexpected lookup failure level %lu", (unsigned long)vaddr,
			    (unsigned long)bits_left);
	}
}

#elif defined(CONFIG_ARCH_ARM)

#define FRAME_OBJECT seL4_ARM_SmallPageObject

static seL4_Error map_frame(seL4_CPtr frame, seL4_Word vaddr)
{
	return seL4_ARM_Page_Map(frame, seL4_CapInitThreadVSpace, vaddr, seL4_ReadWrite, seL4_ARM_Default_VMAttributes);
}

/* Every level below the root is the same object type on aarch32 and aarch64. */
static seL4_Error add_table(struct alloc *al, seL4_Word vaddr)
{
	return seL4_ARM_PageTable_Map(alloc_object(al, seL4_ARM_PageTableObject, 0), seL4_CapInitThreadVSpace, vaddr,
				      seL4_ARM_Default_VMAttributes);
}

#elif defined(CONFIG_ARCH_RISCV)

#define FRAME_OBJECT seL4_RISCV_4K_Page

static seL4_Error map_frame(seL4_CPtr frame, seL4_Word vaddr)
{
	return seL4_RISCV_Page_Map(frame, seL4_CapInitThreadVSpace, vaddr, seL4_ReadWrite,
				   seL4_RISCV_Default_VMAttributes);
}

static seL4_Error add_table(struct alloc *al, seL4_Word vaddr)
{
	return seL4_RISCV_PageTable_Map(alloc_object(al, seL4_RISCV_PageTableObject, 0), seL4_CapInitThreadVSpace,
					vaddr, seL4_RISCV_Default_VMAttributes);
}

#else
#error "examples/hello: no VSpace code for this architecture"
#endif

seL4_CPtr vspace_map_new_frame(struct alloc *al, seL4_Word vaddr, unsigned *tables_made)
{
	seL4_CPtr frame = alloc_object(al, FRAME_OBJECT, seL4_PageBits);
	/* No arch has more than four levels of translation: give up after that many tables. */
	for (int tables = 0; tables <= 4; tables++) {
		seL4_Error err = map_frame(frame, vaddr);
		if (err == seL4_NoError)
			return frame;
		if (err != seL4_FailedLookup)
			selfe_panic("hello: mapping a frame at 0x%lx failed: error %d", (unsigned long)vaddr, (int)err);
		err = add_table(al, vaddr);
		if (err != seL4_NoError)
			selfe_panic("hello: mapping a page table for 0x%lx failed: error %d", (unsigned long)vaddr,
				    (int)err);
		(*tables_made)++;
	}
	selfe_panic("hello: mapping 0x%lx still fails after adding 5 tables", (unsigned long)vaddr);
}
