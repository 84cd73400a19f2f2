/* SPDX-License-Identifier: BSD-2-Clause */
/* Running a project in QEMU: build, boot, and judge the run by what its output shows. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "project/project.h"
#include "sim/sim.h"

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

static void say_still_expected(const struct sim_matcher *m)
{
	diag_note(NULL, "still expected, in order (%zu of %zu seen):", m->seen, m->nexpect);
	for (size_t i = m->seen; i < m->nexpect; i++)
		fprintf(stderr, "    %s\n", m->expect_src[i]);
}

/* Turn the run's outcome into a message and an exit status. */
static enum project_verdict judge(const struct sim_result *res, const struct sim_matcher *m, const struct project_run *req,
		 const char *log_path, bool printing)
{
	switch (res->outcome) {
	case SIM_PASSED:
		if (m->nexpect)
			diag_info("pass: all %zu expected lines seen in %.1f s", m->nexpect, res->seconds);
		else
			diag_info("pass: QEMU exited with status 0 after %.1f s", res->seconds);
		return PROJECT_PASS;
	case SIM_FAILED:
		diag_error(NULL, "the run failed: a line matched the fail pattern '%s' after %.1f s", m->failed_by, res->seconds);
		diag_note(NULL, "the line: %s", m->fail_line);
		diag_note(NULL, "the whole output is in %s", log_path);
		return PROJECT_FAIL;
	case SIM_TIMED_OUT:
		if (req->boot_only && !printing) {
			diag_info("pass: booted and still running after %.1f s (output not checked: the kernel does not print)",
				  res->seconds);
			return PROJECT_PASS;
		}
		if (m->nexpect) {
			diag_error(NULL, "timed out after %.1f s waiting for '%s'", res->seconds, m->expect_src[m->seen]);
			say_still_expected(m);
		} else {
			diag_error(NULL, "timed out after %.1f s: QEMU was still running", res->seconds);
		}
		diag_note(NULL, "the whole output is in %s", log_path);
		return PROJECT_FAIL;
	case SIM_EXITED:
		if (m->nexpect) {
			diag_error(NULL, "QEMU ended (%s %d) before '%s' was seen", res->exit_status >= 0 ? "status" : "signal",
				   res->exit_status >= 0 ? res->exit_status : res->term_signal, m->expect_src[m->seen]);
			say_still_expected(m);
			return PROJECT_FAIL;
		}
		if (res->exit_status == 0 && !req->boot_only) {
			diag_info("pass: QEMU exited with status 0 after %.1f s", res->seconds);
			return PROJECT_PASS;
		}
		if (res->exit_status >= 0)
			diag_error(NULL, "QEMU exited with status %d after %.1f s", res->exit_status, res->seconds);
		else
			diag_error(NULL, "QEMU was killed by signal %d after %.1f s", res->term_signal, res->seconds);
		if (req->boot_only)
			diag_note(NULL, "a kernel that does not print should keep running; QEMU ends on a triple fault (-no-reboot)");
		return PROJECT_FAIL;
	case SIM_INTERRUPTED:
		diag_error(NULL, "interrupted after %.1f s; QEMU stopped", res->seconds);
		return PROJECT_FAIL;
	}
	return PROJECT_TROUBLE;
}

