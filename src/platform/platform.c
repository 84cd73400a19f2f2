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

/*
 * QEMU for the loader platforms.  qemu-arm-virt: the kernel's DTB comes from
 * `virt,secure=off,gic-version=2` with 1 GiB; PSCI goes through HVC unless EL2 exists, then SMC
 * (the loader picks by the EL it starts in).  qemu-riscv-virt: the DTB comes from QEMU with
 * 3 GiB; OpenSBI runs the loader in S-mode.  sabre: the kernel's console is UART2, QEMU's second
 * serial port (the first goes nowhere); the machine's default RAM (128 MiB) is less than the
 * kernel's DTB describes.
 */
static const struct plat_qemu qemu_arm_virt = { ",secure=off,gic-version=2", ",virtualization=on,highmem=off,secure=off,gic-version=2",
						"ARM_CORTEX", 1024, "-nographic -serial mon:stdio", false };
static const struct plat_qemu qemu_riscv_virt = { "", NULL, "rv64", 3072, "-nographic -serial mon:stdio", true };
static const struct plat_qemu qemu_sabre = { "", NULL, NULL, 1024, "-nographic -serial null -serial mon:stdio", false };

const struct plat_platform plat_platforms[] = {
	/* pc99: QEMU's default machine (pc), so no -machine */
	{ "pc99", "x86_64", "pc99", NULL, NULL, NULL, true, NULL },
	/* The i.MX6 Sabre Lite board (QEMU machine "sabrelite") is the imx6 platform's sabre variant. */
	{ "sabre", "aarch32", "imx6", "KernelARMPlatform", "sabre", "sabrelite", true, &qemu_sabre },
	{ "qemu-arm-virt", "aarch64", "qemu-arm-virt", NULL, NULL, "virt", true, &qemu_arm_virt },
	{ "qemu-riscv-virt", "riscv64", "qemu-riscv-virt", NULL, NULL, "virt", true, &qemu_riscv_virt },
	{ NULL, NULL, NULL, NULL, NULL, NULL, false, NULL },
};

/* The kernel's own platforms in seL4 16.0.0: the values of its KernelPlatform choice, one per
 * declare_platform() call in src/plat/ (tests/kconfig checks this list against a tree). */
const char *const plat_kernel_platforms[] = {
	"allwinnerA20", "am335x", "apq8064", "ariane", "bananapi-f3", "bcm2711", "bcm2712", "bcm2837", "cheshire",
	"exynos4", "exynos5", "fvp", "hifive", "hifive-p550", "hikey", "imx6", "imx7", "imx8mm-evk", "imx8mp-evk",
	"imx8mq-evk", "imx93", "maaxboard", "odroidc2", "odroidc4", "omap3", "pc99", "polarfire", "qemu-arm-virt",
	"qemu-riscv-virt", "quartz64", "rk3568", "rocketchip", "rockpro64", "spike", "star64", "stm32mp2", "tk1",
	"tqma8xqp1gb", "tx1", "tx2", "zynq7000", "zynqmp", NULL,
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

const struct plat_qemu *plat_loader_qemu(const char *platform, const char *sel4_arch)
{
	const struct plat_platform *p = plat_platform(platform);
	return p && p->qemu_machine && sel4_arch && !strcmp(p->sel4_arch, sel4_arch) ? p->loader_qemu : NULL;
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
