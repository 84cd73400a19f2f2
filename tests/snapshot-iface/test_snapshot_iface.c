/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The interface part of the embedded seL4 16.0.0 snapshot (snapshot/sel4-16.0.0): its XML and
 * .bf files hold facts only, every one of them loads for x86_64, aarch32, aarch64 and riscv64,
 * master and MCS, debug and release, with the options off and with every option the files test
 * on; the headers generated from them compile with each target's cross compiler; and, with a
 * seL4 16.0.0 tree in $SEL4_SOURCE, they are text-identical to the headers generated from it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "snapshot_gen.h"
#include "util/fs.h"
#include "util/proc.h"

/* The snapshot's interface files, relative to its root. */
static const char *const interface_files[] = {
	"libsel4/include/api/syscall.xml",
	"libsel4/include/interfaces/object-api.xml",
	"libsel4/arch_include/x86/interfaces/object-api-arch.xml",
	"libsel4/arch_include/arm/interfaces/object-api-arch.xml",
	"libsel4/arch_include/riscv/interfaces/object-api-arch.xml",
	"libsel4/sel4_arch_include/x86_64/interfaces/object-api-sel4-arch.xml",
	"libsel4/sel4_arch_include/aarch32/interfaces/object-api-sel4-arch.xml",
	"libsel4/sel4_arch_include/aarch64/interfaces/object-api-sel4-arch.xml",
	"libsel4/sel4_arch_include/riscv64/interfaces/object-api-sel4-arch.xml",
	"libsel4/mode_include/32/sel4/shared_types.bf",
	"libsel4/mode_include/64/sel4/shared_types.bf",
	"libsel4/arch_include/x86/sel4/arch/shared_types.bf",
	"libsel4/arch_include/arm/sel4/arch/shared_types.bf",
	"libsel4/arch_include/riscv/sel4/arch/shared_types.bf",
	"libsel4/sel4_arch_include/x86_64/sel4/sel4_arch/types.bf",
	"libsel4/sel4_arch_include/aarch32/sel4/sel4_arch/types.bf",
	"libsel4/sel4_arch_include/aarch64/sel4/sel4_arch/types.bf",
	"libsel4/sel4_arch_include/riscv64/sel4/sel4_arch/types.bf",
};
#define NFILES (sizeof(interface_files) / sizeof(interface_files[0]))

/* What a transcription of facts never holds: documentation elements and attributes of the
 * reference manual, and text of seL4's own files. */
static const char *const not_facts[] = {
	"<description", "<brief", "<docref", "<texttt", "<autoref", "<error", "<return", "<cap_param",
	"manual_name",  "manual_label", "cap_description", "description=", "Copyright", "Data61",
};

TEST(test_snapshot_iface__files_hold_facts_only)
{
	struct arena *a = arena_new();
	const char *root = snap_snapshot_root(a);
	size_t len;
	char *version = fs_read_file(arena_printf(a, "%s/VERSION", root), &len);
	CHECK_STR_EQ(version, "16.0.0\n");
	free(version);
	for (size_t i = 0; i < NFILES; i++) {
		char *text = fs_read_file(arena_printf(a, "%s/%s", root, interface_files[i]), &len);
		CHECK(text != NULL);
		if (!text)
			continue;
		bool xml = strstr(interface_files[i], ".xml") != NULL;
		const char *spdx = xml ? "<!-- SPDX-License-Identifier: BSD-2-Clause -->\n" : "-- SPDX-License-Identifier: BSD-2-Clause\n";
		const char *ours = xml ? "<!-- selfe transcription of seL4 16.0.0 interface facts: "
				       : "-- selfe transcription of seL4 16.0.0 interface facts: ";
		if (strncmp(text, spdx, strlen(spdx)) || strncmp(text + strlen(spdx), ours, strlen(ours)))
			harness_fail(__FILE__, __LINE__, "%s does not open with our SPDX line and transcription note", interface_files[i]);
		for (size_t k = 0; k < sizeof(not_facts) / sizeof(not_facts[0]); k++)
			if (strstr(text, not_facts[k]))
				harness_fail(__FILE__, __LINE__, "%s holds '%s'", interface_files[i], not_facts[k]);
		free(text);
	}
	arena_free(a);
}

