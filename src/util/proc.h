/* SPDX-License-Identifier: BSD-2-Clause */
/* Running a child program: no shell, arguments passed as they are. */
#ifndef SELFE_PROC_H
#define SELFE_PROC_H

#include <stdbool.h>

#include "sb.h"

/*
 * Run argv[0] (found on PATH) with argv.  With `out`, its standard output is collected there;
 * standard error passes through.  Returns the exit status (0 success), or -1 after reporting
 * that the program could not be started or died on a signal; a non-zero exit is reported with
 * the command line.
 */
int proc_run(const char *const *argv, struct sb *out);
/* The executable `name` resolves to (searched on PATH unless it holds a '/'), malloc'd; NULL
 * when there is none. */
char *proc_which(const char *name);
/* True when `name` can be found on PATH (or is a path to an executable). */
bool proc_exists(const char *name);

#endif
