/* SPDX-License-Identifier: BSD-2-Clause */
/* The seL4 system calls for ARM (aarch32 and aarch64), built on the arm_sys_* primitives of
 * sel4/sel4_arch/syscalls.h. Message words 0-3 travel in registers: the plain calls move
 * them between the registers and the IPC buffer, the *WithMRs calls between the registers
 * and the caller's variables (a null pointer means "none"), so that short messages need
 * not touch the IPC buffer. */
#pragma once

#include <sel4/config.h>
#include <sel4/functions.h>
#include <sel4/sel4_arch/syscalls.h>
#include <sel4/types.h>

/* The reply-capability argument of the receiving primitives: MCS kernels take one. */
#ifdef CONFIG_KERNEL_MCS
#define LIBSEL4_MCS_REPLY reply
#else
#define LIBSEL4_MCS_REPLY 0
#endif

LIBSEL4_INLINE_FUNC void seL4_Send(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    arm_sys_send(seL4_SysSend, dest, msgInfo.words[0], seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_SendWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                          seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    /* 16.0.0 reads every given word of a non-empty message, whatever its length. */
    arm_sys_send(seL4_SysSend, dest, msgInfo.words[0],
                 mr0 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr0 : 0,
                 mr1 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr1 : 0,
                 mr2 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr2 : 0,
                 mr3 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr3 : 0);
}

LIBSEL4_INLINE_FUNC void seL4_NBSend(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    arm_sys_send(seL4_SysNBSend, dest, msgInfo.words[0], seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_NBSendWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                            seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    /* 16.0.0 reads every given word of a non-empty message, whatever its length. */
    arm_sys_send(seL4_SysNBSend, dest, msgInfo.words[0],
                 mr0 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr0 : 0,
                 mr1 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr1 : 0,
                 mr2 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr2 : 0,
                 mr3 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr3 : 0);
}

#ifndef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC void seL4_Reply(seL4_MessageInfo_t msgInfo)
{
    arm_sys_reply(seL4_SysReply, msgInfo.words[0], seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_ReplyWithMRs(seL4_MessageInfo_t msgInfo,
                                           seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    /* 16.0.0 reads every given word of a non-empty message, whatever its length. */
    arm_sys_reply(seL4_SysReply, msgInfo.words[0],
                  mr0 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr0 : 0,
                  mr1 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr1 : 0,
                  mr2 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr2 : 0,
                  mr3 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr3 : 0);
}
#endif

/* A signal is an empty send. */
LIBSEL4_INLINE_FUNC void seL4_Signal(seL4_CPtr dest)
{
    arm_sys_send_null(seL4_SysSend, dest, seL4_MessageInfo_new(0, 0, 0, 0).words[0]);
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender, seL4_CPtr reply)
#else
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender)
#endif
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4];
    arm_sys_recv(seL4_SysRecv, src, &badge, &info.words[0], &mr[0], &mr[1], &mr[2], &mr[3], LIBSEL4_MCS_REPLY);
    seL4_SetMR(0, mr[0]);
    seL4_SetMR(1, mr[1]);
    seL4_SetMR(2, mr[2]);
    seL4_SetMR(3, mr[3]);
    if (sender) {
        *sender = badge;
    }
    return info;
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvWithMRs(seL4_CPtr src, seL4_Word *sender, seL4_CPtr reply,
                                                        seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
#else
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvWithMRs(seL4_CPtr src, seL4_Word *sender,
                                                        seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
#endif
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4] = { 0, 0, 0, 0 };
    arm_sys_recv(seL4_SysRecv, src, &badge, &info.words[0], &mr[0], &mr[1], &mr[2], &mr[3], LIBSEL4_MCS_REPLY);
    if (mr0 != seL4_Null) {
        *mr0 = mr[0];
    }
    if (mr1 != seL4_Null) {
        *mr1 = mr[1];
    }
    if (mr2 != seL4_Null) {
        *mr2 = mr[2];
    }
    if (mr3 != seL4_Null) {
        *mr3 = mr[3];
    }
    if (sender) {
        *sender = badge;
    }
    return info;
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender, seL4_CPtr reply)
#else
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender)
#endif
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4];
    arm_sys_recv(seL4_SysNBRecv, src, &badge, &info.words[0], &mr[0], &mr[1], &mr[2], &mr[3], LIBSEL4_MCS_REPLY);
    seL4_SetMR(0, mr[0]);
    seL4_SetMR(1, mr[1]);
    seL4_SetMR(2, mr[2]);
    seL4_SetMR(3, mr[3]);
    if (sender) {
        *sender = badge;
    }
    return info;
}

