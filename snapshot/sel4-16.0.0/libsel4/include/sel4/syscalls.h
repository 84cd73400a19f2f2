/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Declarations of every system call wrapper: the IPC calls of the kernel flavour in use, then
 * the debug, benchmark and special calls the configuration enables. The definitions live in
 * the arch and sel4_arch syscalls.h.
 */
#pragma once

#include <sel4/config.h>
#include <sel4/functions.h>

#ifdef CONFIG_KERNEL_MCS
#include <sel4/syscalls_mcs.h>
#else
#include <sel4/syscalls_master.h>
#endif

#ifdef CONFIG_PRINTING
/* One character to the kernel's debug console. */
LIBSEL4_INLINE_FUNC void seL4_DebugPutChar(char c);
/* The kernel prints its scheduler queues. */
LIBSEL4_INLINE_FUNC void seL4_DebugDumpScheduler(void);
#endif

#if CONFIG_DEBUG_BUILD
/* Stops the whole system. */
LIBSEL4_INLINE_FUNC void seL4_DebugHalt(void);
/* Asks the simulator or debugger attached to the kernel for a capDL snapshot. */
LIBSEL4_INLINE_FUNC void seL4_DebugSnapshot(void);
/* The kernel's type number of the cap at a slot (0 for an empty slot). */
LIBSEL4_INLINE_FUNC seL4_Uint32 seL4_DebugCapIdentify(seL4_CPtr cap);
/* Gives a thread a name for the kernel's debug output; the name travels in the IPC buffer. */
LIBSEL4_INLINE_FUNC void seL4_DebugNameThread(seL4_CPtr tcb, const char *name);
#if defined(CONFIG_ENABLE_SMP_SUPPORT)
/* The core a thread runs on. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_DebugGetThreadAffinity(seL4_CPtr tcb);
#if defined(CONFIG_ARCH_ARM)
/* Sends interrupt irq to the cores in the target mask. */
LIBSEL4_INLINE_FUNC void seL4_DebugSendIPI(seL4_Uint8 target, unsigned irq);
#endif
#endif
#endif

#ifdef CONFIG_DANGEROUS_CODE_INJECTION
/* Runs userfn(userarg) in kernel mode. */
LIBSEL4_INLINE_FUNC void seL4_DebugRun(void (*userfn)(void *), void *userarg);
#endif

#ifdef CONFIG_ENABLE_BENCHMARKS
/* Starts the kernel's benchmark log over. */
LIBSEL4_INLINE_FUNC seL4_Error seL4_BenchmarkResetLog(void);
/* Stops logging; returns the index of the last entry. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_BenchmarkFinalizeLog(void);
/* Hands the kernel a large frame to log into. */
LIBSEL4_INLINE_FUNC seL4_Error seL4_BenchmarkSetLogBuffer(seL4_Word frame_cptr);
/* A system call that does nothing, for measuring entry and exit. */
LIBSEL4_INLINE_FUNC void seL4_BenchmarkNullSyscall(void);
/* Cleans and invalidates the caches. */
LIBSEL4_INLINE_FUNC void seL4_BenchmarkFlushCaches(void);
#ifdef CONFIG_ARCH_ARM
LIBSEL4_INLINE_FUNC void seL4_BenchmarkFlushL1Caches(seL4_Word cache_type);
#endif
#ifdef CONFIG_BENCHMARK_TRACK_UTILISATION
/* Writes a thread's utilisation counters to the IPC buffer. */
LIBSEL4_INLINE_FUNC void seL4_BenchmarkGetThreadUtilisation(seL4_Word tcb_cptr);
LIBSEL4_INLINE_FUNC void seL4_BenchmarkResetThreadUtilisation(seL4_Word tcb_cptr);
#ifdef CONFIG_DEBUG_BUILD
LIBSEL4_INLINE_FUNC void seL4_BenchmarkDumpAllThreadsUtilisation(void);
LIBSEL4_INLINE_FUNC void seL4_BenchmarkResetAllThreadsUtilisation(void);
#endif
#endif
#endif

#ifdef CONFIG_ARCH_X86
#ifdef CONFIG_VTX
/* Runs the thread's VCPU until a fault or a notification; see sel4/arch/vmenter.h. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_VMEnter(seL4_Word *sender);
#endif
#endif

#ifdef CONFIG_SET_TLS_BASE_SELF
/* Sets the calling thread's thread-local storage base. */
LIBSEL4_INLINE_FUNC void seL4_SetTLSBase(seL4_Word tls_base);
#endif
