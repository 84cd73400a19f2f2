/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Threads in the root task's own CSpace and VSpace, one call to create and one to start, the
 * same on every arch and on classic and MCS kernels:
 *
 *     static struct selfe_thread t;
 *     selfe_thread_create(&t, &al, NULL);               (NULL: the defaults below)
 *     selfe_thread_start(&t, work, &args);              runs work(&args) in the new thread
 *     int status = selfe_thread_join(&t);               waits until work returned
 *
 * Each thread gets its own TCB, a stack of attr->stack_pages pages with an unmapped guard page
 * below it (an overflow faults instead of corrupting memory), an IPC buffer frame, a TLS block
 * (selfe_tls_init) at the top of its stack, and a notification signalled when the entry
 * function returns.  On MCS kernels also a scheduling context (budget/period from attr, full
 * budget by default) and a reply object, t->reply, for the thread's seL4_Recv / seL4_ReplyRecv.
 * The thread starts in a runtime trampoline that installs its IPC buffer, calls the entry
 * function (any instruction set: on aarch32 the trampoline itself is ARM code, as the kernel
 * requires), records its return value, signals and suspends.
 *
 * A fault (attr->fault_ep == seL4_CapNull) stops the thread for good; a debug kernel prints
 * it.  With a fault endpoint the kernel sends the fault there instead, badge included as the
 * endpoint cap's.  The struct must stay in place while the thread runs (the thread reads it).
 */
#ifndef SELFE_RT_THREAD_H
#define SELFE_RT_THREAD_H

#include <sel4/sel4.h>

#include "selfe/alloc.h"

typedef int (*selfe_thread_fn)(void *arg);

/* With attr NULL every field takes its default; with an attr, fields left 0 take theirs except
 * priority (0 is a valid priority) and fault_ep. */
struct selfe_thread_attr {
	seL4_Word priority;    /* default seL4_MaxPrio - 1: below the root task's */
	seL4_Word stack_pages; /* default 4 (16 KiB) */
	seL4_CPtr fault_ep;    /* default seL4_CapNull: no fault handler */
	const char *name;      /* debug kernels' name for it; default "selfe-thread" */
	seL4_Word budget_us, period_us; /* MCS: default 1000 / 1000 (the whole CPU when runnable) */
};

struct selfe_thread {
	seL4_CPtr tcb, done; /* done: signalled when the entry function has returned */
	seL4_CPtr ipc_frame;
	seL4_Word ipc_buffer; /* its IPC buffer's address */
	seL4_Word stack_top;
	seL4_CPtr sc, reply; /* MCS only; seL4_CapNull otherwise */
	selfe_thread_fn fn;
	void *arg;
	int result;
};

/* Makes the thread (not yet running).  On failure everything made so far is freed. */
seL4_Error selfe_thread_create(struct selfe_thread *t, struct selfe_alloc *al, const struct selfe_thread_attr *attr);
/* Starts it running fn(arg).  Registers first, TLS base second (on x86_64 writing registers
 * would reset the TLS base), then resume. */
seL4_Error selfe_thread_start(struct selfe_thread *t, selfe_thread_fn fn, void *arg);
/* Waits for fn to return, gives its return value.  Call once per start. */
int selfe_thread_join(struct selfe_thread *t);

#endif
