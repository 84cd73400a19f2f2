/* SPDX-License-Identifier: BSD-2-Clause */
/* The aarch32 system-call primitives that the wrappers in sel4/arch/syscalls.h are built on.
 *
 * Register convention of the kernel's `svc #0` entry (a fact of its ABI; swi is the older name of the same instruction):
 *   r0  in: the capability invoked            out: the badge of the received message
 *   r1  in: the message info word             out: the info word of the received message
 *   r2-r5  message words 0-3, both ways (the rest travel in the IPC buffer)
 *   r6  in, MCS kernels: the reply object capability
 *   r7  in: the system-call number (a negative seL4_Syscall_ID)
 *   r8  in, MCS NBSendRecv: the capability sent to
 * Each primitive binds only the registers its calls use, and lists as outputs the registers
 * the kernel may change, so the compiler keeps nothing live in them across the trap. */
#pragma once

#include <sel4/config.h>
#include <sel4/types.h>

/* The reply register is bound (MCS_PARAM_DECL) and passed to the trap (MCS_PARAM) only on
 * MCS kernels; the others ignore the reply argument. */
#ifdef CONFIG_KERNEL_MCS
#define MCS_PARAM_DECL(r) register seL4_Word reply_reg __asm__(r) = reply
#define MCS_PARAM , "r"(reply_reg)
#else
#define MCS_PARAM_DECL(r)
#define MCS_PARAM
#endif

/* One-way send of a message whose first four words are given. */
static inline void arm_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info_arg, seL4_Word mr0, seL4_Word mr1,
                                seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word r_cap __asm__("r0") = dest;
    register seL4_Word r_info __asm__("r1") = info_arg;
    register seL4_Word r_mr0 __asm__("r2") = mr0;
    register seL4_Word r_mr1 __asm__("r3") = mr1;
    register seL4_Word r_mr2 __asm__("r4") = mr2;
    register seL4_Word r_mr3 __asm__("r5") = mr3;
    register seL4_Word r_sys __asm__("r7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(r_cap), "+r"(r_info), "+r"(r_mr0), "+r"(r_mr1), "+r"(r_mr2), "+r"(r_mr3)
                     : "r"(r_sys));
}

#ifndef CONFIG_KERNEL_MCS
/* Like arm_sys_send, to the implicit reply capability: no capability register. */
static inline void arm_sys_reply(seL4_Word sys, seL4_Word info_arg, seL4_Word mr0, seL4_Word mr1, seL4_Word mr2,
                                 seL4_Word mr3)
{
    register seL4_Word r_info __asm__("r1") = info_arg;
    register seL4_Word r_mr0 __asm__("r2") = mr0;
    register seL4_Word r_mr1 __asm__("r3") = mr1;
    register seL4_Word r_mr2 __asm__("r4") = mr2;
    register seL4_Word r_mr3 __asm__("r5") = mr3;
    register seL4_Word r_sys __asm__("r7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(r_info), "+r"(r_mr0), "+r"(r_mr1), "+r"(r_mr2), "+r"(r_mr3)
                     : "r"(r_sys));
}
#endif

/* One-way send without message words (signals, and calls taking two plain arguments). */
static inline void arm_sys_send_null(seL4_Word sys, seL4_Word src, seL4_Word info_arg)
{
    register seL4_Word r_cap __asm__("r0") = src;
    register seL4_Word r_info __asm__("r1") = info_arg;
    register seL4_Word r_sys __asm__("r7") = sys;
    __asm__ volatile("svc #0" : "+r"(r_cap), "+r"(r_info) : "r"(r_sys));
}

