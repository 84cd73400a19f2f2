/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The interface structure file holds for the headers selfe emits from the same definitions, in
 * every configuration of their conditions, and fails for a header whose conditions or numbers
 * are off.  Generic labels and syscalls come from tests/iface/data; the sel4_arch and arch
 * layers (with an interface struct) are written here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include "gen-proof/lib/proof.h"
#include "harness.h"
#include "util/fs.h"

static const char sel4_arch_xml[] = "<?xml version=\"1.0\" ?>\n<api name=\"A\">\n"
				    "<interface name=\"seL4_A\"><method id=\"ArchFirst\" name=\"First\"/>"
				    "<method id=\"ArchMaybe\" name=\"Maybe\"><condition><config var=\"CONFIG_B\"/></condition></method>"
				    "<method id=\"ArchLast\" name=\"Last\"/></interface>\n</api>\n";
static const char arch_xml[] = "<?xml version=\"1.0\" ?>\n<api name=\"B\">\n"
			       "<struct name=\"seL4_Pair\"><member name=\"lo\"/><member name=\"hi\"/></struct>\n"
			       "<interface name=\"seL4_B\"><method id=\"ArchOnly\" name=\"Only\"/></interface>\n</api>\n";
static const char sel4_h[] = "#pragma once\n#include <stddef.h>\ntypedef unsigned long seL4_Word;\n"
			     "typedef struct { seL4_Word lo, hi; } seL4_Pair;\n"
			     "typedef struct {\n\tseL4_Word pc, sp, r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, r16,\n"
			     "\t\tr17, r18, r19, r20, r21, r22, r23, r24, r25, r26, r27, r28, r29, r30, r31, r32, r33;\n} seL4_UserContext;\n"
			     "#include <sel4/syscall.h>\n#include <sel4/invocation.h>\n";
static const char config_h[] = "#pragma once\n#define SEL4_FORCE_LONG_ENUM(t) _enum_pad_##t = 0x7fffffffL\n";

static bool put(struct arena *a, const char *dir, const char *name, const char *text, size_t len)
{
	const char *path = arena_printf(a, "%s/%s", dir, name);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	bool ok = fs_mkdirs(path) == 0;
	*slash = '/';
	return ok && fs_write_atomic(path, text, len) == 0;
}

/* Compiles structure.c in `dir` with each set of -D flags; how many compiled. */
static int compiles(struct arena *a, const char *dir)
{
	static const char *const configs[] = { "", "-DCONFIG_KERNEL_MCS", "-DCONFIG_A -DCONFIG_B", "-DCONFIG_A -DCONFIG_C -DCONFIG_KERNEL_MCS",
					       "-DCONFIG_PRINTING -DCONFIG_DEBUG_BUILD -DCONFIG_SMP" };
	int n = 0;
	for (size_t i = 0; i < sizeof(configs) / sizeof(configs[0]); i++)
		n += system(arena_printf(a, "cd %s && cc -std=c11 -fsyntax-only -I. %s structure.c >/dev/null 2>&1", dir, configs[i])) == 0;
	return n;
}

