/* SPDX-License-Identifier: BSD-2-Clause */
/* The fixed vocabulary of sel4.toml: profiles, arches, sel4_arches (the platform table knows the rest). */
#include <string.h>

#include "config.h"
#include "platform/platform.h"

const char *const cfg_profile_names[] = { "debug", "release", NULL };
const char *const cfg_arch_names[] = { "arm", "x86", "riscv", NULL };
const char *const cfg_sel4_arch_names[] = { "aarch32", "aarch64", "arm_hyp", "ia32", "x86_64", "riscv32", "riscv64", NULL };

const char *cfg_profile_name(enum cfg_profile p)
{
	return p == CFG_RELEASE ? "release" : "debug";
}

const char *cfg_arch_of_sel4_arch(const char *sel4_arch)
{
	const struct plat_arch *pa = plat_arch(sel4_arch);
	return pa ? pa->arch : NULL;
}

const char *cfg_sel4_arch_of_platform(const char *platform)
{
	const struct plat_platform *p = plat_platform(platform);
	return p ? p->sel4_arch : NULL;
}
