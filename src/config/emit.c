/* SPDX-License-Identifier: BSD-2-Clause */
/* The output formats of a resolved configuration: toml, json, cmake, header, flags; and --explain. */
#include <inttypes.h>
#include <string.h>

#include "config_internal.h"
#include "util/json.h"

int cfg_format_parse(const char *name, enum cfg_format *out)
{
	static const struct {
		const char *name;
		enum cfg_format f;
	} formats[] = {
		{ "toml", CFG_FORMAT_TOML },	 { "json", CFG_FORMAT_JSON },	{ "cmake", CFG_FORMAT_CMAKE },
		{ "header", CFG_FORMAT_HEADER }, { "flags", CFG_FORMAT_FLAGS },
	};
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!strcmp(name, formats[i].name)) {
			*out = formats[i].f;
			return 0;
		}
	return -1;
}

static void emit_banner(struct sb *out, const struct cfg_resolved *r, const char *open, const char *close)
{
	sb_addf(out, "%s selfe config: platform %s, sel4_arch %s, arch %s, profile %s%s\n", open, r->sel.platform,
		r->sel.sel4_arch, r->sel.arch, cfg_profile_name(r->sel.profile), close);
	sb_addf(out, "%s resolved from %s%s\n", open, r->model->path, close);
}

/* --- toml: a sel4.toml of its own that resolves to the same thing ----------------------------- */

static void emit_toml_list(struct sb *out, const struct cfg_resolved_list *l)
{
	for (size_t i = 0; i < l->len; i++) {
		toml_write_key(out, l->items[i].key, strlen(l->items[i].key));
		sb_adds(out, " = ");
		cfg_value_write_toml(out, &l->items[i].value);
		sb_addch(out, '\n');
	}
}

static void emit_toml(struct sb *out, const struct cfg_resolved *r)
{
	const struct cfg_model *m = r->model;
	emit_banner(out, r, "#", "");
	sb_adds(out, "\n[sel4]\n");
	cfg_source_write_toml(out, "kernel", &m->kernel, true);
	cfg_source_write_toml(out, "tools", &m->tools, true);
	cfg_source_write_toml(out, "util_libs", &m->util_libs, true);
	sb_adds(out, "\n[sel4.config]\n");
	emit_toml_list(out, &r->config);
	if (r->build) {
		sb_adds(out, "\n[build.");
		toml_write_key(out, r->sel.platform, strlen(r->sel.platform));
		sb_adds(out, "]\n");
		cfg_string_write_toml(out, "cross_compiler_prefix", r->build->cross_compiler_prefix);
		cfg_string_write_toml(out, "toolchain_dir", r->build->toolchain_dir_abs);
		if (r->build_profile) {
			sb_adds(out, "\n[build.");
			toml_write_key(out, r->sel.platform, strlen(r->sel.platform));
			sb_addf(out, ".%s]\n", cfg_profile_name(r->sel.profile));
			cfg_string_write_toml(out, "make_root_task", r->build_profile->make_root_task);
			cfg_string_write_toml(out, "root_task_image", r->build_profile->root_task_image_abs);
		}
	}
	if (r->metadata.len) {
		sb_adds(out, "\n[metadata]\n");
		emit_toml_list(out, &r->metadata);
	}
}

/* --- json ----------------------------------------------------------------------------------------- */

static void json_str(struct sb *out, const char *s)
{
	if (s)
		json_write_string(out, s, strlen(s));
	else
		sb_adds(out, "null");
}

static void json_list(struct sb *out, const struct cfg_resolved_list *l)
{
	sb_addch(out, '{');
	for (size_t i = 0; i < l->len; i++) {
		sb_adds(out, i ? ",\n    " : "\n    ");
		json_str(out, l->items[i].key);
		sb_adds(out, ": ");
		cfg_value_write_toml(out, &l->items[i].value); /* JSON writes a config value the same way */
	}
	sb_adds(out, l->len ? "\n  }" : "}");
}

static void json_source(struct sb *out, const char *name, const struct cfg_source *s, bool *first)
{
	static const char *const ref_names[] = { "branch", "tag", "rev" };
	if (s->kind == CFG_SOURCE_NONE)
		return;
	sb_adds(out, *first ? "\n    " : ",\n    ");
	*first = false;
	sb_addf(out, "\"%s\": {", name);
	if (s->kind == CFG_SOURCE_PATH) {
		sb_adds(out, "\"path\": ");
		json_str(out, s->abs_path);
	} else {
		sb_adds(out, "\"git\": ");
		json_str(out, s->git);
		sb_addf(out, ", \"%s\": ", ref_names[s->ref_kind]);
		json_str(out, s->ref);
	}
	sb_addch(out, '}');
}

