/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Root task entry on x86_64.  The kernel starts the initial thread at the ELF entry with the
 * boot info address in rdi (its "cap register") and no usable stack.  rdi is also the first
 * argument register of the SysV ABI, so it passes straight through to selfe_rt_start.
 */
	.section .text._start, "ax", @progbits
	.global _start
	.type _start, @function
_start:
	movq	selfe_rt_stack_top(%rip), %rsp	/* 16-byte aligned top of the static stack */
	xorl	%ebp, %ebp			/* end of the frame chain for debuggers */
	call	selfe_rt_start			/* pushes 8 bytes: the callee sees the ABI's alignment */
1:	jmp	1b
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
