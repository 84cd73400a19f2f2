/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe env: the variables a user's own build needs, as shell assignments. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
	"usage: selfe env [selection] [--source DIR] [--offline]\n"
	"\n"
	"Prepares libsel4 and the runtime for the selected platform and profile (as 'selfe build'\n"
	"does), then prints, as shell assignments for eval \"$(selfe env)\":\n"
	"  SEL4_CONFIG_PATH, SEL4_PLATFORM   the selection\n"
	"  SELFE_CC                          the configuration's C compiler\n"
	"  SELFE_CFLAGS                      compile flags (freestanding, libsel4 and runtime headers)\n"
	"  SELFE_LDFLAGS                     link flags to put after your objects (linker script,\n"
	"                                    selfe-start + selfe-runtime, libsel4, libgcc)\n"
	"\n" CLI_COMMON_USAGE;

/* 'value' for sh, with each ' written as '\'' */
static void print_quoted(const char *name, const char *value)
{
	printf("export %s='", name);
	for (const char *p = value ? value : ""; *p; p++) {
		if (*p == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*p);
	}
	puts("'");
}

int cmd_env(int argc, char **argv)
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
	status = EXIT_TROUBLE;
	if (cli_build_prepare(a, &common, &plan, false, &b) == 0 && cli_build_env(a, &b) == 0) {
		static const char *const names[] = { "SEL4_CONFIG_PATH", "SEL4_PLATFORM", "SELFE_CC", "SELFE_CFLAGS",
						     "SELFE_LDFLAGS" };
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (getenv(names[i]))
				print_quoted(names[i], getenv(names[i]));
		status = 0;
	}
	arena_free(a);
	return status;
}
