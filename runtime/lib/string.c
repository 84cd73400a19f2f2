/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Byte-wise memory and string functions.  Simple on purpose: root tasks copy little, and these
 * must be obviously right.  They are pure and named selfe_rt_* so host tests can run them next
 * to the host's C library; sel4/string_symbols.c gives them their C names on the target.
 */
#include <stddef.h>
#include <stdint.h>

#include "selfe/string.h"

/*
 * Compilers turn byte loops that copy, fill or measure into calls to memcpy/memset/strlen
 * (GCC's loop distribution, clang's loop idiom recognition), even without a C library, which
 * here would make memcpy call itself.  -ffreestanding stops both, but these functions must not
 * depend on the flags a user compiles them with: switch it off per function.
 */
#if defined(__clang__)
#define NO_LIBCALL_PATTERNS __attribute__((no_builtin))
#elif defined(__GNUC__)
#define NO_LIBCALL_PATTERNS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define NO_LIBCALL_PATTERNS
#endif

NO_LIBCALL_PATTERNS void *selfe_rt_memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	while (n--)
		*d++ = *s++;
	return dst;
}

NO_LIBCALL_PATTERNS void *selfe_rt_memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	/* Copy forwards unless dst starts inside [src, src + n): then backwards, so every source
	 * byte is read before it is overwritten.  Compared as integers: the two pointers need not
	 * point into the same object. */
	if ((uintptr_t)d - (uintptr_t)s >= n) {
		while (n--)
			*d++ = *s++;
	} else {
		while (n--)
			d[n] = s[n];
	}
	return dst;
}

NO_LIBCALL_PATTERNS void *selfe_rt_memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

NO_LIBCALL_PATTERNS int selfe_rt_memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

NO_LIBCALL_PATTERNS size_t selfe_rt_strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

NO_LIBCALL_PATTERNS int selfe_rt_strncmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (x != y)
			return x < y ? -1 : 1;
		if (!x)
			break;
	}
	return 0;
}

int selfe_rt_strcmp(const char *a, const char *b)
{
	return selfe_rt_strncmp(a, b, SIZE_MAX);
}

NO_LIBCALL_PATTERNS char *selfe_rt_strcpy(char *restrict dst, const char *restrict src)
{
	char *d = dst;
	while ((*d++ = *src++))
		;
	return dst;
}
