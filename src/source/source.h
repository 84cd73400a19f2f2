/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Kernel (and tools) sources: a `path` source is used in place; a `git` source lives in selfe's
 * cache, ${XDG_CACHE_HOME:-~/.cache}/selfe/src/, one folder per repository and branch/tag/rev.
 * A branch or tag is cloned shallow, a rev fully and then checked out; the checked-out commit is
 * verified; a lock file serialises concurrent runs on one folder.
 */
#ifndef SELFE_SOURCE_H
#define SELFE_SOURCE_H

#include <stdbool.h>

#include "config/config.h"
#include "util/arena.h"

/* The cache folder a git source uses (it may not exist yet). */
const char *source_cache_dir(struct arena *a, const struct cfg_source *src);

/*
 * The tree for a source.  A path source must exist.  A git source is taken from the cache; when
 * absent and `fetch` is true it is cloned, otherwise NULL is returned *without* a report (the
 * caller decides whether that is an error).  With `refresh`, a branch is updated to the
 * remote's head.  NULL after reporting on any failure.
 */
const char *source_tree(struct arena *a, const struct cfg_source *src, bool fetch, bool refresh, bool *missing);

/*
 * The tree to build from: `tree` itself, or — when some of its symbolic links are stored as
 * files holding the link's target (a checkout without link support) — a copy in selfe's cache
 * with those links restored, made once per state of the tree.  NULL after reporting.
 */
const char *source_with_links(struct arena *a, const char *tree);

#endif
