/* SPDX-License-Identifier: BSD-2-Clause */
/* Whole-file reads and atomic writes (temporary name, then rename: never half-written). */
#ifndef SELFE_FS_H
#define SELFE_FS_H

#include <stddef.h>
#include <sys/stat.h>

/* Read a whole file into a malloc'd, NUL-terminated buffer.  Returns NULL and reports on error. */
char *fs_read_file(const char *path, size_t *len);
/* The same for a file that must be a regular one (a config file): a folder, FIFO or device is
 * refused with a message saying what it is, without blocking on it. */
char *fs_read_regular_file(const char *path, size_t *len);
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
/* The same, also handing over each file's stat (so callers need not stat it again). */
int fs_walk_files_stat(const char *dir, int (*fn)(const char *rel, const struct stat *st, void *ctx), void *ctx);
/* The same, also calling dir_fn (when not NULL) for every folder below `dir` before its files. */
int fs_walk_stat(const char *dir, int (*fn)(const char *rel, const struct stat *st, void *ctx),
		 int (*dir_fn)(const char *rel, const struct stat *st, void *ctx), void *ctx);

/*
 * For folders that are filled privately and then put in place whole (so the files in them
 * need no temporary name of their own):
 * fs_write_new creates `path` as a new file (an existing one is unlinked first, never written
 * through: it may be a hard link) and writes `len` bytes; with `st` non-NULL it receives the
 * new file's stat.  Returns 0, or -1 after reporting (and nothing left behind).
 */
int fs_write_new(const char *path, const void *data, size_t len, struct stat *st);
/* Make `to` a hard link to `from` (replacing `to`); where the file system refuses the link
 * (another device, not permitted), copy instead.  Returns 0, or -1 after reporting. */
int fs_link_or_copy(const char *from, const char *to);
/* Swap two existing paths in one atomic step (renameat2 RENAME_EXCHANGE).  Returns 0, 1 when
 * the system or file system cannot exchange (nothing changed), or -1 after reporting. */
int fs_exchange(const char *a, const char *b);

/*
 * Temporaries of dead processes.  Outputs are written as NAME.tmp.PID (or moved aside as
 * NAME.old.PID) and renamed into place, so a kill leaves one behind; the next run removes those
 * in `dir` whose PID is no longer a live process (files or whole folders).  With `prefix`
 * non-NULL only names starting with it are touched (a folder the user owns); `recurse` looks
 * into subfolders too.  Best effort: returns how many it removed.
 */
int fs_remove_stale_temps(const char *dir, const char *prefix, int recurse);
/* Whether `name` ends in ".tmp.PID" or ".old.PID"; *pid receives PID. */
int fs_temp_name_pid(const char *name, long *pid);

#endif
