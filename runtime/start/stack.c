/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The initial thread's stack.  The kernel starts the root task with no stack at all; `_start`
 * loads selfe_rt_stack_top into the stack pointer.  Its size is a build switch:
 * -DSELFE_STACK_SIZE=bytes (selfe builds pass the [app] stack_size).
 */
#include <selfe/start.h>

#ifndef SELFE_STACK_SIZE
#define SELFE_STACK_SIZE SELFE_STACK_SIZE_DEFAULT
#endif

_Static_assert(SELFE_STACK_SIZE >= 4096, "SELFE_STACK_SIZE must be at least 4096 bytes");
_Static_assert(SELFE_STACK_SIZE % 16 == 0, "SELFE_STACK_SIZE must be a multiple of 16 (every ABI's stack alignment)");

/* Page-aligned so that a later guard page below it is a matter of unmapping one frame. */
static unsigned char initial_stack[SELFE_STACK_SIZE] __attribute__((aligned(4096)));

/* Read by _start: an address constant, so no code runs before the stack exists. */
unsigned char *const selfe_rt_stack_top = initial_stack + sizeof initial_stack;
