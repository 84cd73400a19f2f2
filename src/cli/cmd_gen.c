/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe gen: write a complete libsel4 (headers, libsel4.a, sel4.pc) for the selected configuration. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: selfe gen [selection] [--source DIR] [--kernel-build DIR] [--offline] -o OUT\n"
	"\n"
	"Generates libsel4 for the selected platform, sel4_arch and profile: OUT/include (everything\n"
	"#include <sel4/sel4.h> needs), OUT/lib/libsel4.a and OUT/lib/pkgconfig/sel4.pc.  OUT is\n"
	"replaced only when everything succeeded.\n"
	"\n"
	"  --source DIR         the seL4 tree (default: $SEL4_SOURCE, else the config's kernel\n"
	"                       source: its path, or its copy in selfe's cache, else the embedded\n"
	"                       seL4 snapshot)\n"
	"  --kernel-build DIR   take the CONFIG_ values from a kernel build folder where the\n"
	"                       kernel's CMake configure step has run (default: selfe computes\n"
	"                       them from the tree's configuration files)\n"
	"  --offline            use the embedded seL4 snapshot even when a tree is available\n"
	"  -o, --output OUT     where to write libsel4\n"
	"\n" CLI_COMMON_USAGE;

static int gen_option(int opt, const char *arg, void *ctx)
{
	(void)opt; /* -o */
	*(const char **)ctx = arg;
	return -1;
}

int cmd_gen(int argc, char **argv)
{
	static const struct option options[] = {
		CLI_COMMON_LONG_OPTIONS,
		CLI_SOURCE_OPTION,
		CLI_KERNEL_BUILD_OPTION,
		CLI_OFFLINE_OPTION,
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL;
	struct project_options o;
	project_options_init(&o);
	int status = cli_parse(&o, argc, argv, options, "o:", usage, gen_option, &out, NULL, NULL);
	if (status >= 0)
		return status;
	if (!out)
		return cli_usage_error(usage, "missing -o OUT");
	if ((status = cli_plan_check(&o, usage)) >= 0)
		return status;

	struct arena *a = arena_new();
	status = EXIT_TROUBLE;
	struct project p;
	if (project_open(a, &o, &p) == 0 && project_gen(&p, out) == 0) {
		const struct cfg_selection *sel = &p.r->sel;
		printf("libsel4 for %s (%s, %s) from %s written to %s\n", sel->platform, sel->sel4_arch,
		       cfg_profile_name(sel->profile), p.libsel4_from, out);
		status = 0;
	}
	arena_free(a);
	return status;
}
