/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V TLS: variant I with no TCB in front of the block (tp points at the block itself); tp
 * is an ordinary register, saved with the rest of the thread's context.
 */
#ifndef SELFE_RT_ARCH_TLS_H
#define SELFE_RT_ARCH_TLS_H

#include <stdint.h>

#define SELFE_RT_TLS_VARIANT 1
#define SELFE_RT_TLS_TCB_SIZE 0

static inline void selfe_rt_tls_install_initial(uintptr_t tp)
{
	__asm__ volatile("mv tp, %0" : : "r"(tp) : "memory");
}

#endif
