/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reading the snapshot's kernel option table (format: the header of options.toml, written by
 * options_write.c).  A request picks one configuration by platform, sel4_arch, profile and
 * KernelIsMCS; each value the user's sel4.toml sets must be either a setting that configuration
 * was evaluated with or the value its option already has there — anything else would need the
 * kernel's configuration to be evaluated again, which only a seL4 tree allows.  The JSON is then
 * the configuration's entries in their recorded order, written by the same emitter as the
 * tree-based path, so the text is byte for byte what the kernel's CMake writes.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "gen/kconfig/kconfig.h"
#include "snapshot/options.h"
#include "toml/toml.h"
#include "util/diag.h"
#include "util/suggest.h"
#include "util/xalloc.h"

struct ctx {
	const struct snapshot_options_request *req;
	const struct toml_table *root;
	const char *version;
};

static const char *str_of(const struct toml_value *v)
{
	return v && v->kind == TOML_STRING ? v->u.s.ptr : NULL;
}

static const struct toml_table *tab_of(const struct toml_value *v)
{
	return v && v->kind == TOML_TABLE ? v->u.tab : NULL;
}

static int table_error(const struct ctx *x, const struct toml_value *at, const char *fmt, const char *a, const char *b)
{
	struct loc l = { x->req->table_path, at ? at->pos.line : 0, at ? at->pos.col : 0 };
	struct sb m = SB_INIT;
	sb_addf(&m, fmt, a, b);
	diag_error(&l, "malformed option table: %s", sb_str(&m));
	sb_release(&m);
	return -1;
}

/* A per-configuration field: one value for all, or a table by configuration name. */
static const struct toml_value *field_for(const struct toml_table *row, const char *key, const char *conf)
{
	const struct toml_value *v = toml_table_get(row, key);
	if (v && v->kind == TOML_TABLE)
		return toml_table_get(v->u.tab, conf);
	return v;
}

/* A configuration's value of a user setting, as text comparable across types: booleans as
 * true/false, integers in decimal, strings as they are. */
static void setting_text(struct sb *out, const struct cfg_value *v)
{
	if (v->kind == CFG_BOOL)
		sb_adds(out, v->b ? "true" : "false");
	else if (v->kind == CFG_INTEGER)
		sb_addf(out, "%" PRId64, v->i);
	else
		sb_adds(out, v->s);
}

/* The same for a value in the table (TOML scalar). */
static void toml_text(struct sb *out, const struct toml_value *v)
{
	if (v->kind == TOML_BOOL)
		sb_adds(out, v->u.b ? "true" : "false");
	else if (v->kind == TOML_INTEGER)
		sb_addf(out, "%" PRId64, v->u.i);
	else if (v->kind == TOML_STRING)
		sb_adds(out, v->u.s.ptr);
}

/* As the user would write it in sel4.toml, for messages. */
static void toml_shown(struct sb *out, const struct toml_value *v)
{
	if (v->kind == TOML_STRING)
		toml_write_string(out, v->u.s.ptr, v->u.s.len);
	else
		toml_text(out, v);
}

static void setting_shown(struct sb *out, const struct cfg_value *v)
{
	if (v->kind == CFG_STRING)
		toml_write_string(out, v->s, strlen(v->s));
	else
		setting_text(out, v);
}

/* Does the user's value equal the table's?  A boolean entry also accepts CMake's spellings
 * ("ON", "off", 1, 0) since that is how the kernel reads the setting. */
static bool same_value(const struct cfg_value *user, const struct toml_value *t)
{
	if (t->kind == TOML_BOOL) {
		if (user->kind == CFG_BOOL)
			return user->b == t->u.b;
		if (user->kind == CFG_INTEGER)
			return (user->i != 0) == t->u.b;
		return kcfg_value_is_on(user->s) == t->u.b;
	}
	struct sb a = SB_INIT, b = SB_INIT;
	if (user->kind == CFG_BOOL)
		sb_adds(&a, user->b ? "ON" : "OFF");
	else
		setting_text(&a, user);
	toml_text(&b, t);
	bool eq = strcmp(sb_str(&a), sb_str(&b)) == 0;
	sb_release(&a);
	sb_release(&b);
	return eq;
}

static bool conf_is(const struct toml_table *c, const char *platform, const char *sel4_arch)
{
	const char *p = str_of(toml_table_get(c, "platform")), *s = str_of(toml_table_get(c, "sel4_arch"));
	return p && s && strcmp(p, platform) == 0 && strcmp(s, sel4_arch) == 0;
}

