/* SPDX-License-Identifier: BSD-2-Clause */
/* The steps `selfe build`, `env`, `simulate` and `test` share: kernel, libsel4, runtime, root task. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image/image.h"
#include "project/project.h"
#include "sim/sim.h"
#include "source/source.h"
#include "util/path.h"
#include "util/proc.h"
#include "util/sb.h"

static struct kernel_request kernel_request(const struct project *p)
{
	return (struct kernel_request){ p->kernel_tree, p->r, p->cross_prefix, p->target, p->opt.verbose, NULL };
}

/* The compiler switches of the sel4_arch under the kernel configuration libsel4 was made for. */
static const char *const *arch_cflags(struct project *p)
{
	const char *header = arena_printf(p->a, "%s/include/kernel/gen_config.h", p->app.libsel4);
	const struct json_value *config = kernel_config_read(p->a, header);
	if (!config)
		return NULL;
	return plat_cflags(p->a, p->arch, kernel_config_flag, (void *)config);
}

int project_prepare(struct project *p, bool with_kernel)
{
	struct arena *a = p->a;
	if (project_choose_tree(p) || app_claim_target(a, p->target))
		return -1;
	const struct cfg_selection *sel = &p->r->sel;
	struct app_request *req = &p->app;
	req->app = p->m->app.present ? &p->m->app : NULL;
	req->app_dir = p->m->dir;
	req->arch = p->arch;
	req->profile = sel->profile;
	req->cross_prefix = p->cross_prefix;
	req->libsel4 = arena_printf(a, "%s/libsel4", p->target);
	req->work = arena_printf(a, "%s/build", p->target);
	if (with_kernel && p->tree) {
		p->kernel_tree = source_with_links(a, p->tree);
		if (!p->kernel_tree)
			return -1;
		struct kernel_request kr = kernel_request(p);
		if (kernel_build(a, &kr, &p->kernel))
			return -1;
		if (p->kernel.ran)
			printf("kernel: %s\n", p->kernel.elf);
	} else if (with_kernel) {
		printf("kernel: skipped, %s\n",
		       p->opt.offline	      ? "--offline builds from the embedded snapshot"
		       : p->snapshot_reason ? arena_printf(a, "no seL4 tree: the kernel source was not fetched (%s)", p->snapshot_reason)
					    : "no seL4 tree is available (selfe fetch, --source or SEL4_SOURCE)");
	}
	if (project_libsel4(p, req->libsel4, true))
		return -1;
	req->arch_cflags = arch_cflags(p);
	req->runtime = app_runtime_folder(a);
	return req->runtime && req->arch_cflags ? 0 : -1;
}

/* SELFE_CC, SELFE_CFLAGS, SELFE_LDFLAGS and the selection, for a user's own build. */
static void set_env(const struct project *p, const char *const *cflags, const char *const *ldflags)
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
	setenv("SELFE_CC", arena_printf(p->a, "%sgcc", p->cross_prefix), 1);
	setenv("SEL4_PLATFORM", p->r->sel.platform, 1);
	if (strcmp(p->m->path, CFG_DEFAULT_LABEL) != 0) {
		char *abs = path_absolute(p->m->path);
		setenv("SEL4_CONFIG_PATH", abs, 1);
		free(abs);
	}
}

int project_env(struct project *p)
{
	struct app_request runtime_only = p->app;
	runtime_only.app = NULL;
	const char *const *cflags = app_cflags(p->a, &p->app);
	if (!cflags || app_build(p->a, &runtime_only, &p->stats))
		return -1;
	set_env(p, cflags, app_link_flags(p->a, &p->app));
	/* [app] files for a build of one's own: the packed archive's object, linked like any other. */
	const char *files = NULL;
	if (p->app.app && app_pack_files(p->a, &p->app, &p->stats, &files))
		return -1;
	if (files)
		setenv("SELFE_FILES_OBJ", files, 1);
	else
		unsetenv("SELFE_FILES_OBJ");
	return 0;
}

