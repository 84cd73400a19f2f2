/* SPDX-License-Identifier: BSD-2-Clause */
/* Option parsing every subcommand shares: the selection and plan flags, usage errors. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Handles a selection or plan option; returns 1 when `opt` was one, 0 otherwise. */
static int cli_common_option(struct project_options *c, int opt, const char *arg)
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
	case OPT_SOURCE:
		c->source = arg;
		return 1;
	case OPT_OFFLINE:
		c->offline = true;
		return 1;
	case OPT_KERNEL_BUILD:
		c->kernel_build = arg;
		return 1;
	case 'v':
		c->verbose = true;
		return 1;
	}
	return 0;
}

int cli_plan_check(const struct project_options *c, const char *usage)
{
	if (c->offline && (c->source || c->kernel_build))
		return cli_usage_error(usage, "--offline uses the embedded snapshot: it cannot take --source or --kernel-build");
	return -1;
}

int cli_parse_build_options(struct project_options *o, int argc, char **argv, const char *usage)
{
	static const struct option options[] = {
		CLI_COMMON_LONG_OPTIONS,
		CLI_SOURCE_OPTION,
		CLI_OFFLINE_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	project_options_init(o);
	int status = cli_parse(o, argc, argv, options, NULL, usage, NULL, NULL, NULL, NULL);
	return status >= 0 ? status : cli_plan_check(o, usage);
}

int cli_parse_timeout(const char *arg, double *out)
{
	char *end;
	double t = strtod(arg, &end);
	if (end == arg || *end || !(t > 0) || t > 1e7)
		return -1;
	*out = t;
	return 0;
}

int cli_verdict_status(enum project_verdict v)
{
	return v == PROJECT_PASS ? 0 : v == PROJECT_FAIL ? EXIT_CHECK_FAILED : EXIT_TROUBLE;
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

int cli_parse(struct project_options *c, int argc, char **argv, const struct option *options, const char *shortopts,
	      const char *usage, int (*on_option)(int opt, const char *arg, void *ctx), void *ctx, char ***rest,
	      int *nrest)
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
	if (rest) {
		/* getopt stops after a "--" it consumed: what follows is the command's to pass on. */
		bool dashdash = optind > 1 && optind <= argc && !strcmp(argv[optind - 1], "--");
		*rest = dashdash ? argv + optind : NULL;
		*nrest = dashdash ? argc - optind : 0;
		if (dashdash)
			optind = argc;
	}
	if (status < 0 && optind < argc)
		status = cli_usage_error(usage, "unexpected argument '%s'", argv[optind]);
	return status;
}
