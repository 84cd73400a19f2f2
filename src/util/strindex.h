/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * An index from strings to positions (an open-addressing hash table in an arena), for lists
 * that are searched by key as they grow: keeps loading and resolving a config with tens of
 * thousands of keys linear instead of quadratic.  Keys are not copied: they must outlive it.
 */
#ifndef SELFE_STRINDEX_H
#define SELFE_STRINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

struct str_index {
	struct str_slot {
		const char *key;
		size_t pos;
	} *slot;
	size_t nslot, len; /* nslot: a power of two, at least twice len (or 0) */
};

/* The position stored for `key`, or -1. */
long str_index_get(const struct str_index *ix, const char *key);
/* Store `pos` for `key` (replacing an earlier position of the same key). */
void str_index_put(struct arena *a, struct str_index *ix, const char *key, size_t pos);

#endif
