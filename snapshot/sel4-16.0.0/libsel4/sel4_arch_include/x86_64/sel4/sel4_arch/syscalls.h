/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64 system call wrappers, built on the primitives of syscalls_syscall.h or
 * syscalls_sysenter.h (whichever entry method the kernel was configured with).
 *
 * Message registers 0-3 travel in CPU registers. The plain wrappers move them between the CPU
 * and the IPC buffer; the ...WithMRs forms take them through optional pointers instead and
 * leave the IPC buffer alone.
 */
#pragma once

#include <sel4/config.h>

/* What a receive passes as its reply object: the caller's on MCS, nothing otherwise. */
#ifdef CONFIG_KERNEL_MCS
#define LIBSEL4_MCS_REPLY reply
#else
#define LIBSEL4_MCS_REPLY 0
#endif

#if defined(CONFIG_SYSENTER)
#include <sel4/sel4_arch/syscalls_sysenter.h>
#elif defined(CONFIG_SYSCALL)
#include <sel4/sel4_arch/syscalls_syscall.h>
#else
#error "the configuration names no x86 system call method (CONFIG_SYSCALL or CONFIG_SYSENTER)"
#endif

/* A message register word to send from an optional pointer: absent means 0. */
#define LIBSEL4_X64_SEND_WORD(p) (((p) != seL4_Null) ? *(p) : 0)
/* The same for a call, where only words within the message's length are read. */
#define LIBSEL4_X64_CALL_WORD(p, info, n) \
	(((p) != seL4_Null && seL4_MessageInfo_get_length(info) > (n)) ? *(p) : 0)
/* Hands a received word back through an optional pointer. */
#define LIBSEL4_X64_GIVE(p, v)      \
	do {                        \
		if ((p) != seL4_Null) \
			*(p) = (v);   \
	} while (0)
/* Message registers 0-3, from and to the IPC buffer. */
#define LIBSEL4_X64_LOAD_MRS(m0, m1, m2, m3) \
	seL4_Word m0 = seL4_GetMR(0), m1 = seL4_GetMR(1), m2 = seL4_GetMR(2), m3 = seL4_GetMR(3)
#define LIBSEL4_X64_STORE_MRS(m0, m1, m2, m3) \
	do {                                  \
		seL4_SetMR(0, m0);            \
		seL4_SetMR(1, m1);            \
		seL4_SetMR(2, m2);            \
		seL4_SetMR(3, m3);            \
	} while (0)
/* Tells the compiler that the kernel may have read or written any memory. */
#define LIBSEL4_X64_BARRIER() __asm__ __volatile__("" ::: "memory")

/* --- sending ------------------------------------------------------------------------------- */

