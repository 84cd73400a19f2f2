/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The seL4 interface snapshot compiled into selfe (snapshot/sel4-VERSION/ in the repository:
 * interface XML, .bf files, hand-written libsel4 headers, the kernel option table).  The
 * generator reads a folder, so the snapshot is written out once into selfe's cache,
 * ${XDG_CACHE_HOME:-~/.cache}/selfe/snapshot/sel4-VERSION-HASH/, and used from there.
 */
#ifndef SELFE_SNAPSHOT_EMBEDDED_H
#define SELFE_SNAPSHOT_EMBEDDED_H

#include <stddef.h>

#include "util/arena.h"

/* One embedded file: its path relative to the snapshot folder and its bytes. */
struct snapshot_file {
	const char *path;
	const unsigned char *data;
	size_t len;
};

size_t snapshot_file_count(void);
struct snapshot_file snapshot_file_at(size_t i);
/* The file at `path`, or NULL data when the snapshot has none. */
struct snapshot_file snapshot_find(const char *path);
/* The seL4 release the snapshot describes (its VERSION file), e.g. "16.0.0"; "" when absent. */
const char *snapshot_version(struct arena *a);

/*
 * The snapshot as a folder: written into the cache on first use (under a temporary name, then
 * renamed, so a concurrent or interrupted run never sees half of it), reused afterwards.  The
 * folder name carries a hash of the content, so a selfe with another snapshot never reuses it.
 * Returns the folder, or NULL after reporting.
 */
const char *snapshot_folder(struct arena *a);

#endif
