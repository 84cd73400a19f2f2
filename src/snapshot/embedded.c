/* SPDX-License-Identifier: BSD-2-Clause */
/* The embedded seL4 snapshot. */
#include "snapshot/embedded.h"

EMBED_FOLDER_SYMBOLS(selfe_snapshot);

const struct embed_folder snapshot_embedded = { "snapshot", "sel4", selfe_snapshot_base, &selfe_snapshot_count,
						selfe_snapshot_table };

const char *snapshot_version(struct arena *a)
{
	struct embed_file f = embed_find(&snapshot_embedded, "VERSION");
	size_t n = f.len;
	while (n && (f.data[n - 1] == '\n' || f.data[n - 1] == ' ' || f.data[n - 1] == '\r'))
		n--;
	return f.data ? arena_printf(a, "%.*s", (int)n, (const char *)f.data) : "";
}

const char *snapshot_folder(struct arena *a)
{
	return embed_materialize(a, &snapshot_embedded);
}
