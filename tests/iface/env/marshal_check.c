/* SPDX-License-Identifier: BSD-2-Clause */
/* Calls generated stubs against the recording environment and checks every message word. */
#include <stdio.h>
#include <string.h>

#include <sel4/types.h>

#include "client.h"

struct fake_ipc fake;
static int failures;

#define EXPECT(cond)                                                        \
	do {                                                                \
		if (!(cond)) {                                              \
			printf("marshal_check.c:%d: %s\n", __LINE__, #cond); \
			failures++;                                         \
		}                                                           \
	} while (0)

int main(void)
{
	/* Inputs pack least-significant-first, each aligned to its size; caps go to slots. */
	seL4_CapRights_t rights = { { 5 } };
	EXPECT(seL4_TCB_Pack(3, 1, 0xab, 0xbeef, 0x1234, 9, 0x1122334455667788ull, rights) == seL4_NoError);
	EXPECT(fake.service == 3 && fake.caps[0] == 9);
	EXPECT(fake.label == TCBPack && fake.extra_caps == 1 && fake.length == 4);
	EXPECT(fake.sent_mr[0] == (1 | 0xab << 8 | 0xbeefull << 16));
	EXPECT(fake.sent_mr[1] == 0x1234 && fake.sent_mr[2] == 0x1122334455667788ull && fake.sent_mr[3] == 5);

	/* Outputs unpack the same way; on error the register words go back to the buffer. */
	memset(&fake, 0, sizeof(fake));
	fake.reply_mr[0] = 77;
	fake.reply_mr[1] = 0x1ab;
	seL4_TCB_OnlyMCS_t r = seL4_TCB_OnlyMCS(4);
	EXPECT(r.error == 0 && r.value == 77 && r.small == 0xab && r.flag == 1);
	fake.reply_label = 3;
	r = seL4_TCB_OnlyMCS(4);
	EXPECT(r.error == 3 && fake.buffer_mr[0] == 77 && fake.buffer_mr[1] == 0x1ab);

	/* ReadRegisters: the first words from registers, then `count` bounds the buffer reads. */
	memset(&fake, 0, sizeof(fake));
	for (int i = 0; i < 64; i++)
		fake.reply_mr[i] = 100 + (seL4_Word)i;
	seL4_UserContext regs;
	memset(&regs, 0, sizeof(regs));
	EXPECT(seL4_TCB_ReadRegisters(1, 6, &regs) == seL4_NoError);
	EXPECT(fake.length == 1 && fake.sent_mr[0] == 6);
	EXPECT(regs.pc == 100 && regs.sp == 101 && regs.r0 == 102 && regs.r1 == 103 && regs.r2 == 104 && regs.r3 == 105);
	EXPECT(regs.r4 == 0);

	/* WriteRegisters: count, then the context one member per word, the rest bounded by count. */
	memset(&fake, 0, sizeof(fake));
	for (int i = 0; i < 36; i++)
		((seL4_Word *)&regs)[i] = 1000 + (seL4_Word)i;
	EXPECT(seL4_TCB_WriteRegisters(1, 5, &regs) == seL4_NoError);
	EXPECT(fake.length == 37 && fake.sent_mr[0] == 5 && fake.sent_mr[1] == 1000 && fake.sent_mr[3] == 1002);
	EXPECT(fake.sent_mr[4] == 1003 && fake.sent_mr[6] == 1005 && fake.sent_mr[7] == 0);

	/* A 64-bit output on a 64-bit target is one word. */
	memset(&fake, 0, sizeof(fake));
	fake.reply_mr[0] = 0xfeedfacecafebeefull;
	EXPECT(seL4_TCB_Time(2).consumed == 0xfeedfacecafebeefull);

	printf("marshal_check: %d failures\n", failures);
	return failures != 0;
}
