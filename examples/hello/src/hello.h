/* SPDX-License-Identifier: BSD-2-Clause */
/* examples/hello: what its files share. */
#ifndef HELLO_H
#define HELLO_H

#include <stddef.h>
#include <sel4/sel4.h>

/* --- alloc.c: kernel objects carved from one untyped into the root CNode's empty slots --- */
struct alloc {
	seL4_CPtr untyped;   /* the untyped everything is retyped from */
	seL4_Word size_bits; /* its size */
	seL4_CPtr next_slot; /* next empty slot of the root CNode */
	seL4_CPtr end_slot;  /* one past the last empty slot */
};

/* Picks the smallest RAM untyped of at least 2^min_bits bytes; -1 when there is none. */
int alloc_init(struct alloc *al, const seL4_BootInfo *bi, seL4_Word min_bits);
/* A new object of `type` (size_bits for variable-sized ones) in a fresh slot; panics on error. */
seL4_CPtr alloc_object(struct alloc *al, seL4_Word type, seL4_Word size_bits);
/* A copy of `src` with `badge` in a fresh slot; panics on error. */
seL4_CPtr alloc_badged_copy(struct alloc *al, seL4_CPtr src, seL4_Word badge);

/* --- vspace.c: frames mapped into the root task's own address space (per-arch code) --- */
/* A new 4 KiB frame mapped read-write at vaddr, creating the paging structures the arch needs;
 * *tables_made counts those. */
seL4_CPtr vspace_map_new_frame(struct alloc *al, seL4_Word vaddr, unsigned *tables_made);

/* --- thread.c: a second thread in the root task's address space and CSpace --- */
struct thread {
	seL4_CPtr tcb;
	seL4_Word stack_top;   /* highest address of its stack (exclusive) */
	seL4_Word ipc_buffer;  /* address of its IPC buffer frame */
	seL4_CPtr ipc_frame;   /* that frame's cap */
};

/* Creates and configures a thread that will run entry(arg) at `priority`; started by
 * thread_start.  The thread must call seL4_SetIPCBuffer itself (its TLS starts empty). */
void thread_create(struct alloc *al, const seL4_BootInfo *bi, struct thread *t, seL4_Word priority);
void thread_start(struct thread *t, void (*entry)(seL4_Word), seL4_Word arg);

#endif
