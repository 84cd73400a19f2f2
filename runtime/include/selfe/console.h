/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The console's own UART, on kernels that do not print (see selfe/runtime.h for where output
 * goes).  The runtime calls these itself; they are here so the allocator and selfe-start can.
 */
#ifndef SELFE_RT_CONSOLE_H
#define SELFE_RT_CONSOLE_H

#include <sel4/sel4.h>

struct selfe_alloc;

/* The slot selfe-start used for pc99's COM1 I/O port capability (the boot info's last empty
 * slot), or seL4_CapNull; selfe_alloc_init leaves it alone. */
seL4_CPtr selfe_console_slot(void);
/* Maps a memory-mapped UART (ARM, RISC-V); selfe_alloc_init calls it. */
void selfe_console_start(struct selfe_alloc *al);
/* Issues pc99's I/O port capability; selfe-start calls it before main. */
void selfe_rt_console_early(const seL4_BootInfo *bi);

#endif
