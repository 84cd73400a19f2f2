/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * selfe_snprintf against the C library's snprintf, conversion by conversion and flag by flag
 * (the C library is the reference: on the host and, cross-compiled, under qemu-user), plus the
 * choices C leaves open (%p, unknown conversions) and snprintf's truncation contract.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "harness.h"
#include "selfe/runtime.h"

/* Formats with both and compares text and returned length. */
#define SAME(...)                                                                                        \
	do {                                                                                             \
		char ours_[256], ref_[256];                                                              \
		int ours_len_ = selfe_snprintf(ours_, sizeof(ours_), __VA_ARGS__);                       \
		int ref_len_ = snprintf(ref_, sizeof(ref_), __VA_ARGS__);                                \
		CHECK_STR_EQ(ours_, ref_);                                                               \
		CHECK_INT_EQ(ours_len_, ref_len_);                                                       \
	} while (0)

TEST(test_runtime__format_plain_text_and_percent)
{
	const char *empty = ""; /* a literal "" would draw a warning */
	SAME("hello, world");
	SAME(empty, 0);
	SAME("100%% sure, %%%%");
}

TEST(test_runtime__format_char)
{
	SAME("%c", 'a');
	SAME("[%3c|%-3c]", 'x', 'y');
	SAME("%c%c%c", 'a', 0x7f, ' ');
}

TEST(test_runtime__format_string)
{
	SAME("%s", "text");
	SAME("[%10s]", "right");
	SAME("[%-10s]", "left");
	SAME("[%.3s]", "truncated");
	SAME("[%8.2s]", "ab-cut");
	SAME("[%-8.0s]", "none");
	SAME("[%2s]", "longer than width");
	SAME("[%*s|%-*s]", 6, "a", 6, "b");
	SAME("[%*s]", -6, "neg"); /* a negative '*' width means '-' */
	SAME("[%.*s]", 2, "star precision");
	SAME("[%.*s]", -1, "negative precision is none");
}

TEST(test_runtime__format_string_precision_reads_no_further)
{
	/* Not NUL-terminated: with a precision, the formatter must stop there (ASan would see it). */
	char four[4] = { 'a', 'b', 'c', 'd' };
	char out[16];
	CHECK_INT_EQ(selfe_snprintf(out, sizeof(out), "%.4s", four), 4);
	CHECK_STR_EQ(out, "abcd");
}

TEST(test_runtime__format_signed)
{
	SAME("%d %i", 0, 0);
	SAME("%d %d %d", 1, -1, 42);
	SAME("%d %d", INT32_MAX, INT32_MIN);
	SAME("[%5d|%-5d|%05d]", 42, 42, 42);
	SAME("[%5d|%-5d|%05d]", -42, -42, -42);
	SAME("[%+d|%+d|% d|% d]", 5, -5, 5, -5);
	SAME("[%+05d|% 05d|%-+5d]", 7, 7, 7);
	SAME("[%.3d|%.3d|%6.3d|%-6.3d]", 7, -7, 7, -7);
	/* Combinations C defines but compilers warn about, so through a variable: '+' beats ' ',
	 * a precision disables '0'. */
	const char *plus_space = "[%+ d|% +d]", *zero_precision = "[%06.3d|%08.0d]";
	SAME(plus_space, 5, -5);
	SAME(zero_precision, 7, 0);
	SAME("[%.0d|%5.0d|%.0d]", 0, 0, 1);
	SAME("[%2d]", 12345);
	SAME("[%*d|%-*d|%.*d]", 4, 1, 4, 2, 3, 3);
	SAME("%hhd %hhd %hd %hd", (signed char)-128, (signed char)127, (short)-32768, (short)32767);
	SAME("%ld %ld", (long)INTPTR_MIN, (long)INTPTR_MAX);
	SAME("%lld %lld %lli", (long long)INT64_MIN, (long long)INT64_MAX, -1LL);
	SAME("%zd %td %jd", (ptrdiff_t)-3, (ptrdiff_t)PTRDIFF_MAX, (intmax_t)INT64_MIN);
}

TEST(test_runtime__format_unsigned)
{
	SAME("%u %u %u", 0u, 1u, UINT32_MAX);
	SAME("[%8u|%-8u|%08u|%.4u]", 99u, 99u, 99u, 99u);
	SAME("%hhu %hu", (unsigned char)255, (unsigned short)65535);
	SAME("%lu %llu", (unsigned long)UINTPTR_MAX, (unsigned long long)UINT64_MAX);
	SAME("%zu %zu", (size_t)0, (size_t)SIZE_MAX);
	SAME("%ju", (uintmax_t)UINT64_MAX);
	const char *signed_flags = "[%+u|% u|%+x|% X]"; /* sign flags do nothing for unsigned */
	SAME(signed_flags, 3u, 3u, 0xau, 0xbu);
}