/* Receive: everything the kernel hands back is stored through the out pointers. */
static inline void arm_sys_recv(seL4_Word sys, seL4_Word src, seL4_Word *out_badge, seL4_Word *out_info,
                                seL4_Word *out_mr0, seL4_Word *out_mr1, seL4_Word *out_mr2, seL4_Word *out_mr3,
                                LIBSEL4_UNUSED seL4_Word reply)
{
    register seL4_Word r_cap __asm__("r0") = src;
    register seL4_Word r_info __asm__("r1");
    register seL4_Word r_mr0 __asm__("r2");
    register seL4_Word r_mr1 __asm__("r3");
    register seL4_Word r_mr2 __asm__("r4");
    register seL4_Word r_mr3 __asm__("r5");
    MCS_PARAM_DECL("r6");
    register seL4_Word r_sys __asm__("r7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(r_cap), "=r"(r_info), "=r"(r_mr0), "=r"(r_mr1), "=r"(r_mr2), "=r"(r_mr3)
                     : "r"(r_sys) MCS_PARAM
                     : "memory");
    *out_badge = r_cap;
    *out_info = r_info;
    *out_mr0 = r_mr0;
    *out_mr1 = r_mr1;
    *out_mr2 = r_mr2;
    *out_mr3 = r_mr3;
}

/* Send then receive on the same capability; the message words are updated in place. */
static inline void arm_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_badge, seL4_Word info_arg,
                                     seL4_Word *out_info, seL4_Word *in_out_mr0, seL4_Word *in_out_mr1,
                                     seL4_Word *in_out_mr2, seL4_Word *in_out_mr3, LIBSEL4_UNUSED seL4_Word reply)
{
    register seL4_Word r_cap __asm__("r0") = dest;
    register seL4_Word r_info __asm__("r1") = info_arg;
    register seL4_Word r_mr0 __asm__("r2") = *in_out_mr0;
    register seL4_Word r_mr1 __asm__("r3") = *in_out_mr1;
    register seL4_Word r_mr2 __asm__("r4") = *in_out_mr2;
    register seL4_Word r_mr3 __asm__("r5") = *in_out_mr3;
    MCS_PARAM_DECL("r6");
    register seL4_Word r_sys __asm__("r7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(r_cap), "+r"(r_info), "+r"(r_mr0), "+r"(r_mr1), "+r"(r_mr2), "+r"(r_mr3)
                     : "r"(r_sys) MCS_PARAM
                     : "memory");
    *out_info = r_info;
    *out_badge = r_cap;
    *in_out_mr0 = r_mr0;
    *in_out_mr1 = r_mr1;
    *in_out_mr2 = r_mr2;
    *in_out_mr3 = r_mr3;
}

#ifdef CONFIG_KERNEL_MCS
/* Send to dest, then receive on src (MCS): dest gets its own register. */
static inline void arm_sys_nbsend_recv(seL4_Word sys, seL4_Word dest, seL4_Word src, seL4_Word *out_badge,
                                       seL4_Word info_arg, seL4_Word *out_info, seL4_Word *in_out_mr0,
                                       seL4_Word *in_out_mr1, seL4_Word *in_out_mr2, seL4_Word *in_out_mr3,
                                       seL4_Word reply)
{
    register seL4_Word r_cap __asm__("r0") = src;
    register seL4_Word r_info __asm__("r1") = info_arg;
    register seL4_Word r_mr0 __asm__("r2") = *in_out_mr0;
    register seL4_Word r_mr1 __asm__("r3") = *in_out_mr1;
    register seL4_Word r_mr2 __asm__("r4") = *in_out_mr2;
    register seL4_Word r_mr3 __asm__("r5") = *in_out_mr3;
    register seL4_Word r_reply __asm__("r6") = reply;
    register seL4_Word r_dest __asm__("r8") = dest;
    register seL4_Word r_sys __asm__("r7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(r_cap), "+r"(r_info), "+r"(r_mr0), "+r"(r_mr1), "+r"(r_mr2), "+r"(r_mr3)
                     : "r"(r_sys), "r"(r_reply), "r"(r_dest)
                     : "memory");
    *out_badge = r_cap;
    *out_info = r_info;
    *in_out_mr0 = r_mr0;
    *in_out_mr1 = r_mr1;
    *in_out_mr2 = r_mr2;
    *in_out_mr3 = r_mr3;
}
#endif

/* A call with no arguments and no results. */
static inline void arm_sys_null(seL4_Word sys)
{
    register seL4_Word r_sys __asm__("r7") = sys;
    __asm__ volatile("svc #0" : : "r"(r_sys));
}
