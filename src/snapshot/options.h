/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The snapshot's kernel option table (snapshot/sel4-VERSION/options.toml): for every supported
 * offline configuration, the ordered CONFIG_ entries of the kernel and libsel4 configuration
 * libraries with their values, and per entry the CMake option behind it, its kind, type and
 * default.  The format is described at the top of the file itself.
 *
 * Reading: the two gen_config.json texts for a platform / sel4_arch / profile and the user's
 * resolved [sel4.config], byte for byte what the kernel's CMake writes for that configuration,
 * or a precise error when the snapshot cannot honour what was asked.
 * Writing: the table itself, evaluated from a seL4 tree with src/gen/kconfig, so moving the
 * snapshot to a new release is one command (tools/snapshot-options).
 */
#ifndef SELFE_SNAPSHOT_OPTIONS_H
#define SELFE_SNAPSHOT_OPTIONS_H

#include <stddef.h>

#include "config/config.h"
#include "util/arena.h"
#include "util/sb.h"

struct snapshot_options_request {
	const char *table;      /* options.toml text */
	size_t table_len;
	const char *table_path; /* labels messages about the table itself */
	const char *platform;   /* the selection: pc99, sabre, ... */
	const char *sel4_arch;  /* x86_64, aarch32, ... */
	enum cfg_profile profile;
	/* The resolved [sel4.config]: KernelIsMCS picks the MCS configuration; every other value
	 * must be one the configuration was evaluated with or the value the option has in it. */
	const struct cfg_resolved_list *config;
};

/*
 * Fill *kernel_json and *sel4_json (arena strings) as libsel4_generate() takes them.  Returns 0,
 * or -1 after reporting: the platform / sel4_arch / profile / MCS combination has no
 * configuration in the table, or a setting cannot be honoured (the error names the option, the
 * value asked and where it was set, and the values the snapshot supports), or the table is
 * malformed.
 */
int snapshot_options_json(struct arena *a, const struct snapshot_options_request *req, const char **kernel_json,
			  const char **sel4_json);

#endif
