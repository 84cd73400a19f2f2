/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Differential test: the kernel's real CMake configure against our evaluator, for x86, ARM and
 * RISC-V configurations.  Runs only when SEL4_SOURCE names a seL4 tree and cmake, ninja and
 * python3 with yaml exist.  ARM and RISC-V configurations also need dtc/fdtget, QEMU for the
 * qemu-* platforms (their device tree is dumped from it) and the cross compiler; each missing
 * piece skips its configurations with a line saying so.  The kernel's hardware generator imports
 * pyfdt, which Debian does not package: without it the generator is replaced by
 * tests/kconfig/compat_strings.py (its compat-strings output written independently of our C
 * code) and a skip line says the unmodified configure could not run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/kconfig/kconfig.h"
#include "harness.h"
#include "platform/platform.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/sb.h"

struct diff_config {
	const char *prefix; /* CROSS_COMPILER_PREFIX; "" for the host compiler */
	const char *needs;  /* programs besides cmake that the configure runs, space-separated */
	const char *defs[10];
};

static const struct diff_config configs[] = {
	{ "", "", { "KernelPlatform=pc99", "KernelSel4Arch=x86_64", "KernelDebugBuild=ON", "KernelPrinting=ON", "KernelFPU=FXSAVE" } },
	{ "", "", { "KernelPlatform=pc99", "KernelSel4Arch=ia32", "KernelDebugBuild=ON", "KernelPrinting=ON", "KernelFPU=FXSAVE" } },
	{ "", "", { "KernelPlatform=pc99", "KernelSel4Arch=x86_64", "KernelDebugBuild=OFF" } },
	{ "", "", { "KernelPlatform=pc99", "KernelSel4Arch=x86_64", "KernelIsMCS=ON", "KernelFPU=XSAVE", "KernelDebugBuild=ON" } },
	{ "", "", { "KernelPlatform=pc99", "KernelSel4Arch=x86_64", "KernelMaxNumNodes=4", "KernelBenchmarks=track_utilisation" } },
	{ "", "", { "KernelPlatform=pc99", "KernelSel4Arch=ia32", "KernelIsMCS=ON", "KernelDebugBuild=OFF" } },
	/* sabre has no generic timer: the timer export options must stay off even when asked. */
	{ "arm-linux-gnueabihf-", "dtc fdtget",
	  { "KernelPlatform=imx6", "KernelARMPlatform=sabre", "KernelSel4Arch=aarch32", "KernelDebugBuild=ON",
	    "KernelPrinting=ON", "KernelArmExportPCNTUser=ON" } },
	{ "arm-linux-gnueabihf-", "dtc fdtget",
	  { "KernelPlatform=imx6", "KernelARMPlatform=sabre", "KernelSel4Arch=aarch32", "KernelDebugBuild=OFF", "KernelIsMCS=ON" } },
	/* QEMU's virt machine has one: here they must follow the request. */
	{ "aarch64-linux-gnu-", "dtc fdtget qemu-system-aarch64",
	  { "KernelPlatform=qemu-arm-virt", "KernelSel4Arch=aarch64", "KernelDebugBuild=ON", "KernelPrinting=ON",
	    "KernelArmExportPCNTUser=ON", "KernelArmExportVTMRUser=ON" } },
	{ "aarch64-linux-gnu-", "dtc fdtget qemu-system-aarch64",
	  { "KernelPlatform=qemu-arm-virt", "KernelSel4Arch=aarch64", "KernelDebugBuild=OFF", "KernelIsMCS=ON" } },
	{ "arm-linux-gnueabihf-", "dtc fdtget qemu-system-arm",
	  { "KernelPlatform=qemu-arm-virt", "KernelSel4Arch=aarch32", "KernelDebugBuild=ON", "KernelPrinting=ON" } },
	{ "riscv64-linux-gnu-", "dtc fdtget qemu-system-riscv64",
	  { "KernelPlatform=qemu-riscv-virt", "KernelSel4Arch=riscv64", "KernelDebugBuild=ON", "KernelPrinting=ON" } },
	{ "riscv64-linux-gnu-", "dtc fdtget qemu-system-riscv64",
	  { "KernelPlatform=qemu-riscv-virt", "KernelSel4Arch=riscv64", "KernelDebugBuild=OFF", "KernelIsMCS=ON" } },
};

