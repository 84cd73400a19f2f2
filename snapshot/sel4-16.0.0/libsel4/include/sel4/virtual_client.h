/* SPDX-License-Identifier: BSD-2-Clause */
/* Invocations that are not methods of their own but simpler forms of a generated stub. */
#pragma once

#include <sel4/config.h>
#include <sel4/types.h>
#include <sel4/macros.h>
#include <sel4/invocation.h>
#include <sel4/constants.h>
#include <interfaces/sel4_client.h>

#ifdef CONFIG_KERNEL_MCS
/* SchedControl_ConfigureFlags without flags: a plain, non-sporadic scheduling context. */
LIBSEL4_INLINE seL4_Error seL4_SchedControl_Configure(seL4_SchedControl _service, seL4_SchedContext schedcontext,
						      seL4_Time budget, seL4_Time period, seL4_Word extra_refills,
						      seL4_Word badge)
{
	return seL4_SchedControl_ConfigureFlags(_service, schedcontext, budget, period, extra_refills, badge,
						seL4_SchedContext_NoFlag);
}
#endif
