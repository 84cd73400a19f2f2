/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * aarch64 entry points.  QEMU (-kernel with an ELF) and PSCI CPU_ON start a core at EL2 or EL1
 * with the MMU off and interrupts masked; the boot core enters at _start, the others at
 * ldr_secondary_entry with their logical core id in x0 (the CPU_ON context argument).
 */
#define STACK_SIZE 8192

	.section .text.start, "ax"
	.global _start
_start:
	msr	daifset, #0xf
	ldr	x1, =ldr_stacks + STACK_SIZE
	mov	sp, x1
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	bl	ldr_main
3:	wfe
	b	3b

	.text
	.global ldr_secondary_entry
ldr_secondary_entry:
	msr	daifset, #0xf
	ldr	x1, =ldr_stacks + STACK_SIZE
	mov	x2, #STACK_SIZE
	madd	x1, x0, x2, x1
	mov	sp, x1
	bl	ldr_secondary
4:	wfe
	b	4b

/* void ldr_el2_to_el1(void): return to the caller at EL1h, on the same stack, with EL2 set up
 * for a kernel that does not use it: EL1 is AArch64 (HCR_EL2.RW), nothing trapped (CPTR_EL2,
 * HSTR_EL2), stage 2 off, the counters and timers reachable from EL1 (CNTHCTL_EL2), and the
 * virtual counter equal to the physical one (the kernel uses the virtual timer and never sets
 * CNTVOFF_EL2). */
	.global ldr_el2_to_el1
ldr_el2_to_el1:
	mov	x9, #(1 << 31)
	msr	hcr_el2, x9
	mov	x9, #0x33ff
	msr	cptr_el2, x9
	msr	hstr_el2, xzr
	msr	vttbr_el2, xzr
	msr	cntvoff_el2, xzr
	mov	x9, #3
	msr	cnthctl_el2, x9
	ldr	x9, =0x30d00800		/* SCTLR_EL1: RES1 bits only, MMU and caches off */
	msr	sctlr_el1, x9
	mov	x9, sp
	msr	sp_el1, x9
	mov	x9, #0x3c5		/* EL1h, DAIF masked */
	msr	spsr_el2, x9
	msr	elr_el2, x30
	isb
	eret

/* void ldr_mmu_on_el1(ttbr0, ttbr1, tcr, mair) */
	.global ldr_mmu_on_el1
ldr_mmu_on_el1:
	msr	mair_el1, x3
	msr	tcr_el1, x2
	msr	ttbr0_el1, x0
	msr	ttbr1_el1, x1
	isb
	tlbi	vmalle1
	dsb	sy
	isb
	ic	iallu
	dsb	sy
	mrs	x4, sctlr_el1
	orr	x4, x4, #(1 << 0)	/* M */
	orr	x4, x4, #(1 << 2)	/* C */
	orr	x4, x4, #(1 << 12)	/* I */
	bic	x4, x4, #(1 << 1)	/* A: the kernel clears it too */
	msr	sctlr_el1, x4
	isb
	ret

/* void ldr_mmu_on_el2(ttbr0, tcr, mair) */
	.global ldr_mmu_on_el2
ldr_mmu_on_el2:
	msr	mair_el2, x2
	msr	tcr_el2, x1
	msr	ttbr0_el2, x0
	msr	cntvoff_el2, xzr
	isb
	tlbi	alle2
	dsb	sy
	isb
	ic	iallu
	dsb	sy
	mrs	x4, sctlr_el2
	orr	x4, x4, #(1 << 0)
	orr	x4, x4, #(1 << 2)
	orr	x4, x4, #(1 << 12)
	bic	x4, x4, #(1 << 1)
	msr	sctlr_el2, x4
	isb
	ret

/* uint64_t ldr_psci(fn, a1, a2, a3, use_smc) */
	.global ldr_psci
ldr_psci:
	cbnz	x4, 5f
	hvc	#0
	ret
5:	smc	#0
	ret

	.section .note.GNU-stack, "", %progbits
