/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Where a command's libsel4 comes from: a seL4 tree (--source, $SEL4_SOURCE, the config's path
 * source, or its git source in selfe's cache), or else the embedded seL4 snapshot — which is one
 * release, so it stands in only for a kernel source that is that release or names no release.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build/source.h"
#include "cli.h"
#include "gen/libsel4/libsel4.h"
#include "snapshot/embedded.h"
#include "snapshot/gen_config.h"

int cli_plan_option(int opt, const char *arg, struct libsel4_plan *plan)
{
	if (opt == OPT_SOURCE)
		plan->source = arg;
	else if (opt == OPT_OFFLINE)
		plan->offline = true;
	else if (opt == OPT_KERNEL_BUILD)
		plan->kernel_build = arg;
	else
		return 0;
	return 1;
}

int cli_plan_on_option(int opt, const char *arg, void *plan)
{
	cli_plan_option(opt, arg, plan);
	return -1;
}

int cli_plan_check(const struct libsel4_plan *plan, const char *usage)
{
	if (plan->offline && (plan->source || plan->kernel_build))
		return cli_usage_error(usage, "--offline uses the embedded snapshot: it cannot take --source or --kernel-build");
	return -1;
}

const char *cli_choose_tree(struct arena *a, const struct cfg_model *m, const struct libsel4_plan *p,
			       bool *use_snapshot)
{
	*use_snapshot = false;
	if (p->offline) {
		*use_snapshot = true;
		return NULL;
	}
	if (p->source)
		return p->source;
	const char *env = getenv("SEL4_SOURCE");
	if (env && *env)
		return env;
	bool missing = false;
	const char *dir = source_tree(a, &m->kernel, false, false, &missing);
	if (dir || !missing)
		return dir; /* a tree, or a path source that does not exist (reported) */
	/* A git source that is not in the cache. */
	const char *version = snapshot_version(a);
	if (m->kernel.ref_kind == CFG_REF_TAG && strcmp(m->kernel.ref, version) != 0) {
		diag_error(&m->kernel.at, "the kernel source (tag %s) is not in selfe's cache, and the embedded snapshot is seL4 %s",
			   m->kernel.ref, version);
		diag_note(NULL, "run 'selfe fetch', pass --source DIR, or set SEL4_SOURCE");
		return NULL;
	}
	*use_snapshot = true;
	return NULL;
}

int cli_libsel4(struct arena *a, const struct cfg_model *m, const struct cfg_resolved *r, const struct libsel4_plan *p,
		const char *out, bool keep_current, const char **from)
{
	const struct cfg_selection *sel = &r->sel;
	bool use_snapshot;
	const char *tree = cli_choose_tree(a, m, p, &use_snapshot);
	if (!tree && !use_snapshot)
		return -1;
	const struct cfg_resolved_item *kp = cfg_resolved_get(&r->config, "KernelPlatform");
	struct libsel4_request req = {
		.source = tree,
		.config_dir = p->kernel_build,
		.out = out,
		.sel4_arch = sel->sel4_arch,
		.arch = sel->arch,
		.kernel_platform = kp && kp->value.kind == CFG_STRING ? kp->value.s : sel->platform,
		.cross_prefix = r->build && r->build->cross_compiler_prefix ? r->build->cross_compiler_prefix : "",
	};
	if (use_snapshot) {
		if (p->kernel_build) {
			diag_error(NULL, "--kernel-build needs the kernel's tree, and none is available (the embedded snapshot has no build files)");
			diag_note(NULL, "run 'selfe fetch', pass --source DIR, or set SEL4_SOURCE");
			return -1;
		}
		req.source = snapshot_folder(a);
		if (!req.source || snapshot_gen_config(a, r, &req.kernel_json, &req.sel4_json))
			return -1;
		*from = arena_printf(a, "the embedded seL4 %s snapshot", snapshot_version(a));
		if (!p->offline && m->kernel.kind == CFG_SOURCE_GIT)
			fprintf(stderr, "selfe: the kernel source (%s %s) is not in selfe's cache (%s): using %s\n",
				m->kernel.ref_kind == CFG_REF_TAG ? "tag" : m->kernel.ref_kind == CFG_REF_BRANCH ? "branch" : "rev",
				m->kernel.ref, source_cache_dir(a, &m->kernel), *from);
	} else {
		if (!p->kernel_build &&
		    libsel4_native_config(a, tree, &r->config, &req.kernel_json, &req.sel4_json))
			return -1;
		*from = arena_printf(a, "the seL4 tree %s", tree);
	}
	bool kept;
	return libsel4_generate_if_changed(a, &req, keep_current, &kept);
}