LIBSEL4_INLINE_FUNC void seL4_Send(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
	x64_sys_send(seL4_SysSend, dest, msgInfo.words[0], seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_SendWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_Word *mr0, seL4_Word *mr1,
					  seL4_Word *mr2, seL4_Word *mr3)
{
	x64_sys_send(seL4_SysSend, dest, msgInfo.words[0], LIBSEL4_X64_SEND_WORD(mr0), LIBSEL4_X64_SEND_WORD(mr1),
		     LIBSEL4_X64_SEND_WORD(mr2), LIBSEL4_X64_SEND_WORD(mr3));
}

LIBSEL4_INLINE_FUNC void seL4_NBSend(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
	x64_sys_send(seL4_SysNBSend, dest, msgInfo.words[0], seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2),
		     seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_NBSendWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_Word *mr0,
					    seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
	x64_sys_send(seL4_SysNBSend, dest, msgInfo.words[0], LIBSEL4_X64_SEND_WORD(mr0), LIBSEL4_X64_SEND_WORD(mr1),
		     LIBSEL4_X64_SEND_WORD(mr2), LIBSEL4_X64_SEND_WORD(mr3));
}

#ifndef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC void seL4_Reply(seL4_MessageInfo_t msgInfo)
{
	x64_sys_reply(seL4_SysReply, msgInfo.words[0], seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_ReplyWithMRs(seL4_MessageInfo_t msgInfo, seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2,
					   seL4_Word *mr3)
{
	x64_sys_reply(seL4_SysReply, msgInfo.words[0], LIBSEL4_X64_SEND_WORD(mr0), LIBSEL4_X64_SEND_WORD(mr1),
		      LIBSEL4_X64_SEND_WORD(mr2), LIBSEL4_X64_SEND_WORD(mr3));
}
#endif

/* Signalling a notification is a send of a one-word message with label 0. */
LIBSEL4_INLINE_FUNC void seL4_Signal(seL4_CPtr dest)
{
	x64_sys_send_null(seL4_SysSend, dest, seL4_MessageInfo_new(0, 0, 0, 1).words[0]);
}

/* --- receiving ----------------------------------------------------------------------------- */

/* A receive-type system call whose message registers go to the IPC buffer. */
#define LIBSEL4_X64_RECV_TO_BUFFER(sys, src, sender, reply)                                           \
	seL4_MessageInfo_t info;                                                                      \
	seL4_Word badge, mr0, mr1, mr2, mr3;                                                          \
	x64_sys_recv(sys, src, &badge, &info.words[0], &mr0, &mr1, &mr2, &mr3, reply);                \
	LIBSEL4_X64_STORE_MRS(mr0, mr1, mr2, mr3);                                                    \
	if (sender)                                                                                   \
		*(sender) = badge;                                                                    \
	return info

/* The same, handing the message registers back through optional pointers. */
#define LIBSEL4_X64_RECV_TO_POINTERS(sys, src, sender, p0, p1, p2, p3, reply)                         \
	seL4_MessageInfo_t info;                                                                      \
	seL4_Word badge, msg0, msg1, msg2, msg3;                                                      \
	x64_sys_recv(sys, src, &badge, &info.words[0], &msg0, &msg1, &msg2, &msg3, reply);            \
	LIBSEL4_X64_GIVE(p0, msg0);                                                                   \
	LIBSEL4_X64_GIVE(p1, msg1);                                                                   \
	LIBSEL4_X64_GIVE(p2, msg2);                                                                   \
	LIBSEL4_X64_GIVE(p3, msg3);                                                                   \
	if (sender)                                                                                   \
		*(sender) = badge;                                                                    \
	return info

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender, seL4_CPtr reply)
#else
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender)
#endif
{
	LIBSEL4_X64_RECV_TO_BUFFER(seL4_SysRecv, src, sender, LIBSEL4_MCS_REPLY);
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvWithMRs(seL4_CPtr src, seL4_Word *sender, seL4_Word *mr0,
							seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3,
							seL4_CPtr reply)
#else
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvWithMRs(seL4_CPtr src, seL4_Word *sender, seL4_Word *mr0,
							seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
#endif
{
	LIBSEL4_X64_RECV_TO_POINTERS(seL4_SysRecv, src, sender, mr0, mr1, mr2, mr3, LIBSEL4_MCS_REPLY);
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender, seL4_CPtr reply)
#else
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender)
#endif
{
	LIBSEL4_X64_RECV_TO_BUFFER(seL4_SysNBRecv, src, sender, LIBSEL4_MCS_REPLY);
}

#ifdef CONFIG_KERNEL_MCS
/* MCS waits take no reply object. */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
	LIBSEL4_X64_RECV_TO_BUFFER(seL4_SysWait, src, sender, 0);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_WaitWithMRs(seL4_CPtr src, seL4_Word *sender, seL4_Word *mr0,
							seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
	LIBSEL4_X64_RECV_TO_POINTERS(seL4_SysWait, src, sender, mr0, mr1, mr2, mr3, 0);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBWait(seL4_CPtr src, seL4_Word *sender)
{
	LIBSEL4_X64_RECV_TO_BUFFER(seL4_SysNBWait, src, sender, 0);
}
#endif

/* --- send, then receive -------------------------------------------------------------------- */

/* A send-receive system call taking and returning message registers 0-3 via the IPC buffer. */
#define LIBSEL4_X64_EXCHANGE_VIA_BUFFER(call)       \
	LIBSEL4_X64_LOAD_MRS(mr0, mr1, mr2, mr3);   \
	call;                                       \
	LIBSEL4_X64_STORE_MRS(mr0, mr1, mr2, mr3)

/* The same through optional pointers, sending only the words the message's length covers. */
#define LIBSEL4_X64_EXCHANGE_VIA_POINTERS(info, p0, p1, p2, p3, call) \
	seL4_Word msg0 = LIBSEL4_X64_CALL_WORD(p0, info, 0);          \
	seL4_Word msg1 = LIBSEL4_X64_CALL_WORD(p1, info, 1);          \
	seL4_Word msg2 = LIBSEL4_X64_CALL_WORD(p2, info, 2);          \
	seL4_Word msg3 = LIBSEL4_X64_CALL_WORD(p3, info, 3);          \
	call;                                                         \
	LIBSEL4_X64_GIVE(p0, msg0);                                   \
	LIBSEL4_X64_GIVE(p1, msg1);                                   \
	LIBSEL4_X64_GIVE(p2, msg2);                                   \
	LIBSEL4_X64_GIVE(p3, msg3)

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
	seL4_MessageInfo_t info;
	LIBSEL4_X64_EXCHANGE_VIA_BUFFER(x64_sys_send_recv(seL4_SysCall, dest, &dest, msgInfo.words[0], &info.words[0],
							  &mr0, &mr1, &mr2, &mr3, 0));
	return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_CallWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_Word *mr0,
							seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
	seL4_MessageInfo_t info;
	LIBSEL4_X64_EXCHANGE_VIA_POINTERS(msgInfo, mr0, mr1, mr2, mr3,
					  x64_sys_send_recv(seL4_SysCall, dest, &dest, msgInfo.words[0],
							    &info.words[0], &msg0, &msg1, &msg2, &msg3, 0));
	return info;
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_Word *sender,
						      seL4_CPtr reply)
#else
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_Word *sender)
#endif
{
	seL4_MessageInfo_t info;
	seL4_Word badge;
	LIBSEL4_X64_EXCHANGE_VIA_BUFFER(x64_sys_send_recv(seL4_SysReplyRecv, dest, &badge, msgInfo.words[0],
							  &info.words[0], &mr0, &mr1, &mr2, &mr3, LIBSEL4_MCS_REPLY));
	if (sender)
		*sender = badge;
	return info;
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecvWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
							     seL4_Word *sender, seL4_Word *mr0, seL4_Word *mr1,
							     seL4_Word *mr2, seL4_Word *mr3, seL4_CPtr reply)
#else
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecvWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
							     seL4_Word *sender, seL4_Word *mr0, seL4_Word *mr1,
							     seL4_Word *mr2, seL4_Word *mr3)