TEST(test_runtime__format_hex)
{
	SAME("%x %X", 0u, 0u);
	SAME("%x %X", 0xdeadbeefu, 0xdeadbeefu);
	SAME("[%#x|%#X|%#x]", 255u, 255u, 0u); /* '#' only prefixes non-zero values */
	SAME("[%08x|%-8x|%8X|%#010x|%#-10x]", 0xabcu, 0xabcu, 0xabcu, 0xabcu, 0xabcu);
	SAME("[%.6x|%#.6x|%.0x]", 0x1fu, 0x1fu, 0u);
	SAME("%lx %llX", (unsigned long)UINTPTR_MAX, 0x0123456789abcdefULL);
	SAME("%hhx %hx %zx", (unsigned char)0xab, (unsigned short)0xbeef, (size_t)0x1234);
}

TEST(test_runtime__format_pointer)
{
	/* %p is implementation-defined; ours is 0x + lowercase hex, which glibc also prints for a
	 * non-null pointer.  Null is 0x0 (glibc writes "(nil)"). */
	int object;
	SAME("%p", (void *)&object);
	SAME("[%20p|%-20p]", (void *)&object, (void *)&object);
	char out[64];
	selfe_snprintf(out, sizeof(out), "%p", (void *)0);
	CHECK_STR_EQ(out, "0x0");
	selfe_snprintf(out, sizeof(out), "%p", (void *)(uintptr_t)0xc0ffee);
	CHECK_STR_EQ(out, "0xc0ffee");
}

TEST(test_runtime__format_null_string)
{
	char out[32];
	const char *volatile null = NULL; /* volatile: the compiler would warn about a known null */
	CHECK_INT_EQ(selfe_snprintf(out, sizeof(out), "[%s]", null), 8);
	CHECK_STR_EQ(out, "[(null)]");
}

TEST(test_runtime__format_unknown_conversion_is_printed_as_written)
{
	/* Through a variable: the compiler would (rightly) reject these formats as literals. */
	const char *unknown = "a%yb%5.2qc";
	const char *trailing = "end%";
	const char *trailing_spec = "x%-08";
	char out[64];
	CHECK_INT_EQ(selfe_snprintf(out, sizeof(out), unknown, 1, 2), 10);
	CHECK_STR_EQ(out, "a%yb%5.2qc");
	CHECK_INT_EQ(selfe_snprintf(out, sizeof(out), trailing, 0), 4);
	CHECK_STR_EQ(out, "end%");
	CHECK_INT_EQ(selfe_snprintf(out, sizeof(out), trailing_spec, 0), 5);
	CHECK_STR_EQ(out, "x%-08");
	/* Arguments after an unknown conversion are still in their places. */
	const char *mixed = "%w %d";
	CHECK_INT_EQ(selfe_snprintf(out, sizeof(out), mixed, 17), 5);
	CHECK_STR_EQ(out, "%w 17");
}

TEST(test_runtime__snprintf_truncates_and_reports_full_length)
{
	char out[8];
	memset(out, '#', sizeof(out));
	CHECK_INT_EQ(selfe_snprintf(out, 5, "%s-%d", "abc", 12345), 9);
	CHECK_STR_EQ(out, "abc-");
	CHECK(out[5] == '#'); /* nothing written past n */

	memset(out, '#', sizeof(out));
	CHECK_INT_EQ(selfe_snprintf(out, 1, "xyz"), 3);
	CHECK_INT_EQ(out[0], '\0');
	CHECK(out[1] == '#');

	memset(out, '#', sizeof(out));
	CHECK_INT_EQ(selfe_snprintf(out, 0, "xyz"), 3);
	CHECK(out[0] == '#');
	CHECK_INT_EQ(selfe_snprintf(NULL, 0, "%08d", 5), 8); /* size query with no buffer */

	CHECK_INT_EQ(selfe_snprintf(out, sizeof(out), "exactly"), 7); /* 7 + NUL fits */
	CHECK_STR_EQ(out, "exactly");
	CHECK_INT_EQ(selfe_snprintf(out, sizeof(out), "exactly8"), 8);
	CHECK_STR_EQ(out, "exactly");
}

struct collected {
	char text[64];
	int n;
};

static void collect(char c, void *ctx)
{
	struct collected *col = ctx;
	if (col->n < (int)sizeof(col->text) - 1)
		col->text[col->n++] = c;
}

static int format_into(struct collected *col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = selfe_vformat(collect, col, fmt, ap);
	va_end(ap);
	return n;
}

TEST(test_runtime__vformat_emits_every_character_once)
{
	struct collected col = { { 0 }, 0 };
	int n = format_into(&col, "%s=%04x%c", "key", 0x2au, '!');
	CHECK_INT_EQ(n, 9);
	CHECK_INT_EQ(col.n, 9);
	CHECK_STR_EQ(col.text, "key=002a!");
}

static int vsn(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = selfe_vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

TEST(test_runtime__vsnprintf_matches_snprintf)
{
	char a[32], b[32];
	CHECK_INT_EQ(vsn(a, sizeof(a), "%lu/%lld/%s", 7ul, -9ll, "z"), selfe_snprintf(b, sizeof(b), "%lu/%lld/%s", 7ul, -9ll, "z"));
	CHECK_STR_EQ(a, b);
	CHECK_STR_EQ(a, "7/-9/z");
}
