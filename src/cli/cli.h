/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the subcommands share: the selection flags every command takes (which config, platform,
 * sel4_arch, arch, profile) and the command entry points.  Exit codes: 0 success, 1 a check that
 * was run failed, 2 selfe could not do its job (usage, bad input, missing dependency).
 */
#ifndef SELFE_CLI_H
#define SELFE_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "app/app.h"
#include "kernel/kernel.h"
#include "config/config.h"

#define EXIT_CHECK_FAILED 1
#define EXIT_TROUBLE 2

struct cli_common {
	const char *config_path; /* --config */
	struct cfg_selection sel;
	bool verbose;
};

/* Option table entries and their ids for the selection flags; commands append their own. */
enum { OPT_CONFIG = 1000, OPT_SEL4_ARCH, OPT_ARCH, OPT_DEBUG, OPT_RELEASE, OPT_FIRST_COMMAND_OPTION = 1100 };
#define CLI_COMMON_LONG_OPTIONS                                                       \
	{ "config", required_argument, NULL, OPT_CONFIG },                            \
	{ "platform", required_argument, NULL, 'p' },                                 \
	{ "sel4-arch", required_argument, NULL, OPT_SEL4_ARCH },                      \
	{ "sel4_arch", required_argument, NULL, OPT_SEL4_ARCH },                      \
	{ "arch", required_argument, NULL, OPT_ARCH },                                \
	{ "debug", no_argument, NULL, OPT_DEBUG },                                    \
	{ "release", no_argument, NULL, OPT_RELEASE },                                \
	{ "verbose", no_argument, NULL, 'v' },                                        \
	{ "help", no_argument, NULL, 'h' }
#define CLI_COMMON_SHORT_OPTIONS "p:vh"
#define CLI_COMMON_USAGE                                                              \
	"selection:\n"                                                                \
	"  --config PATH        sel4.toml to use (default: $SEL4_CONFIG_PATH, else the\n" \
	"                       nearest sel4.toml above the current folder, else the\n" \
	"                       embedded default)\n"                                  \
	"  -p, --platform NAME  platform (default: $SEL4_PLATFORM, else pc99)\n"       \
	"  --sel4-arch NAME     sel4_arch (default: follows from the platform)\n"      \
	"  --arch NAME          arch (default: follows from the sel4_arch)\n"          \
	"  --debug | --release  profile (default: debug)\n"                           \
	"  -v, --verbose        say more\n"

void cli_common_init(struct cli_common *c);
/* Handles a selection option; returns 1 when `opt` was one, 0 otherwise. */
int cli_common_option(struct cli_common *c, int opt, const char *arg);
/* Loads the config the selection names and completes the selection.  NULL after reporting. */
struct cfg_model *cli_load_config(struct arena *a, struct cli_common *c);

/*
 * Parse a command's options: the selection flags and -h/--help are handled here, every other
 * option goes to `on_option` (which returns -1 to go on, or an exit status).  Options must come
 * before anything else; no other argument is accepted.  Returns -1 when the command should run,
 * else the exit status to return (0 after --help, EXIT_TROUBLE after a usage error).
 */
int cli_parse(struct cli_common *c, int argc, char **argv, const struct option *options, const char *shortopts,
	      const char *usage, int (*on_option)(int opt, const char *arg, void *ctx), void *ctx);

