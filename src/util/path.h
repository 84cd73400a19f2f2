/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Lexical path helpers.  path_X returns a malloc'd string the caller frees; path_X_in returns
 * the same in arena `a` (nothing to free), for code whose strings live in an arena anyway.
 */
#ifndef SELFE_PATH_H
#define SELFE_PATH_H

#include <stdbool.h>

#include "arena.h"

/* `rel` joined to `base` unless already absolute, then normalised ("a/./b/../c" -> "a/c"). */
char *path_join(const char *base, const char *rel);
/* Collapse "//", "." and ".." lexically (a leading ".." of a relative path is kept). */
char *path_normalize(const char *path);
/* The folder part: "a/b.toml" -> "a", "b.toml" -> ".", "/x" -> "/". */
char *path_dirname(const char *path);
/* `path` made absolute against the current folder and normalised. */
char *path_absolute(const char *path);
bool path_is_file(const char *path);
/* selfe's cache folder, ${XDG_CACHE_HOME:-$HOME/.cache}/selfe (malloc'd). */
char *path_cache_root(void);
bool path_is_dir(const char *path);

const char *path_join_in(struct arena *a, const char *base, const char *rel);
const char *path_normalize_in(struct arena *a, const char *path);
const char *path_dirname_in(struct arena *a, const char *path);
const char *path_absolute_in(struct arena *a, const char *path);

#endif
