/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Writing the snapshot's kernel option table from a seL4 tree: each supported offline
 * configuration is the embedded default sel4.toml resolved for its platform and profile (plus
 * KernelIsMCS = true for the MCS ones), evaluated by our CMake-subset evaluator exactly as
 * `selfe gen --source` does; the entries of both configuration libraries are merged into one row
 * per (library, CONFIG name) with the value in every configuration that has it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/kconfig/kconfig.h"
#include "snapshot/options.h"
#include "snapshot-options/options_write.h"
#include "toml/toml.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/xalloc.h"

static const struct spec {
	const char *platform;
	enum cfg_profile profile;
	bool mcs;
} specs[] = {
	{ "pc99", CFG_DEBUG, false },	       { "pc99", CFG_RELEASE, false },
	{ "pc99", CFG_DEBUG, true },	       { "pc99", CFG_RELEASE, true },
	{ "sabre", CFG_DEBUG, false },	       { "sabre", CFG_RELEASE, false },
	{ "qemu-arm-virt", CFG_DEBUG, false }, { "qemu-arm-virt", CFG_RELEASE, false },
	{ "qemu-arm-virt", CFG_DEBUG, true },  { "qemu-arm-virt", CFG_RELEASE, true },
	{ "qemu-riscv-virt", CFG_DEBUG, false }, { "qemu-riscv-virt", CFG_RELEASE, false },
};
enum { NSPECS = sizeof specs / sizeof *specs };

static const char *const libraries[] = { "kernel", "sel4" };

static const char header[] =
	"# SPDX-License-Identifier: BSD-2-Clause\n"
	"#\n"
	"# The kernel option table of the offline seL4 snapshot: the CONFIG_ values libsel4 depends on,\n"
	"# for every configuration selfe supports without a seL4 tree.  Generated; do not edit: see\n"
	"# README.md in this folder for the command that rewrites it from a seL4 tree.\n"
	"#\n"
	"# Format (TOML):\n"
	"#   version = \"X.Y.Z\"                the seL4 release the table was made from\n"
	"#\n"
	"#   [configurations.NAME]            one supported configuration; NAME is\n"
	"#                                    PLATFORM-PROFILE, with \"-mcs\" for KernelIsMCS = true\n"
	"#   platform, sel4_arch, profile     the selection it answers (profile: debug | release)\n"
	"#   mcs = BOOL                       whether it is the MCS kernel (KernelIsMCS)\n"
	"#   settings = { Option = VALUE }    the sel4.toml values it was evaluated with (selfe's\n"
	"#                                    embedded default configuration for that selection)\n"
	"#   kernel = [\"NAME\", ...]           the entries of kernel/gen_config.json, in its order\n"
	"#   sel4 = [\"NAME\", ...]             the entries of sel4/gen_config.json, in its order\n"
	"#\n"
	"#   [kernel.NAME], [sel4.NAME]       one entry of that configuration library\n"
	"#   macro = \"CONFIG_NAME\"            the C macro of gen_config.h\n"
	"#   library = \"kernel\" | \"sel4\"      the configuration library (as the table name says)\n"
	"#   option = \"CMakeName\"             the CMake variable that holds the value\n"
	"#   kind = \"option\" | \"string\" | \"choice\" | \"choice-item\" | \"set\"\n"
	"#                                    how the kernel declares it: a boolean option, a string\n"
	"#                                    option, a multiple-choice option (its string), one\n"
	"#                                    choice (its boolean), or a value derived by the build\n"
	"#   type = \"bool\" | \"string\"         the JSON type (numbers are strings, as in the JSON)\n"
	"#   default = VALUE                  the default as evaluated in the configuration\n"
	"#   values = { NAME = VALUE, ... }   the value in every configuration that has the entry;\n"
	"#                                    one VALUE: every configuration has it, with that value\n"
	"#   option, kind, type and default are one value when all configurations having the entry\n"
	"#   agree, else an inline table { NAME = VALUE, ... } by configuration.\n";

struct row {
	const char *lib;
	char *name;
	char *option[NSPECS], *kind[NSPECS];
	bool is_bool[NSPECS];
	bool present[NSPECS];
	bool on[NSPECS];
	char *value[NSPECS];
	char *def[NSPECS];
};

struct conf {
	char *name;
	const char *sel4_arch;
	struct cfg_resolved_list settings;
	struct sb order[2]; /* per library: the TOML array text */
};

static void spec_name(struct sb *out, const struct spec *s)
{
	sb_addf(out, "%s-%s%s", s->platform, cfg_profile_name(s->profile), s->mcs ? "-mcs" : "");
}

static void define_settings(struct kcfg *k, const struct cfg_resolved_list *l)
{
	for (size_t i = 0; i < l->len; i++) {
		const struct cfg_value *v = &l->items[i].value;
		char num[32];
		const char *text = v->s;
		if (v->kind == CFG_BOOL)
			text = v->b ? "ON" : "OFF";
		else if (v->kind == CFG_INTEGER) {
			snprintf(num, sizeof num, "%" PRId64, v->i);
			text = num;
		}
		kcfg_define(k, l->items[i].key, text);
	}
}

