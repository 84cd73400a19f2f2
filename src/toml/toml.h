/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * TOML 1.0: parse a document into a tree of values with source positions, look values up, and
 * write a tree back out as TOML.
 *
 * Memory: every node and string of a parsed document lives in the arena passed to toml_parse()
 * and dies with it.  The parser has no global state and never prints: on error it fills a
 * struct toml_error and returns NULL.
 *
 * Positions are 1-based; columns count Unicode scalar values (a tab is one column).
 */
#ifndef SELFE_TOML_H
#define SELFE_TOML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"
#include "../util/sb.h"

enum toml_kind {
	TOML_STRING,
	TOML_INTEGER,
	TOML_FLOAT,
	TOML_BOOL,
	TOML_DATETIME,       /* offset date-time: 1979-05-27T07:32:00Z */
	TOML_DATETIME_LOCAL, /* 1979-05-27T07:32:00 */
	TOML_DATE_LOCAL,     /* 1979-05-27 */
	TOML_TIME_LOCAL,     /* 07:32:00 */
	TOML_ARRAY,
	TOML_TABLE,
};

struct toml_pos {
	unsigned line, col;
};

/* Strings may contain NUL (from \u0000): use len.  ptr is NUL-terminated as well. */
struct toml_string {
	const char *ptr;
	size_t len;
};

struct toml_datetime {
	int year, month, day;     /* unused for TOML_TIME_LOCAL */
	int hour, minute, second; /* unused for TOML_DATE_LOCAL */
	uint32_t nanosecond;      /* fractional seconds, truncated to nanoseconds */
	int offset_minutes;       /* TOML_DATETIME only; "Z" is 0 */
};

struct toml_value {
	enum toml_kind kind;
	struct toml_pos pos; /* first character of the value (for tables: header or first key) */
	union {
		struct toml_string s;
		int64_t i;
		double f;
		bool b;
		struct toml_datetime dt;
		struct toml_array *arr;
		struct toml_table *tab;
	} u;
};

struct toml_array {
	size_t len;
	struct toml_value *items;
	size_t cap;      /* parser's bookkeeping */
	bool of_tables;  /* created by [[array.of.tables]] headers */
};

struct toml_entry {
	struct toml_string key;
	struct toml_pos key_pos; /* the key as written (last part of a dotted key) */
	struct toml_value value;
};

/* Entries keep document order. */
struct toml_table {
	size_t len;
	struct toml_entry *items;
	size_t cap;      /* parser's bookkeeping */
	unsigned flags;  /* parser's bookkeeping (explicit / implicit / dotted / inline) */
};

struct toml_error {
	struct toml_pos pos;
	const char *msg; /* lowercase, no position in it; lives in the arena */
};

/* Parse `len` bytes.  Returns the root table, or NULL with *err filled. */
struct toml_table *toml_parse(struct arena *a, const char *text, size_t len, struct toml_error *err);

/* Lookup by key (exact bytes); NULL when absent. */
const struct toml_entry *toml_table_find(const struct toml_table *t, const char *key);
const struct toml_value *toml_table_get(const struct toml_table *t, const char *key);

/* "string", "integer", "float", "boolean", "offset date-time", "local date-time",
 * "local date", "local time", "array", "table". */
const char *toml_kind_name(enum toml_kind kind);

/* Structural equality (floats: NaN equals NaN; tables: same keys and values, any order). */
bool toml_value_equal(const struct toml_value *a, const struct toml_value *b);
bool toml_table_equal(const struct toml_table *a, const struct toml_table *b);

/* Writing TOML.  toml_write() emits a whole document that parses back to an equal tree. */
void toml_write(struct sb *out, const struct toml_table *root);
void toml_write_key(struct sb *out, const char *key, size_t len); /* bare when possible */
void toml_write_string(struct sb *out, const char *s, size_t len); /* basic string, escaped */
void toml_write_value(struct sb *out, const struct toml_value *v); /* inline form */

#endif
