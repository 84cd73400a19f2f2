/* SPDX-License-Identifier: BSD-2-Clause */
/* Accessors of the calling thread's IPC buffer: message registers, caps, badges, receive path. */
#pragma once

#include <sel4/types.h>
#include <sel4/syscalls.h>

/* Set by the program (seL4_SetIPCBuffer); defined in src/sel4_bootinfo.c. */
extern LIBSEL4_THREAD_LOCAL seL4_IPCBuffer *__sel4_ipc_buffer;

#ifdef CONFIG_KERNEL_INVOCATION_REPORT_ERROR_IPC
/* Whether the invocation stubs print the kernel's error text; defined in src/sel4_bootinfo.c. */
extern LIBSEL4_THREAD_LOCAL char __sel4_print_error;

/* The error text of the last failed invocation, as the kernel left it in the IPC buffer. */
LIBSEL4_INLINE_FUNC char *seL4_GetDebugError(void)
{
	return (char *)(__sel4_ipc_buffer->msg + DEBUG_MESSAGE_START);
}

LIBSEL4_INLINE_FUNC void seL4_SetPrintError(char print_error)
{
	__sel4_print_error = print_error;
}

LIBSEL4_INLINE_FUNC char seL4_CanPrintError(void)
{
	return __sel4_print_error;
}
#endif

LIBSEL4_INLINE_FUNC void seL4_SetIPCBuffer(seL4_IPCBuffer *ipc_buffer)
{
	__sel4_ipc_buffer = ipc_buffer;
}

LIBSEL4_INLINE_FUNC seL4_IPCBuffer *seL4_GetIPCBuffer(void)
{
	return __sel4_ipc_buffer;
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_GetMR(int i)
{
	return seL4_GetIPCBuffer()->msg[i];
}

LIBSEL4_INLINE_FUNC void seL4_SetMR(int i, seL4_Word mr)
{
	seL4_GetIPCBuffer()->msg[i] = mr;
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_GetUserData(void)
{
	return seL4_GetIPCBuffer()->userData;
}

LIBSEL4_INLINE_FUNC void seL4_SetUserData(seL4_Word data)
{
	seL4_GetIPCBuffer()->userData = data;
}

/* After a receive, slot i of caps_or_badges holds the badge of the i-th unwrapped cap. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_GetBadge(int i)
{
	return seL4_GetIPCBuffer()->caps_or_badges[i];
}

LIBSEL4_INLINE_FUNC seL4_CPtr seL4_GetCap(int i)
{
	return (seL4_CPtr)seL4_GetIPCBuffer()->caps_or_badges[i];
}

/* Before a send, slot i names the i-th extra cap to transfer. */
LIBSEL4_INLINE_FUNC void seL4_SetCap(int i, seL4_CPtr cptr)
{
	seL4_GetIPCBuffer()->caps_or_badges[i] = (seL4_Word)cptr;
}

/* Reads where a received cap would go; a null pointer skips that part. */
LIBSEL4_INLINE_FUNC void seL4_GetCapReceivePath(seL4_CPtr *receiveCNode, seL4_CPtr *receiveIndex,
						seL4_Word *receiveDepth)
{
	const seL4_IPCBuffer *buffer = seL4_GetIPCBuffer();
	if (receiveCNode != (void *)0)
		*receiveCNode = buffer->receiveCNode;
	if (receiveIndex != (void *)0)
		*receiveIndex = buffer->receiveIndex;
	if (receiveDepth != (void *)0)
		*receiveDepth = buffer->receiveDepth;
}

/* Says where the next received cap goes: a CNode, a slot index in it and the lookup depth. */
LIBSEL4_INLINE_FUNC void seL4_SetCapReceivePath(seL4_CPtr receiveCNode, seL4_CPtr receiveIndex, seL4_Word receiveDepth)
{
	seL4_IPCBuffer *buffer = seL4_GetIPCBuffer();
	buffer->receiveCNode = receiveCNode;
	buffer->receiveIndex = receiveIndex;
	buffer->receiveDepth = receiveDepth;
}
