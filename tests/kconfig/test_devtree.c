/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree step of ARM/RISC-V configurations: the kernel devices' compatible strings (by
 * selfe's hardware generator, as the kernel's configure reads them back), and execute_process /
 * file writes in the scratch build folder.  Blobs are made from small DTS texts with dtc (the
 * tests skip without it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/kconfig/kcfg_internal.h"
#include "harness.h"
#include "hwgen/hwgen.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/sb.h"
#include "util/xalloc.h"

static const char dts[] = "/dts-v1/;\n"
			  "/ {\n"
			  "  model = \"test board\";\n"
			  "  aliases { serial0 = \"/soc/uart@3000\"; };\n"
			  "  chosen {\n"
			  "    seL4,kernel-devices = \"serial0:115200n8\", \"/soc/timer@1000\", &{/soc/intc@2000},\n"
			  "                          \"/soc/timer@4000\";\n"
			  "  };\n"
			  "  soc {\n"
			  "    timer { compatible = \"decoy\"; };\n"
			  "    timer@1000 { compatible = \"vendor,no-rule\", \"arm,armv7-timer\"; reg = <0x1000 0x10>; };\n"
			  "    intc@2000 { compatible = \"arm,gic-400\"; sub { compatible = \"deeper\"; }; };\n"
			  "    uart@3000 { compatible = \"fsl,imx6q-uart\"; };\n"
			  "    timer@4000 { compatible = \"arm,armv7-timer\"; };\n"
			  "    odd@5000 { compatible = \"vendor,nothing\"; };\n"
			  "  };\n"
			  "};\n";

static const char rules[] = "# device rules\n"
			    "devices:\n"
			    "  - compatible:\n"
			    "      - arm,gic-400\n"
			    "      - arm,cortex-a15-gic   # a comment\n"
			    "    regions:\n"
			    "      - index: 0\n"
			    "        kernel: GIC_PPTR\n"
			    "  - compatible:\n"
			    "      - 'arm,armv7-timer'\n"
			    "      - \"arm,armv8-timer\"\n"
			    "    interrupts:\n"
			    "      KERNEL_TIMER_IRQ: 0\n"
			    "  - compatible:\n"
			    "      - fsl,imx6q-uart\n";

struct fixture {
	char *dir, *dtb, *rules;
};

/* A scratch folder holding t.dtb (from `text`) and rules.yml; false (test skipped) without dtc. */
static bool setup(struct fixture *fx, const char *text)
{
	*fx = (struct fixture){ 0 };
	if (system("command -v dtc >/dev/null 2>&1") != 0) {
		harness_skip("needs dtc (Debian: device-tree-compiler)");
		return false;
	}
	struct sb t = SB_INIT;
	const char *td = getenv("TMPDIR");
	sb_addf(&t, "%s/selfe-devtree-XXXXXX", td && *td ? td : P_tmpdir);
	if (!mkdtemp(t.buf)) {
		sb_release(&t);
		CHECK(!"mkdtemp");
		return false;
	}
	fx->dir = path_normalize(sb_str(&t));
	sb_release(&t);
	char *src = path_join(fx->dir, "t.dts");
	fx->dtb = path_join(fx->dir, "t.dtb");
	fx->rules = path_join(fx->dir, "rules.yml");
	CHECK_INT_EQ(fs_write_atomic(src, text, strlen(text)), 0);
	CHECK_INT_EQ(fs_write_atomic(fx->rules, rules, strlen(rules)), 0);
	struct sb cmd = SB_INIT;
	sb_addf(&cmd, "dtc -q -I dts -O dtb -o '%s' '%s'", fx->dtb, src);
	CHECK_INT_EQ(system(sb_str(&cmd)), 0);
	sb_release(&cmd);
	free(src);
	return true;
}

static void teardown(struct fixture *fx)
{
	if (fx->dir)
		CHECK_INT_EQ(fs_remove_tree(fx->dir), 0);
	free(fx->dir);
	free(fx->dtb);
	free(fx->rules);
}

TEST(test_kconfig__compat_strings_of_the_kernel_devices)
{
	struct fixture fx;
	if (!setup(&fx, dts))
		return;
	struct sb out = SB_INIT;
	/* serial0 through the alias (the ":115200n8" suffix dropped), the first compatible with a
	 * rule for timer@1000, timer@4000 the same string again: sorted, once each. */
	CHECK_INT_EQ(hwgen_compat_strings(fx.dtb, fx.rules, &out), 0);
	CHECK_STR_EQ(sb_str(&out), "arm,armv7-timer;arm,gic-400;fsl,imx6q-uart;\n");
	sb_release(&out);
	teardown(&fx);
}

TEST(test_kconfig__compat_strings_without_kernel_devices)
{
	struct fixture fx;
	if (!setup(&fx, "/dts-v1/;\n/ { chosen { }; };\n"))
		return;
	struct sb out = SB_INIT;
	CHECK_INT_EQ(hwgen_compat_strings(fx.dtb, fx.rules, &out), 0);
	CHECK_STR_EQ(sb_str(&out), ";\n");
	sb_release(&out);
	teardown(&fx);
}

static void expect_compat_error(const char *text, const char *what)
{
	struct fixture fx;
	if (!setup(&fx, text))
		return;
	struct sb sink = SB_INIT, out = SB_INIT, want = SB_INIT;
	diag_capture(&sink);
	CHECK_INT_EQ(hwgen_compat_strings(fx.dtb, fx.rules, &out), -1);
	diag_capture(NULL);
	sb_addf(&want, "%s: error: ", fx.dtb);
	sb_adds(&want, what);
	CHECK_STR_CONTAINS(sb_str(&sink), sb_str(&want));
	sb_release(&sink);
	sb_release(&out);
	sb_release(&want);
	teardown(&fx);
}

TEST(test_kconfig__compat_strings_errors)
{
	expect_compat_error("/dts-v1/;\n/ { chosen { seL4,kernel-devices = \"serial9\"; }; };\n",
			    "/chosen seL4,kernel-devices names 'serial9', which is neither a path nor an alias in /aliases");
	expect_compat_error("/dts-v1/;\n/ { chosen { seL4,kernel-devices = \"/soc/gone\"; }; soc { }; };\n",
			    "/chosen seL4,kernel-devices names /soc/gone, which does not exist in the device tree");
	expect_compat_error("/dts-v1/;\n/ { chosen { seL4,kernel-devices = \"/x@5\"; }; x@5 { compatible = \"v,none\"; }; };\n",
			    "no hardware rule matches the compatible strings \"v,none\" of kernel device /x@5");
	expect_compat_error("/dts-v1/;\n/ { };\n", "the device tree has no /chosen node");
}

/* Run CMake text in an evaluator whose scratch build folder is fx->dir. */
static struct kcfg *run_in(struct fixture *fx, const char *text, int *rc)
{
	struct kcfg *k = kcfg_new();
	k->bindir = arena_strdup(k->arena, fx->dir); /* freed with k */
	kcfg_set(k, "B", fx->dir);
	kcfg_set(k, "DTB", fx->dtb);
	kcfg_set(k, "RULES", fx->rules);
	*rc = kcfg_run_text(k, "src/t.cmake", text);
	return k;
}

TEST(test_kconfig__execute_process_runs_the_device_tree_tools)
{
	struct fixture fx;
	if (!setup(&fx, dts))
		return;
	int rc;
	struct kcfg *k = run_in(&fx,
				"execute_process(COMMAND dtc -q -I dtb -O dts ${DTB} OUTPUT_VARIABLE text RESULT_VARIABLE r1)\n"
				"file(WRITE \"${B}/again.dts\" \"${text}\")\n"
				"file(APPEND \"${B}/again.dts\" \"/ { extra { compatible = \\\"x\\\"; }; };\\n\")\n"
				"execute_process(COMMAND dtc -q -I dts -O dtb -o ${B}/again.dtb ${B}/again.dts RESULT_VARIABLE r2)\n"
				"execute_process(COMMAND dtc -q -I dts -O dtb -o ${B}/bad.dtb ${B}/missing.dts\n"
				"                RESULT_VARIABLE r3 ERROR_VARIABLE err3 ERROR_STRIP_TRAILING_WHITESPACE)\n"
				"execute_process(COMMAND dtc --version OUTPUT_VARIABLE v OUTPUT_STRIP_TRAILING_WHITESPACE)\n"
				"execute_process(COMMAND python3 /tree/tools/hardware_gen.py --dtb ${B}/again.dtb --compat-strings\n"
				"  --compat-strings-out ${B}/compat.txt --c-header --header-out ${B}/h.h --hardware-config ${RULES}\n"
				"  RESULT_VARIABLE r4)\n"
				"file(READ ${B}/compat.txt compat)\n"
				"file(WRITE /nonexistent-selfe-dir/x \"outside the build folder: ignored\")\n"
				"file(MAKE_DIRECTORY ${B}/made/deep)\n"
				"file(REMOVE ${B}/again.dts)\n",
				&rc);
	CHECK_INT_EQ(rc, 0);
	CHECK_STR_EQ(kcfg_var(k, "r1"), "0");
	CHECK_STR_CONTAINS(kcfg_var(k, "text"), "compatible = \"fsl,imx6q-uart\";");
	CHECK_STR_EQ(kcfg_var(k, "r2"), "0");
	CHECK(strcmp(kcfg_var(k, "r3"), "0") != 0);
	CHECK(kcfg_var(k, "err3")[0] != '\0');
	const char *v = kcfg_var(k, "v");
	CHECK(strncmp(v, "Version: DTC", 12) == 0 && v[strlen(v) - 1] != '\n');
	CHECK_STR_EQ(kcfg_var(k, "r4"), "0");
	CHECK_STR_EQ(kcfg_var(k, "compat"), "arm,armv7-timer;arm,gic-400;fsl,imx6q-uart;\n");
	CHECK(access("/nonexistent-selfe-dir", F_OK) != 0);
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/made/deep", fx.dir);
	CHECK(path_is_dir(sb_str(&p)));
	sb_reset(&p);
	sb_addf(&p, "%s/again.dts", fx.dir);
	CHECK(access(sb_str(&p), F_OK) != 0);
	sb_release(&p);
	kcfg_free(k);
	teardown(&fx);
}

TEST(test_kconfig__execute_process_refusals)
{
	struct fixture fx;
	if (!setup(&fx, dts))
		return;
	struct sb sink = SB_INIT;
	diag_capture(&sink);
	int rc;
	struct kcfg *k = run_in(&fx, "execute_process(COMMAND ls -l RESULT_VARIABLE r)\n", &rc);
	CHECK(rc != 0);
	CHECK_STR_CONTAINS(sb_str(&sink),
			   "src/t.cmake:1: error: execute_process of \"ls\" is not supported by selfe's configuration evaluator");
	kcfg_free(k);
	sb_reset(&sink);
	k = run_in(&fx, "set(Q qemu-system-selfe-none)\n\nexecute_process(COMMAND ${Q} -version RESULT_VARIABLE r)\n", &rc);
	CHECK(rc != 0);
	CHECK_STR_CONTAINS(sb_str(&sink), "src/t.cmake:3: error: \"qemu-system-selfe-none\" was not found on PATH; "
					  "seL4's configuration runs it for this platform\n");
	CHECK_STR_CONTAINS(sb_str(&sink), "note: the platform's device tree comes from QEMU (-machine virt,dumpdtb=...): "
					  "install QEMU (Debian: qemu-system-arm)\n");
	CHECK_STR_CONTAINS(sb_str(&sink), "note: or set QEMU_DTB to a device tree blob dumped with that QEMU, or use the "
					  "offline snapshot (--offline)\n");
	kcfg_free(k);
	sb_reset(&sink);
	k = run_in(&fx, "execute_process(COMMAND dtc -v COMMAND dtc -v)\n", &rc);
	CHECK(rc != 0);
	CHECK_STR_CONTAINS(sb_str(&sink), "src/t.cmake:1: error: execute_process: selfe's evaluator runs exactly one COMMAND");
	kcfg_free(k);
	sb_reset(&sink);
	/* Without a build folder (a bare script, not a tree), nothing is run. */
	k = kcfg_new();
	CHECK(kcfg_run_text(k, "src/t.cmake", "execute_process(COMMAND dtc -v)\n") != 0);
	CHECK_STR_CONTAINS(sb_str(&sink), "src/t.cmake:1: error: execute_process needs a build folder; evaluate a whole tree");
	kcfg_free(k);
	diag_capture(NULL);
	sb_release(&sink);
	teardown(&fx);
}

TEST(test_kconfig__hardware_rules_in_another_shape_are_refused)
{
	struct fixture fx;
	if (!setup(&fx, dts))
		return;
	static const char flow[] = "devices:\n  - compatible: [arm,gic-400, fsl,imx6q-uart]\n";
	CHECK_INT_EQ(fs_write_atomic(fx.rules, flow, strlen(flow)), 0);
	struct sb sink = SB_INIT, out = SB_INIT, want = SB_INIT;
	diag_capture(&sink);
	CHECK_INT_EQ(hwgen_compat_strings(fx.dtb, fx.rules, &out), -1);
	diag_capture(NULL);
	sb_addf(&want, "%s:2:17: error: YAML feature outside the subset the hardware rules use\n", fx.rules);
	CHECK_STR_CONTAINS(sb_str(&sink), sb_str(&want));
	sb_release(&sink);
	sb_release(&out);
	sb_release(&want);
	teardown(&fx);
}
