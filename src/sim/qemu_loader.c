/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * QEMU command lines for the platforms that boot through selfe's loader, from the platform
 * table's facts (src/platform: binary, machine and its options, CPU, how much RAM the kernel was
 * built to expect -- its DTB was dumped from QEMU with that much: booting with less leaves the
 * kernel using RAM that is not there --, firmware, console) and the kernel's configuration
 * (cores, hypervisor mode, CPU).  The image is always QEMU's -kernel.
 */
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"
#include "sim.h"
#include "util/diag.h"
#include "util/json_read.h"
#include "util/path.h"

/* Debian's OpenSBI (package opensbi), else the copy QEMU ships. */
#define DEBIAN_OPENSBI "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin"

/* The kernel options the command line depends on. */
struct kernel_facts {
	long nodes;
	bool hyp;
	const char *cortex; /* "cortex-a53", from ARM_CORTEX_A53 = true */
};

static struct kernel_facts read_facts(struct arena *a, const struct json_value *cfg)
{
	const char *nodes = kernel_config_string(cfg, "MAX_NUM_NODES");
	const char *cortex = kernel_config_true_suffix(cfg, "ARM_CORTEX_");
	struct kernel_facts f = { nodes ? strtol(nodes, NULL, 10) : 1, kernel_config_bool(cfg, "ARM_HYPERVISOR_SUPPORT"), NULL };
	if (cortex) {
		char *c = arena_printf(a, "cortex-%s", cortex);
		for (char *p = c; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		f.cortex = c;
	}
	if (f.nodes < 1)
		f.nodes = 1;
	return f;
}

const char **sim_loader_argv(struct arena *a, const struct sim_loader_request *req)
{
	const struct plat_qemu *p = req->facts;
	if (!p || !req->qemu || !req->machine)
		return diag_error(NULL, "selfe cannot simulate %s (%s): no QEMU machine is known for it", req->platform,
				  req->sel4_arch),
		       NULL;
	struct kernel_facts f = read_facts(a, req->config);
	const char **v = NULL;
	size_t n = 0, cap = 0;
	sim_argv_add(a, &v, &n, &cap, req->qemu);
	sim_argv_add(a, &v, &n, &cap, "-machine");
	sim_argv_add(a, &v, &n, &cap,
	    arena_printf(a, "%s%s", req->machine, f.hyp && p->machine_options_hyp ? p->machine_options_hyp : p->machine_options));
	if (p->cpu) {
		const char *cpu = strcmp(p->cpu, "ARM_CORTEX") ? p->cpu : f.cortex;
		if (!cpu)
			return diag_error(&(struct loc){ req->config_path, 1, 1 }, "the kernel names no ARM_CORTEX_* CPU"), NULL;
		sim_argv_add(a, &v, &n, &cap, "-cpu");
		sim_argv_add(a, &v, &n, &cap, cpu);
	}
	if (f.nodes > 1) {
		sim_argv_add(a, &v, &n, &cap, "-smp");
		sim_argv_add(a, &v, &n, &cap, arena_printf(a, "%ld", f.nodes));
	}
	sim_argv_add_words(a, &v, &n, &cap, req->serial_override ? req->serial_override : p->serial);
	sim_argv_add(a, &v, &n, &cap, "-m");
	sim_argv_add(a, &v, &n, &cap, arena_printf(a, "size=%lldM", (long long)(req->memory_mib > 0 ? req->memory_mib : p->memory_mib)));
	sim_argv_add(a, &v, &n, &cap, "-no-reboot");
	if (p->opensbi) {
		sim_argv_add(a, &v, &n, &cap, "-bios");
		sim_argv_add(a, &v, &n, &cap, path_is_file(DEBIAN_OPENSBI) ? DEBIAN_OPENSBI : "default");
	}
	if (req->gdb_port > 0) {
		sim_argv_add(a, &v, &n, &cap, "-gdb");
		sim_argv_add(a, &v, &n, &cap, arena_printf(a, "tcp::%d", req->gdb_port));
		sim_argv_add(a, &v, &n, &cap, "-S");
	}
	sim_argv_add(a, &v, &n, &cap, "-kernel");
	sim_argv_add(a, &v, &n, &cap, req->image);
	for (size_t i = 0; i < req->nextra; i++)
		sim_argv_add(a, &v, &n, &cap, req->extra[i]);
	return v;
}
