/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The generator's outputs, each into a string buffer, in exactly the kernel generator's text:
 * the kernel header (devices_gen.h), the matched compatible strings (kernel_compat.txt), the
 * memory description as YAML (platform_gen.yaml) and JSON (platform_gen.json), and the
 * elfloader's header.
 */
#ifndef SELFE_HWGEN_EMIT_H
#define SELFE_HWGEN_EMIT_H

#include "hwgen/model.h"
#include "util/sb.h"

/* Kernel config flags (--kernel-config-flags NAME=VALUE). */
struct hw_flags {
	const char **names, **values;
	size_t n;
};

int hw_emit_c_header(struct hw_model *m, struct sb *out);
int hw_emit_compat(struct hw_model *m, struct sb *out);
int hw_emit_yaml(struct hw_model *m, const struct hw_flags *f, struct sb *out);
int hw_emit_json(struct hw_model *m, const struct hw_flags *f, struct sb *out);
int hw_emit_elfloader(struct hw_model *m, struct sb *out);

#endif
