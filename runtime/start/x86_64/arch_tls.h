/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64 TLS: variant II, the thread pointer is the fs segment base.  How the initial thread
 * sets it depends on the kernel configuration: with FSGSBASE_INST the kernel lets user code
 * write fs base directly (and saves it on every switch); with SET_TLS_BASE_SELF there is a
 * syscall for it; otherwise the TCB invocation on the initial thread's own TCB cap does it.
 */
#ifndef SELFE_RT_ARCH_TLS_H
#define SELFE_RT_ARCH_TLS_H

#include <stdint.h>
#include <sel4/sel4.h>
#include <selfe/runtime.h>

#define SELFE_RT_TLS_VARIANT 2
#define SELFE_RT_TLS_TCB_SIZE 0

static inline void selfe_rt_tls_install_initial(uintptr_t tp)
{
#if defined(CONFIG_FSGSBASE_INST)
	__asm__ volatile("wrfsbase %0" : : "r"(tp) : "memory");
#elif defined(CONFIG_SET_TLS_BASE_SELF)
	seL4_SetTLSBase(tp);
#else
	/* Only the success path is safe here: the stub's error path stores the message registers
	 * through the (not yet installed) TLS IPC buffer pointer. */
	if (seL4_TCB_SetTLSBase(seL4_CapInitThreadTCB, tp) != seL4_NoError)
		selfe_panic("selfe-start: TCB_SetTLSBase on the initial thread failed");
#endif
}

#endif
