/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The selfe boot image, shared by the loader (which checks it) and selfe's packer (src/image/,
 * which writes it).  The file QEMU boots is an ELF with one loadable segment at the arch's
 * LDR_BASE: the loader's own code and data, and at LDR_BASE + LDR_PAYLOAD_OFFSET this header
 * followed by the parts it describes.  Every number is little-endian; the parts start on 4 KiB
 * boundaries so ELF headers inside them are naturally aligned (the loader runs with the MMU off,
 * where an unaligned load can fault).
 */
#ifndef LDR_IMAGE_H
#define LDR_IMAGE_H

#include <stdint.h>

#define LDR_MAGIC "selfeLDR"
#define LDR_VERSION 1u

/* Where the payload starts relative to the loader's first byte: the loader (code, data, bss,
 * stacks, page tables) must fit below it; its linker script checks. */
#define LDR_PAYLOAD_OFFSET 0x100000u
#define LDR_PART_ALIGN 4096u

enum ldr_part_kind { LDR_PART_KERNEL, LDR_PART_ROOT, LDR_PART_DTB, LDR_NPARTS };

/* Flags. */
#define LDR_F_HYP 1u /* the kernel runs in EL2 (aarch64 KernelArmHypervisorSupport) */

struct ldr_part {
	uint64_t offset; /* from the header's first byte */
	uint64_t size;   /* 0 for an absent DTB */
	uint32_t crc;    /* CRC-32 (IEEE) of the bytes */
	uint32_t reserved;
};

struct ldr_header {
	char magic[8];
	uint32_t version;
	uint32_t header_size; /* sizeof(struct ldr_header) */
	uint32_t machine;     /* ELF e_machine of the kernel and the root task */
	uint32_t flags;       /* LDR_F_* */
	uint32_t num_nodes;   /* KernelMaxNumNodes: cores to start */
	uint32_t pa_bits;     /* aarch64: the kernel's physical address size (40 or 44) */
	uint64_t image_size;  /* bytes from the header's start to the end of the last part */
	struct ldr_part part[LDR_NPARTS];
	uint32_t reserved;
	uint32_t header_crc; /* CRC-32 of every byte before this field */
};

#endif
