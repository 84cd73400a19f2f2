/* SPDX-License-Identifier: BSD-2-Clause */
/* The per-architecture half of the toolkit (arch.h): everything else is written once. */
#include <selfe/runtime.h>

#include "arch.h"

#include <sel4/arch/mapping.h> /* needs sel4.h first */

static seL4_CapRights_t rights_of(unsigned flags)
{
	return seL4_CapRights_new(0, 0, (flags & SELFE_MAP_READ) != 0, (flags & SELFE_MAP_WRITE) != 0);
}

static int generic_object_bits(seL4_Word type, seL4_Word size_bits)
{
	switch (type) {
	case seL4_UntypedObject:
		return (int)size_bits;
	case seL4_TCBObject:
		return seL4_TCBBits;
	case seL4_EndpointObject:
		return seL4_EndpointBits;
	case seL4_NotificationObject:
		return seL4_NotificationBits;
	case seL4_CapTableObject:
		return (int)size_bits + seL4_SlotBits;
#ifdef CONFIG_KERNEL_MCS
	case seL4_SchedContextObject:
		return (int)size_bits;
	case seL4_ReplyObject:
		return seL4_ReplyBits;
#endif
	default:
		return -1;
	}
}

#if defined(CONFIG_ARCH_X86_64)

long selfe_rt_arch_frame_type(unsigned bits)
{
	return bits == seL4_PageBits ? seL4_X86_4K : bits == seL4_LargePageBits ? seL4_X86_LargePageObject : -1;
}

int selfe_rt_arch_object_bits(seL4_Word type, seL4_Word size_bits)
{
	switch (type) {
	case seL4_X86_4K:
		return seL4_PageBits;
	case seL4_X86_LargePageObject:
		return seL4_LargePageBits;
	case seL4_X86_PageTableObject:
		return seL4_PageTableBits;
	case seL4_X86_PageDirectoryObject:
		return seL4_PageDirBits;
	case seL4_X86_PDPTObject:
		return seL4_PDPTBits;
	case seL4_X64_PML4Object:
		return seL4_PML4Bits;
	default:
		return generic_object_bits(type, size_bits);
	}
}

seL4_Error selfe_rt_arch_map_frame(seL4_CPtr frame, seL4_CPtr vspace, seL4_Word vaddr, unsigned flags)
{
	/* x86 has no never-execute attribute in seL4's mapping API: SELFE_MAP_EXEC is implied. */
	return seL4_X86_Page_Map(frame, vspace, vaddr, rights_of(flags),
				 flags & SELFE_MAP_UNCACHED ? seL4_X86_CacheDisabled : seL4_X86_Default_VMAttributes);
}

seL4_Error selfe_rt_arch_unmap_frame(seL4_CPtr frame)
{
	return seL4_X86_Page_Unmap(frame);
}

seL4_Error selfe_rt_arch_add_table(struct selfe_alloc *al, seL4_Word vaddr)
{
	/* Which of three table types is missing: the kernel reports the address bits left. */
	seL4_Word type;
	switch (seL4_MappingFailedLookupLevel()) {
	case SEL4_MAPPING_LOOKUP_NO_PDPT:
		type = seL4_X86_PDPTObject;
		break;
	case SEL4_MAPPING_LOOKUP_NO_PD:
		type = seL4_X86_PageDirectoryObject;
		break;
	case SEL4_MAPPING_LOOKUP_NO_PT:
		type = seL4_X86_PageTableObject;
		break;
	default:
		return seL4_FailedLookup;
	}
	seL4_CPtr t;
	seL4_Error err = selfe_object_alloc(al, type, 0, &t);
	if (err != seL4_NoError)
		return err;
	seL4_CPtr vs = seL4_CapInitThreadVSpace;
	if (type == seL4_X86_PDPTObject)
		err = seL4_X86_PDPT_Map(t, vs, vaddr, seL4_X86_Default_VMAttributes);
	else if (type == seL4_X86_PageDirectoryObject)
		err = seL4_X86_PageDirectory_Map(t, vs, vaddr, seL4_X86_Default_VMAttributes);
	else
		err = seL4_X86_PageTable_Map(t, vs, vaddr, seL4_X86_Default_VMAttributes);
	if (err != seL4_NoError)
		selfe_object_free(al, t);
	return err;
}

seL4_Error selfe_rt_arch_frame_paddr(seL4_CPtr frame, seL4_Word *paddr)
{
	seL4_X86_Page_GetAddress_t r = seL4_X86_Page_GetAddress(frame);
	*paddr = r.paddr;
	return (seL4_Error)r.error;
}

void selfe_rt_arch_set_entry(seL4_UserContext *regs, seL4_Word pc, seL4_Word sp, seL4_Word arg)
{
	regs->rip = pc;
	regs->rsp = sp - sizeof(seL4_Word); /* where a call would have pushed the return address */
	regs->rdi = arg;
}

#elif defined(CONFIG_ARCH_ARM)

long selfe_rt_arch_frame_type(unsigned bits)
{
	return bits == seL4_PageBits ? seL4_ARM_SmallPageObject
	       : bits == seL4_LargePageBits ? seL4_ARM_LargePageObject
					     : -1;
}

int selfe_rt_arch_object_bits(seL4_Word type, seL4_Word size_bits)
{
	switch (type) {
	case seL4_ARM_SmallPageObject:
		return seL4_PageBits;
	case seL4_ARM_LargePageObject:
		return seL4_LargePageBits;
	case seL4_ARM_PageTableObject:
		return seL4_PageTableBits;
#if defined(CONFIG_ARCH_AARCH64)
	case seL4_ARM_VSpaceObject:
		return seL4_VSpaceBits;
#else
	case seL4_ARM_PageDirectoryObject:
		return seL4_PageDirBits;
#endif
	default:
		return generic_object_bits(type, size_bits);
	}
}

