/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Proof programs for a generated libsel4, emitted from the same models the generators use
 * (src/gen/bf, src/gen/iface) but written independently of the emitters: they restate what each
 * generated name must be and let a compiler (and, for the property tests, a run on the target
 * architecture) check the generated headers against it.
 *
 *   proof_emit_bf_structure()     _Static_assert over every bitfield struct and tag enum
 *   proof_emit_iface_structure()  _Static_assert over every invocation label, syscall number and
 *                                 interface struct (size and member offsets)
 *   proof_emit_bf_properties()    a C program that exercises every accessor of every block with
 *                                 random values and exits non-zero on the first disagreement
 *
 * The outputs are C text meant to be compiled with `#include <sel4/sel4.h>` available.
 */
#ifndef SELFE_PROOF_H
#define SELFE_PROOF_H

#include <stdbool.h>
#include <stddef.h>

#include "gen/bf/bf.h"
#include "gen/iface/iface.h"
#include "util/sb.h"

/* Appends one _Static_assert per fact; returns how many were written. */
size_t proof_emit_bf_structure(struct sb *out, const struct bf_file *f);

/*
 * `apis` in the order sel4_arch, arch, generic (as `selfe gen` loads them); `sys` may be NULL.
 * Label values are restated as sums over the configuration's conditions (one 0/1 macro per
 * conditional label) rather than as enum positions, so the emitter's #if nesting is checked too.
 */
size_t proof_emit_iface_structure(struct sb *out, const struct iface_api *const apis[3], const struct iface_syscalls *sys);

struct proof_property_options {
	unsigned long long seed; /* of the xorshift generator in the emitted program */
	unsigned rounds;         /* random values per block (the first three are 0, ~0, 0xaa..) */
	/* Check the tag's _equals on sliced-tag unions too.  Their emitted _equals refers to a
	 * name the header does not define (as seL4's generator does; libsel4 never slices tags),
	 * so only a caller that defines UNION_type_tag before the header may ask for it. */
	bool sliced_equals;
};

/*
 * Test functions for every block and every tagged-union variant of the files, plus a main that
 * runs them all and prints "N passed, N failed" counted per block.  The program needs only
 * <sel4/sel4.h> and a hosted C library (string.h, stdio.h).
 */
void proof_emit_bf_properties(struct sb *out, const struct bf_file *const *files, size_t nfiles,
			      const struct proof_property_options *opt);

#endif
