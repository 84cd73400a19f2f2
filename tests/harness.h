/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A tiny unit-test harness.  A test is a function declared with TEST(name); it registers itself
 * before main() runs.  CHECK* macros record a failure (with file:line) and let the test go on.
 * Each test binary prints one line per failing check and closes with
 *     <binary>: N passed, N failed
 * and exits non-zero when anything failed.  Run a subset with: ./test_x NAME-SUBSTRING
 */
#ifndef SELFE_HARNESS_H
#define SELFE_HARNESS_H

#include <stdint.h>
#include <string.h>

typedef void (*harness_fn)(void);
void harness_register(const char *name, harness_fn fn);
void harness_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Mark the running test as skipped (it must return right after): it counts neither as passed
 * nor as failed, and the reason is printed as a "skip:" line. */
void harness_skip(const char *why);
/* Where data files for tests live (the source folder of the current binary's tests). */
const char *harness_data_dir(void);

#define TEST(name)                                                                       \
	static void name(void);                                                          \
	__attribute__((constructor)) static void harness_reg_##name(void)               \
	{                                                                                \
		harness_register(#name, name);                                           \
	}                                                                                \
	static void name(void)

#define CHECK(cond)                                                                      \
	do {                                                                             \
		if (!(cond))                                                             \
			harness_fail(__FILE__, __LINE__, "check failed: %s", #cond);     \
	} while (0)

#define CHECK_INT_EQ(a, b)                                                               \
	do {                                                                             \
		long long a_ = (long long)(a), b_ = (long long)(b);                      \
		if (a_ != b_)                                                            \
			harness_fail(__FILE__, __LINE__, "%s == %s: %lld != %lld", #a, #b, a_, b_); \
	} while (0)

#define CHECK_STR_EQ(a, b)                                                               \
	do {                                                                             \
		const char *a_ = (a), *b_ = (b);                                         \
		if (!a_ || !b_ || strcmp(a_, b_) != 0)                                   \
			harness_fail(__FILE__, __LINE__, "%s == %s:\n  got:      \"%s\"\n  expected: \"%s\"", \
				     #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)");    \
	} while (0)

#define CHECK_STR_CONTAINS(hay, needle)                                                  \
	do {                                                                             \
		const char *h_ = (hay), *n_ = (needle);                                  \
		if (!h_ || !strstr(h_, n_))                                              \
			harness_fail(__FILE__, __LINE__, "%s contains \"%s\":\n  got: \"%s\"", \
				     #hay, n_, h_ ? h_ : "(null)");                      \
	} while (0)

#endif
