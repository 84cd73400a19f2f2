/* SPDX-License-Identifier: BSD-2-Clause */
/* The IPC buffer layout, the capability-fault message and the common rights values. */
#pragma once

/*
 * The IPC buffer: the message tag, the message registers, a word for the user, the extra caps
 * sent (or badges received), and where to put a received cap. Its alignment is its own size,
 * so it never crosses a boundary of that size.
 */
typedef struct seL4_IPCBuffer_ {
	seL4_MessageInfo_t tag;
	seL4_Word msg[seL4_MsgMaxLength];
	seL4_Word userData;
	seL4_Word caps_or_badges[seL4_MsgMaxExtraCaps];
	seL4_CPtr receiveCNode;
	seL4_CPtr receiveIndex;
	seL4_Word receiveDepth;
} seL4_IPCBuffer __attribute__((__aligned__(sizeof(struct seL4_IPCBuffer_))));

/* Message registers of a capability fault; the last two depend on the lookup failure's kind. */
typedef enum {
	seL4_CapFault_IP = 0,
	seL4_CapFault_Addr = 1,
	seL4_CapFault_InRecvPhase = 2,
	seL4_CapFault_LookupFailureType = 3,
	seL4_CapFault_BitsLeft = 4,
	seL4_CapFault_DepthMismatch_BitsFound = 5,
	seL4_CapFault_GuardMismatch_GuardFound = 5,
	seL4_CapFault_GuardMismatch_BitsFound = 6,
	SEL4_FORCE_LONG_ENUM(seL4_CapFault_Msg),
} seL4_CapFault_Msg;

/* Rights values; the arguments of seL4_CapRights_new are grant-reply, grant, read, write. */
#define seL4_ReadWrite seL4_CapRights_new(0, 0, 1, 1)
#define seL4_AllRights seL4_CapRights_new(1, 1, 1, 1)
#define seL4_CanRead seL4_CapRights_new(0, 0, 1, 0)
#define seL4_CanWrite seL4_CapRights_new(0, 0, 0, 1)
#define seL4_CanGrant seL4_CapRights_new(0, 1, 0, 0)
#define seL4_CanGrantReply seL4_CapRights_new(1, 0, 0, 0)
#define seL4_NoWrite seL4_CapRights_new(1, 1, 1, 0)
#define seL4_NoRead seL4_CapRights_new(1, 1, 0, 1)
#define seL4_NoRights seL4_CapRights_new(0, 0, 0, 0)
