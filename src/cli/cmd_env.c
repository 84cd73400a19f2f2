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
	struct project_options o;
	int status = cli_parse_build_options(&o, argc, argv, usage);
	if (status >= 0)
		return status;
	struct arena *a = arena_new();
	struct project p;
	status = EXIT_TROUBLE;
	if (project_open(a, &o, &p) == 0 && project_prepare(&p, false) == 0 && project_env(&p) == 0) {
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
