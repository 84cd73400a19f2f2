/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Extraction of ABI facts from a C include tree with libclang: the tree is compiled as one
 * translation unit (`#include <HEADER>`) for a target, and every declaration and macro whose
 * definition lies inside one of the include folders becomes facts (see facts.h).
 */
#ifndef SELFE_ABI_EXTRACT_H
#define SELFE_ABI_EXTRACT_H

#include <stddef.h>

#include "facts.h"

struct extract_options {
	const char *target;           /* a clang target triple; NULL: the host */
	const char *header;           /* what to include; NULL: "sel4/sel4.h" */
	const char *const *include_dirs; /* -I folders; facts come only from files below them */
	size_t n_include_dirs;
	const char *const *defines;   /* "NAME" or "NAME=VALUE" */
	size_t n_defines;
	const char *const *extra_args; /* passed to clang as they are */
	size_t n_extra_args;
};

/*
 * Adds the facts of the tree to `out` (canonical on return).  Returns 0, or -1 after reporting
 * (a compiler error in the tree is reported with its file:line:col).
 */
int abi_extract(const struct extract_options *o, struct facts *out);

/*
 * Replaces clang's names of anonymous types, "(unnamed struct at FILE:L:C)" and the like, by
 * "(anonymous)", so that facts never depend on where a tree lives.  Returns a malloc'd string.
 */
char *abi_clean_type_name(const char *spelling);

#endif
