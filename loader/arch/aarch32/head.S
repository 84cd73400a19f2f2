/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * aarch32 entry (sabre, Cortex-A9).  QEMU starts the boot core in Secure SVC with the MMU off;
 * a boot loader might leave another privileged mode, so SVC is forced with IRQ, FIQ and
 * asynchronous aborts masked.
 */
#define STACK_SIZE 8192

	.arm
	.section .text.start, "ax"
	.global _start
_start:
	cpsid	aif, #0x13
	ldr	sp, =ldr_stacks + STACK_SIZE
	ldr	r1, =__bss_start
	ldr	r2, =__bss_end
	mov	r3, #0
1:	cmp	r1, r2
	strlo	r3, [r1], #4
	blo	1b
	bl	ldr_main
2:	wfe
	b	2b

/* void ldr_mmu_on(uint32_t page_directory): short descriptors through TTBR0 alone (TTBCR 0),
 * domain 0 a client (permissions checked), TLBs, I-cache and branch predictor flushed, then
 * the MMU and the I-cache on.  The kernel's own entry turns the D-cache on. */
	.text
	.global ldr_mmu_on
ldr_mmu_on:
	mcr	p15, 0, r0, c2, c0, 0	/* TTBR0 */
	mov	r1, #0
	mcr	p15, 0, r1, c2, c0, 2	/* TTBCR */
	mov	r1, #1
	mcr	p15, 0, r1, c3, c0, 0	/* DACR */
	mov	r1, #0
	mcr	p15, 0, r1, c8, c7, 0	/* TLBIALL */
	mcr	p15, 0, r1, c7, c5, 0	/* ICIALLU */
	mcr	p15, 0, r1, c7, c5, 6	/* BPIALL */
	dsb
	isb
	mrc	p15, 0, r1, c1, c0, 0
	orr	r1, r1, #1		/* M */
	orr	r1, r1, #(1 << 12)	/* I */
	bic	r1, r1, #(1 << 1)	/* A */
	mcr	p15, 0, r1, c1, c0, 0
	isb
	bx	lr

	.section .note.GNU-stack, "", %progbits
