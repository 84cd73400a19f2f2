/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe build: libsel4, then the root task ([app], or the platform's make_root_task). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: selfe build [selection] [--source DIR] [--offline]\n"
	"\n"
	"Builds the root task of the selected platform and profile into\n"
	"target/selfe/PLATFORM-PROFILE/ beside sel4.toml: libsel4 (from the kernel's seL4 tree,\n"
	"else the embedded snapshot), selfe-start and selfe-runtime, then the [app] (or, when\n"
	"[build.PLATFORM.PROFILE] sets make_root_task, that command).  Only what changed is rebuilt.\n"
	"\n"
	"  --source DIR         the seL4 tree (default: $SEL4_SOURCE, else the config's kernel source)\n"
	"  --offline            use the embedded seL4 snapshot even when a tree is available\n"
	"\n" CLI_COMMON_USAGE;

int cmd_build(int argc, char **argv)
{
	struct project_options o;
	int status = cli_parse_build_options(&o, argc, argv, usage);
	if (status >= 0)
		return status;
	struct arena *a = arena_new();
	struct project p;
	status = project_open(a, &o, &p) == 0 && project_check(&p, true) == 0 && project_prepare(&p, true) == 0 && project_root_task(&p) == 0 ? 0 : EXIT_TROUBLE;
	if (status == 0 && p.kernel.elf) {
		const char *kimg, *rimg, *gap = project_boot_gap(&p);
		if (gap)
			printf("images: none: %s; the kernel and the root task are built\n", gap);
		else if (project_images(&p, &kimg, &rimg) == 0)
			printf("images: %s%s%s\n", kimg, rimg ? " " : "", rimg ? rimg : "");
		else
			status = EXIT_TROUBLE;
	}
	arena_free(a);
	return status;
}
