/* SPDX-License-Identifier: BSD-2-Clause */
/* The serial-output matcher: order, fail patterns, line assembly, the default patterns. */
#include <string.h>

#include "harness.h"
#include "sim/sim.h"
#include "util/diag.h"

static size_t count(const char *const *v)
{
	size_t n = 0;
	while (v[n])
		n++;
	return n;
}

static void feed(struct sim_matcher *m, const char *text)
{
	sim_matcher_feed(m, text, strlen(text));
}

TEST(test_sim__expectations_are_met_in_order_one_line_each)
{
	const char *expect[] = { "^a$", "^b$", "^b$" };
	struct sim_matcher m;
	CHECK_INT_EQ(sim_matcher_init(&m, expect, 3, NULL, 0), 0);
	feed(&m, "b\n"); /* out of order: does not count */
	CHECK_INT_EQ(m.seen, 0);
	feed(&m, "a\nb\n");
	CHECK_INT_EQ(m.seen, 2);
	CHECK_INT_EQ(sim_matcher_verdict(&m), SIM_UNDECIDED);
	feed(&m, "b\n");
	CHECK_INT_EQ(sim_matcher_verdict(&m), SIM_ALL_SEEN);
	sim_matcher_free(&m);
}

TEST(test_sim__input_split_anywhere_gives_the_same_lines)
{
	const char *expect[] = { "^hello: all done$", "^main returned 0$" };
	const char *text = "boot\r\nhello: all done\r\nmain returned 0\r\n";
	for (size_t step = 1; step <= 5; step++) {
		struct sim_matcher m;
		CHECK_INT_EQ(sim_matcher_init(&m, expect, 2, NULL, 0), 0);
		for (size_t i = 0; i < strlen(text); i += step) {
			size_t n = strlen(text) - i < step ? strlen(text) - i : step;
			sim_matcher_feed(&m, text + i, n);
		}
		CHECK_INT_EQ(sim_matcher_verdict(&m), SIM_ALL_SEEN);
		sim_matcher_free(&m);
	}
}

TEST(test_sim__colour_sequences_are_not_part_of_the_line)
{
	const char *expect[] = { "^<<seL4\\(CPU 0\\) \\[x\\]: y>>$" };
	struct sim_matcher m;
	CHECK_INT_EQ(sim_matcher_init(&m, expect, 1, NULL, 0), 0);
	feed(&m, "\033[0;1;31m<<seL4(CPU 0) [x]: y>>\033[0m\n");
	CHECK_INT_EQ(sim_matcher_verdict(&m), SIM_ALL_SEEN);
	sim_matcher_free(&m);
}

TEST(test_sim__a_fail_pattern_wins_and_keeps_the_line)
{
	const char *expect[] = { "fault" };
	const char *fail[] = { "^Caught " };
	struct sim_matcher m;
	CHECK_INT_EQ(sim_matcher_init(&m, expect, 1, fail, 1), 0);
	feed(&m, "Caught cap fault in send phase at address 0x0\nnot looked at\n");
	CHECK_INT_EQ(sim_matcher_verdict(&m), SIM_FAIL_SEEN);
	CHECK_STR_EQ(m.failed_by, "^Caught ");
	CHECK_STR_EQ(m.fail_line, "Caught cap fault in send phase at address 0x0");
	CHECK_INT_EQ(m.seen, 0);
	sim_matcher_free(&m);
}

TEST(test_sim__an_unterminated_last_line_counts_at_the_end)
{
	const char *expect[] = { "^halting\\.\\.\\.$" };
	struct sim_matcher m;
	CHECK_INT_EQ(sim_matcher_init(&m, expect, 1, NULL, 0), 0);
	feed(&m, "halting...");
	CHECK_INT_EQ(sim_matcher_verdict(&m), SIM_UNDECIDED);
	CHECK_INT_EQ(sim_matcher_finish(&m), SIM_ALL_SEEN);
	sim_matcher_free(&m);
}

TEST(test_sim__no_expectations_never_pass_by_themselves)
{
	struct sim_matcher m;
	CHECK_INT_EQ(sim_matcher_init(&m, NULL, 0, NULL, 0), 0);
	feed(&m, "anything\n");
	CHECK_INT_EQ(sim_matcher_finish(&m), SIM_UNDECIDED);
	sim_matcher_free(&m);
}

TEST(test_sim__a_bad_pattern_is_reported)
{
	struct sb err = SB_INIT;
	diag_capture(&err);
	const char *fail[] = { "ok", "(unclosed" };
	struct sim_matcher m;
	CHECK_INT_EQ(sim_matcher_init(&m, NULL, 0, fail, 2), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&err), "bad regular expression '(unclosed'");
	sb_release(&err);
}

/* The default patterns against the kinds of line the kernel and the runtime print when
 * something goes wrong, and against ordinary boot output. */
TEST(test_sim__default_fail_patterns_catch_faults_and_panics_only)
{
	const char *bad[] = {
		"Caught cap fault in send phase at address 0x0",
		"seL4 failed assertion 'x' at src/y.c:1 in function z",
		"seL4 called fail at src/y.c:1 in function z, saying \"w\"",
		"Found thread has no fault handler while trying to handle:",
		"panic: hello: no RAM untyped of 64 KiB or more",
		"main returned 3",
		"main returned -1",
		"main returned 10",
	};
	const char *good[] = {
		"Booting all finished, dropped to user space",
		"hello: all done",
		"main returned 0",
		"main returned 0 (after 10 tries)",
		"no panic: here",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct sim_matcher m;
		CHECK_INT_EQ(sim_matcher_init(&m, NULL, 0, sim_default_fail_patterns, count(sim_default_fail_patterns)), 0);
		feed(&m, bad[i]);
		feed(&m, "\n");
		CHECK_INT_EQ(sim_matcher_verdict(&m), SIM_FAIL_SEEN);
		sim_matcher_free(&m);
	}
	struct sim_matcher m;
	CHECK_INT_EQ(sim_matcher_init(&m, NULL, 0, sim_default_fail_patterns, count(sim_default_fail_patterns)), 0);
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		feed(&m, good[i]);
		feed(&m, "\n");
	}
	CHECK_INT_EQ(sim_matcher_verdict(&m), SIM_UNDECIDED);
	sim_matcher_free(&m);
}