/* Call: the kernel's badge output lands in dest, which is not used afterwards. */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    seL4_MessageInfo_t info;
    seL4_Word mr[4] = { seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3) };
    arm_sys_send_recv(seL4_SysCall, dest, &dest, msgInfo.words[0], &info.words[0], &mr[0], &mr[1], &mr[2], &mr[3], 0);
    seL4_SetMR(0, mr[0]);
    seL4_SetMR(1, mr[1]);
    seL4_SetMR(2, mr[2]);
    seL4_SetMR(3, mr[3]);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_CallWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                                        seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word mr[4] = {
        mr0 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr0 : 0,
        mr1 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 1 ? *mr1 : 0,
        mr2 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 2 ? *mr2 : 0,
        mr3 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 3 ? *mr3 : 0
    };
    arm_sys_send_recv(seL4_SysCall, dest, &dest, msgInfo.words[0], &info.words[0], &mr[0], &mr[1], &mr[2], &mr[3], 0);
    if (mr0 != seL4_Null) {
        *mr0 = mr[0];
    }
    if (mr1 != seL4_Null) {
        *mr1 = mr[1];
    }
    if (mr2 != seL4_Null) {
        *mr2 = mr[2];
    }
    if (mr3 != seL4_Null) {
        *mr3 = mr[3];
    }
    return info;
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t msgInfo, seL4_Word *sender,
                                                      seL4_CPtr reply)
#else
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t msgInfo, seL4_Word *sender)
#endif
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4] = { seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3) };
    arm_sys_send_recv(seL4_SysReplyRecv, src, &badge, msgInfo.words[0], &info.words[0], &mr[0], &mr[1], &mr[2], &mr[3],
                      LIBSEL4_MCS_REPLY);
    seL4_SetMR(0, mr[0]);
    seL4_SetMR(1, mr[1]);
    seL4_SetMR(2, mr[2]);
    seL4_SetMR(3, mr[3]);
    if (sender) {
        *sender = badge;
    }
    return info;
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecvWithMRs(seL4_CPtr src, seL4_MessageInfo_t msgInfo,
                                                             seL4_Word *sender, seL4_Word *mr0, seL4_Word *mr1,
                                                             seL4_Word *mr2, seL4_Word *mr3, seL4_CPtr reply)
#else
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecvWithMRs(seL4_CPtr src, seL4_MessageInfo_t msgInfo,
                                                             seL4_Word *sender, seL4_Word *mr0, seL4_Word *mr1,
                                                             seL4_Word *mr2, seL4_Word *mr3)
