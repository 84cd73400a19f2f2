/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * selfe-arc on the host: packing files into an archive a root task reads in place (the layout
 * is in runtime/include/selfe/arc.h; reading uses the runtime's own reader, so the host checks
 * an archive exactly as a root task will).
 */
#ifndef SELFE_ARC_H
#define SELFE_ARC_H

#include <stddef.h>

#include "util/sb.h"

/* One file to pack: the name it gets in the archive, and where its bytes come from. */
struct arc_input {
	const char *name;
	const char *path;
};

/*
 * Reads a command-line FILE argument: "NAME=PATH" (everything before the first '=' is the name)
 * or "PATH" (the name is PATH's last component).  The strings are borrowed from `arg` or, for
 * NAME=PATH, allocated in *owned (free it after use).  Never fails: names are checked when
 * packing.
 */
void arc_input_parse(const char *arg, struct arc_input *in, char **owned);

/*
 * Checks the names (non-empty, at most 255 bytes, no NUL, no two alike), reads every file and
 * appends the archive's bytes to *out.  Files are placed in the order given, each starting on a
 * 4 KiB boundary of the data area.  Returns 0, or -1 after reporting every problem found.
 */
int arc_build(struct sb *out, const struct arc_input *in, size_t n);

/* arc_build, then an atomic write to out_path.  Returns 0, or -1 after reporting. */
int arc_pack(const char *out_path, const struct arc_input *in, size_t n);

#endif
