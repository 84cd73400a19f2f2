/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe test: build and boot, judged by the [test] table of sel4.toml (for users' CI). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: selfe test [selection] [--source DIR] [--timeout S]\n"
	"\n"
	"Builds and boots like `selfe simulate`, judged by sel4.toml's [test] table:\n"
	"\n"
	"    [test]\n"
	"    expect = [\"^Hello\", \"all done$\"]  # lines that must appear, in order (POSIX ERE)\n"
	"    fail = [\"ERROR\"]                  # lines that fail the run (besides the kernel's\n"
	"                                      # fault messages and \"panic: \")\n"
	"    timeout = 60                      # seconds\n"
	"\n"
	"A kernel built without KernelPrinting (a release profile, usually) shows nothing on the\n"
	"serial line; for it the test checks that the system boots and is still running when the\n"
	"timeout ends.\n"
	"\n"
	"  --source DIR         the seL4 tree (default: $SEL4_SOURCE, else the config's kernel source)\n"
	"  --timeout S          instead of [test] timeout\n"
	"\n"
	"Exit status: 0 pass, 1 fail (a fail pattern, a timeout, an unmet expectation), 2 could not run.\n"
	"\n" CLI_COMMON_USAGE;

enum { OPT_TIMEOUT = OPT_FIRST_OWN_OPTION };

static int test_option(int opt, const char *arg, void *ctx)
{
	(void)opt; /* --timeout */
	if (cli_parse_timeout(arg, ctx))
		return cli_usage_error(usage, "--timeout needs a positive number of seconds, not '%s'", arg);
	return -1;
}

int cmd_test(int argc, char **argv)
{
	static const struct option options[] = {
		CLI_COMMON_LONG_OPTIONS,
		CLI_SOURCE_OPTION,
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ NULL, 0, NULL, 0 },
	};
	double timeout = 0;
	struct project_options o;
	project_options_init(&o);
	int status = cli_parse(&o, argc, argv, options, NULL, usage, test_option, &timeout, NULL, NULL);
	if (status >= 0)
		return status;
	struct arena *a = arena_new();
	struct project p;
	status = EXIT_TROUBLE;
	if (project_open(a, &o, &p) != 0) {
		/* reported */
	} else if (!p.m->test.present) {
		diag_error(&(struct loc){ p.m->path, 0, 0 }, "no [test] table: selfe test needs the lines a run must show");
		diag_note(NULL, "add [test] with expect = [\"...\"] (POSIX extended regular expressions, in order)");
	} else if (p.m->test.expect.n == 0) {
		diag_error(&p.m->test.at, "[test] has no expect: selfe test needs at least one line a run must show");
		diag_note(NULL, "add expect = [\"...\"] (POSIX extended regular expressions, in order)");
	} else {
		const struct cfg_test *t = &p.m->test;
		struct project_run req = {
			.timeout = timeout > 0 ? timeout : (double)(t->timeout > 0 ? t->timeout : CFG_TEST_DEFAULT_TIMEOUT),
			.expect = t->expect.v,
			.nexpect = t->expect.n,
			.fail = t->fail.v,
			.nfail = t->fail.n,
			.boot_only = true,
		};
		status = cli_verdict_status(project_simulate(&p, &req));
	}
	arena_free(a);
	return status;
}
