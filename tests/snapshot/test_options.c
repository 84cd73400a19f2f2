/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The snapshot's kernel option table (snapshot/sel4-16.0.0/options.toml) and its reader:
 * every configuration's JSON against the table's entries; each refusal with its exact message;
 * with a seL4 tree (SEL4_SOURCE), the committed table against the generator's output and the
 * reader's JSON against the tree evaluated natively.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "gen/libsel4/libsel4.h"
#include "harness.h"
#include "snapshot/options.h"
#include "snapshot-options/options_write.h"
#include "toml/toml.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/sb.h"

#define TABLE_PATH "snapshot/sel4-16.0.0/options.toml"

static char *read_table(size_t *len)
{
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/../" TABLE_PATH, harness_data_dir());
	char *t = fs_read_file(sb_str(&p), len);
	sb_release(&p);
	CHECK(t != NULL);
	return t;
}

/* The default sel4.toml resolved for platform/profile, with KernelIsMCS = true when mcs. */
static struct cfg_resolved *resolve_default(struct arena *a, const char *platform, enum cfg_profile profile, bool mcs)
{
	struct cfg_model *m = cfg_load_default(a, ".");
	struct cfg_selection sel = { platform, NULL, NULL, profile };
	if (!m || cfg_select(m, &sel))
		return NULL;
	struct cfg_resolved *r = cfg_resolve(a, m, &sel);
	if (mcs) {
		struct cfg_resolved_list *l = &r->config;
		struct cfg_resolved_item *items = arena_alloc(a, (l->len + 1) * sizeof *items);
		memcpy(items, l->items, l->len * sizeof *items);
		items[l->len] = (struct cfg_resolved_item){ "KernelIsMCS", { CFG_BOOL, NULL, 0, true }, { "sel4.toml", 9, 1 }, NULL };
		l->items = items;
		l->len++;
		l->cap = l->len;
	}
	return r;
}

static int json_for(struct arena *a, const char *table, size_t len, const char *platform, const char *sel4_arch,
		    enum cfg_profile profile, const struct cfg_resolved_list *config, const char **kj, const char **sj)
{
	struct snapshot_options_request req = { table, len, TABLE_PATH, platform, sel4_arch, profile, config };
	return snapshot_options_json(a, &req, kj, sj);
}

/* The JSON a configuration must get, written here straight from the table's entry list and values. */
static void expected_json(struct sb *out, const struct toml_table *root, const char *conf, const char *lib)
{
	const struct toml_array *order = toml_table_get(toml_table_get(toml_table_get(root, "configurations")->u.tab, conf)->u.tab, lib)->u.arr;
	const struct toml_table *rows = toml_table_get(root, lib)->u.tab;
	sb_adds(out, order->len ? "{\n" : "{}");
	for (size_t i = 0; i < order->len; i++) {
		const char *name = order->items[i].u.s.ptr;
		const struct toml_value *v = toml_table_get(toml_table_get(rows, name)->u.tab, "values");
		if (v->kind == TOML_TABLE)
			v = toml_table_get(v->u.tab, conf);
		sb_addf(out, "    \"%s\": ", name);
		if (v->kind == TOML_BOOL)
			sb_adds(out, v->u.b ? "true" : "false");
		else
			sb_addf(out, "\"%s\"", v->u.s.ptr);
		sb_adds(out, i + 1 < order->len ? ",\n" : "\n}");
	}
}

TEST(test_snapshot__every_configuration_gives_its_table_entries)
{
	size_t len;
	char *table = read_table(&len);
	if (!table)
		return;
	struct arena *a = arena_new();
	struct toml_error err;
	struct toml_table *root = toml_parse(a, table, len, &err);
	CHECK(root != NULL);
	const struct toml_table *confs = root ? toml_table_get(root, "configurations")->u.tab : NULL;
	/* The supported set of issue 4, no more, no less. */
	CHECK_INT_EQ(confs ? confs->len : 0, 12);
	size_t checked = 0;
	for (size_t i = 0; confs && i < confs->len; i++) {
		const char *name = confs->items[i].key.ptr;
		const struct toml_table *c = confs->items[i].value.u.tab;
		const char *platform = toml_table_get(c, "platform")->u.s.ptr;
		const char *sel4_arch = toml_table_get(c, "sel4_arch")->u.s.ptr;
		enum cfg_profile profile = strcmp(toml_table_get(c, "profile")->u.s.ptr, "release") == 0 ? CFG_RELEASE : CFG_DEBUG;
		bool mcs = toml_table_get(c, "mcs")->u.b;
		struct cfg_resolved *r = resolve_default(a, platform, profile, mcs);
		CHECK(r != NULL);
		if (!r)
			continue;
		const char *kj = NULL, *sj = NULL;
		CHECK_INT_EQ(json_for(a, table, len, platform, sel4_arch, profile, &r->config, &kj, &sj), 0);
		struct sb ek = SB_INIT, es = SB_INIT;
		expected_json(&ek, root, name, "kernel");
		expected_json(&es, root, name, "sel4");
		CHECK_STR_EQ(kj, sb_str(&ek));
		CHECK_STR_EQ(sj, sb_str(&es));
		/* Non-trivial: a real kernel configuration has well over a hundred entries. */
		CHECK(strlen(sb_str(&ek)) > 4000);
		checked++;
		sb_release(&ek);
		sb_release(&es);
	}
	CHECK_INT_EQ(checked, 12);
	arena_free(a);
	free(table);
}

