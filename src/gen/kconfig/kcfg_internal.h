/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared structures of the CMake-subset evaluator: parsed files, scopes, the cache, the interpreter. */
#ifndef SELFE_KCFG_INTERNAL_H
#define SELFE_KCFG_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "kconfig.h"
#include "util/arena.h"
#include "util/diag.h"

enum kcfg_arg_kind { KCFG_UNQUOTED, KCFG_QUOTED, KCFG_BRACKET };

/* An argument as written: raw text, escapes and references not yet evaluated. */
struct kcfg_rawarg {
	const char *text;
	size_t len;
	enum kcfg_arg_kind kind;
};

struct kcfg_cmd {
	char *name; /* lower-cased */
	struct kcfg_rawarg *args;
	size_t nargs;
	unsigned line;
	/* Block structure, filled by the parser: for if/elseif/else the next clause or endif,
	 * for every block opener the index of its closing command. */
	size_t next, end;
};

struct kcfg_file {
	char *path;
	struct kcfg_cmd *cmds;
	size_t n;
};

/* An evaluated argument: quoted ones keep their identity for if(). */
struct kcfg_arg {
	char *s;
	bool quoted;
};

struct kcfg_args {
	struct kcfg_arg *v;
	size_t n, cap;
};

/* A name -> value table; a NULL value is a tombstone ("unset here"). */
struct kcfg_slot {
	char *name;
	char *value;
	int type; /* cache only: enum kcfg_cache_type */
	struct kcfg_slot *next;
};

struct kcfg_table {
	struct kcfg_slot **b;
	size_t nb, count;
};

enum kcfg_cache_type { KCFG_UNINIT, KCFG_BOOL, KCFG_STRING, KCFG_PATH, KCFG_FILEPATH, KCFG_INTERNAL, KCFG_STATIC };

struct kcfg_scope {
	struct kcfg_table vars;
	struct kcfg_scope *parent;
};

/* User-defined function or macro. */
struct kcfg_def {
	char *name; /* lower-cased */
	bool is_macro;
	char **params;
	size_t nparams;
	struct kcfg_file *file;
	size_t body, end; /* commands body..end-1 */
	struct kcfg_def *next;
};

/* A macro invocation's textual replacements. */
struct kcfg_macro_frame {
	struct kcfg_table map;
	struct kcfg_macro_frame *up;
};

struct kcfg {
	struct arena *arena;
	struct kcfg_table cache;
	struct kcfg_scope *scope;
	struct kcfg_scope root;
	struct kcfg_macro_frame *macro; /* innermost active macro, NULL inside a function body */
	struct kcfg_def *defs;
	struct kcfg_file **files;
	size_t nfiles, files_cap;
	struct kcfg_lib *libs;
	size_t nlibs, libs_cap;
	struct loc at; /* the command being executed */
	unsigned depth;
	const char *bindir; /* the scratch build folder of kcfg_eval_tree (process.c), or NULL */
	/* seL4 before 14.0.0 left a choice that is impossible in this configuration out of the
	 * configuration library; later releases list it as disabled.  Set by kcfg_eval_tree. */
	bool choice_omits_impossible;
	/* kcfg_forbid_files: the commands that read, write, list or run files are refused. */
	bool no_files;
	/* kcfg_limit_work: commands run plus bytes of arguments and values set; 0 = no limit. */
	unsigned long long budget, spent;
	/* How each CONFIG entry was declared (sel4.c), by CONFIG name: see kcfg_declared(). */
	struct kcfg_table decl_option, decl_kind, decl_default;
	/* Every option a config_option, config_string or config_choice call names, by its CMake
	 * name, whether or not its dependencies hold here: "bool", "string" or "choice". */
	struct kcfg_table opt_kind;
	/* kcfg_record: where the files, folders and variables the evaluation reads are noted. */
	struct deps *deps;
};

enum kcfg_flow { KCFG_OK = 0, KCFG_ERR = -1, KCFG_BREAK = 1, KCFG_RETURN = 2 };

/* interp.c: note a file read or a path tested (kcfg_record), unless it is in the scratch build
 * folder, whose contents the evaluation itself made. */
void kcfg_note_file(struct kcfg *k, const char *path);
void kcfg_note_probe(struct kcfg *k, const char *path);

/* parse.c */
struct kcfg_file *kcfg_parse(struct kcfg *k, const char *path, const char *text);

/* table.c */
char **kcfg_table_ref(struct kcfg_table *t, const char *name, bool create, struct kcfg_slot **slot);
struct kcfg_slot *kcfg_table_find(struct kcfg_table *t, const char *name);
void kcfg_table_put(struct kcfg_table *t, const char *name, const char *value);
void kcfg_table_free(struct kcfg_table *t);

/* vars.c */
const char *kcfg_get(struct kcfg *k, const char *name);
bool kcfg_is_defined(struct kcfg *k, const char *name);
void kcfg_set(struct kcfg *k, const char *name, const char *value);
void kcfg_unset(struct kcfg *k, const char *name);
void kcfg_set_parent(struct kcfg *k, const char *name, const char *value);
void kcfg_cache_set(struct kcfg *k, const char *name, const char *value, int type, bool force);
void kcfg_cache_unset(struct kcfg *k, const char *name);

/* expand.c */
int kcfg_eval_args(struct kcfg *k, const struct kcfg_cmd *c, struct kcfg_args *out);
void kcfg_args_push(struct kcfg_args *a, char *s, bool quoted);
void kcfg_args_free(struct kcfg_args *a);
/* Split a CMake list ("a;b\;c" -> "a", "b;c"), dropping empty elements unless keep_empty. */
void kcfg_list_split(const char *s, bool keep_empty, struct kcfg_args *out);
char *kcfg_list_join(char *const *v, size_t n);

/* cond.c */
int kcfg_cond(struct kcfg *k, const struct kcfg_arg *args, size_t n, bool *result);
bool kcfg_truthy(const char *s);
struct rx;
/* Compile a CMake regex with the bounded engine (util/regex.h); NULL after reporting. */
struct rx *kcfg_regex_compile(struct kcfg *k, const char *re);

/* interp.c */
int kcfg_include(struct kcfg *k, const char *path);
int kcfg_err(struct kcfg *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* builtins.c */
typedef int (*kcfg_builtin_fn)(struct kcfg *k, struct kcfg_args *a);
kcfg_builtin_fn kcfg_builtin(const char *name);

/* listcmd.c */
int kcfg_cmd_list(struct kcfg *k, struct kcfg_args *a);
int kcfg_cmd_string(struct kcfg *k, struct kcfg_args *a);
int kcfg_cmd_math(struct kcfg *k, struct kcfg_args *a);

/* emit.c: read configured YAML lines ("NAME: true", "NAME: \"text\"  # comment") into lib. */
int kcfg_lib_parse(struct kcfg *k, struct kcfg_lib *lib, const char *yaml);

/* process.c: execute_process, and file writes inside the scratch build folder. */
int kcfg_cmd_execute_process(struct kcfg *k, struct kcfg_args *a);
int kcfg_file_output(struct kcfg *k, struct kcfg_args *a);

/* sel4.c */
kcfg_builtin_fn kcfg_sel4_builtin(const char *name);

#endif
