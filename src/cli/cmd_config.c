/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe config: print the configuration resolved for a selection, in one of several formats. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: selfe config [selection] [--format toml|json|cmake|header|flags] [--explain KEY]\n"
	"\n"
	"Prints the configuration resolved for the selected platform, sel4_arch, arch and\n"
	"profile: shared keys, then the profile, arch, sel4_arch and platform tables, later wins.\n"
	"\n"
	"  --format FORMAT      toml (default): a sel4.toml that resolves to the same thing\n"
	"                       json: config, metadata, sources and build settings\n"
	"                       cmake: a CMake initial-cache file (cmake -C FILE)\n"
	"                       header: #define lines (booleans 1/0)\n"
	"                       flags: one line of C compiler -D options, quoted for a shell\n"
	"  --explain KEY        list every table that sets KEY, in order, with file:line:col\n"
	"\n" CLI_COMMON_USAGE;

enum { OPT_FORMAT = OPT_FIRST_OWN_OPTION, OPT_EXPLAIN };

struct config_args {
	enum cfg_format format;
	const char *explain;
};

static int config_option(int opt, const char *arg, void *ctx)
{
	struct config_args *args = ctx;
	if (opt == OPT_FORMAT) {
		if (cfg_format_parse(arg, &args->format) != 0)
			return cli_usage_error(usage, "unknown format '%s' (expected toml, json, cmake, header or flags)", arg);
		return -1;
	}
	args->explain = arg; /* OPT_EXPLAIN */
	return -1;
}

int cmd_config(int argc, char **argv)
{
	static const struct option options[] = {
		CLI_COMMON_LONG_OPTIONS,
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "explain", required_argument, NULL, OPT_EXPLAIN },
		{ NULL, 0, NULL, 0 },
	};
	struct config_args args = { CFG_FORMAT_TOML, NULL };
	struct project_options o;
	project_options_init(&o);
	int status = cli_parse(&o, argc, argv, options, NULL, usage, config_option, &args, NULL, NULL);
	if (status >= 0)
		return status;

	struct arena *a = arena_new();
	status = EXIT_TROUBLE;
	struct project p;
	if (project_open(a, &o, &p) == 0) {
		const struct cfg_model *m = p.m;
		const struct cfg_resolved *r = p.r;
		struct sb out = SB_INIT;
		if (args.explain && cfg_explain(&out, a, r, args.explain) != 0) {
			diag_error(&(struct loc){ m->path, 0, 0 }, "no table sets '%s'", args.explain);
		} else {
			if (!args.explain)
				cfg_emit(&out, r, args.format);
			fwrite(out.buf ? out.buf : "", 1, out.len, stdout);
			status = fflush(stdout) == 0 ? 0 : EXIT_TROUBLE;
		}
		sb_release(&out);
	}
	arena_free(a);
	return status;
}
