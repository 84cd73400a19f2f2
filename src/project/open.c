/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Opening a project: which sel4.toml (--config, $SEL4_CONFIG_PATH, the nearest one above the
 * current folder, the embedded default), the selection and resolution, the platform table's
 * entries, and where the kernel's sources come from — a seL4 tree (--source, $SEL4_SOURCE, the
 * config's path source or its git source in selfe's cache) or the embedded snapshot, which is
 * one release and so stands in only for a kernel source that is that release or names none.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "project/project.h"
#include "snapshot/embedded.h"
#include "source/source.h"
#include "util/path.h"

void project_options_init(struct project_options *o)
{
	memset(o, 0, sizeof(*o));
	const char *plat = getenv("SEL4_PLATFORM");
	o->sel.platform = plat && *plat ? plat : "pc99";
	o->sel.profile = CFG_DEBUG;
}

/* The nearest sel4.toml in the current folder or above it; NULL when there is none.  Anything
 * by that name counts (a folder or FIFO is then refused when loaded, not silently skipped). */
static char *find_upwards(void)
{
	char *dir = getcwd(NULL, 0);
	while (dir) {
		char *candidate = path_join(dir, "sel4.toml");
		struct stat st;
		if (lstat(candidate, &st) == 0) {
			free(dir);
			return candidate;
		}
		free(candidate);
		if (!strcmp(dir, "/"))
			break;
		char *up = path_dirname(dir);
		free(dir);
		dir = up;
	}
	free(dir);
	return NULL;
}

static struct cfg_model *load_config(struct arena *a, const struct project_options *o)
{
	const char *env = getenv("SEL4_CONFIG_PATH");
	if (o->config_path)
		return cfg_load_file(a, o->config_path);
	if (env && *env) {
		struct cfg_model *m = cfg_load_file(a, env);
		if (!m && !path_is_file(env))
			diag_note(NULL, "SEL4_CONFIG_PATH names '%s'; unset it to use the nearest sel4.toml", env);
		return m;
	}
	char *found = find_upwards();
	struct cfg_model *m;
	if (found) {
		m = cfg_load_file(a, found);
		free(found);
	} else {
		char *cwd = path_absolute(".");
		m = cfg_load_default(a, cwd);
		free(cwd);
	}
	return m;
}

/* The tree, or NULL with *use_snapshot set, or NULL after reporting. */
static const char *choose_tree(struct project *p, bool *use_snapshot)
{
	*use_snapshot = false;
	if (p->opt.offline) {
		*use_snapshot = true;
		return NULL;
	}
	if (p->opt.source)
		return p->opt.source;
	const char *env = getenv("SEL4_SOURCE");
	if (env && *env)
		return env;
	bool missing = false;
	const struct cfg_model *m = p->m;
	const char *dir = source_tree(p->a, &m->kernel, false, false, &missing);
	if (dir || !missing)
		return dir; /* a tree, or a path source that does not exist (reported) */
	/* A git source that is not in the cache. */
	const char *version = snapshot_version(p->a);
	if (m->kernel.ref_kind == CFG_REF_TAG && strcmp(m->kernel.ref, version) != 0) {
		diag_error(&m->kernel.at, "the kernel source (tag %s) is not in selfe's cache, and the embedded snapshot is seL4 %s",
			   m->kernel.ref, version);
		diag_note(NULL, "run 'selfe fetch', pass --source DIR, or set SEL4_SOURCE");
		return NULL;
	}
	*use_snapshot = true;
	return NULL;
}

int project_open(struct arena *a, const struct project_options *o, struct project *p)
{
	memset(p, 0, sizeof(*p));
	p->a = a;
	p->opt = *o;
	p->stats.verbose = o->verbose;
	p->m = load_config(a, o);
	if (!p->m || cfg_select(p->m, &p->opt.sel) != 0)
		return -1;
	p->r = cfg_resolve(a, p->m, &p->opt.sel);
	if (!p->r)
		return -1;
	const struct cfg_selection *sel = &p->r->sel;
	p->arch = plat_arch(sel->sel4_arch);
	if (!p->arch)
		return diag_error(NULL, "sel4_arch '%s' is not in selfe's platform table", sel->sel4_arch);
	p->platform = plat_platform(sel->platform);
	p->cross_prefix = plat_cross_prefix(p->r->build ? p->r->build->cross_compiler_prefix : NULL, sel->sel4_arch);
	p->target = arena_printf(a, "%s/target/selfe/%s-%s", p->m->dir, sel->platform, cfg_profile_name(sel->profile));
	return 0;
}

int project_choose_tree(struct project *p)
{
	if (!p->tree_chosen) {
		bool use_snapshot;
		p->tree = choose_tree(p, &use_snapshot);
		if (!p->tree && !use_snapshot)
			return -1;
		p->tree_chosen = true;
	}
	return 0;
}
