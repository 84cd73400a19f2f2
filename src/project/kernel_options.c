/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The [sel4.config] settings against the kernel they configure, before any kernel, CMake or
 * compiler work.  With a seL4 tree, its configuration files are evaluated natively
 * (src/gen/kconfig) with the settings as the initial cache, which names every option they
 * declare — config_option (a bool), config_string, config_choice (with its values) — whether or
 * not its dependencies hold for this platform.  A name no call declares, a choice value outside
 * the list, a bool given a string or a string given a bool would otherwise be dropped or replaced
 * by CMake without a word (KernelPrintng:BOOL=ON in the cache, KernelFPU falling back to its
 * default).  Offline the snapshot's option table does the same check (snapshot/options.c).
 *
 * Inputs the configuration files read without a config_* call are known too: a cache entry of a
 * user-facing type (KernelCustomDTS, set with CACHE FILEPATH), and a value a platform's file reads
 * before config_set sets it (KernelARMPlatform, the sub-platform).  Everything else the files
 * read and no call declares is computed by them (KernelArchX86, KernelPlatImx6, KernelDTSList,
 * ...): a setting of it would be overwritten, so it is an error too.  README, "Kernel options".
 */
#include <inttypes.h>
#include <string.h>

#include "gen/kconfig/kconfig.h"
#include "project/project.h"
#include "snapshot/gen_config.h"
#include "util/path.h"
#include "util/suggest.h"

static const char *value_text(struct arena *a, const struct cfg_value *v)
{
	if (v->kind == CFG_BOOL)
		return v->b ? "ON" : "OFF";
	if (v->kind == CFG_INTEGER)
		return arena_printf(a, "%" PRId64, v->i);
	return v->s;
}

static bool in_list(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; p && *p;) {
		size_t len = strcspn(p, ";");
		if (len == n && !strncmp(p, word, n))
			return true;
		p += len + (p[len] == ';');
	}
	return false;
}

/* "a;b;c" as "a", "b", "c" for messages, and as a NULL-terminated list for suggestions. */
static const char **split(struct arena *a, const char *list, struct sb *shown)
{
	size_t cap = 1;
	for (const char *p = list; *p; p++)
		cap += *p == ';';
	const char **v = arena_alloc(a, (cap + 1) * sizeof(*v));
	size_t n = 0;
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ";");
		v[n] = arena_printf(a, "%.*s", (int)len, p);
		sb_addf(shown, "%s\"%s\"", n ? ", " : "", v[n]);
		n++;
		p += len + (p[len] == ';');
	}
	v[n] = NULL;
	return v;
}

static int check_one(struct project *p, struct kcfg *k, const char *const *names, const struct cfg_resolved_item *it)
{
	struct arena *a = p->a;
	struct kcfg_option o;
	if (!kcfg_option(k, it->key, &o)) {
		diag_error(&it->at, "'%s' is not an option of the kernel in %s", it->key, p->tree);
		const char *near = suggest_closest(it->key, names);
		if (near)
			diag_note(NULL, "did you mean '%s'?", near);
		else
			diag_note(NULL, "option names are the kernel's CMake names (config_option, config_string, config_choice in its config.cmake files)");
		return -1;
	}
	const struct cfg_value *v = &it->value;
	if (!strcmp(o.kind, "set")) {
		/* Computed by the files: a value they keep (a sub-platform they read and set again)
		 * is an input; one they replace was never used. */
		const char *now = kcfg_cache(k, it->key);
		bool same = now && (v->kind == CFG_BOOL ? kcfg_value_is_on(now) == v->b : !strcmp(now, value_text(a, v)));
		if (same)
			return 0;
		diag_error(&it->at, "'%s' is computed by the kernel's configuration files (%s here): the setting would be ignored",
			   it->key, now ? arena_printf(a, "\"%s\"", now) : "unset");
		diag_note(NULL, "remove it, or set the options it is computed from");
		return -1;
	}
	if (!strcmp(o.kind, "bool") && v->kind != CFG_BOOL) {
		diag_error(&it->at, "'%s' is a bool option of the kernel: write true or false, not %s", it->key,
			   v->kind == CFG_STRING ? arena_printf(a, "\"%s\"", v->s) : value_text(a, v));
		return -1;
	}
	if (strcmp(o.kind, "bool") && v->kind == CFG_BOOL) {
		diag_error(&it->at, "'%s' is a %s option of the kernel, not a bool: write a %s", it->key, o.kind,
			   !strcmp(o.kind, "choice") ? "quoted choice" : "string");
		if (o.choices && *o.choices) {
			struct sb shown = SB_INIT;
			split(a, o.choices, &shown);
			diag_note(NULL, "its choices: %s", sb_str(&shown));
			sb_release(&shown);
		}
		return -1;
	}
	if (!strcmp(o.kind, "choice") && o.choices && !in_list(o.choices, value_text(a, v))) {
		struct sb shown = SB_INIT;
		const char **choices = split(a, o.choices, &shown);
		diag_error(&it->at, "'%s' is \"%s\", which is not one of the kernel's choices: %s", it->key, value_text(a, v),
			   sb_str(&shown));
		const char *near = suggest_closest(value_text(a, v), choices);
		if (near)
			diag_note(NULL, "did you mean \"%s\"?", near);
		sb_release(&shown);
		return -1;
	}
	return 0;
}

int project_check_kernel_options(struct project *p)
{
	if (project_choose_tree(p))
		return -1;
	if (!p->tree) {
		/* The snapshot's option table: the same reading libsel4 will do, done first. */
		const char *kernel_json, *sel4_json;
		return snapshot_gen_config(p->a, p->r, &kernel_json, &sel4_json);
	}
	/* Not a seL4 tree: libsel4's generator says what is missing. */
	deps_probe(p->deps, arena_printf(p->a, "%s/config.cmake", p->tree));
	if (!path_is_file(arena_printf(p->a, "%s/config.cmake", p->tree)))
		return 0;
	/* A board named as a platform, a board its platform lacks, an unknown platform: said with
	 * the fix, before the kernel's own configuration stops on them less helpfully. */
	struct kernel_request kr = { p->tree, p->r, p->cross_prefix, p->target, false, p->deps };
	if (kernel_check_board(p->a, &kr))
		return -1;
	struct kcfg *k = kcfg_new();
	const struct cfg_resolved_list *config = &p->r->config;
	for (size_t i = 0; i < config->len; i++)
		kcfg_define(k, config->items[i].key, value_text(p->a, &config->items[i].value));
	kcfg_record(k, p->deps);
	int rc = kcfg_eval_tree(k, p->tree);
	if (rc == 0) {
		const char *const *names = kcfg_option_names(k, p->a);
		for (size_t i = 0; i < config->len; i++)
			if (check_one(p, k, names, &config->items[i]))
				rc = -1;
	}
	/* This evaluation is the one libsel4_native_config would do (same tree, same settings):
	 * its CONFIG_ values are kept for libsel4 rather than computed twice. */
	const struct kcfg_lib *kernel = rc == 0 ? kcfg_lib(k, "kernel") : NULL, *sel4 = rc == 0 ? kcfg_lib(k, "sel4") : NULL;
	if (kernel && sel4) {
		struct sb json = SB_INIT;
		kcfg_emit_json(&json, kernel);
		p->gen_config_json[0] = arena_strdup(p->a, sb_str(&json));
		sb_reset(&json);
		kcfg_emit_json(&json, sel4);
		p->gen_config_json[1] = arena_strdup(p->a, sb_str(&json));
		sb_release(&json);
	}
	kcfg_free(k);
	return rc;
}
