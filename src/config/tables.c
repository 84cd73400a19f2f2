/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The plain (non-layered) tables of sel4.toml: [app], [simulate] and [test].  Each is described
 * once, as a list of typed fields, and that description drives loading with checks, writing back
 * to TOML and comparing.
 */
#include <stddef.h>
#include <string.h>

#include "config_internal.h"
#include "loader.h"
#include "util/regex.h"

enum field_kind { FIELD_STRING, FIELD_STRINGS, FIELD_INTEGER };
enum field_check { CHECK_NONE, CHECK_NAME, CHECK_REGEX };

struct field {
	const char *key;
	enum field_kind kind;
	size_t offset;
	enum field_check check;
	int64_t min, max; /* FIELD_INTEGER */
	const char *unit; /* FIELD_INTEGER, for messages */
};

struct table_spec {
	const char *name;
	size_t offset; /* of the table's struct in cfg_model */
	const struct field *fields;
	const char *const *keys; /* the fields' keys, NULL-terminated, for suggestions */
	const char *required;    /* a key that must be present, or NULL */
};

#define STR(T, f, chk) { #f, FIELD_STRING, offsetof(struct T, f), chk, 0, 0, NULL }
#define STRS(T, f, chk) { #f, FIELD_STRINGS, offsetof(struct T, f), chk, 0, 0, NULL }
#define INT(T, f, lo, hi, u) { #f, FIELD_INTEGER, offsetof(struct T, f), CHECK_NONE, lo, hi, u }

static const struct field app_fields[] = {
	STR(cfg_app, name, CHECK_NAME),
	STRS(cfg_app, sources, CHECK_NONE),
	STRS(cfg_app, include, CHECK_NONE),
	STRS(cfg_app, cflags, CHECK_NONE),
	STRS(cfg_app, ldflags, CHECK_NONE),
	STRS(cfg_app, files, CHECK_NONE),
	/* at least a page; at most 64 MiB, far more than a root task's initial thread needs */
	INT(cfg_app, stack_size, 4096, 64 << 20, "bytes"),
	{ NULL, 0, 0, 0, 0, 0, NULL },
};
static const char *const app_keys[] = { "name", "sources", "include", "cflags", "ldflags", "files", "stack_size", NULL };

static const struct field simulate_fields[] = {
	INT(cfg_simulate, memory, 16, 1 << 20, "MiB"),
	{ NULL, 0, 0, 0, 0, 0, NULL },
};
static const char *const simulate_keys[] = { "memory", NULL };

static const struct field test_fields[] = {
	STRS(cfg_test, expect, CHECK_REGEX),
	STRS(cfg_test, fail, CHECK_REGEX),
	INT(cfg_test, timeout, 1, 24 * 3600, "seconds"),
	{ NULL, 0, 0, 0, 0, 0, NULL },
};
static const char *const test_keys[] = { "expect", "fail", "timeout", NULL };

static const struct table_spec tables[] = {
	{ "app", offsetof(struct cfg_model, app), app_fields, app_keys, "name" },
	{ "simulate", offsetof(struct cfg_model, simulate), simulate_fields, simulate_keys, NULL },
	{ "test", offsetof(struct cfg_model, test), test_fields, test_keys, NULL },
};
#define NTABLES (sizeof(tables) / sizeof(tables[0]))

/* Every table struct starts with `bool present; struct loc at;` (checked below). */
struct table_head {
	bool present;
	struct loc at;
};
_Static_assert(offsetof(struct cfg_app, at) == offsetof(struct table_head, at), "[app] layout");
_Static_assert(offsetof(struct cfg_simulate, at) == offsetof(struct table_head, at), "[simulate] layout");
_Static_assert(offsetof(struct cfg_test, at) == offsetof(struct table_head, at), "[test] layout");

static void *member(const void *table, const struct field *f)
{
	return (char *)table + f->offset;
}

/* A name that becomes a file name: letters, digits, '_', '-', '.', not starting with '.'. */
static bool is_file_name(const char *s)
{
	if (!*s || *s == '.')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_' ||
		      *s == '-' || *s == '.'))
			return false;
	return true;
}

/*
 * Where byte `offset` of a string value lies in the document: the value's position is its
 * opening quote; walk the raw text (escapes take several characters for one byte) so errors
 * point into the pattern.  Multi-line strings keep the value's position.
 */
