/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * riscv64 (qemu-riscv-virt under OpenSBI): console through the SBI, an Sv39 boot table, SBI HSM
 * for the other harts, and the jump.  The kernel's _start runs at its virtual address with
 * satp already on; on SMP kernels it also takes the hart id (a6) and its logical core id (a7).
 */
#include "../../core/arch.h"

#define MAX_CORES 8
#define SBI_HSM 0x48534du
#define GIB (1ull << 30)
/* Valid, readable, writable, executable, accessed, dirty: a leaf the kernel can use as is. */
#define PTE_LEAF 0xcfu

void ldr_secondary_entry(void);
void ldr_riscv_start(uint64_t hart, const void *dtb);
_Noreturn void ldr_main(void);
_Noreturn void ldr_secondary(uint64_t hart, uint64_t core);

unsigned char ldr_stacks[MAX_CORES][8192] __attribute__((aligned(16)));
static uint64_t root_table[512] __attribute__((aligned(4096)));
static const void *firmware_dtb;
static struct ldr_boot boot;
static volatile uint32_t arrived[MAX_CORES];

struct sbiret {
	long error, value;
};

static struct sbiret sbi_call(uint64_t ext, uint64_t fid, uint64_t a0, uint64_t a1, uint64_t a2)
{
	register uint64_t r0 __asm__("a0") = a0;
	register uint64_t r1 __asm__("a1") = a1;
	register uint64_t r2 __asm__("a2") = a2;
	register uint64_t r6 __asm__("a6") = fid;
	register uint64_t r7 __asm__("a7") = ext;
	__asm__ volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
	return (struct sbiret){ (long)r0, (long)r1 };
}

void arch_putc(char c)
{
	sbi_call(1, 0, (unsigned char)c, 0, 0); /* legacy console putchar: what the kernel uses too */
}

_Noreturn void arch_halt(void)
{
	for (;;)
		__asm__ volatile("wfi");
}

const void *arch_firmware_dtb(void)
{
	return firmware_dtb;
}

void ldr_riscv_start(uint64_t hart, const void *dtb)
{
	(void)hart;
	firmware_dtb = dtb;
	ldr_main();
}

typedef void (*kernel_entry_fn)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);

static _Noreturn void enter(uint64_t hart, uint64_t core)
{
	uint64_t satp = (8ull << 60) | ((uintptr_t)root_table >> 12); /* Sv39 */
	__asm__ volatile("sfence.vma\n csrw satp, %0\n sfence.vma\n fence.i" ::"r"(satp) : "memory");
	kernel_entry_fn k = (kernel_entry_fn)(uintptr_t)boot.kernel_entry;
	k(boot.ui_p_start, boot.ui_p_end, boot.pv_offset, boot.v_entry, boot.dtb_p, boot.dtb_size, hart, core);
	arch_halt();
}

_Noreturn void ldr_secondary(uint64_t hart, uint64_t core)
{
	arrived[core] = 1;
	enter(hart, core);
}

_Noreturn void arch_boot(const struct ldr_boot *b)
{
	boot = *b;
	if (boot.num_nodes > MAX_CORES)
		ldr_error("more cores asked for than the loader has stacks for");
	/* One GiB leaf for the kernel's window (its virtual GiB onto the physical GiB holding it)
	 * and one identity leaf for the loader's own GiB. */
	uint64_t kv = boot.kernel_vbase & ~(GIB - 1), kp = boot.kernel_pbase & ~(GIB - 1);
	uint64_t self = (uintptr_t)_loader_start & ~(GIB - 1);
	root_table[(kv >> 30) & 511] = (kp >> 12) << 10 | PTE_LEAF;
	root_table[(self >> 30) & 511] = (self >> 12) << 10 | PTE_LEAF;
	/* Harts 1..n-1 become cores 1..n-1 (this is hart 0, core 0). */
	for (uint64_t core = 1; core < boot.num_nodes; core++) {
		/* A hart that handed the boot over to hart 0 may still be stopping: "already
		 * available" (-6) until it has. */
		struct sbiret r;
		do
			r = sbi_call(SBI_HSM, 0, core, (uintptr_t)ldr_secondary_entry, core);
		while (r.error == -6);
		if (r.error) {
			ldr_printf("ERROR: SBI HSM hart_start of hart %u returned %x (does QEMU have -smp %u?)", core,
				   (uint64_t)r.error, (uint64_t)boot.num_nodes);
			arch_halt();
		}
	}
	for (uint64_t core = 1; core < boot.num_nodes; core++)
		while (!arrived[core])
			;
	ldr_printf("entering the kernel on %u hart(s)", (uint64_t)boot.num_nodes);
	enter(0, 0);
}
