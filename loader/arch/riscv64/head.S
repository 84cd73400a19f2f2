/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * riscv64 entry points, in S-mode under OpenSBI with the MMU off: a0 = hart id, a1 = the
 * firmware's DTB (for harts started by SBI HSM, a1 = the opaque argument).  The kernel's
 * interrupt controller setup assumes a single-core kernel runs on hart 0, and OpenSBI may pick
 * any hart to boot, so another hart hands over to hart 0 and stops.
 */
#define STACK_SIZE 8192
#define SBI_HSM 0x48534d

	.section .text.start, "ax"
	.global _start
_start:
	csrw	sie, zero
	bnez	a0, 3f
	la	sp, ldr_stacks + STACK_SIZE
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	call	ldr_riscv_start
	j	9f
	/* Not hart 0: start hart 0 here (the DTB as its a1), then stop this one. */
3:	mv	a2, a1
	la	a1, _start
	li	a0, 0
	li	a6, 0			/* hart_start */
	li	a7, SBI_HSM
	ecall
	li	a6, 1			/* hart_stop */
	li	a7, SBI_HSM
	ecall
9:	wfi
	j	9b

	.text
	.global ldr_secondary_entry
ldr_secondary_entry:			/* a0 = hart id, a1 = core id */
	csrw	sie, zero
	la	sp, ldr_stacks + STACK_SIZE
	li	t0, STACK_SIZE
	mul	t0, t0, a1
	add	sp, sp, t0
	call	ldr_secondary
	j	9b

	.section .note.GNU-stack, "", %progbits
