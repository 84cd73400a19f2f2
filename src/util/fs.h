/* SPDX-License-Identifier: BSD-2-Clause */
/* Whole-file reads and atomic writes (temporary name, then rename: never half-written). */
#ifndef SELFE_FS_H
#define SELFE_FS_H

#include <stddef.h>

/* Read a whole file into a malloc'd, NUL-terminated buffer.  Returns NULL and reports on error. */
char *fs_read_file(const char *path, size_t *len);
/* Write `len` bytes to `path` through `path.tmp.PID` + rename.  Returns 0, or -1 after reporting. */
int fs_write_atomic(const char *path, const void *data, size_t len);

#endif