TEST(test_snapshot__settings_equal_to_the_configuration_are_accepted)
{
	size_t len;
	char *table = read_table(&len);
	if (!table)
		return;
	struct arena *a = arena_new();
	struct cfg_resolved_item items[] = {
		{ "KernelFPU", { CFG_STRING, "FXSAVE", 0, false }, { "sel4.toml", 3, 1 }, NULL },
		/* A CMake spelling of a boolean the configuration has. */
		{ "KernelDebugBuild", { CFG_STRING, "ON", 0, false }, { "sel4.toml", 4, 1 }, NULL },
		/* Not among the settings, but the value its option has anyway. */
		{ "KernelBenchmarks", { CFG_STRING, "none", 0, false }, { "sel4.toml", 5, 1 }, NULL },
		{ "KernelIsMCS", { CFG_BOOL, NULL, 0, false }, { "sel4.toml", 6, 1 }, NULL },
		{ "KernelMaxNumNodes", { CFG_INTEGER, NULL, 1, false }, { "sel4.toml", 7, 1 }, NULL },
	};
	struct cfg_resolved_list l = { .items = items, .len = 5, .cap = 5 };
	const char *kj = NULL, *sj = NULL;
	CHECK_INT_EQ(json_for(a, table, len, "pc99", "x86_64", CFG_DEBUG, &l, &kj, &sj), 0);
	CHECK_STR_CONTAINS(kj, "\n    \"KERNEL_X86_FPU\": \"FXSAVE\",\n");
	CHECK_STR_CONTAINS(kj, "\n    \"DEBUG_BUILD\": true,\n");
	CHECK_STR_CONTAINS(kj, "\n    \"KERNEL_MCS\": false,\n");
	CHECK_STR_CONTAINS(sj, "\"LIB_SEL4_INLINE_INVOCATIONS\": true");
	arena_free(a);
	free(table);
}

/* Run a request expected to fail; returns the captured diagnostics (caller releases). */
static void expect_refusal(struct sb *sink, const char *table, size_t len, const char *platform, const char *sel4_arch,
			   enum cfg_profile profile, const struct cfg_resolved_item *items, size_t n)
{
	struct arena *a = arena_new();
	struct cfg_resolved_list l = { .items = (struct cfg_resolved_item *)items, .len = n, .cap = n };
	const char *kj = NULL, *sj = NULL;
	diag_capture(sink);
	CHECK_INT_EQ(json_for(a, table, len, platform, sel4_arch, profile, &l, &kj, &sj), -1);
	diag_capture(NULL);
	CHECK(kj == NULL && sj == NULL);
	arena_free(a);
}

