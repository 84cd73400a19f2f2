/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libsel4's ABI structures against the layout the seL4 16.0.0 kernel uses, for x86_64, aarch32,
 * aarch64 and riscv64.  The expected numbers are written here by hand from the kernel's facts,
 * not taken from the generated headers:
 *  - the IPC buffer is 2^seL4_IPCBufferSizeBits bytes of words: the message tag, 120 message
 *    words (7 length bits minus the 8 reserved values), the user data word, 3 extra-cap slots
 *    (2 extra-cap bits), then the receive CNode, index and depth the kernel reads for a cap
 *    transfer;
 *  - the boot info frame the kernel fills: word fields in order, slot regions as two words,
 *    an untyped descriptor as two words, the scheduling-control region only on MCS kernels;
 *  - seL4_UserContext is the kernel's frame registers then its general-purpose registers, in
 *    the order the kernel's register tables list them (TCB ReadRegisters copies them so);
 *  - fault messages: the words the kernel's fault handlers write, by index;
 *  - seL4_MessageInfo: length 7 bits at bit 0, extra caps 2 bits, caps unwrapped 3 bits, the
 *    label in the rest of the word.
 * Compiled for the target and run (natively or under qemu-user); prints "N passed, N failed".
 */
#include <stddef.h>
#include <stdio.h>

#include <sel4/sel4.h>

#define WORD sizeof(seL4_Word)
#define AT(type, member, word) _Static_assert(offsetof(type, member) == (word) * WORD, #type "." #member " is word " #word)

/* --- IPC buffer ---------------------------------------------------------------------------- */
#if defined(__x86_64__) || defined(__aarch64__) || (defined(__riscv) && __riscv_xlen == 64)
_Static_assert(WORD == 8, "64-bit words");
_Static_assert(seL4_IPCBufferSizeBits == 10, "a 1 KiB IPC buffer");
#elif defined(__arm__)
_Static_assert(WORD == 4, "32-bit words");
_Static_assert(seL4_IPCBufferSizeBits == 9, "a 512-byte IPC buffer");
#else
#error "no ABI facts for this architecture"
#endif
_Static_assert(seL4_MsgMaxLength == 120, "120 message words");
_Static_assert(seL4_MsgMaxExtraCaps == 3, "3 extra caps");
AT(seL4_IPCBuffer, tag, 0);
AT(seL4_IPCBuffer, msg, 1);
AT(seL4_IPCBuffer, userData, 121);
AT(seL4_IPCBuffer, caps_or_badges, 122);
AT(seL4_IPCBuffer, receiveCNode, 125);
AT(seL4_IPCBuffer, receiveIndex, 126);
AT(seL4_IPCBuffer, receiveDepth, 127);
_Static_assert(sizeof(seL4_IPCBuffer) == 128 * WORD, "IPC buffer: 128 words");
_Static_assert(sizeof(seL4_IPCBuffer) == 1u << seL4_IPCBufferSizeBits, "IPC buffer fills its frame");
_Static_assert(_Alignof(seL4_IPCBuffer) == sizeof(seL4_IPCBuffer), "IPC buffer aligned to its size");
_Static_assert(sizeof(seL4_MessageInfo_t) == WORD, "message tag: one word");

/* --- boot info ----------------------------------------------------------------------------- */
_Static_assert(sizeof(seL4_SlotRegion) == 2 * WORD, "slot region: two words");
_Static_assert(sizeof(seL4_UntypedDesc) == 2 * WORD, "untyped descriptor: two words");
AT(seL4_UntypedDesc, paddr, 0);
_Static_assert(offsetof(seL4_UntypedDesc, sizeBits) == WORD, "sizeBits: first byte of word 1");
_Static_assert(offsetof(seL4_UntypedDesc, isDevice) == WORD + 1, "isDevice: second byte of word 1");
AT(seL4_BootInfo, extraLen, 0);
AT(seL4_BootInfo, nodeID, 1);
AT(seL4_BootInfo, numNodes, 2);
AT(seL4_BootInfo, numIOPTLevels, 3);
AT(seL4_BootInfo, ipcBuffer, 4);
AT(seL4_BootInfo, empty, 5);
AT(seL4_BootInfo, sharedFrames, 7);
AT(seL4_BootInfo, userImageFrames, 9);
AT(seL4_BootInfo, userImagePaging, 11);
AT(seL4_BootInfo, ioSpaceCaps, 13);
AT(seL4_BootInfo, extraBIPages, 15);
AT(seL4_BootInfo, initThreadCNodeSizeBits, 17);
AT(seL4_BootInfo, initThreadDomain, 18);
#ifdef CONFIG_KERNEL_MCS
AT(seL4_BootInfo, schedcontrol, 19);
#define BI_UNTYPED 21
#else
#define BI_UNTYPED 19
#endif
AT(seL4_BootInfo, untyped, BI_UNTYPED);
AT(seL4_BootInfo, untypedList, BI_UNTYPED + 2);
_Static_assert(sizeof(seL4_BootInfo) == (BI_UNTYPED + 2 + 2 * CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS) * WORD,
	       "boot info ends with the untyped list");
