/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64 system call primitives, entering the kernel with `sysenter` (KernelSyscall=sysenter).
 *
 * The kernel's sysenter entry takes the system call number in rax, the user stack pointer in
 * rcx and the address of the sysenter instruction in rdx (it resumes just after it); both rcx
 * and rdx are lost. Every other register has the role syscalls_syscall.h describes, whose
 * bodies are used with this trap sequence.
 */
#pragma once

#include <sel4/config.h>
#include <sel4/functions.h>
#include <sel4/types.h>

#define LIBSEL4_X64_TRAP "movq %%rsp, %%rcx\n\tleaq 1f, %%rdx\n1:\n\tsysenter\n"
#define LIBSEL4_X64_SYSNO "a"
#define LIBSEL4_X64_CLOBBERS "rcx", "rdx"
#define LIBSEL4_X64_NULL_CLOBBERS "rbx", "rcx", "rdx", "rsi", "rdi", "memory"

#include <sel4/sel4_arch/syscalls_syscall.h>
