/* SPDX-License-Identifier: BSD-2-Clause */
/* Resolution order, metadata layering, selection and relative paths. */
#include <stdlib.h>
#include <string.h>

#include "config_helpers.h"
#include "harness.h"

/* Every layer sets K; each layer also sets a key of its own so that we see which applied. */
static const char layered[] =
	"[sel4]\n"
	"kernel = { path = \"../seL4\" }\n"
	"[sel4.config]\n"
	"K = \"shared\"\n"
	"Shared = 1\n"
	"[sel4.config.platx]\n"
	"K = \"platform\"\n"
	"Plat = true\n"
	"[sel4.config.x86_64]\n"
	"K = \"sel4_arch\"\n"
	"Sel4Arch = true\n"
	"[sel4.config.x86]\n"
	"K = \"arch\"\n"
	"Arch = true\n"
	"[sel4.config.debug]\n"
	"K = \"debug\"\n"
	"Debug = true\n"
	"[sel4.config.release]\n"
	"K = \"release\"\n"
	"Release = true\n"
	"[sel4.config.aarch64]\n"
	"K = \"other sel4_arch\"\n"
	"[sel4.config.arm]\n"
	"K = \"other arch\"\n"
	"[sel4.config.pc99]\n"
	"K = \"other platform\"\n"
	"[build.platx]\n"
	"[metadata]\n"
	"M = \"shared\"\n"
	"[metadata.release]\n"
	"M = \"release\"\n"
	"[metadata.x86]\n"
	"M = \"arch\"\n"
	"X = 5\n"
	"[metadata.platx]\n"
	"P = \"p\"\n";

static struct cfg_resolved *select_platx(struct arena *a, const struct cfg_model *m, const char *sel4_arch, const char *arch,
					 enum cfg_profile profile)
{
	struct cfg_selection sel = { .platform = "platx", .sel4_arch = sel4_arch, .arch = arch, .profile = profile };
	if (cfg_select(m, &sel))
		return NULL;
	return cfg_resolve(a, m, &sel);
}

TEST(test_config__platform_wins_over_every_other_layer)
{
	struct arena *a = arena_new();
	struct cfg_model *m = load_text(a, layered, NULL);
	CHECK(m != NULL);
	struct cfg_resolved *r = m ? select_platx(a, m, "x86_64", NULL, CFG_DEBUG) : NULL;
	CHECK(r != NULL);
	if (r) {
		CHECK_STR_EQ(value_of(a, &r->config, "K"), "\"platform\"");
		CHECK_STR_EQ(value_of(a, &r->config, "Shared"), "1");
		CHECK_STR_EQ(value_of(a, &r->config, "Debug"), "true");
		CHECK_STR_EQ(value_of(a, &r->config, "Release"), "(unset)");
		CHECK_STR_EQ(value_of(a, &r->config, "Arch"), "true");
		CHECK_STR_EQ(value_of(a, &r->config, "Sel4Arch"), "true");
		CHECK_STR_EQ(value_of(a, &r->config, "Plat"), "true");
		/* Order of first appearance: shared keys first. */
		CHECK_STR_EQ(r->config.items[0].key, "K");
		CHECK_STR_EQ(r->config.items[1].key, "Shared");
		CHECK_STR_EQ(r->config.items[2].key, "Debug");
		const struct cfg_resolved_item *k = cfg_resolved_get(&r->config, "K");
		CHECK_INT_EQ(k->at.line, 7);
		CHECK_STR_EQ(k->at.path, "t.toml");
		CHECK_STR_EQ(k->layer->name, "platx");
	}
	arena_free(a);
}

/* Remove one layer at a time from the top and check the next one down wins. */
TEST(test_config__each_layer_beats_the_ones_before_it)
{
	static const struct {
		const char *drop; /* table header whose K line is removed */
		const char *expect;
	} steps[] = {
		{ "[sel4.config.platx]", "\"sel4_arch\"" },
		{ "[sel4.config.x86_64]", "\"arch\"" },
		{ "[sel4.config.x86]", "\"debug\"" },
		{ "[sel4.config.debug]", "\"shared\"" },
	};
	char *text = strdup(layered);
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		char *hdr = strstr(text, steps[i].drop);
		char *k = strstr(hdr, "\nK = ");
		k[1] = '#'; /* comment the line out */
		struct arena *a = arena_new();
		struct cfg_model *m = load_text(a, text, NULL);
		struct cfg_resolved *r = m ? select_platx(a, m, "x86_64", NULL, CFG_DEBUG) : NULL;
		CHECK(r != NULL);
		if (r)
			CHECK_STR_EQ(value_of(a, &r->config, "K"), steps[i].expect);
		arena_free(a);
	}
	free(text);
}

