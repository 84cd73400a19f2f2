/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared helpers of the TOML unit tests: parse-or-describe and path lookup. */
#ifndef SELFE_TESTS_TOML_HELPERS_H
#define SELFE_TESTS_TOML_HELPERS_H

#include "toml/toml.h"

/* Parses text; NULL on error with "LINE:COL: message" in *msg (arena), else the root. */
struct toml_table *th_parse(struct arena *a, const char *text, const char **msg);
/* "LINE:COL: message" for text that must fail, or "(parsed)" when it did not fail. */
const char *th_error(struct arena *a, const char *text);
/* Value at a dotted path of bare keys ("a.b.c"); NULL when absent or not a table on the way. */
const struct toml_value *th_get(const struct toml_table *t, const char *path);
/* The written TOML form of a value (arena copy). */
const char *th_value_text(struct arena *a, const struct toml_value *v);

#endif
