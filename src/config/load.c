/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Build a cfg_model from a parsed sel4.toml, checking every table and key.  All problems in a
 * file are reported (not just the first), each with file:line:col and a note on the fix.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "loader.h"
#include "util/fs.h"
#include "util/strindex.h"
#include "util/path.h"

/* --- sources ------------------------------------------------------------------------------------ */

static const char *const source_keys[] = { "path", "git", "branch", "tag", "rev", NULL };

/* source = { path = "..." } | { git = "...", branch|tag|rev = "..." } */
static void load_source(struct loader *ld, const struct toml_entry *e, struct cfg_source *src)
{
	const char *name = e->key.ptr;
	struct sb where = SB_INIT;
	sb_addf(&where, "source '%s'", name);
	const struct toml_table *t;
	if (e->value.kind != TOML_TABLE) {
		LD_ERROR(ld, e->value.pos, "source '%s' must be a table, not %s %s", name,
			 e->value.kind == TOML_INTEGER || e->value.kind == TOML_ARRAY ? "an" : "a",
			 toml_kind_name(e->value.kind));
		LD_NOTE(ld, "write %s = { git = \"URL\", tag = \"TAG\" } or %s = { path = \"DIR\" }", name, name);
		sb_release(&where);
		return;
	}
	t = e->value.u.tab;
	src->at = at(ld, e->key_pos);
	const struct toml_entry *path = NULL, *git = NULL, *ref = NULL;
	int refs = 0, bad = 0;
	for (size_t i = 0; i < t->len; i++) {
		const struct toml_entry *k = &t->items[i];
		const char *key = k->key.ptr;
		const char *value = NULL;
		if (!strcmp(key, "path") || !strcmp(key, "git") || !strcmp(key, "branch") || !strcmp(key, "tag") ||
		    !strcmp(key, "rev")) {
			value = expect_string(ld, k, sb_str(&where), false);
			if (!value) {
				bad = 1;
				continue;
			}
		} else {
			LD_ERROR(ld, k->key_pos, "unknown key '%s' in source '%s'", key, name);
			note_suggestion(ld, key, source_keys);
			note_known(ld, "a source has", source_keys);
			bad = 1;
			continue;
		}
		if (!strcmp(key, "path")) {
			path = k;
			src->path = value;
		} else if (!strcmp(key, "git")) {
			git = k;
			src->git = value;
		} else {
			refs++;
			if (refs > 1) {
				LD_ERROR(ld, k->key_pos, "source '%s' names more than one of branch, tag and rev", name);
				LD_NOTE(ld, "'%s' was already given at line %u; keep exactly one", ref->key.ptr, ref->key_pos.line);
				bad = 1;
				continue;
			}
			ref = k;
			src->ref = value;
			src->ref_kind = !strcmp(key, "branch") ? CFG_REF_BRANCH : !strcmp(key, "tag") ? CFG_REF_TAG : CFG_REF_REV;
		}
	}
	sb_release(&where);
	if (bad)
		return;
	if (path && git) {
		LD_ERROR(ld, git->key_pos, "source '%s' has both 'path' and 'git'", name);
		LD_NOTE(ld, "use { path = \"DIR\" } for a local tree, or { git = \"URL\", tag = \"TAG\" } to clone");
		return;
	}
	if (path) {
		if (ref) {
			LD_ERROR(ld, ref->key_pos, "'%s' only applies to a git source, but source '%s' is a path", ref->key.ptr, name);
			LD_NOTE(ld, "remove '%s', or replace 'path' with 'git = \"URL\"'", ref->key.ptr);
			return;
		}
		src->kind = CFG_SOURCE_PATH;
		char *abs = path_join(ld->dir, src->path);
		src->abs_path = arena_strdup(ld->a, abs);
		free(abs);
		return;
	}
	if (git) {
		if (!ref) {
			LD_ERROR(ld, git->key_pos, "git source '%s' needs one of 'branch', 'tag' or 'rev'", name);
			LD_NOTE(ld, "for example %s = { git = \"%s\", tag = \"16.0.0\" }", name, src->git);
			return;
		}
		src->kind = CFG_SOURCE_GIT;
		return;
	}
	LD_ERROR(ld, e->key_pos, "source '%s' needs 'path' or 'git'", name);
	LD_NOTE(ld, "write %s = { git = \"URL\", tag = \"TAG\" } or %s = { path = \"DIR\" }", name, name);
}