_Static_assert(sizeof(seL4_BootInfoHeader) == 2 * WORD, "extra boot info header: id, len");

/* --- user context, message registers, fault messages -------------------------------------- */
_Static_assert(seL4_VMFault_IP == 0 && seL4_VMFault_Addr == 1 && seL4_VMFault_PrefetchFault == 2 && seL4_VMFault_FSR == 3 &&
		       seL4_VMFault_Length == 4,
	       "VM fault: IP, address, prefetch, FSR");
_Static_assert(seL4_CapFault_IP == 0 && seL4_CapFault_Addr == 1 && seL4_CapFault_InRecvPhase == 2 &&
		       seL4_CapFault_LookupFailureType == 3 && seL4_CapFault_BitsLeft == 4 && seL4_CapFault_DepthMismatch_BitsFound == 5 &&
		       seL4_CapFault_GuardMismatch_GuardFound == 5 && seL4_CapFault_GuardMismatch_BitsFound == 6,
	       "cap fault: IP, address, receive phase, then the lookup failure");
#if defined(__x86_64__)
#define CONTEXT_WORDS 20
AT(seL4_UserContext, rip, 0); AT(seL4_UserContext, rsp, 1); AT(seL4_UserContext, rflags, 2);
AT(seL4_UserContext, rax, 3); AT(seL4_UserContext, rbx, 4); AT(seL4_UserContext, rcx, 5);
AT(seL4_UserContext, rdx, 6); AT(seL4_UserContext, rsi, 7); AT(seL4_UserContext, rdi, 8);
AT(seL4_UserContext, rbp, 9); AT(seL4_UserContext, r8, 10); AT(seL4_UserContext, r9, 11);
AT(seL4_UserContext, r10, 12); AT(seL4_UserContext, r11, 13); AT(seL4_UserContext, r12, 14);
AT(seL4_UserContext, r13, 15); AT(seL4_UserContext, r14, 16); AT(seL4_UserContext, r15, 17);
AT(seL4_UserContext, fs_base, 18); AT(seL4_UserContext, gs_base, 19);
/* the kernel's syscall message: the 15 integer registers, then IP, SP, flags */
_Static_assert(seL4_UnknownSyscall_RAX == 0 && seL4_UnknownSyscall_RBP == 6 && seL4_UnknownSyscall_R8 == 7 &&
		       seL4_UnknownSyscall_R15 == 14 && seL4_UnknownSyscall_FaultIP == 15 && seL4_UnknownSyscall_SP == 16 &&
		       seL4_UnknownSyscall_FLAGS == 17,
	       "unknown syscall registers");
#define SYSCALL_MESSAGE_WORDS 18
_Static_assert(seL4_UserException_FaultIP == 0 && seL4_UserException_SP == 1 && seL4_UserException_FLAGS == 2,
	       "user exception registers");
