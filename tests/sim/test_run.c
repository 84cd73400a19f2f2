/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The run engine, with sh standing in for QEMU: every way a run can end, the log, stdin, and
 * that nothing the "emulator" started is left running afterwards.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "sim/sim.h"
#include "util/diag.h"
#include "util/fs.h"

static char dir[64];
static struct sb path_buf = SB_INIT;

static const char *tmp(const char *name)
{
	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "%s", "/tmp/selfe-sim-run-XXXXXX");
		if (!mkdtemp(dir))
			abort();
	}
	sb_reset(&path_buf);
	sb_addf(&path_buf, "%s/%s", dir, name);
	return sb_str(&path_buf);
}

/* Run `script` through sh -c from the temporary folder; `expect` and `fail` are
 * NULL-terminated (or NULL). */
static int run_sh(const char *script, const char *const *expect, const char *const *fail, double timeout,
		  struct sim_matcher *m, struct sim_result *res)
{
	size_t ne = 0, nf = 0;
	while (expect && expect[ne])
		ne++;
	while (fail && fail[nf])
		nf++;
	if (sim_matcher_init(m, expect, ne, fail, nf))
		return -1;
	struct sb cmd = SB_INIT;
	sb_addf(&cmd, "cd '%s' && { %s\n}", tmp(""), script);
	const char *argv[] = { "sh", "-c", sb_str(&cmd), NULL };
	struct sim_run_request req = {
		.argv = argv,
		.log_path = tmp("serial.log"),
		.echo_fd = -1,
		.timeout = timeout,
		.fail_grace = 0.3,
		.stop_grace = 0.3,
	};
	int rc = sim_run(&req, m, res);
	sb_release(&cmd);
	return rc;
}

static char *read_tmp(const char *name)
{
	size_t len;
	return fs_read_file(tmp(name), &len);
}

/* The pid a script wrote to `name` (0 when there is none). */
static pid_t pid_in(const char *name)
{
	char *text = read_tmp(name);
	pid_t pid = text ? (pid_t)atol(text) : 0;
	free(text);
	return pid;
}

/* Not running: no such process, or a zombie nobody has reaped yet.  A moment is allowed for a
 * SIGKILL sent to a process that is not our child to take effect. */
