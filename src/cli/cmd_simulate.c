/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe simulate: build, then boot the kernel and root task in QEMU and judge the run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sim/sim.h"

static const char usage[] =
	"usage: selfe simulate [selection] [--source DIR] [--serial-override ARGS] [--gdb[=PORT]]\n"
	"                      [--timeout S] [--expect REGEX]... [--fail REGEX]... [-- QEMU ARGS]\n"
	"\n"
	"Builds what `selfe build` builds (only what changed), then boots the kernel and the root\n"
	"task in QEMU (pc99 by multiboot; sabre, qemu-arm-virt and qemu-riscv-virt through selfe's loader).\n"
	"Serial output is shown and kept in target/selfe/PLATFORM-PROFILE/serial.log.\n"
	"\n"
	"  --source DIR            the seL4 tree (default: $SEL4_SOURCE, else the config's kernel source)\n"
	"  --serial-override ARGS  QEMU options to use instead of \"-nographic -serial mon:stdio\"\n"
	"                          (split on spaces)\n"
	"  --gdb[=PORT]            QEMU waits for a debugger on TCP PORT (default 1234)\n"
	"  --timeout S             stop after S seconds and fail (default: no limit)\n"
	"  --expect REGEX          a line that must appear (POSIX extended regular expression);\n"
	"                          repeat for lines in order: once all are seen, QEMU is stopped and\n"
	"                          the run passes\n"
	"  --fail REGEX            a line that fails the run at once; added to the kernel's fault,\n"
	"                          failure and assertion messages and selfe-runtime's \"panic: \"\n"
	"  -- QEMU ARGS            appended to QEMU's command line\n"
	"\n"
	"Without --expect the run lasts until QEMU exits (0 when it exits with status 0).\n"
	"Exit status: 0 pass, 1 a fail pattern, a timeout or an unmet expectation, 2 could not run.\n"
	"\n" CLI_COMMON_USAGE;

enum { OPT_SERIAL = OPT_FIRST_OWN_OPTION, OPT_GDB, OPT_TIMEOUT, OPT_EXPECT, OPT_FAIL };

struct simulate_args {
	struct arena *a;
	struct project_run req;
	size_t cap_expect, cap_fail;
};

static int simulate_option(int opt, const char *arg, void *ctx)
{
	struct simulate_args *s = ctx;
	switch (opt) {
	case OPT_SERIAL:
		s->req.serial_override = arg;
		break;
	case OPT_GDB: {
		char *end;
		long port = arg ? strtol(arg, &end, 10) : 1234;
		if (arg && (end == arg || *end || port <= 0 || port > 65535))
			return cli_usage_error(usage, "--gdb=PORT needs a TCP port (1-65535), not '%s'", arg);
		s->req.gdb_port = (int)port;
		break;
	}
	case OPT_TIMEOUT:
		if (cli_parse_timeout(arg, &s->req.timeout))
			return cli_usage_error(usage, "--timeout needs a positive number of seconds, not '%s'", arg);
		break;
	case OPT_EXPECT:
		sim_argv_add(s->a, (const char ***)&s->req.expect, &s->req.nexpect, &s->cap_expect, arg);
		break;
	case OPT_FAIL:
		sim_argv_add(s->a, (const char ***)&s->req.fail, &s->req.nfail, &s->cap_fail, arg);
		break;
	default:
		return cli_usage_error(usage, "unknown option");
	}
	return -1;
}

int cmd_simulate(int argc, char **argv)
{
	static const struct option options[] = {
		CLI_COMMON_LONG_OPTIONS,
		CLI_SOURCE_OPTION,
		{ "serial-override", required_argument, NULL, OPT_SERIAL },
		{ "gdb", optional_argument, NULL, OPT_GDB },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "expect", required_argument, NULL, OPT_EXPECT },
		{ "fail", required_argument, NULL, OPT_FAIL },
		{ NULL, 0, NULL, 0 },
	};
	struct arena *a = arena_new();
	struct simulate_args s;
	memset(&s, 0, sizeof(s));
	s.a = a;
	struct project_options o;
	project_options_init(&o);
	char **extra;
	int nextra;
	int status = cli_parse(&o, argc, argv, options, NULL, usage, simulate_option, &s, &extra, &nextra);
	s.req.extra = (const char *const *)extra;
	s.req.nextra = (size_t)nextra;
	struct project p;
	if (status < 0)
		status = project_open(a, &o, &p) == 0 ? cli_verdict_status(project_simulate(&p, &s.req)) : EXIT_TROUBLE;
	arena_free(a);
	return status;
}
