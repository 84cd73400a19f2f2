/* SPDX-License-Identifier: BSD-2-Clause */
/* libsel4's only data: the IPC buffer pointer, the error-print switch and the old boot info pointer. */
#include <sel4/sel4.h>

#ifdef CONFIG_KERNEL_INVOCATION_REPORT_ERROR_IPC
LIBSEL4_THREAD_LOCAL char __sel4_print_error = CONFIG_LIB_SEL4_PRINT_INVOCATION_ERRORS;
#endif

LIBSEL4_THREAD_LOCAL seL4_IPCBuffer *__sel4_ipc_buffer;

/* Kept only for seL4_InitBootInfo/seL4_GetBootInfo; the root task gets the pointer at entry. */
seL4_BootInfo *bootinfo;

void seL4_InitBootInfo(seL4_BootInfo *bi)
{
	bootinfo = bi;
}

seL4_BootInfo *seL4_GetBootInfo(void)
{
	return bootinfo;
}
