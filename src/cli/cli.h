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

int cmd_config(int argc, char **argv);
int cmd_gen(int argc, char **argv);
int cmd_fetch(int argc, char **argv);

#endif
