/* SPDX-License-Identifier: BSD-2-Clause */
/* x86 wrappers built from the sel4_arch's system calls: notification wait and poll. */
#pragma once

#include <sel4/config.h>
#include <sel4/functions.h>
#include <sel4/sel4_arch/syscalls.h>
#include <sel4/types.h>

#ifdef CONFIG_KERNEL_MCS
/* MCS has a real Wait; polling is its non-blocking form. */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender)
{
	return seL4_NBWait(src, sender);
}
#else
/* Without MCS, waiting on a notification is a receive on it, polling a non-blocking receive. */
LIBSEL4_INLINE_FUNC void seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
	seL4_Recv(src, sender);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender)
{
	return seL4_NBRecv(src, sender);
}
#endif
