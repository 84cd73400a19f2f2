/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Native stand-ins for the Python tools seL4's kernel build runs.  Each `<tool>_main` takes the
 * script's own command line (argv[0] is the script's path, the rest exactly as the kernel's CMake
 * passes them) and writes byte for byte what the script writes.  Exit status: 0 done, 2 could
 * not do the job (bad arguments, unreadable or malformed input), 1 a check failed (the circular
 * include check).
 */
#ifndef SELFE_PYTOOLS_NATIVE_H
#define SELFE_PYTOOLS_NATIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/sb.h"

int circular_includes_main(int argc, char **argv);
int config_gen_main(int argc, char **argv);
int invocation_header_gen_main(int argc, char **argv);
int invocation_json_gen_main(int argc, char **argv);
int syscall_header_gen_main(int argc, char **argv);
int syscall_stub_gen_main(int argc, char **argv);
int bitfield_gen_main(int argc, char **argv);
/* false for the Isabelle theory modes (--hol_defs, --hol_proofs): the shim passes those to Python */
bool bitfield_gen_native_args(int argc, char **argv);

/* Whether the native tools stand in for `script` (a script of a seL4 16.0.0 tree, see version.c);
 * otherwise the shim hands it to the real interpreter. */
bool pytools_native_for(const char *script);

/* --- shared by the tools ---------------------------------------------------------------------- */

/* One option of a tool's command line: `--name VALUE` (or `--name=VALUE`) when `value` is set,
 * a flag otherwise.  Repeated options keep the last value, except `list` options, which
 * collect every value. */
struct pyopt {
	const char *name;
	const char **value;
	bool *flag;
	const char ***list;
	size_t *nlist;
};

/* Parses argv[1..] against `opts`; the remaining words go to `pos` (at most `maxpos`).  Reports
 * an unknown option, a missing value or too many words and returns -1. */
int pyopt_parse(const char *tool, int argc, char **argv, const struct pyopt *opts, const char **pos,
		size_t maxpos, size_t *npos);

/* Writes `text` to `path` (atomically); "-" or NULL means stdout. */
int pyout_write(const char *path, const struct sb *text);

#endif
