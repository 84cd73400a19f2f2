/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * aarch32 (sabre): console on the i.MX UART the kernel uses, a short-descriptor boot table, and
 * the jump.  The kernel's _start runs at its virtual address with the MMU on; it takes the
 * first four arguments in r0-r3 and pops the DTB address and size from the caller's stack, which
 * is how an ordinary six-argument call lays them out.  Secondary cores are not started (the
 * i.MX6 release path is not written yet), so an SMP image stops with an error.
 */
#include "../../core/arch.h"

#define UART_BASE 0x021e8000u /* UART2: the console in the kernel's sabre device tree */
#define UART_UTXD 0x40u
#define UART_USR2 0x98u
#define USR2_TXFE (1u << 14)

#define MIB (1u << 20)
/* A 1 MiB section, privileged read/write (AP 01), domain 0, Strongly-ordered (TEX, C, B all 0):
 * what the kernel's entry expects until it switches to its own tables. */
#define SECTION(pa) (((pa) & 0xfff00000u) | (1u << 10) | 2u)
#define KERNEL_WINDOW_END 0xff000000u

void ldr_mmu_on(uint32_t pd);

unsigned char ldr_stacks[1][8192] __attribute__((aligned(16)));
static uint32_t pd[4096] __attribute__((aligned(16384)));

void arch_putc(char c)
{
	volatile uint32_t *uart = (volatile uint32_t *)UART_BASE;
	while (!(uart[UART_USR2 / 4] & USR2_TXFE))
		;
	uart[UART_UTXD / 4] = (uint32_t)(unsigned char)c;
}

_Noreturn void arch_halt(void)
{
	for (;;)
		__asm__ volatile("wfe");
}

const void *arch_firmware_dtb(void)
{
	return 0;
}

typedef void (*kernel_entry_fn)(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);

_Noreturn void arch_boot(const struct ldr_boot *b)
{
	if (b->num_nodes > 1)
		ldr_error("this loader cannot start sabre's other cores yet: build with KernelMaxNumNodes = 1");
	/* Everything identity mapped (the loader, its stack, the UART), then the kernel's window
	 * from its first virtual address onto its physical addresses. */
	for (uint32_t i = 0; i < 4096; i++)
		pd[i] = SECTION(i * MIB);
	uint32_t v = (uint32_t)b->kernel_vbase & ~(MIB - 1), p = (uint32_t)b->kernel_pbase & ~(MIB - 1);
	for (; v < KERNEL_WINDOW_END && v >= (uint32_t)b->kernel_vbase - MIB + 1; v += MIB, p += MIB)
		pd[v / MIB] = SECTION(p);
	ldr_printf("entering the kernel");
	ldr_mmu_on((uint32_t)(uintptr_t)pd);
	kernel_entry_fn k = (kernel_entry_fn)(uintptr_t)b->kernel_entry;
	k((uint32_t)b->ui_p_start, (uint32_t)b->ui_p_end, (uint32_t)b->pv_offset, (uint32_t)b->v_entry,
	  (uint32_t)b->dtb_p, (uint32_t)b->dtb_size);
	arch_halt();
}
