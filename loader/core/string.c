/* SPDX-License-Identifier: BSD-2-Clause */
/* memcpy and memset, which the compiler may call even in freestanding code.  Aligned words
 * when both sides allow (the MMU is off: unaligned accesses to Device memory fault on ARM). */
#include <stdint.h>

#include "arch.h"

void *memcpy(void *dst, const void *src, __SIZE_TYPE__ n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if ((((uintptr_t)d | (uintptr_t)s) & (sizeof(uintptr_t) - 1)) == 0) {
		for (; n >= sizeof(uintptr_t); n -= sizeof(uintptr_t), d += sizeof(uintptr_t), s += sizeof(uintptr_t))
			*(volatile uintptr_t *)d = *(const uintptr_t *)s;
	}
	while (n--)
		*(volatile unsigned char *)d++ = *s++;
	return dst;
}

void *memset(void *dst, int c, __SIZE_TYPE__ n)
{
	unsigned char *d = dst;
	if (c == 0 && ((uintptr_t)d & (sizeof(uintptr_t) - 1)) == 0) {
		for (; n >= sizeof(uintptr_t); n -= sizeof(uintptr_t), d += sizeof(uintptr_t))
			*(volatile uintptr_t *)d = 0;
	}
	while (n--)
		*(volatile unsigned char *)d++ = (unsigned char)c;
	return dst;
}
