/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The one diagnostic sink.  Every message has the form
 *     path:line:col: error: message
 * (line and col omitted when 0, "selfe" when there is no path), followed by optional
 * `note:` lines that say how to fix it.  diag_error() returns -1 so that reporting and failing
 * are one statement: `return diag_error(&at, "...")`.
 */
#ifndef SELFE_DIAG_H
#define SELFE_DIAG_H

#include <stdio.h>

#include "sb.h"

struct loc {
	const char *path;
	unsigned line, col;
};

#define LOC_NONE ((struct loc){ 0, 0, 0 })

int diag_error(const struct loc *at, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_note(const struct loc *at, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* One informational line on stderr ("selfe: ..."), for progress the user should see. */
void diag_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Number of errors reported since start (or the last diag_capture). */
unsigned diag_error_count(void);

/* Tests: send diagnostics into `sink` instead of stderr (NULL restores stderr). */
void diag_capture(struct sb *sink);

#endif
