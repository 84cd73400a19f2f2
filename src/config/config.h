/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The sel4.toml model: load and validate a configuration, select a platform/arch/profile, and
 * resolve ("contextualize") the layered tables into one ordered key -> value list.
 *
 * Semantics follow the original selfe: in [sel4.config] and [metadata], scalar keys are shared,
 * sub-tables named debug/release are profiles, arm/x86/riscv arches, aarch32/aarch64/arm_hyp/
 * ia32/x86_64/riscv32/riscv64 sel4_arches, and any other name a platform.  Resolution order,
 * later wins: shared -> profile -> arch -> sel4_arch -> platform.  Unlike the original, every
 * unknown key, misplaced table or bad value is an error.
 *
 * Memory: a model and everything hanging off it live in the arena given to cfg_load_*().
 * Errors are reported through diag (file:line:col) and signalled by a NULL / -1 return.
 */
#ifndef SELFE_CONFIG_H
#define SELFE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../toml/toml.h"
#include "../util/arena.h"
#include "../util/diag.h"
#include "../util/sb.h"
#include "../util/strindex.h"

/* The label used in messages for the configuration compiled into selfe. */
#define CFG_DEFAULT_LABEL "<default sel4.toml>"

enum cfg_kind { CFG_STRING, CFG_INTEGER, CFG_BOOL };

struct cfg_value {
	enum cfg_kind kind;
	const char *s; /* CFG_STRING */
	int64_t i;     /* CFG_INTEGER */
	bool b;        /* CFG_BOOL */
};

/* One `key = value` as written, with where it was written. */
struct cfg_setting {
	const char *key;
	struct cfg_value value;
	struct loc at;
};

enum cfg_layer_kind { CFG_LAYER_SHARED, CFG_LAYER_PROFILE, CFG_LAYER_ARCH, CFG_LAYER_SEL4_ARCH, CFG_LAYER_PLATFORM };

/* One table of a layered section: [sel4.config], [sel4.config.debug], [metadata.pc99]... */
struct cfg_layer {
	enum cfg_layer_kind kind;
	const char *name; /* NULL for the shared layer */
	struct loc at;
	struct cfg_setting *items;
	size_t len, cap;
};

/* [sel4.config] or [metadata]: the shared layer, then sub-tables in document order. */
struct cfg_layered {
	const char *section; /* "sel4.config" or "metadata" */
	struct cfg_layer shared;
	struct cfg_layer *subs;
	size_t nsubs, cap;
};

enum cfg_source_kind { CFG_SOURCE_NONE, CFG_SOURCE_PATH, CFG_SOURCE_GIT };
enum cfg_git_ref { CFG_REF_BRANCH, CFG_REF_TAG, CFG_REF_REV };

struct cfg_source {
	enum cfg_source_kind kind;
	const char *path;     /* as written */
	const char *abs_path; /* resolved against the config file's folder */
	const char *git;
	enum cfg_git_ref ref_kind;
	const char *ref;
	struct loc at;
};

struct cfg_build_profile {
	bool present;
	const char *make_root_task;      /* NULL when unset */
	const char *root_task_image;     /* as written, NULL when unset */
	const char *root_task_image_abs; /* resolved against the config file's folder */
	struct loc at;
};

/* [build.PLATFORM] */
struct cfg_build {
	const char *platform;
	const char *cross_compiler_prefix; /* NULL when unset */
	const char *toolchain_dir;         /* as written, NULL when unset */
	const char *toolchain_dir_abs;
	struct cfg_build_profile debug, release;
	struct loc at;
};

struct cfg_strings {
	const char **v;
	size_t n;
};

/* [app]: the root task `selfe build` compiles itself (paths relative to the config's folder). */
#define CFG_APP_DEFAULT_STACK_SIZE (64 * 1024)
#define CFG_APP_DEFAULT_SOURCES "src/*.c"
struct cfg_app {
	bool present;
	struct loc at;
	const char *name;
	struct cfg_strings sources; /* globs; default CFG_APP_DEFAULT_SOURCES */
	struct cfg_strings include; /* folders */
	struct cfg_strings cflags, ldflags;
	struct cfg_strings files;   /* packed with selfe-arc and linked in */
	int64_t stack_size;         /* bytes; 0 = CFG_APP_DEFAULT_STACK_SIZE */
};

/* [simulate]: how `selfe simulate` runs QEMU. */
#define CFG_SIMULATE_DEFAULT_MEMORY 512
struct cfg_simulate {
	bool present;
	struct loc at;
	int64_t memory; /* MiB; 0 = CFG_SIMULATE_DEFAULT_MEMORY */
};

