/* SPDX-License-Identifier: BSD-2-Clause */
/* Helpers for the config tests. */
#include <string.h>

#include "config_helpers.h"
#include "config/config_internal.h"

struct cfg_model *load_text(struct arena *a, const char *text, struct sb *diag)
{
	struct sb sink = SB_INIT;
	diag_capture(diag ? diag : &sink);
	struct cfg_model *m = cfg_load_string(a, "t.toml", "/proj", text, strlen(text));
	diag_capture(NULL);
	sb_release(&sink);
	return m;
}

struct cfg_resolved *resolve(struct arena *a, const struct cfg_model *m, const char *platform, enum cfg_profile profile)
{
	struct cfg_selection sel = { .platform = platform, .profile = profile };
	struct sb sink = SB_INIT;
	diag_capture(&sink);
	int rc = cfg_select(m, &sel);
	diag_capture(NULL);
	sb_release(&sink);
	return rc ? NULL : cfg_resolve(a, m, &sel);
}

const char *value_of(struct arena *a, const struct cfg_resolved_list *l, const char *key)
{
	const struct cfg_resolved_item *it = cfg_resolved_get(l, key);
	if (!it)
		return "(unset)";
	struct sb sb = SB_INIT;
	cfg_value_write_toml(&sb, &it->value);
	const char *s = arena_strdup(a, sb_str(&sb));
	sb_release(&sb);
	return s;
}
