/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * aarch32 TLS: variant I with an 8-byte TCB.  The kernel keeps the TLS base in TPIDRURW
 * (ARM_TLS_REG tpidru, the default) or TPIDRURO (tpidruro, which also turns on
 * SET_TLS_BASE_SELF).  TPIDRURW can be written from user mode and is saved per thread;
 * TPIDRURO can only be set through the kernel.  Code reads the pointer through
 * __aeabi_read_tp (read_tp.S; compile with -mtp=soft), which reads the same register.
 */
#ifndef SELFE_RT_ARCH_TLS_H
#define SELFE_RT_ARCH_TLS_H

#include <stdint.h>
#include <sel4/sel4.h>

#define SELFE_RT_TLS_VARIANT 1
#define SELFE_RT_TLS_TCB_SIZE 8

static inline void selfe_rt_tls_install_initial(uintptr_t tp)
{
#if defined(CONFIG_ARM_TLS_REG_TPIDRURO)
	seL4_SetTLSBase(tp);
#else
	__asm__ volatile("mcr p15, 0, %0, c13, c0, 2" : : "r"(tp) : "memory");
#endif
}

#endif
