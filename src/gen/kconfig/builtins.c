/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The built-in commands config scripts need: set, unset, include, message, math, list, string,
 * file, get_filename_component, cmake_parse_arguments (execute_process and file writes for the
 * device-tree step are in process.c).  Commands that only describe the build (targets, custom
 * commands, properties, compiler checks, tool look-ups) cannot change a configuration value and
 * are accepted and ignored; they are listed in `ignored` below.
 */
#include <ctype.h>
#include <dirent.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kcfg_internal.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/sb.h"
#include "util/xalloc.h"

static bool eq(const struct kcfg_arg *a, const char *s)
{
	return strcmp(a->s, s) == 0;
}

static int cache_type(const char *s)
{
	static const char *const names[] = { "UNINITIALIZED", "BOOL", "STRING", "PATH", "FILEPATH", "INTERNAL", "STATIC" };
	for (int i = 0; i < 7; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static int cmd_set(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 1)
		return kcfg_err(k, "set needs a variable name");
	const char *name = a->v[0].s;
	size_t n = a->n;
	bool parent = false, force = false;
	int type = -1;
	if (n >= 2 && eq(&a->v[n - 1], "PARENT_SCOPE")) {
		parent = true;
		n--;
	} else {
		if (n >= 2 && eq(&a->v[n - 1], "FORCE")) {
			force = true;
			n--;
		}
		if (n >= 4 && eq(&a->v[n - 3], "CACHE")) {
			type = cache_type(a->v[n - 2].s);
			if (type < 0)
				return kcfg_err(k, "unknown cache type \"%s\"", a->v[n - 2].s);
			n -= 3;
		} else if (force) {
			n++;
			force = false;
		}
	}
	char **vals = xmalloc((n + 1) * sizeof *vals);
	for (size_t i = 1; i < n; i++)
		vals[i - 1] = a->v[i].s;
	char *v = kcfg_list_join(vals, n - 1);
	free(vals);
	if (strncmp(name, "ENV{", 4) == 0) {
		/* The environment of the evaluator is not the build's: ignore. */
	} else if (type >= 0) {
		kcfg_cache_set(k, name, v, type, force);
		/* A cache entry of a user-facing type (set(KernelCustomDTS "" CACHE FILEPATH "...")) is
		 * an option a user may set, though no config_* call declares it. */
		if (type != KCFG_INTERNAL && type != KCFG_STATIC && type != KCFG_UNINIT && !kcfg_table_find(&k->opt_kind, name))
			kcfg_table_put(&k->opt_kind, name, type == KCFG_BOOL ? "bool" : "string");
	} else if (parent) {
		kcfg_set_parent(k, name, n > 1 ? v : NULL);
	} else if (n > 1) {
		kcfg_set(k, name, v);
	} else {
		kcfg_unset(k, name);
	}
	free(v);
	return 0;
}

static int cmd_unset(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 1)
		return kcfg_err(k, "unset needs a variable name");
	if (a->n >= 2 && eq(&a->v[1], "CACHE"))
		kcfg_cache_unset(k, a->v[0].s);
	else if (a->n >= 2 && eq(&a->v[1], "PARENT_SCOPE"))
		kcfg_set_parent(k, a->v[0].s, NULL);
	else
		kcfg_unset(k, a->v[0].s);
	return 0;
}

static int cmd_include(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 1)
		return kcfg_err(k, "include needs a file");
	const char *f = a->v[0].s;
	bool optional = a->n >= 2 && eq(&a->v[1], "OPTIONAL");
	/* A bare module name (CheckCCompilerFlag) is one of CMake's own modules: nothing for us. */
	if (!strchr(f, '/') && !strchr(f, '.'))
		return 0;
	const char *base = kcfg_get(k, "CMAKE_CURRENT_SOURCE_DIR");
	const char *p = path_join_in(k->arena, base ? base : ".", f);
	int rc = 0;
	kcfg_note_probe(k, p);
	if (!path_is_file(p)) {
		if (!optional)
			rc = kcfg_err(k, "include could not find \"%s\"", f);
	} else {
		rc = kcfg_include(k, p);
	}
	return rc;
}

