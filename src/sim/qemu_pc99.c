/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The QEMU command line for pc99.  The CPU QEMU emulates must offer what the kernel was
 * configured to use, and nothing the kernel would trip over, so the -cpu flags are derived from
 * the kernel build's own gen_config.json.  `enforce` makes QEMU refuse to start, with a message
 * naming the feature, when it cannot provide one (TCG has no INVPCID, for example) instead of
 * booting a kernel that then stops.
 */
#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "util/diag.h"
#include "util/fs.h"
#include "kernel/kernel.h"
#include "util/json_read.h"

const char *sim_pc99_cpu(struct arena *a, const char *path, const struct json_value *cfg)
{
	if (!kernel_config_bool(cfg, "ARCH_X86"))
		return diag_error(&(struct loc){ path, 1, 1 }, "not an x86 kernel configuration (ARCH_X86 is not set)"), NULL;
	struct sb s = SB_INIT;
	/* Nehalem offers everything a default x86_64 kernel needs and runs under TCG; the
	 * virtual-8086 extensions (vme) are of no use to seL4 and are turned off. */
	sb_adds(&s, "Nehalem,-vme");
	/* 1 GiB pages (the kernel's huge-page option) are the pdpe1gb feature. */
	sb_adds(&s, kernel_config_bool(cfg, "HUGE_PAGE") ? ",+pdpe1gb" : ",-pdpe1gb");
	if (kernel_config_bool(cfg, "XSAVE")) {
		/* The kernel turns OSXSAVE on; QEMU 7.2 was seen to hang at that CR4 write unless
		 * xsaveopt is offered too, so it always is. */
		sb_adds(&s, ",+xsave,+xsaveopt");
		if (kernel_config_bool(cfg, "XSAVE_XSAVEC"))
			sb_adds(&s, ",+xsavec");
		if (kernel_config_bool(cfg, "XSAVE_XSAVES"))
			sb_adds(&s, ",+xsaves");
	} else {
		sb_adds(&s, ",-xsave,-xsaveopt,-xsavec");
	}
	if (kernel_config_bool(cfg, "FSGSBASE_INST"))
		sb_adds(&s, ",+fsgsbase");
	sb_adds(&s, kernel_config_bool(cfg, "SUPPORT_PCID") ? ",+pcid,+invpcid" : ",-invpcid");
	if (kernel_config_bool(cfg, "VTX"))
		sb_adds(&s, ",+vmx");
	if (kernel_config_bool(cfg, "SYSCALL"))
		sb_adds(&s, ",+syscall");
	if (kernel_config_bool(cfg, "ARCH_X86_64"))
		sb_adds(&s, ",+lm");
	sb_adds(&s, ",enforce");
	const char *cpu = arena_strdup(a, sb_str(&s));
	sb_release(&s);
	return cpu;
}

/* Split on spaces (runs of them), as --serial-override is documented to. */
static void add_words(struct arena *a, const char ***v, size_t *n, size_t *cap, const char *text)
{
	const char *p = text;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *start = p;
		while (*p && *p != ' ')
			p++;
		if (p > start) {
			*v = arena_grow(a, *v, cap, *n + 2, sizeof(**v));
			(*v)[(*n)++] = arena_strndup(a, start, (size_t)(p - start));
		}
	}
}

static void add(struct arena *a, const char ***v, size_t *n, size_t *cap, const char *word)
{
	*v = arena_grow(a, *v, cap, *n + 2, sizeof(**v));
	(*v)[(*n)++] = word;
}

const char **sim_pc99_argv(struct arena *a, const struct sim_pc99_request *req)
{
	const char *cpu = sim_pc99_cpu(a, req->config_path, req->config);
	if (!cpu)
		return NULL;
	const char **v = NULL;
	size_t n = 0, cap = 0;
	add(a, &v, &n, &cap, req->qemu);
	if (req->machine) {
		add(a, &v, &n, &cap, "-machine");
		add(a, &v, &n, &cap, req->machine);
	}
	add(a, &v, &n, &cap, "-cpu");
	add(a, &v, &n, &cap, cpu);
	if (req->serial_override)
		add_words(a, &v, &n, &cap, req->serial_override);
	else
		add_words(a, &v, &n, &cap, "-nographic -serial mon:stdio");
	add(a, &v, &n, &cap, "-m");
	add(a, &v, &n, &cap, arena_printf(a, "size=%lldM", (long long)req->memory_mib));
	/* A triple fault would otherwise reboot into the same failure forever: end QEMU instead,
	 * so that the run ends with it. */
	add(a, &v, &n, &cap, "-no-reboot");
	if (req->gdb_port > 0) {
		add(a, &v, &n, &cap, "-gdb");
		add(a, &v, &n, &cap, arena_printf(a, "tcp::%d", req->gdb_port));
		add(a, &v, &n, &cap, "-S");
	}
	add(a, &v, &n, &cap, "-kernel");
	add(a, &v, &n, &cap, req->kernel_image);
	add(a, &v, &n, &cap, "-initrd");
	add(a, &v, &n, &cap, req->root_image);
	for (size_t i = 0; i < req->nextra; i++)
		add(a, &v, &n, &cap, req->extra[i]);
	v[n] = NULL;
	return v;
}
