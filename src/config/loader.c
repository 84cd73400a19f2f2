/* SPDX-License-Identifier: BSD-2-Clause */
/* What every table's loader uses: typed reads of entries and notes that name what is known. */
#include <string.h>

#include "loader.h"
#include "util/suggest.h"

void note_suggestion(struct loader *ld, const char *word, const char *const *known)
{
	const char *s = suggest_closest(word, known);
	if (s)
		LD_NOTE(ld, "did you mean '%s'?", s);
}

void note_known(struct loader *ld, const char *what, const char *const *known)
{
	struct sb list = SB_INIT;
	for (size_t i = 0; known[i]; i++)
		sb_addf(&list, "%s'%s'", i ? ", " : "", known[i]);
	LD_NOTE(ld, "%s: %s", what, sb_str(&list));
	sb_release(&list);
}

const char *str_of(struct loader *ld, const struct toml_entry *e)
{
	return arena_strndup(ld->a, e->value.u.s.ptr, e->value.u.s.len);
}

/* A string value with no NUL bytes in it; `what` names it in messages. */
const char *expect_string(struct loader *ld, const struct toml_entry *e, const char *where, bool allow_empty)
{
	if (e->value.kind != TOML_STRING) {
		LD_ERROR(ld, e->value.pos, "'%s' in %s must be a string, not %s %s", e->key.ptr, where,
			 e->value.kind == TOML_INTEGER || e->value.kind == TOML_ARRAY ? "an" : "a",
			 toml_kind_name(e->value.kind));
		return NULL;
	}
	if (memchr(e->value.u.s.ptr, '\0', e->value.u.s.len)) {
		LD_ERROR(ld, e->value.pos, "'%s' in %s contains a NUL character", e->key.ptr, where);
		return NULL;
	}
	if (!allow_empty && e->value.u.s.len == 0) {
		LD_ERROR(ld, e->value.pos, "'%s' in %s must not be empty", e->key.ptr, where);
		return NULL;
	}
	return str_of(ld, e);
}

const struct toml_table *expect_table(struct loader *ld, const struct toml_entry *e, const char *title)
{
	if (e->value.kind != TOML_TABLE) {
		LD_ERROR(ld, e->key_pos, "%s must be a table, not %s %s", title,
			 e->value.kind == TOML_INTEGER || e->value.kind == TOML_ARRAY ? "an" : "a",
			 toml_kind_name(e->value.kind));
		return NULL;
	}
	return e->value.u.tab;
}
