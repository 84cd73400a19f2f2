/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * selfe as the kernel build's Python interpreter.  The kernel's CMake runs its tools as
 * `${PYTHON3} SCRIPT ARGS...`; the kernel build points PYTHON3 at a symlink named
 * `selfe-python` to selfe itself.  A script with a native implementation in the table runs in
 * process; any other script (or an interpreter option) is handed to the real Python.
 */
#ifndef SELFE_PYTOOLS_H
#define SELFE_PYTOOLS_H

#include <stdbool.h>

/* The name the symlink has; main() checks argv[0]'s basename against it. */
#define PYTOOLS_SHIM_NAME "selfe-python"
/* Environment variable naming the real interpreter (set by the kernel build). */
#define PYTOOLS_REAL_ENV "SELFE_PYTHON_REAL"
/* File beside the symlink that names the real interpreter too, for a Ninja run by hand. */
#define PYTOOLS_REAL_FILE "real-python"

/* True when argv0's basename is PYTOOLS_SHIM_NAME. */
bool pytools_is_shim(const char *argv0);

/* Behave as `python3 ARGS...`: a native tool's exit code, or the real Python's (via exec). */
int pytools_main(int argc, char **argv);

/*
 * Create (or refresh) DIR/selfe-python -> this selfe executable and DIR/real-python naming
 * `real_python`.  Sets *shim to the symlink's path.  0, or -1 after reporting.
 */
struct arena;
int pytools_make_shim(struct arena *a, const char *dir, const char *real_python, const char **shim);

#endif
