/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The loader's pure part: checking the image header, the ELF files and where everything goes.
 * No hardware access and no libc, so the same files compile freestanding (in the loader) and on
 * the host (tests/loader/).  Every check that fails writes one line into `struct ldr_err` and
 * returns -1; the loader prints it as "LDR|ERROR: <line>".
 */
#ifndef LDR_CHECK_H
#define LDR_CHECK_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "ldr/image.h"

#define LDR_ELF_MAX_SEGS 16
#define LDR_MAX_RAM 8

struct ldr_err {
	char msg[200];
};

/* printf-like into e->msg: %s, %u (uint64_t), %x (uint64_t, printed 0x...).  Returns -1. */
int ldr_fail(struct ldr_err *e, const char *fmt, ...);
/* The same into any buffer; the result is always terminated. */
void ldr_vformat(char *buf, size_t cap, const char *fmt, va_list ap);

uint32_t ldr_crc32(const void *data, uint64_t len);

/* --- the image header --- */
struct ldr_image {
	const struct ldr_header *h;
	const unsigned char *part[LDR_NPARTS]; /* NULL for an absent DTB */
	uint64_t size[LDR_NPARTS];
};
/* `avail` bytes start at `base` (the header).  Checks magic, version, sizes, the header's CRC,
 * that every part lies inside the image without overlapping another, and each part's CRC. */
int ldr_image_check(const void *base, uint64_t avail, uint32_t want_machine, struct ldr_image *out,
		    struct ldr_err *e);

/* --- ELF (32- or 64-bit little-endian executables) --- */
struct ldr_seg {
	uint64_t offset, filesz, memsz, vaddr, paddr;
};
struct ldr_elf {
	const unsigned char *data;
	uint64_t entry;
	unsigned nseg; /* PT_LOAD segments only */
	struct ldr_seg seg[LDR_ELF_MAX_SEGS];
	uint64_t vmin, vend; /* lowest vaddr, end of the highest (exclusive) */
	uint64_t pmin, pend; /* the same for paddr */
};
/* `what` names the file in messages ("kernel ELF").  is64: ELFCLASS64 expected. */
int ldr_elf_check(const char *what, const void *data, uint64_t size, uint32_t machine, int is64, struct ldr_elf *out,
		  struct ldr_err *e);
const char *ldr_machine_name(uint32_t machine);

/* --- the flattened device tree --- */
struct ldr_ram {
	unsigned n;
	uint64_t start[LDR_MAX_RAM], end[LDR_MAX_RAM];
};
/* Checks the header against `avail` bytes and collects /memory reg ranges.  Returns the DTB's
 * total size in *size. */
int ldr_fdt_check(const void *dtb, uint64_t avail, uint64_t *size, struct ldr_ram *ram, struct ldr_err *e);

/* --- placement --- */
struct ldr_place_in {
	const struct ldr_elf *kernel, *root;
	uint64_t dtb_size;               /* 0: no DTB passed to the kernel */
	uint64_t loader_start, loader_end; /* the running loader and its image: never overwritten */
	const struct ldr_ram *ram;
};
struct ldr_place {
	uint64_t kernel_start, kernel_end; /* physical */
	uint64_t dtb_p;                    /* 0 when none */
	uint64_t ui_p_start, ui_p_end;     /* the root task image, 4 KiB aligned */
	uint64_t pv_offset;                /* ui_p_start - (root vmin rounded down to 4 KiB) */
	uint64_t v_entry;
};
/* Kernel at its p_paddr, then the DTB, then the root task, each page aligned (the order the
 * kernel's reserved-region check requires), all inside one RAM range and clear of the loader. */
int ldr_place(const struct ldr_place_in *in, struct ldr_place *out, struct ldr_err *e);

#endif
