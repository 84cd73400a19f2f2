/* SPDX-License-Identifier: BSD-2-Clause */
/* One entry of the kernel's tracepoint log, as the log buffer frame holds it. */
#pragma once

#include <sel4/config.h>

#ifdef CONFIG_BENCHMARK_TRACEPOINTS
typedef struct benchmark_tracepoint_log_entry {
	seL4_Word id; /* which tracepoint */
	seL4_Word duration; /* cycles between its start and stop */
} benchmark_tracepoint_log_entry_t;
#endif
