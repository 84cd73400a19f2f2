/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64 system call primitives, entering the kernel with the `syscall` instruction.
 *
 * Register assignment, as the kernel's entry path reads and writes it:
 *   rdx  system call number (in); with sysenter it is rax instead
 *   rdi  capability or destination (in), badge or sender (out)
 *   rsi  message info (in and out)
 *   r10, r8, r9, r15  message registers 0-3 (in and out)
 *   r12  reply capability (in, MCS only)
 *   r13  destination of a combined send + receive (in, MCS only)
 * The `syscall` instruction overwrites rcx (return address) and r11 (flags), and the kernel's
 * syscall entry does not keep the user stack pointer: it is parked in rbx, which the kernel
 * does preserve, and restored afterwards.
 *
 * syscalls_sysenter.h includes this file after choosing its own trap sequence, so both
 * methods share one set of bodies; only LIBSEL4_X64_* below differ between them.
 */
#pragma once

#include <sel4/config.h>
#include <sel4/functions.h>
#include <sel4/types.h>

#ifndef LIBSEL4_X64_TRAP
#define LIBSEL4_X64_TRAP "movq %%rsp, %%rbx\n\tsyscall\n\tmovq %%rbx, %%rsp\n"
#define LIBSEL4_X64_SYSNO "d"
#define LIBSEL4_X64_CLOBBERS "rbx", "rcx", "r11"
/* A call without a message also loses rsi and rdi (info and badge come back in them). */
#define LIBSEL4_X64_NULL_CLOBBERS "rbx", "rcx", "rsi", "rdi", "r11"
#endif

/*
 * On MCS kernels a receive names its reply object in r12. MCS_REPLY_DECL and MCS_REPLY are the
 * names seL4's libsel4 offers for this (spelled with the GNU `asm` keyword); the bodies below
 * use LIBSEL4_X64_REPLY_DECL, the same binding spelled __asm__, so they also compile as ISO C.
 */
#ifdef CONFIG_KERNEL_MCS
#define MCS_REPLY_DECL register seL4_Word reply_reg asm("r12") = reply
#define LIBSEL4_X64_REPLY_DECL register seL4_Word reply_reg __asm__("r12") = reply
#define MCS_REPLY , "r"(reply_reg)
#else
#define MCS_REPLY_DECL
#define LIBSEL4_X64_REPLY_DECL
#define MCS_REPLY
#endif

/* Binds message registers 0-3 to their CPU registers. */
#define LIBSEL4_X64_MRS                    \
	register seL4_Word mr0 __asm__("r10"); \
	register seL4_Word mr1 __asm__("r8");  \
	register seL4_Word mr2 __asm__("r9");  \
	register seL4_Word mr3 __asm__("r15")

static inline void x64_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info, seL4_Word msg0, seL4_Word msg1,
				seL4_Word msg2, seL4_Word msg3)
{
	LIBSEL4_X64_MRS;
	mr0 = msg0;
	mr1 = msg1;
	mr2 = msg2;
	mr3 = msg3;
	__asm__ __volatile__(LIBSEL4_X64_TRAP
		     :
		     : LIBSEL4_X64_SYSNO(sys), "D"(dest), "S"(info), "r"(mr0), "r"(mr1), "r"(mr2), "r"(mr3)
		     : LIBSEL4_X64_CLOBBERS);
}

#ifndef CONFIG_KERNEL_MCS
/* A reply has no destination: it goes to the caller's implicit reply slot. */
static inline void x64_sys_reply(seL4_Word sys, seL4_Word info, seL4_Word msg0, seL4_Word msg1, seL4_Word msg2,
				 seL4_Word msg3)
{
	LIBSEL4_X64_MRS;
	mr0 = msg0;
	mr1 = msg1;
	mr2 = msg2;
	mr3 = msg3;
	__asm__ __volatile__(LIBSEL4_X64_TRAP
		     :
		     : LIBSEL4_X64_SYSNO(sys), "S"(info), "r"(mr0), "r"(mr1), "r"(mr2), "r"(mr3)
		     : LIBSEL4_X64_CLOBBERS);
}
#endif

/* A send whose message registers do not matter (signal, and calls passing two words only). */
static inline void x64_sys_send_null(seL4_Word sys, seL4_Word dest, seL4_Word info)
{
	__asm__ __volatile__(LIBSEL4_X64_TRAP
		     :
		     : LIBSEL4_X64_SYSNO(sys), "D"(dest), "S"(info)
		     : LIBSEL4_X64_CLOBBERS);
}

