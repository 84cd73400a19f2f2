/* SPDX-License-Identifier: BSD-2-Clause */
/* The platform table: every sel4_arch and default platform, and the compiler switches. */
#include <string.h>

#include "config/config.h"
#include "harness.h"
#include "platform/platform.h"

static bool has(const char *const *v, const char *s)
{
	for (size_t i = 0; v && v[i]; i++)
		if (!strcmp(v[i], s))
			return true;
	return false;
}

static bool prefixed(const char *const *v, const char *prefix)
{
	for (size_t i = 0; v && v[i]; i++)
		if (!strncmp(v[i], prefix, strlen(prefix)))
			return true;
	return false;
}

TEST(test_platform__every_sel4_arch_has_an_entry)
{
	for (size_t i = 0; cfg_sel4_arch_names[i]; i++) {
		const struct plat_arch *pa = plat_arch(cfg_sel4_arch_names[i]);
		CHECK(pa != NULL);
		if (!pa)
			continue;
		CHECK(pa->word_bits == 32 || pa->word_bits == 64);
		CHECK(pa->cross_prefix[0] != '\0'); /* never the host compiler by default */
		CHECK(!strncmp(pa->cross_package, "gcc-", 4));
		CHECK_STR_EQ(cfg_arch_of_sel4_arch(pa->sel4_arch), pa->arch);
		CHECK(pa->boot == (strcmp(pa->arch, "x86") ? PLAT_BOOT_LOADER : PLAT_BOOT_MULTIBOOT));
		CHECK(plat_arch_of_qemu(pa->qemu) != NULL);
	}
	CHECK(plat_arch("x86") == NULL);
	CHECK(plat_arch(NULL) == NULL);
}

TEST(test_platform__default_platforms)
{
	static const struct {
		const char *name, *sel4_arch, *kernel_platform, *machine;
	} want[] = {
		{ "pc99", "x86_64", "pc99", NULL },
		{ "sabre", "aarch32", "imx6", "sabrelite" },
		{ "qemu-arm-virt", "aarch64", "qemu-arm-virt", "virt" },
		{ "qemu-riscv-virt", "riscv64", "qemu-riscv-virt", "virt" },
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct plat_platform *p = plat_platform(want[i].name);
		CHECK(p != NULL);
		if (!p)
			continue;
		CHECK_STR_EQ(p->sel4_arch, want[i].sel4_arch);
		CHECK_STR_EQ(p->kernel_platform, want[i].kernel_platform);
		CHECK(want[i].machine ? p->qemu_machine && !strcmp(p->qemu_machine, want[i].machine) : !p->qemu_machine);
		CHECK(p->snapshot);
		CHECK(plat_platform_of_kernel(want[i].kernel_platform) == p);
		CHECK_STR_EQ(cfg_sel4_arch_of_platform(want[i].name), want[i].sel4_arch);
	}
	CHECK_STR_EQ(plat_platform("sabre")->sub_option, "KernelARMPlatform");
	/* booting through the loader in QEMU: for the platform's own sel4_arch only */
	CHECK(plat_loader_qemu("sabre", "aarch32") != NULL);
	CHECK(plat_loader_qemu("qemu-arm-virt", "aarch64") != NULL);
	CHECK(plat_loader_qemu("qemu-riscv-virt", "riscv64")->opensbi);
	CHECK(plat_loader_qemu("qemu-arm-virt", "aarch32") == NULL);
	CHECK(plat_loader_qemu("pc99", "x86_64") == NULL);
	CHECK(plat_platform("my-board") == NULL);
}

TEST(test_platform__a_foreign_arch_never_maps_to_the_host_compiler)
{
	CHECK_STR_EQ(plat_cross_prefix(NULL, "aarch64"), "aarch64-linux-gnu-");
	CHECK_STR_EQ(plat_cross_prefix(NULL, "aarch32"), "arm-linux-gnueabihf-");
	CHECK_STR_EQ(plat_cross_prefix(NULL, "riscv32"), "riscv64-linux-gnu-");
	CHECK_STR_EQ(plat_cross_prefix(NULL, "riscv64"), "riscv64-linux-gnu-");
	CHECK_STR_EQ(plat_cross_prefix(NULL, "x86_64"), "x86_64-linux-gnu-");
	CHECK_STR_EQ(plat_cross_prefix("/opt/x/bin/aarch64-none-elf-", "aarch64"), "/opt/x/bin/aarch64-none-elf-");
	CHECK_STR_EQ(plat_cross_prefix("", "x86_64"), ""); /* said explicitly: the host compiler */
}

static bool config_from_list(void *ctx, const char *name)
{
	return has(ctx, name);
}

TEST(test_platform__compiler_switches_follow_the_kernel_rules)
{
	struct arena *a = arena_new();
	const char *const *v = plat_cflags(a, plat_arch("aarch32"), NULL, NULL);
	CHECK(has(v, "-marm"));
	CHECK(has(v, "-mtp=soft"));
	CHECK(has(v, "-ffreestanding"));
	CHECK(has(v, "-ftls-model=local-exec"));
	v = plat_cflags(a, plat_arch("aarch64"), NULL, NULL);
	CHECK(has(v, "-mno-outline-atomics"));
	CHECK(!prefixed(v, "-march") && !has(v, "-marm"));
	static const char *const fd[] = { "RISCV_EXT_D", "RISCV_EXT_F", NULL };
	static const char *const f[] = { "RISCV_EXT_F", NULL };
	v = plat_cflags(a, plat_arch("riscv64"), config_from_list, (void *)fd);
	CHECK(has(v, "-march=rv64imafdc_zicsr_zifencei"));
	CHECK(has(v, "-mabi=lp64d"));
	CHECK(has(v, "-mcmodel=medany"));
	v = plat_abi_cflags(a, plat_arch("riscv32"), config_from_list, (void *)f);
	CHECK(has(v, "-march=rv32imafc_zicsr_zifencei"));
	CHECK(has(v, "-mabi=ilp32f"));
	CHECK(!has(v, "-ffreestanding"));
	v = plat_abi_cflags(a, plat_arch("riscv32"), NULL, NULL);
	CHECK(has(v, "-march=rv32imac_zicsr_zifencei"));
	CHECK(has(v, "-mabi=ilp32"));
	v = plat_abi_cflags(a, plat_arch("x86_64"), NULL, NULL);
	CHECK(v != NULL && v[0] == NULL);
	arena_free(a);
}
