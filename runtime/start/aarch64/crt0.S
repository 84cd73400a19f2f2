/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Root task entry on aarch64.  The kernel starts the initial thread at the ELF entry with the
 * boot info address in x0 and no usable stack; x0 is also selfe_rt_start's first argument.
 */
	.section .text._start, "ax", %progbits
	.global _start
	.type _start, %function
_start:
	adrp	x1, selfe_rt_stack_top
	ldr	x1, [x1, #:lo12:selfe_rt_stack_top]
	mov	sp, x1
	mov	x29, xzr			/* end of the frame chain */
	mov	x30, xzr
	bl	selfe_rt_start
1:	b	1b
	.size _start, . - _start

	.section .note.GNU-stack, "", %progbits
