/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared helpers of the TOML unit tests. */
#include "toml_helpers.h"

#include <string.h>

struct toml_table *th_parse(struct arena *a, const char *text, const char **msg)
{
	struct toml_error err;
	struct toml_table *t = toml_parse(a, text, strlen(text), &err);
	*msg = t ? NULL : arena_printf(a, "%u:%u: %s", err.pos.line, err.pos.col, err.msg);
	return t;
}

const char *th_error(struct arena *a, const char *text)
{
	const char *msg;
	return th_parse(a, text, &msg) ? "(parsed)" : msg;
}

const struct toml_value *th_get(const struct toml_table *t, const char *path)
{
	char key[256];
	const struct toml_value *v = NULL;
	while (t) {
		size_t n = strcspn(path, ".");
		if (n >= sizeof(key))
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		v = toml_table_get(t, key);
		if (!v || !path[n])
			return v;
		path += n + 1;
		t = v->kind == TOML_TABLE ? v->u.tab : NULL;
	}
	return NULL;
}

const char *th_value_text(struct arena *a, const struct toml_value *v)
{
	struct sb sb = SB_INIT;
	toml_write_value(&sb, v);
	const char *r = arena_strndup(a, sb_str(&sb), sb.len);
	sb_release(&sb);
	return r;
}