static bool have_compiler(const struct snap_target *t, struct arena *a)
{
	const char *cc = arena_printf(a, "%sgcc", t->cross_prefix);
	if (proc_exists(cc))
		return true;
	printf("skip: %s is not installed: %s not checked\n", cc, t->sel4_arch);
	return false;
}

static const char *make_temp_dir(void)
{
	static char dir[4096];
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof(dir), "%s/selfe-snapshot-iface-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	return mkdtemp(dir);
}

/* Without any tree: every configuration generates, and each generated set compiles. */
TEST(test_snapshot_iface__generates_and_compiles_for_every_configuration)
{
	const char *dir = make_temp_dir();
	CHECK(dir != NULL);
	if (!dir)
		return;
	size_t generated = 0, compiled = 0, tried = 0;
	for (size_t t = 0; t < snap_ntargets; t++) {
		struct arena *a = arena_new();
		const struct snap_target *target = &snap_targets[t];
		struct snap_options options = { 0 };
		if (!have_compiler(target, a)) {
			arena_free(a);
			continue;
		}
		CHECK_INT_EQ(snap_collect_options(a, snap_snapshot_root(a), target, &options), 0);
		for (int mcs = 0; mcs < 2; mcs++) {
			for (int debug = 0; debug < 2; debug++) {
				for (int every = 0; every < 2; every++) {
					struct snap_config c = { target, mcs, debug, every, &options };
					const char *work = arena_printf(a, "%s/%s-%d%d%d", dir, target->sel4_arch, mcs, debug, every);
					struct snap_result r = { 0 };
					tried++;
					if (snap_write_config_standin(a, work) || snap_generate(a, snap_snapshot_root(a), &c, work, &r)) {
						harness_fail(__FILE__, __LINE__, "%s mcs=%d debug=%d every_option=%d: generation failed",
							     target->sel4_arch, mcs, debug, every);
						snap_result_release(&r);
						continue;
					}
					generated++;
					if (snap_compile(a, &c, &r, work) == 0)
						compiled++;
					else
						harness_fail(__FILE__, __LINE__, "%s mcs=%d debug=%d every_option=%d: the generated headers do not compile (%s)",
							     target->sel4_arch, mcs, debug, every, work);
					snap_result_release(&r);
				}
			}
		}
		arena_free(a);
	}
	if (tried == 0) {
		harness_skip("no cross compiler of the four targets is installed");
		rmdir(dir);
		return;
	}
	printf("snapshot-iface: %zu of %zu configurations generated, %zu compiled\n", generated, tried, compiled);
	CHECK_INT_EQ(generated, tried);
	CHECK_INT_EQ(compiled, tried);
	if (generated == tried && compiled == tried)
		fs_remove_tree(dir);
}

static void report_difference(const char *what, const struct sb *snap, const struct sb *tree)
{
	const char *s = snap->buf ? snap->buf : "", *t = tree->buf ? tree->buf : "";
	size_t line = 1, i = 0;
	for (; s[i] && s[i] == t[i]; i++)
		if (s[i] == '\n')
			line++;
	size_t from = i;
	while (from > 0 && s[from - 1] != '\n')
		from--;
	harness_fail(__FILE__, __LINE__, "%s differs from the tree's at line %zu:\n  snapshot: %.*s\n  tree:     %.*s", what, line,
		     (int)strcspn(s + from, "\n"), s + from, (int)strcspn(t + from, "\n"), t + from);
}

static char *trimmed_file(struct arena *a, const char *path)
{
	size_t len;
	char *text = fs_read_file(path, &len);
	if (!text)
		return NULL;
	while (len && (text[len - 1] == '\n' || text[len - 1] == ' '))
		text[--len] = '\0';
	char *copy = arena_strdup(a, text);
	free(text);
	return copy;
}