static bool gone(pid_t pid)
{
	for (int i = 0; i < 100; i++) {
		if (kill(pid, 0) != 0 && errno == ESRCH)
			return true;
		struct sb path = SB_INIT;
		sb_addf(&path, "/proc/%ld/stat", (long)pid);
		FILE *f = fopen(sb_str(&path), "r");
		sb_release(&path);
		char state = 0;
		if (f) {
			if (fscanf(f, "%*d (%*[^)]) %c", &state) != 1)
				state = 0;
			fclose(f);
		}
		if (state == 'Z' || state == 'X')
			return true;
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	return false;
}

TEST(test_sim__all_expected_lines_pass_and_stop_the_emulator)
{
	struct sim_matcher m;
	struct sim_result res;
	const char *expect[] = { "^one$", "^two$", NULL };
	/* A background child too: it is in the emulator's process group and must go with it. */
	CHECK_INT_EQ(run_sh("sleep 30 & echo $! > child; echo $$ > pid; echo one; echo two; exec sleep 30", expect, NULL,
			    20, &m, &res),
		     0);
	CHECK_INT_EQ(res.outcome, SIM_PASSED);
	CHECK(res.seconds < 10);
	CHECK(res.first_output >= 0 && res.first_output <= res.seconds);
	CHECK(pid_in("pid") > 0 && gone(pid_in("pid")));
	CHECK(pid_in("child") > 0 && gone(pid_in("child")));
	char *log = read_tmp("serial.log");
	CHECK_STR_EQ(log, "one\ntwo\n");
	free(log);
	sim_matcher_free(&m);
}

TEST(test_sim__an_emulator_ignoring_sigterm_is_killed)
{
	struct sim_matcher m;
	struct sim_result res;
	const char *expect[] = { "^ready$", NULL };
	CHECK_INT_EQ(run_sh("trap '' TERM; echo $$ > pid; echo ready; while :; do sleep 0.05; done", expect, NULL, 20, &m,
			    &res),
		     0);
	CHECK_INT_EQ(res.outcome, SIM_PASSED);
	CHECK(gone(pid_in("pid")));
	sim_matcher_free(&m);
}

TEST(test_sim__a_timeout_says_what_was_still_expected)
{
	struct sim_matcher m;
	struct sim_result res;
	const char *expect[] = { "^one$", "^two$", NULL };
	CHECK_INT_EQ(run_sh("echo $$ > pid; echo one; exec sleep 30", expect, NULL, 0.5, &m, &res), 0);
	CHECK_INT_EQ(res.outcome, SIM_TIMED_OUT);
	CHECK(res.seconds >= 0.5 && res.seconds < 5);
	CHECK_INT_EQ(m.seen, 1);
	CHECK_STR_EQ(m.expect_src[m.seen], "^two$");
	CHECK(gone(pid_in("pid")));
	sim_matcher_free(&m);
}

TEST(test_sim__a_fail_pattern_ends_the_run_after_the_rest_of_the_message)
{
	struct sim_matcher m;
	struct sim_result res;
	const char *expect[] = { "^never$", NULL };
	CHECK_INT_EQ(run_sh("echo $$ > pid; echo 'Caught cap fault in send phase at address 0x0'; sleep 0.1; "
			    "echo 'while trying to handle:'; exec sleep 30",
			    expect, sim_default_fail_patterns, 20, &m, &res),
		     0);
	CHECK_INT_EQ(res.outcome, SIM_FAILED);
	CHECK_STR_EQ(m.failed_by, "^Caught ");
	char *log = read_tmp("serial.log");
	CHECK_STR_CONTAINS(log, "while trying to handle:");
	free(log);
	CHECK(gone(pid_in("pid")));
	sim_matcher_free(&m);
}

/* A root task whose main returns non-zero fails the run when selfe-start says so, long before
 * the timeout (20 s here; the emulator would idle for 30). */
TEST(test_sim__main_returning_non_zero_fails_at_once)
{
	struct sim_matcher m;
	struct sim_result res;
	const char *expect[] = { "^never$", NULL };
	time_t start = time(NULL);
	CHECK_INT_EQ(run_sh("echo 'main returned 3'; exec sleep 30", expect, sim_default_fail_patterns, 20, &m, &res), 0);
	CHECK_INT_EQ(res.outcome, SIM_FAILED);
	CHECK_STR_EQ(m.failed_by, "main returned -?[1-9]");
	CHECK(time(NULL) - start < 10);
	sim_matcher_free(&m);
}

TEST(test_sim__an_emulator_that_exits_reports_its_status)
{
	struct sim_matcher m;
	struct sim_result res;
	CHECK_INT_EQ(run_sh("echo bye; exit 3", NULL, NULL, 20, &m, &res), 0);
	CHECK_INT_EQ(res.outcome, SIM_EXITED);
	CHECK_INT_EQ(res.exit_status, 3);
	sim_matcher_free(&m);
	const char *expect[] = { "^never$", NULL };
	CHECK_INT_EQ(run_sh("kill -KILL $$", expect, NULL, 20, &m, &res), 0);
	CHECK_INT_EQ(res.outcome, SIM_EXITED);
	CHECK_INT_EQ(res.exit_status, -1);
	CHECK_INT_EQ(res.term_signal, SIGKILL);
	sim_matcher_free(&m);
}

TEST(test_sim__output_without_a_final_newline_is_matched_at_exit)
{
	struct sim_matcher m;
	struct sim_result res;
	const char *expect[] = { "^halting\\.\\.\\.$", NULL };
	CHECK_INT_EQ(run_sh("printf 'halting...'", expect, NULL, 20, &m, &res), 0);
	CHECK_INT_EQ(res.outcome, SIM_PASSED);
	sim_matcher_free(&m);
}

TEST(test_sim__the_emulator_gets_no_terminal_input)
{
	struct sim_matcher m;
	struct sim_result res;
	const char *expect[] = { "^read ended: 1$", NULL };
	CHECK_INT_EQ(run_sh("read line; echo \"read ended: $?\"", expect, NULL, 20, &m, &res), 0);
	CHECK_INT_EQ(res.outcome, SIM_PASSED);
	sim_matcher_free(&m);
}

TEST(test_sim__a_missing_emulator_is_reported)
{
	struct sim_matcher m;
	struct sim_result res;
	CHECK_INT_EQ(sim_matcher_init(&m, NULL, 0, NULL, 0), 0);
	const char *argv[] = { "selfe-no-such-qemu", NULL };
	struct sim_run_request req = { .argv = argv, .echo_fd = -1, .timeout = 5, .stop_grace = 0.3 };
	struct sb err = SB_INIT;
	diag_capture(&err);
	CHECK_INT_EQ(sim_run(&req, &m, &res), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&err), "cannot run selfe-no-such-qemu");
	sb_release(&err);
	sim_matcher_free(&m);
}

/* SeaBIOS's terminal escapes (reset, wrap off, clear, colours) are dropped from the echo, split
 * across reads or not, and kept in the log; QEMU's stderr is kept for the caller. */
TEST(test_sim__escape_sequences_stay_out_of_the_echo_but_in_the_log)
{
	struct sim_matcher m;
	struct sim_result res;
	const char *expect[] = { "^done$", NULL };
	CHECK_INT_EQ(sim_matcher_init(&m, expect, 1, NULL, 0), 0);
	const char *argv[] = { "sh", "-c",
			       "printf '\\033c\\033[?7l\\033[2J\\033[0mSeaBIOS\\n'; sleep 0.1; printf '\\033['; sleep 0.1; "
			       "printf '1;31mred\\033[0m\\n'; echo 'to stderr' >&2; echo done",
			       NULL };
	FILE *echo = fopen(tmp("echo.txt"), "w");
	CHECK(echo != NULL);
	struct sb messages = SB_INIT;
	struct sim_run_request req = { .argv = argv, .log_path = tmp("esc.log"), .echo_fd = echo ? fileno(echo) : -1,
				       .timeout = 10, .stop_grace = 0.3, .messages = &messages };
	CHECK_INT_EQ(sim_run(&req, &m, &res), 0);
	if (echo)
		fclose(echo);
	CHECK_INT_EQ(res.outcome, SIM_PASSED);
	char *shown = read_tmp("echo.txt"), *log = read_tmp("esc.log");
	CHECK_STR_EQ(shown, "SeaBIOS\nred\ndone\n");
	CHECK_STR_CONTAINS(log, "\033[2J\033[0mSeaBIOS");
	CHECK_STR_EQ(sb_str(&messages), "to stderr\n");
	free(shown);
	free(log);
	sb_release(&messages);
	sim_matcher_free(&m);
}

TEST(test_sim__zz_cleanup)
{
	if (dir[0])
		CHECK_INT_EQ(fs_remove_tree(dir), 0);
}
