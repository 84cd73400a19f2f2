/* SPDX-License-Identifier: BSD-2-Clause */
/* The fixed vocabulary of sel4.toml: profiles, arches, sel4_arches, and the default platforms. */
#include <string.h>

#include "config.h"

const char *const cfg_profile_names[] = { "debug", "release", NULL };
const char *const cfg_arch_names[] = { "arm", "x86", "riscv", NULL };
const char *const cfg_sel4_arch_names[] = { "aarch32", "aarch64", "arm_hyp", "ia32", "x86_64", "riscv32", "riscv64", NULL };

/* seL4's sel4_arch -> arch grouping. */
static const struct {
	const char *sel4_arch, *arch;
} arch_of[] = {
	{ "aarch32", "arm" }, { "aarch64", "arm" }, { "arm_hyp", "arm" },    { "ia32", "x86" },
	{ "x86_64", "x86" },  { "riscv32", "riscv" }, { "riscv64", "riscv" },
};

/* The platforms selfe knows without being told (the embedded default's). */
static const struct {
	const char *platform, *sel4_arch;
} platforms[] = {
	{ "pc99", "x86_64" },
	{ "sabre", "aarch32" },
	{ "qemu-arm-virt", "aarch64" },
	{ "qemu-riscv-virt", "riscv64" },
};

const char *cfg_profile_name(enum cfg_profile p)
{
	return p == CFG_RELEASE ? "release" : "debug";
}

const char *cfg_arch_of_sel4_arch(const char *sel4_arch)
{
	for (size_t i = 0; i < sizeof(arch_of) / sizeof(arch_of[0]); i++)
		if (strcmp(arch_of[i].sel4_arch, sel4_arch) == 0)
			return arch_of[i].arch;
	return NULL;
}

const char *cfg_sel4_arch_of_platform(const char *platform)
{
	for (size_t i = 0; i < sizeof(platforms) / sizeof(platforms[0]); i++)
		if (strcmp(platforms[i].platform, platform) == 0)
			return platforms[i].sel4_arch;
	return NULL;
}
