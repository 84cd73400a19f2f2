/* SPDX-License-Identifier: BSD-2-Clause */
/* The interface generator: label and syscall numbering, marshalling, and its error messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/iface/iface.h"
#include "harness.h"
#include "util/fs.h"

static const char *data(struct arena *a, const char *name)
{
	return arena_printf(a, "%s/iface/data/%s", harness_data_dir(), name);
}

TEST(test_iface__labels_number_each_condition_once)
{
	struct arena *a = arena_new();
	struct iface_api *api = iface_load_api(a, data(a, "api.xml"));
	CHECK(api != NULL);
	struct sb out = SB_INIT;
	CHECK_INT_EQ(iface_emit_invocations(&out, api, IFACE_LAYER_GENERIC), 0);
	CHECK_STR_CONTAINS(sb_str(&out), "enum invocation_label {\n    InvalidInvocation,\n    TCBPack,\n"
					 "#if defined(CONFIG_KERNEL_MCS)\n    TCBOnlyMCS,\n#endif\n"
					 "#if !defined(CONFIG_KERNEL_MCS)\n    TCBOnlyMCS,\n#endif\n"
					 "    TCBReadRegisters,\n"
					 "#if (defined(CONFIG_A) && (defined(CONFIG_B) || defined(CONFIG_C)))\n"
					 "    TCBWriteRegisters,\n#endif\n    TCBTime,\n    nInvocationLabels\n};\n");
	sb_reset(&out);
	CHECK_INT_EQ(iface_emit_invocations(&out, api, IFACE_LAYER_ARCH), 0);
	CHECK_STR_CONTAINS(sb_str(&out), "enum arch_invocation_label {\n    TCBPack = nSeL4ArchInvocationLabels,\n");
	CHECK_STR_CONTAINS(sb_str(&out), "    nArchInvocationLabels\n};\n");
	sb_release(&out);
	arena_free(a);
}

TEST(test_iface__syscalls_count_down_through_debug_groups)
{
	struct arena *a = arena_new();
	struct iface_syscalls *s = iface_load_syscalls(a, data(a, "syscalls.xml"));
	CHECK(s != NULL);
	struct sb out = SB_INIT;
	iface_emit_syscalls(&out, s, false);
	CHECK_STR_CONTAINS(sb_str(&out), "    seL4_SysCall = -1,\n    seL4_SysSend = -2,\n"
					 "#if defined(CONFIG_PRINTING)\n    seL4_SysDebugPutChar = -3,\n"
					 "#endif /* defined(CONFIG_PRINTING) */\n"
					 "#if (defined(CONFIG_DEBUG_BUILD) && defined(CONFIG_SMP))\n"
					 "    seL4_SysDebugSendIPI = -4,\n    seL4_SysDebugAffinity = -5,\n");
	sb_reset(&out);
	iface_emit_syscalls(&out, s, true);
	CHECK_STR_CONTAINS(sb_str(&out), "    seL4_SysWait = -2,\n    seL4_SysSend = -3,\n");
	CHECK_STR_CONTAINS(sb_str(&out), "    seL4_SysDebugAffinity = -6,\n");
	sb_release(&out);
	arena_free(a);
}

/* Emit the stubs for the test API, compile them against a recording environment, run it. */
TEST(test_iface__stubs_marshal_every_word)
{
	struct arena *a = arena_new();
	const struct iface_api *apis[1] = { iface_load_api(a, data(a, "api.xml")) };
	CHECK(apis[0] != NULL);
	struct sb out = SB_INIT;
	struct iface_stub_options opt = { .sel4_arch = "aarch64", .registers_by_count = true };
	CHECK_INT_EQ(iface_emit_stubs(&out, a, apis, 1, &opt), 0);
	char dir[] = "/tmp/selfe-iface-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	const char *header = arena_printf(a, "%s/client.h", dir);
	CHECK_INT_EQ(fs_write_atomic(header, out.buf, out.len), 0);
	const char *cmd = arena_printf(a,
				       "cc -std=c11 -Wall -Werror -DCONFIG_KERNEL_MCS -DCONFIG_A -DCONFIG_C -I%s/iface/env -I%s "
				       "%s/iface/env/marshal_check.c -o %s/check 2>&1 && %s/check",
				       harness_data_dir(), dir, harness_data_dir(), dir, dir);
	FILE *p = popen(cmd, "r");
	struct sb log = SB_INIT;
	char buf[4096];
	size_t n;
	while (p && (n = fread(buf, 1, sizeof(buf), p)) > 0)
		sb_add(&log, buf, n);
	int rc = p ? pclose(p) : -1;
	if (rc != 0)
		harness_fail(__FILE__, __LINE__, "marshal check failed:\n%s", sb_str(&log));
	unlink(header);
	unlink(arena_printf(a, "%s/check", dir));
	rmdir(dir);
	sb_release(&log);
	sb_release(&out);
	arena_free(a);
}

static void check_fails(const char *file, const char *expect)
{
	struct arena *a = arena_new();
	struct sb diag = SB_INIT;
	diag_capture(&diag);
	const struct iface_api *apis[1] = { iface_load_api(a, data(a, file)) };
	int rc = -1;
	if (apis[0]) {
		struct sb out = SB_INIT;
		struct iface_stub_options opt = { .sel4_arch = "x86_64" };
		rc = iface_emit_invocations(&out, apis[0], IFACE_LAYER_GENERIC);
		if (rc == 0)
			rc = iface_emit_stubs(&out, a, apis, 1, &opt);
		sb_release(&out);
	}
	diag_capture(NULL);
	CHECK_INT_EQ(rc, -1);
	CHECK_STR_CONTAINS(sb_str(&diag), expect);
	sb_release(&diag);
	arena_free(a);
}

TEST(test_iface__errors_name_file_and_line)
{
	check_fails("dup-label.xml", "dup-label.xml:5: error: invocation label 'TCBSame' is defined twice under the same condition");
	check_fails("bad-type.xml", "bad-type.xml:5: error: parameter 'thing' of seL4_TCB_X has unknown type 'seL4_NoSuchType'");
	check_fails("too-many-words.xml", "too-many-words.xml:5: error: the inputs of seL4_TCB_Wide take 61 message words; the stubs can marshal 60");
	check_fails("bad-dir.xml", "bad-dir.xml:5: error: parameter 'thing' has dir=\"inout\" (expected \"in\" or \"out\")");
	check_fails("malformed.xml", "malformed.xml:4:7: error: invalid XML: Opening and ending tag mismatch: interface line 3 and api");
	/* Included content is reported in its own file. */
	check_fails("include-main.xml", "include-part.xml:4: error: parameter 'x' of seL4_CNode_Second has unknown type 'seL4_Nope'");
}