/* Count lines of `ours` that appear identically in `ref` (JSON: one entry a line). */
static void compare(const char *what, const char *ours, const char *ref, unsigned *same, unsigned *total)
{
	for (const char *p = ref; *p;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n > 4 && p[4] == '"') {
			(*total)++;
			struct sb line = SB_INIT;
			sb_add(&line, p, n);
			if (strstr(ours, sb_str(&line)))
				(*same)++;
			sb_release(&line);
		}
		p += n + (e ? 1 : 0);
	}
	if (strcmp(ours, ref) != 0)
		harness_fail(__FILE__, __LINE__, "%s differs from CMake's", what);
}

static bool have(const char *prog)
{
	struct sb cmd = SB_INIT;
	sb_addf(&cmd, "command -v '%s' >/dev/null 2>&1", prog);
	bool ok = system(sb_str(&cmd)) == 0;
	sb_release(&cmd);
	return ok;
}

/* The first program of `c` (its tools, then its compiler) that is missing, or NULL. */
static const char *missing_program(const struct diff_config *c, struct sb *scratch)
{
	for (const char *p = c->needs; *p;) {
		size_t n = strcspn(p, " ");
		sb_reset(scratch);
		sb_add(scratch, p, n);
		if (!have(sb_str(scratch)))
			return sb_str(scratch);
		p += n + (p[n] == ' ');
	}
	if (*c->prefix) {
		sb_reset(scratch);
		sb_addf(scratch, "%sgcc", c->prefix);
		if (!have(sb_str(scratch)))
			return sb_str(scratch);
	}
	return NULL;
}

static void one_config(const char *src, size_t idx, const struct diff_config *c, const char *hwgen)
{
	struct sb tmpl = SB_INIT;
	const char *td = getenv("TMPDIR");
	sb_addf(&tmpl, "%s/selfe-kconfig-diff-XXXXXX", td && *td ? td : P_tmpdir);
	char *dir = mkdtemp(tmpl.buf);
	if (!dir) {
		sb_release(&tmpl);
		CHECK(!"mkdtemp");
		return;
	}
	struct sb cmd = SB_INIT, defs = SB_INIT;
	struct kcfg *k = kcfg_new();
	const char *base[] = { "KernelVerificationBuild=OFF", "KernelSupportPCID=OFF" };
	for (size_t i = 0; i < 2 + 10; i++) {
		const char *d = i < 2 ? base[i] : c->defs[i - 2];
		if (!d)
			continue;
		sb_addf(&defs, " '-D%s'", d);
		const char *eq = strchr(d, '=');
		struct sb name = SB_INIT;
		sb_add(&name, d, (size_t)(eq - d));
		kcfg_define(k, sb_str(&name), eq + 1);
		sb_release(&name);
	}
	sb_addf(&cmd, "cd %s && cmake -G Ninja '-DCROSS_COMPILER_PREFIX=%s' '-DCMAKE_TOOLCHAIN_FILE=%s/gcc.cmake'%s", dir,
		c->prefix, src, sb_str(&defs));
	if (hwgen)
		sb_addf(&cmd, " '-DHARDWARE_GEN_PATH=%s'", hwgen);
	sb_addf(&cmd, " '%s' >cmake.log 2>&1", src);
	int cm = system(sb_str(&cmd));
	if (cm != 0) {
		sb_reset(&cmd);
		sb_addf(&cmd, "tail -n 20 '%s/cmake.log'", dir);
		CHECK_INT_EQ(system(sb_str(&cmd)), 0);
	}
	CHECK_INT_EQ(cm, 0);
	CHECK_INT_EQ(kcfg_eval_tree(k, src), 0);
	static const char *const libs[][2] = { { "kernel", "gen_config/kernel/gen_config" },
					       { "sel4", "libsel4/gen_config/sel4/gen_config" } };
	for (size_t l = 0; l < 2 && cm == 0; l++) {
		const struct kcfg_lib *lib = kcfg_lib(k, libs[l][0]);
		CHECK(lib != NULL);
		struct sb jp = SB_INIT, hp = SB_INIT, j = SB_INIT, h = SB_INIT;
		sb_addf(&jp, "%s/%s.json", dir, libs[l][1]);
		sb_addf(&hp, "%s/%s.h", dir, libs[l][1]);
		size_t len;
		char *rj = fs_read_file(sb_str(&jp), &len), *rh = fs_read_file(sb_str(&hp), &len);
		if (lib && rj && rh) {
			kcfg_emit_json(&j, lib);
			kcfg_emit_h(&h, lib);
			unsigned same = 0, total = 0;
			compare(sb_str(&jp), sb_str(&j), rj, &same, &total);
			if (strcmp(sb_str(&h), rh) != 0)
				harness_fail(__FILE__, __LINE__, "%s differs from CMake's", sb_str(&hp));
			printf("config %zu%s: %s %u/%u entries identical\n", idx, sb_str(&defs), libs[l][0], same, total);
		} else {
			CHECK(!"reference or result missing");
		}
		free(rj);
		free(rh);
		sb_release(&jp);
		sb_release(&hp);
		sb_release(&j);
		sb_release(&h);
	}
	kcfg_free(k);
	sb_reset(&cmd);
	sb_addf(&cmd, "rm -rf '%s'", dir);
	CHECK_INT_EQ(system(sb_str(&cmd)), 0);
	sb_release(&cmd);
	sb_release(&defs);
	sb_release(&tmpl);
}

