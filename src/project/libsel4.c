/* SPDX-License-Identifier: BSD-2-Clause */
/* libsel4 for a project: from its kernel build's configuration, its tree, or the snapshot. */
#include <stdio.h>
#include <string.h>

#include "gen/libsel4/libsel4.h"
#include "project/project.h"
#include "snapshot/embedded.h"
#include "snapshot/gen_config.h"
#include "source/source.h"

static const char *ref_kind_name(enum cfg_git_ref k)
{
	return k == CFG_REF_TAG ? "tag" : k == CFG_REF_BRANCH ? "branch" : "rev";
}

int project_libsel4(struct project *p, const char *out, bool keep_current)
{
	struct arena *a = p->a;
	if (project_choose_tree(p))
		return -1;
	const struct cfg_selection *sel = &p->r->sel;
	const struct cfg_resolved_item *kp = cfg_resolved_get(&p->r->config, "KernelPlatform");
	struct libsel4_request req = {
		.source = p->tree,
		.out = out,
		.sel4_arch = sel->sel4_arch,
		.arch = sel->arch,
		.kernel_platform = kp && kp->value.kind == CFG_STRING ? kp->value.s : sel->platform,
		.cross_prefix = p->cross_prefix,
	};
	/* The configuration: a kernel build's (the user's --kernel-build, else the one just built:
	 * kernel and libsel4 then agree by construction), else computed from the tree or snapshot. */
	struct kernel_build given;
	const struct kernel_build *k = NULL;
	if (p->opt.kernel_build) {
		kernel_outputs_of(a, p->opt.kernel_build, NULL, &given);
		k = &given;
	} else if (p->kernel.elf) {
		k = &p->kernel;
	}
	if (k) {
		req.config_files[0] = k->config_json;
		req.config_files[1] = k->sel4_config_json;
	}
	if (!p->tree) {
		if (p->opt.kernel_build) {
			diag_error(NULL, "--kernel-build needs the kernel's tree, and none is available (the embedded snapshot has no build files)");
			diag_note(NULL, "run 'selfe fetch', pass --source DIR, or set SEL4_SOURCE");
			return -1;
		}
		req.source = snapshot_folder(a);
		if (!req.source || snapshot_gen_config(a, p->r, &req.kernel_json, &req.sel4_json))
			return -1;
		p->libsel4_from = arena_printf(a, "the embedded seL4 %s snapshot", snapshot_version(a));
		const struct cfg_source *ks = &p->m->kernel;
		if (!p->opt.offline && ks->kind == CFG_SOURCE_GIT)
			fprintf(stderr, "selfe: the kernel source (%s %s) is not in selfe's cache (%s): using %s\n",
				ref_kind_name(ks->ref_kind), ks->ref, source_cache_dir(a, ks), p->libsel4_from);
	} else {
		if (!k && libsel4_native_config(a, p->tree, &p->r->config, &req.kernel_json, &req.sel4_json))
			return -1;
		p->libsel4_from = arena_printf(a, "the seL4 tree %s", p->tree);
	}
	bool kept;
	return libsel4_generate(a, &req, keep_current, &kept);
}
