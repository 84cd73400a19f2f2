/* SPDX-License-Identifier: BSD-2-Clause */
/* The runtime's memory and string functions against the C library's, over sizes, overlaps and
 * byte values (including bytes >= 0x80, which must compare as unsigned). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "selfe/string.h"

static void fill_pattern(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed * 31u + i * 7u + (i >> 3));
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

TEST(test_runtime__memcpy_copies_exactly_n_bytes)
{
	unsigned char src[80], dst[96], ref[96];
	fill_pattern(src, sizeof(src), 1);
	for (size_t n = 0; n <= sizeof(src); n++) {
		for (size_t off = 0; off < 8; off++) {
			memset(dst, 0xee, sizeof(dst));
			memset(ref, 0xee, sizeof(ref));
			CHECK(selfe_rt_memcpy(dst + off, src, n) == dst + off);
			memcpy(ref + off, src, n);
			if (memcmp(dst, ref, sizeof(dst)) != 0) {
				CHECK_INT_EQ(n * 100 + off, -1); /* names the failing size and offset */
				return;
			}
		}
	}
}

TEST(test_runtime__memmove_handles_every_overlap)
{
	unsigned char buf[64], ref[64];
	for (size_t n = 0; n <= 32; n++) {
		for (size_t from = 0; from + n <= sizeof(buf); from += 3) {
			for (size_t to = 0; to + n <= sizeof(buf); to += 5) {
				fill_pattern(buf, sizeof(buf), 2);
				fill_pattern(ref, sizeof(ref), 2);
				CHECK(selfe_rt_memmove(buf + to, buf + from, n) == buf + to);
				memmove(ref + to, ref + from, n);
				if (memcmp(buf, ref, sizeof(buf)) != 0) {
					CHECK_INT_EQ((n * 100 + from) * 100 + to, -1);
					return;
				}
			}
		}
	}
}

TEST(test_runtime__memset_fills_with_the_low_byte)
{
	unsigned char buf[40];
	for (size_t n = 0; n <= 32; n++) {
		memset(buf, 0x11, sizeof(buf));
		CHECK(selfe_rt_memset(buf + 4, 0x1ab, n) == buf + 4); /* only 0xab is used */
		for (size_t i = 0; i < sizeof(buf); i++)
			CHECK_INT_EQ(buf[i], i >= 4 && i < 4 + n ? 0xab : 0x11);
	}
}

TEST(test_runtime__memcmp_orders_bytes_as_unsigned)
{
	unsigned char a[16], b[16];
	fill_pattern(a, sizeof(a), 3);
	memcpy(b, a, sizeof(b));
	CHECK_INT_EQ(selfe_rt_memcmp(a, b, sizeof(a)), 0);
	CHECK_INT_EQ(selfe_rt_memcmp(a, b, 0), 0);
	for (size_t i = 0; i < sizeof(a); i++) {
		static const unsigned char values[] = { 0x00, 0x01, 0x7f, 0x80, 0xff };
		for (size_t v = 0; v < sizeof(values); v++) {
			memcpy(b, a, sizeof(b));
			b[i] = values[v];
			CHECK_INT_EQ(sign(selfe_rt_memcmp(a, b, sizeof(a))), sign(memcmp(a, b, sizeof(a))));
			CHECK_INT_EQ(selfe_rt_memcmp(a, b, i), 0); /* the difference is past n */
		}
	}
}

TEST(test_runtime__strlen_counts_to_the_nul)
{
	CHECK_INT_EQ(selfe_rt_strlen(""), 0);
	CHECK_INT_EQ(selfe_rt_strlen("a"), 1);
	char long_string[300];
	memset(long_string, 'x', sizeof(long_string) - 1);
	long_string[sizeof(long_string) - 1] = '\0';
	CHECK_INT_EQ(selfe_rt_strlen(long_string), 299);
	CHECK_INT_EQ(selfe_rt_strlen("\xff\x80 high bytes"), 13);
}

TEST(test_runtime__strcmp_and_strncmp_agree_with_libc)
{
	static const char *const words[] = { "", "a", "ab", "abc", "abd", "b", "\x80", "\xff", "a\x80" };
	size_t n = sizeof(words) / sizeof(words[0]);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			CHECK_INT_EQ(sign(selfe_rt_strcmp(words[i], words[j])), sign(strcmp(words[i], words[j])));
			for (size_t k = 0; k < 4; k++)
				CHECK_INT_EQ(sign(selfe_rt_strncmp(words[i], words[j], k)), sign(strncmp(words[i], words[j], k)));
		}
	}
}

TEST(test_runtime__strcpy_copies_the_terminator_and_nothing_more)
{
	char dst[16];
	memset(dst, '#', sizeof(dst));
	CHECK(selfe_rt_strcpy(dst, "seL4") == dst);
	CHECK_STR_EQ(dst, "seL4");
	CHECK_INT_EQ(dst[5], '#');
	memset(dst, '#', sizeof(dst));
	selfe_rt_strcpy(dst, "");
	CHECK_INT_EQ(dst[0], '\0');
	CHECK_INT_EQ(dst[1], '#');
}
