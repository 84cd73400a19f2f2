/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Which [sel4.config.NAME] tables are platform tables.  A NAME that is not a profile, arch or
 * sel4_arch is taken as a platform; one nothing defines would only ever apply to `-p NAME`, so a
 * misspelling ([sel4.config.pc9], [sel4.config.x86-64]) would drop its settings without a word.
 * The rule (README, "Platforms of your own"): a platform table is accepted when
 *   - selfe's platform table knows NAME: one of its platforms (pc99, sabre, qemu-arm-virt,
 *     qemu-riscv-virt) or one of the kernel's own (KernelPlatform values: tx2, zynqmp, ...,
 *     which selfe passes as KernelPlatform when the table does not set it), or
 *   - the config has a [build.NAME] table (a cross compiler, a make_root_task), or
 *   - the table itself says which kernel platform it is (KernelPlatform = "...").
 * Anything else is an error at the table with the nearest defined name.
 */
#include <stdlib.h>
#include <string.h>

#include "project/project.h"
#include "util/suggest.h"
#include "util/xalloc.h"

static bool has_build(const struct cfg_model *m, const char *name)
{
	for (size_t i = 0; i < m->nbuilds; i++)
		if (!strcmp(m->builds[i].platform, name))
			return true;
	return false;
}

static bool says_kernel_platform(const struct cfg_layer *l)
{
	for (size_t i = 0; i < l->len; i++)
		if (!strcmp(l->items[i].key, "KernelPlatform"))
			return true;
	return false;
}

static bool kernel_platform(const char *name)
{
	for (size_t i = 0; plat_kernel_platforms[i]; i++)
		if (!strcmp(plat_kernel_platforms[i], name))
			return true;
	return false;
}

static bool defined(const struct cfg_model *m, const struct cfg_layer *l)
{
	return plat_platform(l->name) || kernel_platform(l->name) || has_build(m, l->name) || says_kernel_platform(l);
}

/* Every name a table could have meant: defined platforms, then profiles, arches, sel4_arches. */
static const char **candidates(const struct cfg_model *m)
{
	size_t n = 0, cap = m->sel4_config.nsubs + m->nbuilds + 64;
	const char **v = xmalloc(cap * sizeof(*v));
	for (size_t i = 0; plat_platforms[i].name; i++)
		v[n++] = plat_platforms[i].name;
	size_t nk = 0;
	while (plat_kernel_platforms[nk])
		nk++;
	cap += nk;
	v = xrealloc(v, cap * sizeof(*v));
	for (size_t i = 0; i < nk; i++)
		v[n++] = plat_kernel_platforms[i];
	for (size_t i = 0; i < m->nbuilds; i++)
		v[n++] = m->builds[i].platform;
	for (size_t i = 0; i < m->sel4_config.nsubs; i++) {
		const struct cfg_layer *l = &m->sel4_config.subs[i];
		if (l->kind == CFG_LAYER_PLATFORM && defined(m, l))
			v[n++] = l->name;
	}
	const char *const *lists[] = { cfg_profile_names, cfg_arch_names, cfg_sel4_arch_names };
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; lists[k][i] && n + 1 < cap; i++)
			v[n++] = lists[k][i];
	v[n] = NULL;
	return v;
}

int project_check_platform_tables(const struct cfg_model *m)
{
	int rc = 0;
	const char **names = NULL;
	for (size_t i = 0; i < m->sel4_config.nsubs; i++) {
		const struct cfg_layer *l = &m->sel4_config.subs[i];
		if (l->kind != CFG_LAYER_PLATFORM || defined(m, l))
			continue;
		if (!names)
			names = candidates(m);
		rc = diag_error(&l->at, "[sel4.config.%s] is for a platform nothing defines: selfe does not know '%s', there is no [build.%s], and the table does not set KernelPlatform",
				l->name, l->name, l->name);
		const char *near = suggest_closest(l->name, names);
		if (near)
			diag_note(NULL, "did you mean [sel4.config.%s]?", near);
		diag_note(NULL, "a platform of your own sets KernelPlatform = \"...\" (the kernel's platform) in its table");
	}
	free(names);
	return rc;
}