#endif
{
	seL4_MessageInfo_t info;
	seL4_Word badge;
	LIBSEL4_X64_EXCHANGE_VIA_POINTERS(msgInfo, mr0, mr1, mr2, mr3,
					  x64_sys_send_recv(seL4_SysReplyRecv, dest, &badge, msgInfo.words[0],
							    &info.words[0], &msg0, &msg1, &msg2, &msg3,
							    LIBSEL4_MCS_REPLY));
	if (sender)
		*sender = badge;
	return info;
}

#ifdef CONFIG_KERNEL_MCS
/* Non-blocking send to dest, then receive on src with reply object reply. */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendRecv(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_CPtr src,
						       seL4_Word *sender, seL4_CPtr reply)
{
	seL4_MessageInfo_t info;
	seL4_Word badge;
	LIBSEL4_X64_EXCHANGE_VIA_BUFFER(x64_sys_nbsend_recv(seL4_SysNBSendRecv, dest, src, &badge, msgInfo.words[0],
							    &info.words[0], &mr0, &mr1, &mr2, &mr3, reply));
	if (sender)
		*sender = badge;
	return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendRecvWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
							      seL4_CPtr src, seL4_Word *sender, seL4_Word *mr0,
							      seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3,
							      seL4_CPtr reply)
{
	seL4_MessageInfo_t info;
	seL4_Word badge;
	LIBSEL4_X64_EXCHANGE_VIA_POINTERS(msgInfo, mr0, mr1, mr2, mr3,
					  x64_sys_nbsend_recv(seL4_SysNBSendRecv, dest, src, &badge, msgInfo.words[0],
							      &info.words[0], &msg0, &msg1, &msg2, &msg3, reply));
	if (sender)
		*sender = badge;
	return info;
}

/*
 * The kernel's NBSendWait sends on the cap in the reply register and then waits on the one in
 * the capability register: dest therefore travels as the reply, and the r13 slot is unused.
 */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendWait(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_CPtr src,
						       seL4_Word *sender)
{
	seL4_MessageInfo_t info;
	seL4_Word badge;
	LIBSEL4_X64_EXCHANGE_VIA_BUFFER(x64_sys_nbsend_recv(seL4_SysNBSendWait, 0, src, &badge, msgInfo.words[0],
							    &info.words[0], &mr0, &mr1, &mr2, &mr3, dest));
	if (sender)
		*sender = badge;
	return info;
}

/*
 * seL4 16.0.0 implements this form as a ReplyRecv with dest as both the capability and the
 * reply object, ignoring src; kept so that programs behave exactly as with seL4's libsel4.
 */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendWaitWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
							      seL4_CPtr src, seL4_Word *sender, seL4_Word *mr0,
							      seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
	seL4_MessageInfo_t info;
	seL4_Word badge;
	(void)src;
	LIBSEL4_X64_EXCHANGE_VIA_POINTERS(msgInfo, mr0, mr1, mr2, mr3,
					  x64_sys_send_recv(seL4_SysReplyRecv, dest, &badge, msgInfo.words[0],
							    &info.words[0], &msg0, &msg1, &msg2, &msg3, dest));
	if (sender)
		*sender = badge;
	return info;
}
#endif

