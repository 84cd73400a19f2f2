/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel's configuration helpers (tools/helpers.cmake) done natively: config_option,
 * config_string, config_choice, config_set and add_config_library.  They follow the CMake
 * definitions step by step, including the function scope they run in, so cache entries, the
 * X_DISABLED and X_UNAVAILABLE markers and the accumulated `configure_string` (one YAML line per entry,
 * values still as @VAR@ placeholders) come out as CMake makes them.  Helpers that only declare
 * build steps are accepted and ignored.
 */
#include <stdlib.h>
#include <string.h>

#include "kcfg_internal.h"
#include "util/sb.h"
#include "util/xalloc.h"

/* Append one line to `configure_string` in the current scope. */
static void add_line(struct kcfg *k, const char *name, const char *value, const char *comment)
{
	const char *cur = kcfg_get(k, "configure_string");
	struct sb sb = SB_INIT;
	sb_adds(&sb, cur ? cur : "");
	sb_addf(&sb, "%s: %s", name, value);
	if (comment && *comment)
		sb_addf(&sb, " # %s", comment);
	sb_addch(&sb, '\n');
	kcfg_set(k, "configure_string", sb_str(&sb));
	sb_release(&sb);
}

static char *cat2(const char *a, const char *b);

/* Remember how `config` was declared (kcfg_declared). */
static void declare(struct kcfg *k, const char *config, const char *var, const char *kind, const char *def)
{
	kcfg_table_put(&k->decl_option, config, var);
	kcfg_table_put(&k->decl_kind, config, kind);
	kcfg_table_put(&k->decl_default, config, def ? def : "");
}

bool kcfg_option(struct kcfg *k, const char *name, struct kcfg_option *out)
{
	struct kcfg_slot *kind = kcfg_table_find(&k->opt_kind, name);
	if (!kind || !kind->value)
		return false;
	out->kind = kind->value;
	out->choices = NULL;
	if (!strcmp(kind->value, "choice")) {
		char *all = cat2(name, "_all_strings");
		struct kcfg_slot *c = kcfg_table_find(&k->cache, all);
		out->choices = c ? c->value : NULL;
		free(all);
	}
	return true;
}