/* make_root_task: the user's command, from the config's folder, through sh -c. */
static int run_make_root_task(struct project *p, const struct cfg_build_profile *bp)
{
	if (project_env(p))
		return -1;
	if (p->opt.verbose)
		printf("sh -c '%s'\n", bp->make_root_task);
	const char *argv[] = { "sh", "-c", bp->make_root_task, NULL };
	struct proc_spec spec = { .argv = argv, .cwd = p->m->dir };
	if (proc_exec(&spec, NULL) != 0) {
		diag_note(&bp->at, "make_root_task failed");
		return -1;
	}
	if (!path_is_file(bp->root_task_image_abs)) {
		diag_error(&bp->at, "make_root_task succeeded but root_task_image '%s' does not exist", bp->root_task_image);
		diag_note(NULL, "root_task_image is relative to the folder of sel4.toml (%s)", p->m->dir);
		return -1;
	}
	p->image = bp->root_task_image_abs;
	return 0;
}

int project_root_task(struct project *p)
{
	const struct cfg_build_profile *bp = p->r->build_profile;
	int rc;
	if (bp && bp->make_root_task) {
		rc = run_make_root_task(p, bp);
	} else if (p->app.app) {
		p->app.image = arena_printf(p->a, "%s/%s", p->target, p->app.app->name);
		rc = app_build(p->a, &p->app, &p->stats);
		p->image = rc == 0 ? p->app.image : NULL;
	} else {
		return project_check_root_task(p); /* reports that there is nothing to build */
	}
	/* With make_root_task, selfe's steps are only the runtime archive's: what the user's command
	 * compiled is its own business, so the summary says it ran rather than counting it. */
	if (rc == 0 && bp && bp->make_root_task)
		printf("root task: %s (make_root_task ran; runtime: %d steps run, %d up to date; libsel4 from %s)\n", p->image,
		       p->stats.run, p->stats.skipped, p->libsel4_from);
	else if (rc == 0)
		printf("root task: %s (%d steps run, %d up to date; libsel4 from %s)\n", p->image, p->stats.run,
		       p->stats.skipped, p->libsel4_from);
	return rc;
}

const char *project_boot_gap(const struct project *p)
{
	if (p->arch->boot == PLAT_BOOT_MULTIBOOT)
		return NULL;
	if (!image_loader_supported(p->r->sel.sel4_arch))
		return arena_printf(p->a, "%s (%s) cannot be booted yet: selfe's loader does not run on %s", p->r->sel.platform,
				    p->r->sel.sel4_arch, p->r->sel.sel4_arch);
	if (!plat_loader_qemu(p->r->sel.platform, p->r->sel.sel4_arch))
		return arena_printf(p->a, "%s (%s) cannot be booted yet: selfe knows no QEMU machine for it",
				    p->r->sel.platform, p->r->sel.sel4_arch);
	return NULL;
}

bool project_can_boot(const struct project *p)
{
	const char *gap = project_boot_gap(p);
	if (!gap)
		return true;
	diag_error(NULL, "%s", gap);
	diag_note(NULL, "'selfe build -p %s' builds the kernel and the root task", p->r->sel.platform);
	return false;
}

int project_images(struct project *p, const char **kernel_image, const char **root_image)
{
	if (!p->kernel.elf)
		return diag_error(NULL, "no kernel was built for %s: booting needs a seL4 tree", p->r->sel.platform),
		       diag_note(NULL, "run 'selfe fetch', or pass --source DIR / set SEL4_SOURCE"), -1;
	if (!project_can_boot(p))
		return -1;
	struct kernel_request kr = kernel_request(p);
	const char *name = p->app.app ? p->app.app->name : "root-task";
	return kernel_images(p->a, &kr, &p->kernel, p->image, name, kernel_image, root_image);
}
