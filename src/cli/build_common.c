/* SPDX-License-Identifier: BSD-2-Clause */
/* The steps `selfe build`, `env`, `simulate` and `test` share: libsel4, runtime, root task. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "util/path.h"
#include "util/proc.h"
#include "util/sb.h"

/* The kernel, when there is a tree: configure, build, install. */
static int build_kernel(struct arena *a, struct cli_build *b)
{
	struct kernel_request kr = { b->tree, b->r, b->app.cross_prefix, b->target, b->common->verbose };
	if (kernel_build(a, &kr, &b->kernel))
		return -1;
	if (b->kernel.ran)
		printf("kernel: %s\n", b->kernel.elf);
	return 0;
}

int cli_build_prepare(struct arena *a, struct cli_common *common, const struct libsel4_plan *plan, bool with_kernel,
		      struct cli_build *b)
{
	memset(b, 0, sizeof(*b));
	b->common = common;
	b->stats.verbose = common->verbose;
	b->m = cli_load_config(a, common);
	b->r = b->m ? cfg_resolve(a, b->m, &common->sel) : NULL;
	if (!b->r)
		return -1;
	const struct cfg_selection *sel = &b->r->sel;
	b->target = arena_printf(a, "%s/target/selfe/%s-%s", b->m->dir, sel->platform, cfg_profile_name(sel->profile));
	if (app_claim_target(a, b->target))
		return -1;
	struct app_request *req = &b->app;
	req->app = b->m->app.present ? &b->m->app : NULL;
	req->app_dir = b->m->dir;
	req->sel4_arch = sel->sel4_arch;
	req->profile = sel->profile;
	req->cross_prefix = b->r->build && b->r->build->cross_compiler_prefix ? b->r->build->cross_compiler_prefix : "";
	req->libsel4 = arena_printf(a, "%s/libsel4", b->target);
	req->work = arena_printf(a, "%s/build", b->target);
	bool use_snapshot;
	b->tree = cli_choose_tree(a, b->m, plan, &use_snapshot);
	if (!b->tree && !use_snapshot)
		return -1;
	struct libsel4_plan chosen = { b->tree, plan->kernel_build, use_snapshot };
	if (with_kernel && b->tree) {
		if (build_kernel(a, b))
			return -1;
		chosen.kernel_build = b->kernel.build_dir; /* kernel and libsel4 agree by construction */
	} else if (with_kernel) {
		printf("kernel: skipped, %s\n", plan->offline ? "--offline builds from the embedded snapshot"
							    : "no seL4 tree is available (selfe fetch, --source or SEL4_SOURCE)");
	}
	if (cli_libsel4(a, b->m, b->r, &chosen, req->libsel4, true, &b->libsel4_from))
		return -1;
	req->runtime = app_runtime_folder(a);
	return req->runtime ? 0 : -1;
}

/* SELFE_CC, SELFE_CFLAGS, SELFE_LDFLAGS and the selection, for a user's own build. */
static void set_env(struct arena *a, const struct cli_build *b, const char *const *cflags, const char *const *ldflags)
{
	struct sb s = SB_INIT;
	for (size_t i = 0; cflags[i]; i++)
		sb_addf(&s, "%s%s", i ? " " : "", cflags[i]);
	setenv("SELFE_CFLAGS", sb_str(&s), 1);
	sb_reset(&s);
	for (size_t i = 0; ldflags[i]; i++)
		sb_addf(&s, "%s%s", i ? " " : "", ldflags[i]);
	setenv("SELFE_LDFLAGS", sb_str(&s), 1);
	sb_release(&s);
	setenv("SELFE_CC", arena_printf(a, "%sgcc", b->app.cross_prefix), 1);
	setenv("SEL4_PLATFORM", b->r->sel.platform, 1);
	if (strcmp(b->m->path, CFG_DEFAULT_LABEL) != 0) {
		char *abs = path_absolute(b->m->path);
		setenv("SEL4_CONFIG_PATH", abs, 1);
		free(abs);
	}
}

int cli_build_env(struct arena *a, struct cli_build *b)
{
	struct app_request runtime_only = b->app;
	runtime_only.app = NULL;
	const char *const *cflags = app_cflags(a, &b->app);
	if (!cflags || app_build(a, &runtime_only, &b->stats))
		return -1;
	set_env(a, b, cflags, app_link_flags(a, &b->app));
	return 0;
}

/* make_root_task: the user's command, from the config's folder, through sh -c. */
static int run_make_root_task(struct arena *a, struct cli_build *b, const struct cfg_build_profile *bp)
{
	if (cli_build_env(a, b))
		return -1;
	char *cwd = getcwd(NULL, 0);
	if (chdir(b->m->dir) != 0) {
		free(cwd);
		return diag_error(NULL, "cannot enter %s", b->m->dir);
	}
	if (b->common->verbose)
		printf("sh -c '%s'\n", bp->make_root_task);
	const char *argv[] = { "sh", "-c", bp->make_root_task, NULL };
	int rc = proc_run(argv, NULL);
	if (cwd && chdir(cwd) != 0)
		rc = -1;
	free(cwd);
	if (rc != 0) {
		diag_note(&bp->at, "make_root_task failed");
		return -1;
	}
	if (!path_is_file(bp->root_task_image_abs)) {
		diag_error(&bp->at, "make_root_task succeeded but root_task_image '%s' does not exist", bp->root_task_image);
		diag_note(NULL, "root_task_image is relative to the folder of sel4.toml (%s)", b->m->dir);
		return -1;
	}
	b->image = bp->root_task_image_abs;
	return 0;
}

int cli_build_root_task(struct arena *a, struct cli_build *b)
{
	const struct cfg_build_profile *bp = b->r->build_profile;
	int rc;
	if (bp && bp->make_root_task) {
		rc = run_make_root_task(a, b, bp);
	} else if (b->app.app) {
		b->app.image = arena_printf(a, "%s/%s", b->target, b->app.app->name);
		rc = app_build(a, &b->app, &b->stats);
		b->image = rc == 0 ? b->app.image : NULL;
	} else {
		diag_error(&(struct loc){ b->m->path, 0, 0 }, "nothing to build for %s: no [app] table and no make_root_task",
			   b->r->sel.platform);
		diag_note(NULL, "add [app] with name = \"...\" and sources = [\"src/*.c\"] ('selfe new NAME' writes a project)");
		return -1;
	}
	if (rc == 0)
		printf("root task: %s (%d steps run, %d up to date; libsel4 from %s)\n", b->image, b->stats.run,
		       b->stats.skipped, b->libsel4_from);
	return rc;
}

int cli_build_images(struct arena *a, struct cli_build *b, const char **kernel_image, const char **root_image)
{
	if (!b->kernel.elf)
		return diag_error(NULL, "no kernel was built for %s: booting needs a seL4 tree", b->r->sel.platform),
		       diag_note(NULL, "run 'selfe fetch', or pass --source DIR / set SEL4_SOURCE"), -1;
	struct kernel_request kr = { b->tree, b->r, b->app.cross_prefix, b->target, b->common->verbose };
	const char *name = b->app.app ? b->app.app->name : "root-task";
	return kernel_images(a, &kr, &b->kernel, b->image, name, kernel_image, root_image);
}