/* Emits headers and structure file into a temporary folder; `mutate` edits the generic header. */
static int run(void (*mutate)(struct sb *generic))
{
	struct arena *a = arena_new();
	char dir[] = "/tmp/selfe-proof-iface-XXXXXX";
	int result = -1;
	if (!mkdtemp(dir)) {
		CHECK(false);
		arena_free(a);
		return -1;
	}
	CHECK(put(a, dir, "sa.xml", sel4_arch_xml, strlen(sel4_arch_xml)));
	CHECK(put(a, dir, "a.xml", arch_xml, strlen(arch_xml)));
	const struct iface_api *apis[3] = {
		iface_load_api(a, arena_printf(a, "%s/sa.xml", dir)),
		iface_load_api(a, arena_printf(a, "%s/a.xml", dir)),
		iface_load_api(a, arena_printf(a, "%s/iface/data/api.xml", harness_data_dir())),
	};
	const struct iface_syscalls *sys = iface_load_syscalls(a, arena_printf(a, "%s/iface/data/syscalls.xml", harness_data_dir()));
	CHECK(apis[0] && apis[1] && apis[2] && sys);
	if (apis[0] && apis[1] && apis[2] && sys) {
		static const char *const names[3] = { "sel4/sel4_arch/invocation.h", "sel4/arch/invocation.h", "sel4/invocation.h" };
		static const enum iface_layer layers[3] = { IFACE_LAYER_SEL4_ARCH, IFACE_LAYER_ARCH, IFACE_LAYER_GENERIC };
		struct sb text = SB_INIT;
		for (size_t i = 0; i < 3; i++) {
			sb_reset(&text);
			CHECK_INT_EQ(iface_emit_invocations(&text, apis[i], layers[i]), 0);
			if (i == 2 && mutate)
				mutate(&text);
			CHECK(put(a, dir, names[i], text.buf, text.len));
		}
		sb_reset(&text);
		iface_emit_syscalls(&text, sys, false);
		sb_adds(&text, "#ifdef CONFIG_KERNEL_MCS\n#error \"the MCS numbering is in syscall_mcs.h\"\n#endif\n");
		CHECK(put(a, dir, "sel4/syscall_master.h", text.buf, text.len));
		sb_reset(&text);
		iface_emit_syscalls(&text, sys, true);
		CHECK(put(a, dir, "sel4/syscall_mcs.h", text.buf, text.len));
		static const char pick[] = "#ifdef CONFIG_KERNEL_MCS\n#include <sel4/syscall_mcs.h>\n#else\n#include <sel4/syscall_master.h>\n#endif\n";
		CHECK(put(a, dir, "sel4/syscall.h", pick, strlen(pick)));
		CHECK(put(a, dir, "sel4/config.h", config_h, strlen(config_h)));
		CHECK(put(a, dir, "sel4/sel4.h", sel4_h, strlen(sel4_h)));
		sb_reset(&text);
		sb_adds(&text, "#include <sel4/sel4.h>\n");
		CHECK(proof_emit_iface_structure(&text, apis, sys) > 0);
		CHECK(put(a, dir, "structure.c", text.buf, text.len));
		sb_release(&text);
		result = compiles(a, dir);
	}
	CHECK(system(arena_printf(a, "rm -rf %s", getenv("SELFE_PROOF_KEEP") ? "/nonexistent" : dir)) == 0);
	arena_free(a);
	return result;
}

static void replace(struct sb *s, const char *from, const char *to)
{
	char *at = strstr(s->buf, from);
	CHECK(at != NULL);
	if (!at)
		return;
	struct sb out = SB_INIT;
	sb_add(&out, s->buf, (size_t)(at - s->buf));
	sb_adds(&out, to);
	sb_adds(&out, at + strlen(from));
	sb_reset(s);
	sb_add(s, out.buf, out.len);
	sb_release(&out);
}

static void flip_mcs_condition(struct sb *generic)
{
	replace(generic, "#if defined(CONFIG_KERNEL_MCS)\n", "#if !defined(CONFIG_KERNEL_MCS)\n");
}

static void drop_a_condition(struct sb *generic)
{
	replace(generic, "#if (defined(CONFIG_A) && (defined(CONFIG_B) || defined(CONFIG_C)))\n", "#if 1\n");
}

TEST(test_gen_proof__iface_structure_holds_in_every_configuration)
{
	CHECK_INT_EQ(run(NULL), 5);
}

TEST(test_gen_proof__iface_structure_rejects_wrong_conditions)
{
	/* a label under the wrong condition moves the labels after it in some configuration */
	CHECK(run(flip_mcs_condition) < 5);
	CHECK(run(drop_a_condition) < 5);
}