enum project_verdict project_simulate(struct project *p, const struct project_run *req)
{
	struct arena *a = p->a;
	const char *kimg, *rimg;
	if (!project_can_boot(p) || project_check(p, true) || project_prepare(p, true) || project_root_task(p) || project_images(p, &kimg, &rimg))
		return PROJECT_TROUBLE;
	const struct json_value *config = kernel_config_read(a, p->kernel.config_json);
	if (!config)
		return PROJECT_TROUBLE;
	struct sim_pc99_request q = {
		.qemu = p->arch->qemu,
		.machine = p->platform ? p->platform->qemu_machine : NULL,
		.config = config,
		.config_path = p->kernel.config_json,
		.kernel_image = kimg,
		.root_image = rimg,
		.memory_mib = p->m->simulate.memory > 0 ? p->m->simulate.memory : CFG_SIMULATE_DEFAULT_MEMORY,
		.serial_override = req->serial_override,
		.gdb_port = req->gdb_port,
		.extra = req->extra,
		.nextra = req->nextra,
	};
	/* ARM and RISC-V: one image from selfe's loader (no root image beside it). */
	struct sim_loader_request lq = {
		.platform = p->r->sel.platform,
		.sel4_arch = p->r->sel.sel4_arch,
		.qemu = p->arch->qemu,
		.machine = p->platform ? p->platform->qemu_machine : NULL,
		.facts = plat_loader_qemu(p->r->sel.platform, p->r->sel.sel4_arch),
		.config = config,
		.config_path = p->kernel.config_json,
		.image = kimg,
		.memory_mib = p->m->simulate.memory,
		.serial_override = req->serial_override,
		.gdb_port = req->gdb_port,
		.extra = req->extra,
		.nextra = req->nextra,
	};
	const char **argv = rimg ? sim_pc99_argv(a, &q) : sim_loader_argv(a, &lq);
	if (!argv)
		return PROJECT_TROUBLE;
	/* A root task whose runtime drives the UART itself is checkable on any kernel. */
	bool printing = kernel_config_bool(config, "PRINTING") || sim_has_runtime_console(p->image);

	/* Fail patterns: the defaults, then the user's. */
	const char **fail = NULL;
	size_t nfail = 0, cap = 0;
	for (size_t i = 0; sim_default_fail_patterns[i]; i++)
		sim_argv_add(a, &fail, &nfail, &cap, sim_default_fail_patterns[i]);
	for (size_t i = 0; i < req->nfail; i++)
		sim_argv_add(a, &fail, &nfail, &cap, req->fail[i]);
	const char *const *expect = req->expect;
	size_t nexpect = req->nexpect;
	if (req->boot_only && !printing) {
		diag_info("%s-%s: neither the kernel (KernelPrinting is off) nor the root task prints, so its output cannot be checked; "
			  "checking instead that it boots and keeps running for %.0f s",
			  p->r->sel.platform, cfg_profile_name(p->r->sel.profile), req->timeout);
		nexpect = 0;
	}
	struct sim_matcher m;
	if (sim_matcher_init(&m, expect, nexpect, fail, nfail))
		return PROJECT_TROUBLE;

	if (p->opt.verbose)
		print_command(argv);
	if (req->gdb_port > 0) {
		diag_info("QEMU waits for a debugger on TCP port %d; attach with:", req->gdb_port);
		diag_info("  gdb -ex 'target remote localhost:%d' %s", req->gdb_port, p->kernel.elf);
	}
	const char *log_path = arena_printf(a, "%s/serial.log", p->target);
	struct sb qemu_messages = SB_INIT;
	struct sim_run_request run = {
		.argv = argv,
		.log_path = log_path,
		.echo_fd = STDOUT_FILENO,
		.timeout = req->timeout,
		.fail_grace = 0.5,
		.stop_grace = 2.0,
		.pass_terminal = isatty(STDIN_FILENO) != 0,
		.messages = &qemu_messages,
		.echo_escapes = p->opt.verbose,
	};
	fflush(stdout);
	struct sim_result res;
	enum project_verdict status = PROJECT_TROUBLE;
	if (sim_run(&run, &m, &res) == 0) {
		if (res.mid_line) /* so that what selfe says next starts a line of its own */
			putchar('\n');
		fflush(stdout);
		/* QEMU refusing the -cpu the kernel's configuration asked for is not the program's
		 * failure: name the kernel option behind each feature. */
		if (res.outcome == SIM_EXITED && sim_pc99_explain_refusal(sb_str(&qemu_messages), p->r->sel.platform) > 0) {
			status = PROJECT_TROUBLE;
		} else {
			status = judge(&res, &m, req, log_path, printing);
			if (status == PROJECT_FAIL)
				sim_symbolize_log(a, log_path, p->image, p->cross_prefix);
		}
	}
	sb_release(&qemu_messages);
	sim_matcher_free(&m);
	return status;
}

