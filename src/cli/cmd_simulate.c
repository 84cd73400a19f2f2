/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe simulate: build, then boot the kernel and root task in QEMU and judge the run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "sim/sim.h"
#include "util/fs.h"
#include "util/json_read.h"
#include "util/path.h"

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
	struct cli_simulate_request req;
	struct libsel4_plan plan;
	size_t cap_expect, cap_fail;
};

int cli_parse_timeout(const char *arg, double *out)
{
	char *end;
	double t = strtod(arg, &end);
	if (end == arg || *end || !(t > 0) || t > 1e7)
		return -1;
	*out = t;
	return 0;
}

static void push(struct arena *a, const char ***v, size_t *n, size_t *cap, const char *s)
{
	*v = arena_grow(a, *v, cap, *n + 1, sizeof(**v));
	(*v)[(*n)++] = s;
}

static int simulate_option(int opt, const char *arg, void *ctx)
{
	struct simulate_args *s = ctx;
	if (cli_plan_option(opt, arg, &s->plan))
		return -1;
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
		push(s->a, (const char ***)&s->req.expect, &s->req.nexpect, &s->cap_expect, arg);
		break;
	case OPT_FAIL:
		push(s->a, (const char ***)&s->req.fail, &s->req.nfail, &s->cap_fail, arg);
		break;
	default:
		return cli_usage_error(usage, "unknown option");
	}
	return -1;
}

int cli_split_dashdash(int argc, char **argv, const struct option *options, int *nextra)
{
	for (int i = 1; i < argc; i++) {
		const char *t = argv[i];
		if (!strcmp(t, "--")) {
			*nextra = argc - i - 1;
			return i;
		}
		if (t[0] != '-' || t[1] == '\0')
			return argc; /* not an option: cli_parse will refuse it */
		if (t[1] != '-') {
			/* Short options: only the selection's -p takes a value. */
			if (t[1] == 'p' && t[2] == '\0')
				i++;
			continue;
		}
		if (strchr(t, '='))
			continue;
		for (const struct option *o = options; o->name; o++)
			if (!strcmp(o->name, t + 2) && o->has_arg == required_argument)
				i++;
	}
	*nextra = 0;
	return argc;
}

/* Read one boolean of the kernel build's configuration (false when absent). */
static bool kernel_option(struct arena *a, const char *json_path, const char *key, bool *value)
{
	size_t len;
	char *text = fs_read_file(json_path, &len);
	if (!text)
		return false;
	const struct json_value *cfg = json_parse(a, json_path, text, len);
	free(text);
	const struct json_value *v = cfg ? json_get(cfg, key) : NULL;
	if (!v || v->kind != JSON_BOOL)
		return false;
	*value = v->b;
	return true;
}

static void print_command(const char *const *argv)
{
	for (size_t i = 0; argv[i]; i++) {
		const char *w = argv[i];
		bool plain = *w && strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=,.:/+@%") == strlen(w);
		fputs(i ? " " : "", stdout);
		if (plain) {
			fputs(w, stdout);
			continue;
		}
		putchar('\'');
		for (; *w; w++)
			fputs(*w == '\'' ? "'\\''" : (char[]){ *w, 0 }, stdout);
		putchar('\'');
	}
	putchar('\n');
	fflush(stdout);
}

/* pc99 boots by multiboot; ARM and RISC-V through selfe's loader, on the machines it knows. */
static int check_bootable(struct arena *a, struct cli_common *common)
{
	struct cfg_model *m = cli_load_config(a, common);
	struct cfg_resolved *r = m ? cfg_resolve(a, m, &common->sel) : NULL;
	if (!r)
		return -1;
	if (strcmp(r->sel.arch, "x86") != 0 && !sim_loader_platform_known(r->sel.platform, r->sel.sel4_arch)) {
		diag_error(NULL, "%s (%s) cannot be simulated: selfe knows no QEMU machine for it", r->sel.platform,
			   r->sel.sel4_arch);
		diag_note(NULL, "'selfe build -p %s' builds the kernel, the root task and the boot image", r->sel.platform);
		return -1;
	}
	return 0;
}

static void say_still_expected(const struct sim_matcher *m)
{
	diag_note(NULL, "still expected, in order (%zu of %zu seen):", m->seen, m->nexpect);
	for (size_t i = m->seen; i < m->nexpect; i++)
		fprintf(stderr, "    %s\n", m->expect_src[i]);
}

