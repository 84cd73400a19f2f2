/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe gen: write a complete libsel4 (headers, libsel4.a, sel4.pc) for the selected configuration. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build/source.h"
#include "cli.h"
#include "gen/libsel4/libsel4.h"

static const char usage[] =
	"usage: selfe gen [selection] [--source DIR] [--kernel-build DIR] -o OUT\n"
	"\n"
	"Generates libsel4 for the selected platform, sel4_arch and profile from a seL4 source tree:\n"
	"OUT/include (everything #include <sel4/sel4.h> needs), OUT/lib/libsel4.a and\n"
	"OUT/lib/pkgconfig/sel4.pc.  OUT is replaced only when everything succeeded.\n"
	"\n"
	"  --source DIR         the seL4 tree (default: $SEL4_SOURCE, else the config's kernel\n"
	"                       source: its path, or its copy in selfe's cache)\n"
	"  --kernel-build DIR   take the CONFIG_ values from a kernel build folder where the\n"
	"                       kernel's CMake configure step has run (default: selfe computes\n"
	"                       them from the tree's configuration files; x86 only for now)\n"
	"  -o, --output OUT     where to write libsel4\n"
	"\n" CLI_COMMON_USAGE;

enum { OPT_SOURCE = OPT_FIRST_COMMAND_OPTION, OPT_KERNEL_BUILD };

/* --source, else $SEL4_SOURCE, else the config's kernel source (a path, or the source cache). */
static const char *kernel_tree(struct arena *a, const struct cfg_model *m, const char *flag)
{
	const char *env = getenv("SEL4_SOURCE");
	if (flag)
		return flag;
	if (env && *env)
		return env;
	bool missing = false;
	const char *dir = source_tree(a, &m->kernel, false, false, &missing);
	if (missing) {
		diag_error(&m->kernel.at, "the kernel source is not in selfe's cache (%s)", source_cache_dir(a, &m->kernel));
		diag_note(NULL, "run 'selfe fetch', pass --source DIR, set SEL4_SOURCE, or write kernel = { path = \"DIR\" } in [sel4]");
	}
	return dir;
}

struct gen_args {
	const char *source, *kernel_build, *out;
};

static int gen_option(int opt, const char *arg, void *ctx)
{
	struct gen_args *args = ctx;
	if (opt == OPT_SOURCE)
		args->source = arg;
	else if (opt == OPT_KERNEL_BUILD)
		args->kernel_build = arg;
	else
		args->out = arg; /* -o */
	return -1;
}

int cmd_gen(int argc, char **argv)
{
	static const struct option options[] = {
		CLI_COMMON_LONG_OPTIONS,
		{ "source", required_argument, NULL, OPT_SOURCE },
		{ "kernel-build", required_argument, NULL, OPT_KERNEL_BUILD },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct gen_args args = { NULL, NULL, NULL };
	struct cli_common common;
	cli_common_init(&common);
	int status = cli_parse(&common, argc, argv, options, "o:", usage, gen_option, &args);
	if (status >= 0)
		return status;
	const char *source = args.source, *kernel_build = args.kernel_build, *out = args.out;
	if (!out)
		return cli_usage_error(usage, "missing -o OUT");

	struct arena *a = arena_new();
	status = EXIT_TROUBLE;
	struct cfg_model *m = cli_load_config(a, &common);
	struct cfg_resolved *r = m ? cfg_resolve(a, m, &common.sel) : NULL;
	const char *tree = r ? kernel_tree(a, m, source) : NULL;
	if (tree) {
		const struct cfg_resolved_item *kp = cfg_resolved_get(&r->config, "KernelPlatform");
		struct libsel4_request req = {
			.source = tree,
			.config_dir = kernel_build,
			.out = out,
			.sel4_arch = common.sel.sel4_arch,
			.arch = common.sel.arch,
			.kernel_platform = kp && kp->value.kind == CFG_STRING ? kp->value.s : common.sel.platform,
			.cross_prefix = r->build && r->build->cross_compiler_prefix ? r->build->cross_compiler_prefix : "",
		};
		int rc = 0;
		/* Without a configured kernel build, evaluate the tree's configuration ourselves.  Only
		 * x86 is checked against CMake so far: the ARM and RISC-V configure steps also derive
		 * values from device trees, which the evaluator does not do yet. */
		if (!kernel_build && strcmp(common.sel.arch, "x86") != 0) {
			diag_error(NULL, "computing the CONFIG_ values for arch '%s' without CMake is not supported yet",
				   common.sel.arch);
			diag_note(NULL, "configure the kernel with its CMake and pass --kernel-build DIR");
			rc = -1;
		} else if (!kernel_build) {
			rc = libsel4_native_config(a, tree, &r->config, &req.kernel_json, &req.sel4_json);
		}
		if (rc == 0 && libsel4_generate(a, &req) == 0) {
			printf("libsel4 for %s (%s, %s) written to %s\n", common.sel.platform, common.sel.sel4_arch,
			       cfg_profile_name(common.sel.profile), out);
			status = 0;
		}
	}
	arena_free(a);
	return status;
}
