/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Threads (selfe/thread.h).  Memory of one thread, from a reserved range:
 *
 *     guard page (unmapped) | stack_pages of stack, TLS block at the top | guard | IPC buffer
 */
#include <selfe/runtime.h>
#include <selfe/start.h>
#include <selfe/thread.h>

#include "arch.h"

#define PAGE ((seL4_Word)1 << seL4_PageBits)

/* Where every thread starts: the one place a new thread's code is fixed by the runtime. */
#if defined(CONFIG_ARCH_AARCH32)
__attribute__((target("arm"))) /* the kernel starts threads in ARM state */
#endif
static void trampoline(seL4_Word arg)
{
	struct selfe_thread *t = (struct selfe_thread *)arg;
	seL4_SetIPCBuffer((seL4_IPCBuffer *)t->ipc_buffer);
	t->result = t->fn(t->arg);
	seL4_Signal(t->done);
	seL4_TCB_Suspend(t->tcb);
	selfe_panic("selfe-runtime: a thread is still running after suspending itself");
}

static void destroy(struct selfe_thread *t, struct selfe_alloc *al)
{
	seL4_CPtr caps[] = { t->tcb, t->done, t->sc, t->reply };
	for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
		if (caps[i])
			selfe_object_free(al, caps[i]);
}

seL4_Error selfe_thread_create(struct selfe_thread *t, struct selfe_alloc *al, const struct selfe_thread_attr *attr)
{
	struct selfe_thread_attr a = { seL4_MaxPrio - 1, 4, seL4_CapNull, "selfe-thread", 1000, 1000 };
	if (attr) {
		a = *attr;
		if (!a.stack_pages)
			a.stack_pages = 4;
		if (!a.budget_us || !a.period_us)
			a.budget_us = a.period_us = 1000;
	}
	*t = (struct selfe_thread){ 0 };
	if (a.stack_pages > 1024)
		return seL4_InvalidArgument;
	/* The stack sits above one guard page, the IPC buffer above another. */
	seL4_Word base;
	seL4_Error err = selfe_vaddr_reserve(al, (a.stack_pages + 3) * PAGE, seL4_PageBits, &base);
	void *mem;
	if (err == seL4_NoError)
		err = selfe_map_new(al, base + PAGE, a.stack_pages * PAGE, SELFE_MAP_RW, &mem);
	if (err != seL4_NoError)
		return err;
	t->stack_top = base + (a.stack_pages + 1) * PAGE;
	t->ipc_buffer = t->stack_top + PAGE;
	if ((err = selfe_frame_alloc(al, seL4_PageBits, &t->ipc_frame)) != seL4_NoError ||
	    (err = selfe_map_frame(al, t->ipc_frame, t->ipc_buffer, SELFE_MAP_RW)) != seL4_NoError ||
	    (err = selfe_tcb_alloc(al, &t->tcb)) != seL4_NoError ||
	    (err = selfe_notification_alloc(al, &t->done)) != seL4_NoError)
		goto fail;
#if defined(CONFIG_KERNEL_MCS)
	if ((err = selfe_object_alloc(al, seL4_SchedContextObject, seL4_MinSchedContextBits, &t->sc)) != seL4_NoError ||
	    (err = selfe_object_alloc(al, seL4_ReplyObject, 0, &t->reply)) != seL4_NoError ||
	    (err = seL4_SchedControl_ConfigureFlags(al->bi->schedcontrol.start, t->sc, a.budget_us, a.period_us, 0, 0,
						    0)) != seL4_NoError ||
	    (err = seL4_TCB_Configure(t->tcb, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0, t->ipc_buffer,
				      t->ipc_frame)) != seL4_NoError ||
	    (err = seL4_TCB_SetSchedParams(t->tcb, seL4_CapInitThreadTCB, a.priority, a.priority, t->sc,
					   a.fault_ep)) != seL4_NoError)
		goto fail;
#else
	/* The fault endpoint is looked up in the thread's CSpace, which is ours. */
	if ((err = seL4_TCB_Configure(t->tcb, a.fault_ep, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0,
				      t->ipc_buffer, t->ipc_frame)) != seL4_NoError ||
	    (err = seL4_TCB_SetPriority(t->tcb, seL4_CapInitThreadTCB, a.priority)) != seL4_NoError)
		goto fail;
#endif
#ifdef CONFIG_DEBUG_BUILD
	seL4_DebugNameThread(t->tcb, a.name ? a.name : "selfe-thread");
#endif
	return seL4_NoError;
fail:
	/* The stack's frames and the IPC buffer stay mapped in the reserved range (no frame caps
	 * are kept for them); the kernel objects are freed. */
	destroy(t, al);
	return err;
}

seL4_Error selfe_thread_start(struct selfe_thread *t, selfe_thread_fn fn, void *arg)
{
	t->fn = fn;
	t->arg = arg;
	/* The TLS block at the top of the stack, the stack below it. */
	size_t tls_size = (selfe_tls_area_size() + 15) & ~(size_t)15;
	seL4_Word tls_area = t->stack_top - tls_size;
	uintptr_t tp = selfe_tls_init((void *)tls_area, tls_size);
	if (!tp)
		return seL4_InvalidArgument;
	seL4_UserContext regs = { 0 };
	selfe_rt_arch_set_entry(&regs, (seL4_Word)trampoline, tls_area & ~(seL4_Word)15, (seL4_Word)t);
	seL4_Error err = seL4_TCB_WriteRegisters(t->tcb, 0, 0, sizeof regs / sizeof(seL4_Word), &regs);
	if (err == seL4_NoError)
		err = seL4_TCB_SetTLSBase(t->tcb, tp);
	if (err == seL4_NoError)
		err = seL4_TCB_Resume(t->tcb);
	return err;
}

int selfe_thread_join(struct selfe_thread *t)
{
	seL4_Wait(t->done, NULL);
	return t->result;
}