/* With a seL4 tree: snapshot and tree give the same text for every header and configuration. */
TEST(test_snapshot_iface__identical_to_the_tree)
{
	const char *tree = getenv("SEL4_SOURCE");
	if (!tree || !*tree) {
		harness_skip("SEL4_SOURCE is not set: no seL4 tree to compare the snapshot with");
		return;
	}
	struct arena *top = arena_new();
	const char *tree_version = trimmed_file(top, arena_printf(top, "%s/VERSION", tree));
	const char *snap_version = trimmed_file(top, arena_printf(top, "%s/VERSION", snap_snapshot_root(top)));
	if (!tree_version || !snap_version || strcmp(tree_version, snap_version)) {
		harness_skip(arena_printf(top, "SEL4_SOURCE holds seL4 %s, the snapshot is %s", tree_version ? tree_version : "(no VERSION)",
					  snap_version ? snap_version : "(no VERSION)"));
		arena_free(top);
		return;
	}
	const char *dir = make_temp_dir();
	CHECK(dir != NULL);
	size_t identical = 0, total = 0, configs = 0, differences = 0;
	const size_t max_reported = 12; /* the count line still counts every difference */
	for (size_t t = 0; dir && t < snap_ntargets; t++) {
		struct arena *a = arena_new();
		const struct snap_target *target = &snap_targets[t];
		if (!have_compiler(target, a)) {
			arena_free(a);
			continue;
		}
		/* The options of both: an #if the snapshot lost is still exercised. */
		struct snap_options options = { 0 };
		CHECK_INT_EQ(snap_collect_options(a, snap_snapshot_root(a), target, &options), 0);
		CHECK_INT_EQ(snap_collect_options(a, tree, target, &options), 0);
		const char *standin = arena_printf(a, "%s/%s", dir, target->sel4_arch);
		CHECK_INT_EQ(snap_write_config_standin(a, standin), 0);
		for (int mcs = 0; mcs < 2; mcs++) {
			for (int debug = 0; debug < 2; debug++) {
				for (int every = 0; every < 2; every++) {
					struct snap_config c = { target, mcs, debug, every, &options };
					struct snap_result from_snap = { 0 }, from_tree = { 0 };
					int rs = snap_generate(a, snap_snapshot_root(a), &c, standin, &from_snap);
					int rt = snap_generate(a, tree, &c, standin, &from_tree);
					configs++;
					total += SNAP_NOUTPUTS;
					if (rs || rt) {
						harness_fail(__FILE__, __LINE__, "%s mcs=%d debug=%d every_option=%d: generation from the %s failed",
							     target->sel4_arch, mcs, debug, every, rs ? "snapshot" : "tree");
					} else {
						for (size_t i = 0; i < SNAP_NOUTPUTS; i++) {
							const struct sb *s = &from_snap.text[i], *r = &from_tree.text[i];
							if (s->len == r->len && (s->len == 0 || !memcmp(s->buf, r->buf, s->len)))
								identical++;
							else if (++differences <= max_reported)
								report_difference(arena_printf(a, "%s (%s mcs=%d debug=%d every_option=%d)", snap_output_names[i],
											       target->sel4_arch, mcs, debug, every),
										  s, r);
						}
					}
					snap_result_release(&from_snap);
					snap_result_release(&from_tree);
				}
			}
		}
		arena_free(a);
	}
	if (dir && configs == 0) {
		harness_skip("no cross compiler of the four targets is installed");
		rmdir(dir);
		arena_free(top);
		return;
	}
	printf("snapshot-iface: %zu of %zu generated headers identical to the tree's (%zu configurations: "
	       "sel4_arch x master/MCS x debug/release x options default/all)\n",
	       identical, total, configs);
	CHECK(total > 0);
	CHECK_INT_EQ(identical, total);
	if (dir)
		fs_remove_tree(dir);
	arena_free(top);
}