TEST(test_snapshot__unsupported_platform_and_mcs)
{
	size_t len;
	char *table = read_table(&len);
	if (!table)
		return;
	struct sb sink = SB_INIT;
	expect_refusal(&sink, table, len, "zynqmp", "aarch64", CFG_DEBUG, NULL, 0);
	CHECK_STR_EQ(sb_str(&sink),
		     "selfe: error: the offline seL4 16.0.0 snapshot has no configuration for platform 'zynqmp' with sel4_arch 'aarch64'\n"
		     "selfe: note: it supports: pc99 (x86_64), sabre (aarch32), qemu-arm-virt (aarch64), qemu-riscv-virt (riscv64)\n"
		     "selfe: note: for other configurations, generate libsel4 from a seL4 tree: selfe gen --source DIR\n");
	sb_reset(&sink);
	/* A known platform with another sel4_arch is another configuration. */
	expect_refusal(&sink, table, len, "qemu-arm-virt", "aarch32", CFG_DEBUG, NULL, 0);
	CHECK_STR_CONTAINS(sb_str(&sink), "error: the offline seL4 16.0.0 snapshot has no configuration for platform "
					  "'qemu-arm-virt' with sel4_arch 'aarch32'\n");
	sb_reset(&sink);
	struct cfg_resolved_item mcs = { "KernelIsMCS", { CFG_BOOL, NULL, 0, true }, { "app/sel4.toml", 12, 3 }, NULL };
	expect_refusal(&sink, table, len, "sabre", "aarch32", CFG_RELEASE, &mcs, 1);
	CHECK_STR_EQ(sb_str(&sink),
		     "app/sel4.toml:12:3: error: the offline seL4 16.0.0 snapshot has no MCS configuration for platform 'sabre' (aarch32)\n"
		     "selfe: note: KernelIsMCS = true is supported offline for: pc99 (x86_64), qemu-arm-virt (aarch64)\n"
		     "selfe: note: for other configurations, generate libsel4 from a seL4 tree: selfe gen --source DIR\n");
	sb_release(&sink);
	free(table);
}

TEST(test_snapshot__settings_the_snapshot_cannot_honour)
{
	size_t len;
	char *table = read_table(&len);
	if (!table)
		return;
	struct sb sink = SB_INIT;
	struct cfg_resolved_item nodes = { "KernelMaxNumNodes", { CFG_INTEGER, NULL, 4, false }, { "sel4.toml", 7, 21 }, NULL };
	expect_refusal(&sink, table, len, "pc99", "x86_64", CFG_DEBUG, &nodes, 1);
	CHECK_STR_EQ(sb_str(&sink),
		     "sel4.toml:7:21: error: the offline seL4 16.0.0 snapshot cannot honour KernelMaxNumNodes = 4 for pc99 (x86_64, debug)\n"
		     "selfe: note: the snapshot supports KernelMaxNumNodes = 1 (pc99-debug, pc99-release, pc99-debug-mcs, pc99-release-mcs)\n"
		     "selfe: note: to use other values, generate libsel4 from a seL4 tree: selfe gen --source DIR\n");
	sb_reset(&sink);
	/* The value of another profile: the note says which configurations have it. */
	struct cfg_resolved_item dbg = { "KernelDebugBuild", { CFG_BOOL, NULL, 0, false }, { "sel4.toml", 2, 1 }, NULL };
	expect_refusal(&sink, table, len, "qemu-arm-virt", "aarch64", CFG_DEBUG, &dbg, 1);
	CHECK_STR_EQ(sb_str(&sink),
		     "sel4.toml:2:1: error: the offline seL4 16.0.0 snapshot cannot honour KernelDebugBuild = false for qemu-arm-virt (aarch64, debug)\n"
		     "selfe: note: the snapshot supports KernelDebugBuild = true (qemu-arm-virt-debug, qemu-arm-virt-debug-mcs) or false "
		     "(qemu-arm-virt-release, qemu-arm-virt-release-mcs)\n"
		     "selfe: note: to use other values, generate libsel4 from a seL4 tree: selfe gen --source DIR\n");
	sb_reset(&sink);
	struct cfg_resolved_item fpu = { "KernelFPU", { CFG_STRING, "XSAVE", 0, false }, { "sel4.toml", 30, 1 }, NULL };
	expect_refusal(&sink, table, len, "pc99", "x86_64", CFG_RELEASE, &fpu, 1);
	CHECK_STR_CONTAINS(sb_str(&sink), "sel4.toml:30:1: error: the offline seL4 16.0.0 snapshot cannot honour KernelFPU = \"XSAVE\" "
					  "for pc99 (x86_64, release)\n"
					  "selfe: note: the snapshot supports KernelFPU = \"FXSAVE\" (pc99-debug, pc99-release, "
					  "pc99-debug-mcs, pc99-release-mcs)\n");
	sb_reset(&sink);
	struct cfg_resolved_item unknown = { "KernelFrobnicate", { CFG_BOOL, NULL, 0, true }, { "sel4.toml", 8, 1 }, NULL };
	expect_refusal(&sink, table, len, "qemu-riscv-virt", "riscv64", CFG_DEBUG, &unknown, 1);
	CHECK_STR_EQ(sb_str(&sink),
		     "sel4.toml:8:1: error: 'KernelFrobnicate' is not an option of the kernel (the embedded seL4 16.0.0 snapshot)\n");
	sb_reset(&sink);
	/* A misspelt name: the nearest name the table knows. */
	struct cfg_resolved_item typo = { "KernelPrintng", { CFG_BOOL, NULL, 0, true }, { "sel4.toml", 9, 1 }, NULL };
	expect_refusal(&sink, table, len, "pc99", "x86_64", CFG_DEBUG, &typo, 1);
	CHECK_STR_EQ(sb_str(&sink),
		     "sel4.toml:9:1: error: 'KernelPrintng' is not an option of the kernel (the embedded seL4 16.0.0 snapshot)\n"
		     "selfe: note: did you mean 'KernelPrinting'?\n");
	sb_reset(&sink);
	/* An option of another platform only. */
	struct cfg_resolved_item pcid = { "KernelSupportPCID", { CFG_BOOL, NULL, 0, false }, { "sel4.toml", 9, 1 }, NULL };
	expect_refusal(&sink, table, len, "sabre", "aarch32", CFG_DEBUG, &pcid, 1);
	CHECK_STR_CONTAINS(sb_str(&sink), "note: KernelSupportPCID is not a kernel option of any snapshot configuration for sabre (aarch32)\n");
	sb_release(&sink);
	free(table);
}