static void write_value(struct sb *out, bool is_bool, bool on, const char *s)
{
	if (is_bool)
		sb_adds(out, on ? "true" : "false");
	else
		toml_write_string(out, s, strlen(s));
}

static void write_setting(struct sb *out, const struct cfg_value *v)
{
	if (v->kind == CFG_BOOL)
		sb_adds(out, v->b ? "true" : "false");
	else if (v->kind == CFG_INTEGER)
		sb_addf(out, "%" PRId64, v->i);
	else
		toml_write_string(out, v->s, strlen(v->s));
}

static struct row *find_row(struct row *rows, size_t n, const char *lib, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].lib == lib && strcmp(rows[i].name, name) == 0)
			return &rows[i];
	return NULL;
}

/* A default as the table writes it: a boolean for boolean entries (CMake truthiness). */
static bool def_on(const char *d)
{
	return kcfg_value_is_on(d ? d : "");
}

/* One field of a row: a single value when every configuration having the entry agrees, else
 * an inline table by configuration.  `value` writes configuration c's value. */
static void write_field(struct sb *out, const char *key, const struct row *r, const struct conf *confs,
			void (*value)(struct sb *out, const struct row *r, int c))
{
	int first = -1;
	bool uniform = true;
	struct sb a = SB_INIT, b = SB_INIT;
	for (int c = 0; c < NSPECS; c++) {
		if (!r->present[c])
			continue;
		if (first < 0) {
			first = c;
			value(&a, r, c);
			continue;
		}
		sb_reset(&b);
		value(&b, r, c);
		if (strcmp(sb_str(&a), sb_str(&b)) != 0)
			uniform = false;
	}
	/* `values` as one value also says "every configuration has the entry". */
	for (int c = 0; c < NSPECS && strcmp(key, "values") == 0; c++)
		if (!r->present[c])
			uniform = false;
	sb_addf(out, "%s = ", key);
	if (uniform) {
		sb_adds(out, sb_str(&a));
	} else {
		sb_adds(out, "{ ");
		bool sep = false;
		for (int c = 0; c < NSPECS; c++) {
			if (!r->present[c])
				continue;
			sb_addf(out, "%s%s = ", sep ? ", " : "", confs[c].name);
			value(out, r, c);
			sep = true;
		}
		sb_adds(out, " }");
	}
	sb_addch(out, '\n');
	sb_release(&a);
	sb_release(&b);
}

static void option_of(struct sb *out, const struct row *r, int c)
{
	toml_write_string(out, r->option[c], strlen(r->option[c]));
}

static void kind_of(struct sb *out, const struct row *r, int c)
{
	toml_write_string(out, r->kind[c], strlen(r->kind[c]));
}

static void type_of(struct sb *out, const struct row *r, int c)
{
	sb_adds(out, r->is_bool[c] ? "\"bool\"" : "\"string\"");
}

static void default_of(struct sb *out, const struct row *r, int c)
{
	write_value(out, r->is_bool[c], def_on(r->def[c]), r->def[c]);
}

static void value_of(struct sb *out, const struct row *r, int c)
{
	write_value(out, r->is_bool[c], r->on[c], r->value[c]);
}

static void write_row(struct sb *out, const struct row *r, const struct conf *confs)
{
	sb_addf(out, "\n[%s.", r->lib);
	toml_write_key(out, r->name, strlen(r->name));
	sb_addf(out, "]\nmacro = \"CONFIG_%s\"\nlibrary = \"%s\"\n", r->name, r->lib);
	write_field(out, "option", r, confs, option_of);
	write_field(out, "kind", r, confs, kind_of);
	write_field(out, "type", r, confs, type_of);
	write_field(out, "default", r, confs, default_of);
	write_field(out, "values", r, confs, value_of);
}

/* Evaluate configuration c and merge its entries into the rows. */
static int eval_one(const char *tree, struct conf *conf, int c, struct row **rows, size_t *nrows, size_t *cap)
{
	struct kcfg *k = kcfg_new();
	define_settings(k, &conf->settings);
	int rc = kcfg_eval_tree(k, tree);
	for (size_t l = 0; l < 2 && !rc; l++) {
		const struct kcfg_lib *lib = kcfg_lib(k, libraries[l]);
		if (!lib) {
			rc = diag_error(&(struct loc){ tree, 0, 0 }, "the tree's configuration defines no %s configuration library",
					libraries[l]);
			break;
		}
		sb_adds(&conf->order[l], "[\n");
		for (size_t i = 0; i < lib->n && !rc; i++) {
			const struct kcfg_entry *e = &lib->e[i];
			sb_adds(&conf->order[l], "  ");
			toml_write_string(&conf->order[l], e->name, strlen(e->name));
			sb_adds(&conf->order[l], ",\n");
			struct kcfg_decl d;
			if (!kcfg_declared(k, e->name, &d)) {
				rc = diag_error(&(struct loc){ tree, 0, 0 }, "configuration %s: no declaration recorded for %s",
						conf->name, e->name);
				break;
			}
			struct row *r = find_row(*rows, *nrows, libraries[l], e->name);
			if (!r) {
				*rows = xgrow(*rows, cap, *nrows + 1, sizeof **rows);
				r = &(*rows)[(*nrows)++];
				*r = (struct row){ .lib = libraries[l], .name = xstrdup(e->name) };
			}
			free(r->option[c]);
			free(r->kind[c]);
			r->option[c] = xstrdup(d.option);
			r->kind[c] = xstrdup(d.kind);
			r->is_bool[c] = e->is_bool;
			r->present[c] = true;
			r->on[c] = e->on;
			free(r->value[c]);
			r->value[c] = xstrdup(e->value ? e->value : "");
			free(r->def[c]);
			r->def[c] = xstrdup(d.def);
		}
		sb_adds(&conf->order[l], "]");
	}
	kcfg_free(k);
	return rc;
}

