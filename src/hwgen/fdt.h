/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A device tree blob read into a tree of nodes, every read bounded by the blob's own sizes.
 * Property values keep their raw bytes; the typed views below decide, as the kernel's generator
 * does, whether a value is a list of strings (printable, NUL-terminated, none empty), a list
 * of 32-bit cells (any other length that is a non-zero multiple of 4) or neither.
 */
#ifndef SELFE_HWGEN_FDT_H
#define SELFE_HWGEN_FDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

struct fdt_prop {
	const char *name;
	const unsigned char *data;
	uint32_t len;
};

struct fdt_node {
	const char *name; /* "cpu@0"; "" for the root */
	const char *path; /* "/cpus/cpu@0"; "/" for the root */
	struct fdt_node *parent;
	struct fdt_node **children;
	size_t nchildren, cap_children;
	struct fdt_prop *props;
	size_t nprops, cap_props;
	uint32_t offset; /* of the node's begin token in the blob, for messages */
	void *irq;       /* the interrupt controller this node is, if any (irq.c) */
	void *groups;    /* kernel region groups made for this node (memo, model.c) */
};

struct fdt {
	struct arena *a;
	const char *file;
	struct fdt_node *root;
	struct fdt_node **nodes; /* every node, in blob order (root first) */
	size_t nnodes, cap_nodes;
};

/* Read `len` bytes of `blob` (named `file` in messages).  0, or -1 after reporting. */
int fdt_read(struct fdt *t, struct arena *a, const char *file, const unsigned char *blob, size_t len);

/* The last property called `name` (a later duplicate replaces an earlier one), or NULL. */
const struct fdt_prop *fdt_prop(const struct fdt_node *n, const char *name);
bool fdt_is_strings(const struct fdt_prop *p);
bool fdt_is_cells(const struct fdt_prop *p);
/* Cell i (big-endian) of a cells property. */
uint32_t fdt_cell(const struct fdt_prop *p, size_t i);
/* The cells of n's property `name`: *cells set, count returned; -1 after reporting when the
 * property is missing or is not a list of cells. */
long fdt_cells(const struct fdt *t, const struct fdt_node *n, const char *name, const struct fdt_prop **out);
/* The first string of n's property `name`, or NULL when absent or not strings. */
const char *fdt_first_string(const struct fdt_node *n, const char *name);
/* The strings of a strings property: count, and up to `max` pointers in `out` (arena copies). */
size_t fdt_strings(struct arena *a, const struct fdt_prop *p, const char **out, size_t max);

struct fdt_node *fdt_by_path(const struct fdt *t, const char *path);
/* The node whose `phandle` is `ph` (the last one, as a later duplicate replaces), or NULL. */
struct fdt_node *fdt_by_phandle(const struct fdt *t, uint32_t ph);

#endif