static int cmd_message(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n >= 1 && (eq(&a->v[0], "FATAL_ERROR") || eq(&a->v[0], "SEND_ERROR"))) {
		struct sb sb = SB_INIT;
		for (size_t i = 1; i < a->n; i++)
			sb_adds(&sb, a->v[i].s);
		int rc = kcfg_err(k, "%s", sb_str(&sb));
		sb_release(&sb);
		return rc;
	}
	return 0;
}

/* glob()'s own folder listings and tests, noted: the result changes only if one of them does.
 * glob's callbacks take no context, so the evaluator is handed over in a variable, set only
 * for the call (evaluations run one at a time). */
static struct kcfg *globbing;

static void *glob_opendir(const char *path)
{
	kcfg_note_file(globbing, path);
	return opendir(path);
}

static int glob_stat(const char *restrict path, void *restrict st)
{
	kcfg_note_probe(globbing, path);
	return stat(path, st);
}

static int glob_lstat(const char *restrict path, void *restrict st)
{
	kcfg_note_probe(globbing, path);
	return lstat(path, st);
}

/* (The prototypes glob.h declares without _GNU_SOURCE.) */
static void *glob_readdir(void *dir)
{
	return readdir(dir);
}

static void glob_closedir(void *dir)
{
	closedir(dir);
}

static void record_glob(struct kcfg *k, glob_t *g)
{
	memset(g, 0, sizeof(*g));
	globbing = k;
	g->gl_opendir = glob_opendir;
	g->gl_readdir = glob_readdir;
	g->gl_closedir = glob_closedir;
	g->gl_stat = glob_stat;
	g->gl_lstat = glob_lstat;
}

static int cmd_file(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 1)
		return kcfg_err(k, "file needs a sub-command");
	const char *sub = a->v[0].s;
	if (strcmp(sub, "GLOB") == 0 || strcmp(sub, "GLOB_RECURSE") == 0) {
		if (a->n < 2)
			return kcfg_err(k, "file(GLOB) needs a variable");
		struct kcfg_args found = { 0 };
		for (size_t i = 2; i < a->n; i++) {
			if (eq(&a->v[i], "CONFIGURE_DEPENDS") || eq(&a->v[i], "LIST_DIRECTORIES"))
				continue;
			glob_t g;
			if (k->deps)
				record_glob(k, &g);
			if (glob(a->v[i].s, k->deps ? GLOB_ALTDIRFUNC : 0, NULL, &g) == 0)
				for (size_t j = 0; j < g.gl_pathc; j++)
					kcfg_args_push(&found, xstrdup(g.gl_pathv[j]), false);
			globfree(&g);
		}
		char **v = xmalloc((found.n + 1) * sizeof *v);
		for (size_t i = 0; i < found.n; i++)
			v[i] = found.v[i].s;
		char *joined = kcfg_list_join(v, found.n);
		kcfg_set(k, a->v[1].s, joined);
		free(joined);
		free(v);
		kcfg_args_free(&found);
		return 0;
	}
	if (strcmp(sub, "READ") == 0) {
		if (a->n < 3)
			return kcfg_err(k, "file(READ) needs a file and a variable");
		size_t len;
		char *text = fs_read_file(a->v[1].s, &len);
		if (!text)
			return kcfg_err(k, "file(READ) could not read \"%s\"", a->v[1].s);
		kcfg_note_file(k, a->v[1].s);
		kcfg_set(k, a->v[2].s, text);
		free(text);
		return 0;
	}
	/* WRITE, APPEND, REMOVE, MAKE_DIRECTORY: done inside the scratch build folder only, where
	 * the device-tree step keeps its files; elsewhere (and RENAME, GENERATE, ...) build outputs. */
	return kcfg_file_output(k, a);
}

