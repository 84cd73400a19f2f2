/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Division by zero on aarch32.  The compiler's division helpers (libgcc's __aeabi_uldivmod and
 * friends) call these when the divisor is zero; libgcc's own versions raise a Linux signal and
 * do not link in a root task.  Here they panic.  Weak, so that a definition elsewhere in the
 * runtime takes precedence.
 */
	.syntax unified
	.arm
	.section .text.__aeabi_div0, "ax", %progbits
	.weak __aeabi_idiv0
	.type __aeabi_idiv0, %function
	.weak __aeabi_ldiv0
	.type __aeabi_ldiv0, %function
__aeabi_idiv0:
__aeabi_ldiv0:
	ldr	r0, =division_by_zero
	bl	selfe_panic			/* does not return; the linker switches state if needed */
1:	b	1b
	.ltorg
	.size __aeabi_idiv0, . - __aeabi_idiv0
	.size __aeabi_ldiv0, . - __aeabi_ldiv0

	.section .rodata.__aeabi_div0, "a", %progbits
division_by_zero:
	.asciz	"division by zero"

	.section .note.GNU-stack, "", %progbits
