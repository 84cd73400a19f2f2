/* SPDX-License-Identifier: BSD-2-Clause */
/* aarch64 register sets exchanged with the kernel. */
#pragma once

#include <sel4/simple_types.h>

typedef seL4_CPtr seL4_ARM_VSpace;

/* Thread registers in the order TCB_ReadRegisters/WriteRegisters transfer them: first the
 * ones a fault or syscall already carries, then the remaining general registers, then the
 * two thread-pointer registers. */
typedef struct seL4_UserContext_ {
    seL4_Word pc, sp, spsr;
    seL4_Word x0, x1, x2, x3, x4, x5, x6, x7, x8;
    seL4_Word x16, x17, x18, x29, x30;
    seL4_Word x9, x10, x11, x12, x13, x14, x15;
    seL4_Word x19, x20, x21, x22, x23, x24, x25, x26, x27, x28;
    seL4_Word tpidr_el0, tpidrro_el0;
} seL4_UserContext;

/* Argument and result registers of a forwarded SMC call. */
typedef struct seL4_ARM_SMCContext_ {
    seL4_Word x0, x1, x2, x3, x4, x5, x6, x7;
} seL4_ARM_SMCContext;
