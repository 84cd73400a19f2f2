/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Kernel objects, CSpace slots and memory for a root task: one call each, the same on x86_64,
 * aarch32, aarch64 and riscv64, classic and MCS kernels.
 *
 *     static struct selfe_alloc al;              (big: keep it out of the stack)
 *     selfe_alloc_init(&al, selfe_bootinfo());
 *     seL4_CPtr ep;  selfe_endpoint_alloc(&al, &ep);
 *     void *buf;     selfe_map_new(&al, 0, 16 * 4096, SELFE_MAP_RW, &buf);
 *
 * Everything is explicit: the allocator is the struct you pass, nothing global.  Objects are
 * retyped from the boot info's RAM untypeds into the root CNode's empty slots; device untypeds
 * are kept apart and used only for selfe_device_frame_alloc (by physical address).  Sizes come
 * from libsel4's constants.  Every call returns a seL4_Error (seL4_NoError on success) and on
 * failure leaves nothing behind: slots and untyped space it took are given back.
 *
 * Freeing: selfe_object_free revokes and deletes the capability and gives its slot back; the
 * book counts each untyped's live objects, and when the last one goes the untyped is empty
 * again (the kernel resets an untyped with no children on its next retype, and so does the
 * book).  Copies made with seL4_CNode_Copy outside the allocator keep an untyped non-empty:
 * delete them first.
 *
 * Thread safety: every call may be made from any thread; the book is guarded by a lock (a
 * notification allocated by selfe_alloc_init).  Kernel invocations happen outside the lock.
 *
 * The virtual address range SELFE_VADDR_BASE .. SELFE_VADDR_END (per arch, far from the
 * image) is handed out by selfe_vaddr_reserve and used by selfe_map_new / selfe_map_device /
 * threads / the heap when they are given vaddr 0.
 */
#ifndef SELFE_RT_ALLOC_H
#define SELFE_RT_ALLOC_H

#include <stddef.h>
#include <stdint.h>
#include <sel4/sel4.h>

#include "selfe/book.h"
#include "selfe/lock.h"

/* Virtual addresses the toolkit hands out: far above every image, below the kernel. */
#if defined(CONFIG_ARCH_X86_64)
#define SELFE_VADDR_BASE 0x10000000000ul /* 1 TiB: PML4 slots of their own */
#define SELFE_VADDR_END 0x20000000000ul
#elif defined(CONFIG_ARCH_AARCH64) || defined(CONFIG_ARCH_RISCV64)
#define SELFE_VADDR_BASE 0x100000000ul /* 4 GiB, well inside Sv39's 256 GiB of user space */
#define SELFE_VADDR_END 0x2000000000ul
#elif defined(CONFIG_ARCH_AARCH32)
#define SELFE_VADDR_BASE 0x40000000ul /* 1 GiB .. 3 GiB; the kernel lives at 0xe0000000 */
#define SELFE_VADDR_END 0xc0000000ul
#elif defined(CONFIG_ARCH_RISCV32)
#define SELFE_VADDR_BASE 0x40000000ul /* 1 GiB .. 2 GiB - 16 MiB: Sv32's user space ends at 2 GiB */
#define SELFE_VADDR_END 0x7f000000ul
#else
#error "selfe/alloc.h: no virtual address range for this architecture"
#endif

/* Mapping flags: rights and cacheability. */
#define SELFE_MAP_READ 1u
#define SELFE_MAP_WRITE 2u
#define SELFE_MAP_EXEC 4u     /* without it, the page is never-execute where the arch can say so */
#define SELFE_MAP_UNCACHED 8u /* device memory; riscv64 has no page attribute for it (ignored) */
#define SELFE_MAP_RW (SELFE_MAP_READ | SELFE_MAP_WRITE)

struct selfe_alloc {
	struct selfe_book book;
	struct selfe_lock lock;
	const seL4_BootInfo *bi;
	seL4_Word vaddr_next, vaddr_end; /* unreserved virtual range */
};

/*
 * Takes the boot info's untypeds and empty slots (but the one selfe-start may have used for
 * the console, selfe_console_slot()).  Also starts the console on a UART on kernels that do
 * not print (selfe/runtime.h).
 */
