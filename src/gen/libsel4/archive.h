/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libsel4.a written in-process, as `ar rcsD` writes an archive of one ELF object (GNU format:
 * the "/" symbol index, then the member; no time stamps, owners or modes: reproducible), so
 * that a cold selfe gen starts no archiver.
 */
#ifndef SELFE_LIBSEL4_ARCHIVE_H
#define SELFE_LIBSEL4_ARCHIVE_H

#include <stddef.h>

#include "util/sb.h"

/* The archive holding the object `data` under `name` (at most 15 bytes: GNU ar's short names).
 * Returns 0; 1 when the object is not an ELF file this writer reads (then run ar). */
int archive_one_object(struct sb *out, const char *name, const unsigned char *data, size_t len);

#endif