static inline void x64_sys_recv(seL4_Word sys, seL4_Word src, seL4_Word *out_badge, seL4_Word *out_info,
				seL4_Word *out_mr0, seL4_Word *out_mr1, seL4_Word *out_mr2, seL4_Word *out_mr3,
				LIBSEL4_UNUSED seL4_Word reply)
{
	LIBSEL4_X64_MRS;
	LIBSEL4_X64_REPLY_DECL;
	__asm__ __volatile__(LIBSEL4_X64_TRAP
		     : "=D"(*out_badge), "=S"(*out_info), "=r"(mr0), "=r"(mr1), "=r"(mr2), "=r"(mr3)
		     : LIBSEL4_X64_SYSNO(sys), "D"(src) MCS_REPLY
		     : LIBSEL4_X64_CLOBBERS, "memory");
	*out_mr0 = mr0;
	*out_mr1 = mr1;
	*out_mr2 = mr2;
	*out_mr3 = mr3;
}

/* Send, then receive (call, reply-receive, and the debug calls returning values in registers). */
static inline void x64_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_dest, seL4_Word info,
				     seL4_Word *out_info, seL4_Word *in_out_mr0, seL4_Word *in_out_mr1,
				     seL4_Word *in_out_mr2, seL4_Word *in_out_mr3, LIBSEL4_UNUSED seL4_Word reply)
{
	LIBSEL4_X64_MRS;
	mr0 = *in_out_mr0;
	mr1 = *in_out_mr1;
	mr2 = *in_out_mr2;
	mr3 = *in_out_mr3;
	LIBSEL4_X64_REPLY_DECL;
	__asm__ __volatile__(LIBSEL4_X64_TRAP
		     : "=S"(*out_info), "=r"(mr0), "=r"(mr1), "=r"(mr2), "=r"(mr3), "=D"(*out_dest)
		     : LIBSEL4_X64_SYSNO(sys), "D"(dest), "S"(info), "r"(mr0), "r"(mr1), "r"(mr2), "r"(mr3) MCS_REPLY
		     : LIBSEL4_X64_CLOBBERS, "memory");
	*in_out_mr0 = mr0;
	*in_out_mr1 = mr1;
	*in_out_mr2 = mr2;
	*in_out_mr3 = mr3;
}

#ifdef CONFIG_KERNEL_MCS
/* Non-blocking send to dest (in r13), then receive on src (in rdi) with a reply object. */
static inline void x64_sys_nbsend_recv(seL4_Word sys, seL4_Word dest, seL4_Word src, seL4_Word *out_dest,
				       seL4_Word info, seL4_Word *out_info, seL4_Word *in_out_mr0,
				       seL4_Word *in_out_mr1, seL4_Word *in_out_mr2, seL4_Word *in_out_mr3,
				       seL4_Word reply)
{
	LIBSEL4_X64_MRS;
	mr0 = *in_out_mr0;
	mr1 = *in_out_mr1;
	mr2 = *in_out_mr2;
	mr3 = *in_out_mr3;
	register seL4_Word reply_reg __asm__("r12") = reply;
	register seL4_Word dest_reg __asm__("r13") = dest;
	__asm__ __volatile__(LIBSEL4_X64_TRAP
		     : "=S"(*out_info), "=r"(mr0), "=r"(mr1), "=r"(mr2), "=r"(mr3), "=D"(*out_dest)
		     : LIBSEL4_X64_SYSNO(sys), "D"(src), "S"(info), "r"(mr0), "r"(mr1), "r"(mr2), "r"(mr3),
		       "r"(reply_reg), "r"(dest_reg)
		     : LIBSEL4_X64_CLOBBERS, "memory");
	*in_out_mr0 = mr0;
	*in_out_mr1 = mr1;
	*in_out_mr2 = mr2;
	*in_out_mr3 = mr3;
}
#endif

/* A system call with no arguments (yield, halt, snapshot, benchmark calls). */
static inline void x64_sys_null(seL4_Word sys)
{
	__asm__ __volatile__(LIBSEL4_X64_TRAP : : LIBSEL4_X64_SYSNO(sys) : LIBSEL4_X64_NULL_CLOBBERS);
}

/* The helpers above are private to this file (and syscalls_sysenter.h). */
#undef LIBSEL4_X64_MRS
#undef LIBSEL4_X64_REPLY_DECL
#undef LIBSEL4_X64_TRAP
#undef LIBSEL4_X64_SYSNO
#undef LIBSEL4_X64_CLOBBERS
#undef LIBSEL4_X64_NULL_CLOBBERS
