/* SPDX-License-Identifier: BSD-2-Clause */
/* "did you mean ...?": the closest known word to a misspelt one. */
#ifndef SELFE_SUGGEST_H
#define SELFE_SUGGEST_H

#include <stddef.h>

/* Edit distance (insert, delete, substitute, swap of neighbours), ASCII case-insensitive. */
size_t suggest_distance(const char *a, const char *b);
/* The candidate closest to `word` when it is close enough to be a likely typo, else NULL.
 * `candidates` is NULL-terminated. */
const char *suggest_closest(const char *word, const char *const *candidates);

#endif
