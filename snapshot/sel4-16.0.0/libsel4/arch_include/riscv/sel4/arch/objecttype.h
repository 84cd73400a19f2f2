/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V object types, numbered after the sel4_arch ones. */
#pragma once

#include <sel4/config.h>

typedef enum _object {
    seL4_RISCV_4K_Page = seL4_ModeObjectTypeCount,
    seL4_RISCV_Mega_Page,
    seL4_RISCV_PageTableObject,
    seL4_ObjectTypeCount
} seL4_ArchObjectType;

typedef seL4_Word object_t;
