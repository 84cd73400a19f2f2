/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe fetch: bring the config's git sources into selfe's cache, refreshing branches. */
#include <stdio.h>
#include <stdlib.h>

#include "source/source.h"
#include "cli.h"

static const char usage[] =
	"usage: selfe fetch [selection]\n"
	"\n"
	"Clones the config's git sources (kernel, tools, util_libs) into selfe's cache,\n"
	"${XDG_CACHE_HOME:-~/.cache}/selfe/src/, and updates branches to the remote's head.\n"
	"Tags and revs are fetched once; path sources are only checked.\n"
	"\n" CLI_COMMON_USAGE;

int cmd_fetch(int argc, char **argv)
{
	static const struct option options[] = { CLI_COMMON_LONG_OPTIONS, { NULL, 0, NULL, 0 } };
	struct project_options o;
	project_options_init(&o);
	int status = cli_parse(&o, argc, argv, options, NULL, usage, NULL, NULL, NULL, NULL);
	if (status >= 0)
		return status;
	struct arena *a = arena_new();
	struct project p;
	const struct cfg_model *m = project_open(a, &o, &p) == 0 ? p.m : NULL;
	status = m ? 0 : EXIT_TROUBLE;
	const struct {
		const char *name;
		const struct cfg_source *src;
	} sources[] = { { "kernel", m ? &m->kernel : NULL }, { "tools", m ? &m->tools : NULL }, { "util_libs", m ? &m->util_libs : NULL } };
	for (size_t i = 0; m && i < 3; i++) {
		if (sources[i].src->kind == CFG_SOURCE_NONE)
			continue;
		const char *dir = source_tree(a, sources[i].src, true, true, NULL);
		if (!dir) {
			status = EXIT_TROUBLE;
			continue;
		}
		printf("%s: %s\n", sources[i].name, dir);
	}
	arena_free(a);
	return status;
}
