/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A set of memory regions that iterates in the same order as the kernel generator's Python
 * set of regions does (CPython 3's set: open addressing, 9 linear probes then perturbation,
 * growth at 3/5 full; a region hashes as the tuple (base, size)).  Which of two equal regions
 * (same base and size, different device tree nodes) survives, and so which node a header
 * comment names, depends on that order; nothing else does.
 */
#ifndef SELFE_HWGEN_PYSET_H
#define SELFE_HWGEN_PYSET_H

#include "hwgen/model.h"

struct rset_entry {
	struct hw_region r;
	int64_t hash;
	int state; /* 0 never used, 1 holds a region, 2 emptied by rset_pop */
};

struct rset {
	struct arena *a;
	struct rset_entry *table;
	size_t mask, fill, used, finger;
};

void rset_init(struct rset *s, struct arena *a);
/* Add r unless an equal region is there (set.add). */
void rset_add(struct rset *s, struct hw_region r);
/* A new set holding the regions of `from` (set(from)). */
void rset_copy(struct rset *s, const struct rset *from);
/* Remove and return a region (set.pop); the set must not be empty. */
struct hw_region rset_pop(struct rset *s);
/* The regions in iteration order, into a new arena array; count in *n. */
struct hw_region *rset_list(const struct rset *s, size_t *n);

/* Sort as Python's sorted() does a short list of regions ordered by base only (equal bases of
 * unequal regions compare "less" both ways, so the result depends on the input order, as it
 * does there). */
void rset_sort(struct hw_region *r, size_t n);

#endif