static int by_name(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

const char **kcfg_option_names(struct kcfg *k, struct arena *a)
{
	const char **v = arena_alloc(a, (k->opt_kind.count + 1) * sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < k->opt_kind.nb; i++)
		for (struct kcfg_slot *s = k->opt_kind.b[i]; s; s = s->next)
			if (s->value && n < k->opt_kind.count)
				v[n++] = arena_strdup(a, s->name);
	qsort(v, n, sizeof(*v), by_name);
	v[n] = NULL;
	return v;
}

bool kcfg_declared(struct kcfg *k, const char *config_name, struct kcfg_decl *out)
{
	struct kcfg_slot *o = kcfg_table_find(&k->decl_option, config_name);
	if (!o || !o->value)
		return false;
	out->option = o->value;
	out->kind = kcfg_table_find(&k->decl_kind, config_name)->value;
	out->def = kcfg_table_find(&k->decl_default, config_name)->value;
	return true;
}

static void add_enabled(struct kcfg *k, const char *config, const char *var)
{
	const char *v = kcfg_get(k, var);
	struct sb c = SB_INIT;
	sb_addf(&c, "%s=%s", var, v ? v : "");
	add_line(k, config, "true", sb_str(&c));
	sb_release(&c);
}

static void add_string(struct kcfg *k, const char *config, const char *value)
{
	struct sb v = SB_INIT;
	sb_addf(&v, "\"%s\"", value);
	add_line(k, config, sb_str(&v), NULL);
	sb_release(&v);
}

/* One dependency expression list: every element, split at spaces, must hold. */
static int deps_hold(struct kcfg *k, const char *deps, bool *ok)
{
	struct kcfg_args tests = { 0 };
	kcfg_list_split(deps ? deps : "", false, &tests);
	*ok = true;
	int rc = 0;
	for (size_t i = 0; i < tests.n && *ok && !rc; i++) {
		struct kcfg_args cond = { 0 };
		struct sb sb = SB_INIT;
		bool space = false;
		for (const char *p = tests.v[i].s; *p; p++) {
			if (*p == ' ') {
				space = true;
				continue;
			}
			if (space && sb.len)
				sb_addch(&sb, ';');
			space = false;
			sb_addch(&sb, *p);
		}
		kcfg_args_push(&cond, xstrdup("NOT"), false);
		kcfg_args_push(&cond, xstrdup("("), false);
		kcfg_list_split(sb_str(&sb), false, &cond);
		kcfg_args_push(&cond, xstrdup(")"), false);
		bool notb;
		rc = kcfg_cond(k, cond.v, cond.n, &notb);
		if (!rc && notb)
			*ok = false;
		sb_release(&sb);
		kcfg_args_free(&cond);
	}
	kcfg_args_free(&tests);
	return rc;
}

struct opts {
	const char *def, *depends, *def_disabled;
	bool unquote, undef_disabled;
};

/* cmake_parse_arguments(PARSE_ARGV 3 ...) for the config_* helpers. */
static int parse_opts(struct kcfg *k, struct kcfg_args *a, bool string_flags, struct opts *o, const char *who)
{
	*o = (struct opts){ 0 };
	const char **slot = NULL;
	for (size_t i = 3; i < a->n; i++) {
		const char *s = a->v[i].s;
		if (strcmp(s, "DEFAULT") == 0) {
			slot = &o->def;
			o->def = "";
		} else if (strcmp(s, "DEPENDS") == 0) {
			slot = &o->depends;
			o->depends = "";
		} else if (strcmp(s, "DEFAULT_DISABLED") == 0) {
			slot = &o->def_disabled;
			o->def_disabled = "";
		} else if (string_flags && strcmp(s, "UNQUOTE") == 0) {
			o->unquote = true;
			slot = NULL;
		} else if (string_flags && strcmp(s, "UNDEF_DISABLED") == 0) {
			o->undef_disabled = true;
			slot = NULL;
		} else if (slot) {
			*slot = s;
			slot = NULL;
		} else {
			return kcfg_err(k, "unknown arguments to %s: %s", who, s);
		}
	}
	if (!o->def)
		o->def = "";
	if (!o->def_disabled || !*o->def_disabled)
		o->def_disabled = o->def;
	return 0;
}

/* Natives that are CMake functions get a scope of their own, like the real ones. */
static void enter(struct kcfg *k, struct kcfg_scope *sc)
{
	*sc = (struct kcfg_scope){ { 0 }, k->scope };
	k->scope = sc;
}

/* Leave, handing `configure_string` back to the caller (the helpers' PARENT_SCOPE set). */
static void leave(struct kcfg *k, struct kcfg_scope *sc)
{
	const char *cs = kcfg_table_find(&sc->vars, "configure_string") ? kcfg_get(k, "configure_string") : NULL;
	char *keep = cs ? xstrdup(cs) : NULL;
	k->scope = sc->parent;
	kcfg_table_free(&sc->vars);
	if (keep)
		kcfg_set(k, "configure_string", keep);
	free(keep);
}

static char *cat2(const char *a, const char *b)
{
	struct sb sb = SB_INIT;
	sb_addf(&sb, "%s%s", a, b);
	return sb_detach(&sb);
}

static int config_option(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 3)
		return kcfg_err(k, "config_option needs a name, a config name and a description");
	struct opts o;
	if (parse_opts(k, a, false, &o, "config_option"))
		return -1;
	const char *opt = a->v[0].s, *config = a->v[1].s;
	kcfg_table_put(&k->opt_kind, opt, "bool");
	struct kcfg_scope sc;
	enter(k, &sc);
	bool valid;
	int rc = deps_hold(k, o.depends, &valid);
	char *dis = cat2(opt, "_DISABLED");
	if (!rc && valid) {
		const char *cur = kcfg_get(k, opt);
		if (cur && !kcfg_is_defined(k, dis)) {
			char *v = xstrdup(cur);
			kcfg_cache_set(k, opt, v, KCFG_BOOL, true);
			free(v);
		} else {
			kcfg_cache_set(k, opt, o.def, KCFG_BOOL, true);
			kcfg_cache_unset(k, dis);
		}
	} else if (!rc) {
		kcfg_cache_set(k, opt, o.def_disabled, KCFG_INTERNAL, true);
		kcfg_cache_set(k, dis, "TRUE", KCFG_INTERNAL, true);
	}
	if (!rc) {
		const char *v = kcfg_get(k, opt);
		if (v && kcfg_truthy(v))
			add_enabled(k, config, opt);
		else
			add_line(k, config, "false", NULL);
		declare(k, config, opt, "option", o.def);
	}
	free(dis);
	leave(k, &sc);
	return rc;
}

