/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * selfe-start: what runs before and after a root task's `int main(void)`.
 *
 * `_start` (runtime/start/<sel4_arch>/crt0.S) switches to a static stack of SELFE_STACK_SIZE
 * bytes and hands the boot info address, which the kernel leaves in the initial thread's first
 * argument register, to the C start routine (runtime/start/start.c).  That routine gives the
 * thread a copy of the ELF's TLS segment and installs it, points libsel4's thread-local IPC
 * buffer at the one boot info names, records the boot info for seL4_GetBootInfo() and
 * selfe_bootinfo(), runs the constructors (.preinit_array, .init_array), then calls main.  When
 * main returns, "main returned N" goes to the debug console (on kernels that print) and the
 * initial thread suspends itself.
 *
 * Build switches (-D when compiling runtime/start/stack.c):
 *   SELFE_STACK_SIZE   bytes of the initial thread's stack, default 64 KiB, a multiple of 16
 *
 * On aarch32, code must be compiled with -mtp=soft: the compiler then asks __aeabi_read_tp for
 * the thread pointer, and selfe-start answers with the register the kernel configuration keeps
 * it in (TPIDRURW by default, which the compiler's cp15 access does not read).
 */
#ifndef SELFE_START_H
#define SELFE_START_H

#include <stddef.h>
#include <stdint.h>
#include <sel4/sel4.h>

#define SELFE_STACK_SIZE_DEFAULT (64 * 1024)

/* The root task's entry point, called once by selfe-start. */
int main(void);

/* The boot info the kernel gave the initial thread (the same pointer as seL4_GetBootInfo()). */
const seL4_BootInfo *selfe_bootinfo(void);

/*
 * Thread-local storage for threads the root task creates.  A thread needs its own copy of the
 * TLS segment (libsel4's IPC buffer pointer lives there):
 *
 *     size_t size = selfe_tls_area_size();
 *     uintptr_t tp = selfe_tls_init(area, size);          area: size bytes, any alignment
 *     seL4_TCB_SetTLSBase(tcb, tp);                        before the thread runs
 *
 * and the thread itself then calls seL4_SetIPCBuffer() with its IPC buffer's address.
 * selfe_tls_area_size() includes the slack needed to align the block inside any area.
 * selfe_tls_init() copies .tdata, zeroes .tbss, lays the block out as the arch's TLS ABI wants
 * (variant II on x86_64, the thread pointer pointing at itself; variant I elsewhere) and returns
 * the thread pointer value, or 0 when `size` is too small.
 */
size_t selfe_tls_area_size(void);
uintptr_t selfe_tls_init(void *area, size_t size);

#endif