static struct toml_pos pattern_pos(const struct loader *ld, struct toml_pos pos, size_t offset)
{
	const char *t = ld->text, *end = ld->text + ld->len;
	if (!t)
		return pos;
	for (unsigned line = 1; line < pos.line && t < end; t++)
		if (*t == '\n')
			line++;
	for (unsigned col = 1; col < pos.col && t + 1 < end; t++)
		if (((unsigned char)t[1] & 0xC0) != 0x80)
			col++;
	if (t >= end || (*t != '"' && *t != '\'') || (end - t > 2 && t[1] == t[0] && t[2] == t[0]))
		return pos;
	bool basic = *t == '"';
	t++;
	pos.col++;
	for (size_t done = 0; done < offset && t < end && *t != '\n'; done++) {
		size_t raw = 1;
		if (basic && *t == '\\')
			raw = t[1] == 'u' ? 6 : t[1] == 'U' ? 10 : 2;
		for (size_t k = 0; k < raw && t < end; k++, t++)
			if (((unsigned char)*t & 0xC0) != 0x80)
				pos.col++;
	}
	return pos;
}

static bool check_string(struct loader *ld, const struct field *f, const char *s, struct toml_pos pos, const char *title)
{
	if (f->check == CHECK_NAME && !is_file_name(s)) {
		LD_ERROR(ld, pos, "'%s' in %s must be a file name (letters, digits, '_', '-', '.'), not \"%s\"", f->key, title, s);
		LD_NOTE(ld, "it names the root task's image, e.g. name = \"hello\"");
		return false;
	}
	if (f->check == CHECK_REGEX) {
		struct rx_error err;
		struct rx *re = rx_compile(s, &err);
		if (!re) {
			LD_ERROR(ld, pattern_pos(ld, pos, err.offset), "'%s' in %s: \"%s\" is not a pattern selfe accepts: %s",
				 f->key, title, s, err.msg);
			LD_NOTE(ld, "patterns are a bounded POSIX extended subset (README, [test]); escape a literal character "
				    "with \\\\");
			return false;
		}
		rx_free(re);
	}
	return true;
}

static void load_field(struct loader *ld, void *table, const struct field *f, const struct toml_entry *e, const char *title)
{
	if (f->kind == FIELD_STRING) {
		const char *s = expect_string(ld, e, title, false);
		if (s && check_string(ld, f, s, e->value.pos, title))
			*(const char **)member(table, f) = s;
		return;
	}
	if (f->kind == FIELD_INTEGER) {
		if (e->value.kind != TOML_INTEGER) {
			LD_ERROR(ld, e->value.pos, "'%s' in %s must be an integer (%s), not %s %s", f->key, title, f->unit,
				 e->value.kind == TOML_ARRAY ? "an" : "a", toml_kind_name(e->value.kind));
			return;
		}
		int64_t v = e->value.u.i;
		if (v < f->min || v > f->max) {
			LD_ERROR(ld, e->value.pos, "'%s' in %s is %lld %s, out of range", f->key, title, (long long)v, f->unit);
			LD_NOTE(ld, "write a value from %lld to %lld", (long long)f->min, (long long)f->max);
			return;
		}
		*(int64_t *)member(table, f) = v;
		return;
	}
	if (e->value.kind != TOML_ARRAY) {
		LD_ERROR(ld, e->value.pos, "'%s' in %s must be an array of strings, not %s %s", f->key, title,
			 e->value.kind == TOML_INTEGER ? "an" : "a", toml_kind_name(e->value.kind));
		LD_NOTE(ld, "write %s = [\"...\"]", f->key);
		return;
	}
	const struct toml_array *arr = e->value.u.arr;
	struct cfg_strings *out = member(table, f);
	out->v = arena_alloc(ld->a, (arr->len + 1) * sizeof(*out->v));
	out->n = 0;
	for (size_t i = 0; i < arr->len; i++) {
		const struct toml_value *v = &arr->items[i];
		if (v->kind != TOML_STRING) {
			LD_ERROR(ld, v->pos, "item %zu of '%s' in %s must be a string, not %s %s", i + 1, f->key, title,
				 v->kind == TOML_INTEGER || v->kind == TOML_ARRAY ? "an" : "a", toml_kind_name(v->kind));
			continue;
		}
		if (v->u.s.len == 0 || memchr(v->u.s.ptr, '\0', v->u.s.len)) {
			LD_ERROR(ld, v->pos, "item %zu of '%s' in %s must be a non-empty string without NUL characters", i + 1,
				 f->key, title);
			continue;
		}
		if (check_string(ld, f, v->u.s.ptr, v->pos, title))
			out->v[out->n++] = arena_strndup(ld->a, v->u.s.ptr, v->u.s.len);
	}
}

