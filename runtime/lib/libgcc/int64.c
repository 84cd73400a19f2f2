/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The few compiler helpers a 32-bit root task needs when its compiler ships no libgcc for the
 * ABI (Debian's riscv64 compiler building rv32 code): 64-bit division and remainder, and the
 * bit counts __builtin_clz/ctz/popcount fall back to without a bit-manipulation extension.
 * Compiled only for such sel4_arches (the platform table's `libgcc` is false there).
 */
#include "libgcc.h"

/* Shift-subtract long division, one quotient bit per step; d == 0 gives all ones, as the
 * hardware divide instruction of RISC-V does for 32 bits. */
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem)
{
	if (d == 0) {
		if (rem)
			*rem = n;
		return ~(uint64_t)0;
	}
	uint64_t q = 0, r = 0;
	for (int i = 63; i >= 0; i--) {
		r = (r << 1) | ((n >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= (uint64_t)1 << i;
		}
	}
	if (rem)
		*rem = r;
	return q;
}

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
	return __udivmoddi4(n, d, 0);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
	uint64_t r;
	__udivmoddi4(n, d, &r);
	return r;
}

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* C's truncating division: the quotient's sign is the operands' sign product, the
 * remainder takes the dividend's sign. */
int64_t __divdi3(int64_t n, int64_t d)
{
	uint64_t q = __udivmoddi4(magnitude(n), magnitude(d), 0);
	return (int64_t)((n < 0) != (d < 0) ? (uint64_t)0 - q : q);
}

int64_t __moddi3(int64_t n, int64_t d)
{
	uint64_t r;
	__udivmoddi4(magnitude(n), magnitude(d), &r);
	return (int64_t)(n < 0 ? (uint64_t)0 - r : r);
}

int __clzsi2(uint32_t x)
{
	int n = 0;
	for (uint32_t bit = 1u << 31; bit && !(x & bit); bit >>= 1)
		n++;
	return n;
}

int __ctzsi2(uint32_t x)
{
	int n = 0;
	for (uint32_t bit = 1; bit && !(x & bit); bit <<= 1)
		n++;
	return n;
}

int __popcountsi2(uint32_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

int __clzdi2(uint64_t x)
{
	return (uint32_t)(x >> 32) ? __clzsi2((uint32_t)(x >> 32)) : 32 + __clzsi2((uint32_t)x);
}

int __ctzdi2(uint64_t x)
{
	return (uint32_t)x ? __ctzsi2((uint32_t)x) : 32 + __ctzsi2((uint32_t)(x >> 32));
}

int __popcountdi2(uint64_t x)
{
	return __popcountsi2((uint32_t)x) + __popcountsi2((uint32_t)(x >> 32));
}