static int cmd_get_filename_component(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 3)
		return kcfg_err(k, "get_filename_component needs a variable, a file and a mode");
	const char *file = a->v[1].s, *mode = a->v[2].s;
	const char *base = kcfg_get(k, "CMAKE_CURRENT_SOURCE_DIR");
	for (size_t i = 3; i + 1 < a->n; i++)
		if (eq(&a->v[i], "BASE_DIR"))
			base = a->v[i + 1].s;
	const char *slash = strrchr(file, '/');
	const char *name = slash ? slash + 1 : file;
	char *r;
	if (strcmp(mode, "DIRECTORY") == 0 || strcmp(mode, "PATH") == 0) {
		r = slash ? xstrndup(file, (size_t)(slash - file)) : xstrdup("");
	} else if (strcmp(mode, "NAME") == 0) {
		r = xstrdup(name);
	} else if (strcmp(mode, "EXT") == 0) {
		const char *dot = strchr(name, '.');
		r = xstrdup(dot ? dot : "");
	} else if (strcmp(mode, "NAME_WE") == 0) {
		const char *dot = strchr(name, '.');
		r = dot ? xstrndup(name, (size_t)(dot - name)) : xstrdup(name);
	} else if (strcmp(mode, "LAST_EXT") == 0) {
		const char *dot = strrchr(name, '.');
		r = xstrdup(dot ? dot : "");
	} else if (strcmp(mode, "NAME_WLE") == 0) {
		const char *dot = strrchr(name, '.');
		r = dot ? xstrndup(name, (size_t)(dot - name)) : xstrdup(name);
	} else if (strcmp(mode, "ABSOLUTE") == 0 || strcmp(mode, "REALPATH") == 0) {
		r = path_join(base ? base : ".", file);
	} else {
		return kcfg_err(k, "get_filename_component mode \"%s\" is not supported", mode);
	}
	if (a->n >= 4 && eq(&a->v[a->n - 1], "CACHE"))
		kcfg_cache_set(k, a->v[0].s, r, KCFG_STRING, false);
	else
		kcfg_set(k, a->v[0].s, r);
	free(r);
	return 0;
}

/* cmake_parse_arguments(prefix options one multi args...) and the PARSE_ARGV N form. */
static int cmd_parse_arguments(struct kcfg *k, struct kcfg_args *a)
{
	struct kcfg_args in = { 0 };
	size_t base = 0;
	bool parse_argv = a->n >= 2 && eq(&a->v[0], "PARSE_ARGV");
	if (parse_argv) {
		if (a->n < 5)
			return kcfg_err(k, "cmake_parse_arguments(PARSE_ARGV) needs five arguments");
		size_t start = (size_t)atol(a->v[1].s);
		const char *argc = kcfg_get(k, "ARGC");
		size_t n = argc ? (size_t)atol(argc) : 0;
		/* ARGC is an ordinary variable a script can set: bound the loop it drives. */
		if (n > start + 65536)
			return kcfg_err(k, "cmake_parse_arguments(PARSE_ARGV): ARGC is %s, more arguments than a call passes", argc);
		for (size_t i = start; i < n; i++) {
			struct sb nm = SB_INIT;
			sb_addf(&nm, "ARGV%zu", i);
			const char *v = kcfg_get(k, sb_str(&nm));
			kcfg_args_push(&in, xstrdup(v ? v : ""), true);
			sb_release(&nm);
		}
		base = 1;
	} else {
		if (a->n < 4)
			return kcfg_err(k, "cmake_parse_arguments needs at least four arguments");
		for (size_t i = 4; i < a->n; i++)
			kcfg_args_push(&in, xstrdup(a->v[i].s), a->v[i].quoted);
	}
	const char *prefix = a->v[base].s, *opts = a->v[base + 1].s, *one = a->v[base + 2].s,
		   *multi = a->v[base + 3].s;
	struct kcfg_args kw = { 0 };
	kcfg_list_split(opts, false, &kw);
	size_t nopts = kw.n;
	kcfg_list_split(one, false, &kw);
	size_t none = kw.n;
	kcfg_list_split(multi, false, &kw);
	struct sb *vals = xcalloc(kw.n + 1, sizeof *vals);
	int *seen = xcalloc(kw.n + 1, sizeof *seen); /* 1 keyword seen, 2 with a value */
	struct sb unparsed = SB_INIT;
	size_t unparsed_n = 0;
	size_t cur = kw.n; /* keyword collecting values; kw.n = none */
	for (size_t i = 0; i < in.n; i++) {
		size_t j = 0;
		for (; j < kw.n; j++)
			if (strcmp(kw.v[j].s, in.v[i].s) == 0)
				break;
		if (j < kw.n) {
			seen[j] = 1;
			sb_reset(&vals[j]);
			cur = j < nopts ? kw.n : j;
			continue;
		}
		if (cur < kw.n) {
			/* Separators inside a PARSE_ARGV value are kept as escaped. */
			const char *v = in.v[i].s;
			if (cur < none) {
				sb_reset(&vals[cur]);
				sb_adds(&vals[cur], v);
				seen[cur] = 2;
				cur = kw.n;
			} else {
				if (seen[cur] == 2)
					sb_addch(&vals[cur], ';');
				for (const char *p = v; *p; p++) {
					if (*p == ';' && parse_argv)
						sb_addch(&vals[cur], '\\');
					sb_addch(&vals[cur], *p);
				}
				seen[cur] = 2;
			}
			continue;
		}
		if (unparsed_n++)
			sb_addch(&unparsed, ';');
		sb_adds(&unparsed, in.v[i].s);
	}
	for (size_t j = 0; j < kw.n; j++) {
		struct sb nm = SB_INIT;
		sb_addf(&nm, "%s_%s", prefix, kw.v[j].s);
		if (j < nopts)
			kcfg_set(k, sb_str(&nm), seen[j] ? "TRUE" : "FALSE");
		else if (seen[j] == 2)
			kcfg_set(k, sb_str(&nm), sb_str(&vals[j]));
		else
			kcfg_unset(k, sb_str(&nm));
		sb_release(&nm);
		sb_release(&vals[j]);
	}
	struct sb nm = SB_INIT;
	sb_addf(&nm, "%s_UNPARSED_ARGUMENTS", prefix);
	if (unparsed_n)
		kcfg_set(k, sb_str(&nm), sb_str(&unparsed));
	else
		kcfg_unset(k, sb_str(&nm));
	sb_release(&nm);
	sb_release(&unparsed);
	free(vals);
	free(seen);
	kcfg_args_free(&kw);
	kcfg_args_free(&in);
	return 0;
}