seL4_Error selfe_rt_arch_map_frame(seL4_CPtr frame, seL4_CPtr vspace, seL4_Word vaddr, unsigned flags)
{
	seL4_Word attr = flags & SELFE_MAP_UNCACHED ? 0 : seL4_ARM_Default_VMAttributes;
	if (!(flags & SELFE_MAP_EXEC))
		attr |= seL4_ARM_ExecuteNever;
	return seL4_ARM_Page_Map(frame, vspace, vaddr, rights_of(flags), (seL4_ARM_VMAttributes)attr);
}

seL4_Error selfe_rt_arch_unmap_frame(seL4_CPtr frame)
{
	return seL4_ARM_Page_Unmap(frame);
}

/* Every level below the root is the same object type on aarch32 and aarch64; the kernel puts
 * it at the first missing level. */
seL4_Error selfe_rt_arch_add_table(struct selfe_alloc *al, seL4_Word vaddr)
{
	seL4_CPtr t;
	seL4_Error err = selfe_object_alloc(al, seL4_ARM_PageTableObject, 0, &t);
	if (err == seL4_NoError) {
		err = seL4_ARM_PageTable_Map(t, seL4_CapInitThreadVSpace, vaddr, seL4_ARM_Default_VMAttributes);
		if (err != seL4_NoError)
			selfe_object_free(al, t);
	}
	return err;
}

seL4_Error selfe_rt_arch_frame_paddr(seL4_CPtr frame, seL4_Word *paddr)
{
	seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(frame);
	*paddr = r.paddr;
	return (seL4_Error)r.error;
}

void selfe_rt_arch_set_entry(seL4_UserContext *regs, seL4_Word pc, seL4_Word sp, seL4_Word arg)
{
	regs->pc = pc;
	regs->sp = sp;
#if defined(CONFIG_ARCH_AARCH64)
	regs->x0 = arg;
#else
	regs->r0 = arg;
#endif
}

#elif defined(CONFIG_ARCH_RISCV)

long selfe_rt_arch_frame_type(unsigned bits)
{
	return bits == seL4_PageBits ? seL4_RISCV_4K_Page : bits == seL4_LargePageBits ? seL4_RISCV_Mega_Page : -1;
}

int selfe_rt_arch_object_bits(seL4_Word type, seL4_Word size_bits)
{
	switch (type) {
	case seL4_RISCV_4K_Page:
		return seL4_PageBits;
	case seL4_RISCV_Mega_Page:
		return seL4_LargePageBits;
	case seL4_RISCV_PageTableObject:
		return seL4_PageTableBits;
	default:
		return generic_object_bits(type, size_bits);
	}
}

seL4_Error selfe_rt_arch_map_frame(seL4_CPtr frame, seL4_CPtr vspace, seL4_Word vaddr, unsigned flags)
{
	/* No cacheability attribute: physical memory attributes decide (device regions are
	 * uncached by the platform). */
	seL4_Word attr = seL4_RISCV_Default_VMAttributes;
	if (!(flags & SELFE_MAP_EXEC))
		attr |= seL4_RISCV_ExecuteNever;
	return seL4_RISCV_Page_Map(frame, vspace, vaddr, rights_of(flags), (seL4_RISCV_VMAttributes)attr);
}

seL4_Error selfe_rt_arch_unmap_frame(seL4_CPtr frame)
{
	return seL4_RISCV_Page_Unmap(frame);
}

seL4_Error selfe_rt_arch_add_table(struct selfe_alloc *al, seL4_Word vaddr)
{
	seL4_CPtr t;
	seL4_Error err = selfe_object_alloc(al, seL4_RISCV_PageTableObject, 0, &t);
	if (err == seL4_NoError) {
		err = seL4_RISCV_PageTable_Map(t, seL4_CapInitThreadVSpace, vaddr, seL4_RISCV_Default_VMAttributes);
		if (err != seL4_NoError)
			selfe_object_free(al, t);
	}
	return err;
}

seL4_Error selfe_rt_arch_frame_paddr(seL4_CPtr frame, seL4_Word *paddr)
{
	seL4_RISCV_Page_GetAddress_t r = seL4_RISCV_Page_GetAddress(frame);
	*paddr = r.paddr;
	return (seL4_Error)r.error;
}

void selfe_rt_arch_set_entry(seL4_UserContext *regs, seL4_Word pc, seL4_Word sp, seL4_Word arg)
{
	regs->pc = pc;
	regs->sp = sp;
	regs->a0 = arg;
	/* Code linked with gp relaxation expects the global pointer: share ours. */
	seL4_Word gp;
	__asm__("mv %0, gp" : "=r"(gp));
	regs->gp = gp;
}

#else
#error "selfe-runtime: no toolkit code for this architecture"
#endif

seL4_Error selfe_page_table_alloc(struct selfe_alloc *al, seL4_CPtr *cap)
{
#if defined(CONFIG_ARCH_X86_64)
	return selfe_object_alloc(al, seL4_X86_PageTableObject, 0, cap);
#elif defined(CONFIG_ARCH_ARM)
	return selfe_object_alloc(al, seL4_ARM_PageTableObject, 0, cap);
#else
	return selfe_object_alloc(al, seL4_RISCV_PageTableObject, 0, cap);
#endif
}
