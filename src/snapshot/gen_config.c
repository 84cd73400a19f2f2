/* SPDX-License-Identifier: BSD-2-Clause */
/* The CONFIG_ values of an offline configuration: the embedded option table, consulted. */
#include "snapshot/gen_config.h"

#include "snapshot/embedded.h"
#include "snapshot/options.h"

#define OPTIONS_FILE "options.toml"

int snapshot_gen_config(struct arena *a, const struct cfg_resolved *r, const char **kernel_json, const char **sel4_json)
{
	struct embed_file f = embed_find(&snapshot_embedded, OPTIONS_FILE);
	if (!f.data)
		return diag_error(NULL, "the embedded snapshot has no kernel option table (%s)", OPTIONS_FILE);
	struct snapshot_options_request req = {
		.table = (const char *)f.data,
		.table_len = f.len,
		.table_path = arena_printf(a, "<embedded snapshot seL4 %s>/%s", snapshot_version(a), OPTIONS_FILE),
		.platform = r->sel.platform,
		.sel4_arch = r->sel.sel4_arch,
		.profile = r->sel.profile,
		.config = &r->config,
	};
	return snapshot_options_json(a, &req, kernel_json, sel4_json);
}
