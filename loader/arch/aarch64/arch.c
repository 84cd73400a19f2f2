/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * aarch64 (qemu-arm-virt): console, the boot page tables, PSCI for the other cores, and the
 * jump.  The kernel's _start runs at its virtual address with the MMU already on, and the
 * kernel never programs MAIR or TCR itself: the loader does, with the values its page-table
 * code assumes.  A hypervisor kernel runs in EL2 on TTBR0_EL2 (its addresses are in the lower
 * half); any other kernel runs in EL1 on TTBR1_EL1, and a core that starts in EL2 leaves it.
 */
#include "../../core/arch.h"

#define MAX_CORES 8
#define UART_BASE 0x09000000u /* PL011 on QEMU virt */

#define PTE_TABLE 3u
#define PTE_BLOCK 1u
#define PTE_AF (1u << 10)
#define PTE_SH_INNER (3u << 8)
#define PTE_ATTR(i) ((uint64_t)(i) << 2)
/* The kernel's memory-type indices (MAIR): 0 Device-nGnRnE, 1 Device-nGnRE, 2 Device-GRE,
 * 3 Normal non-cacheable, 4 Normal write-back, 5 Normal write-through. */
#define MAIR_VALUE 0x0000aaff440c0400ull
#define ATTR_DEVICE 0
#define ATTR_NORMAL 4
#define NORMAL_BLOCK (PTE_BLOCK | PTE_AF | PTE_SH_INNER | PTE_ATTR(ATTR_NORMAL))
#define DEVICE_BLOCK (PTE_BLOCK | PTE_AF | PTE_ATTR(ATTR_DEVICE) | (1ull << 54))

#define GIB (1ull << 30)
#define MIB2 (1ull << 21)

#define PSCI_CPU_ON 0xc4000003u

void ldr_el2_to_el1(void);
void ldr_mmu_on_el1(uint64_t ttbr0, uint64_t ttbr1, uint64_t tcr, uint64_t mair);
void ldr_mmu_on_el2(uint64_t ttbr0, uint64_t tcr, uint64_t mair);
uint64_t ldr_psci(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t use_smc);
void ldr_secondary_entry(void);
_Noreturn void ldr_secondary(uint64_t core);

unsigned char ldr_stacks[MAX_CORES][8192] __attribute__((aligned(16)));
static uint64_t l0_lo[512] __attribute__((aligned(4096)));
static uint64_t l1_lo[512] __attribute__((aligned(4096)));
static uint64_t l0_hi[512] __attribute__((aligned(4096)));
static uint64_t l1_hi[512] __attribute__((aligned(4096)));
static uint64_t l2_hi[512] __attribute__((aligned(4096)));

/* Shared with the other cores while every core runs with the MMU off (so no cache sits between
 * them): what to enter the kernel with, and who has arrived. */
static struct ldr_boot boot;
static uint64_t tcr_value;
static volatile uint32_t arrived[MAX_CORES];

static unsigned current_el(void)
{
	uint64_t v;
	__asm__ volatile("mrs %0, CurrentEL" : "=r"(v));
	return (unsigned)(v >> 2) & 3;
}

void arch_putc(char c)
{
	volatile uint32_t *uart = (volatile uint32_t *)(uintptr_t)UART_BASE;
	while (uart[0x18 / 4] & (1u << 5)) /* FR.TXFF */
		;
	uart[0] = (uint32_t)(unsigned char)c;
}

_Noreturn void arch_halt(void)
{
	for (;;)
		__asm__ volatile("wfe");
}

const void *arch_firmware_dtb(void)
{
	return 0; /* QEMU passes no DTB to an ELF */
}

/* Identity map for the loader itself (its code and stack while the MMU comes on): the GiB
 * holding it as Normal memory, the first GiB (UART, GIC) as Device. */
static void map_identity(void)
{
	uint64_t self = (uintptr_t)_loader_start & ~(GIB - 1);
	l0_lo[0] = (uintptr_t)l1_lo | PTE_TABLE;
	l1_lo[0] = 0 | DEVICE_BLOCK;
	l1_lo[self / GIB] = self | NORMAL_BLOCK;
}

/* The kernel's window: 2 MiB blocks from the kernel's first address to the end of its GiB,
 * all to the matching physical addresses.  The kernel touches only its own image before it
 * switches to tables of its own. */
static void map_kernel(uint64_t *l0)
{
	uint64_t v = boot.kernel_vbase & ~(MIB2 - 1), p = boot.kernel_pbase & ~(MIB2 - 1);
	l0[(v >> 39) & 511] = (uintptr_t)l1_hi | PTE_TABLE;
	l1_hi[(v >> 30) & 511] = (uintptr_t)l2_hi | PTE_TABLE;
	for (uint64_t i = (v >> 21) & 511; i < 512; i++, p += MIB2)
		l2_hi[i] = p | NORMAL_BLOCK;
}

