/* SPDX-License-Identifier: BSD-2-Clause */
/* How the kernel records each kernel entry, for entry tracking and for debug builds. */
#pragma once

#include <sel4/config.h>
#include <stdint.h>

#if (defined CONFIG_BENCHMARK_TRACK_KERNEL_ENTRIES || defined CONFIG_DEBUG_BUILD)

/* The path by which the kernel was entered. */
typedef enum {
	Entry_Unknown,
	Entry_Interrupt,
	Entry_UnknownSyscall,
	Entry_UserLevelFault,
	Entry_DebugFault,
	Entry_VMFault,
	Entry_Syscall,
#ifdef CONFIG_ARCH_ARM
	Entry_VCPUFault,
#endif
#ifdef CONFIG_ARCH_X86
	Entry_VMExit,
#endif
} entry_type_t;

/*
 * A packed record: 3 bits of entry_type_t, then either the core and a free-form word,
 * or, for a system call, its number, the invoked cap's type, whether the fast path took it,
 * and the invocation label.
 */
typedef struct SEL4_PACKED kernel_entry {
	seL4_Word path : 3;
	union {
		struct {
			seL4_Word core : 3;
			seL4_Word word : 26;
		};
		struct {
			seL4_Word syscall_no : 4;
			seL4_Word cap_type : 5;
			seL4_Word is_fastpath : 1;
			seL4_Word invocation_tag : 19;
		};
	};
} kernel_entry_t;

#endif

#ifdef CONFIG_BENCHMARK_TRACK_KERNEL_ENTRIES
/* One entry of the log: when the kernel was entered, for how many cycles, and how. */
typedef struct benchmark_syscall_log_entry {
	uint64_t start_time;
	uint32_t duration;
	kernel_entry_t entry;
} benchmark_track_kernel_entry_t;
#endif
