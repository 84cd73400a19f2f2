/* SPDX-License-Identifier: BSD-2-Clause */
/* The platform table's data and look-ups (see platform.h). */
#include "platform.h"

#include <string.h>

#include "util/diag.h"

#define EM_386 3
#define EM_ARM 40
#define EM_X86_64 62
#define EM_AARCH64 183
#define EM_RISCV 243

/*
 * Debian 12's cross compilers: gcc-arm-linux-gnueabihf, gcc-aarch64-linux-gnu,
 * gcc-riscv64-linux-gnu (which also builds rv32 code: -march/-mabi, though it ships no rv32
 * libgcc), gcc-i686-linux-gnu, and x86_64-linux-gnu-gcc (the native compiler on amd64,
 * gcc-x86-64-linux-gnu elsewhere).
 */
static const struct plat_arch arches[] = {
	{ "x86_64", "x86", 64, "x86_64-linux-gnu-", "gcc-x86-64-linux-gnu", true, "qemu-system-x86_64",
	  "qemu-system-x86", "qemu-x86_64", EM_X86_64, PLAT_BOOT_MULTIBOOT, "x86_64" },
	{ "ia32", "x86", 32, "i686-linux-gnu-", "gcc-i686-linux-gnu", true, "qemu-system-i386", "qemu-system-x86",
	  "qemu-i386", EM_386, PLAT_BOOT_MULTIBOOT, NULL },
	{ "aarch32", "arm", 32, "arm-linux-gnueabihf-", "gcc-arm-linux-gnueabihf", true, "qemu-system-arm",
	  "qemu-system-arm", "qemu-arm", EM_ARM, PLAT_BOOT_LOADER, "aarch32" },
	/* arm_hyp: the aarch32 kernel as a hypervisor (tk1, exynos5, zynqmp in seL4 16.0.0). */
	{ "arm_hyp", "arm", 32, "arm-linux-gnueabihf-", "gcc-arm-linux-gnueabihf", true, "qemu-system-arm",
	  "qemu-system-arm", "qemu-arm", EM_ARM, PLAT_BOOT_LOADER, "aarch32" },
	{ "aarch64", "arm", 64, "aarch64-linux-gnu-", "gcc-aarch64-linux-gnu", true, "qemu-system-aarch64",
	  "qemu-system-arm", "qemu-aarch64", EM_AARCH64, PLAT_BOOT_LOADER, "aarch64" },
	{ "riscv32", "riscv", 32, "riscv64-linux-gnu-", "gcc-riscv64-linux-gnu", false, "qemu-system-riscv32",
	  "qemu-system-misc", "qemu-riscv32", EM_RISCV, PLAT_BOOT_LOADER, "riscv" },
	{ "riscv64", "riscv", 64, "riscv64-linux-gnu-", "gcc-riscv64-linux-gnu", true, "qemu-system-riscv64",
	  "qemu-system-misc", "qemu-riscv64", EM_RISCV, PLAT_BOOT_LOADER, "riscv" },
};

const struct plat_platform plat_platforms[] = {
	/* pc99: QEMU's default machine (pc), so no -machine */
	{ "pc99", "x86_64", "pc99", NULL, NULL, NULL, true },
	/* The i.MX6 Sabre Lite board (QEMU machine "sabrelite") is the imx6 platform's sabre variant. */
	{ "sabre", "aarch32", "imx6", "KernelARMPlatform", "sabre", "sabrelite", true },
	{ "qemu-arm-virt", "aarch64", "qemu-arm-virt", NULL, NULL, "virt", true },
	{ "qemu-riscv-virt", "riscv64", "qemu-riscv-virt", NULL, NULL, "virt", true },
	{ NULL, NULL, NULL, NULL, NULL, NULL, false },
};

const struct plat_arch *plat_arch(const char *sel4_arch)
{
	for (size_t i = 0; sel4_arch && i < sizeof(arches) / sizeof(arches[0]); i++)
		if (!strcmp(arches[i].sel4_arch, sel4_arch))
			return &arches[i];
	return NULL;
}

const struct plat_arch *plat_arch_of_qemu(const char *qemu)
{
	for (size_t i = 0; qemu && i < sizeof(arches) / sizeof(arches[0]); i++)
		if (arches[i].qemu && !strcmp(arches[i].qemu, qemu))
			return &arches[i];
	return NULL;
}

const struct plat_platform *plat_platform(const char *name)
{
	for (const struct plat_platform *p = plat_platforms; name && p->name; p++)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

const struct plat_platform *plat_platform_of_kernel(const char *kernel_platform)
{
	for (const struct plat_platform *p = plat_platforms; kernel_platform && p->name; p++)
		if (!strcmp(p->kernel_platform, kernel_platform))
			return p;
	return NULL;
}

const char *plat_cross_prefix(const char *configured, const char *sel4_arch)
{
	if (configured)
		return configured;
	const struct plat_arch *pa = plat_arch(sel4_arch);
	return pa ? pa->cross_prefix : "";
}

void plat_note_missing_compiler(const char *cc, const char *sel4_arch)
{
	const struct plat_arch *pa = plat_arch(sel4_arch);
	if (pa)
		diag_note(NULL, "Debian's compiler for %s is %sgcc: apt-get install %s (or set cross_compiler_prefix in [build.PLATFORM] to another)",
			  pa->sel4_arch, pa->cross_prefix, pa->cross_package);
	else
		diag_note(NULL, "set cross_compiler_prefix in [build.PLATFORM] to an installed compiler instead of '%s'", cc);
}