typedef void (*kernel_entry_fn)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);

static _Noreturn void enter(uint64_t core)
{
	__asm__ volatile("msr tpidr_el1, %0" ::"r"(core)); /* the kernel's core id */
	if (boot.flags & LDR_F_HYP) {
		/* TCR_EL2 must equal the kernel's TCR_EL2_DEFAULT, which init_cpu checks: 48-bit VA,
		 * 4 KiB granule, write-back inner-shareable walks, RES1 bits 23 and 31, and the
		 * physical size the kernel was built for. */
		uint64_t ps = boot.pa_bits == 44 ? 4 : 2;
		ldr_mmu_on_el2((uintptr_t)l0_lo, 0x10 | (1u << 8) | (1u << 10) | (3u << 12) | (ps << 16) | (1u << 23) |
							 (1ull << 31),
			       MAIR_VALUE);
	} else {
		ldr_mmu_on_el1((uintptr_t)l0_lo, (uintptr_t)l0_hi, tcr_value, MAIR_VALUE);
	}
	kernel_entry_fn k = (kernel_entry_fn)(uintptr_t)boot.kernel_entry;
	k(boot.ui_p_start, boot.ui_p_end, boot.pv_offset, boot.v_entry, boot.dtb_p, boot.dtb_size);
	arch_halt();
}

static void leave_el2_unless_hyp(void)
{
	if (current_el() == 2 && !(boot.flags & LDR_F_HYP))
		ldr_el2_to_el1();
}

_Noreturn void ldr_secondary(uint64_t core)
{
	leave_el2_unless_hyp();
	arrived[core] = 1;
	enter(core);
}

_Noreturn void arch_boot(const struct ldr_boot *b)
{
	boot = *b;
	unsigned el = current_el();
	if ((boot.flags & LDR_F_HYP) && el != 2)
		ldr_error("the kernel is a hypervisor build but the CPU started in EL1 (QEMU needs -machine "
			  "virt,virtualization=on)");
	/* A hypervisor kernel lives in the lower half of the address space, any other in the upper:
	 * an image whose header disagrees with its kernel would hang without a word. */
	if (!(boot.kernel_entry >> 63) != !!(boot.flags & LDR_F_HYP))
		ldr_error(boot.flags & LDR_F_HYP ? "the image says hypervisor kernel, but the kernel is linked for EL1"
						 : "the kernel is linked for EL2 (a hypervisor build), but the image says EL1");
	if (boot.num_nodes > MAX_CORES)
		ldr_error("more cores asked for than the loader has stacks for");
	map_identity();
	if (boot.flags & LDR_F_HYP) {
		map_kernel(l0_lo);
	} else {
		map_kernel(l0_hi);
		uint64_t mmfr0;
		__asm__ volatile("mrs %0, id_aa64mmfr0_el1" : "=r"(mmfr0));
		/* 48-bit VA both halves, 4 KiB granules, write-back inner-shareable walks, 16-bit ASIDs,
		 * intermediate physical size as the CPU reports it. */
		tcr_value = 16 | (1u << 8) | (1u << 10) | (3u << 12) | (16u << 16) | (1u << 24) | (1u << 26) |
			    (3u << 28) | (2ull << 30) | ((mmfr0 & 7) << 32) | (1ull << 36);
	}
	/* PSCI's conduit on QEMU virt: SMC when EL2 exists (virtualization=on), else HVC. */
	uint64_t use_smc = el == 2;
	leave_el2_unless_hyp();
	uint64_t self;
	__asm__ volatile("mrs %0, mpidr_el1" : "=r"(self));
	for (uint64_t core = 1, target = 0; core < boot.num_nodes; target++) {
		if (target == (self & 0xff))
			continue;
		int64_t r = (int64_t)ldr_psci(PSCI_CPU_ON, target, (uintptr_t)ldr_secondary_entry, core, use_smc);
		if (r != 0) {
			ldr_printf("ERROR: PSCI CPU_ON for core %u (MPIDR %u) returned %x", core, target, (uint64_t)r);
			arch_halt();
		}
		core++;
	}
	for (uint64_t core = 1; core < boot.num_nodes; core++)
		while (!arrived[core])
			;
	ldr_printf("entering the kernel on %u core(s) at EL%u", (uint64_t)boot.num_nodes,
		   (uint64_t)current_el());
	enter(0);
}
