/* SPDX-License-Identifier: BSD-2-Clause */
/* Object types every architecture has; the sel4_arch and arch lists continue the numbering. */
#pragma once

typedef enum api_object {
	seL4_UntypedObject,
	seL4_TCBObject,
	seL4_EndpointObject,
	seL4_NotificationObject,
	seL4_CapTableObject,
#ifdef CONFIG_KERNEL_MCS
	seL4_SchedContextObject,
	seL4_ReplyObject,
#endif
	seL4_NonArchObjectTypeCount,
} seL4_ObjectType;

/* The name notifications had before they were called notifications. */
__attribute__((deprecated("use seL4_NotificationObject"))) static const seL4_ObjectType seL4_AsyncEndpointObject =
	seL4_NotificationObject;

typedef seL4_Word api_object_t;
