/* SPDX-License-Identifier: BSD-2-Clause */
/* What each arch (loader/arch/<arch>/) gives the common boot flow (loader/core/main.c). */
#ifndef LDR_ARCH_H
#define LDR_ARCH_H

#include <stdint.h>

#include "ldr/check.h"

/* Everything the kernel's entry takes, and what the arch needs to get there. */
struct ldr_boot {
	uint64_t ui_p_start, ui_p_end, pv_offset, v_entry, dtb_p, dtb_size;
	uint64_t kernel_entry;               /* virtual */
	uint64_t kernel_vbase, kernel_pbase; /* the kernel's lowest virtual and physical address */
	uint64_t kernel_pend;
	uint32_t num_nodes, flags, pa_bits;
};

void arch_putc(char c);
_Noreturn void arch_halt(void);
/* A DTB the firmware passed (riscv: a1), else NULL. */
const void *arch_firmware_dtb(void);
/* Page tables, secondary cores, and the jump into the kernel. */
_Noreturn void arch_boot(const struct ldr_boot *b);

void ldr_puts(const char *s);
void ldr_printf(const char *fmt, ...);
_Noreturn void ldr_error(const char *msg);

void *memcpy(void *dst, const void *src, __SIZE_TYPE__ n);
void *memset(void *dst, int c, __SIZE_TYPE__ n);

extern char _loader_start[], _loader_end[];

#endif