#define EXCEPTION_MESSAGE_WORDS 3
_Static_assert(seL4_FastMessageRegisters == 4, "four message registers (r10, r8, r9, r15)");
#elif defined(__aarch64__)
#define CONTEXT_WORDS 36
AT(seL4_UserContext, pc, 0); AT(seL4_UserContext, sp, 1); AT(seL4_UserContext, spsr, 2);
AT(seL4_UserContext, x0, 3); AT(seL4_UserContext, x1, 4); AT(seL4_UserContext, x2, 5);
AT(seL4_UserContext, x3, 6); AT(seL4_UserContext, x4, 7); AT(seL4_UserContext, x5, 8);
AT(seL4_UserContext, x6, 9); AT(seL4_UserContext, x7, 10); AT(seL4_UserContext, x8, 11);
AT(seL4_UserContext, x16, 12); AT(seL4_UserContext, x17, 13); AT(seL4_UserContext, x18, 14);
AT(seL4_UserContext, x29, 15); AT(seL4_UserContext, x30, 16);
AT(seL4_UserContext, x9, 17); AT(seL4_UserContext, x10, 18); AT(seL4_UserContext, x11, 19);
AT(seL4_UserContext, x12, 20); AT(seL4_UserContext, x13, 21); AT(seL4_UserContext, x14, 22);
AT(seL4_UserContext, x15, 23); AT(seL4_UserContext, x19, 24); AT(seL4_UserContext, x20, 25);
AT(seL4_UserContext, x21, 26); AT(seL4_UserContext, x22, 27); AT(seL4_UserContext, x23, 28);
AT(seL4_UserContext, x24, 29); AT(seL4_UserContext, x25, 30); AT(seL4_UserContext, x26, 31);
AT(seL4_UserContext, x27, 32); AT(seL4_UserContext, x28, 33);
AT(seL4_UserContext, tpidr_el0, 34); AT(seL4_UserContext, tpidrro_el0, 35);
_Static_assert(seL4_UnknownSyscall_X0 == 0 && seL4_UnknownSyscall_X7 == 7 && seL4_UnknownSyscall_FaultIP == 8 &&
		       seL4_UnknownSyscall_SP == 9 && seL4_UnknownSyscall_LR == 10 && seL4_UnknownSyscall_SPSR == 11,
	       "unknown syscall registers");
#define SYSCALL_MESSAGE_WORDS 12
_Static_assert(seL4_UserException_FaultIP == 0 && seL4_UserException_SP == 1 && seL4_UserException_SPSR == 2,
	       "user exception registers");
#define EXCEPTION_MESSAGE_WORDS 3
_Static_assert(seL4_FastMessageRegisters == 4, "four message registers (x2-x5)");
#elif defined(__arm__)
#define CONTEXT_WORDS 19
AT(seL4_UserContext, pc, 0); AT(seL4_UserContext, sp, 1); AT(seL4_UserContext, cpsr, 2);
AT(seL4_UserContext, r0, 3); AT(seL4_UserContext, r1, 4); AT(seL4_UserContext, r8, 5);
AT(seL4_UserContext, r9, 6); AT(seL4_UserContext, r10, 7); AT(seL4_UserContext, r11, 8);
AT(seL4_UserContext, r12, 9); AT(seL4_UserContext, r2, 10); AT(seL4_UserContext, r3, 11);
AT(seL4_UserContext, r4, 12); AT(seL4_UserContext, r5, 13); AT(seL4_UserContext, r6, 14);
AT(seL4_UserContext, r7, 15); AT(seL4_UserContext, r14, 16);
AT(seL4_UserContext, tpidrurw, 17); AT(seL4_UserContext, tpidruro, 18);
_Static_assert(seL4_UnknownSyscall_R0 == 0 && seL4_UnknownSyscall_R7 == 7 && seL4_UnknownSyscall_FaultIP == 8 &&
		       seL4_UnknownSyscall_SP == 9 && seL4_UnknownSyscall_LR == 10 && seL4_UnknownSyscall_CPSR == 11,
	       "unknown syscall registers");
#define SYSCALL_MESSAGE_WORDS 12
_Static_assert(seL4_UserException_FaultIP == 0 && seL4_UserException_SP == 1 && seL4_UserException_CPSR == 2,
	       "user exception registers");
