/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Producing a complete libsel4 for one configuration: the generated headers (interface XML and
 * bitfields), the tree's hand-written headers for the selected arch / sel4_arch / platform /
 * word size, the configuration headers, libsel4.a and sel4.pc, written to OUT atomically.
 */
#ifndef SELFE_LIBSEL4_H
#define SELFE_LIBSEL4_H

#include <stdbool.h>

#include "config/config.h"
#include "util/arena.h"
#include "util/deps.h"
#include "util/json_read.h"
#include "util/sb.h"

struct libsel4_request {
	const char *source;        /* the seL4 tree */
	const char *config_files[2]; /* a configured kernel build's kernel and libsel4 gen_config.json
				      * (kernel_outputs names them), or NULL: */
	const char *kernel_json;   /* the two gen_config.json texts */
	const char *sel4_json;
	const char *out;           /* OUT */
	const char *sel4_arch;     /* x86_64, aarch64, ... */
	const char *arch;          /* x86, arm, riscv */
	const char *kernel_platform; /* KernelPlatform: pc99, imx6, qemu-arm-virt, ... */
	const char *cross_prefix;  /* "" for the host compiler */
	/* With deps (its key already holding the request, util/deps.h): every input is noted and the
	 * record is written as OUT/.selfe/deps, for selfe gen's up-to-date check. */
	struct deps *deps;
};

/* Returns 0, or -1 after reporting; on failure OUT is left as it was.  With `keep_current`, OUT
 * is left untouched (*kept set) when it was made from exactly this request, tree,
 * configuration, compiler and selfe: a rebuild then recompiles nothing against it. */
int libsel4_generate(struct arena *a, const struct libsel4_request *req, bool keep_current, bool *kept);

/* gen_config.h for one configuration library, from its gen_config.json object (keys without
 * the CONFIG_ prefix, values true/false or strings), as seL4's configure step writes it. */
int libsel4_config_header(struct sb *out, const struct json_value *config, const char *path);

/* The two gen_config.json texts for a tree and a resolved configuration, computed without
 * CMake.  Returns 0, or -1 after reporting. */
int libsel4_native_config(struct arena *a, const char *tree, const struct cfg_resolved_list *config, struct deps *deps,
			  const char **kernel_json, const char **sel4_json);

#endif
