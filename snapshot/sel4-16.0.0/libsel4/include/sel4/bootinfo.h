/* SPDX-License-Identifier: BSD-2-Clause */
/* libsel4's old keeper of the boot info pointer (src/sel4_bootinfo.c); kept for existing programs. */
#pragma once

#include <sel4/types.h>
#include <sel4/bootinfo_types.h>
#include <sel4/macros.h>

void seL4_InitBootInfo(seL4_BootInfo *bi)
SEL4_DEPRECATED("libsel4 management of bootinfo is deprecated, see the BootInfo Frame section of the manual");

seL4_BootInfo *seL4_GetBootInfo(void)
SEL4_DEPRECATED("libsel4 management of bootinfo is deprecated, see the BootInfo Frame section of the manual");