/* Print "unknown option" style usage errors: returns EXIT_TROUBLE. */
int cli_usage_error(const char *usage, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

int cmd_arc(int argc, char **argv);
/* Where libsel4 comes from (libsel4_for.c): --source, --kernel-build, --offline. */
struct libsel4_plan {
	const char *source;       /* --source, else $SEL4_SOURCE, else the config's kernel source */
	const char *kernel_build; /* a configured kernel build folder for the CONFIG_ values */
	bool offline;             /* the embedded snapshot, whatever else is there */
};
/* The options that fill a plan; a command's own options start at OPT_FIRST_OWN_OPTION. */
enum { OPT_SOURCE = OPT_FIRST_COMMAND_OPTION, OPT_OFFLINE, OPT_KERNEL_BUILD, OPT_FIRST_OWN_OPTION };
#define CLI_SOURCE_OPTION { "source", required_argument, NULL, OPT_SOURCE }
#define CLI_OFFLINE_OPTION { "offline", no_argument, NULL, OPT_OFFLINE }
#define CLI_KERNEL_BUILD_OPTION { "kernel-build", required_argument, NULL, OPT_KERNEL_BUILD }
/* Records a plan option in `plan` (a struct libsel4_plan *): 1 when `opt` was one, else 0. */
int cli_plan_option(int opt, const char *arg, struct libsel4_plan *plan);
/* cli_parse's on_option for commands whose only own options are the plan's. */
int cli_plan_on_option(int opt, const char *arg, void *plan);
/* --offline excludes --source and --kernel-build: EXIT_TROUBLE after a usage error, else -1. */
int cli_plan_check(const struct libsel4_plan *plan, const char *usage);
/* The seL4 tree the plan names (flag, $SEL4_SOURCE, the config's path source or cached git
 * source), or NULL with *use_snapshot set when the embedded snapshot stands in (--offline, or a
 * git source that is not in the cache and is no other release), or NULL after reporting. */
const char *cli_choose_tree(struct arena *a, const struct cfg_model *m, const struct libsel4_plan *p, bool *use_snapshot);
/*
 * Generate libsel4 for `r` into `out` from a tree or, when none is available, the embedded
 * snapshot (saying so on stderr); *from describes the source for messages.  With
 * `keep_current`, an `out` made from the same inputs is left untouched.  0, or -1 after reporting.
 */
int cli_libsel4(struct arena *a, const struct cfg_model *m, const struct cfg_resolved *r, const struct libsel4_plan *p,
		const char *out, bool keep_current, const char **from);

/* What build, env, simulate and test share (build_common.c). */
struct cli_build {
	struct cli_common *common;
	struct cfg_model *m;
	struct cfg_resolved *r;
	const char *target;       /* CONFIG_DIR/target/selfe/PLATFORM-PROFILE */
	const char *libsel4_from; /* where libsel4 came from, for messages */
	const char *tree;         /* the seL4 tree, NULL when built from the snapshot */
	struct kernel_build kernel; /* kernel.elf NULL when the kernel was skipped */
	struct app_request app;   /* libsel4, runtime and work folders filled in */
	struct step_stats stats;
	const char *image;        /* the root task, once built */
};
/* Load and resolve the config; build the kernel when a tree is available (with `with_kernel`);
 * generate libsel4 into TARGET/libsel4 from that kernel build's configuration (else the tree's
 * or the snapshot's) unless current; find the runtime.  0, or -1 after reporting. */
int cli_build_prepare(struct arena *a, struct cli_common *common, const struct libsel4_plan *plan, bool with_kernel,
		      struct cli_build *b);
/* Build the runtime archive and export SELFE_CC, SELFE_CFLAGS, SELFE_LDFLAGS, SEL4_PLATFORM and
 * SEL4_CONFIG_PATH into this process's environment.  0, or -1 after reporting. */
int cli_build_env(struct arena *a, struct cli_build *b);
/* Build the root task ([app] or make_root_task) and set b->image.  0, or -1 after reporting. */
int cli_build_root_task(struct arena *a, struct cli_build *b);

/* Boot images of the built kernel and root task (pc99 only for now).  0, or -1 after reporting. */
int cli_build_images(struct arena *a, struct cli_build *b, const char **kernel_image, const char **root_image);

/* What `selfe simulate` and `selfe test` run (cmd_simulate.c). */
struct cli_simulate_request {
	const char *serial_override; /* replaces the default serial options */
	int gdb_port;                /* > 0: QEMU waits for a debugger there */
	double timeout;              /* seconds; 0 = none */
	const char *const *expect, *const *fail; /* fail: added to the default fail patterns */
	size_t nexpect, nfail;
	const char *const *extra; /* after `--` */
	size_t nextra;
	bool boot_only; /* selfe test: a kernel that does not print passes by running until the timeout */
};
/* Build, boot in QEMU and judge the run; returns the exit status. */
int cli_simulate(struct arena *a, struct cli_common *common, const struct libsel4_plan *plan,
		 const struct cli_simulate_request *req);
/* A positive number of seconds.  0, or -1 when `arg` is not one. */
int cli_parse_timeout(const char *arg, double *out);
/* Where `--` ends a command's own arguments (argc when absent); *nextra counts what follows. */
int cli_split_dashdash(int argc, char **argv, const struct option *options, int *nextra);

int cmd_build(int argc, char **argv);
int cmd_config(int argc, char **argv);
int cmd_env(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_gen(int argc, char **argv);
int cmd_fetch(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_test(int argc, char **argv);

#endif
