/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V capability types, the thread register set and mapping attributes. */
#pragma once

#include <sel4/config.h>
#include <sel4/macros.h>
#include <sel4/simple_types.h>
#include <sel4/sel4_arch/types.h>

typedef seL4_CPtr seL4_RISCV_Page;
typedef seL4_CPtr seL4_RISCV_PageTable;
typedef seL4_CPtr seL4_RISCV_ASIDControl;
typedef seL4_CPtr seL4_RISCV_ASIDPool;

#define seL4_EndpointBits 4

/* Thread registers in the order TCB_ReadRegisters/WriteRegisters transfer them: pc, the
 * return address, stack and global pointers, the saved s0-s11, the argument a0-a7, the
 * temporary t0-t6 registers and the thread pointer. */
typedef struct seL4_UserContext_ {
    seL4_Word pc, ra, sp, gp;
    seL4_Word s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11;
    seL4_Word a0, a1, a2, a3, a4, a5, a6, a7;
    seL4_Word t0, t1, t2, t3, t4, t5, t6;
    seL4_Word tp;
} seL4_UserContext;

/* Mapping attributes: frames are executable unless seL4_RISCV_ExecuteNever is given. */
typedef enum {
    seL4_RISCV_ExecuteNever = 0x1,
    seL4_RISCV_Default_VMAttributes = 0,
    SEL4_FORCE_LONG_ENUM(seL4_RISCV_VMAttributes)
} seL4_RISCV_VMAttributes;
