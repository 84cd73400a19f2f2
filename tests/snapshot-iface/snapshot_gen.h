/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Generating the interface headers of libsel4 from one tree (the embedded snapshot or a real seL4
 * tree) the way src/gen/libsel4/generate.c does: the three object-api XML files to the label
 * headers and the client stubs, syscall.xml to syscall.h, the two .bf files through the target
 * compiler's preprocessor to the bitfield headers.  The configuration is given as -D macros on
 * a stand-in <sel4/config.h>, so a snapshot and a tree see exactly the same one.
 */
#ifndef SNAPSHOT_GEN_H
#define SNAPSHOT_GEN_H

#include <stdbool.h>
#include <stddef.h>

#include "gen/iface/iface.h"
#include "util/arena.h"
#include "util/sb.h"

struct snap_target {
	const char *sel4_arch, *arch;
	const char *cross_prefix;
	unsigned word_bits;
	const char *arch_macros; /* space-separated: what the kernel's configuration sets for it */
};

extern const struct snap_target snap_targets[];
extern const size_t snap_ntargets;

/* Option names that conditions in the interface files test; set together by `every_option`. */
struct snap_options {
	const char **names;
	size_t len, cap;
};

struct snap_config {
	const struct snap_target *t;
	bool mcs;
	bool debug;        /* CONFIG_DEBUG_BUILD, CONFIG_PRINTING, error reports from stubs */
	bool every_option; /* every collected option on, stubs through the IPC buffer only, 64-bit VT-x guests */
	const struct snap_options *options;
};

enum snap_output {
	SNAP_LABELS_SEL4_ARCH,
	SNAP_LABELS_ARCH,
	SNAP_LABELS,
	SNAP_SYSCALLS,
	SNAP_STUBS,
	SNAP_SHARED_TYPES,
	SNAP_TYPES,
	SNAP_NOUTPUTS
};

/* The header each output becomes, relative to libsel4's include folder. */
extern const char *const snap_output_names[SNAP_NOUTPUTS];

struct snap_result {
	struct sb text[SNAP_NOUTPUTS];
	const struct iface_api *apis[3]; /* sel4_arch, arch, generic */
};

/* The snapshot folder of this checkout. */
const char *snap_snapshot_root(struct arena *a);

/* Adds the CONFIG_ names that the XML conditions and .bf #if lines of `root` test for target t,
 * except the kernel API switch and the arch selectors (those follow from the configuration). */
int snap_collect_options(struct arena *a, const char *root, const struct snap_target *t, struct snap_options *o);

/* Writes the stand-in <sel4/config.h> into `dir`/sel4/ (shared by preprocessing and compiling). */
int snap_write_config_standin(struct arena *a, const char *dir);

/* The -D flags of a configuration, each one argv element. */
size_t snap_macros(struct arena *a, const struct snap_config *c, const char **argv, size_t max);

/* Generates every output from `root`; 0, or -1 after the generator or preprocessor reported. */
int snap_generate(struct arena *a, const char *root, const struct snap_config *c, const char *standin_dir,
		  struct snap_result *r);
void snap_result_release(struct snap_result *r);

/*
 * Writes the outputs below `dir`/include together with stand-ins for what seL4 writes by hand
 * (basic types, the capability and attribute types, the structs of the XML, the IPC calls the
 * stubs make), then compiles a file including every output with the target's compiler,
 * -Wall -Wextra -Werror.  0 when it compiles; the compiler's messages go to stderr.
 */
int snap_compile(struct arena *a, const struct snap_config *c, const struct snap_result *r, const char *dir);

#endif
