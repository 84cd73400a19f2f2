/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A root task that checks what selfe-start promises, from the inside: the TLS block (.tdata
 * copied, .tbss zeroed, the arch's thread pointer layout), initialised data the kernel's loader
 * must leave alone, constructors, the IPC buffer and boot info, the stack.  Prints one line per
 * check and "tls-check: N passed, N failed"; main returns the failure count.
 */
#include <selfe/runtime.h>
#include <selfe/start.h>

/* External linkage (declared here for -Wmissing-declarations builds) keeps the compiler from
 * folding their initial values into the checks: they must be read from the TLS block. */
extern __thread unsigned long tdata_word;
extern __thread unsigned char tdata_bytes[3];
extern __thread unsigned char tbss_bytes[40];
extern __thread _Alignas(64) unsigned long tbss_aligned;
__thread unsigned long tdata_word = 0x5e145e14ul;
__thread unsigned char tdata_bytes[3] = { 1, 2, 3 };
__thread unsigned char tbss_bytes[40];
__thread _Alignas(64) unsigned long tbss_aligned;

/* Initialised data: a loader that zeroes after the TLS template would clear some of it. */
extern unsigned long data_words[4];
unsigned long data_words[4] = { 0x11111111ul, 0x22222222ul, 0x33333333ul, 0x44444444ul };

static int constructed;
__attribute__((constructor)) static void constructor(void)
{
	constructed = 42;
}

extern unsigned char *const selfe_rt_stack_top;
#ifndef SELFE_STACK_SIZE
#define SELFE_STACK_SIZE SELFE_STACK_SIZE_DEFAULT
#endif

static int passed, failed;

static void check(int ok, const char *what)
{
	selfe_printf("%s %s\n", ok ? "ok" : "FAIL", what);
	if (ok)
		passed++;
	else
		failed++;
}

int main(void)
{
	check(tdata_word == 0x5e145e14ul && tdata_bytes[0] == 1 && tdata_bytes[2] == 3, "tls-tdata-copied");
	int zero = 1;
	for (unsigned i = 0; i < sizeof tbss_bytes; i++)
		zero &= tbss_bytes[i] == 0;
	check(zero && tbss_aligned == 0, "tls-tbss-zeroed");
	check(((unsigned long)&tbss_aligned & 63) == 0, "tls-alignment-kept");
	tdata_word++;
	check(tdata_word == 0x5e145e15ul, "tls-writable");
#if defined(__x86_64__)
	/* Variant II: the word at the thread pointer holds the thread pointer. */
	unsigned long self;
	__asm__("mov %%fs:0, %0" : "=r"(self));
	check(self > (unsigned long)&tdata_word && self - (unsigned long)&tdata_word < 256, "tls-x86-self-pointer");
#endif
	check(data_words[0] == 0x11111111ul && data_words[3] == 0x44444444ul, "data-initialised");
	check(constructed == 42, "constructors-ran");
	const seL4_BootInfo *bi = selfe_bootinfo();
	check(bi && seL4_GetIPCBuffer() == bi->ipcBuffer, "ipc-buffer-from-bootinfo");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	check(seL4_GetBootInfo() == bi, "libsel4-bootinfo");
#pragma GCC diagnostic pop
	unsigned char local;
	check(&local < selfe_rt_stack_top && &local > selfe_rt_stack_top - SELFE_STACK_SIZE, "on-static-stack");
	/* A TLS block for another thread, from the same template. */
	static unsigned char area[512];
	size_t need = selfe_tls_area_size();
	check(need <= sizeof area && selfe_tls_init(area, sizeof area) != 0 && selfe_tls_init(area, need - 1) == 0,
	      "tls-init-checks-size");
	/* An invocation goes through the IPC buffer: a failing one writes its error there. */
	seL4_Error err = seL4_TCB_Suspend(seL4_CapNull);
	check(err == seL4_InvalidCapability, "invocation-error-path");

	selfe_printf("tls-check: %d passed, %d failed\n", passed, failed);
	return failed;
}
