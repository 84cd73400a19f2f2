/* SPDX-License-Identifier: BSD-2-Clause */
/* QEMU command lines for the loader platforms, from the platform table and the kernel's options. */
#include <string.h>

#include "harness.h"
#include "sim/sim.h"
#include "util/diag.h"

static const char *joined(struct arena *a, const char **argv)
{
	struct sb s = SB_INIT;
	for (size_t i = 0; argv && argv[i]; i++)
		sb_addf(&s, "%s%s", i ? " " : "", argv[i]);
	const char *r = arena_strdup(a, sb_str(&s));
	sb_release(&s);
	return argv ? r : NULL;
}

static const char *line(struct arena *a, const char *platform, const char *sel4_arch, const char *config_text)
{
	const struct plat_platform *p = plat_platform(platform);
	const struct plat_arch *pa = plat_arch(sel4_arch);
	struct sim_loader_request req = {
		.platform = platform,
		.sel4_arch = sel4_arch,
		.qemu = pa ? pa->qemu : NULL,
		.machine = p ? p->qemu_machine : NULL,
		.facts = plat_loader_qemu(platform, sel4_arch),
		.config = json_parse(a, "gen_config.json", config_text, strlen(config_text)),
		.config_path = "gen_config.json",
		.image = "img",
	};
	return joined(a, sim_loader_argv(a, &req));
}

TEST(test_sim__loader_platforms_command_lines)
{
	struct arena *a = arena_new();
	CHECK_STR_EQ(line(a, "qemu-arm-virt", "aarch64", "{\"ARM_CORTEX_A53\": true, \"MAX_NUM_NODES\": \"1\"}"),
		     "qemu-system-aarch64 -machine virt,secure=off,gic-version=2 -cpu cortex-a53 -nographic -serial mon:stdio "
		     "-m size=1024M -no-reboot -kernel img");
	/* four cores, a hypervisor kernel: EL2 and -smp from the kernel's configuration */
	CHECK_STR_EQ(line(a, "qemu-arm-virt", "aarch64",
			  "{\"ARM_CORTEX_A57\": true, \"ARM_CORTEX_A53\": false, \"MAX_NUM_NODES\": \"4\", \"ARM_HYPERVISOR_SUPPORT\": true}"),
		     "qemu-system-aarch64 -machine virt,virtualization=on,highmem=off,secure=off,gic-version=2 -cpu cortex-a57 "
		     "-smp 4 -nographic -serial mon:stdio -m size=1024M -no-reboot -kernel img");
	const char *rv = line(a, "qemu-riscv-virt", "riscv64", "{\"MAX_NUM_NODES\": \"1\"}");
	CHECK_STR_CONTAINS(rv, "qemu-system-riscv64 -machine virt -cpu rv64 -nographic -serial mon:stdio -m size=3072M -no-reboot -bios ");
	CHECK_STR_CONTAINS(rv, " -kernel img");
	CHECK_STR_EQ(line(a, "sabre", "aarch32", "{}"),
		     "qemu-system-arm -machine sabrelite -nographic -serial null -serial mon:stdio -m size=1024M -no-reboot -kernel img");
	/* not the platform's own sel4_arch, or no QEMU machine: refused, not guessed */
	struct sb err = SB_INIT;
	diag_capture(&err);
	CHECK(line(a, "qemu-arm-virt", "aarch32", "{}") == NULL);
	CHECK(line(a, "pc99", "x86_64", "{}") == NULL);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&err), "selfe cannot simulate qemu-arm-virt (aarch32): no QEMU machine is known for it");
	sb_release(&err);
	arena_free(a);
}
