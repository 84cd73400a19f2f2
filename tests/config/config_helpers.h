/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared helpers for the config tests: load text, resolve a selection, capture diagnostics. */
#ifndef SELFE_TEST_CONFIG_HELPERS_H
#define SELFE_TEST_CONFIG_HELPERS_H

#include "config/config.h"

/* Load `text` as "t.toml" in folder "/proj"; NULL on error (diagnostics go to *diag if given). */
struct cfg_model *load_text(struct arena *a, const char *text, struct sb *diag);
/* Select and resolve; NULL on error. */
struct cfg_resolved *resolve(struct arena *a, const struct cfg_model *m, const char *platform, enum cfg_profile profile);
/* The resolved value of `key` rendered as TOML text ("true", "1", "\"x\""), or "(unset)". */
const char *value_of(struct arena *a, const struct cfg_resolved_list *l, const char *key);

#endif
