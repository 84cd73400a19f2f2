/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Test environment for generated stubs: the few libsel4 types and calls a stub uses, with a
 * recording seL4_CallWithMRs so a test can see exactly what a stub put in each message word
 * and answer with a reply of its choosing.  Word size: 64 bits (the aarch64 type table).
 */
#pragma once
#include <stdint.h>

typedef uint64_t seL4_Word;
typedef uint8_t seL4_Uint8;
typedef uint16_t seL4_Uint16;
typedef uint32_t seL4_Uint32;
typedef uint64_t seL4_Uint64;
typedef uint64_t seL4_Time;
typedef uint8_t seL4_Bool;
typedef seL4_Word seL4_CPtr;
typedef seL4_CPtr seL4_CNode, seL4_IRQHandler, seL4_IRQControl, seL4_TCB, seL4_Untyped, seL4_DomainSet,
	seL4_SchedContext, seL4_SchedControl;
typedef struct { seL4_Word words[1]; } seL4_CapRights_t;
typedef struct { seL4_Word words[1]; } seL4_MessageInfo_t;
typedef struct {
	seL4_Word pc, sp, r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, r16, r17, r18, r19,
		r20, r21, r22, r23, r24, r25, r26, r27, r28, r29, r30, r31, r32, r33;
} seL4_UserContext;
typedef enum { seL4_NoError = 0 } seL4_Error;
enum { TCBPack = 7, TCBOnlyMCS, TCBReadRegisters, TCBWriteRegisters, TCBTime };

#define LIBSEL4_INLINE static inline

/* What the last call sent, and what the next call answers. */
struct fake_ipc {
	seL4_Word sent_mr[64], reply_mr[64], buffer_mr[64];
	seL4_CPtr caps[4], service;
	seL4_Word label, extra_caps, length, reply_label;
};
extern struct fake_ipc fake;

static inline seL4_MessageInfo_t seL4_MessageInfo_new(seL4_Word label, seL4_Word unwrapped, seL4_Word extra, seL4_Word len)
{
	seL4_MessageInfo_t t = { { label << 12 | unwrapped << 9 | extra << 7 | len } };
	return t;
}
static inline seL4_Word seL4_MessageInfo_get_label(seL4_MessageInfo_t t) { return t.words[0] >> 12; }
static inline void seL4_SetMR(int i, seL4_Word v) { fake.buffer_mr[i] = v; }
static inline seL4_Word seL4_GetMR(int i) { return fake.buffer_mr[i]; }
static inline void seL4_SetCap(int i, seL4_CPtr c) { fake.caps[i] = c; }

static inline seL4_MessageInfo_t seL4_CallWithMRs(seL4_CPtr service, seL4_MessageInfo_t tag, seL4_Word *m0, seL4_Word *m1,
						  seL4_Word *m2, seL4_Word *m3)
{
	seL4_Word *mr[4] = { m0, m1, m2, m3 };
	fake.service = service;
	fake.label = tag.words[0] >> 12;
	fake.extra_caps = (tag.words[0] >> 7) & 3;
	fake.length = tag.words[0] & 0x7f;
	for (int i = 0; i < 4; i++) {
		fake.sent_mr[i] = *mr[i];
		*mr[i] = fake.reply_mr[i];
	}
	for (int i = 4; i < 64; i++) {
		fake.sent_mr[i] = fake.buffer_mr[i];
		fake.buffer_mr[i] = fake.reply_mr[i];
	}
	return seL4_MessageInfo_new(fake.reply_label, 0, 0, 0);
}