static int cmd_ignore(struct kcfg *k, struct kcfg_args *a)
{
	(void)k;
	(void)a;
	return 0;
}

/* find_file/find_program: config values never depend on where tools are; report "found". */
static int cmd_find(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n >= 2 && !kcfg_get(k, a->v[0].s))
		kcfg_cache_set(k, a->v[0].s, a->v[1].s, KCFG_FILEPATH, false);
	return 0;
}

/* Properties belong to targets and files, never to configuration: they read as empty. */
static int cmd_get_property(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n >= 1)
		kcfg_set(k, a->v[0].s, "");
	return 0;
}

static const char *const ignored[] = {
	"add_compile_definitions", "add_compile_options", "add_custom_command", "add_custom_target",
	"add_definitions", "add_dependencies", "add_executable", "add_library", "add_link_options",
	"check_c_compiler_flag", "cmake_minimum_required", "cmake_policy", "configure_file",
	"enable_language", "include_directories", "install", "mark_as_advanced",
	"project", "set_property", "set_source_files_properties", "set_target_properties",
	"target_compile_definitions", "target_compile_options", "target_include_directories",
	"target_link_libraries", "target_link_options", "target_sources",
};

kcfg_builtin_fn kcfg_builtin(const char *name)
{
	static const struct {
		const char *name;
		kcfg_builtin_fn fn;
	} table[] = {
		{ "set", cmd_set }, { "unset", cmd_unset }, { "include", cmd_include },
		{ "message", cmd_message }, { "file", cmd_file }, { "list", kcfg_cmd_list },
		{ "string", kcfg_cmd_string }, { "math", kcfg_cmd_math },
		{ "get_filename_component", cmd_get_filename_component },
		{ "cmake_parse_arguments", cmd_parse_arguments }, { "find_file", cmd_find },
		{ "find_program", cmd_find }, { "find_path", cmd_find },
		{ "get_property", cmd_get_property }, { "get_target_property", cmd_get_property },
		{ "execute_process", kcfg_cmd_execute_process },
	};
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (strcmp(table[i].name, name) == 0)
			return table[i].fn;
	for (size_t i = 0; i < sizeof ignored / sizeof *ignored; i++)
		if (strcmp(ignored[i], name) == 0)
			return cmd_ignore;
	return NULL;
}
