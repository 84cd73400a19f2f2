/* SPDX-License-Identifier: BSD-2-Clause */
/* Message register indices of the utilisation counters seL4_BenchmarkGetThreadUtilisation returns. */
#pragma once

#include <sel4/config.h>

#ifdef CONFIG_BENCHMARK_TRACK_UTILISATION
enum benchmark_track_util_ipc_index {
	/* the thread named in the call: cycles scheduled, times scheduled, cycles and entries in the kernel */
	BENCHMARK_TCB_UTILISATION,
	BENCHMARK_TCB_NUMBER_SCHEDULES,
	BENCHMARK_TCB_KERNEL_UTILISATION,
	BENCHMARK_TCB_NUMBER_KERNEL_ENTRIES,
	/* the idle thread: cycles on this core and on the thread's core, then as above */
	BENCHMARK_IDLE_LOCALCPU_UTILISATION,
	BENCHMARK_IDLE_TCBCPU_UTILISATION,
	BENCHMARK_IDLE_NUMBER_SCHEDULES,
	BENCHMARK_IDLE_KERNEL_UTILISATION,
	BENCHMARK_IDLE_NUMBER_KERNEL_ENTRIES,
	/* the whole core over the period */
	BENCHMARK_TOTAL_UTILISATION,
	BENCHMARK_TOTAL_NUMBER_SCHEDULES,
	BENCHMARK_TOTAL_KERNEL_UTILISATION,
	BENCHMARK_TOTAL_NUMBER_KERNEL_ENTRIES,
};
#endif
