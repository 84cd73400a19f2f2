/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The thread pointer for code compiled with -mtp=soft.  The run-time ABI lets this helper
 * clobber only r0 (and the flags), so it is assembly.  It reads whichever register the kernel
 * configuration keeps the TLS base in (see arch_tls.h).
 */
#include <kernel/gen_config.h>

	.syntax unified
	.arm
	.section .text.__aeabi_read_tp, "ax", %progbits
	.global __aeabi_read_tp
	.type __aeabi_read_tp, %function
__aeabi_read_tp:
#if defined(CONFIG_ARM_TLS_REG_TPIDRURO)
	mrc	p15, 0, r0, c13, c0, 3		/* TPIDRURO */
#else
	mrc	p15, 0, r0, c13, c0, 2		/* TPIDRURW */
#endif
	bx	lr
	.size __aeabi_read_tp, . - __aeabi_read_tp

	.section .note.GNU-stack, "", %progbits
