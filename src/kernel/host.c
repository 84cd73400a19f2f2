/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the kernel's own build needs from the host, checked before CMake runs so that every
 * missing piece is named at once, with the command that installs it.
 *
 * Facts (seL4 16.0.0): the build runs Python scripts that import jinja2, ply, lxml and yaml;
 * platforms described by a device tree (ARM, RISC-V) also run dtc and a script importing pyfdt,
 * which Debian does not package; qemu-arm-virt and qemu-riscv-virt extract their device tree
 * from QEMU itself at configure time (qemu-system-aarch64 / qemu-system-riscv64).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"
#include "platform/platform.h"
#include "util/diag.h"
#include "util/proc.h"
#include "util/sb.h"

struct module {
	const char *name;   /* Python import name */
	const char *remedy; /* how to get it */
};

static const struct module base_modules[] = {
	{ "jinja2", "apt-get install python3-jinja2" },
	{ "ply", "apt-get install python3-ply" },
	{ "lxml", "apt-get install python3-lxml" },
	{ "yaml", "apt-get install python3-yaml" },
};
static const struct module fdt_module = { "pyfdt", "pip install pyfdt (Debian has no package for it)" };

static bool uses_device_tree(const char *arch)
{
	return !strcmp(arch, "arm") || !strcmp(arch, "riscv");
}

/* The modules `python` cannot import, space-separated ("" when all are there); NULL when the
 * interpreter does not run. */
static char *missing_modules(struct arena *a, const char *python, const char *const *mods)
{
	struct sb script = SB_INIT, out = SB_INIT;
	sb_adds(&script, "import importlib.util\nfor m in [");
	for (size_t i = 0; mods[i]; i++)
		sb_addf(&script, "%s'%s'", i ? ", " : "", mods[i]);
	sb_adds(&script, "]:\n    if importlib.util.find_spec(m) is None: print(m)\n");
	const char *argv[] = { python, "-c", sb_str(&script), NULL };
	/* a failing interpreter is not an error here: the next candidate is tried */
	struct sb ignored = SB_INIT;
	diag_capture(&ignored);
	int rc = proc_run(argv, &out);
	diag_capture(NULL);
	sb_release(&ignored);
	char *r = rc == 0 ? arena_strdup(a, sb_str(&out)) : NULL;
	for (char *p = r; p && *p; p++)
		if (*p == '\n')
			*p = ' ';
	sb_release(&script);
	sb_release(&out);
	return r;
}

/*
 * The first candidate that has every module; else the first that runs, with what it lacks.
 * Candidates: $SELFE_PYTHON, /usr/bin/python3 (Debian's, where apt-get installs modules), then
 * the python3 on PATH (which may be a pyenv build without them).
 */
static const char *pick_python(struct arena *a, const char *const *mods, const char **lacking)
{
	const char *env = getenv("SELFE_PYTHON");
	const char *candidates[] = { env && *env ? env : NULL, "/usr/bin/python3", "python3" };
	const char *first = NULL;
	*lacking = NULL;
	for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++) {
		if (!candidates[i] || !proc_exists(candidates[i]))
			continue;
		char *missing = missing_modules(a, candidates[i], mods);
		if (!missing)
			continue;
		if (!*missing)
			return candidates[i];
		if (!first) {
			first = candidates[i];
			*lacking = missing;
		}
	}
	return first;
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
	int rc = 0;
	rc |= need_program("cmake", "apt-get install cmake");
	rc |= need_program("ninja", "apt-get install ninja-build");
	const char *cc = arena_printf(a, "%sgcc", req->cross_prefix);
	if (!proc_exists(cc)) {
		rc = diag_error(NULL, "the kernel build needs '%s', which is not installed", cc);
		plat_note_missing_compiler(cc, sel->sel4_arch);
	}
	const char *mods[8];
	size_t n = 0;
	for (size_t i = 0; i < sizeof(base_modules) / sizeof(base_modules[0]); i++)
		mods[n++] = base_modules[i].name;
	if (uses_device_tree(sel->arch)) {
		mods[n++] = fdt_module.name;
		rc |= need_program("dtc", "apt-get install device-tree-compiler");
	}
	mods[n] = NULL;
	/* The qemu-* platforms' configure dumps their device tree from QEMU itself. */
	const struct cfg_resolved_item *kp = cfg_resolved_get(&req->r->config, "KernelPlatform");
	const char *kplat = kp && kp->value.kind == CFG_STRING ? kp->value.s : sel->platform;
	const struct plat_arch *pa = plat_arch(sel->sel4_arch);
	if (pa && pa->qemu && !strncmp(kplat, "qemu-", 5))
		rc |= need_program(pa->qemu, arena_printf(a, "apt-get install %s (the kernel's configure reads the device tree from QEMU)",
							   pa->qemu_package));
	const char *lacking;
	*python = pick_python(a, mods, &lacking);
	if (!*python) {
		diag_error(NULL, "the kernel build needs Python 3, which is not installed");
		diag_note(NULL, "apt-get install python3");
		return -1;
	}
	if (lacking) {
		/* one message per module, naming the interpreter that was asked */
		char *save = NULL;
		for (char *m = strtok_r((char *)lacking, " ", &save); m; m = strtok_r(NULL, " ", &save)) {
			const char *remedy = "";
			for (size_t i = 0; i < sizeof(base_modules) / sizeof(base_modules[0]); i++)
				if (!strcmp(base_modules[i].name, m))
					remedy = base_modules[i].remedy;
			if (!strcmp(m, fdt_module.name))
				remedy = fdt_module.remedy;
			diag_error(NULL, "the kernel build for %s needs the Python module '%s', which %s cannot import", sel->platform,
				   m, *python);
			diag_note(NULL, "%s; or set SELFE_PYTHON to an interpreter that has it", remedy);
		}
		rc = -1;
	}
	return rc ? -1 : 0;
}