static int config_string(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 3)
		return kcfg_err(k, "config_string needs a name, a config name and a description");
	struct opts o;
	if (parse_opts(k, a, true, &o, "config_string"))
		return -1;
	const char *opt = a->v[0].s, *config = a->v[1].s;
	if (!*o.def)
		return kcfg_err(k, "no default specified for \"%s\"", opt);
	kcfg_table_put(&k->opt_kind, opt, "string");
	struct kcfg_scope sc;
	enter(k, &sc);
	bool valid;
	int rc = deps_hold(k, o.depends, &valid);
	char *unav = cat2(opt, "_UNAVAILABLE");
	bool tag = false;
	if (!rc && valid) {
		const char *u = kcfg_get(k, unav);
		bool force = u && kcfg_truthy(u);
		if (force)
			kcfg_cache_unset(k, unav);
		kcfg_cache_set(k, opt, o.def, KCFG_STRING, force);
		tag = true;
	} else if (!rc) {
		if (o.undef_disabled) {
			kcfg_cache_unset(k, opt);
		} else {
			kcfg_cache_set(k, opt, o.def_disabled, KCFG_INTERNAL, true);
			tag = true;
		}
		kcfg_cache_set(k, unav, "ON", KCFG_INTERNAL, true);
	}
	if (!rc && tag) {
		struct sb v = SB_INIT;
		const char *q = o.unquote ? "" : "@quote@";
		sb_addf(&v, "%s@%s@%s", q, opt, q);
		add_string(k, config, sb_str(&v));
		sb_release(&v);
		declare(k, config, opt, "string", o.def);
	}
	free(unav);
	leave(k, &sc);
	return rc;
}

static int config_choice(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 3)
		return kcfg_err(k, "config_choice needs a name, a config name and a description");
	const char *opt = a->v[0].s, *config = a->v[1].s;
	kcfg_table_put(&k->opt_kind, opt, "choice");
	struct kcfg_scope sc;
	enter(k, &sc);
	const char *c0 = kcfg_get(k, opt);
	char *cur = xstrdup(c0 ? c0 : "");
	bool force = false, first = true, found = false;
	char *first_cache = NULL, *first_config = NULL, *def = NULL;
	struct sb all = SB_INIT;
	int rc = 0;
	for (size_t i = 3; i < a->n && !rc; i++) {
		struct kcfg_args el = { 0 };
		kcfg_list_split(a->v[i].s, true, &el);
		if (el.n < 3) {
			kcfg_args_free(&el);
			rc = kcfg_err(k, "config_choice: choice \"%s\" needs a value, a cache name and a config name", a->v[i].s);
			break;
		}
		const char *value = el.v[0].s, *cache = el.v[1].s, *cfg = el.v[2].s;
		if (all.len)
			sb_addch(&all, ';');
		sb_adds(&all, value);
		bool valid = true;
		for (size_t j = 3; j < el.n && !rc; j++) {
			bool ok;
			/* Each remaining element is one condition. */
			struct sb one = SB_INIT;
			for (const char *p = el.v[j].s; *p; p++) {
				if (*p == ';')
					sb_addch(&one, '\\');
				sb_addch(&one, *p);
			}
			rc = deps_hold(k, sb_str(&one), &ok);
			sb_release(&one);
			if (!rc && !ok) {
				if (strcmp(cur, value) == 0)
					force = true;
				valid = false;
			}
		}
		if (!rc && valid) {
			if (first) {
				first = false;
				first_cache = xstrdup(cache);
				first_config = xstrdup(cfg);
				def = xstrdup(value);
			}
			if (strcmp(cur, value) == 0) {
				kcfg_cache_set(k, cache, "ON", KCFG_INTERNAL, true);
				add_enabled(k, cfg, cache);
				found = true;
			} else {
				kcfg_cache_set(k, cache, "OFF", KCFG_INTERNAL, true);
				add_line(k, cfg, "false", NULL);
			}
			declare(k, cfg, cache, "choice-item", strcmp(def, value) == 0 ? "ON" : "OFF");
		} else if (!rc) {
			kcfg_cache_unset(k, cache);
			if (!k->choice_omits_impossible) {
				add_line(k, cfg, "false", NULL);
				declare(k, cfg, cache, "choice-item", "OFF");
			}
		}
		kcfg_args_free(&el);
	}
	if (!rc) {
		if (!found)
			force = true;
		if (first) {
			kcfg_cache_unset(k, opt);
		} else {
			struct sb v = SB_INIT;
			sb_addf(&v, "@%s@", opt);
			add_string(k, config, sb_str(&v));
			sb_release(&v);
			declare(k, config, opt, "choice", def);
			kcfg_cache_set(k, opt, def, KCFG_STRING, force);
			if (!found) {
				kcfg_cache_set(k, first_cache, "ON", KCFG_INTERNAL, true);
				add_enabled(k, first_config, first_cache);
			}
		}
		char *all_name = cat2(opt, "_all_strings");
		kcfg_cache_set(k, all_name, sb_str(&all), KCFG_INTERNAL, true);
		free(all_name);
	}
	sb_release(&all);
	free(cur);
	free(first_cache);
	free(first_config);
	free(def);
	leave(k, &sc);
	return rc;
}

