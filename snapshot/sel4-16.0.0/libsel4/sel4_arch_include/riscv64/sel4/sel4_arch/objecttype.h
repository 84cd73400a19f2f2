/* SPDX-License-Identifier: BSD-2-Clause */
/* riscv64-only object types: 1 GiB pages, and 512 GiB pages when there are four or more
 * page-table levels (Sv48). Without them the name is bound to a value no kernel accepts. */
#pragma once

#include <sel4/config.h>

typedef enum _mode_object {
    seL4_RISCV_Giga_Page = seL4_NonArchObjectTypeCount,
#if CONFIG_PT_LEVELS > 3
    seL4_RISCV_Tera_Page,
#endif
    seL4_ModeObjectTypeCount
} seL4_ModeObjectType;

#if CONFIG_PT_LEVELS <= 3
#define seL4_RISCV_Tera_Page 0xffffffff
#endif
