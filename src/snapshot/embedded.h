/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The seL4 interface snapshot compiled into selfe (snapshot/sel4-VERSION/ in the repository:
 * interface XML, .bf files, our hand-written libsel4 headers, the kernel option table).
 */
#ifndef SELFE_SNAPSHOT_EMBEDDED_H
#define SELFE_SNAPSHOT_EMBEDDED_H

#include "embed/folder.h"

extern const struct embed_folder snapshot_embedded;

/* The seL4 release the snapshot describes (its VERSION file), e.g. "16.0.0"; "" when absent. */
const char *snapshot_version(struct arena *a);
/* The snapshot as a folder in selfe's cache (see embed_materialize); NULL after reporting. */
const char *snapshot_folder(struct arena *a);

#endif
