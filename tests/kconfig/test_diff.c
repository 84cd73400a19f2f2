/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Differential test: real CMake configure against our evaluator for several x86 configurations.
 * Runs only when SEL4_SOURCE names a seL4 tree and cmake, ninja and python3 with yaml exist.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/kconfig/kconfig.h"
#include "harness.h"
#include "util/fs.h"
#include "util/sb.h"

static const char *const configs[][8] = {
	{ "KernelSel4Arch=x86_64", "KernelDebugBuild=ON", "KernelPrinting=ON", "KernelFPU=FXSAVE" },
	{ "KernelSel4Arch=ia32", "KernelDebugBuild=ON", "KernelPrinting=ON", "KernelFPU=FXSAVE" },
	{ "KernelSel4Arch=x86_64", "KernelDebugBuild=OFF" },
	{ "KernelSel4Arch=x86_64", "KernelIsMCS=ON", "KernelFPU=XSAVE", "KernelDebugBuild=ON" },
	{ "KernelSel4Arch=x86_64", "KernelMaxNumNodes=4", "KernelBenchmarks=track_utilisation" },
	{ "KernelSel4Arch=ia32", "KernelIsMCS=ON", "KernelDebugBuild=OFF" },
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

TEST(test_kconfig__matches_cmake_configure)
{
	const char *src = getenv("SEL4_SOURCE");
	if (!src || !*src || system("cmake --version >/dev/null 2>&1") != 0 ||
	    system("ninja --version >/dev/null 2>&1") != 0 ||
	    system("python3 -c 'import yaml' >/dev/null 2>&1") != 0) {
		harness_skip("needs SEL4_SOURCE (a seL4 tree), cmake, ninja and python3-yaml");
		return;
	}
	for (size_t c = 0; c < sizeof configs / sizeof *configs; c++) {
		struct sb tmpl = SB_INIT;
		const char *td = getenv("TMPDIR");
		sb_addf(&tmpl, "%s/selfe-kconfig-XXXXXX", td && *td ? td : P_tmpdir);
		char *dir = mkdtemp(tmpl.buf);
		if (!dir) {
			sb_release(&tmpl);
			CHECK(!"mkdtemp");
			return;
		}
		struct sb cmd = SB_INIT, defs = SB_INIT;
		struct kcfg *k = kcfg_new();
		const char *base[] = { "KernelPlatform=pc99", "KernelVerificationBuild=OFF", "KernelSupportPCID=OFF" };
		for (size_t i = 0; i < 3 + 8; i++) {
			const char *d = i < 3 ? base[i] : configs[c][i - 3];
			if (!d)
				continue;
			sb_addf(&defs, " '-D%s'", d);
			const char *eq = strchr(d, '=');
			struct sb name = SB_INIT;
			sb_add(&name, d, (size_t)(eq - d));
			kcfg_define(k, sb_str(&name), eq + 1);
			sb_release(&name);
		}
		sb_addf(&cmd, "cd %s && cmake -G Ninja -DCROSS_COMPILER_PREFIX= '-DCMAKE_TOOLCHAIN_FILE=%s/gcc.cmake'%s '%s' >/dev/null 2>&1",
			dir, src, sb_str(&defs), src);
		CHECK_INT_EQ(system(sb_str(&cmd)), 0);
		CHECK_INT_EQ(kcfg_eval_tree(k, src), 0);
		static const char *const libs[][2] = { { "kernel", "gen_config/kernel/gen_config" },
						       { "sel4", "libsel4/gen_config/sel4/gen_config" } };
		for (size_t l = 0; l < 2; l++) {
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
				printf("config %zu%s: %s %u/%u entries identical\n", c, sb_str(&defs), libs[l][0], same, total);
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
}