TEST(test_kconfig__matches_cmake_configure)
{
	const char *src = getenv("SEL4_SOURCE");
	if (!src || !*src || !have("cmake") || !have("ninja") || system("python3 -c 'import yaml' >/dev/null 2>&1") != 0) {
		harness_skip("needs SEL4_SOURCE (a seL4 tree), cmake, ninja and python3-yaml");
		return;
	}
	/* Without pyfdt the kernel's hardware generator cannot run: substitute ours (see top). */
	char *hwgen = NULL;
	if (system("python3 -c 'import pyfdt' >/dev/null 2>&1") != 0) {
		struct sb p = SB_INIT;
		sb_addf(&p, "%s/kconfig/compat_strings.py", harness_data_dir());
		hwgen = path_absolute(sb_str(&p));
		sb_release(&p);
		printf("skip: the unmodified ARM/RISC-V configure needs the Python module pyfdt (pip install pyfdt); "
		       "comparing against a configure whose hardware generator is tests/kconfig/compat_strings.py\n");
	}
	struct sb missing = SB_INIT;
	for (size_t c = 0; c < sizeof configs / sizeof *configs; c++) {
		const char *m = missing_program(&configs[c], &missing);
		if (m) {
			printf("skip: config %zu (%s): needs %s\n", c, configs[c].defs[0], m);
			continue;
		}
		one_config(src, c, &configs[c], *configs[c].needs ? hwgen : NULL);
	}
	sb_release(&missing);
	free(hwgen);
}

/* The platform table's list of the kernel's platforms is the tree's KernelPlatform choice. */
TEST(test_kconfig__kernel_platform_list_matches_the_tree)
{
	const char *src = getenv("SEL4_SOURCE");
	if (!src || !*src) {
		harness_skip("needs SEL4_SOURCE (a seL4 16.0.0 tree)");
		return;
	}
	struct kcfg *k = kcfg_new();
	kcfg_define(k, "KernelPlatform", "pc99");
	kcfg_define(k, "KernelSel4Arch", "x86_64");
	CHECK_INT_EQ(kcfg_eval_tree(k, src), 0);
	struct kcfg_option o = { 0 };
	CHECK(kcfg_option(k, "KernelPlatform", &o));
	struct sb want = SB_INIT;
	for (size_t i = 0; plat_kernel_platforms[i]; i++)
		sb_addf(&want, "%s%s", i ? ";" : "", plat_kernel_platforms[i]);
	/* The choice lists platforms in the order config.cmake includes them: compare as sets. */
	size_t n = 0;
	for (const char *p = o.choices ? o.choices : ""; *p; n++) {
		size_t len = strcspn(p, ";");
		bool found = false;
		for (size_t i = 0; plat_kernel_platforms[i] && !found; i++)
			found = strlen(plat_kernel_platforms[i]) == len && !strncmp(plat_kernel_platforms[i], p, len);
		if (!found)
			printf("not in plat_kernel_platforms: %.*s\n", (int)len, p);
		CHECK(found);
		p += len + (p[len] == ';');
	}
	size_t nk = 0;
	while (plat_kernel_platforms[nk])
		nk++;
	CHECK_INT_EQ((long long)n, (long long)nk);
	sb_release(&want);
	kcfg_free(k);
}
