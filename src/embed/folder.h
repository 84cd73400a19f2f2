/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Folders compiled into selfe (scripts/embed-folder writes their tables): the seL4 interface
 * snapshot and the root-task runtime.  Their consumers (the generator, the compiler) read
 * folders, so an embedded folder is written out once into selfe's cache,
 * ${XDG_CACHE_HOME:-~/.cache}/selfe/<kind>/<name>-<content hash>/, and used from there.
 */
#ifndef SELFE_EMBED_FOLDER_H
#define SELFE_EMBED_FOLDER_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

/* One table entry: offsets relative to the folder's base symbol (position independent). */
struct embed_entry {
	uint32_t name, data, end;
};

struct embed_folder {
	const char *kind; /* cache sub-folder: "snapshot", "runtime" */
	const char *name; /* folder name prefix in the cache */
	const unsigned char *base;
	const uint32_t *count;
	const struct embed_entry *table;
};

/* Declares the symbols scripts/embed-folder defines for PREFIX. */
#define EMBED_FOLDER_SYMBOLS(prefix)                                                               \
	extern const unsigned char prefix##_base[];                                                \
	extern const uint32_t prefix##_count;                                                      \
	extern const struct embed_entry prefix##_table[]

/* One embedded file: its path relative to the folder and its bytes. */
struct embed_file {
	const char *path;
	const unsigned char *data;
	size_t len;
};

/* The file at `path`; its data is NULL when the folder has none. */
struct embed_file embed_find(const struct embed_folder *f, const char *path);

/*
 * The folder on disk: written into the cache on first use under a temporary name and renamed,
 * so a concurrent or interrupted run never sees half of it; reused afterwards.  The name carries
 * the content hash, so another selfe never reuses it.  Returns the path, or NULL after reporting.
 */
const char *embed_materialize(struct arena *a, const struct embed_folder *f);

#endif