/* Turn the run's outcome into a message and an exit status. */
static int judge(const struct sim_result *res, const struct sim_matcher *m, const struct cli_simulate_request *req,
		 const char *log_path, bool printing)
{
	switch (res->outcome) {
	case SIM_PASSED:
		if (m->nexpect)
			diag_info("pass: all %zu expected lines seen in %.1f s", m->nexpect, res->seconds);
		else
			diag_info("pass: QEMU exited with status 0 after %.1f s", res->seconds);
		return 0;
	case SIM_FAILED:
		diag_error(NULL, "the run failed: a line matched the fail pattern '%s' after %.1f s", m->failed_by, res->seconds);
		diag_note(NULL, "the line: %s", m->fail_line);
		diag_note(NULL, "the whole output is in %s", log_path);
		return EXIT_CHECK_FAILED;
	case SIM_TIMED_OUT:
		if (req->boot_only && !printing) {
			diag_info("pass: booted and still running after %.1f s (output not checked: the kernel does not print)",
				  res->seconds);
			return 0;
		}
		if (m->nexpect) {
			diag_error(NULL, "timed out after %.1f s waiting for '%s'", res->seconds, m->expect_src[m->seen]);
			say_still_expected(m);
		} else {
			diag_error(NULL, "timed out after %.1f s: QEMU was still running", res->seconds);
		}
		diag_note(NULL, "the whole output is in %s", log_path);
		return EXIT_CHECK_FAILED;
	case SIM_EXITED:
		if (m->nexpect) {
			diag_error(NULL, "QEMU ended (%s %d) before '%s' was seen", res->exit_status >= 0 ? "status" : "signal",
				   res->exit_status >= 0 ? res->exit_status : res->term_signal, m->expect_src[m->seen]);
			say_still_expected(m);
			return EXIT_CHECK_FAILED;
		}
		if (res->exit_status == 0 && !req->boot_only) {
			diag_info("pass: QEMU exited with status 0 after %.1f s", res->seconds);
			return 0;
		}
		if (res->exit_status >= 0)
			diag_error(NULL, "QEMU exited with status %d after %.1f s", res->exit_status, res->seconds);
		else
			diag_error(NULL, "QEMU was killed by signal %d after %.1f s", res->term_signal, res->seconds);
		if (req->boot_only)
			diag_note(NULL, "a kernel that does not print should keep running; QEMU ends on a triple fault (-no-reboot)");
		return EXIT_CHECK_FAILED;
	case SIM_INTERRUPTED:
		diag_error(NULL, "interrupted after %.1f s; QEMU stopped", res->seconds);
		return EXIT_CHECK_FAILED;
	}
	return EXIT_TROUBLE;
}

int cli_simulate(struct arena *a, struct cli_common *common, const struct libsel4_plan *plan,
		 const struct cli_simulate_request *req)
{
	if (check_bootable(a, common))
		return EXIT_TROUBLE;
	struct cli_build b;
	const char *kimg, *rimg;
	if (cli_build_prepare(a, common, plan, true, &b) || cli_build_root_task(a, &b) ||
	    cli_build_images(a, &b, &kimg, &rimg))
		return EXIT_TROUBLE;
	const char *json = arena_printf(a, "%s/gen_config/kernel/gen_config.json", b.kernel.build_dir);
	struct sim_pc99_request q = {
		.gen_config_json = json,
		.kernel_image = kimg,
		.root_image = rimg,
		.memory_mib = b.m->simulate.memory > 0 ? b.m->simulate.memory : CFG_SIMULATE_DEFAULT_MEMORY,
		.serial_override = req->serial_override,
		.gdb_port = req->gdb_port,
		.extra = req->extra,
		.nextra = req->nextra,
	};
	struct sim_loader_request lq = {
		.platform = b.r->sel.platform,
		.sel4_arch = b.r->sel.sel4_arch,
		.gen_config_json = json,
		.image = kimg,
		.memory_mib = b.m->simulate.memory,
		.serial_override = req->serial_override,
		.gdb_port = req->gdb_port,
		.extra = req->extra,
		.nextra = req->nextra,
	};
	const char **argv = rimg ? sim_pc99_argv(a, &q) : sim_loader_argv(a, &lq);
	if (!argv)
		return EXIT_TROUBLE;
	bool printing = true;
	kernel_option(a, json, "PRINTING", &printing);

	/* Fail patterns: the defaults, then the user's. */
	const char **fail = NULL;
	size_t nfail = 0, cap = 0;
	for (size_t i = 0; sim_default_fail_patterns[i]; i++)
		push(a, &fail, &nfail, &cap, sim_default_fail_patterns[i]);
	for (size_t i = 0; i < req->nfail; i++)
		push(a, &fail, &nfail, &cap, req->fail[i]);
	const char *const *expect = req->expect;
	size_t nexpect = req->nexpect;
	if (req->boot_only && !printing) {
		diag_info("%s-%s: the kernel does not print (KernelPrinting is off), so its output cannot be checked; "
			  "checking instead that it boots and keeps running for %.0f s",
			  b.r->sel.platform, cfg_profile_name(b.r->sel.profile), req->timeout);
		nexpect = 0;
	}
	struct sim_matcher m;
	if (sim_matcher_init(&m, expect, nexpect, fail, nfail))
		return EXIT_TROUBLE;

	if (common->verbose)
		print_command(argv);
	if (req->gdb_port > 0) {
		diag_info("QEMU waits for a debugger on TCP port %d; attach with:", req->gdb_port);
		diag_info("  gdb -ex 'target remote localhost:%d' %s", req->gdb_port, b.kernel.elf);
	}
	const char *log_path = arena_printf(a, "%s/serial.log", b.target);
	struct sim_run_request run = {
		.argv = argv,
		.log_path = log_path,
		.echo_fd = STDOUT_FILENO,
		.timeout = req->timeout,
		.fail_grace = 0.5,
		.stop_grace = 2.0,
		.pass_terminal = isatty(STDIN_FILENO) != 0,
	};
	fflush(stdout);
	struct sim_result res;
	int status = EXIT_TROUBLE;
	if (sim_run(&run, &m, &res) == 0) {
		if (res.mid_line) /* so that what selfe says next starts a line of its own */
			putchar('\n');
		fflush(stdout);
		status = judge(&res, &m, req, log_path, printing);
	}
	sim_matcher_free(&m);
	return status;
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
	int nextra;
	int split = cli_split_dashdash(argc, argv, options, &nextra);
	s.req.extra = nextra ? (const char *const *)argv + split + 1 : NULL;
	s.req.nextra = (size_t)nextra;
	struct cli_common common;
	cli_common_init(&common);
	int status = cli_parse(&common, split, argv, options, NULL, usage, simulate_option, &s);
	if (status < 0)
		status = cli_simulate(a, &common, &s.plan, &s.req);
	arena_free(a);
	return status;
}
