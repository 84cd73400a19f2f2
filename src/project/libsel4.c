/* SPDX-License-Identifier: BSD-2-Clause */
/* libsel4 for a project: from its kernel build's configuration, its tree, or the snapshot. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "gen/libsel4/libsel4.h"
#include "project/project.h"
#include "snapshot/embedded.h"
#include "snapshot/gen_config.h"
#include "source/source.h"
#include "util/path.h"

static const char *ref_kind_name(enum cfg_git_ref k)
{
	return k == CFG_REF_TAG ? "tag" : k == CFG_REF_BRANCH ? "branch" : "rev";
}

/* Where libsel4 comes from, for messages; a git source that is not in the cache is said. */
static void say_from(struct project *p)
{
	struct arena *a = p->a;
	if (p->tree) {
		p->libsel4_from = arena_printf(a, "the seL4 tree %s", p->tree);
		return;
	}
	p->libsel4_from = arena_printf(a, "the embedded seL4 %s snapshot", snapshot_version(a));
	const struct cfg_source *ks = &p->m->kernel;
	if (!p->opt.offline && ks->kind == CFG_SOURCE_GIT)
		fprintf(stderr, "selfe: the kernel source (%s %s) is not in selfe's cache (%s) and %s: using %s\n", ref_kind_name(ks->ref_kind),
			ks->ref, source_cache_dir(a, ks), p->snapshot_reason ? p->snapshot_reason : "was not fetched", p->libsel4_from);
}

/*
 * What selfe gen's output is made from besides files (util/deps.h, the record's key): selfe
 * itself (as a file), the command's request as resolved — OUT and the current folder (sel4.pc
 * names OUT's absolute path), the tree or the snapshot, the selection, the compiler prefix, the
 * kernel build named, every [sel4.config] value.  The configuration files' own contents are
 * noted as files while they are read.
 */
static void gen_key(struct project *p, const char *out, struct deps *d)
{
	struct arena *a = p->a;
	deps_key(d, "selfe gen 1");
	deps_file(d, "/proc/self/exe");
	deps_key(d, out);
	deps_key(d, path_absolute_in(a, out));
	deps_key(d, path_absolute_in(a, "."));
	deps_key(d, p->tree ? p->tree : arena_printf(a, "(snapshot %s)", snapshot_version(a)));
	const struct cfg_selection *sel = &p->r->sel;
	deps_key(d, arena_printf(a, "%s %s %s %s", sel->platform, sel->sel4_arch, sel->arch, cfg_profile_name(sel->profile)));
	deps_key(d, p->cross_prefix ? p->cross_prefix : "");
	deps_key(d, p->opt.kernel_build ? p->opt.kernel_build : "(no kernel build)");
	const struct cfg_resolved_list *c = &p->r->config;
	for (size_t i = 0; i < c->len; i++) {
		const struct cfg_value *v = &c->items[i].value;
		deps_key(d, c->items[i].key);
		deps_key(d, v->kind == CFG_BOOL      ? (v->b ? "bool:true" : "bool:false")
			    : v->kind == CFG_INTEGER ? arena_printf(a, "int:%" PRId64, v->i)
						     : arena_printf(a, "string:%s", v->s ? v->s : ""));
	}
}

int project_gen(struct project *p, const char *out)
{
	struct arena *a = p->a;
	if (project_choose_tree(p))
		return -1;
	struct deps d;
	deps_init(&d, a);
	gen_key(p, out, &d);
	const char *why;
	if (deps_current(a, path_join_in(a, out, ".selfe/deps"), d.key, out, ".selfe", &why)) {
		say_from(p);
		if (p->opt.verbose)
			fprintf(stderr, "selfe: %s is up to date (every input and file of it as the last selfe gen left them): nothing rewritten\n",
				out);
		return 0;
	}
	if (p->opt.verbose)
		fprintf(stderr, "selfe: generating %s: %s\n", out, why);
	p->deps = &d;
	int rc = project_check(p, false);
	if (rc == 0)
		rc = project_libsel4(p, out, false);
	p->deps = NULL;
	if (rc == 0 && p->opt.verbose && d.opaque)
		fprintf(stderr, "selfe: no up-to-date record for %s: %s\n", out, d.opaque);
	return rc;
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
		.deps = p->deps,
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
		say_from(p);
	} else {
		if (!k && p->gen_config_json[0]) {
			req.kernel_json = p->gen_config_json[0];
			req.sel4_json = p->gen_config_json[1];
		} else if (!k && libsel4_native_config(a, p->tree, &p->r->config, p->deps, &req.kernel_json, &req.sel4_json)) {
			return -1;
		}
		say_from(p);
	}
	bool kept;
	return libsel4_generate(a, &req, keep_current, &kept);
}
