/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reusing the previous run's outputs: a stamp is a hash of everything an output is made from;
 * when OUT holds an output whose recorded stamp equals the new one, it is linked (or copied) instead of
 * being made again (no compiler run).  Stamps live in OUT/.selfe/NAME.stamp.
 */
#ifndef SELFE_LIBSEL4_REUSE_H
#define SELFE_LIBSEL4_REUSE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/arena.h"

struct stamp {
	struct arena *a;
	uint64_t h;
};

void stamp_init(struct stamp *st, struct arena *a);
void stamp_string(struct stamp *st, const char *s);
/* A value computed elsewhere (e.g. a hash over many files). */
void stamp_value(struct stamp *st, uint64_t v);
/* The file's bytes (-1 after reporting when it cannot be read). */
int stamp_file(struct stamp *st, const char *path);
/* The program `name` as found on PATH: its path, size and modification time (a new compiler
 * version means new outputs). */
void stamp_program(struct stamp *st, const char *name);

/* Link (or copy) `previous` as `to` when OUT's recorded stamp for `key` equals `stamp` (with `to` NULL:
 * only say whether `previous` exists and the stamps are equal). */
bool reuse_previous(struct arena *a, const char *out, const char *key, const char *previous, const struct stamp *st,
		    const char *to);
/* Record the stamp of `key` in the new tree (TMP/.selfe/KEY.stamp). */
int record_stamp(struct arena *a, const char *tmp, const char *key, const struct stamp *st);

#endif
