/* SPDX-License-Identifier: BSD-2-Clause */
/* aarch32 register set exchanged with the kernel. */
#pragma once

#include <sel4/simple_types.h>

/* Thread registers in the order TCB_ReadRegisters/WriteRegisters transfer them: first the
 * ones a fault or syscall already carries, then the other general registers, then the two
 * user thread-ID registers. */
typedef struct seL4_UserContext_ {
    seL4_Word pc, sp, cpsr;
    seL4_Word r0, r1, r8, r9, r10, r11, r12;
    seL4_Word r2, r3, r4, r5, r6, r7, r14;
    seL4_Word tpidrurw, tpidruro;
} seL4_UserContext;
