/* SPDX-License-Identifier: BSD-2-Clause */
/* Private to src/toml/: the parser's state and the helpers its files share. */
#ifndef SELFE_TOML_INTERNAL_H
#define SELFE_TOML_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "toml.h"

/* Nesting bound (arrays, inline tables, table levels): keeps the recursive parser, writer and
 * comparison within a small stack whatever the input. */
#define TOML_MAX_DEPTH 400

/* struct toml_table.flags */
enum {
	TOML_TF_IMPLICIT = 1u << 0, /* created as a parent by a [header] path */
	TOML_TF_EXPLICIT = 1u << 1, /* defined by [header] or as a [[header]] element */
	TOML_TF_DOTTED = 1u << 2,   /* created (or entered) by a dotted key */
	TOML_TF_INLINE = 1u << 3,   /* written as { ... }: closed to everything later */
	TOML_TF_INDEXED = 1u << 4,  /* its keys are in the parser's hash index */
};

struct toml_hslot {
	const struct toml_table *t; /* NULL: empty slot */
	uint32_t hash;
	uint32_t idx;
};

struct toml_parser {
	struct arena *a;
	const char *s;
	size_t n, i;
	struct toml_error *err;
	bool failed;
	/* Position cache: line/column of offset pc_off; positions are asked for in
	 * mostly increasing order, so converting offsets stays linear overall. */
	size_t start, pc_off, pc_line_start;
	unsigned pc_line, pc_col;
	/* The table that key/value lines currently go into, and its depth. */
	struct toml_table *root, *cur;
	unsigned cur_depth;
	/* Hash index over the keys of big tables: (table, key) -> entry index. */
	struct toml_hslot *hs;
	size_t hcap, hused;
};

/* One part of a (dotted) key. */
struct toml_keypart {
	struct toml_string s;
	size_t off;
	struct toml_pos pos;
};

struct toml_key {
	struct toml_keypart *parts;
	size_t len, cap;
};

/* Errors: the first one sticks.  Returns false so callers can `return toml_fail(...)`. */
bool toml_fail(struct toml_parser *p, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
struct toml_pos toml_pos_at(struct toml_parser *p, size_t off);
/* "end of file", "newline", "'x'" or "U+0007" for the character at off. */
const char *toml_describe(struct toml_parser *p, size_t off);

/* Offset of the first invalid byte, or n when everything is valid UTF-8. */
size_t toml_utf8_check(const char *s, size_t n);

/* string.c: p->i is on a quote.  Multi-line forms only when allow_ml. */
bool toml_parse_string(struct toml_parser *p, struct toml_string *out, bool allow_ml);

/* scalar.c: numbers, booleans, date-times; p->i is on the first character. */
bool toml_parse_scalar(struct toml_parser *p, struct toml_value *out);
/* datetime.c: parse a whole token as one of the date/time kinds. */
bool toml_parse_datetime(struct toml_parser *p, size_t off, const char *tok, size_t len, struct toml_value *out);

/* value.c: depth is the nesting level of the value, bounded by TOML_MAX_DEPTH. */
bool toml_parse_value(struct toml_parser *p, struct toml_value *out, unsigned depth);

/* parse.c: key/value lines (shared with inline tables). */
bool toml_keyval(struct toml_parser *p, struct toml_table *base, unsigned depth);
void toml_skip_ws(struct toml_parser *p);
/* Skip a comment if one starts here; false after reporting a control character in it. */
bool toml_skip_comment(struct toml_parser *p);

/* index.c: key lookup while parsing (-1 when absent) and appending an entry. */
long toml_tab_lookup(struct toml_parser *p, const struct toml_table *t, const char *k, size_t klen);
struct toml_entry *toml_tab_add(struct toml_parser *p, struct toml_table *t, struct toml_string key, struct toml_pos key_pos);

#endif
