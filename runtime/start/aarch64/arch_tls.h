/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * aarch64 TLS: variant I with a 16-byte TCB; the compiler reads the thread pointer from
 * TPIDR_EL0.  That register is writable at EL0 and part of every thread's saved context, so the
 * initial thread simply writes it, whichever register the kernel's TLS invocations use.
 */
#ifndef SELFE_RT_ARCH_TLS_H
#define SELFE_RT_ARCH_TLS_H

#include <stdint.h>

#define SELFE_RT_TLS_VARIANT 1
#define SELFE_RT_TLS_TCB_SIZE 16

static inline void selfe_rt_tls_install_initial(uintptr_t tp)
{
	__asm__ volatile("msr tpidr_el0, %0" : : "r"(tp) : "memory");
}

#endif
