/* SPDX-License-Identifier: BSD-2-Clause */
/* Helpers shared by the config module's files. */
#ifndef SELFE_CONFIG_INTERNAL_H
#define SELFE_CONFIG_INTERNAL_H

#include "config.h"

void cfg_value_write_toml(struct sb *out, const struct cfg_value *v);
bool cfg_value_equal(const struct cfg_value *a, const struct cfg_value *b);

#endif
