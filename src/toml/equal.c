/* SPDX-License-Identifier: BSD-2-Clause */
/* Structural equality of values and tables (key order does not matter). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "toml_internal.h"

static bool str_eq(const struct toml_string *a, const struct toml_string *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->ptr, b->ptr, a->len) == 0);
}

static bool dt_eq(enum toml_kind k, const struct toml_datetime *a, const struct toml_datetime *b)
{
	if (k != TOML_TIME_LOCAL && (a->year != b->year || a->month != b->month || a->day != b->day))
		return false;
	if (k != TOML_DATE_LOCAL && (a->hour != b->hour || a->minute != b->minute || a->second != b->second ||
				     a->nanosecond != b->nanosecond))
		return false;
	return k != TOML_DATETIME || a->offset_minutes == b->offset_minutes;
}

bool toml_value_equal(const struct toml_value *a, const struct toml_value *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case TOML_STRING:
		return str_eq(&a->u.s, &b->u.s);
	case TOML_INTEGER:
		return a->u.i == b->u.i;
	case TOML_FLOAT:
		return (isnan(a->u.f) && isnan(b->u.f)) || a->u.f == b->u.f;
	case TOML_BOOL:
		return a->u.b == b->u.b;
	case TOML_DATETIME:
	case TOML_DATETIME_LOCAL:
	case TOML_DATE_LOCAL:
	case TOML_TIME_LOCAL:
		return dt_eq(a->kind, &a->u.dt, &b->u.dt);
	case TOML_ARRAY:
		if (a->u.arr->len != b->u.arr->len)
			return false;
		for (size_t i = 0; i < a->u.arr->len; i++)
			if (!toml_value_equal(&a->u.arr->items[i], &b->u.arr->items[i]))
				return false;
		return true;
	case TOML_TABLE:
		return toml_table_equal(a->u.tab, b->u.tab);
	}
	return false;
}

static int by_key(const void *x, const void *y)
{
	const struct toml_entry *a = *(const struct toml_entry *const *)x, *b = *(const struct toml_entry *const *)y;
	size_t n = a->key.len < b->key.len ? a->key.len : b->key.len;
	int c = n ? memcmp(a->key.ptr, b->key.ptr, n) : 0;
	if (c)
		return c;
	return (a->key.len > b->key.len) - (a->key.len < b->key.len);
}

/* Big tables are compared through key-sorted copies, so comparing stays n log n. */
static bool big_equal(const struct toml_table *a, const struct toml_table *b)
{
	const struct toml_entry **sa = malloc(a->len * sizeof(*sa)), **sb = malloc(b->len * sizeof(*sb));
	if (!sa || !sb)
		abort();
	for (size_t i = 0; i < a->len; i++) {
		sa[i] = &a->items[i];
		sb[i] = &b->items[i];
	}
	qsort(sa, a->len, sizeof(*sa), by_key);
	qsort(sb, b->len, sizeof(*sb), by_key);
	bool eq = true;
	for (size_t i = 0; eq && i < a->len; i++)
		eq = str_eq(&sa[i]->key, &sb[i]->key) && toml_value_equal(&sa[i]->value, &sb[i]->value);
	free(sa);
	free(sb);
	return eq;
}

bool toml_table_equal(const struct toml_table *a, const struct toml_table *b)
{
	if (a == b)
		return true;
	if (!a || !b || a->len != b->len)
		return false;
	if (a->len > 16)
		return big_equal(a, b);
	for (size_t i = 0; i < a->len; i++) {
		const struct toml_entry *ea = &a->items[i], *eb = NULL;
		for (size_t j = 0; j < b->len && !eb; j++)
			if (str_eq(&ea->key, &b->items[(i + j) % b->len].key))
				eb = &b->items[(i + j) % b->len];
		if (!eb || !toml_value_equal(&ea->value, &eb->value))
			return false;
	}
	return true;
}
