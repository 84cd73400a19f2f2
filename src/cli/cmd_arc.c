/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe arc: pack data files into a selfe-arc archive, list an archive's files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arc/arc.h"
#include "cli.h"
#include "selfe/arc.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/xalloc.h"

static const char usage[] =
	"usage: selfe arc pack OUT FILE...\n"
	"       selfe arc list ARCHIVE\n"
	"\n"
	"pack  writes the FILEs into the archive OUT (selfe-arc version 1, as the original\n"
	"      selfe-arc).  A FILE is PATH, named in the archive by its last component, or\n"
	"      NAME=PATH to choose the name (a PATH containing '=' needs this form).  Names\n"
	"      must be unique, non-empty and at most 255 bytes.\n"
	"list  checks ARCHIVE as a root task's reader does and prints one line per file:\n"
	"      its size in bytes, a tab, its name.\n";

static int arc_pack_command(int argc, char **argv)
{
	if (argc < 1)
		return cli_usage_error(usage, "'selfe arc pack' needs an output file and at least one FILE");
	if (argc < 2)
		return cli_usage_error(usage, "'selfe arc pack' needs at least one FILE to pack");
	size_t n = (size_t)argc - 1;
	struct arc_input *in = xcalloc(n, sizeof(*in));
	char **owned = xcalloc(n, sizeof(*owned));
	for (size_t i = 0; i < n; i++)
		arc_input_parse(argv[i + 1], &in[i], &owned[i]);
	int status = arc_pack(argv[0], in, n) ? EXIT_TROUBLE : 0;
	for (size_t i = 0; i < n; i++)
		free(owned[i]);
	free(owned);
	free(in);
	return status;
}

static int arc_list_command(int argc, char **argv)
{
	if (argc == 0)
		return cli_usage_error(usage, "'selfe arc list' needs an ARCHIVE");
	if (argc > 1)
		return cli_usage_error(usage, "unexpected argument '%s'", argv[1]);
	struct loc at = { argv[0], 0, 0 };
	size_t size;
	char *bytes = fs_read_file(argv[0], &size);
	if (!bytes)
		return EXIT_TROUBLE;
	struct selfe_arc arc;
	int status = selfe_arc_open(&arc, bytes, size);
	if (status) {
		diag_error(&at, "not a valid selfe-arc archive: %s", selfe_arc_strerror(status));
		free(bytes);
		return EXIT_TROUBLE;
	}
	for (size_t i = 0; i < selfe_arc_count(&arc); i++) {
		const char *name;
		size_t name_len, len;
		selfe_arc_entry(&arc, i, &name, &name_len, NULL, &len);
		printf("%zu\t%.*s\n", len, (int)name_len, name);
	}
	free(bytes);
	return 0;
}

int cmd_arc(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error(usage, "'selfe arc' needs a subcommand: pack or list");
	const char *sub = argv[1];
	/* No options besides --help: anything else that looks like one is a mistake (a file whose
	 * name starts with '-' can be given as ./-name). */
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(usage, stdout);
			return 0;
		}
	}
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error(usage, "unknown option '%s'", argv[i]);
	if (!strcmp(sub, "pack"))
		return arc_pack_command(argc - 2, argv + 2);
	if (!strcmp(sub, "list"))
		return arc_list_command(argc - 2, argv + 2);
	return cli_usage_error(usage, "unknown 'selfe arc' subcommand '%s' (pack or list)", sub);
}
