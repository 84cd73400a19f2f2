/* SPDX-License-Identifier: BSD-2-Clause */
/* Selection flags and config discovery, shared by every subcommand. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "util/path.h"

void cli_common_init(struct cli_common *c)
{
	memset(c, 0, sizeof(*c));
	const char *plat = getenv("SEL4_PLATFORM");
	c->sel.platform = plat && *plat ? plat : "pc99";
	c->sel.profile = CFG_DEBUG;
}

int cli_common_option(struct cli_common *c, int opt, const char *arg)
{
	switch (opt) {
	case OPT_CONFIG:
		c->config_path = arg;
		return 1;
	case 'p':
		c->sel.platform = arg;
		return 1;
	case OPT_SEL4_ARCH:
		c->sel.sel4_arch = arg;
		return 1;
	case OPT_ARCH:
		c->sel.arch = arg;
		return 1;
	case OPT_DEBUG:
		c->sel.profile = CFG_DEBUG;
		return 1;
	case OPT_RELEASE:
		c->sel.profile = CFG_RELEASE;
		return 1;
	case 'v':
		c->verbose = true;
		return 1;
	}
	return 0;
}

/* The nearest sel4.toml in the current folder or above it; NULL when there is none.  Anything
 * by that name counts (a folder or FIFO is then refused when loaded, not silently skipped). */
static char *find_upwards(void)
{
	char *dir = getcwd(NULL, 0);
	while (dir) {
		char *candidate = path_join(dir, "sel4.toml");
		struct stat st;
		if (lstat(candidate, &st) == 0) {
			free(dir);
			return candidate;
		}
		free(candidate);
		if (!strcmp(dir, "/"))
			break;
		char *up = path_dirname(dir);
		free(dir);
		dir = up;
	}
	free(dir);
	return NULL;
}

struct cfg_model *cli_load_config(struct arena *a, struct cli_common *c)
{
	struct cfg_model *m;
	const char *env = getenv("SEL4_CONFIG_PATH");
	if (c->config_path) {
		m = cfg_load_file(a, c->config_path);
	} else if (env && *env) {
		m = cfg_load_file(a, env);
		if (!m && !path_is_file(env))
			diag_note(NULL, "SEL4_CONFIG_PATH names '%s'; unset it to use the nearest sel4.toml", env);
	} else {
		char *found = find_upwards();
		if (found) {
			m = cfg_load_file(a, found);
			free(found);
		} else {
			char *cwd = path_absolute(".");
			m = cfg_load_default(a, cwd);
			free(cwd);
		}
	}
	if (!m || cfg_select(m, &c->sel) != 0)
		return NULL;
	return m;
}

int cli_usage_error(const char *usage, const char *fmt, ...)
{
	struct sb msg = SB_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_error(NULL, "%s", sb_str(&msg));
	sb_release(&msg);
	fputs(usage, stderr);
	return EXIT_TROUBLE;
}

int cli_parse(struct cli_common *c, int argc, char **argv, const struct option *options, const char *shortopts,
	      const char *usage, int (*on_option)(int opt, const char *arg, void *ctx), void *ctx)
{
	struct sb spec = SB_INIT;
	sb_addf(&spec, "+:%s" CLI_COMMON_SHORT_OPTIONS, shortopts ? shortopts : "");
	int opt, status = -1;
	opterr = 0;
	optind = 1;
	while (status < 0 && (opt = getopt_long(argc, argv, sb_str(&spec), options, NULL)) != -1) {
		if (cli_common_option(c, opt, optarg))
			continue;
		if (opt == 'h') {
			fputs(usage, stdout);
			status = 0;
		} else if (opt == ':') {
			status = cli_usage_error(usage, "option '%s' needs a value", argv[optind - 1]);
		} else if (opt == '?') {
			status = cli_usage_error(usage, "unknown option '%s'", argv[optind - 1]);
		} else {
			status = on_option ? on_option(opt, optarg, ctx) : cli_usage_error(usage, "unknown option '%s'", argv[optind - 1]);
		}
	}
	sb_release(&spec);
	if (status < 0 && optind < argc)
		status = cli_usage_error(usage, "unexpected argument '%s'", argv[optind]);
	return status;
}
