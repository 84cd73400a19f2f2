/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe build: libsel4, then the root task ([app], or the platform's make_root_task). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "cli.h"
#include "util/path.h"
#include "util/proc.h"

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
	static const struct option options[] = {
		CLI_COMMON_LONG_OPTIONS,
		CLI_SOURCE_OPTION,
		CLI_OFFLINE_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	struct libsel4_plan plan = { NULL, NULL, false };
	struct cli_common common;
	cli_common_init(&common);
	int status = cli_parse(&common, argc, argv, options, NULL, usage, cli_plan_on_option, &plan);
	if (status >= 0 || (status = cli_plan_check(&plan, usage)) >= 0)
		return status;
	struct arena *a = arena_new();
	struct cli_build b;
	status = cli_build_prepare(a, &common, &plan, true, &b) == 0 && cli_build_root_task(a, &b) == 0 ? 0 : EXIT_TROUBLE;
	if (status == 0 && b.kernel.elf) {
		const char *kimg, *rimg;
		if (cli_build_images(a, &b, &kimg, &rimg) == 0)
			printf("images: %s%s%s\n", kimg, rimg ? " " : "", rimg ? rimg : "");
		else
			status = EXIT_TROUBLE;
	}
	arena_free(a);
	return status;
}