/* A macro in CMake: runs in the caller's scope. */
static int config_set(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 2)
		return kcfg_err(k, "config_set needs a name and a config name");
	const char *opt = a->v[0].s, *config = a->v[1].s;
	if (!kcfg_table_find(&k->opt_kind, opt))
		kcfg_table_put(&k->opt_kind, opt, "set");
	char *value = a->n >= 3 ? xstrdup(a->v[2].s) : xstrdup("");
	kcfg_cache_set(k, opt, value, KCFG_INTERNAL, true);
	declare(k, config, opt, "set", value);
	if (strcmp(value, "OFF") == 0)
		add_line(k, config, "false", NULL);
	else if (strcmp(value, "ON") == 0)
		add_enabled(k, config, opt);
	else
		add_string(k, config, value);
	free(value);
	return 0;
}

/* Substitute @VAR@ (quotes in values escaped, `quote` meaning '"') and read the entries. */
static int add_config_library(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 1)
		return kcfg_err(k, "add_config_library needs a prefix");
	struct kcfg_scope sc;
	enter(k, &sc);
	kcfg_set(k, "quote", "\"");
	struct kcfg_args conf = { 0 };
	kcfg_args_push(&conf, xstrdup("CONFIGURE"), false);
	kcfg_args_push(&conf, xstrdup(a->n >= 2 ? a->v[1].s : ""), true);
	kcfg_args_push(&conf, xstrdup("config_yaml_contents"), false);
	kcfg_args_push(&conf, xstrdup("ESCAPE_QUOTES"), false);
	kcfg_args_push(&conf, xstrdup("@ONLY"), false);
	int rc = kcfg_cmd_string(k, &conf);
	kcfg_args_free(&conf);
	struct kcfg_lib lib = { 0 };
	if (!rc) {
		lib.prefix = xstrdup(a->v[0].s);
		rc = kcfg_lib_parse(k, &lib, kcfg_get(k, "config_yaml_contents"));
	}
	leave(k, &sc);
	if (rc) {
		for (size_t i = 0; i < lib.n; i++) {
			free(lib.e[i].name);
			free(lib.e[i].value);
		}
		free(lib.e);
		free(lib.prefix);
		return rc;
	}
	k->libs = xgrow(k->libs, &k->libs_cap, k->nlibs + 1, sizeof *k->libs);
	k->libs[k->nlibs++] = lib;
	return 0;
}

static int ignore(struct kcfg *k, struct kcfg_args *a)
{
	(void)k;
	(void)a;
	return 0;
}

kcfg_builtin_fn kcfg_sel4_builtin(const char *name)
{
	static const struct {
		const char *name;
		kcfg_builtin_fn fn;
	} table[] = {
		{ "config_option", config_option }, { "config_string", config_string },
		{ "config_choice", config_choice }, { "config_set", config_set },
		{ "add_config_library", add_config_library },
		/* Build steps only. */
		{ "requirefile", ignore }, { "requiretool", ignore }, { "add_sources", ignore },
		{ "add_bf_source_old", ignore }, { "gen_invocation_header", ignore },
		{ "generate_autoconf", ignore }, { "cppfile", ignore }, { "genbfcommand", ignore },
		{ "genbftarget", ignore }, { "genhbftarget", ignore }, { "genthybftarget", ignore },
		{ "gendefsbftarget", ignore }, { "genproofsbftarget", ignore },
	};
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (strcmp(table[i].name, name) == 0)
			return table[i].fn;
	return NULL;
}
