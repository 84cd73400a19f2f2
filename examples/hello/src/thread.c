/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A second thread inside the root task: same CSpace and VSpace, its own TCB, stack, IPC buffer
 * and TLS block.  Its memory is mapped fresh at THREAD_VADDR, an address chosen per arch where
 * nothing is mapped yet, so the paging structures below the VSpace root get created too:
 *
 *     THREAD_VADDR + 0 .. 2 pages   stack (TLS block at its top)
 *     THREAD_VADDR + 2 pages        left unmapped: a stack overflow faults
 *     THREAD_VADDR + 3 pages        IPC buffer
 */
#include <selfe/runtime.h>
#include <selfe/start.h>

#include "hello.h"

#define STACK_PAGES 2
#define PAGE_SIZE ((seL4_Word)1 << seL4_PageBits)

#if defined(CONFIG_ARCH_X86_64)
#define THREAD_VADDR 0x10000000000ul /* 1 TiB: a PML4 slot of its own */
#elif defined(CONFIG_ARCH_AARCH64) || defined(CONFIG_ARCH_RISCV64)
#define THREAD_VADDR 0x100000000ul   /* 4 GiB: a first-level slot of its own */
#elif defined(CONFIG_ARCH_AARCH32)
#define THREAD_VADDR 0x40000000ul    /* 1 GiB: far above the image, below the kernel */
#else
#error "examples/hello: no thread address for this architecture"
#endif

/* Entry registers as if entry(arg) had been called with the stack pointer at sp. */
static void set_entry(seL4_UserContext *regs, seL4_Word pc, seL4_Word sp, seL4_Word arg)
{
#if defined(CONFIG_ARCH_X86_64)
	regs->rip = pc;
	regs->rsp = sp - sizeof(seL4_Word); /* where a call would have pushed the return address */
	regs->rdi = arg;
#elif defined(CONFIG_ARCH_AARCH64) || defined(CONFIG_ARCH_AARCH32)
	regs->pc = pc;
	regs->sp = sp;
#if defined(CONFIG_ARCH_AARCH64)
	regs->x0 = arg;
#else
	regs->r0 = arg;
#endif
#elif defined(CONFIG_ARCH_RISCV)
	regs->pc = pc;
	regs->sp = sp;
	regs->a0 = arg;
	/* Code linked with gp relaxation expects the global pointer: share ours. */
	seL4_Word gp;
	__asm__("mv %0, gp" : "=r"(gp));
	regs->gp = gp;
#endif
}

void thread_create(struct alloc *al, const seL4_BootInfo *bi, struct thread *t, seL4_Word priority)
{
	unsigned tables = 0;
	for (int i = 0; i < STACK_PAGES; i++)
		vspace_map_new_frame(al, THREAD_VADDR + (seL4_Word)i * PAGE_SIZE, &tables);
	t->stack_top = THREAD_VADDR + STACK_PAGES * PAGE_SIZE;
	t->ipc_buffer = THREAD_VADDR + (STACK_PAGES + 1) * PAGE_SIZE;
	t->ipc_frame = vspace_map_new_frame(al, t->ipc_buffer, &tables);
	selfe_printf("hello: mapped %d stack frames and an IPC buffer at 0x%lx (%u new paging structures)\n",
		     STACK_PAGES, (unsigned long)THREAD_VADDR, tables);

	t->tcb = alloc_object(al, seL4_TCBObject, 0);
	seL4_Error err;
#if defined(CONFIG_KERNEL_MCS)
	seL4_CPtr sc = alloc_object(al, seL4_SchedContextObject, seL4_MinSchedContextBits);
	/* A full budget: 1 ms out of every 1 ms. */
	err = seL4_SchedControl_ConfigureFlags(bi->schedcontrol.start, sc, 1000, 1000, 0, 0, 0);
	if (err != seL4_NoError)
		selfe_panic("hello: configuring the scheduling context failed: error %d", (int)err);
	err = seL4_TCB_Configure(t->tcb, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0, t->ipc_buffer,
				 t->ipc_frame);
	if (err == seL4_NoError)
		err = seL4_TCB_SetSchedParams(t->tcb, seL4_CapInitThreadTCB, priority, priority, sc, seL4_CapNull);
#else
	(void)bi;
	/* No fault endpoint: a fault stops the thread for good (and a debug kernel reports it). */
	err = seL4_TCB_Configure(t->tcb, seL4_CapNull, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0,
				 t->ipc_buffer, t->ipc_frame);
	if (err == seL4_NoError)
		err = seL4_TCB_SetPriority(t->tcb, seL4_CapInitThreadTCB, priority);
#endif
	if (err != seL4_NoError)
		selfe_panic("hello: configuring the thread's TCB failed: error %d", (int)err);
#ifdef CONFIG_DEBUG_BUILD
	seL4_DebugNameThread(t->tcb, "hello-worker");
#endif
}

void thread_start(struct thread *t, void (*entry)(seL4_Word), seL4_Word arg)
{
	/* The thread's TLS block sits at the top of its stack (the frames are mapped here too). */
	size_t tls_size = (selfe_tls_area_size() + 15) & ~(size_t)15;
	seL4_Word tls_area = t->stack_top - tls_size;
	uintptr_t tp = selfe_tls_init((void *)tls_area, tls_size);

	seL4_UserContext regs = { 0 };
	set_entry(&regs, (seL4_Word)entry, tls_area & ~(seL4_Word)15, arg);
	seL4_Error err = seL4_TCB_WriteRegisters(t->tcb, 0, 0, sizeof regs / sizeof(seL4_Word), &regs);
	if (err == seL4_NoError)
		err = seL4_TCB_SetTLSBase(t->tcb, tp);
	if (err == seL4_NoError)
		err = seL4_TCB_Resume(t->tcb);
	if (err != seL4_NoError)
		selfe_panic("hello: starting the thread failed: error %d", (int)err);
}
