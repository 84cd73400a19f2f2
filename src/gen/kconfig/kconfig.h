/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * seL4 kernel configuration without CMake: an evaluator for the subset of the CMake language the
 * kernel's config.cmake files use, with the kernel's config_* helpers built in, producing the
 * ordered (CONFIG name, value) lists that CMake writes to kernel/ and sel4/gen_config.{json,h}.
 */
#ifndef SELFE_KCONFIG_H
#define SELFE_KCONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/deps.h"
#include "util/sb.h"

/* One generated entry: a boolean (is_bool, on) or a string (value). */
struct kcfg_entry {
	char *name;
	char *value;
	bool is_bool, on;
};

/* One add_config_library() result, entries in first-definition order, last value kept. */
struct kcfg_lib {
	char *prefix;
	struct kcfg_entry *e;
	size_t n, cap;
};

struct kcfg;

struct kcfg *kcfg_new(void);
void kcfg_free(struct kcfg *k);
/* Refuse include, file, execute_process and find_*: the interpreter then touches nothing outside
 * itself (for the fuzz target, which runs arbitrary CMake text). */
void kcfg_forbid_files(struct kcfg *k);
/* Stop with an error once `units` of work (commands, loop rounds, bytes of arguments and of
 * values set) are spent: bounded time and memory on any input. */
void kcfg_limit_work(struct kcfg *k, unsigned long long units);
/* A user setting, as `cmake -DNAME=VALUE` would make it (an untyped cache entry). */
void kcfg_define(struct kcfg *k, const char *name, const char *value);
/* Run CMake text as if it were the file `path` (whose folder is the current source folder). */
int kcfg_run_text(struct kcfg *k, const char *path, const char *text);
/* Note in `d` every file, folder and environment variable the evaluation reads (util/deps.h);
 * running a program makes the record opaque. */
void kcfg_record(struct kcfg *k, struct deps *d);
/* Evaluate a seL4 source tree's configuration: kernel, then libsel4. */
int kcfg_eval_tree(struct kcfg *k, const char *sel4_root);

/* What a `${name}` reference would give in the outermost scope; NULL when undefined. */
const char *kcfg_var(struct kcfg *k, const char *name);
/* The cache entry alone; NULL when absent. */
const char *kcfg_cache(struct kcfg *k, const char *name);
/* The library added under `prefix` ("kernel", "sel4"), or NULL. */
const struct kcfg_lib *kcfg_lib(struct kcfg *k, const char *prefix);

/* How the entry `config_name` (without CONFIG_) was declared, last declaration winning: the CMake
 * variable holding its value, the helper that made it — "option" (config_option), "string"
 * (config_string), "choice" (config_choice's string), "choice-item" (one choice's boolean), "set"
 * (config_set) — and its default as evaluated in this configuration (a choice item's default is
 * ON when it is the choice's default).  Pointers live as long as k.  False when unknown. */
struct kcfg_decl {
	const char *option, *kind, *def;
};
bool kcfg_declared(struct kcfg *k, const char *config_name, struct kcfg_decl *out);
/* An option the configuration files name in config_option ("bool"), config_string ("string") or
 * config_choice ("choice", with `choices` its values as a CMake list "a;b;c"), whether or not its
 * dependencies hold in this configuration, or only in config_set ("set": a value the files
 * compute, such as KernelARMPlatform, which a platform's file reads as the chosen sub-platform
 * before setting it).  False when no such call names it. */
struct kcfg_option {
	const char *kind, *choices;
};
bool kcfg_option(struct kcfg *k, const char *name, struct kcfg_option *out);
/* Every such option's name, sorted, NULL-terminated, in `a`. */
const char **kcfg_option_names(struct kcfg *k, struct arena *a);
/* CMake's truth of a variable's value ("ON", "1", "yes" ... true; "", "OFF", "x-NOTFOUND" false). */
bool kcfg_value_is_on(const char *value);

/* The exact text CMake's config generator writes. */
void kcfg_emit_json(struct sb *out, const struct kcfg_lib *lib);
void kcfg_emit_h(struct sb *out, const struct kcfg_lib *lib);

#endif
