/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the previous `selfe gen` run knew about its files, so that the next run need not read
 * them again (OUT/.selfe/files):
 * - for each file of the seL4 tree it read: the file's identity (size, modification and change
 *   times in nanoseconds, inode, device) and a hash of its bytes.  While the identity is unchanged the
 *   bytes are taken as unchanged (what make and ninja assume too); a changed identity means
 *   reading and hashing the file again, never trusting the old hash.
 * - for each file below OUT/include: its identity and the hash of its bytes.  A new run whose
 *   header would hold the same bytes hard-links the previous OUT's file (still with that
 *   identity, so nobody edited it) instead of writing it again.
 */
#ifndef SELFE_LIBSEL4_MANIFEST_H
#define SELFE_LIBSEL4_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "util/arena.h"
#include "util/sb.h"

struct file_id {
	long long size, mtime_sec, mtime_nsec, ino, dev;
	/* The change time moves on every change of the bytes, even when the modification time is
	 * put back (touch -r) and the size kept. */
	long long ctime_sec, ctime_nsec;
};

struct manifest_entry {
	char kind;        /* 'T': a file of the tree (by path), 'O': a file below OUT/include (by name) */
	const char *name;
	uint64_t hash;    /* of the bytes */
	struct file_id id;
};

struct manifest {
	struct arena *a;
	struct manifest_entry *entries;
	size_t count, cap;
	size_t hint; /* where the last lookup matched: runs look files up in the same order */
};

void file_id_of(struct file_id *id, const struct stat *st);
bool file_id_equal(const struct file_id *x, const struct file_id *y);
/* The hash of a file's bytes (util/hash.h over the whole content). */
uint64_t content_hash(const void *data, size_t len);

void manifest_init(struct manifest *m, struct arena *a);
/* Load `path` (written by manifest_save); a missing or malformed file gives an empty manifest. */
void manifest_load(struct manifest *m, const char *path);
const struct manifest_entry *manifest_find(struct manifest *m, char kind, const char *name);
/* Add or replace the entry for (kind, name). */
void manifest_put(struct manifest *m, char kind, const char *name, uint64_t hash, const struct file_id *id);
void manifest_format(const struct manifest *m, struct sb *out);
/* Parse manifest_format's text; false (and `m` left empty) when it is not well formed. */
bool manifest_parse(struct manifest *m, const char *text, size_t len);

#endif
