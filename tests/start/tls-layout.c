/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * selfe-start's TLS code on each arch, run as a static Linux program (natively or under
 * qemu-user) instead of on seL4: selfe_tls_init builds a block in a buffer, the thread pointer
 * is switched to it the way selfe-start installs it (the same arch_tls.h; x86_64 uses
 * arch_prctl, as user code on Linux may not write fs base directly), compiled TLS accesses run
 * against it, then the C library's thread pointer is put back.  Between the two switches
 * nothing may touch the C library.  Prints "ok NAME" / "FAIL NAME" lines.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <selfe/start.h>

#include "arch_tls.h"

extern __thread uint64_t t_word;
extern __thread unsigned char t_bytes[5];
extern __thread _Alignas(32) uint32_t t_aligned;
extern __thread unsigned char t_zero[24];
__thread uint64_t t_word = 0x0123456789abcdefull;
__thread unsigned char t_bytes[5] = { 9, 8, 7, 6, 5 };
__thread _Alignas(32) uint32_t t_aligned;
__thread unsigned char t_zero[24];

struct seen {
	uint64_t word;
	unsigned char last_byte;
	int zero;
	uintptr_t word_addr, aligned_addr;
};

/* Runs on the block under test: TLS accesses only, no calls. */
static __attribute__((noinline)) void probe(struct seen *s)
{
	s->word = t_word;
	s->last_byte = t_bytes[4];
	int zero = t_aligned == 0;
	for (unsigned i = 0; i < sizeof t_zero; i++)
		zero &= t_zero[i] == 0;
	s->zero = zero;
	s->word_addr = (uintptr_t)&t_word;
	s->aligned_addr = (uintptr_t)&t_aligned;
	t_word = 77;
}

#if defined(__x86_64__)
static uintptr_t arch_prctl(int code, uintptr_t arg)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(158), "D"(code), "S"(arg) : "rcx", "r11", "memory");
	return (uintptr_t)ret;
}
static uintptr_t get_tp(void)
{
	uintptr_t v = 0;
	arch_prctl(0x1003 /* ARCH_GET_FS */, (uintptr_t)&v);
	return v;
}
static void set_tp(uintptr_t tp)
{
	arch_prctl(0x1002 /* ARCH_SET_FS */, tp);
}
#elif defined(__aarch64__) || defined(__riscv) || defined(__arm__)
static uintptr_t get_tp(void)
{
	uintptr_t v;
#if defined(__aarch64__)
	__asm__ volatile("mrs %0, tpidr_el0" : "=r"(v));
#elif defined(__riscv)
	__asm__ volatile("mv %0, tp" : "=r"(v));
#else
	__asm__ volatile("mrc p15, 0, %0, c13, c0, 2" : "=r"(v)); /* TPIDRURW, as arch_tls.h sets */
#endif
	return v;
}
static void set_tp(uintptr_t tp)
{
	selfe_rt_tls_install_initial(tp);
}
#endif

static int failures;
static void check(int ok, const char *name)
{
	printf("%s %s\n", ok ? "ok" : "FAIL", name);
	failures += !ok;
}

int main(void)
{
	static unsigned char area[1024];
	memset(area, 0xa5, sizeof area); /* the block must not rely on zeroed memory */
	size_t size = selfe_tls_area_size();
	unsigned char *start = area + 1; /* deliberately misaligned */
	check(size < sizeof area - 1 && selfe_tls_init(start, size - 1) == 0, "tls-init-rejects-small-area");
	uintptr_t tp = selfe_tls_init(start, size);
	check(tp != 0, "tls-init");
	if (!tp)
		return 1;
#if SELFE_RT_TLS_VARIANT == 2
	check(*(uintptr_t *)tp == tp, "tls-variant2-self-pointer");
#endif

	struct seen s;
	uintptr_t saved = get_tp();
	set_tp(tp);
	probe(&s);
	set_tp(saved);

	check(s.word == 0x0123456789abcdefull && s.last_byte == 5, "tls-tdata-copied");
	check(s.zero, "tls-tbss-zeroed");
	check(s.word_addr >= (uintptr_t)start && s.word_addr + sizeof(uint64_t) <= (uintptr_t)start + size,
	      "tls-block-inside-area");
	check(s.aligned_addr % 32 == 0 && s.aligned_addr >= (uintptr_t)start &&
		      s.aligned_addr + sizeof(uint32_t) <= (uintptr_t)start + size,
	      "tls-alignment-kept");
	uint64_t written;
	memcpy(&written, (void *)s.word_addr, sizeof written);
	check(written == 77, "tls-writes-land-in-block");
	printf("tls-layout: %d failed\n", failures);
	return failures != 0;
}
