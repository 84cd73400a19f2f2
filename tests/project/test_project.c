/* SPDX-License-Identifier: BSD-2-Clause */
/* The project layer: which config, the selection, the platform entry, tree or snapshot. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "project/project.h"
#include "util/fs.h"

struct fixture {
	char dir[64];
	struct arena *a;
	struct sb err;
};

static void setup(struct fixture *f, const char *toml)
{
	snprintf(f->dir, sizeof(f->dir), "/tmp/selfe-project-test-XXXXXX");
	if (!mkdtemp(f->dir))
		abort();
	f->a = arena_new();
	f->err = (struct sb)SB_INIT;
	const char *path = arena_printf(f->a, "%s/sel4.toml", f->dir);
	if (toml && fs_write_atomic(path, toml, strlen(toml)))
		abort();
	/* nothing of the machine's own: an empty cache, no tree from the environment */
	setenv("XDG_CACHE_HOME", arena_printf(f->a, "%s/cache", f->dir), 1);
	unsetenv("SEL4_SOURCE");
	unsetenv("SEL4_CONFIG_PATH");
	unsetenv("SEL4_PLATFORM");
	diag_capture(&f->err);
}

static void teardown(struct fixture *f)
{
	diag_capture(NULL);
	sb_release(&f->err);
	fs_remove_tree(f->dir);
	arena_free(f->a);
}

static int open_with(struct fixture *f, struct project *p, const char *platform, bool offline)
{
	struct project_options o;
	project_options_init(&o);
	o.config_path = arena_printf(f->a, "%s/sel4.toml", f->dir);
	if (platform)
		o.sel.platform = platform;
	o.offline = offline;
	return project_open(f->a, &o, p);
}

static const char plain[] = "[sel4]\nkernel = { git = \"https://github.com/seL4/seL4\", tag = \"16.0.0\" }\n"
			    "[sel4.config.sabre]\nKernelPlatform = \"imx6\"\nKernelARMPlatform = \"sabre\"\n"
			    "[sel4.config.qemu-riscv-virt]\nKernelPlatform = \"qemu-riscv-virt\"\n"
			    "[sel4.config.my-board]\nKernelPlatform = \"qemu-arm-virt\"\nKernelSel4Arch = \"aarch64\"\n";

TEST(test_project__selection_platform_entry_and_compiler)
{
	struct fixture f;
	setup(&f, plain);
	struct project p;
	CHECK_INT_EQ(open_with(&f, &p, "sabre", false), 0);
	CHECK_STR_EQ(p.r->sel.sel4_arch, "aarch32");
	CHECK_STR_EQ(p.arch->sel4_arch, "aarch32");
	CHECK(p.platform == plat_platform("sabre"));
	/* no [build.sabre] cross_compiler_prefix: Debian's for the sel4_arch, never the host's */
	CHECK_STR_EQ(p.cross_prefix, "arm-linux-gnueabihf-");
	CHECK_STR_EQ(p.target, arena_printf(f.a, "%s/target/selfe/sabre-debug", f.dir));
	CHECK_INT_EQ(open_with(&f, &p, "qemu-riscv-virt", false), 0);
	CHECK_STR_EQ(p.cross_prefix, "riscv64-linux-gnu-");
	/* a platform of the user's own: no table entry, sel4_arch from its table */
	CHECK_INT_EQ(open_with(&f, &p, "my-board", false), 0);
	CHECK(p.platform == NULL);
	CHECK_STR_EQ(p.arch->sel4_arch, "aarch64");
	CHECK_STR_EQ(p.cross_prefix, "aarch64-linux-gnu-");
	CHECK_STR_EQ(sb_str(&f.err), "");
	teardown(&f);
}

