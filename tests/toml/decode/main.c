/* SPDX-License-Identifier: BSD-2-Clause */
/* toml-decode: the toml-test decoder interface (TOML on stdin, tagged JSON on stdout). */
#include <stdio.h>
#include <stdlib.h>

#include "toml/toml.h"
#include "util/json.h"

static void emit(struct sb *out, const struct toml_value *v);

static void emit_table(struct sb *out, const struct toml_table *t)
{
	sb_addch(out, '{');
	for (size_t i = 0; i < t->len; i++) {
		if (i)
			sb_addch(out, ',');
		json_write_string(out, t->items[i].key.ptr, t->items[i].key.len);
		sb_addch(out, ':');
		emit(out, &t->items[i].value);
	}
	sb_addch(out, '}');
}

static const char *type_tag(enum toml_kind k)
{
	switch (k) {
	case TOML_STRING:
		return "string";
	case TOML_INTEGER:
		return "integer";
	case TOML_FLOAT:
		return "float";
	case TOML_BOOL:
		return "bool";
	case TOML_DATETIME:
		return "datetime";
	case TOML_DATETIME_LOCAL:
		return "datetime-local";
	case TOML_DATE_LOCAL:
		return "date-local";
	case TOML_TIME_LOCAL:
		return "time-local";
	default:
		return "";
	}
}

static void emit(struct sb *out, const struct toml_value *v)
{
	if (v->kind == TOML_TABLE) {
		emit_table(out, v->u.tab);
		return;
	}
	if (v->kind == TOML_ARRAY) {
		sb_addch(out, '[');
		for (size_t i = 0; i < v->u.arr->len; i++) {
			if (i)
				sb_addch(out, ',');
			emit(out, &v->u.arr->items[i]);
		}
		sb_addch(out, ']');
		return;
	}
	sb_addf(out, "{\"type\":\"%s\",\"value\":", type_tag(v->kind));
	if (v->kind == TOML_STRING) {
		json_write_string(out, v->u.s.ptr, v->u.s.len);
	} else {
		/* TOML's own spelling of numbers, booleans and RFC 3339 date-times is what
		 * toml-test wants inside the quotes. */
		sb_addch(out, '"');
		toml_write_value(out, v);
		sb_addch(out, '"');
	}
	sb_addch(out, '}');
}

int main(void)
{
	struct sb in = SB_INIT;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		sb_add(&in, buf, n);
	if (ferror(stdin)) {
		fprintf(stderr, "toml-decode: error: cannot read standard input\n");
		return 2;
	}
	struct arena *a = arena_new();
	struct toml_error err;
	struct toml_table *root = toml_parse(a, in.buf, in.len, &err);
	if (!root) {
		fprintf(stderr, "%u:%u: error: %s\n", err.pos.line, err.pos.col, err.msg);
		arena_free(a);
		sb_release(&in);
		return 1;
	}
	struct sb out = SB_INIT;
	emit_table(&out, root);
	sb_addch(&out, '\n');
	fwrite(out.buf, 1, out.len, stdout);
	sb_release(&out);
	arena_free(a);
	sb_release(&in);
	return fflush(stdout) == 0 ? 0 : 2;
}
