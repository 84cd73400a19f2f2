/* SPDX-License-Identifier: BSD-2-Clause */
/* riscv64 object sizes (log2 bytes), fault message layouts and the user address range.
 * Unlike ARM's, these message enumerations are not forced to word size: they are ints. */
#pragma once

#include <sel4/config.h>
#include <sel4/macros.h>

#define seL4_WordBits 64
#define seL4_WordSizeBits 3

#define seL4_SlotBits 5
#ifdef CONFIG_KERNEL_MCS
#define seL4_NotificationBits 6
#define seL4_ReplyBits 5
#else
#define seL4_NotificationBits 5
#endif
#define seL4_EndpointBits 4
#define seL4_IPCBufferSizeBits 10
/* The TCB doubles to hold the floating-point registers. */
#ifdef CONFIG_HAVE_FPU
#define seL4_TCBBits 11
#else
#define seL4_TCBBits 10
#endif

/* Sv39 and Sv48 share 4 KiB page tables of 512 eight-byte entries. */
#define seL4_PageTableEntryBits 3
#define seL4_PageTableIndexBits 9

#define seL4_PageBits 12
#define seL4_LargePageBits 21
#define seL4_HugePageBits 30
#define seL4_TeraPageBits 39
#define seL4_PageTableBits 12
#define seL4_VSpaceBits seL4_PageTableBits

#define seL4_NumASIDPoolsBits 7
#define seL4_ASIDPoolIndexBits 9
#define seL4_ASIDPoolBits 12

#define seL4_MinUntypedBits 4
#define seL4_MaxUntypedBits 38

#ifndef __ASSEMBLER__

/* Message register index of each word of a fault message, and the message length. */
typedef enum {
    seL4_VMFault_IP,
    seL4_VMFault_Addr,
    seL4_VMFault_PrefetchFault,
    seL4_VMFault_FSR,
    seL4_VMFault_Length,
} seL4_VMFault_Msg;

typedef enum {
    seL4_UnknownSyscall_FaultIP,
    seL4_UnknownSyscall_SP,
    seL4_UnknownSyscall_RA,
    seL4_UnknownSyscall_A0,
    seL4_UnknownSyscall_A1,
    seL4_UnknownSyscall_A2,
    seL4_UnknownSyscall_A3,
    seL4_UnknownSyscall_A4,
    seL4_UnknownSyscall_A5,
    seL4_UnknownSyscall_A6,
    seL4_UnknownSyscall_Syscall,
    seL4_UnknownSyscall_Length,
} seL4_UnknownSyscall_Msg;

typedef enum {
    seL4_UserException_FaultIP,
    seL4_UserException_SP,
    seL4_UserException_Number,
    seL4_UserException_Code,
    seL4_UserException_Length,
} seL4_UserException_Msg;

#ifdef CONFIG_KERNEL_MCS
/* A timeout fault's reply carries the thread's registers in seL4_UserContext order. */
typedef enum {
    seL4_TimeoutReply_FaultIP,
    seL4_TimeoutReply_LR,
    seL4_TimeoutReply_SP,
    seL4_TimeoutReply_GP,
    seL4_TimeoutReply_s0,
    seL4_TimeoutReply_s1,
    seL4_TimeoutReply_s2,
    seL4_TimeoutReply_s3,
    seL4_TimeoutReply_s4,
    seL4_TimeoutReply_s5,
    seL4_TimeoutReply_s6,
    seL4_TimeoutReply_s7,
    seL4_TimeoutReply_s8,
    seL4_TimeoutReply_s9,
    seL4_TimeoutReply_s10,
    seL4_TimeoutReply_s11,
    seL4_TimeoutReply_a0,
    seL4_TimeoutReply_a1,
    seL4_TimeoutReply_a2,
    seL4_TimeoutReply_a3,
    seL4_TimeoutReply_a4,
    seL4_TimeoutReply_a5,
    seL4_TimeoutReply_a6,
    seL4_TimeoutReply_a7,
    seL4_TimeoutReply_t0,
    seL4_TimeoutReply_t1,
    seL4_TimeoutReply_t2,
    seL4_TimeoutReply_t3,
    seL4_TimeoutReply_t4,
    seL4_TimeoutReply_t5,
    seL4_TimeoutReply_t6,
    seL4_TimeoutReply_TP,
    seL4_TimeoutReply_Length,
} seL4_TimeoutReply_Msg;

typedef enum {
    seL4_Timeout_Data,
    seL4_Timeout_Consumed,
    seL4_Timeout_Length,
} seL4_Timeout_Msg;
#endif /* CONFIG_KERNEL_MCS */

#endif /* !__ASSEMBLER__ */

/* User space ends one 4 KiB page below 2^38 (the top of the Sv39 lower half, minus a
 * guard page). seL4_UserTop is the first address past it, the older of the two names. */
#define seL4_UserTop 0x0000003ffffff000
#define seL4_UserVSpaceTop (seL4_UserTop - 1)

#ifdef CONFIG_ENABLE_BENCHMARKS
/* Bytes of the kernel's benchmark log. */
#define seL4_LogBufferSize (LIBSEL4_BIT(20))
#endif
