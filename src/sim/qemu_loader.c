/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * QEMU command lines for the platforms that boot through selfe's loader.  The QEMU binary and
 * the machine come from the platform table (src/platform); this table adds what else each
 * platform's QEMU run needs -- machine options, the CPU, how much RAM the kernel was built to
 * expect (its DTB was dumped from QEMU with that much: booting with less leaves the kernel using
 * RAM that is not there), the firmware, and where the console is -- and is meant to be folded
 * into the platform table.  The image is always QEMU's -kernel.
 */
#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "util/diag.h"
#include "util/json_read.h"
#include "util/path.h"

static const struct sim_loader_platform {
	const char *platform, *sel4_arch;
	const char *machine_options;     /* appended to the table's -machine */
	const char *machine_options_hyp; /* instead, for a kernel running in EL2 */
	const char *cpu;                 /* -cpu; NULL: the machine's own; "ARM_CORTEX": the kernel's */
	int64_t memory_mib;
	const char *serial;              /* the default console options (--serial-override replaces them) */
	bool opensbi;                    /* -bios: OpenSBI stays resident (the kernel calls the SBI) */
} platforms[] = {
	/* The kernel's DTB comes from `virt,secure=off,gic-version=2` with 1 GiB.  PSCI goes through
	 * HVC unless EL2 exists, then SMC (the loader picks by the EL it starts in). */
	{ "qemu-arm-virt", "aarch64", ",secure=off,gic-version=2", ",virtualization=on,highmem=off,secure=off,gic-version=2",
	  "ARM_CORTEX", 1024, "-nographic -serial mon:stdio", false },
	/* The kernel's DTB comes from QEMU with 3 GiB; OpenSBI runs the loader in S-mode. */
	{ "qemu-riscv-virt", "riscv64", "", NULL, "rv64", 3072, "-nographic -serial mon:stdio", true },
	/* The kernel's console is UART2, QEMU's second serial port; the first goes nowhere.  The
	 * machine's default RAM (128 MiB) is less than the kernel's DTB describes. */
	{ "sabre", "aarch32", "", NULL, NULL, 1024, "-nographic -serial null -serial mon:stdio", false },
};

/* Debian's OpenSBI (package opensbi), else the copy QEMU ships. */
#define DEBIAN_OPENSBI "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin"

static const struct sim_loader_platform *find(const char *platform, const char *sel4_arch)
{
	for (size_t i = 0; platform && sel4_arch && i < sizeof(platforms) / sizeof(platforms[0]); i++)
		if (!strcmp(platforms[i].platform, platform) && !strcmp(platforms[i].sel4_arch, sel4_arch))
			return &platforms[i];
	return NULL;
}

bool sim_loader_platform_known(const char *platform, const char *sel4_arch)
{
	return find(platform, sel4_arch) != NULL;
}

static void add(struct arena *a, const char ***v, size_t *n, size_t *cap, const char *word)
{
	*v = arena_grow(a, *v, cap, *n + 2, sizeof(**v));
	(*v)[(*n)++] = word;
}

static void add_words(struct arena *a, const char ***v, size_t *n, size_t *cap, const char *text)
{
	for (const char *p = text; *p;) {
		while (*p == ' ')
			p++;
		const char *start = p;
		while (*p && *p != ' ')
			p++;
		if (p > start)
			add(a, v, n, cap, arena_strndup(a, start, (size_t)(p - start)));
	}
}

/* The kernel options the command line depends on. */
struct kernel_facts {
	long nodes;
	bool hyp;
	const char *cortex; /* "cortex-a53", from ARM_CORTEX_A53 = true */
};

static struct kernel_facts read_facts(struct arena *a, const struct json_value *cfg)
{
	struct kernel_facts f = { 1, false, NULL };
	for (size_t i = 0; cfg && cfg->kind == JSON_OBJECT && i < cfg->count; i++) {
		const char *k = cfg->keys[i];
		const struct json_value *v = &cfg->items[i];
		if (!strcmp(k, "MAX_NUM_NODES") && v->kind == JSON_STRING)
			f.nodes = strtol(v->text, NULL, 10);
		else if (!strcmp(k, "ARM_HYPERVISOR_SUPPORT") && v->kind == JSON_BOOL)
			f.hyp = v->b;
		else if (!strncmp(k, "ARM_CORTEX_", 11) && v->kind == JSON_BOOL && v->b) {
			char *c = arena_printf(a, "cortex-%s", k + 11);
			for (char *p = c; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p - 'A' + 'a');
			f.cortex = c;
		}
	}
	if (f.nodes < 1)
		f.nodes = 1;
	return f;
}

const char **sim_loader_argv(struct arena *a, const struct sim_loader_request *req)
{
	const struct sim_loader_platform *p = find(req->platform, req->sel4_arch);
	if (!p || !req->qemu || !req->machine)
		return diag_error(NULL, "selfe cannot simulate %s (%s): no QEMU machine is known for it", req->platform,
				  req->sel4_arch),
		       NULL;
	struct kernel_facts f = read_facts(a, req->config);
	const char **v = NULL;
	size_t n = 0, cap = 0;
	add(a, &v, &n, &cap, req->qemu);
	add(a, &v, &n, &cap, "-machine");
	add(a, &v, &n, &cap,
	    arena_printf(a, "%s%s", req->machine, f.hyp && p->machine_options_hyp ? p->machine_options_hyp : p->machine_options));
	if (p->cpu) {
		const char *cpu = strcmp(p->cpu, "ARM_CORTEX") ? p->cpu : f.cortex;
		if (!cpu)
			return diag_error(&(struct loc){ req->config_path, 1, 1 }, "the kernel names no ARM_CORTEX_* CPU"), NULL;
		add(a, &v, &n, &cap, "-cpu");
		add(a, &v, &n, &cap, cpu);
	}
	if (f.nodes > 1) {
		add(a, &v, &n, &cap, "-smp");
		add(a, &v, &n, &cap, arena_printf(a, "%ld", f.nodes));
	}
	add_words(a, &v, &n, &cap, req->serial_override ? req->serial_override : p->serial);
	add(a, &v, &n, &cap, "-m");
	add(a, &v, &n, &cap, arena_printf(a, "size=%lldM", (long long)(req->memory_mib > 0 ? req->memory_mib : p->memory_mib)));
	add(a, &v, &n, &cap, "-no-reboot");
	if (p->opensbi) {
		add(a, &v, &n, &cap, "-bios");
		add(a, &v, &n, &cap, path_is_file(DEBIAN_OPENSBI) ? DEBIAN_OPENSBI : "default");
	}
	if (req->gdb_port > 0) {
		add(a, &v, &n, &cap, "-gdb");
		add(a, &v, &n, &cap, arena_printf(a, "tcp::%d", req->gdb_port));
		add(a, &v, &n, &cap, "-S");
	}
	add(a, &v, &n, &cap, "-kernel");
	add(a, &v, &n, &cap, req->image);
	for (size_t i = 0; i < req->nextra; i++)
		add(a, &v, &n, &cap, req->extra[i]);
	v[n] = NULL;
	return v;
}