int snapshot_options_write(struct sb *out, const char *tree)
{
	struct arena *a = arena_new();
	struct conf confs[NSPECS] = { 0 };
	struct row *rows = NULL;
	size_t nrows = 0, cap = 0;
	int rc = 0;
	char *vpath = path_join(tree, "VERSION");
	size_t vlen;
	char *version = fs_read_file(vpath, &vlen);
	if (!version)
		rc = -1;
	else
		version[strcspn(version, "\r\n")] = '\0';
	struct cfg_model *m = rc ? NULL : cfg_load_default(a, ".");
	if (!rc && !m)
		rc = -1;
	for (int c = 0; c < NSPECS && !rc; c++) {
		struct cfg_selection sel = { specs[c].platform, NULL, NULL, specs[c].profile };
		if (cfg_select(m, &sel)) {
			rc = -1;
			break;
		}
		struct cfg_resolved *r = cfg_resolve(a, m, &sel);
		struct sb name = SB_INIT;
		spec_name(&name, &specs[c]);
		confs[c].name = sb_detach(&name);
		confs[c].sel4_arch = sel.sel4_arch;
		confs[c].settings = r->config;
		if (specs[c].mcs) {
			/* A copy of the list with KernelIsMCS = true added (or replaced). */
			struct cfg_resolved_list *l = &confs[c].settings;
			struct cfg_resolved_item *items = arena_alloc(a, (l->len + 1) * sizeof *items);
			memcpy(items, l->items, l->len * sizeof *items);
			size_t n = l->len, i;
			for (i = 0; i < n && strcmp(items[i].key, "KernelIsMCS") != 0; i++)
				;
			items[i] = (struct cfg_resolved_item){ "KernelIsMCS", { CFG_BOOL, NULL, 0, true }, { 0 }, NULL };
			l->items = items;
			l->len = i == n ? n + 1 : n;
			l->cap = l->len;
			l->index = (struct str_index){ 0 }; /* the copy gets its own key index */
			for (size_t k = 0; k < l->len; k++)
				str_index_put(a, &l->index, items[k].key, k);
		}
		rc = eval_one(tree, &confs[c], c, &rows, &nrows, &cap);
	}
	if (!rc) {
		sb_adds(out, header);
		sb_adds(out, "\nversion = ");
		toml_write_string(out, version, strlen(version));
		sb_addch(out, '\n');
		for (int c = 0; c < NSPECS; c++) {
			sb_addf(out, "\n[configurations.%s]\nplatform = \"%s\"\nsel4_arch = \"%s\"\nprofile = \"%s\"\nmcs = %s\nsettings = { ",
				confs[c].name, specs[c].platform, confs[c].sel4_arch, cfg_profile_name(specs[c].profile),
				specs[c].mcs ? "true" : "false");
			for (size_t i = 0; i < confs[c].settings.len; i++) {
				const struct cfg_resolved_item *it = &confs[c].settings.items[i];
				sb_adds(out, i ? ", " : "");
				toml_write_key(out, it->key, strlen(it->key));
				sb_adds(out, " = ");
				write_setting(out, &it->value);
			}
			sb_addf(out, " }\nkernel = %s\nsel4 = %s\n", sb_str(&confs[c].order[0]), sb_str(&confs[c].order[1]));
		}
		for (size_t i = 0; i < nrows; i++)
			write_row(out, &rows[i], confs);
	}
	for (size_t i = 0; i < nrows; i++) {
		free(rows[i].name);
		for (int c = 0; c < NSPECS; c++) {
			free(rows[i].option[c]);
			free(rows[i].kind[c]);
			free(rows[i].value[c]);
			free(rows[i].def[c]);
		}
	}
	free(rows);
	for (int c = 0; c < NSPECS; c++) {
		free(confs[c].name);
		sb_release(&confs[c].order[0]);
		sb_release(&confs[c].order[1]);
	}
	free(version);
	free(vpath);
	arena_free(a);
	return rc;
}