TEST(test_config__release_profile_and_arch_override)
{
	struct arena *a = arena_new();
	struct cfg_model *m = load_text(a, layered, NULL);
	struct cfg_resolved *r = m ? select_platx(a, m, "aarch64", "x86", CFG_RELEASE) : NULL;
	CHECK(r != NULL);
	if (r) {
		CHECK_STR_EQ(value_of(a, &r->config, "Release"), "true");
		CHECK_STR_EQ(value_of(a, &r->config, "Debug"), "(unset)");
		CHECK_STR_EQ(value_of(a, &r->config, "Arch"), "true"); /* --arch x86 said otherwise */
		CHECK_STR_EQ(value_of(a, &r->config, "Sel4Arch"), "(unset)");
		CHECK_STR_EQ(value_of(a, &r->config, "K"), "\"platform\"");
	}
	r = m ? select_platx(a, m, "aarch64", NULL, CFG_RELEASE) : NULL;
	CHECK(r != NULL);
	if (r) {
		CHECK_STR_EQ(r->sel.arch, "arm");
		CHECK_STR_EQ(value_of(a, &r->config, "Arch"), "(unset)");
	}
	arena_free(a);
}

TEST(test_config__metadata_layers_like_config)
{
	struct arena *a = arena_new();
	struct cfg_model *m = load_text(a, layered, NULL);
	struct cfg_resolved *r = m ? select_platx(a, m, "x86_64", NULL, CFG_DEBUG) : NULL;
	CHECK(r != NULL);
	if (r) {
		CHECK_STR_EQ(value_of(a, &r->metadata, "M"), "\"arch\"");
		CHECK_STR_EQ(value_of(a, &r->metadata, "X"), "5");
		CHECK_STR_EQ(value_of(a, &r->metadata, "P"), "\"p\"");
		/* Config and metadata do not leak into each other. */
		CHECK_STR_EQ(value_of(a, &r->metadata, "K"), "(unset)");
		CHECK_STR_EQ(value_of(a, &r->config, "M"), "(unset)");
	}
	r = m ? select_platx(a, m, "aarch64", NULL, CFG_RELEASE) : NULL;
	if (r)
		CHECK_STR_EQ(value_of(a, &r->metadata, "M"), "\"release\"");
	arena_free(a);
}

TEST(test_config__relative_paths_resolve_against_config_folder)
{
	struct arena *a = arena_new();
	struct cfg_model *m = load_text(a,
					"[sel4]\n"
					"kernel = { path = \"../seL4\" }\n"
					"tools = { path = \"/opt/tools\" }\n"
					"util_libs = { git = \"file:///x\", rev = \"abc\" }\n"
					"[build.p]\n"
					"toolchain_dir = \"tc/bin\"\n"
					"[build.p.debug]\n"
					"make_root_task = \"make\"\n"
					"root_task_image = \"out/./root\"\n",
					NULL);
	CHECK(m != NULL);
	if (m) {
		CHECK_INT_EQ(m->kernel.kind, CFG_SOURCE_PATH);
		CHECK_STR_EQ(m->kernel.path, "../seL4");
		CHECK_STR_EQ(m->kernel.abs_path, "/seL4");
		CHECK_STR_EQ(m->tools.abs_path, "/opt/tools");
		CHECK_INT_EQ(m->util_libs.kind, CFG_SOURCE_GIT);
		CHECK_INT_EQ(m->util_libs.ref_kind, CFG_REF_REV);
		CHECK_STR_EQ(m->util_libs.ref, "abc");
		CHECK_STR_EQ(m->builds[0].toolchain_dir_abs, "/proj/tc/bin");
		CHECK_STR_EQ(m->builds[0].debug.root_task_image_abs, "/proj/out/root");
		CHECK(!m->builds[0].release.present);
	}
	arena_free(a);
}

TEST(test_config__unknown_platform_needs_its_sel4_arch)
{
	struct arena *a = arena_new();
	struct sb diag = SB_INIT;
	struct cfg_model *m = load_text(a, "[sel4]\nkernel = { path = \"k\" }\n[sel4.config.board]\nKernelSel4Arch = \"riscv64\"\n"
					   "[build.other]\n", NULL);
	CHECK(m != NULL);
	struct cfg_selection sel = { .platform = "board" };
	CHECK_INT_EQ(cfg_select(m, &sel), 0);
	CHECK_STR_EQ(sel.sel4_arch, "riscv64");
	CHECK_STR_EQ(sel.arch, "riscv");
	struct cfg_selection other = { .platform = "other" };
	diag_capture(&diag);
	CHECK_INT_EQ(cfg_select(m, &other), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&diag), "cannot tell the sel4_arch of platform 'other'");
	sb_release(&diag);
	arena_free(a);
}