seL4_Error selfe_alloc_init(struct selfe_alloc *al, const seL4_BootInfo *bi);

/* Empty slots of the root CNode: one, or n contiguous (*first the lowest). */
seL4_Error selfe_slot_alloc(struct selfe_alloc *al, seL4_CPtr *slot);
seL4_Error selfe_slots_alloc(struct selfe_alloc *al, seL4_Word n, seL4_CPtr *first);
/* Deletes whatever capability the slots hold and gives them back. */
void selfe_slots_free(struct selfe_alloc *al, seL4_CPtr first, seL4_Word n);

/*
 * A new object of `type` in a fresh slot.  size_bits matters only for the variable-sized types
 * (untyped, CNode: log2 of slots, scheduling context); fixed sizes come from libsel4.
 */
seL4_Error selfe_object_alloc(struct selfe_alloc *al, seL4_Word type, seL4_Word size_bits, seL4_CPtr *cap);
/* Revokes and deletes the object's capability (slot from selfe_object_alloc), returns the slot. */
void selfe_object_free(struct selfe_alloc *al, seL4_CPtr cap);

seL4_Error selfe_endpoint_alloc(struct selfe_alloc *al, seL4_CPtr *cap);
seL4_Error selfe_notification_alloc(struct selfe_alloc *al, seL4_CPtr *cap);
seL4_Error selfe_tcb_alloc(struct selfe_alloc *al, seL4_CPtr *cap);
/* A frame of 2^bits bytes: seL4_PageBits (4 KiB) or seL4_LargePageBits. */
seL4_Error selfe_frame_alloc(struct selfe_alloc *al, unsigned bits, seL4_CPtr *cap);
/* The arch's lowest-level page table (what a 4 KiB frame is mapped into). */
seL4_Error selfe_page_table_alloc(struct selfe_alloc *al, seL4_CPtr *cap);
/* A copy of src with rights and badge (seL4_CNode_Mint) in a fresh slot. */
seL4_Error selfe_mint(struct selfe_alloc *al, seL4_CPtr src, seL4_CapRights_t rights, seL4_Word badge,
		      seL4_CPtr *cap);

/*
 * The frame of 2^bits bytes at physical address paddr (a multiple of its size), retyped from
 * the device (or RAM) untyped holding it; padding objects the kernel needs to get there are
 * kept in slots of their own.  seL4_RangeError when no untyped holds it, seL4_RevokeFirst
 * when that part of the untyped is already used.
 */
seL4_Error selfe_device_frame_alloc(struct selfe_alloc *al, seL4_Word paddr, unsigned bits, seL4_CPtr *cap);
/* The physical address of a frame. */
seL4_Error selfe_frame_paddr(seL4_CPtr frame, seL4_Word *paddr);

/* Memory in the root VSpace --------------------------------------------------------------- */

/* `bytes` (rounded up to pages) of unused virtual address space, aligned to 2^align_bits. */
seL4_Error selfe_vaddr_reserve(struct selfe_alloc *al, seL4_Word bytes, unsigned align_bits, seL4_Word *vaddr);
/* Maps frame at vaddr, making the paging structures the arch needs on the way. */
seL4_Error selfe_map_frame(struct selfe_alloc *al, seL4_CPtr frame, seL4_Word vaddr, unsigned flags);
/*
 * `bytes` of fresh, zeroed memory at vaddr (0: reserve some).  Large pages are used where size
 * and alignment allow.  *out is the address.
 */
seL4_Error selfe_map_new(struct selfe_alloc *al, seL4_Word vaddr, seL4_Word bytes, unsigned flags, void **out);
/* The device memory [paddr, paddr + bytes) (paddr 4 KiB aligned, all in one untyped) at a
 * reserved address: *out.  Pass SELFE_MAP_UNCACHED for device registers. */
seL4_Error selfe_map_device(struct selfe_alloc *al, seL4_Word paddr, seL4_Word bytes, unsigned flags, void **out);

/* The default heap (malloc & co., selfe/heap.h): up to max_bytes of virtual space, backed by
 * fresh frames as it grows.  Call once. */
seL4_Error selfe_malloc_init(struct selfe_alloc *al, seL4_Word max_bytes);

#endif
