/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Source-compatibility programs from fact files.
 *
 * Given the facts of one sel4_arch's libsel4 in several configurations (variants, e.g. debug,
 * release, debug_mcs), writes one C program that uses every public name: each function is
 * called from a wrapper whose parameters have the written parameter types, each type declares
 * a variable (and reads every member), each enumerator and integer macro is checked in a
 * static assertion against its value, attribute-like and function-like macros are used the way
 * a program uses them.  Names starting with '_' are not public and are left out.  A fact
 * present in only some variants sits under `#if defined(CONFORMANCE_<variant>) || ...`; the
 * program requires exactly one CONFORMANCE_<variant> to be defined.
 */
#ifndef SELFE_ABI_CONFORMANCE_H
#define SELFE_ABI_CONFORMANCE_H

#include <stddef.h>

#include "facts.h"

#define CONFORMANCE_MAX_VARIANTS 16

struct conformance_variant {
	char *name; /* an identifier: becomes CONFORMANCE_<name> */
	struct facts facts;
};

struct conformance_options {
	const char *title;            /* first comment line; NULL: a default */
	const char *const *exclude;   /* names to leave out */
	size_t n_exclude;
};

/*
 * Appends the program to `out`.  Returns 0, or -1 after reporting (a bad variant name, a
 * macro whose use the generator does not know: add it to the table or exclude it).
 */
int conformance_generate(const struct conformance_variant *v, size_t n, const struct conformance_options *o,
			 struct sb *out);

#endif
