/* SPDX-License-Identifier: BSD-2-Clause */
/* Helpers shared by the config module's files. */
#ifndef SELFE_CONFIG_INTERNAL_H
#define SELFE_CONFIG_INTERNAL_H

#include "config.h"

void cfg_value_write_toml(struct sb *out, const struct cfg_value *v);
/* `name = { path = ... }` or `name = { git = ..., tag = ... }`; nothing for an absent source.
 * `absolute` writes the resolved path, so the line means the same from any folder. */
void cfg_source_write_toml(struct sb *out, const char *name, const struct cfg_source *s, bool absolute);
/* `key = "value"`; nothing when value is NULL. */
void cfg_string_write_toml(struct sb *out, const char *key, const char *value);

/* [app], [simulate], [test] (tables.c). */
void cfg_plain_tables_write(struct sb *out, const struct cfg_model *m);
bool cfg_plain_tables_equal(const struct cfg_model *a, const struct cfg_model *b);

#endif
