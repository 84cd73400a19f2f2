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

const char **sim_pc99_argv(struct arena *a, const struct sim_pc99_request *req)
{
	const char *cpu = sim_pc99_cpu(a, req->config_path, req->config);
	if (!cpu)
		return NULL;
	const char **v = NULL;
	size_t n = 0, cap = 0;
	sim_argv_add(a, &v, &n, &cap, req->qemu);
	if (req->machine) {
		sim_argv_add(a, &v, &n, &cap, "-machine");
		sim_argv_add(a, &v, &n, &cap, req->machine);
	}
	sim_argv_add(a, &v, &n, &cap, "-cpu");
	sim_argv_add(a, &v, &n, &cap, cpu);
	if (req->serial_override)
		sim_argv_add_words(a, &v, &n, &cap, req->serial_override);
	else
		sim_argv_add_words(a, &v, &n, &cap, "-nographic -serial mon:stdio");
	sim_argv_add(a, &v, &n, &cap, "-m");
	sim_argv_add(a, &v, &n, &cap, arena_printf(a, "size=%lldM", (long long)req->memory_mib));
	/* A triple fault would otherwise reboot into the same failure forever: end QEMU instead,
	 * so that the run ends with it. */
	sim_argv_add(a, &v, &n, &cap, "-no-reboot");
	if (req->gdb_port > 0) {
		sim_argv_add(a, &v, &n, &cap, "-gdb");
		sim_argv_add(a, &v, &n, &cap, arena_printf(a, "tcp::%d", req->gdb_port));
		sim_argv_add(a, &v, &n, &cap, "-S");
	}
	sim_argv_add(a, &v, &n, &cap, "-kernel");
	sim_argv_add(a, &v, &n, &cap, req->kernel_image);
	sim_argv_add(a, &v, &n, &cap, "-initrd");
	sim_argv_add(a, &v, &n, &cap, req->root_image);
	for (size_t i = 0; i < req->nextra; i++)
		sim_argv_add(a, &v, &n, &cap, req->extra[i]);
	return v;
}

/* Each -cpu feature sim_pc99_cpu can ask for, and the kernel option that makes it ask (the
 * setting that turns the need off).  QEMU names a feature by its CPUID flag. */
static const struct {
	const char *feature, *option, *fix;
} feature_options[] = {
	{ "pcid", "KernelSupportPCID", "KernelSupportPCID = false" },
	{ "invpcid", "KernelSupportPCID", "KernelSupportPCID = false" },
	{ "xsave", "KernelFPU", "KernelFPU = \"FXSAVE\"" },
	{ "xsaveopt", "KernelFPU", "KernelFPU = \"FXSAVE\"" },
	{ "xsavec", "KernelXSave", "KernelXSave = \"XSAVEOPT\" (or KernelFPU = \"FXSAVE\")" },
	{ "xsaves", "KernelXSave", "KernelXSave = \"XSAVEOPT\" (or KernelFPU = \"FXSAVE\")" },
	{ "fsgsbase", "KernelFSGSBase", "KernelFSGSBase = \"msr\"" },
	{ "pdpe1gb", "KernelHugePage", "KernelHugePage = false" },
	{ "vmx", "KernelVTX", "KernelVTX = false" },
	{ "syscall", "KernelSyscall", "KernelSyscall = \"sysenter\" (a 32-bit kernel)" },
	{ "lm", "KernelSel4Arch", "boot a 64-bit kernel with qemu-system-x86_64" },
};

int sim_pc99_explain_refusal(const char *qemu_messages, const char *platform)
{
	/* QEMU 7.2: "warning: TCG doesn't support requested feature: CPUID.07H:EBX.invpcid [bit 10]",
	 * one line per feature, then "TCG doesn't support requested features" (KVM words it as
	 * "host doesn't support requested feature"). */
	static const char marker[] = "support requested feature: ";
	int found = 0;
	for (const char *p = qemu_messages ? strstr(qemu_messages, marker) : NULL; p; p = strstr(p, marker)) {
		p += strlen(marker);
		size_t len = strcspn(p, " \n");
		const char *flag = p;
		for (size_t i = 0; i < len; i++)
			if (p[i] == '.')
				flag = p + i + 1;
		size_t flen = len - (size_t)(flag - p);
		const char *option = NULL, *fix = NULL;
		for (size_t i = 0; i < sizeof(feature_options) / sizeof(feature_options[0]); i++)
			if (strlen(feature_options[i].feature) == flen && !strncmp(feature_options[i].feature, flag, flen)) {
				option = feature_options[i].option;
				fix = feature_options[i].fix;
			}
		found++;
		if (option) {
			diag_error(NULL, "QEMU cannot offer the CPU feature '%.*s' (%.*s), which the kernel uses because of %s", (int)flen,
				   flag, (int)len, p, option);
			diag_note(NULL, "set %s in [sel4.config.%s], or run where QEMU can offer it (KVM on a CPU that has it)", fix,
				  platform);
		} else {
			diag_error(NULL, "QEMU cannot offer the CPU feature '%.*s' (%.*s) that selfe asked for", (int)flen, flag,
				   (int)len, p);
		}
	}
	return found;
}