#define EXCEPTION_MESSAGE_WORDS 3
_Static_assert(seL4_FastMessageRegisters == 4, "four message registers (r2-r5)");
#elif defined(__riscv)
#define CONTEXT_WORDS 32
AT(seL4_UserContext, pc, 0); AT(seL4_UserContext, ra, 1); AT(seL4_UserContext, sp, 2);
AT(seL4_UserContext, gp, 3); AT(seL4_UserContext, s0, 4); AT(seL4_UserContext, s1, 5);
AT(seL4_UserContext, s2, 6); AT(seL4_UserContext, s3, 7); AT(seL4_UserContext, s4, 8);
AT(seL4_UserContext, s5, 9); AT(seL4_UserContext, s6, 10); AT(seL4_UserContext, s7, 11);
AT(seL4_UserContext, s8, 12); AT(seL4_UserContext, s9, 13); AT(seL4_UserContext, s10, 14);
AT(seL4_UserContext, s11, 15); AT(seL4_UserContext, a0, 16); AT(seL4_UserContext, a1, 17);
AT(seL4_UserContext, a2, 18); AT(seL4_UserContext, a3, 19); AT(seL4_UserContext, a4, 20);
AT(seL4_UserContext, a5, 21); AT(seL4_UserContext, a6, 22); AT(seL4_UserContext, a7, 23);
AT(seL4_UserContext, t0, 24); AT(seL4_UserContext, t1, 25); AT(seL4_UserContext, t2, 26);
AT(seL4_UserContext, t3, 27); AT(seL4_UserContext, t4, 28); AT(seL4_UserContext, t5, 29);
AT(seL4_UserContext, t6, 30); AT(seL4_UserContext, tp, 31);
_Static_assert(seL4_UnknownSyscall_FaultIP == 0 && seL4_UnknownSyscall_SP == 1 && seL4_UnknownSyscall_RA == 2 &&
		       seL4_UnknownSyscall_A0 == 3 && seL4_UnknownSyscall_A6 == 9,
	       "unknown syscall registers");
#define SYSCALL_MESSAGE_WORDS 10
_Static_assert(seL4_UserException_FaultIP == 0 && seL4_UserException_SP == 1, "user exception registers");
#define EXCEPTION_MESSAGE_WORDS 2
/* (RISC-V's libsel4 names no count of message registers; the stubs use a2-a5) */
#endif
_Static_assert(sizeof(seL4_UserContext) == CONTEXT_WORDS * WORD, "user context: frame then general registers");
/* after the registers the kernel writes the syscall number, or the exception number and code */
_Static_assert(seL4_UnknownSyscall_Syscall == SYSCALL_MESSAGE_WORDS, "unknown syscall: number after the registers");
_Static_assert(seL4_UnknownSyscall_Length == SYSCALL_MESSAGE_WORDS + 1, "unknown syscall message length");
_Static_assert(seL4_UserException_Number == EXCEPTION_MESSAGE_WORDS, "user exception: number after the registers");
_Static_assert(seL4_UserException_Code == EXCEPTION_MESSAGE_WORDS + 1, "user exception: then the code");
_Static_assert(seL4_UserException_Length == EXCEPTION_MESSAGE_WORDS + 2, "user exception message length");

/* --- seL4_MessageInfo: bit positions, checked by running ------------------------------------ */
static unsigned passed, failed;

static void check(int ok, const char *what)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		printf("FAIL %s\n", what);
	}
}

int main(void)
{
	const unsigned label_bits = 8 * WORD - 12;
	const seL4_Word top_label = ((seL4_Word)1 << (label_bits - 1)) | 5;
	seL4_MessageInfo_t m = seL4_MessageInfo_new(top_label, 5, 2, 99);
	check(m.words[0] == ((top_label << 12) | (5u << 9) | (2u << 7) | 99u), "message info: label<<12 | unwrapped<<9 | extra<<7 | length");
	check(seL4_MessageInfo_get_label(m) == top_label, "message info: label keeps its top bit");
	m = seL4_MessageInfo_new(0, 7, 3, 127);
	check(m.words[0] == 0xfff, "message info: the low 12 bits hold length, extra caps, unwrapped");
	m = seL4_MessageInfo_set_length(m, 0);
	check(m.words[0] == 0xf80, "message info: length is the low 7 bits");
	m = seL4_MessageInfo_set_extraCaps(m, 0);
	check(m.words[0] == 0xe00, "message info: extra caps are bits 7-8");
	m = seL4_MessageInfo_set_capsUnwrapped(m, 0);
	check(m.words[0] == 0, "message info: caps unwrapped are bits 9-11");
	seL4_IPCBuffer buffer;
	check((char *)&buffer.msg[seL4_MsgMaxLength] == (char *)&buffer.userData, "IPC buffer: user data follows the message");
	check((char *)&buffer.caps_or_badges[seL4_MsgMaxExtraCaps] == (char *)&buffer.receiveCNode,
	      "IPC buffer: receive slot follows the extra caps");
	printf("%u passed, %u failed\n", passed, failed);
	return failed != 0;
}
