/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The C half of selfe-start: everything between the kernel handing over the initial thread
 * and main, and what happens when main returns.  `_start` (crt0.S of each sel4_arch) has only
 * set up the stack; nothing here may touch thread-local data before the TLS block is installed
 * (libsel4 invocations read the IPC buffer pointer from TLS on their error paths).
 */
#include <selfe/runtime.h>
#include <selfe/start.h>
#include <selfe/console.h>

#include "arch_tls.h"

/* Reserved by the linker script for the initial thread's TLS block (see tls.c). */
extern unsigned char _selfe_initial_tls_start[];
extern unsigned char _selfe_initial_tls_end[];

/* Constructor tables, bounded by the linker script. */
typedef void (*selfe_rt_ctor)(void);
extern const selfe_rt_ctor __preinit_array_start[], __preinit_array_end[];
extern const selfe_rt_ctor __init_array_start[], __init_array_end[];

static const seL4_BootInfo *boot_info;

const seL4_BootInfo *selfe_bootinfo(void)
{
	return boot_info;
}

static void run_constructors(const selfe_rt_ctor *first, const selfe_rt_ctor *end)
{
	for (const selfe_rt_ctor *f = first; f < end; f++)
		(*f)();
}

/* Called by _start with the boot info address the kernel passed; never returns. */
_Noreturn void selfe_rt_start(seL4_BootInfo *bootinfo);

_Noreturn void selfe_rt_start(seL4_BootInfo *bootinfo)
{
	uintptr_t tp = selfe_tls_init(_selfe_initial_tls_start,
				      (size_t)(_selfe_initial_tls_end - _selfe_initial_tls_start));
	if (!tp)
		selfe_panic("selfe-start: the TLS segment needs %zu bytes, the linker script reserved %zu",
			    selfe_tls_area_size(), (size_t)(_selfe_initial_tls_end - _selfe_initial_tls_start));
	selfe_rt_tls_install_initial(tp);

	/* From here on libsel4 works: it finds the IPC buffer through TLS. */
	seL4_SetIPCBuffer(bootinfo->ipcBuffer);
	boot_info = bootinfo;
	/* libsel4 keeps its own copy for seL4_GetBootInfo(), which 16.0.0 marks deprecated (as it
	 * does this setter); selfe_bootinfo() is the supported accessor. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	seL4_InitBootInfo(bootinfo);
#pragma GCC diagnostic pop
	selfe_rt_console_early(bootinfo); /* a UART of our own when the kernel does not print */

	run_constructors(__preinit_array_start, __preinit_array_end);
	run_constructors(__init_array_start, __init_array_end);

	int status = main();

	selfe_printf("main returned %d\n", status);
	/* The initial thread has nothing left to do; the rest of the system (threads main started)
	 * keeps running.  A suspend can only fail if main revoked or deleted its own TCB cap. */
	seL4_TCB_Suspend(seL4_CapInitThreadTCB);
	for (;;)
		seL4_Yield();
}
