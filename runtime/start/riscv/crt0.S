/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Root task entry on riscv64 and riscv32.  The kernel starts the initial thread at the ELF entry with the
 * boot info address in a0 and no usable stack; a0 is also selfe_rt_start's first argument.
 * gp must hold __global_pointer$ (linker script) before any code the linker relaxed to
 * gp-relative accesses runs; setting it must itself not be relaxed.
 */
	.section .text._start, "ax", %progbits
	.global _start
	.type _start, %function
_start:
	.option push
	.option norelax
	lla	gp, __global_pointer$
	.option pop
	lla	t0, selfe_rt_stack_top
#if __riscv_xlen == 64
	ld	sp, 0(t0)
#else
	lw	sp, 0(t0)
#endif
	mv	s0, zero			/* end of the frame chain */
	mv	ra, zero
	call	selfe_rt_start
1:	j	1b
	.size _start, . - _start

	.section .note.GNU-stack, "", %progbits
