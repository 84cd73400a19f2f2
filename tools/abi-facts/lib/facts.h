/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A set of ABI facts about a C include tree, and its canonical text form.
 *
 * One fact per line, `KIND NAME = VALUE`; the key is everything before the first " = ".
 * Lines starting with '#' and empty lines are comments.  The canonical form is sorted by key
 * (bytewise) with each key once, so two fact files of the same ABI are byte-identical and
 * `diff` works on them as well as `abi-facts compare`.
 *
 * Kinds (what each VALUE holds is documented in tools/abi-facts/README.md):
 *   enum      an enumerator and its value
 *   macro     an object-like macro (integer value and type, or what else it is) or a
 *             function-like macro (its parameter list)
 *   type      a struct, union or enum type: size and alignment in bytes
 *   typedef   a typedef: the type it names, size and alignment
 *   member    a struct or union member: offset and size, or bit offset and width, and type
 *   function  a function: linkage, prototype as written, prototype with canonical types
 *   variable  a variable declaration: linkage and type
 */
#ifndef SELFE_ABI_FACTS_H
#define SELFE_ABI_FACTS_H

#include <stddef.h>

#include "util/sb.h"

struct fact {
	char *key;   /* "KIND NAME" */
	char *value;
};

struct facts {
	struct fact *v;
	size_t n, cap;
	int sorted; /* set by facts_canonicalize / facts_parse */
};

#define FACTS_INIT { 0, 0, 0, 0 }

/* Append a fact (copies the strings). */
void facts_add(struct facts *f, const char *kind, const char *name, const char *value);
/* Sort by key and keep the first-added fact of each key. */
void facts_canonicalize(struct facts *f);
/* The value recorded for KEY ("KIND NAME"), or NULL.  Needs a canonical set. */
const char *facts_find(const struct facts *f, const char *key);
/* Canonical text: one "KEY = VALUE" line per fact, sorted. */
void facts_write(struct facts *f, struct sb *out);
/*
 * Read fact text (`path` names it in messages).  Malformed lines and a key given twice are
 * errors (`path:line:col: error: ...`); returns 0 or -1.  The result is canonical.
 */
int facts_parse(struct facts *f, const char *text, const char *path);
void facts_free(struct facts *f);

struct facts_diff_count {
	size_t compared;       /* distinct keys over both sets */
	size_t only_a, only_b; /* missing on the other side */
	size_t different;      /* same key, other value */
};

/*
 * Every difference between two canonical sets, one per line into `report`:
 *     only in NAME_A: KEY = VALUE
 *     only in NAME_B: KEY = VALUE
 *     different: KEY
 *         NAME_A: VALUE
 *         NAME_B: VALUE
 * Returns the number of differences (0 when the sets are equal).
 */
size_t facts_compare(const struct facts *a, const struct facts *b, const char *name_a,
		     const char *name_b, struct sb *report, struct facts_diff_count *count);

/* Split a key into kind and name (pointers into `key`; *kind_len is the kind's length). */
const char *fact_key_name(const char *key, size_t *kind_len);

#endif
