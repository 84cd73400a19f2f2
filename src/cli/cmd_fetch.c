/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe fetch: bring the config's git sources into selfe's cache, refreshing branches. */
#include <stdio.h>
#include <stdlib.h>

#include "build/source.h"
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
	struct cli_common common;
	cli_common_init(&common);
	int opt;
	opterr = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "+:" CLI_COMMON_SHORT_OPTIONS, options, NULL)) != -1) {
		if (cli_common_option(&common, opt, optarg))
			continue;
		if (opt == 'h') {
			fputs(usage, stdout);
			return 0;
		}
		if (opt == ':')
			return cli_usage_error(usage, "option '%s' needs a value", argv[optind - 1]);
		return cli_usage_error(usage, "unknown option '%s'", argv[optind - 1]);
	}
	if (optind < argc)
		return cli_usage_error(usage, "unexpected argument '%s'", argv[optind]);
	struct arena *a = arena_new();
	struct cfg_model *m = cli_load_config(a, &common);
	int status = m ? 0 : EXIT_TROUBLE;
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
