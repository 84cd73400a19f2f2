/* SPDX-License-Identifier: BSD-2-Clause */
/* The bounded regex engine (src/util/regex.c): syntax, semantics, errors, and bounds. */
#include <string.h>
#include <sys/resource.h>

#include "harness.h"
#include "util/regex.h"

static bool m(const char *pat, const char *text)
{
	struct rx_error err;
	struct rx *re = rx_compile(pat, &err);
	if (!re) {
		harness_fail(__FILE__, __LINE__, "'%s' refused at %zu: %s", pat, err.offset, err.msg);
		return false;
	}
	bool r = rx_search(re, text, strlen(text), false, NULL, 0);
	rx_free(re);
	return r;
}

/* The offset of the error, or -1 when the pattern compiles. */
static long bad(const char *pat)
{
	struct rx_error err;
	struct rx *re = rx_compile(pat, &err);
	if (re) {
		rx_free(re);
		return -1;
	}
	return (long)err.offset;
}

TEST(regex_literals_and_anchors)
{
	CHECK(m("abc", "xxabcxx"));
	CHECK(!m("abd", "xxabcxx"));
	CHECK(m("^abc", "abcd"));
	CHECK(!m("^abc", "xabc"));
	CHECK(m("abc$", "xabc"));
	CHECK(!m("abc$", "abcx"));
	CHECK(m("^$", ""));
	CHECK(m("", "anything"));
	CHECK(m("a\\.b", "a.b"));
	CHECK(!m("a\\.b", "axb"));
	CHECK(m("a.b", "axb"));
	CHECK(m("x{", "x{"));
	CHECK(m("^Caught ", "Caught cap fault"));
	CHECK(m("seL4 called fail at", "... seL4 called fail at foo"));
}

TEST(regex_brackets)
{
	CHECK(m("^[0-9]+$", "12345"));
	CHECK(!m("^[0-9]+$", "123a45"));
	CHECK(m("^[^a-z]+$", "ABC123"));
	CHECK(!m("^[^a-z]+$", "ABc"));
	CHECK(m("^[[:digit:][:upper:]]+$", "A1B2"));
	CHECK(!m("^[[:digit:]]+$", "A1"));
	CHECK(m("[]]", "]"));
	CHECK(m("[a-]", "-"));
	CHECK(m("[\\]", "\\"));
	CHECK(m("^[[:xdigit:]]{4}$", "beeF"));
}

TEST(regex_repetition_and_groups)
{
	CHECK(m("^(ab|cd)*e$", "abcdabe"));
	CHECK(!m("^(ab|cd)*e$", "abce"));
	CHECK(m("^a{2,3}$", "aa"));
	CHECK(m("^a{2,3}$", "aaa"));
	CHECK(!m("^a{2,3}$", "aaaa"));
	CHECK(!m("^a{2,3}$", "a"));
	CHECK(m("^a{2}$", "aa"));
	CHECK(m("^a{2,}$", "aaaaaa"));
	CHECK(!m("^a{2,}$", "a"));
	CHECK(m("^colou?r$", "color"));
	CHECK(m("^(a*)*$", "aaaa"));
	CHECK(m("^(|a)+b$", "aab"));
	CHECK(m("^a++$", "aaa"));
}

TEST(regex_groups_capture)
{
	struct rx_error err;
	struct rx *re = rx_compile("([0-9]+)\\.([0-9]+)", &err);
	CHECK(re != NULL);
	struct rx_span g[3];
	const char *t = "version 16.0 here";
	CHECK(rx_search(re, t, strlen(t), false, g, 3));
	CHECK_INT_EQ(g[0].start, 8);
	CHECK_INT_EQ(g[0].end, 12);
	CHECK_INT_EQ(g[1].start, 8);
	CHECK_INT_EQ(g[1].end, 10);
	CHECK_INT_EQ(g[2].start, 11);
	CHECK_INT_EQ(g[2].end, 12);
	rx_free(re);
	/* An unused group reports -1; greedy leftmost-first like CMake's engine. */
	re = rx_compile("(x)?(a*)", &err);
	CHECK(rx_search(re, "aaa", 3, false, g, 3));
	CHECK_INT_EQ(g[1].start, -1);
	CHECK_INT_EQ(g[2].end, 3);
	rx_free(re);
	/* notbol: '^' cannot match at the start of a text that continues a line. */
	re = rx_compile("^a", &err);
	CHECK(!rx_search(re, "a", 1, true, NULL, 0));
	rx_free(re);
}

TEST(regex_errors_name_the_offset)
{
	CHECK_INT_EQ(bad("ab(cd"), 2);
	CHECK_INT_EQ(bad("abcd)"), 4);
	CHECK_INT_EQ(bad("ab[cd"), 2);
	CHECK_INT_EQ(bad("*a"), 0);
	CHECK_INT_EQ(bad("a|+"), 2);
	CHECK_INT_EQ(bad("(a)\\1"), 3);
	CHECK_INT_EQ(bad("a\\w"), 1);
	CHECK_INT_EQ(bad("x[[:nope:]]"), 2);
	CHECK_INT_EQ(bad("a{3,2}"), 1);
	CHECK_INT_EQ(bad("a{256}"), 1);
	CHECK_INT_EQ(bad("[z-a]"), 1);
	CHECK_INT_EQ(bad("a\\"), 1);
	CHECK(bad("(a{255}){255}") >= 0);
	CHECK(bad("((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))") >= 0);
}

/*
 * The prober's pattern: glibc's regcomp took 4.5 GB on it.  Run under a 64 MiB address-space
 * limit (no timing): the engine must accept it and match a text that makes a backtracking
 * matcher take exponential time, within that memory.
 */
TEST(regex_pathological_patterns_are_bounded)
{
	struct rlimit old, lim;
	getrlimit(RLIMIT_AS, &old);
	/* ASan reserves terabytes of shadow address space: the limit applies only without it. */
#ifndef __SANITIZE_ADDRESS__
	lim = old;
	lim.rlim_cur = 64u << 20;
	setrlimit(RLIMIT_AS, &lim);
#endif
	(void)lim;
	char text[4096];
	memset(text, 'a', sizeof text - 2);
	text[sizeof text - 2] = 'b';
	text[sizeof text - 1] = 0;
	CHECK(m("a++++++++++++++++++++++++", "xaay"));
	CHECK(!m("^(a|aa)*c$", text));
	CHECK(!m("^(a*)*c$", text));
	CHECK(!m("^(a?){30}a{30}c$", text));
	CHECK(m("(a+)+b", text));
	setrlimit(RLIMIT_AS, &old);
}

/* Found by the fuzz target: emit recursed once per atom of a long concatenation with a 2 KiB
 * array in every frame (a stack overflow at ~3,400 atoms). */
TEST(regex_long_concatenation_of_bounded_repetitions)
{
	char pat[4000];
	size_t n = 0;
	while (n + 6 < sizeof pat - 1) {
		memcpy(pat + n, "b{0,1}", 6);
		n += 6;
	}
	pat[n] = 0;
	struct rx_error err;
	struct rx *re = rx_compile(pat, &err); /* 664 optional b's: about 2,000 instructions */
	CHECK(re != NULL);
	if (re) {
		CHECK(rx_search(re, "bbb", 3, false, NULL, 0));
		rx_free(re);
	}
	memset(pat, 'a', 3990);
	pat[3990] = 0;
	re = rx_compile(pat, &err);
	CHECK(re != NULL);
	if (re) {
		CHECK(rx_search(re, pat, 3990, false, NULL, 0));
		rx_free(re);
	}
}
