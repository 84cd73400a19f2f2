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

#include "project/project.h"

#define EXIT_CHECK_FAILED 1
#define EXIT_TROUBLE 2

/* Option table entries and their ids for the selection flags; commands append their own. */
enum { OPT_CONFIG = 1000, OPT_SEL4_ARCH, OPT_ARCH, OPT_DEBUG, OPT_RELEASE, OPT_SOURCE, OPT_OFFLINE, OPT_KERNEL_BUILD,
       OPT_FIRST_OWN_OPTION = 1100 };
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


/*
 * Parse a command's options: the selection and plan flags and -h/--help are handled here,
 * every other option goes to `on_option` (which returns -1 to go on, or an exit status).
 * Options come before anything else; with `rest` (may be NULL), the arguments after a `--` are
 * left there (*rest points at them, *nrest counts them), otherwise no other argument is
 * accepted.  Returns -1 when the command should run, else the exit status to return (0 after
 * --help, EXIT_TROUBLE after a usage error).
 */
int cli_parse(struct project_options *c, int argc, char **argv, const struct option *options, const char *shortopts,
	      const char *usage, int (*on_option)(int opt, const char *arg, void *ctx), void *ctx, char ***rest,
	      int *nrest);

/* Print "unknown option" style usage errors: returns EXIT_TROUBLE. */
int cli_usage_error(const char *usage, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define CLI_SOURCE_OPTION { "source", required_argument, NULL, OPT_SOURCE }
#define CLI_OFFLINE_OPTION { "offline", no_argument, NULL, OPT_OFFLINE }
#define CLI_KERNEL_BUILD_OPTION { "kernel-build", required_argument, NULL, OPT_KERNEL_BUILD }
/* --offline excludes --source and --kernel-build: EXIT_TROUBLE after a usage error, else -1. */
int cli_plan_check(const struct project_options *c, const char *usage);
/* The options of `selfe build` and `selfe env`: the selection, --source, --offline (checked with
 * cli_plan_check).  -1 when the command should run, else the exit status. */
int cli_parse_build_options(struct project_options *o, int argc, char **argv, const char *usage);
/* A positive number of seconds.  0, or -1 when `arg` is not one. */
int cli_parse_timeout(const char *arg, double *out);
/* The exit status of a run's verdict. */
int cli_verdict_status(enum project_verdict v);

int cmd_arc(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_config(int argc, char **argv);
int cmd_env(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_gen(int argc, char **argv);
int cmd_fetch(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_test(int argc, char **argv);

#endif