TEST(test_snapshot__malformed_tables)
{
	struct sb sink = SB_INIT;
	const char *bad = "version = \"16.0.0\"\n[configurations.x\n";
	expect_refusal(&sink, bad, strlen(bad), "pc99", "x86_64", CFG_DEBUG, NULL, 0);
	CHECK_STR_CONTAINS(sb_str(&sink), TABLE_PATH ":2:");
	CHECK_STR_CONTAINS(sb_str(&sink), "error: malformed option table: ");
	sb_reset(&sink);
	const char *no_rows = "version = \"16.0.0\"\n[configurations.pc99-debug]\nplatform = \"pc99\"\nsel4_arch = \"x86_64\"\n"
			      "profile = \"debug\"\nmcs = false\nkernel = [\"A\"]\nsel4 = []\n[kernel]\n";
	expect_refusal(&sink, no_rows, strlen(no_rows), "pc99", "x86_64", CFG_DEBUG, NULL, 0);
	CHECK_STR_EQ(sb_str(&sink), TABLE_PATH ":7:11: error: malformed option table: entry A of configuration pc99-debug has no value\n");
	sb_release(&sink);
}

/* With a tree: the committed table is what the generator writes, and the reader's JSON is the
 * tree's configuration evaluated natively (itself checked against CMake in test_kconfig). */
TEST(test_snapshot__table_matches_the_tree)
{
	const char *src = getenv("SEL4_SOURCE");
	if (!src || !*src || system("command -v dtc >/dev/null 2>&1") != 0 ||
	    system("command -v qemu-system-aarch64 >/dev/null 2>&1 && command -v qemu-system-riscv64 >/dev/null 2>&1") != 0) {
		harness_skip("needs SEL4_SOURCE (a seL4 16.0.0 tree), dtc and QEMU (aarch64, riscv64)");
		return;
	}
	size_t len;
	char *table = read_table(&len);
	if (!table)
		return;
	struct sb fresh = SB_INIT;
	CHECK_INT_EQ(snapshot_options_write(&fresh, src), 0);
	if (strcmp(sb_str(&fresh), table) != 0)
		harness_fail(__FILE__, __LINE__, "%s is not what tools/snapshot-options writes for %s: regenerate it", TABLE_PATH, src);
	struct arena *a = arena_new();
	struct toml_error err;
	struct toml_table *root = toml_parse(a, table, len, &err);
	const struct toml_table *confs = root ? toml_table_get(root, "configurations")->u.tab : NULL;
	for (size_t i = 0; confs && i < confs->len; i++) {
		const struct toml_table *c = confs->items[i].value.u.tab;
		const char *platform = toml_table_get(c, "platform")->u.s.ptr;
		enum cfg_profile profile = strcmp(toml_table_get(c, "profile")->u.s.ptr, "release") == 0 ? CFG_RELEASE : CFG_DEBUG;
		struct cfg_resolved *r = resolve_default(a, platform, profile, toml_table_get(c, "mcs")->u.b);
		const char *kj = NULL, *sj = NULL, *nk = NULL, *ns = NULL;
		CHECK_INT_EQ(json_for(a, table, len, platform, r->sel.sel4_arch, profile, &r->config, &kj, &sj), 0);
		CHECK_INT_EQ(libsel4_native_config(a, src, &r->config, NULL, &nk, &ns), 0);
		CHECK_STR_EQ(kj, nk);
		CHECK_STR_EQ(sj, ns);
	}
	arena_free(a);
	sb_release(&fresh);
	free(table);
}
