/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reading JSON (RFC 8259) into a tree that lives in an arena.  Objects keep their keys in
 * document order, which matters for files like seL4's gen_config.json whose order is meaningful.
 */
#ifndef SELFE_JSON_READ_H
#define SELFE_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

enum json_kind { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json_value {
	enum json_kind kind;
	bool b;
	const char *text; /* JSON_STRING: decoded (may hold NUL, see len); JSON_NUMBER: as written */
	size_t len;
	struct json_value *items; /* JSON_ARRAY elements, JSON_OBJECT values */
	const char **keys;        /* JSON_OBJECT */
	size_t count;
};

/* Parse `len` bytes; `path` labels errors (path:line:col).  NULL after reporting. */
struct json_value *json_parse(struct arena *a, const char *path, const char *text, size_t len);
const struct json_value *json_get(const struct json_value *object, const char *key);

#endif