static bool conf_mcs(const struct toml_table *c)
{
	const struct toml_value *v = toml_table_get(c, "mcs");
	return v && v->kind == TOML_BOOL && v->u.b;
}

/* "pc99 (x86_64), sabre (aarch32), ..." over the configurations, each pair once; only MCS ones
 * when mcs_only. */
static void list_platforms(struct sb *out, const struct toml_table *confs, bool mcs_only)
{
	struct sb seen = SB_INIT;
	for (size_t i = 0; i < confs->len; i++) {
		const struct toml_table *c = tab_of(&confs->items[i].value);
		const char *p = c ? str_of(toml_table_get(c, "platform")) : NULL;
		const char *s = c ? str_of(toml_table_get(c, "sel4_arch")) : NULL;
		if (!p || !s || (mcs_only && !conf_mcs(c)))
			continue;
		struct sb one = SB_INIT;
		sb_addf(&one, "|%s (%s)|", p, s);
		if (!strstr(sb_str(&seen), sb_str(&one))) {
			sb_adds(&seen, sb_str(&one));
			sb_addf(out, "%s%s (%s)", out->len ? ", " : "", p, s);
		}
		sb_release(&one);
	}
	sb_release(&seen);
}

static const char *const fix_note = "to use other values, generate libsel4 from a seL4 tree: selfe gen --source DIR";

/* The user's KernelIsMCS, if set. */
static const struct cfg_resolved_item *mcs_item(const struct cfg_resolved_list *l)
{
	return l ? cfg_resolved_get(l, "KernelIsMCS") : NULL;
}

static int pick_configuration(struct ctx *x, const struct toml_table *confs, const char **name,
			      const struct toml_table **conf)
{
	const struct snapshot_options_request *req = x->req;
	const struct cfg_resolved_item *mi = mcs_item(req->config);
	bool mcs = mi && (mi->value.kind == CFG_BOOL ? mi->value.b
					  : mi->value.kind == CFG_INTEGER ? mi->value.i != 0 : kcfg_value_is_on(mi->value.s));
	const char *profile = cfg_profile_name(req->profile);
	bool platform_known = false, mcs_known = false;
	for (size_t i = 0; i < confs->len; i++) {
		const struct toml_table *c = tab_of(&confs->items[i].value);
		if (!c || !conf_is(c, req->platform, req->sel4_arch))
			continue;
		platform_known = true;
		if (conf_mcs(c) != mcs)
			continue;
		mcs_known = true;
		const char *p = str_of(toml_table_get(c, "profile"));
		if (p && strcmp(p, profile) == 0) {
			*name = confs->items[i].key.ptr;
			*conf = c;
			return 0;
		}
	}
	struct sb list = SB_INIT;
	if (!platform_known) {
		diag_error(NULL, "the offline seL4 %s snapshot has no configuration for platform '%s' with sel4_arch '%s'",
			   x->version, req->platform, req->sel4_arch);
		list_platforms(&list, confs, false);
		diag_note(NULL, "it supports: %s", sb_str(&list));
	} else if (!mcs_known) {
		diag_error(mi ? &mi->at : NULL, "the offline seL4 %s snapshot has no %s configuration for platform '%s' (%s)",
			   x->version, mcs ? "MCS" : "non-MCS", req->platform, req->sel4_arch);
		list_platforms(&list, confs, true);
		if (mcs)
			diag_note(NULL, "KernelIsMCS = true is supported offline for: %s", sb_str(&list));
	} else {
		diag_error(NULL, "the offline seL4 %s snapshot has no %s configuration for platform '%s' (%s)", x->version,
			   profile, req->platform, req->sel4_arch);
	}
	diag_note(NULL, "for other configurations, generate libsel4 from a seL4 tree: selfe gen --source DIR");
	sb_release(&list);
	return -1;
}

/* What configuration `cname` has for option `key`: its setting, else the value of the first
 * entry whose option it is; NULL when neither. */