static void emit_json(struct sb *out, const struct cfg_resolved *r)
{
	const struct cfg_model *m = r->model;
	const struct cfg_build_profile *bp = r->build_profile;
	sb_adds(out, "{\n  \"config_file\": ");
	json_str(out, m->path);
	sb_adds(out, ",\n  \"selection\": {\"platform\": ");
	json_str(out, r->sel.platform);
	sb_adds(out, ", \"sel4_arch\": ");
	json_str(out, r->sel.sel4_arch);
	sb_adds(out, ", \"arch\": ");
	json_str(out, r->sel.arch);
	sb_adds(out, ", \"profile\": ");
	json_str(out, cfg_profile_name(r->sel.profile));
	sb_adds(out, "},\n  \"sources\": {");
	bool first = true;
	json_source(out, "kernel", &m->kernel, &first);
	json_source(out, "tools", &m->tools, &first);
	json_source(out, "util_libs", &m->util_libs, &first);
	sb_adds(out, first ? "}" : "\n  }");
	sb_adds(out, ",\n  \"config\": ");
	json_list(out, &r->config);
	sb_adds(out, ",\n  \"metadata\": ");
	json_list(out, &r->metadata);
	sb_adds(out, ",\n  \"build\": {\"cross_compiler_prefix\": ");
	json_str(out, r->build ? r->build->cross_compiler_prefix : NULL);
	sb_adds(out, ", \"toolchain_dir\": ");
	json_str(out, r->build ? r->build->toolchain_dir_abs : NULL);
	sb_adds(out, ", \"make_root_task\": ");
	json_str(out, bp ? bp->make_root_task : NULL);
	sb_adds(out, ", \"root_task_image\": ");
	json_str(out, bp ? bp->root_task_image_abs : NULL);
	sb_adds(out, "}\n}\n");
}

/* --- cmake initial cache -------------------------------------------------------------------------- */

/* Inside a quoted CMake argument, '\', '"' and '$' must be escaped; ';' is kept (lists). */
static void cmake_quoted(struct sb *out, const char *s)
{
	sb_addch(out, '"');
	for (; *s; s++) {
		if (*s == '\\' || *s == '"' || *s == '$')
			sb_addch(out, '\\');
		if (*s == '\n')
			sb_adds(out, "\\n");
		else
			sb_addch(out, *s);
	}
	sb_addch(out, '"');
}

static void emit_cmake(struct sb *out, const struct cfg_resolved *r)
{
	emit_banner(out, r, "#", "");
	for (size_t i = 0; i < r->config.len; i++) {
		const struct cfg_resolved_item *it = &r->config.items[i];
		sb_addf(out, "set(%s ", it->key);
		switch (it->value.kind) {
		case CFG_BOOL:
			sb_addf(out, "%s CACHE BOOL \"\")\n", it->value.b ? "ON" : "OFF");
			break;
		case CFG_INTEGER:
			sb_addf(out, "\"%" PRId64 "\" CACHE STRING \"\")\n", it->value.i);
			break;
		case CFG_STRING:
			cmake_quoted(out, it->value.s);
			sb_adds(out, " CACHE STRING \"\")\n");
			break;
		}
	}
}

/* --- C preprocessor: header and -D flags ---------------------------------------------------------- */

static void c_string(struct sb *out, const char *s)
{
	sb_addch(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			sb_addf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			sb_addf(out, "\\%03o", c);
		else
			sb_addch(out, (char)c);
	}
	sb_addch(out, '"');
}

/* The replacement text of `#define KEY ...`: booleans 1/0, integers with LL when out of int range. */
static void c_value(struct sb *out, const struct cfg_value *v)
{
	switch (v->kind) {
	case CFG_BOOL:
		sb_adds(out, v->b ? "1" : "0");
		break;
	case CFG_INTEGER:
		if (v->i == INT64_MIN)
			sb_adds(out, "(-9223372036854775807LL - 1)");
		else if (v->i < -2147483647 || v->i > 2147483647)
			sb_addf(out, "%" PRId64 "LL", v->i);
		else
			sb_addf(out, "%" PRId64, v->i);
		break;
	case CFG_STRING:
		c_string(out, v->s);
		break;
	}
}

static void emit_header(struct sb *out, const struct cfg_resolved *r)
{
	emit_banner(out, r, "/*", " */");
	sb_adds(out, "#pragma once\n\n");
	for (size_t i = 0; i < r->config.len; i++) {
		sb_addf(out, "#define %s ", r->config.items[i].key);
		c_value(out, &r->config.items[i].value);
		sb_addch(out, '\n');
	}
}

/* One line of -D options, each quoted for a POSIX shell when it needs to be. */
static void emit_flags(struct sb *out, const struct cfg_resolved *r)
{
	for (size_t i = 0; i < r->config.len; i++) {
		struct sb flag = SB_INIT;
		sb_addf(&flag, "-D%s=", r->config.items[i].key);
		c_value(&flag, &r->config.items[i].value);
		if (i)
			sb_addch(out, ' ');
		const char *value = strchr(sb_str(&flag), '=') + 1;
		if (strpbrk(value, " \t\n\"'\\$`!*?[]#~=&;|<>(){}")) {
			sb_addch(out, '\'');
			for (const char *p = sb_str(&flag); *p; p++) {
				if (*p == '\'')
					sb_adds(out, "'\\''");
				else
					sb_addch(out, *p);
			}
			sb_addch(out, '\'');
		} else {
			sb_add(out, flag.buf, flag.len);
		}
		sb_release(&flag);
	}
	sb_addch(out, '\n');
}

void cfg_emit(struct sb *out, const struct cfg_resolved *r, enum cfg_format format)
{
	switch (format) {
	case CFG_FORMAT_TOML:
		emit_toml(out, r);
		break;
	case CFG_FORMAT_JSON:
		emit_json(out, r);
		break;
	case CFG_FORMAT_CMAKE:
		emit_cmake(out, r);
		break;
	case CFG_FORMAT_HEADER:
		emit_header(out, r);
		break;
	case CFG_FORMAT_FLAGS:
		emit_flags(out, r);
		break;
	}
}
