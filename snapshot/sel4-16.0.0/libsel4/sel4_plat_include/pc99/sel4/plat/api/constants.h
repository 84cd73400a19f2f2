/* SPDX-License-Identifier: BSD-2-Clause */
/* PC hardware debug registers: four DR0-DR3 slots, each usable as breakpoint or watchpoint. */
#pragma once

#include <sel4/config.h>

#ifdef CONFIG_HARDWARE_DEBUG_API
#define seL4_NumHWBreakpoints (4)
#define seL4_FirstBreakpoint (-1)
#define seL4_NumExclusiveBreakpoints (0)
#define seL4_FirstWatchpoint (-1)
#define seL4_NumExclusiveWatchpoints (0)
#define seL4_FirstDualFunctionMonitor (0)
#define seL4_NumDualFunctionMonitors (4)
#endif
