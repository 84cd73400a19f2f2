/* SPDX-License-Identifier: BSD-2-Clause */
/* Serializing a model back to sel4.toml, and comparing models (locations aside). */
#include <inttypes.h>
#include <string.h>

#include "config_internal.h"

static bool cfg_value_equal(const struct cfg_value *a, const struct cfg_value *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case CFG_STRING:
		return !strcmp(a->s, b->s);
	case CFG_INTEGER:
		return a->i == b->i;
	case CFG_BOOL:
		return a->b == b->b;
	}
	return false;
}

static void write_setting(struct sb *out, const char *key, const struct cfg_value *v)
{
	toml_write_key(out, key, strlen(key));
	sb_adds(out, " = ");
	cfg_value_write_toml(out, v);
	sb_addch(out, '\n');
}

static void write_table_header(struct sb *out, const char *section, const char *name)
{
	sb_addf(out, "\n[%s", section);
	if (name) {
		sb_addch(out, '.');
		toml_write_key(out, name, strlen(name));
	}
	sb_adds(out, "]\n");
}

static void write_layered(struct sb *out, const struct cfg_layered *sec)
{
	write_table_header(out, sec->section, NULL);
	for (size_t i = 0; i < sec->shared.len; i++)
		write_setting(out, sec->shared.items[i].key, &sec->shared.items[i].value);
	for (size_t l = 0; l < sec->nsubs; l++) {
		write_table_header(out, sec->section, sec->subs[l].name);
		for (size_t i = 0; i < sec->subs[l].len; i++)
			write_setting(out, sec->subs[l].items[i].key, &sec->subs[l].items[i].value);
	}
}

static void write_build_profile(struct sb *out, const char *platform, const char *profile, const struct cfg_build_profile *bp)
{
	if (!bp->present)
		return;
	sb_adds(out, "\n[build.");
	toml_write_key(out, platform, strlen(platform));
	sb_addf(out, ".%s]\n", profile);
	cfg_string_write_toml(out, "make_root_task", bp->make_root_task);
	cfg_string_write_toml(out, "root_task_image", bp->root_task_image);
}

void cfg_model_write(struct sb *out, const struct cfg_model *m)
{
	sb_adds(out, "[sel4]\n");
	cfg_source_write_toml(out, "kernel", &m->kernel, false);
	cfg_source_write_toml(out, "tools", &m->tools, false);
	cfg_source_write_toml(out, "util_libs", &m->util_libs, false);
	write_layered(out, &m->sel4_config);
	for (size_t i = 0; i < m->nbuilds; i++) {
		const struct cfg_build *b = &m->builds[i];
		sb_adds(out, "\n[build.");
		toml_write_key(out, b->platform, strlen(b->platform));
		sb_adds(out, "]\n");
		cfg_string_write_toml(out, "cross_compiler_prefix", b->cross_compiler_prefix);
		cfg_string_write_toml(out, "toolchain_dir", b->toolchain_dir);
		write_build_profile(out, b->platform, "debug", &b->debug);
		write_build_profile(out, b->platform, "release", &b->release);
	}
	write_layered(out, &m->metadata);
	cfg_plain_tables_write(out, m);
}

/* --- equality ------------------------------------------------------------------------------------ */

static bool str_eq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static bool source_equal(const struct cfg_source *a, const struct cfg_source *b)
{
	return a->kind == b->kind && str_eq(a->path, b->path) && str_eq(a->git, b->git) &&
	       (a->kind != CFG_SOURCE_GIT || a->ref_kind == b->ref_kind) && str_eq(a->ref, b->ref);
}

static bool layer_equal(const struct cfg_layer *a, const struct cfg_layer *b)
{
	if (a->kind != b->kind || !str_eq(a->name, b->name) || a->len != b->len)
		return false;
	for (size_t i = 0; i < a->len; i++)
		if (strcmp(a->items[i].key, b->items[i].key) || !cfg_value_equal(&a->items[i].value, &b->items[i].value))
			return false;
	return true;
}

static bool layered_equal(const struct cfg_layered *a, const struct cfg_layered *b)
{
	if (!layer_equal(&a->shared, &b->shared) || a->nsubs != b->nsubs)
		return false;
	for (size_t i = 0; i < a->nsubs; i++)
		if (!layer_equal(&a->subs[i], &b->subs[i]))
			return false;
	return true;
}

static bool profile_equal(const struct cfg_build_profile *a, const struct cfg_build_profile *b)
{
	return a->present == b->present && str_eq(a->make_root_task, b->make_root_task) &&
	       str_eq(a->root_task_image, b->root_task_image);
}

bool cfg_model_equal(const struct cfg_model *a, const struct cfg_model *b)
{
	if (!source_equal(&a->kernel, &b->kernel) || !source_equal(&a->tools, &b->tools) ||
	    !source_equal(&a->util_libs, &b->util_libs) || !layered_equal(&a->sel4_config, &b->sel4_config) ||
	    !layered_equal(&a->metadata, &b->metadata) || a->nbuilds != b->nbuilds)
		return false;
	for (size_t i = 0; i < a->nbuilds; i++) {
		const struct cfg_build *x = &a->builds[i], *y = &b->builds[i];
		if (!str_eq(x->platform, y->platform) || !str_eq(x->cross_compiler_prefix, y->cross_compiler_prefix) ||
		    !str_eq(x->toolchain_dir, y->toolchain_dir) || !profile_equal(&x->debug, &y->debug) ||
		    !profile_equal(&x->release, &y->release))
			return false;
	}
	return cfg_plain_tables_equal(a, b);
}
