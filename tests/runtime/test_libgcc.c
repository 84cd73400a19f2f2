/* SPDX-License-Identifier: BSD-2-Clause */
/* runtime/lib/libgcc: the 64-bit division and bit-count helpers against the host's operators. */
#include <stdint.h>

#include "harness.h"
#include "../../runtime/lib/libgcc/libgcc.h"

static uint64_t state = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	/* mix in small and extreme values, where division goes wrong first */
	switch (state % 8) {
	case 0:
		return state % 17;
	case 1:
		return ~(uint64_t)0 - state % 3;
	case 2:
		return (uint64_t)1 << (state % 64);
	case 3:
		return (uint64_t)INT64_MIN + state % 3;
	default:
		return state >> (state % 64);
	}
}

TEST(test_runtime__libgcc_division_matches_the_operators)
{
	int bad = 0;
	for (int i = 0; i < 200000 && bad < 5; i++) {
		uint64_t n = next(), d = next();
		if (d == 0)
			continue;
		uint64_t r;
		if (__udivmoddi4(n, d, &r) != n / d || r != n % d || __udivdi3(n, d) != n / d || __umoddi3(n, d) != n % d)
			bad++;
		int64_t sn = (int64_t)n, sd = (int64_t)d;
		if (sn == INT64_MIN && sd == -1)
			continue; /* overflows in C too */
		if (__divdi3(sn, sd) != sn / sd || __moddi3(sn, sd) != sn % sd)
			bad++;
	}
	CHECK_INT_EQ(bad, 0);
}

TEST(test_runtime__libgcc_bit_counts_match_the_builtins)
{
	int bad = 0;
	for (int i = 0; i < 100000; i++) {
		uint64_t x = next();
		uint32_t w = (uint32_t)x;
		if (x && (__clzdi2(x) != __builtin_clzll(x) || __ctzdi2(x) != __builtin_ctzll(x)))
			bad++;
		if (w && (__clzsi2(w) != __builtin_clz(w) || __ctzsi2(w) != __builtin_ctz(w)))
			bad++;
		if (__popcountdi2(x) != __builtin_popcountll(x) || __popcountsi2(w) != __builtin_popcount(w))
			bad++;
	}
	CHECK_INT_EQ(bad, 0);
	CHECK_INT_EQ(__clzsi2(1), 31);
	CHECK_INT_EQ(__ctzdi2((uint64_t)1 << 63), 63);
}