bool load_plain_table(struct loader *ld, const struct toml_entry *e)
{
	const struct table_spec *spec = NULL;
	for (size_t i = 0; i < NTABLES; i++)
		if (!strcmp(e->key.ptr, tables[i].name))
			spec = &tables[i];
	if (!spec)
		return false;
	const char *title = arena_printf(ld->a, "[%s]", spec->name);
	const struct toml_table *t = expect_table(ld, e, title);
	if (!t)
		return true;
	struct table_head *head = (struct table_head *)((char *)ld->m + spec->offset);
	head->present = true;
	head->at = at(ld, e->key_pos);
	for (size_t i = 0; i < t->len; i++) {
		const struct toml_entry *k = &t->items[i];
		const struct field *f = spec->fields;
		while (f->key && strcmp(f->key, k->key.ptr))
			f++;
		if (f->key) {
			load_field(ld, head, f, k, title);
			continue;
		}
		LD_ERROR(ld, k->key_pos, "unknown %s '%s' in %s", k->value.kind == TOML_TABLE ? "table" : "key", k->key.ptr, title);
		note_suggestion(ld, k->key.ptr, spec->keys);
		note_known(ld, arena_printf(ld->a, "%s has", title), spec->keys);
	}
	if (spec->required && !toml_table_find(t, spec->required)) {
		LD_ERROR(ld, e->key_pos, "%s has no '%s'", title, spec->required);
		LD_NOTE(ld, "add %s = \"...\"", spec->required);
	}
	return true;
}

/* --- writing and comparing -------------------------------------------------------------------------- */

void cfg_plain_tables_write(struct sb *out, const struct cfg_model *m)
{
	for (size_t t = 0; t < NTABLES; t++) {
		const struct table_head *head = (const void *)((const char *)m + tables[t].offset);
		if (!head->present)
			continue;
		sb_addf(out, "\n[%s]\n", tables[t].name);
		for (const struct field *f = tables[t].fields; f->key; f++) {
			if (f->kind == FIELD_STRING) {
				cfg_string_write_toml(out, f->key, *(const char **)member(head, f));
			} else if (f->kind == FIELD_INTEGER) {
				int64_t v = *(const int64_t *)member(head, f);
				if (v)
					sb_addf(out, "%s = %lld\n", f->key, (long long)v);
			} else {
				const struct cfg_strings *l = member(head, f);
				if (!l->v)
					continue;
				sb_addf(out, "%s = [", f->key);
				for (size_t i = 0; i < l->n; i++) {
					sb_adds(out, i ? ", " : "");
					toml_write_string(out, l->v[i], strlen(l->v[i]));
				}
				sb_adds(out, "]\n");
			}
		}
	}
}

static bool strings_equal(const struct cfg_strings *a, const struct cfg_strings *b)
{
	if (!a->v != !b->v || a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]))
			return false;
	return true;
}

bool cfg_plain_tables_equal(const struct cfg_model *a, const struct cfg_model *b)
{
	for (size_t t = 0; t < NTABLES; t++) {
		const struct table_head *x = (const void *)((const char *)a + tables[t].offset);
		const struct table_head *y = (const void *)((const char *)b + tables[t].offset);
		if (x->present != y->present)
			return false;
		for (const struct field *f = tables[t].fields; f->key; f++) {
			bool same;
			if (f->kind == FIELD_STRING) {
				const char *p = *(const char **)member(x, f), *q = *(const char **)member(y, f);
				same = (!p && !q) || (p && q && !strcmp(p, q));
			} else if (f->kind == FIELD_INTEGER) {
				same = *(const int64_t *)member(x, f) == *(const int64_t *)member(y, f);
			} else {
				same = strings_equal(member(x, f), member(y, f));
			}
			if (!same)
				return false;
		}
	}
	return true;
}
