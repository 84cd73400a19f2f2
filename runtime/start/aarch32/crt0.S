/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Root task entry on aarch32.  The kernel starts the initial thread in ARM state at the ELF
 * entry with the boot info address in r0 and no usable stack; r0 is also selfe_rt_start's
 * first argument (bl switches to Thumb when the C code is Thumb).
 */
	.syntax unified
	.arm
	.section .text._start, "ax", %progbits
	.global _start
	.type _start, %function
_start:
	ldr	r1, =selfe_rt_stack_top
	ldr	sp, [r1]
	mov	fp, #0				/* end of the frame chain */
	mov	lr, #0
	bl	selfe_rt_start
1:	b	1b
	.ltorg
	.size _start, . - _start

	.section .note.GNU-stack, "", %progbits
