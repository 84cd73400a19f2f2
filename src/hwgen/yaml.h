/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A strict reader for the YAML the kernel's hardware rules (tools/hardware.yml) are written in:
 * block mappings, block sequences (also "- key: value" items), plain and simply quoted
 * scalars, comments, an optional "---".  Anything else (flow collections, anchors, aliases,
 * tags, block scalars, tabs in indentation, duplicate keys, scalars whose YAML 1.1 type is
 * ambiguous such as 0755, 1_000, yes/no/on/off) is rejected with file:line:col.
 */
#ifndef SELFE_HWGEN_YAML_H
#define SELFE_HWGEN_YAML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

enum yaml_kind { YAML_SCALAR, YAML_MAP, YAML_SEQ };
enum yaml_scalar { YAML_STR, YAML_INT, YAML_BOOL, YAML_NULL };

struct yaml_node {
	enum yaml_kind kind;
	unsigned line, col;
	/* scalar */
	enum yaml_scalar type;
	const char *str; /* the text (also for ints and bools) */
	uint64_t num;    /* YAML_INT (non-negative), YAML_BOOL (0/1) */
	/* map: keys[i] -> items[i]; seq: items[i] */
	const char **keys;
	struct yaml_node **items;
	size_t n, cap;
};

/* Parse `text` (named `file` in messages).  The document's root, or NULL after reporting. */
struct yaml_node *yaml_parse(struct arena *a, const char *file, const char *text);
/* The value of `key` in map `m`, or NULL. */
struct yaml_node *yaml_get(const struct yaml_node *m, const char *key);

#endif
