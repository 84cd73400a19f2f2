/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Build steps that run only when needed.  A step is one command producing one output file; it
 * is up to date when the output exists, the command recorded beside it (OUTPUT.cmd) is the same,
 * and no input — the ones named, and those the compiler listed in OUTPUT.d (-MMD) — is newer
 * than the output.  This is make's rule plus a command check, so changed flags rebuild too.
 * A step that runs starts from no output at all.
 */
#ifndef SELFE_APP_STEPS_H
#define SELFE_APP_STEPS_H

#include <stdbool.h>

#include "util/arena.h"

struct step_stats {
	int run, skipped;
	bool verbose; /* print every command run */
};

/*
 * Run `argv` unless the step is up to date.  `inputs` (NULL-terminated, may be NULL) are files
 * the output depends on besides what OUTPUT.d lists.  Returns 0, or -1 after reporting.
 */
int step_run(struct arena *a, struct step_stats *stats, const char *output, const char *const *argv,
	     const char *const *inputs);

/* The same rule for work done inside selfe: make(ctx) (0 on success) runs unless OUTPUT is up
 * to date with `recipe`, a text naming everything the output is made from besides `inputs`. */
int step_make(struct arena *a, struct step_stats *stats, const char *output, const char *recipe,
	      const char *const *inputs, int (*make)(void *ctx), void *ctx);

#endif
