/* SPDX-License-Identifier: BSD-2-Clause */
/* Values, sources and strings as sel4.toml writes them (the model writer's and the emitters'). */
#include <inttypes.h>
#include <string.h>

#include "config_internal.h"

void cfg_value_write_toml(struct sb *out, const struct cfg_value *v)
{
	switch (v->kind) {
	case CFG_STRING:
		toml_write_string(out, v->s, strlen(v->s));
		break;
	case CFG_INTEGER:
		sb_addf(out, "%" PRId64, v->i);
		break;
	case CFG_BOOL:
		sb_adds(out, v->b ? "true" : "false");
		break;
	}
}

void cfg_source_write_toml(struct sb *out, const char *name, const struct cfg_source *s, bool absolute)
{
	static const char *const ref_names[] = { "branch", "tag", "rev" };
	if (s->kind == CFG_SOURCE_NONE)
		return;
	sb_addf(out, "%s = { ", name);
	if (s->kind == CFG_SOURCE_PATH) {
		sb_adds(out, "path = ");
		const char *path = absolute ? s->abs_path : s->path;
		toml_write_string(out, path, strlen(path));
	} else {
		sb_adds(out, "git = ");
		toml_write_string(out, s->git, strlen(s->git));
		sb_addf(out, ", %s = ", ref_names[s->ref_kind]);
		toml_write_string(out, s->ref, strlen(s->ref));
	}
	sb_adds(out, " }\n");
}

void cfg_string_write_toml(struct sb *out, const char *key, const char *value)
{
	if (!value)
		return;
	sb_addf(out, "%s = ", key);
	toml_write_string(out, value, strlen(value));
	sb_addch(out, '\n');
}
