/* SPDX-License-Identifier: BSD-2-Clause */
/* What the files that load sel4.toml share: the loader state and the checking helpers. */
#ifndef SELFE_CONFIG_LOADER_H
#define SELFE_CONFIG_LOADER_H

#include <stdbool.h>

#include "config.h"

struct loader {
	struct arena *a;
	const char *path;
	const char *dir;
	struct cfg_model *m;
	int failed;
	const char *text; /* the document (for columns inside string values) */
	size_t len;
};

static inline struct loc at(const struct loader *ld, struct toml_pos p)
{
	return (struct loc){ ld->path, p.line, p.col };
}

/* Report an error and remember that loading failed. */
#define LD_ERROR(ld, pos, ...) ((ld)->failed = 1, diag_error(&(struct loc){ (ld)->path, (pos).line, (pos).col }, __VA_ARGS__))
#define LD_NOTE(ld, ...) diag_note(&(struct loc){ (ld)->path, 0, 0 }, __VA_ARGS__)

void note_suggestion(struct loader *ld, const char *word, const char *const *known);
void note_known(struct loader *ld, const char *what, const char *const *known);
/* A string value with no NUL bytes in it; `where` names the table in messages. */
/* The string value of `e` (which must be a string), in the loader's arena. */
const char *str_of(struct loader *ld, const struct toml_entry *e);
const char *expect_string(struct loader *ld, const struct toml_entry *e, const char *where, bool allow_empty);
const struct toml_table *expect_table(struct loader *ld, const struct toml_entry *e, const char *title);

/* [app], [simulate] and [test] (tables.c): loads `e` when it is one of them and returns true. */
bool load_plain_table(struct loader *ld, const struct toml_entry *e);

#endif