TEST(test_project__tree_or_snapshot)
{
	struct fixture f;
	setup(&f, plain);
	struct project p;
	/* the git source of the snapshot's release, not in the (empty) cache: the snapshot */
	CHECK_INT_EQ(open_with(&f, &p, "sabre", false), 0);
	CHECK_INT_EQ(project_choose_tree(&p), 0);
	CHECK(p.tree == NULL && p.tree_chosen);
	/* $SEL4_SOURCE names the tree */
	setenv("SEL4_SOURCE", f.dir, 1);
	CHECK_INT_EQ(open_with(&f, &p, "sabre", false), 0);
	CHECK_INT_EQ(project_choose_tree(&p), 0);
	CHECK_STR_EQ(p.tree, f.dir);
	/* --offline wins over everything */
	CHECK_INT_EQ(open_with(&f, &p, "sabre", true), 0);
	CHECK_INT_EQ(project_choose_tree(&p), 0);
	CHECK(p.tree == NULL);
	unsetenv("SEL4_SOURCE");
	CHECK_STR_EQ(sb_str(&f.err), "");
	teardown(&f);
}

TEST(test_project__another_release_not_in_the_cache_is_an_error)
{
	struct fixture f;
	setup(&f, "[sel4]\nkernel = { git = \"https://github.com/seL4/seL4\", tag = \"13.0.0\" }\n[sel4.config.pc99]\n");
	struct project p;
	CHECK_INT_EQ(open_with(&f, &p, NULL, false), 0);
	CHECK_INT_EQ(project_choose_tree(&p), -1);
	CHECK_STR_CONTAINS(sb_str(&f.err), "sel4.toml:2:");
	CHECK_STR_CONTAINS(sb_str(&f.err), "the kernel source (tag 13.0.0) is not in selfe's cache");
	CHECK_STR_CONTAINS(sb_str(&f.err), "run 'selfe fetch'");
	/* chosen once: asking again says nothing more */
	sb_reset(&f.err);
	teardown(&f);
}

TEST(test_project__a_missing_path_source_is_an_error)
{
	struct fixture f;
	setup(&f, "[sel4]\nkernel = { path = \"no-such-tree\" }\n[sel4.config.pc99]\n");
	struct project p;
	CHECK_INT_EQ(open_with(&f, &p, NULL, false), 0);
	CHECK_INT_EQ(project_choose_tree(&p), -1);
	CHECK_STR_CONTAINS(sb_str(&f.err), "no-such-tree");
	teardown(&f);
}

TEST(test_project__bad_selection_is_reported)
{
	struct fixture f;
	setup(&f, plain);
	struct project p;
	struct project_options o;
	project_options_init(&o);
	o.config_path = arena_printf(f.a, "%s/sel4.toml", f.dir);
	o.sel.platform = "sabre";
	o.sel.sel4_arch = "aarch65";
	CHECK_INT_EQ(project_open(f.a, &o, &p), -1);
	CHECK_STR_CONTAINS(sb_str(&f.err), "aarch65");
	sb_reset(&f.err);
	o.sel.sel4_arch = NULL;
	o.config_path = arena_printf(f.a, "%s/missing.toml", f.dir);
	CHECK_INT_EQ(project_open(f.a, &o, &p), -1);
	CHECK_STR_CONTAINS(sb_str(&f.err), "missing.toml");
	teardown(&f);
}

TEST(test_project__default_config_when_none_is_found)
{
	struct fixture f;
	setup(&f, NULL);
	char *cwd = getcwd(NULL, 0);
	CHECK_INT_EQ(chdir(f.dir), 0);
	struct project p;
	struct project_options o;
	project_options_init(&o);
	CHECK_INT_EQ(project_open(f.a, &o, &p), 0);
	CHECK_STR_EQ(p.m->path, CFG_DEFAULT_LABEL);
	CHECK_STR_EQ(p.r->sel.platform, "pc99");
	CHECK_STR_EQ(p.cross_prefix, "x86_64-linux-gnu-");
	CHECK_INT_EQ(chdir(cwd), 0);
	free(cwd);
	teardown(&f);
}