/* --- layered tables ([sel4.config], [metadata]) --------------------------------------------------- */

static bool is_identifier(const char *s)
{
	if (!(isalpha((unsigned char)*s) || *s == '_'))
		return false;
	for (s++; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_'))
			return false;
	return true;
}

static enum cfg_layer_kind layer_kind_of(const char *name)
{
	for (size_t i = 0; cfg_profile_names[i]; i++)
		if (!strcmp(name, cfg_profile_names[i]))
			return CFG_LAYER_PROFILE;
	for (size_t i = 0; cfg_arch_names[i]; i++)
		if (!strcmp(name, cfg_arch_names[i]))
			return CFG_LAYER_ARCH;
	for (size_t i = 0; cfg_sel4_arch_names[i]; i++)
		if (!strcmp(name, cfg_sel4_arch_names[i]))
			return CFG_LAYER_SEL4_ARCH;
	return CFG_LAYER_PLATFORM;
}

/* A platform table spelt like a reserved name in another case would silently never apply. */
static const char *reserved_lookalike(const char *name)
{
	const char *const *lists[] = { cfg_profile_names, cfg_arch_names, cfg_sel4_arch_names };
	for (size_t l = 0; l < 3; l++)
		for (size_t i = 0; lists[l][i]; i++)
			if (!strcasecmp(name, lists[l][i]))
				return lists[l][i];
	return NULL;
}

static const char *kind_article(enum toml_kind k)
{
	return k == TOML_INTEGER || k == TOML_ARRAY || k == TOML_DATETIME ? "an" : "a";
}

static const char *cfg_kind_name(enum cfg_kind k)
{
	return k == CFG_STRING ? "string" : k == CFG_INTEGER ? "integer" : "boolean";
}

/* The first setting of each key in a section, to check that a key keeps its type everywhere;
 * the index keeps that check constant-time per key (a section may hold tens of thousands). */
struct first_seen {
	struct cfg_setting *items;
	size_t len, cap;
	struct str_index index;
};

static void check_type_agrees(struct loader *ld, struct first_seen *seen, const struct cfg_setting *s, struct toml_pos pos)
{
	long i = str_index_get(&seen->index, s->key);
	if (i >= 0) {
		const struct cfg_setting *f = &seen->items[i];
		if (f->value.kind != s->value.kind) {
			LD_ERROR(ld, pos, "'%s' is %s %s here but %s %s at line %u", s->key,
				 s->value.kind == CFG_INTEGER ? "an" : "a", cfg_kind_name(s->value.kind),
				 f->value.kind == CFG_INTEGER ? "an" : "a", cfg_kind_name(f->value.kind), f->at.line);
			LD_NOTE(ld, "an option has one type: give '%s' the same type in every table", s->key);
		}
		return;
	}
	seen->items = arena_grow(ld->a, seen->items, &seen->cap, seen->len + 1, sizeof(*seen->items));
	seen->items[seen->len] = *s;
	str_index_put(ld->a, &seen->index, seen->items[seen->len].key, seen->len);
	seen->len++;
}

static void add_setting(struct loader *ld, const struct cfg_layered *sec, struct cfg_layer *layer, const struct toml_entry *e,
			struct first_seen *seen)
{
	const char *key = e->key.ptr;
	const char *title = layer->name ? arena_printf(ld->a, "[%s.%s]", sec->section, layer->name)
					: arena_printf(ld->a, "[%s]", sec->section);
	if (e->key.len == 0 || memchr(key, '\0', e->key.len)) {
		LD_ERROR(ld, e->key_pos, "empty or NUL-containing key in %s", title);
		return;
	}
	/* Kernel options become CMake variables and C macros: they must be identifiers. */
	if (!strcmp(sec->section, "sel4.config") && !is_identifier(key)) {
		LD_ERROR(ld, e->key_pos, "'%s' in %s is not a valid option name", key, title);
		LD_NOTE(ld, "option names are letters, digits and '_', not starting with a digit (e.g. KernelPrinting)");
		return;
	}
	struct cfg_setting s = { .key = arena_strdup(ld->a, key), .at = at(ld, e->key_pos) };
	switch (e->value.kind) {
	case TOML_STRING:
		if (memchr(e->value.u.s.ptr, '\0', e->value.u.s.len)) {
			LD_ERROR(ld, e->value.pos, "'%s' in %s contains a NUL character", key, title);
			return;
		}
		s.value.kind = CFG_STRING;
		s.value.s = str_of(ld, e);
		break;
	case TOML_INTEGER:
		s.value.kind = CFG_INTEGER;
		s.value.i = e->value.u.i;
		break;
	case TOML_BOOL:
		s.value.kind = CFG_BOOL;
		s.value.b = e->value.u.b;
		break;
	case TOML_TABLE:
		LD_ERROR(ld, e->key_pos, "table %s nests too deep: '%s' is a table inside %s", title, key, title);
		LD_NOTE(ld, "sub-tables of [%s] take only strings, integers and booleans; move the keys of '%s' into %s",
			sec->section, key, title);
		return;
	default:
		LD_ERROR(ld, e->value.pos, "'%s' in %s is %s %s; values must be strings, integers or booleans", key, title,
			 kind_article(e->value.kind), toml_kind_name(e->value.kind));
		if (e->value.kind == TOML_FLOAT)
			LD_NOTE(ld, "write the number as an integer or as a string");
		else if (e->value.kind == TOML_ARRAY)
			LD_NOTE(ld, "CMake lists are strings: write \"a;b;c\"");
		else
			LD_NOTE(ld, "write the value as a string");
		return;
	}
	layer->items = arena_grow(ld->a, layer->items, &layer->cap, layer->len + 1, sizeof(*layer->items));
	layer->items[layer->len++] = s;
	check_type_agrees(ld, seen, &s, e->key_pos);
}

static void load_layered(struct loader *ld, const struct toml_entry *e, struct cfg_layered *sec, const char *section)
{
	sec->section = section;
	sec->shared.kind = CFG_LAYER_SHARED;
	sec->shared.at = at(ld, e->key_pos);
	const char *title = arena_printf(ld->a, "[%s]", section);
	const struct toml_table *t = expect_table(ld, e, title);
	if (!t)
		return;
	struct first_seen seen = { 0 };
	for (size_t i = 0; i < t->len; i++) {
		const struct toml_entry *k = &t->items[i];
		if (k->value.kind != TOML_TABLE) {
			add_setting(ld, sec, &sec->shared, k, &seen);
			continue;
		}
		const char *name = k->key.ptr;
		sec->subs = arena_grow(ld->a, sec->subs, &sec->cap, sec->nsubs + 1, sizeof(*sec->subs));
		struct cfg_layer *layer = &sec->subs[sec->nsubs++];
		layer->name = arena_strdup(ld->a, name);
		layer->kind = layer_kind_of(name);
		layer->at = at(ld, k->key_pos);
		const char *look = layer->kind == CFG_LAYER_PLATFORM ? reserved_lookalike(name) : NULL;
		if (look) {
			LD_ERROR(ld, k->key_pos, "[%s.%s] would be a platform table, but its name looks like '%s'", section, name, look);
			LD_NOTE(ld, "names of profiles, arches and sel4_arches are lowercase: write [%s.%s]", section, look);
			continue;
		}
		const struct toml_table *sub = k->value.u.tab;
		for (size_t j = 0; j < sub->len; j++)
			add_setting(ld, sec, layer, &sub->items[j], &seen);
	}
}

/* --- [build.PLATFORM] ----------------------------------------------------------------------------- */

static const char *const build_keys[] = { "cross_compiler_prefix", "toolchain_dir", "debug", "release", NULL };
static const char *const profile_keys[] = { "make_root_task", "root_task_image", NULL };

/* A path as written, resolved against the config file's folder. */
static const char *resolve_path(struct loader *ld, const char *p)
{
	char *abs = path_join(ld->dir, p);
	const char *r = arena_strdup(ld->a, abs);
	free(abs);
	return r;
}

static void load_build_profile(struct loader *ld, const struct toml_entry *e, const char *platform, struct cfg_build_profile *bp)
{
	const char *title = arena_printf(ld->a, "[build.%s.%s]", platform, e->key.ptr);
	const struct toml_table *t = expect_table(ld, e, title);
	if (!t)
		return;
	bp->present = true;
	bp->at = at(ld, e->key_pos);
	const struct toml_entry *make = NULL;
	for (size_t i = 0; i < t->len; i++) {
		const struct toml_entry *k = &t->items[i];
		if (!strcmp(k->key.ptr, "make_root_task")) {
			bp->make_root_task = expect_string(ld, k, title, false);
			make = k;
		} else if (!strcmp(k->key.ptr, "root_task_image")) {
			bp->root_task_image = expect_string(ld, k, title, false);
			if (bp->root_task_image)
				bp->root_task_image_abs = resolve_path(ld, bp->root_task_image);
		} else {
			LD_ERROR(ld, k->key_pos, "unknown key '%s' in %s", k->key.ptr, title);
			note_suggestion(ld, k->key.ptr, profile_keys);
			note_known(ld, "a build profile has", profile_keys);
		}
	}
	if (make && bp->make_root_task && !bp->root_task_image && !toml_table_get(t, "root_task_image")) {
		LD_ERROR(ld, make->key_pos, "'make_root_task' in %s needs 'root_task_image'", title);
		LD_NOTE(ld, "add root_task_image = \"PATH\": the file the command produces, relative to the config's folder");
	}
}

static void load_build(struct loader *ld, const struct toml_entry *e)
{
	const char *platform = e->key.ptr;
	const char *title = arena_printf(ld->a, "[build.%s]", platform);
	const struct toml_table *t = expect_table(ld, e, title);
	if (!t)
		return;
	struct cfg_model *m = ld->m;
	m->builds = arena_grow(ld->a, m->builds, &m->cap, m->nbuilds + 1, sizeof(*m->builds));
	struct cfg_build *b = &m->builds[m->nbuilds++];
	b->platform = arena_strdup(ld->a, platform);
	b->at = at(ld, e->key_pos);
	for (size_t i = 0; i < t->len; i++) {
		const struct toml_entry *k = &t->items[i];
		const char *key = k->key.ptr;
		if (!strcmp(key, "cross_compiler_prefix")) {
			b->cross_compiler_prefix = expect_string(ld, k, title, true);
		} else if (!strcmp(key, "toolchain_dir")) {
			b->toolchain_dir = expect_string(ld, k, title, false);
			if (b->toolchain_dir)
				b->toolchain_dir_abs = resolve_path(ld, b->toolchain_dir);
		} else if (!strcmp(key, "debug")) {
			load_build_profile(ld, k, platform, &b->debug);
		} else if (!strcmp(key, "release")) {
			load_build_profile(ld, k, platform, &b->release);
		} else if (k->value.kind == TOML_TABLE) {
			LD_ERROR(ld, k->key_pos, "unknown table [build.%s.%s]", platform, key);
			note_suggestion(ld, key, cfg_profile_names);
			LD_NOTE(ld, "the sub-tables of [build.%s] are the profiles 'debug' and 'release'", platform);
		} else {
			LD_ERROR(ld, k->key_pos, "unknown key '%s' in %s", key, title);
			note_suggestion(ld, key, build_keys);
			note_known(ld, "[build.PLATFORM] has", build_keys);
		}
	}
}

/* --- top level ---------------------------------------------------------------------------------------- */

static const char *const top_keys[] = { "sel4", "build", "metadata", "app", "simulate", "test", NULL };
static const char *const sel4_keys[] = { "kernel", "tools", "util_libs", "config", NULL };

static void load_sel4(struct loader *ld, const struct toml_entry *e)
{
	const struct toml_table *t = expect_table(ld, e, "[sel4]");
	if (!t)
		return;
	for (size_t i = 0; i < t->len; i++) {
		const struct toml_entry *k = &t->items[i];
		const char *key = k->key.ptr;
		if (!strcmp(key, "kernel"))
			load_source(ld, k, &ld->m->kernel);
		else if (!strcmp(key, "tools"))
			load_source(ld, k, &ld->m->tools);
		else if (!strcmp(key, "util_libs"))
			load_source(ld, k, &ld->m->util_libs);
		else if (!strcmp(key, "config"))
			load_layered(ld, k, &ld->m->sel4_config, "sel4.config");
		else {
			LD_ERROR(ld, k->key_pos, "unknown key '%s' in [sel4]", key);
			note_suggestion(ld, key, sel4_keys);
			note_known(ld, "[sel4] has", sel4_keys);
		}
	}
	if (!toml_table_find(t, "kernel")) {
		LD_ERROR(ld, e->key_pos, "[sel4] has no 'kernel' source");
		LD_NOTE(ld, "add kernel = { git = \"https://github.com/seL4/seL4\", tag = \"16.0.0\" } or kernel = { path = \"DIR\" }");
	}
}

static void load_root(struct loader *ld, const struct toml_table *root)
{
	const struct toml_entry *sel4 = NULL;
	for (size_t i = 0; i < root->len; i++) {
		const struct toml_entry *e = &root->items[i];
		const char *key = e->key.ptr;
		if (!strcmp(key, "sel4")) {
			sel4 = e;
			load_sel4(ld, e);
		} else if (!strcmp(key, "build")) {
			const struct toml_table *t = expect_table(ld, e, "[build]");
			for (size_t j = 0; t && j < t->len; j++)
				load_build(ld, &t->items[j]);
		} else if (!strcmp(key, "metadata")) {
			load_layered(ld, e, &ld->m->metadata, "metadata");
		} else if (load_plain_table(ld, e)) {
			/* [app], [simulate], [test] */
		} else {
			LD_ERROR(ld, e->key_pos, "unknown top-level %s '%s'", e->value.kind == TOML_TABLE ? "table" : "key", key);
			note_suggestion(ld, key, top_keys);
			LD_NOTE(ld, "a sel4.toml has the tables [sel4], [build.PLATFORM], [metadata], [app], [simulate] and [test]");
		}
	}
	if (!sel4) {
		LD_ERROR(ld, ((struct toml_pos){ 1, 1 }), "no [sel4] table");
		LD_NOTE(ld, "add [sel4] with kernel = { git = \"https://github.com/seL4/seL4\", tag = \"16.0.0\" }");
	}
	if (!ld->m->sel4_config.section) {
		ld->m->sel4_config.section = "sel4.config";
		ld->m->sel4_config.shared.kind = CFG_LAYER_SHARED;
	}
	if (!ld->m->metadata.section) {
		ld->m->metadata.section = "metadata";
		ld->m->metadata.shared.kind = CFG_LAYER_SHARED;
	}
}

struct cfg_model *cfg_load_string(struct arena *a, const char *path, const char *dir, const char *text, size_t len)
{
	struct toml_error err;
	struct toml_table *root = toml_parse(a, text, len, &err);
	if (!root) {
		diag_error(&(struct loc){ path, err.pos.line, err.pos.col }, "%s", err.msg);
		return NULL;
	}
	struct loader ld = { .a = a, .path = arena_strdup(a, path), .dir = dir ? arena_strdup(a, dir) : NULL,
			     .text = text, .len = len };
	ld.m = arena_alloc(a, sizeof(*ld.m));
	ld.m->path = ld.path;
	ld.m->dir = ld.dir;
	load_root(&ld, root);
	return ld.failed ? NULL : ld.m;
}

struct cfg_model *cfg_load_file(struct arena *a, const char *path)
{
	size_t len;
	char *text = fs_read_regular_file(path, &len);
	if (!text) {
		diag_note(NULL, "a config is a sel4.toml file: name one with --config or SEL4_CONFIG_PATH");
		return NULL;
	}
	char *abs = path_absolute(path);
	char *dir = path_dirname(abs);
	struct cfg_model *m = cfg_load_string(a, path, dir, text, len);
	free(dir);
	free(abs);
	free(text);
	return m;
}

extern const char selfe_default_config[];
extern const unsigned long long selfe_default_config_size;

const char *cfg_default_text(size_t *len)
{
	*len = (size_t)selfe_default_config_size;
	return selfe_default_config;
}

struct cfg_model *cfg_load_default(struct arena *a, const char *dir)
{
	size_t len;
	const char *text = cfg_default_text(&len);
	return cfg_load_string(a, CFG_DEFAULT_LABEL, dir, text, len);
}
