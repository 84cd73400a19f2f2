/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the kernel's own build needs from the host, checked before CMake runs so that every
 * missing piece is named at once, with the command that installs it.
 *
 * Facts (seL4 16.0.0): the build runs Python scripts (config_gen, bitfield_gen, the invocation
 * and syscall header generators, syscall_stub_gen, circular_includes and, for platforms
 * described by a device tree, hardware_gen); selfe answers every one of them natively through
 * its selfe-python shim (src/kernel/pytools.h), so no Python is needed (the native tools write
 * what 16.0.0's scripts write; another release's scripts go to the real interpreter).  The build
 * validates syscall.xml with xmllint; device-tree platforms run dtc, and qemu-arm-virt / qemu-riscv-virt
 * extract their device tree from QEMU itself at configure time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"
#include "platform/platform.h"
#include "util/diag.h"
#include "util/proc.h"
#include "util/sb.h"

bool kernel_uses_device_tree(const char *arch)
{
	return !strcmp(arch, "arm") || !strcmp(arch, "riscv");
}

/*
 * The interpreter the shim hands a script it has no native tool for (none in seL4 16.0.0's
 * kernel build): $SELFE_PYTHON, else Debian's, else the one on PATH.  Only named, never
 * required: a build that needs it fails with the shim's message naming the script.
 */
static const char *fallback_python(void)
{
	const char *env = getenv("SELFE_PYTHON");
	if (env && *env)
		return env;
	return proc_exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

static int need_program(const char *program, const char *remedy)
{
	if (proc_exists(program))
		return 0;
	diag_error(NULL, "the kernel build needs '%s', which is not installed", program);
	diag_note(NULL, "%s", remedy);
	return -1;
}

int kernel_check_host(struct arena *a, const struct kernel_request *req, const char **python)
{
	const struct cfg_selection *sel = &req->r->sel;
	int rc = need_program("cmake", "apt-get install cmake");
	rc |= need_program("ninja", "apt-get install ninja-build");
	rc |= need_program("xmllint", "apt-get install libxml2-utils");
	const char *cc = arena_printf(a, "%sgcc", req->cross_prefix);
	if (!proc_exists(cc)) {
		rc = diag_error(NULL, "the kernel build needs '%s', which is not installed", cc);
		plat_note_missing_compiler(cc, sel->sel4_arch);
	}
	if (kernel_uses_device_tree(sel->arch))
		rc |= need_program("dtc", "apt-get install device-tree-compiler");
	/* The qemu-* platforms' configure dumps their device tree from QEMU itself. */
	const struct cfg_resolved_item *kp = cfg_resolved_get(&req->r->config, "KernelPlatform");
	const char *kplat = kp && kp->value.kind == CFG_STRING ? kp->value.s : sel->platform;
	const struct plat_arch *pa = plat_arch(sel->sel4_arch);
	if (pa && pa->qemu && !strncmp(kplat, "qemu-", 5))
		rc |= need_program(pa->qemu, arena_printf(a, "apt-get install %s (the kernel's configure reads the device tree from QEMU)",
							   pa->qemu_package));
	*python = fallback_python();
	return rc ? -1 : 0;
}
