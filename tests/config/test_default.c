/* SPDX-License-Identifier: BSD-2-Clause */
/* The embedded default config: loads, and resolves as each default platform needs. */
#include <string.h>

#include "config_helpers.h"
#include "harness.h"

static const struct {
	const char *platform, *sel4_arch, *arch, *kernel_platform, *prefix;
} platforms[] = {
	{ "pc99", "x86_64", "x86", "\"pc99\"", "x86_64-linux-gnu-" },
	{ "sabre", "aarch32", "arm", "\"imx6\"", "arm-linux-gnueabihf-" },
	{ "qemu-arm-virt", "aarch64", "arm", "\"qemu-arm-virt\"", "aarch64-linux-gnu-" },
	{ "qemu-riscv-virt", "riscv64", "riscv", "\"qemu-riscv-virt\"", "riscv64-linux-gnu-" },
};

TEST(test_config__default_resolves_every_platform_and_profile)
{
	struct arena *a = arena_new();
	struct sb diag = SB_INIT;
	diag_capture(&diag);
	struct cfg_model *m = cfg_load_default(a, "/here");
	diag_capture(NULL);
	CHECK_STR_EQ(sb_str(&diag), "");
	CHECK(m != NULL);
	for (size_t i = 0; m && i < sizeof(platforms) / sizeof(platforms[0]); i++) {
		for (int p = CFG_DEBUG; p <= CFG_RELEASE; p++) {
			struct cfg_resolved *r = resolve(a, m, platforms[i].platform, (enum cfg_profile)p);
			CHECK(r != NULL);
			if (!r)
				continue;
			CHECK_STR_EQ(r->sel.sel4_arch, platforms[i].sel4_arch);
			CHECK_STR_EQ(r->sel.arch, platforms[i].arch);
			CHECK_STR_EQ(value_of(a, &r->config, "KernelPlatform"), platforms[i].kernel_platform);
			CHECK_STR_EQ(value_of(a, &r->config, "KernelSel4Arch"),
				     arena_printf(a, "\"%s\"", platforms[i].sel4_arch));
			const char *prints = p == CFG_DEBUG ? "true" : "false";
			CHECK_STR_EQ(value_of(a, &r->config, "KernelPrinting"), prints);
			CHECK_STR_EQ(value_of(a, &r->config, "KernelDebugBuild"), prints);
			CHECK(r->build != NULL);
			if (r->build)
				CHECK_STR_EQ(r->build->cross_compiler_prefix, platforms[i].prefix);
		}
	}
	if (m) {
		CHECK_INT_EQ(m->kernel.kind, CFG_SOURCE_GIT);
		CHECK_INT_EQ(m->kernel.ref_kind, CFG_REF_TAG);
		CHECK_STR_EQ(m->kernel.ref, "16.0.0");
	}
	sb_release(&diag);
	arena_free(a);
}

/* QEMU 7.2's TCG stops on PCIDs and hangs on XSAVEOPT: the default must avoid both on pc99. */
TEST(test_config__default_pc99_is_qemu_friendly)
{
	struct arena *a = arena_new();
	struct cfg_model *m = cfg_load_default(a, "/here");
	struct cfg_resolved *r = m ? resolve(a, m, "pc99", CFG_DEBUG) : NULL;
	CHECK(r != NULL);
	if (r) {
		CHECK_STR_EQ(value_of(a, &r->config, "KernelSupportPCID"), "false");
		CHECK_STR_EQ(value_of(a, &r->config, "KernelFPU"), "\"FXSAVE\"");
	}
	r = m ? resolve(a, m, "sabre", CFG_DEBUG) : NULL;
	if (r)
		CHECK_STR_EQ(value_of(a, &r->config, "KernelARMPlatform"), "\"sabre\"");
	arena_free(a);
}