#endif
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4] = {
        mr0 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr0 : 0,
        mr1 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 1 ? *mr1 : 0,
        mr2 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 2 ? *mr2 : 0,
        mr3 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 3 ? *mr3 : 0
    };
    arm_sys_send_recv(seL4_SysReplyRecv, src, &badge, msgInfo.words[0], &info.words[0], &mr[0], &mr[1], &mr[2], &mr[3],
                      LIBSEL4_MCS_REPLY);
    if (mr0 != seL4_Null) {
        *mr0 = mr[0];
    }
    if (mr1 != seL4_Null) {
        *mr1 = mr[1];
    }
    if (mr2 != seL4_Null) {
        *mr2 = mr[2];
    }
    if (mr3 != seL4_Null) {
        *mr3 = mr[3];
    }
    if (sender) {
        *sender = badge;
    }
    return info;
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendRecv(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_CPtr src,
                                                       seL4_Word *sender, seL4_CPtr reply)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4] = { seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3) };
    arm_sys_nbsend_recv(seL4_SysNBSendRecv, dest, src, &badge, msgInfo.words[0], &info.words[0],
                        &mr[0], &mr[1], &mr[2], &mr[3], reply);
    seL4_SetMR(0, mr[0]);
    seL4_SetMR(1, mr[1]);
    seL4_SetMR(2, mr[2]);
    seL4_SetMR(3, mr[3]);
    if (sender) {
        *sender = badge;
    }
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendRecvWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_CPtr src,
                                                              seL4_Word *sender, seL4_Word *mr0, seL4_Word *mr1,
                                                              seL4_Word *mr2, seL4_Word *mr3, seL4_CPtr reply)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4] = {
        mr0 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr0 : 0,
        mr1 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 1 ? *mr1 : 0,
        mr2 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 2 ? *mr2 : 0,
        mr3 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 3 ? *mr3 : 0
    };
    arm_sys_nbsend_recv(seL4_SysNBSendRecv, dest, src, &badge, msgInfo.words[0], &info.words[0],
                        &mr[0], &mr[1], &mr[2], &mr[3], reply);
    if (mr0 != seL4_Null) {
        *mr0 = mr[0];
    }
    if (mr1 != seL4_Null) {
        *mr1 = mr[1];
    }
    if (mr2 != seL4_Null) {
        *mr2 = mr[2];
    }
    if (mr3 != seL4_Null) {
        *mr3 = mr[3];
    }
    if (sender) {
        *sender = badge;
    }
    return info;
}

/* NBSendWait sends on dest, given in the reply register, and waits on src; the
 * destination register is zero. */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendWait(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_CPtr src,
                                                       seL4_Word *sender)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4] = { seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3) };
    arm_sys_nbsend_recv(seL4_SysNBSendWait, 0, src, &badge, msgInfo.words[0], &info.words[0],
                        &mr[0], &mr[1], &mr[2], &mr[3], dest);
    seL4_SetMR(0, mr[0]);
    seL4_SetMR(1, mr[1]);
    seL4_SetMR(2, mr[2]);
    seL4_SetMR(3, mr[3]);
    if (sender) {
        *sender = badge;
    }
    return info;
}

/* 16.0.0 issues this one with the NBSendRecv syscall number, not NBSendWait's; kept so the
 * behaviour is that of the release. */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendWaitWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_CPtr src,
                                                              seL4_Word *sender, seL4_Word *mr0, seL4_Word *mr1,
                                                              seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4] = {
        mr0 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 0 ? *mr0 : 0,
        mr1 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 1 ? *mr1 : 0,
        mr2 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 2 ? *mr2 : 0,
        mr3 != seL4_Null && seL4_MessageInfo_get_length(msgInfo) > 3 ? *mr3 : 0
    };
    arm_sys_nbsend_recv(seL4_SysNBSendRecv, 0, src, &badge, msgInfo.words[0], &info.words[0],
                        &mr[0], &mr[1], &mr[2], &mr[3], dest);
    if (mr0 != seL4_Null) {
        *mr0 = mr[0];
    }
    if (mr1 != seL4_Null) {
        *mr1 = mr[1];
    }
    if (mr2 != seL4_Null) {
        *mr2 = mr[2];
    }
    if (mr3 != seL4_Null) {
        *mr3 = mr[3];
    }
    if (sender) {
        *sender = badge;
    }
    return info;
}
#endif /* CONFIG_KERNEL_MCS */