static const struct toml_value *conf_value_of(const struct ctx *x, const struct toml_table *conf, const char *cname,
					      const char *key)
{
	const struct toml_table *settings = tab_of(toml_table_get(conf, "settings"));
	const struct toml_value *v = settings ? toml_table_get(settings, key) : NULL;
	if (v)
		return v;
	static const char *const libs[] = { "kernel", "sel4" };
	for (size_t l = 0; l < 2; l++) {
		const struct toml_table *rows = tab_of(toml_table_get(x->root, libs[l]));
		for (size_t i = 0; rows && i < rows->len; i++) {
			const struct toml_table *row = tab_of(&rows->items[i].value);
			const char *opt = row ? str_of(field_for(row, "option", cname)) : NULL;
			if (!opt || strcmp(opt, key) != 0)
				continue;
			const struct toml_value *val = field_for(row, "values", cname);
			if (val && val->kind != TOML_TABLE)
				return val;
		}
	}
	return NULL;
}

/* Every option name the table knows (its rows' "option", one name or one per configuration). */
static const char **option_names(const struct ctx *x, size_t *count)
{
	size_t n = 0, cap = 16;
	const char **v = xmalloc(cap * sizeof(*v));
	static const char *const libs[] = { "kernel", "sel4" };
	for (size_t l = 0; l < 2; l++) {
		const struct toml_table *rows = tab_of(toml_table_get(x->root, libs[l]));
		for (size_t i = 0; rows && i < rows->len; i++) {
			const struct toml_table *row = tab_of(&rows->items[i].value);
			const struct toml_value *opt = row ? toml_table_get(row, "option") : NULL;
			const struct toml_table *per = tab_of(opt);
			for (size_t j = 0; opt && j < (per ? per->len : 1); j++) {
				const char *name = str_of(per ? &per->items[j].value : opt);
				if (!name)
					continue;
				if (n + 2 > cap)
					v = xrealloc(v, (cap *= 2) * sizeof(*v));
				v[n++] = name;
			}
		}
	}
	v[n] = NULL;
	*count = n;
	return v;
}

/* A name neither the table's rows nor any configuration's settings have: an error of its own
 * (with the nearest known name), not "cannot honour", since no tree would honour it either.
 * Returns true after reporting. */
static bool not_an_option(const struct ctx *x, const struct toml_table *confs, const struct cfg_resolved_item *it)
{
	size_t n;
	const char **names = option_names(x, &n);
	bool known = false;
	for (size_t i = 0; i < n && !known; i++)
		known = !strcmp(names[i], it->key);
	for (size_t i = 0; i < confs->len && !known; i++) {
		const struct toml_table *c = tab_of(&confs->items[i].value);
		const struct toml_table *settings = c ? tab_of(toml_table_get(c, "settings")) : NULL;
		known = settings && toml_table_get(settings, it->key);
	}
	if (!known) {
		diag_error(&it->at, "'%s' is not an option of the kernel (the embedded seL4 %s snapshot)", it->key, x->version);
		const char *near = suggest_closest(it->key, names);
		if (near)
			diag_note(NULL, "did you mean '%s'?", near);
	}
	free(names);
	return !known;
}

/* The error for a setting the configuration cannot honour, with what the platform's
 * configurations support. */
static int cannot_honour(const struct ctx *x, const struct toml_table *confs, const struct cfg_resolved_item *it)
{
	const struct snapshot_options_request *req = x->req;
	if (not_an_option(x, confs, it))
		return -1;
	struct sb asked = SB_INIT, note = SB_INIT;
	setting_shown(&asked, &it->value);
	diag_error(&it->at, "the offline seL4 %s snapshot cannot honour %s = %s for %s (%s, %s)", x->version, it->key,
		   sb_str(&asked), req->platform, req->sel4_arch, cfg_profile_name(req->profile));
	/* Group the platform's configurations by the value they have. */
	size_t n = confs->len;
	const struct toml_value **vals = xcalloc(n ? n : 1, sizeof *vals);
	bool *done = xcalloc(n ? n : 1, sizeof *done);
	for (size_t i = 0; i < n; i++) {
		const struct toml_table *c = tab_of(&confs->items[i].value);
		if (c && conf_is(c, req->platform, req->sel4_arch))
			vals[i] = conf_value_of(x, c, confs->items[i].key.ptr, it->key);
	}
	for (size_t i = 0; i < n; i++) {
		if (!vals[i] || done[i])
			continue;
		struct sb vi = SB_INIT;
		toml_shown(&vi, vals[i]);
		sb_addf(&note, "%s%s (", note.len ? " or " : "", sb_str(&vi));
		for (size_t j = i, first = 1; j < n; j++) {
			struct sb vj = SB_INIT;
			if (vals[j])
				toml_shown(&vj, vals[j]);
			if (vals[j] && !done[j] && strcmp(sb_str(&vi), sb_str(&vj)) == 0) {
				sb_addf(&note, "%s%s", first ? "" : ", ", confs->items[j].key.ptr);
				done[j] = true;
				first = 0;
			}
			sb_release(&vj);
		}
		sb_addch(&note, ')');
		sb_release(&vi);
	}
	if (note.len)
		diag_note(NULL, "the snapshot supports %s = %s", it->key, sb_str(&note));
	else
		diag_note(NULL, "%s is not a kernel option of any snapshot configuration for %s (%s)", it->key, req->platform,
			  req->sel4_arch);
	diag_note(NULL, "%s", fix_note);
	free(vals);
	free(done);
	sb_release(&asked);
	sb_release(&note);
	return -1;
}

