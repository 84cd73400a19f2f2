/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared by the bitfield tests: load a .bf text from a string and capture what went wrong. */
#ifndef SELFE_TESTS_BF_HELPERS_H
#define SELFE_TESTS_BF_HELPERS_H

#include "gen/bf/bf.h"

/* Parses and lays out `text` as "t.bf"; diagnostics go to `errors` (NULL: must succeed). */
struct bf_file *bf_test_load(struct arena *a, const char *text, struct sb *errors);
/* The diagnostics of loading `text`, which must fail; the caller frees the string. */
char *bf_test_errors(const char *text);
const struct bf_block *bf_test_block(const struct bf_file *f, const char *name);
const struct bf_field *bf_test_field(const struct bf_block *b, const char *name);

#endif
