/* SPDX-License-Identifier: BSD-2-Clause */
/* Completing a selection: platform -> sel4_arch -> arch, each checked against what is known. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "util/suggest.h"

static bool in_list(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(name, list[i]))
			return true;
	return false;
}

static const struct cfg_layer *platform_layer(const struct cfg_model *m, const char *platform)
{
	for (size_t i = 0; i < m->sel4_config.nsubs; i++) {
		const struct cfg_layer *l = &m->sel4_config.subs[i];
		if (l->kind == CFG_LAYER_PLATFORM && !strcmp(l->name, platform))
			return l;
	}
	return NULL;
}

static bool has_build(const struct cfg_model *m, const char *platform)
{
	for (size_t i = 0; i < m->nbuilds; i++)
		if (!strcmp(m->builds[i].platform, platform))
			return true;
	return false;
}

/* Every platform the model names, for "configured platforms: ..." notes. */
static const char **configured_platforms(const struct cfg_model *m, size_t *n)
{
	const char **names = calloc(m->sel4_config.nsubs + m->nbuilds + 1, sizeof(*names));
	*n = 0;
	for (size_t i = 0; i < m->sel4_config.nsubs; i++)
		if (m->sel4_config.subs[i].kind == CFG_LAYER_PLATFORM)
			names[(*n)++] = m->sel4_config.subs[i].name;
	for (size_t i = 0; i < m->nbuilds; i++) {
		if (platform_layer(m, m->builds[i].platform))
			continue;
		names[(*n)++] = m->builds[i].platform;
	}
	return names;
}

static int unknown_name(const char *what, const char *name, const char *const *known)
{
	diag_error(NULL, "unknown %s '%s'", what, name);
	const char *s = suggest_closest(name, known);
	if (s)
		diag_note(NULL, "did you mean '%s'?", s);
	struct sb list = SB_INIT;
	for (size_t i = 0; known[i]; i++)
		sb_addf(&list, "%s%s", i ? ", " : "", known[i]);
	diag_note(NULL, "known %ses: %s", what, sb_str(&list));
	sb_release(&list);
	return -1;
}

int cfg_select(const struct cfg_model *m, struct cfg_selection *sel)
{
	struct loc file = { m->path, 0, 0 };
	if (!platform_layer(m, sel->platform) && !has_build(m, sel->platform)) {
		size_t n;
		const char **names = configured_platforms(m, &n);
		diag_error(&file, "platform '%s' is not configured: no [sel4.config.%s] or [build.%s] table", sel->platform,
			   sel->platform, sel->platform);
		const char *s = suggest_closest(sel->platform, names);
		if (s)
			diag_note(NULL, "did you mean '%s'?", s);
		struct sb list = SB_INIT;
		for (size_t i = 0; i < n; i++)
			sb_addf(&list, "%s%s", i ? ", " : "", names[i]);
		diag_note(NULL, "configured platforms: %s", n ? sb_str(&list) : "none");
		sb_release(&list);
		free(names);
		return -1;
	}
	if (sel->sel4_arch) {
		if (!in_list(sel->sel4_arch, cfg_sel4_arch_names))
			return unknown_name("sel4_arch", sel->sel4_arch, cfg_sel4_arch_names);
	} else {
		sel->sel4_arch = cfg_sel4_arch_of_platform(sel->platform);
	}
	if (!sel->sel4_arch) {
		/* An unknown platform may say which sel4_arch it is in its own table. */
		const struct cfg_layer *l = platform_layer(m, sel->platform);
		for (size_t i = 0; l && i < l->len; i++)
			if (!strcmp(l->items[i].key, "KernelSel4Arch") && l->items[i].value.kind == CFG_STRING) {
				if (!in_list(l->items[i].value.s, cfg_sel4_arch_names)) {
					diag_error(&l->items[i].at, "unknown sel4_arch '%s' for platform '%s'", l->items[i].value.s,
						   sel->platform);
					return -1;
				}
				sel->sel4_arch = l->items[i].value.s;
			}
	}
	if (!sel->sel4_arch) {
		diag_error(&file, "cannot tell the sel4_arch of platform '%s'", sel->platform);
		diag_note(NULL, "pass --sel4-arch ARCH, or set KernelSel4Arch = \"ARCH\" in [sel4.config.%s]", sel->platform);
		return -1;
	}
	if (sel->arch) {
		if (!in_list(sel->arch, cfg_arch_names))
			return unknown_name("arch", sel->arch, cfg_arch_names);
	} else {
		sel->arch = cfg_arch_of_sel4_arch(sel->sel4_arch);
	}
	return 0;
}
