/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The C preprocessor's work on a libsel4 .bf file, done in-process where the file allows it.
 * libsel4's .bf files use only #include (the configuration headers, another .bf file),
 * #ifdef / #ifndef / #if over defined(CONFIG_...), #else and #endif; the headers they include
 * only #pragma once, #include, #define and comments.  That subset is done here; anything else —
 * another directive, an #if that is more than defined() joined by ! && || and parentheses, text
 * in a header, text that cpp would change (a macro's name, a comment, a quote, a backslash) —
 * makes bf_pp say so, and the caller runs the real preprocessor instead.
 *
 * The output is what the bitfield reader consumes from cpp -E: the lines of the file with its
 * conditions applied, and line markers ("# LINE "FILE" FLAGS", flag 1 entering an #include,
 * 2 returning) wherever lines were left out or files change, so that every line of text keeps
 * its file and line.  Whitespace inside a line is kept as written (cpp would reduce runs of it
 * to one space; the reader treats both alike).
 */
#ifndef SELFE_LIBSEL4_BF_PP_H
#define SELFE_LIBSEL4_BF_PP_H

#include <stddef.h>

#include "util/arena.h"
#include "util/sb.h"

struct deps;

struct bf_pp {
	struct arena *a;
	const char *const *dirs; /* the -I folders, in order */
	size_t ndirs;
	struct deps *deps;     /* NULL, or where every file read is noted (util/deps.h) ... */
	const char *generated; /* ... but those below this folder: outputs of this run, not inputs */
	/* Filled in: */
	const char **macros; /* names #defined so far */
	size_t nmacros, macros_cap;
	const char **once; /* files that said #pragma once */
	size_t nonce, once_cap;
	const char *unsupported; /* why the real preprocessor is needed, or NULL */
	int depth;
	unsigned includes; /* files read so far: bounded, so include chains cannot multiply work */
};

/* Preprocess `path` as cpp would reach it through `#include "PATH"` from a file at depth 0,
 * appending to `out` from its entry marker ("# 1 "PATH" 1") to its last line.  Returns 0; 1
 * when the file needs the real preprocessor (pp->unsupported says why, `out` is then to be
 * discarded); -1 after reporting when a file cannot be read. */
int bf_pp_file(struct bf_pp *pp, const char *path, struct sb *out);

#endif
