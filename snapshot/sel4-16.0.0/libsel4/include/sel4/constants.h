/* SPDX-License-Identifier: BSD-2-Clause */
/* Architecture-independent limits and enumerations of the kernel interface. */
#pragma once

#include <sel4/config.h>
#include <sel4/macros.h>

#ifndef __ASSEMBLER__

#ifdef CONFIG_HARDWARE_DEBUG_API
typedef enum {
	seL4_DataBreakpoint = 0,
	seL4_InstructionBreakpoint = 1,
	seL4_SingleStep = 2,
	seL4_SoftwareBreakRequest = 3,
	SEL4_FORCE_LONG_ENUM(seL4_BreakpointType)
} seL4_BreakpointType;

typedef enum {
	seL4_BreakOnRead = 0,
	seL4_BreakOnWrite = 1,
	seL4_BreakOnReadWrite = 2,
	seL4_MaxBreakpointAccess = 3,
	SEL4_FORCE_LONG_ENUM(seL4_BreakpointAccess)
} seL4_BreakpointAccess;

/* Message registers of a debug-exception fault message. */
typedef enum {
	seL4_DebugException_FaultIP = 0,
	seL4_DebugException_ExceptionReason = 1,
	seL4_DebugException_TriggerAddress = 2,
	seL4_DebugException_BreakpointNumber = 3,
	seL4_DebugException_Length = 4,
	SEL4_FORCE_LONG_ENUM(seL4_DebugException_Msg)
} seL4_DebugException_Msg;
#endif

enum priorityConstants {
	seL4_InvalidPrio = -1,
	seL4_MinPrio = 0,
	seL4_MaxPrio = CONFIG_NUM_PRIORITIES - 1
};

/* A message tag's length field is 7 bits wide, its extra-caps field 2 bits. */
enum seL4_MsgLimits {
	seL4_MsgLengthBits = 7,
	seL4_MsgExtraCapBits = 2,
	seL4_MsgMaxLength = 120
};

#define seL4_MsgMaxExtraCaps (LIBSEL4_BIT(seL4_MsgExtraCapBits) - 1)

#define seL4_CapRightsBits 4

/* Why a capability lookup failed, as a lookup-failure message reports it. */
typedef enum {
	seL4_NoFailure = 0,
	seL4_InvalidRoot = 1,
	seL4_MissingCapability = 2,
	seL4_DepthMismatch = 3,
	seL4_GuardMismatch = 4,
	SEL4_FORCE_LONG_ENUM(seL4_LookupFailureType),
} seL4_LookupFailureType;

/* Flags of TCB_SetFlags; the mask holds those this configuration accepts. */
typedef enum {
	seL4_TCBFlag_NoFlag = 0x0,
	seL4_TCBFlag_fpuDisabled = 0x1,
	SEL4_FORCE_LONG_ENUM(seL4_TCBFlag),
#ifdef CONFIG_HAVE_FPU
	seL4_TCBFlag_MASK = seL4_TCBFlag_NoFlag | seL4_TCBFlag_fpuDisabled
#else
	seL4_TCBFlag_MASK = seL4_TCBFlag_NoFlag
#endif
} seL4_TCBFlag;

#endif /* !__ASSEMBLER__ */

#ifdef CONFIG_KERNEL_MCS
/* log2 of the smallest scheduling context in bytes. */
#define seL4_MinSchedContextBits 7

#ifndef __ASSEMBLER__
/*
 * Bytes a scheduling context needs before any extra refill: ten words of bookkeeping plus six
 * 64-bit time values (two of its own, two refills of two each). Every extra refill adds two.
 */
#define seL4_CoreSchedContextBytes (10 * sizeof(seL4_Word) + (6 * 8))
#define seL4_RefillSizeBytes (2 * 8)

/* seL4_MinSchedContextBits is the smallest size that still holds the core part. */
SEL4_COMPILE_ASSERT(MinSchedContextBits_min_1, seL4_MinSchedContextBits > 1)
SEL4_COMPILE_ASSERT(MinSchedContextBits_sufficient, seL4_CoreSchedContextBytes <= LIBSEL4_BIT(seL4_MinSchedContextBits))
SEL4_COMPILE_ASSERT(MinSchedContextBits_necessary,
		    seL4_CoreSchedContextBytes > LIBSEL4_BIT(seL4_MinSchedContextBits - 1))

/* Refills beyond the core two that fit in a scheduling context of 2^size bytes. */
static inline seL4_Word seL4_MaxExtraRefills(seL4_Word size)
{
	return (LIBSEL4_BIT(size) - seL4_CoreSchedContextBytes) / seL4_RefillSizeBytes;
}

/* Flags of SchedControl_ConfigureFlags. */
typedef enum {
	seL4_SchedContext_NoFlag = 0x0,
	seL4_SchedContext_Sporadic = 0x1,
	SEL4_FORCE_LONG_ENUM(seL4_SchedContextFlag),
} seL4_SchedContextFlag;
#endif /* !__ASSEMBLER__ */
#endif /* CONFIG_KERNEL_MCS */

#ifdef CONFIG_KERNEL_INVOCATION_REPORT_ERROR_IPC
/* Where, in message registers, the kernel leaves an invocation's error text, and its size. */
#define DEBUG_MESSAGE_START 6
#define DEBUG_MESSAGE_MAXLEN 50
#endif
