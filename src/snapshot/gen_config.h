/* SPDX-License-Identifier: BSD-2-Clause */
/* The CONFIG_ values of an offline configuration, from the snapshot's kernel option table. */
#ifndef SELFE_SNAPSHOT_GEN_CONFIG_H
#define SELFE_SNAPSHOT_GEN_CONFIG_H

#include "config/config.h"

/*
 * The kernel and libsel4 gen_config.json texts for the resolved configuration `r` (platform,
 * sel4_arch, profile, every [sel4.config] value), from snapshot/.../options.toml; a precise error
 * when the snapshot cannot honour the platform or a setting.  0, or -1 after reporting.
 */
int snapshot_gen_config(struct arena *a, const struct cfg_resolved *r, const char **kernel_json, const char **sel4_json);

#endif
