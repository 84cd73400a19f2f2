/* SPDX-License-Identifier: BSD-2-Clause */
/* Writing a tree as TOML text that parses back to an equal tree. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toml_internal.h"
#include "util/json.h"

static bool bare_ok(const char *key, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = key[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return false;
	}
	return true;
}

void toml_write_key(struct sb *out, const char *key, size_t len)
{
	if (bare_ok(key, len))
		sb_add(out, key, len);
	else
		toml_write_string(out, key, len);
}

void toml_write_string(struct sb *out, const char *s, size_t len)
{
	json_write_string(out, s, len); /* the same escapes */
}

/* The shortest %g form that reads back as the same double, made to look like a TOML float. */
static void write_float(struct sb *out, double f)
{
	if (isnan(f)) {
		sb_adds(out, "nan");
		return;
	}
	if (isinf(f)) {
		sb_adds(out, f < 0 ? "-inf" : "inf");
		return;
	}
	char buf[40];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, f);
		if (strtod(buf, NULL) == f)
			break;
	}
	sb_adds(out, buf);
	if (!strpbrk(buf, ".e"))
		sb_adds(out, ".0");
}

static void write_datetime(struct sb *out, enum toml_kind kind, const struct toml_datetime *dt)
{
	if (kind != TOML_TIME_LOCAL)
		sb_addf(out, "%04d-%02d-%02d", dt->year, dt->month, dt->day);
	if (kind == TOML_DATE_LOCAL)
		return;
	if (kind != TOML_TIME_LOCAL)
		sb_addch(out, 'T');
	sb_addf(out, "%02d:%02d:%02d", dt->hour, dt->minute, dt->second);
	if (dt->nanosecond) {
		char frac[16];
		snprintf(frac, sizeof(frac), "%09u", (unsigned)(dt->nanosecond % 1000000000u));
		size_t fl = strlen(frac);
		while (fl > 1 && frac[fl - 1] == '0')
			fl--;
		sb_addch(out, '.');
		sb_add(out, frac, fl);
	}
	if (kind != TOML_DATETIME)
		return;
	if (dt->offset_minutes == 0) {
		sb_addch(out, 'Z');
	} else {
		int m = dt->offset_minutes < 0 ? -dt->offset_minutes : dt->offset_minutes;
		sb_addf(out, "%c%02d:%02d", dt->offset_minutes < 0 ? '-' : '+', m / 60, m % 60);
	}
}

void toml_write_value(struct sb *out, const struct toml_value *v)
{
	switch (v->kind) {
	case TOML_STRING:
		toml_write_string(out, v->u.s.ptr, v->u.s.len);
		break;
	case TOML_INTEGER:
		sb_addf(out, "%lld", (long long)v->u.i);
		break;
	case TOML_FLOAT:
		write_float(out, v->u.f);
		break;
	case TOML_BOOL:
		sb_adds(out, v->u.b ? "true" : "false");
		break;
	case TOML_DATETIME:
	case TOML_DATETIME_LOCAL:
	case TOML_DATE_LOCAL:
	case TOML_TIME_LOCAL:
		write_datetime(out, v->kind, &v->u.dt);
		break;
	case TOML_ARRAY:
		sb_addch(out, '[');
		for (size_t i = 0; i < v->u.arr->len; i++) {
			if (i)
				sb_adds(out, ", ");
			toml_write_value(out, &v->u.arr->items[i]);
		}
		sb_addch(out, ']');
		break;
	case TOML_TABLE:
		sb_addch(out, '{');
		for (size_t i = 0; i < v->u.tab->len; i++) {
			const struct toml_entry *e = &v->u.tab->items[i];
			sb_adds(out, i ? ", " : " ");
			toml_write_key(out, e->key.ptr, e->key.len);
			sb_adds(out, " = ");
			toml_write_value(out, &e->value);
		}
		sb_adds(out, v->u.tab->len ? " }" : "}");
		break;
	}
}

/* Tables become [sections]; non-empty arrays of tables made by [[headers]] become [[sections]];
 * everything else is written inline. */
static bool aot_section(const struct toml_value *v)
{
	if (v->kind != TOML_ARRAY || !v->u.arr->of_tables || v->u.arr->len == 0)
		return false;
	for (size_t i = 0; i < v->u.arr->len; i++)
		if (v->u.arr->items[i].kind != TOML_TABLE)
			return false;
	return true;
}

static void write_header(struct sb *out, const struct sb *path, bool aot)
{
	if (out->len)
		sb_addch(out, '\n');
	sb_adds(out, aot ? "[[" : "[");
	sb_add(out, path->buf, path->len);
	sb_adds(out, aot ? "]]\n" : "]\n");
}

static void write_table(struct sb *out, const struct toml_table *t, struct sb *path)
{
	for (size_t i = 0; i < t->len; i++) {
		const struct toml_entry *e = &t->items[i];
		if (e->value.kind == TOML_TABLE || aot_section(&e->value))
			continue;
		toml_write_key(out, e->key.ptr, e->key.len);
		sb_adds(out, " = ");
		toml_write_value(out, &e->value);
		sb_addch(out, '\n');
	}
	for (size_t i = 0; i < t->len; i++) {
		const struct toml_entry *e = &t->items[i];
		bool aot = aot_section(&e->value);
		if (e->value.kind != TOML_TABLE && !aot)
			continue;
		size_t keep = path->len;
		if (keep)
			sb_addch(path, '.');
		toml_write_key(path, e->key.ptr, e->key.len);
		if (aot) {
			for (size_t j = 0; j < e->value.u.arr->len; j++) {
				write_header(out, path, true);
				write_table(out, e->value.u.arr->items[j].u.tab, path);
			}
		} else {
			write_header(out, path, false);
			write_table(out, e->value.u.tab, path);
		}
		path->len = keep;
		path->buf[keep] = '\0';
	}
}

void toml_write(struct sb *out, const struct toml_table *root)
{
	struct sb path = SB_INIT;
	write_table(out, root, &path);
	sb_release(&path);
}
