/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The C names of the memory and string functions, for the compiler's own calls and libsel4's.
 * ARM's run-time ABI (AEABI) also names helpers a compiler may call for copies and fills; GCC
 * calls the plain names, clang may call these, so aarch32 root tasks get both.
 */
#include <stddef.h>

#include "selfe/string.h"

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	return selfe_rt_memcpy(dst, src, n);
}

void *memmove(void *dst, const void *src, size_t n)
{
	return selfe_rt_memmove(dst, src, n);
}

void *memset(void *dst, int c, size_t n)
{
	return selfe_rt_memset(dst, c, n);
}

int memcmp(const void *a, const void *b, size_t n)
{
	return selfe_rt_memcmp(a, b, n);
}

size_t strlen(const char *s)
{
	return selfe_rt_strlen(s);
}

int strcmp(const char *a, const char *b)
{
	return selfe_rt_strcmp(a, b);
}

int strncmp(const char *a, const char *b, size_t n)
{
	return selfe_rt_strncmp(a, b, n);
}

char *strcpy(char *restrict dst, const char *restrict src)
{
	return selfe_rt_strcpy(dst, src);
}

#if defined(__arm__)
/* AEABI helpers: no return value; memset's helper takes (dst, n, c); memclr zeroes.  The 4/8
 * variants promise aligned pointers, which the byte loops do not need. */
void __aeabi_memcpy(void *dst, const void *src, size_t n);
void __aeabi_memcpy4(void *dst, const void *src, size_t n);
void __aeabi_memcpy8(void *dst, const void *src, size_t n);
void __aeabi_memmove(void *dst, const void *src, size_t n);
void __aeabi_memmove4(void *dst, const void *src, size_t n);
void __aeabi_memmove8(void *dst, const void *src, size_t n);
void __aeabi_memset(void *dst, size_t n, int c);
void __aeabi_memset4(void *dst, size_t n, int c);
void __aeabi_memset8(void *dst, size_t n, int c);
void __aeabi_memclr(void *dst, size_t n);
void __aeabi_memclr4(void *dst, size_t n);
void __aeabi_memclr8(void *dst, size_t n);

void __aeabi_memcpy(void *dst, const void *src, size_t n) { selfe_rt_memcpy(dst, src, n); }
void __aeabi_memcpy4(void *dst, const void *src, size_t n) { selfe_rt_memcpy(dst, src, n); }
void __aeabi_memcpy8(void *dst, const void *src, size_t n) { selfe_rt_memcpy(dst, src, n); }
void __aeabi_memmove(void *dst, const void *src, size_t n) { selfe_rt_memmove(dst, src, n); }
void __aeabi_memmove4(void *dst, const void *src, size_t n) { selfe_rt_memmove(dst, src, n); }
void __aeabi_memmove8(void *dst, const void *src, size_t n) { selfe_rt_memmove(dst, src, n); }
void __aeabi_memset(void *dst, size_t n, int c) { selfe_rt_memset(dst, c, n); }
void __aeabi_memset4(void *dst, size_t n, int c) { selfe_rt_memset(dst, c, n); }
void __aeabi_memset8(void *dst, size_t n, int c) { selfe_rt_memset(dst, c, n); }
void __aeabi_memclr(void *dst, size_t n) { selfe_rt_memset(dst, 0, n); }
void __aeabi_memclr4(void *dst, size_t n) { selfe_rt_memset(dst, 0, n); }
void __aeabi_memclr8(void *dst, size_t n) { selfe_rt_memset(dst, 0, n); }
#endif