LIBSEL4_INLINE_FUNC void seL4_Yield(void)
{
    arm_sys_null(seL4_SysYield);
    __asm__ volatile("" ::: "memory");
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4];
    arm_sys_recv(seL4_SysWait, src, &badge, &info.words[0], &mr[0], &mr[1], &mr[2], &mr[3], 0);
    seL4_SetMR(0, mr[0]);
    seL4_SetMR(1, mr[1]);
    seL4_SetMR(2, mr[2]);
    seL4_SetMR(3, mr[3]);
    if (sender) {
        *sender = badge;
    }
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_WaitWithMRs(seL4_CPtr src, seL4_Word *sender,
                                                        seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4] = { 0, 0, 0, 0 };
    arm_sys_recv(seL4_SysWait, src, &badge, &info.words[0], &mr[0], &mr[1], &mr[2], &mr[3], 0);
    if (mr0 != seL4_Null) {
        *mr0 = mr[0];
    }
    if (mr1 != seL4_Null) {
        *mr1 = mr[1];
    }
    if (mr2 != seL4_Null) {
        *mr2 = mr[2];
    }
    if (mr3 != seL4_Null) {
        *mr3 = mr[3];
    }
    if (sender) {
        *sender = badge;
    }
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBWait(seL4_CPtr src, seL4_Word *sender)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr[4];
    arm_sys_recv(seL4_SysNBWait, src, &badge, &info.words[0], &mr[0], &mr[1], &mr[2], &mr[3], 0);
    seL4_SetMR(0, mr[0]);
    seL4_SetMR(1, mr[1]);
    seL4_SetMR(2, mr[2]);
    seL4_SetMR(3, mr[3]);
    if (sender) {
        *sender = badge;
    }
    return info;
}
#endif /* CONFIG_KERNEL_MCS */

#ifdef CONFIG_PRINTING
LIBSEL4_INLINE_FUNC void seL4_DebugPutChar(char c)
{
    seL4_Word unused_badge = 0;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysDebugPutChar, c, &unused_badge, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
}

LIBSEL4_INLINE_FUNC void seL4_DebugPutString(char *str)
{
    for (char *s = str; *s; s++) {
        seL4_DebugPutChar(*s);
    }
}

LIBSEL4_INLINE_FUNC void seL4_DebugDumpScheduler(void)
{
    seL4_Word unused_badge = 0;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysDebugDumpScheduler, 0, &unused_badge, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
}
#endif /* CONFIG_PRINTING */

#if CONFIG_DEBUG_BUILD
LIBSEL4_INLINE_FUNC void seL4_DebugHalt(void)
{
    arm_sys_null(seL4_SysDebugHalt);
}

LIBSEL4_INLINE_FUNC void seL4_DebugSnapshot(void)
{
    arm_sys_null(seL4_SysDebugSnapshot);
    __asm__ volatile("" ::: "memory");
}

/* The capability's type (a cap_tag_t value of the kernel) comes back in the badge register. */
LIBSEL4_INLINE_FUNC seL4_Uint32 seL4_DebugCapIdentify(seL4_CPtr cap)
{
    seL4_Word type = 0;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysDebugCapIdentify, cap, &type, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
    return (seL4_Uint32)type;
}

/* The kernel reads the name as a NUL-terminated string from the caller's IPC buffer. The
 * copy goes through the C library's strcpy, as in 16.0.0, so the link needs one. */
char *strcpy(char *, const char *);
LIBSEL4_INLINE_FUNC void seL4_DebugNameThread(seL4_CPtr tcb, const char *name)
{
    strcpy((char *)seL4_GetIPCBuffer()->msg, name);
    seL4_Word unused_badge = 0;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysDebugNameThread, tcb, &unused_badge, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
}

#if CONFIG_ENABLE_SMP_SUPPORT
LIBSEL4_INLINE_FUNC seL4_Word seL4_DebugGetThreadAffinity(seL4_CPtr tcb)
{
    seL4_Word affinity = 0;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysDebugGetThreadAffinity, tcb, &affinity, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
    return affinity;
}

LIBSEL4_INLINE_FUNC void seL4_DebugSendIPI(seL4_Uint8 target, unsigned irq)
{
    arm_sys_send(seL4_SysDebugSendIPI, target, irq, 0, 0, 0, 0);
}
#endif
#endif /* CONFIG_DEBUG_BUILD */

#ifdef CONFIG_DANGEROUS_CODE_INJECTION
LIBSEL4_INLINE_FUNC void seL4_DebugRun(void (*userfn)(void *), void *userarg)
{
    arm_sys_send_null(seL4_SysDebugRun, (seL4_Word)userfn, (seL4_Word)userarg);
    __asm__ volatile("" ::: "memory");
}
#endif

