/* SPDX-License-Identifier: BSD-2-Clause */
/* Whole-file reads and atomic writes (temporary name, then rename: never half-written). */
#ifndef SELFE_FS_H
#define SELFE_FS_H

#include <stddef.h>

/* Read a whole file into a malloc'd, NUL-terminated buffer.  Returns NULL and reports on error. */
char *fs_read_file(const char *path, size_t *len);
/* Write `len` bytes to `path` through `path.tmp.PID` + rename.  Returns 0, or -1 after reporting. */
int fs_write_atomic(const char *path, const void *data, size_t len);

/* mkdir -p.  Returns 0, or -1 after reporting. */
int fs_mkdirs(const char *path);
/* Copy a regular file (creating its folder).  Returns 0, or -1 after reporting. */
int fs_copy_file(const char *from, const char *to);
/* rm -rf; a missing path is not an error.  Returns 0, or -1 after reporting. */
int fs_remove_tree(const char *path);
/* Call fn for every regular file below `dir` (path relative to dir); stops at the first -1. */
int fs_walk_files(const char *dir, int (*fn)(const char *rel, void *ctx), void *ctx);

#endif
