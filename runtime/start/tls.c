/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread-local storage blocks built from the ELF's TLS segment.
 *
 * The linker script brackets the segment: _selfe_tls_start .. _selfe_tdata_end is the .tdata
 * template (copied), up to _selfe_tls_end is .tbss (zeroed), and the absolute symbol
 * _selfe_tls_align is the segment's alignment.  The template itself is never used as a live
 * block: it must stay pristine for every thread created later.
 *
 * Where the block goes relative to the thread pointer is fixed by each arch's TLS ABI, because
 * the linker has already resolved every local-exec access to a constant offset from it:
 *   variant I  (aarch32, aarch64, riscv64): the thread pointer is followed by a TCB of
 *              SELFE_RT_TLS_TCB_SIZE bytes, padded to the segment's alignment, then the block;
 *   variant II (x86_64): the block, padded to the alignment, ends at the thread pointer, and
 *              the word at the thread pointer holds the thread pointer itself (code reads
 *              %fs:0 to learn its own TLS address).
 */
#include <selfe/start.h>

#include "arch_tls.h"

extern const unsigned char _selfe_tls_start[];
extern const unsigned char _selfe_tdata_end[];
extern const unsigned char _selfe_tls_end[];
extern const unsigned char _selfe_tls_align[]; /* absolute: its address is the alignment */

static uintptr_t align_up(uintptr_t x, uintptr_t a)
{
	return (x + a - 1) & ~(a - 1);
}

static uintptr_t segment_align(void)
{
	uintptr_t a = (uintptr_t)_selfe_tls_align;
	/* At least a word: variant II stores the thread pointer at the thread pointer. */
	return a < sizeof(uintptr_t) ? sizeof(uintptr_t) : a;
}

static size_t segment_memsz(void)
{
	return (size_t)(_selfe_tls_end - _selfe_tls_start);
}

size_t selfe_tls_area_size(void)
{
	uintptr_t a = segment_align();
#if SELFE_RT_TLS_VARIANT == 2
	return (a - 1) + align_up(segment_memsz(), a) + sizeof(uintptr_t);
#else
	return (a - 1) + align_up(SELFE_RT_TLS_TCB_SIZE, a) + segment_memsz();
#endif
}

uintptr_t selfe_tls_init(void *area, size_t size)
{
	if (!area || size < selfe_tls_area_size())
		return 0;
	uintptr_t a = segment_align();
	uintptr_t start = (uintptr_t)area;
#if SELFE_RT_TLS_VARIANT == 2
	uintptr_t tp = align_up(start + align_up(segment_memsz(), a), a);
	unsigned char *block = (unsigned char *)(tp - align_up(segment_memsz(), a));
	*(uintptr_t *)tp = tp;
#else
	uintptr_t tp = align_up(start, a);
	unsigned char *block = (unsigned char *)(tp + align_up(SELFE_RT_TLS_TCB_SIZE, a));
	__builtin_memset((void *)tp, 0, (size_t)(block - (unsigned char *)tp));
#endif
	size_t filesz = (size_t)(_selfe_tdata_end - _selfe_tls_start);
	__builtin_memcpy(block, _selfe_tls_start, filesz);
	__builtin_memset(block + filesz, 0, segment_memsz() - filesz);
	return tp;
}