static int check_settings(const struct ctx *x, const struct toml_table *confs, const struct toml_table *conf,
			  const char *cname)
{
	const struct cfg_resolved_list *l = x->req->config;
	int rc = 0;
	for (size_t i = 0; l && i < l->len; i++) {
		const struct cfg_resolved_item *it = &l->items[i];
		const struct toml_value *have = conf_value_of(x, conf, cname, it->key);
		if (have && have->kind != TOML_TABLE && have->kind != TOML_ARRAY && same_value(&it->value, have))
			continue;
		rc = cannot_honour(x, confs, it);
	}
	return rc;
}

static void free_lib(struct kcfg_lib *lib)
{
	for (size_t i = 0; i < lib->n; i++) {
		free(lib->e[i].name);
		free(lib->e[i].value);
	}
	free(lib->e);
}

/* One library's JSON: the configuration's entry order, each entry's value there. */
static int library_json(struct arena *a, const struct ctx *x, const struct toml_table *conf, const char *cname,
			const char *libname, const char **json)
{
	const struct toml_value *order = toml_table_get(conf, libname);
	const struct toml_table *rows = tab_of(toml_table_get(x->root, libname));
	if (!order || order->kind != TOML_ARRAY || !rows)
		return table_error(x, order, "configuration %s has no %s entry list", cname, libname);
	struct kcfg_lib lib = { 0 };
	int rc = 0;
	for (size_t i = 0; i < order->u.arr->len && !rc; i++) {
		const char *name = str_of(&order->u.arr->items[i]);
		const struct toml_table *row = name ? tab_of(toml_table_get(rows, name)) : NULL;
		const struct toml_value *v = row ? field_for(row, "values", cname) : NULL;
		if (!v || (v->kind != TOML_BOOL && v->kind != TOML_STRING)) {
			rc = table_error(x, &order->u.arr->items[i], "entry %s of configuration %s has no value", name ? name : "?",
					 cname);
			break;
		}
		lib.e = xgrow(lib.e, &lib.cap, lib.n + 1, sizeof *lib.e);
		lib.e[lib.n++] = (struct kcfg_entry){ xstrdup(name), v->kind == TOML_STRING ? xstrdup(v->u.s.ptr) : NULL,
						      v->kind == TOML_BOOL, v->kind == TOML_BOOL && v->u.b };
	}
	if (!rc) {
		struct sb out = SB_INIT;
		kcfg_emit_json(&out, &lib);
		*json = arena_strdup(a, sb_str(&out));
		sb_release(&out);
	}
	free_lib(&lib);
	return rc;
}

int snapshot_options_json(struct arena *a, const struct snapshot_options_request *req, const char **kernel_json,
			  const char **sel4_json)
{
	struct toml_error err;
	struct ctx x = { req, toml_parse(a, req->table, req->table_len, &err), NULL };
	if (!x.root) {
		struct loc l = { req->table_path, err.pos.line, err.pos.col };
		return diag_error(&l, "malformed option table: %s", err.msg);
	}
	x.version = str_of(toml_table_get(x.root, "version"));
	const struct toml_table *confs = tab_of(toml_table_get(x.root, "configurations"));
	if (!x.version || !confs)
		return table_error(&x, NULL, "no %s%s", x.version ? "" : "version", confs ? "" : " [configurations]");
	const char *cname = NULL;
	const struct toml_table *conf = NULL;
	if (pick_configuration(&x, confs, &cname, &conf))
		return -1;
	if (check_settings(&x, confs, conf, cname))
		return -1;
	if (library_json(a, &x, conf, cname, "kernel", kernel_json) || library_json(a, &x, conf, cname, "sel4", sel4_json))
		return -1;
	return 0;
}
