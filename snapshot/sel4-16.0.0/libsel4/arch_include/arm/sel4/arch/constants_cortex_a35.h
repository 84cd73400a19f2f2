/* SPDX-License-Identifier: BSD-2-Clause */
/* Debug-register counts of the Cortex-A35 core (from its technical reference manual);
 * include only when the kernel is configured for that core. */
#pragma once

#include <sel4/config.h>

#if !defined(CONFIG_ARM_CORTEX_A35)
#error CONFIG_ARM_CORTEX_A35 is not defined
#endif

#define seL4_NumHWBreakpoints 6
#define seL4_NumExclusiveBreakpoints 6
#define seL4_NumExclusiveWatchpoints 4

#ifdef CONFIG_HARDWARE_DEBUG_API
/* Breakpoint registers come first, the watchpoints follow them; no register serves both. */
#define seL4_FirstBreakpoint 0
#define seL4_FirstWatchpoint 6
#define seL4_NumDualFunctionMonitors 0
#define seL4_FirstDualFunctionMonitor (-1)
#endif
