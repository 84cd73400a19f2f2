/* SPDX-License-Identifier: BSD-2-Clause */
/* x86_64 types: the top-level page table cap and a thread's register set. */
#pragma once

#include <sel4/config.h>
#include <sel4/simple_types.h>

typedef seL4_CPtr seL4_X64_PML4;

/*
 * The registers TCB_ReadRegisters and TCB_WriteRegisters transfer, in their message order:
 * instruction pointer, stack pointer, flags, the general registers, then the FS and GS bases.
 */
typedef struct seL4_UserContext_ {
	seL4_Word rip, rsp, rflags, rax, rbx, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11, r12, r13, r14, r15;
	seL4_Word fs_base, gs_base;
} seL4_UserContext;