LIBSEL4_INLINE_FUNC void seL4_Yield(void)
{
	x64_sys_null(seL4_SysYield);
	LIBSEL4_X64_BARRIER();
}

#ifdef CONFIG_VTX
/*
 * Runs the guest until it exits or a notification arrives. The call message registers (see
 * sel4/arch/vmenter.h) go in and come back through the IPC buffer; the result is
 * SEL4_VMENTER_RESULT_FAULT or SEL4_VMENTER_RESULT_NOTIF, and for a notification *sender
 * receives its badge.
 */
LIBSEL4_INLINE_FUNC seL4_Word seL4_VMEnter(seL4_Word *sender)
{
	seL4_Word fault;
	seL4_Word badge;
	LIBSEL4_X64_EXCHANGE_VIA_BUFFER(
		x64_sys_send_recv(seL4_SysVMEnter, 0, &badge, 0, &fault, &mr0, &mr1, &mr2, &mr3, 0));
	if (!fault && sender)
		*sender = badge;
	return fault;
}
#endif

/* --- debug, benchmark and special calls ------------------------------------------------------ */

/*
 * Most of these pass one word in rdi with zero in the info and message registers, and get one
 * word back in rdi. word must be an seL4_Word lvalue; it holds the answer afterwards.
 */
#define LIBSEL4_X64_WORD_CALL(sys, word)                                                            \
	do {                                                                                        \
		seL4_Word zero_info = 0, zero0 = 0, zero1 = 0, zero2 = 0, zero3 = 0;                \
		x64_sys_send_recv(sys, word, &(word), 0, &zero_info, &zero0, &zero1, &zero2, &zero3, 0); \
	} while (0)

#ifdef CONFIG_PRINTING
LIBSEL4_INLINE_FUNC void seL4_DebugPutChar(char c)
{
	seL4_Word word = c;
	LIBSEL4_X64_WORD_CALL(seL4_SysDebugPutChar, word);
}

LIBSEL4_INLINE_FUNC void seL4_DebugPutString(char *str)
{
	for (char *s = str; *s; s++)
		seL4_DebugPutChar(*s);
}

LIBSEL4_INLINE_FUNC void seL4_DebugDumpScheduler(void)
{
	seL4_Word word = 0;
	LIBSEL4_X64_WORD_CALL(seL4_SysDebugDumpScheduler, word);
}
#endif

#ifdef CONFIG_DEBUG_BUILD
LIBSEL4_INLINE_FUNC void seL4_DebugHalt(void)
{
	x64_sys_null(seL4_SysDebugHalt);
	LIBSEL4_X64_BARRIER();
}
#endif

#if defined(CONFIG_KERNEL_X86_DANGEROUS_MSR)
/* Writes a model-specific register: the MSR number in rdi, the value in message register 0. */
LIBSEL4_INLINE_FUNC void seL4_X86DangerousWRMSR(seL4_Uint32 msr, seL4_Uint64 value)
{
	x64_sys_send(seL4_SysX86DangerousWRMSR, msr, 0, value, 0, 0, 0);
}

/* Reads a model-specific register; the value comes back in message register 0. */
LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_X86DangerousRDMSR(seL4_Uint32 msr)
{
	seL4_Word badge = 0, info = 0, value, mr1 = 0, mr2 = 0, mr3 = 0;
	x64_sys_recv(seL4_SysX86DangerousRDMSR, msr, &badge, &info, &value, &mr1, &mr2, &mr3, 0);
	return value;
}
#endif

#if defined(CONFIG_DEBUG_BUILD)
LIBSEL4_INLINE_FUNC void seL4_DebugSnapshot(void)
{
	x64_sys_null(seL4_SysDebugSnapshot);
	LIBSEL4_X64_BARRIER();
}
#endif

#ifdef CONFIG_DEBUG_BUILD
LIBSEL4_INLINE_FUNC seL4_Uint32 seL4_DebugCapIdentify(seL4_CPtr cap)
{
	LIBSEL4_X64_WORD_CALL(seL4_SysDebugCapIdentify, cap);
	return (seL4_Uint32)cap;
}

/* The C library's, as seL4's libsel4 uses it too: the name is copied into the message registers. */
char *strcpy(char *, const char *);