/* [test]: what `selfe test` expects of a run (POSIX extended regular expressions). */
#define CFG_TEST_DEFAULT_TIMEOUT 60
struct cfg_test {
	bool present;
	struct loc at;
	struct cfg_strings expect, fail;
	int64_t timeout; /* seconds; 0 = CFG_TEST_DEFAULT_TIMEOUT */
};

struct cfg_model {
	const char *path; /* file path as given, or CFG_DEFAULT_LABEL */
	const char *dir;  /* absolute folder relative paths are resolved against */
	struct cfg_source kernel, tools, util_libs;
	struct cfg_layered sel4_config, metadata;
	struct cfg_build *builds;
	size_t nbuilds, cap;
	struct cfg_app app;
	struct cfg_simulate simulate;
	struct cfg_test test;
};

/* Load from text (`path` labels messages; `dir` anchors relative paths). */
struct cfg_model *cfg_load_string(struct arena *a, const char *path, const char *dir, const char *text,
				  size_t len);
/* Load a file; relative paths resolve against the file's folder. */
struct cfg_model *cfg_load_file(struct arena *a, const char *path);
/* The embedded default configuration (relative paths resolve against `dir`). */
struct cfg_model *cfg_load_default(struct arena *a, const char *dir);
/* The embedded default's text. */
const char *cfg_default_text(size_t *len);

/* Serialize a model back to TOML; cfg_load_string() of the result is cfg_model_equal(). */
void cfg_model_write(struct sb *out, const struct cfg_model *m);
bool cfg_model_equal(const struct cfg_model *a, const struct cfg_model *b);

/* --- selection -------------------------------------------------------------------------------- */

enum cfg_profile { CFG_DEBUG, CFG_RELEASE };

struct cfg_selection {
	const char *platform;
	const char *sel4_arch;
	const char *arch;
	enum cfg_profile profile;
};

/* Names reserved for layers; NULL-terminated lists. */
extern const char *const cfg_profile_names[];
extern const char *const cfg_arch_names[];
extern const char *const cfg_sel4_arch_names[];

const char *cfg_profile_name(enum cfg_profile p);
/* The arch a sel4_arch belongs to ("x86_64" -> "x86"), NULL when unknown. */
const char *cfg_arch_of_sel4_arch(const char *sel4_arch);
/* The sel4_arch a known platform implies ("pc99" -> "x86_64"), NULL when unknown. */
const char *cfg_sel4_arch_of_platform(const char *platform);

/*
 * Complete a selection: sel4_arch from the platform (a known platform, or the platform table's
 * KernelSel4Arch) unless given, arch from sel4_arch unless given.  Checks the names and that the
 * model configures the platform.  Returns 0, or -1 after reporting.
 */
int cfg_select(const struct cfg_model *m, struct cfg_selection *sel);

/* --- resolution -------------------------------------------------------------------------------- */

struct cfg_resolved_item {
	const char *key;
	struct cfg_value value;
	struct loc at;           /* where the winning value was written */
	const struct cfg_layer *layer; /* the table it came from */
};

struct cfg_resolved_list {
	struct cfg_resolved_item *items; /* in order of first appearance */
	size_t len, cap;
	struct str_index index;          /* key -> position in items (cfg_resolved_get) */
};

struct cfg_resolved {
	const struct cfg_model *model;
	struct cfg_selection sel;
	struct cfg_resolved_list config;   /* [sel4.config] */
	struct cfg_resolved_list metadata; /* [metadata] */
	const struct cfg_build *build;     /* NULL when there is no [build.PLATFORM] */
	const struct cfg_build_profile *build_profile; /* NULL when absent */
};

/* Resolve the layers for a completed selection (type conflicts were rejected at load time). */
struct cfg_resolved *cfg_resolve(struct arena *a, const struct cfg_model *m, const struct cfg_selection *sel);
const struct cfg_resolved_item *cfg_resolved_get(const struct cfg_resolved_list *l, const char *key);

/* "[sel4.config.debug]" and the like, for messages. */
const char *cfg_layer_title(struct arena *a, const struct cfg_layered *sec, const struct cfg_layer *layer);
/* True when `layer` takes part in resolving `sel`. */
bool cfg_layer_applies(const struct cfg_layer *layer, const struct cfg_selection *sel);

/* --- output formats ---------------------------------------------------------------------------- */

enum cfg_format { CFG_FORMAT_TOML, CFG_FORMAT_JSON, CFG_FORMAT_CMAKE, CFG_FORMAT_HEADER, CFG_FORMAT_FLAGS };

int cfg_format_parse(const char *name, enum cfg_format *out);
void cfg_emit(struct sb *out, const struct cfg_resolved *r, enum cfg_format format);
/* --explain: every applicable table that sets `key`, in resolution order.  -1 when none does. */
int cfg_explain(struct sb *out, struct arena *a, const struct cfg_resolved *r, const char *key);

#endif
