/* SPDX-License-Identifier: BSD-2-Clause */
/* parse(serialize(m)) == m, for the default and for a config using every feature. */
#include <string.h>

#include "config_helpers.h"
#include "harness.h"

static void check_round_trip(const struct cfg_model *m)
{
	struct arena *a = arena_new();
	struct sb text = SB_INIT;
	cfg_model_write(&text, m);
	struct sb diag = SB_INIT;
	struct cfg_model *again = load_text(a, sb_str(&text), &diag);
	CHECK_STR_EQ(sb_str(&diag), "");
	CHECK(again != NULL);
	if (again)
		CHECK(cfg_model_equal(m, again));
	/* Writing is deterministic: the second serialisation is byte-identical. */
	struct sb text2 = SB_INIT;
	if (again)
		cfg_model_write(&text2, again);
	CHECK_STR_EQ(sb_str(&text2), sb_str(&text));
	sb_release(&text);
	sb_release(&text2);
	sb_release(&diag);
	arena_free(a);
}

TEST(test_config__default_round_trips)
{
	struct arena *a = arena_new();
	struct cfg_model *m = cfg_load_default(a, "/proj");
	CHECK(m != NULL);
	if (m)
		check_round_trip(m);
	arena_free(a);
}

TEST(test_config__every_feature_round_trips)
{
	struct arena *a = arena_new();
	struct cfg_model *m = load_text(a,
					"[sel4]\n"
					"kernel = { git = \"https://example.org/seL4.git\", branch = \"main\" }\n"
					"tools = { path = \"../tools with space\" }\n"
					"util_libs = { git = \"file:///u\", rev = \"0123abcd\" }\n"
					"[sel4.config]\n"
					"S = \"quote \\\" backslash \\\\ tab \\t é\"\n"
					"I = -9223372036854775808\n"
					"B = false\n"
					"[sel4.config.\"odd platform\"]\n"
					"S = \"x\"\n"
					"[sel4.config.debug]\n"
					"[build.pc99]\n"
					"cross_compiler_prefix = \"\"\n"
					"toolchain_dir = \"/tc\"\n"
					"[build.pc99.release]\n"
					"make_root_task = \"make -C app\"\n"
					"root_task_image = \"app/root\"\n"
					"[build.\"odd platform\".debug]\n"
					"root_task_image = \"x\"\n"
					"[metadata]\n"
					"\"weird key\" = 1\n"
					"[metadata.sabre]\n"
					"n = 2\n"
					"[app]\n"
					"name = \"hello\"\n"
					"sources = [\"src/*.c\", \"lib/a b.c\"]\n"
					"include = []\n"
					"cflags = [\"-DX=\\\"y\\\"\"]\n"
					"files = [\"data.txt\"]\n"
					"stack_size = 131072\n"
					"[simulate]\n"
					"memory = 1024\n"
					"[test]\n"
					"expect = [\"^hello: all done$\", \"a\\\\(b\"]\n"
					"timeout = 30\n",
					NULL);
	CHECK(m != NULL);
	if (m)
		check_round_trip(m);
	arena_free(a);
}

TEST(test_config__equality_sees_every_difference)
{
	static const char base[] = "[sel4]\nkernel = { git = \"g\", tag = \"t\" }\n[sel4.config]\nA = 1\n"
				   "[sel4.config.p]\nB = true\n[build.p.debug]\nroot_task_image = \"i\"\n";
	static const char *const variants[] = {
		"[sel4]\nkernel = { git = \"g\", branch = \"t\" }\n[sel4.config]\nA = 1\n[sel4.config.p]\nB = true\n[build.p.debug]\nroot_task_image = \"i\"\n",
		"[sel4]\nkernel = { git = \"g\", tag = \"t\" }\n[sel4.config]\nA = 2\n[sel4.config.p]\nB = true\n[build.p.debug]\nroot_task_image = \"i\"\n",
		"[sel4]\nkernel = { git = \"g\", tag = \"t\" }\n[sel4.config]\nA = \"1\"\n[sel4.config.p]\nB = true\n[build.p.debug]\nroot_task_image = \"i\"\n",
		"[sel4]\nkernel = { git = \"g\", tag = \"t\" }\n[sel4.config]\nA = 1\n[sel4.config.q]\nB = true\n[build.p.debug]\nroot_task_image = \"i\"\n",
		"[sel4]\nkernel = { git = \"g\", tag = \"t\" }\n[sel4.config]\nA = 1\n[sel4.config.p]\nB = true\n[build.p.release]\nroot_task_image = \"i\"\n",
		"[sel4]\nkernel = { git = \"g\", tag = \"t\" }\n[sel4.config]\nA = 1\n[sel4.config.p]\nB = true\n[build.p.debug]\nroot_task_image = \"i\"\n[metadata]\nA = 1\n",
		"[sel4]\nkernel = { git = \"g\", tag = \"t\" }\n[sel4.config]\nA = 1\n[sel4.config.p]\nB = true\n[build.p.debug]\nroot_task_image = \"i\"\n[app]\nname = \"n\"\n",
		"[sel4]\nkernel = { git = \"g\", tag = \"t\" }\n[sel4.config]\nA = 1\n[sel4.config.p]\nB = true\n[build.p.debug]\nroot_task_image = \"i\"\n[simulate]\n",
		"[sel4]\nkernel = { git = \"g\", tag = \"t\" }\n[sel4.config]\nA = 1\n[sel4.config.p]\nB = true\n[build.p.debug]\nroot_task_image = \"i\"\n[test]\nfail = [\"x\"]\n",
	};
	struct arena *a = arena_new();
	struct cfg_model *m = load_text(a, base, NULL);
	CHECK(m != NULL);
	for (size_t i = 0; m && i < sizeof(variants) / sizeof(variants[0]); i++) {
		struct cfg_model *v = load_text(a, variants[i], NULL);
		CHECK(v != NULL);
		if (v && cfg_model_equal(m, v))
			harness_fail(__FILE__, __LINE__, "variant %zu compares equal", i);
	}
	if (m)
		CHECK(cfg_model_equal(m, load_text(a, base, NULL)));
	arena_free(a);
}