LIBSEL4_INLINE_FUNC void seL4_DebugNameThread(seL4_CPtr tcb, const char *name)
{
	strcpy((char *)seL4_GetIPCBuffer()->msg, name);
	seL4_Word word = tcb;
	LIBSEL4_X64_WORD_CALL(seL4_SysDebugNameThread, word);
}

#if CONFIG_ENABLE_SMP_SUPPORT
LIBSEL4_INLINE_FUNC seL4_Word seL4_DebugGetThreadAffinity(seL4_CPtr tcb)
{
	seL4_Word word = tcb;
	LIBSEL4_X64_WORD_CALL(seL4_SysDebugGetThreadAffinity, word);
	return word;
}
#endif
#endif

#if defined(CONFIG_DANGEROUS_CODE_INJECTION)
/* The function's address goes in rdi, its argument in rsi. */
LIBSEL4_INLINE_FUNC void seL4_DebugRun(void (*userfn)(void *), void *userarg)
{
	x64_sys_send_null(seL4_SysDebugRun, (seL4_Word)userfn, (seL4_Word)userarg);
	LIBSEL4_X64_BARRIER();
}
#endif

#if CONFIG_ENABLE_BENCHMARKS
LIBSEL4_INLINE_FUNC seL4_Error seL4_BenchmarkResetLog(void)
{
	seL4_Word result = 0;
	LIBSEL4_X64_WORD_CALL(seL4_SysBenchmarkResetLog, result);
	return (seL4_Error)result;
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_BenchmarkFinalizeLog(void)
{
	seL4_Word last_index = 0;
	LIBSEL4_X64_WORD_CALL(seL4_SysBenchmarkFinalizeLog, last_index);
	return last_index;
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_BenchmarkSetLogBuffer(seL4_Word frame_cptr)
{
	LIBSEL4_X64_WORD_CALL(seL4_SysBenchmarkSetLogBuffer, frame_cptr);
	return (seL4_Error)frame_cptr;
}

LIBSEL4_INLINE_FUNC void seL4_BenchmarkNullSyscall(void)
{
	x64_sys_null(seL4_SysBenchmarkNullSyscall);
	LIBSEL4_X64_BARRIER();
}

LIBSEL4_INLINE_FUNC void seL4_BenchmarkFlushCaches(void)
{
	x64_sys_null(seL4_SysBenchmarkFlushCaches);
	LIBSEL4_X64_BARRIER();
}

#ifdef CONFIG_BENCHMARK_TRACK_UTILISATION
LIBSEL4_INLINE_FUNC void seL4_BenchmarkGetThreadUtilisation(seL4_Word tcb_cptr)
{
	LIBSEL4_X64_WORD_CALL(seL4_SysBenchmarkGetThreadUtilisation, tcb_cptr);
}

LIBSEL4_INLINE_FUNC void seL4_BenchmarkResetThreadUtilisation(seL4_Word tcb_cptr)
{
	LIBSEL4_X64_WORD_CALL(seL4_SysBenchmarkResetThreadUtilisation, tcb_cptr);
}

#ifdef CONFIG_DEBUG_BUILD
LIBSEL4_INLINE_FUNC void seL4_BenchmarkDumpAllThreadsUtilisation(void)
{
	seL4_Word word = 0;
	LIBSEL4_X64_WORD_CALL(seL4_SysBenchmarkDumpAllThreadsUtilisation, word);
}

LIBSEL4_INLINE_FUNC void seL4_BenchmarkResetAllThreadsUtilisation(void)
{
	seL4_Word word = 0;
	LIBSEL4_X64_WORD_CALL(seL4_SysBenchmarkResetAllThreadsUtilisation, word);
}
#endif
#endif
#endif

#ifdef CONFIG_SET_TLS_BASE_SELF
LIBSEL4_INLINE_FUNC void seL4_SetTLSBase(seL4_Word tls_base)
{
	x64_sys_send_null(seL4_SysSetTLSBase, tls_base, 0);
	LIBSEL4_X64_BARRIER();
}
#endif

/* The helpers above are private to this file. */
#undef LIBSEL4_X64_SEND_WORD
#undef LIBSEL4_X64_CALL_WORD
#undef LIBSEL4_X64_GIVE
#undef LIBSEL4_X64_LOAD_MRS
#undef LIBSEL4_X64_STORE_MRS
#undef LIBSEL4_X64_BARRIER
#undef LIBSEL4_X64_RECV_TO_BUFFER
#undef LIBSEL4_X64_RECV_TO_POINTERS
#undef LIBSEL4_X64_EXCHANGE_VIA_BUFFER
#undef LIBSEL4_X64_EXCHANGE_VIA_POINTERS
#undef LIBSEL4_X64_WORD_CALL