#ifdef CONFIG_ENABLE_BENCHMARKS
/* Restart the kernel's benchmark log at entry 0. */
LIBSEL4_INLINE_FUNC seL4_Error seL4_BenchmarkResetLog(void)
{
    seL4_Word result;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysBenchmarkResetLog, 0, &result, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
    return (seL4_Error)result;
}

/* Stop logging; returns the index of the last entry written. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_BenchmarkFinalizeLog(void)
{
    seL4_Word last_index;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysBenchmarkFinalizeLog, 0, &last_index, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
    return last_index;
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_BenchmarkSetLogBuffer(seL4_Word frame_cptr)
{
    seL4_Word result;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysBenchmarkSetLogBuffer, frame_cptr, &result, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
    return (seL4_Error)result;
}

LIBSEL4_INLINE_FUNC void seL4_BenchmarkNullSyscall(void)
{
    arm_sys_null(seL4_SysBenchmarkNullSyscall);
    __asm__ volatile("" ::: "memory");
}

/* FlushCaches takes (0, ignored) for all caches, (1, seL4_ARM_CacheType) for the L1 ones. */
LIBSEL4_INLINE_FUNC void seL4_BenchmarkFlushCaches(void)
{
    arm_sys_send_null(seL4_SysBenchmarkFlushCaches, 0, 0);
    __asm__ volatile("" ::: "memory");
}

LIBSEL4_INLINE_FUNC void seL4_BenchmarkFlushL1Caches(seL4_Word cache_type)
{
    arm_sys_send_null(seL4_SysBenchmarkFlushCaches, 1, cache_type);
    __asm__ volatile("" ::: "memory");
}

#ifdef CONFIG_BENCHMARK_TRACK_UTILISATION
LIBSEL4_INLINE_FUNC void seL4_BenchmarkGetThreadUtilisation(seL4_Word tcb_cptr)
{
    seL4_Word unused_badge = 0;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysBenchmarkGetThreadUtilisation, tcb_cptr, &unused_badge, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
}

LIBSEL4_INLINE_FUNC void seL4_BenchmarkResetThreadUtilisation(seL4_Word tcb_cptr)
{
    seL4_Word unused_badge = 0;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysBenchmarkResetThreadUtilisation, tcb_cptr, &unused_badge, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
}

#ifdef CONFIG_DEBUG_BUILD
LIBSEL4_INLINE_FUNC void seL4_BenchmarkDumpAllThreadsUtilisation(void)
{
    seL4_Word unused_badge = 0;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysBenchmarkDumpAllThreadsUtilisation, 0, &unused_badge, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
}

LIBSEL4_INLINE_FUNC void seL4_BenchmarkResetAllThreadsUtilisation(void)
{
    seL4_Word unused_badge = 0;
    seL4_Word unused_info = 0;
    seL4_Word unused_mr[4] = { 0, 0, 0, 0 };
    arm_sys_send_recv(seL4_SysBenchmarkResetAllThreadsUtilisation, 0, &unused_badge, 0, &unused_info,
                      &unused_mr[0], &unused_mr[1], &unused_mr[2], &unused_mr[3], 0);
}
#endif
#endif /* CONFIG_BENCHMARK_TRACK_UTILISATION */
#endif /* CONFIG_ENABLE_BENCHMARKS */

#ifdef CONFIG_SET_TLS_BASE_SELF
LIBSEL4_INLINE_FUNC void seL4_SetTLSBase(seL4_Word tls_base)
{
    arm_sys_send_null(seL4_SysSetTLSBase, tls_base, 0);
    __asm__ volatile("" ::: "memory");
}
#endif

#ifndef CONFIG_KERNEL_MCS
/* Without MCS, waiting is receiving (and nothing is returned). */
LIBSEL4_INLINE_FUNC void seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
    seL4_Recv(src, sender);
}
#endif

/* Poll: a non-blocking wait, for notifications. */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender)
{
#ifdef CONFIG_KERNEL_MCS
    return seL4_NBWait(src, sender);
#else
    return seL4_NBRecv(src, sender);
#endif
}
