/* SPDX-License-Identifier: BSD-2-Clause */
/* Finding keys in tables: linear scans for small tables, a hash index while parsing big ones. */
#include <string.h>

#include "toml_internal.h"

/* Tables with more entries than this get their keys into the parser's hash index, so that
 * documents with thousands of keys in one table stay linear to parse. */
#define INDEX_FROM 16

static uint32_t key_hash(const struct toml_table *t, const char *k, size_t klen)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)(uintptr_t)t;
	for (size_t i = 0; i < klen; i++) {
		h ^= (unsigned char)k[i];
		h *= 1099511628211ull;
	}
	h ^= h >> 29;
	return (uint32_t)h;
}

static bool key_is(const struct toml_entry *e, const char *k, size_t klen)
{
	return e->key.len == klen && memcmp(e->key.ptr, k, klen) == 0;
}

static void index_put(struct toml_parser *p, const struct toml_table *t, uint32_t h, uint32_t idx)
{
	size_t mask = p->hcap - 1, j = h & mask;
	while (p->hs[j].t)
		j = (j + 1) & mask;
	p->hs[j].t = t;
	p->hs[j].hash = h;
	p->hs[j].idx = idx;
	p->hused++;
}

static void index_reserve(struct toml_parser *p, size_t more)
{
	if ((p->hused + more) * 2 <= p->hcap)
		return;
	size_t ncap = p->hcap ? p->hcap : 256;
	while ((p->hused + more) * 2 > ncap)
		ncap *= 2;
	struct toml_hslot *old = p->hs;
	size_t ocap = p->hcap;
	p->hs = arena_alloc(p->a, ncap * sizeof(*p->hs));
	p->hcap = ncap;
	p->hused = 0;
	for (size_t j = 0; j < ocap; j++)
		if (old[j].t)
			index_put(p, old[j].t, old[j].hash, old[j].idx);
}

long toml_tab_lookup(struct toml_parser *p, const struct toml_table *t, const char *k, size_t klen)
{
	if (!(t->flags & TOML_TF_INDEXED)) {
		for (size_t j = 0; j < t->len; j++)
			if (key_is(&t->items[j], k, klen))
				return (long)j;
		return -1;
	}
	uint32_t h = key_hash(t, k, klen);
	size_t mask = p->hcap - 1;
	for (size_t j = h & mask; p->hs[j].t; j = (j + 1) & mask) {
		const struct toml_hslot *s = &p->hs[j];
		if (s->t == t && s->hash == h && key_is(&t->items[s->idx], k, klen))
			return (long)s->idx;
	}
	return -1;
}

struct toml_entry *toml_tab_add(struct toml_parser *p, struct toml_table *t, struct toml_string key, struct toml_pos key_pos)
{
	t->items = arena_grow(p->a, t->items, &t->cap, t->len + 1, sizeof(*t->items));
	struct toml_entry *e = &t->items[t->len];
	e->key = key;
	e->key_pos = key_pos;
	t->len++;
	if (t->flags & TOML_TF_INDEXED) {
		index_reserve(p, 1);
		index_put(p, t, key_hash(t, key.ptr, key.len), (uint32_t)(t->len - 1));
	} else if (t->len > INDEX_FROM) {
		index_reserve(p, t->len);
		for (size_t j = 0; j < t->len; j++)
			index_put(p, t, key_hash(t, t->items[j].key.ptr, t->items[j].key.len), (uint32_t)j);
		t->flags |= TOML_TF_INDEXED;
	}
	return e;
}

const struct toml_entry *toml_table_find(const struct toml_table *t, const char *key)
{
	if (!t || !key)
		return NULL;
	size_t klen = strlen(key);
	for (size_t j = 0; j < t->len; j++)
		if (key_is(&t->items[j], key, klen))
			return &t->items[j];
	return NULL;
}

const struct toml_value *toml_table_get(const struct toml_table *t, const char *key)
{
	const struct toml_entry *e = toml_table_find(t, key);
	return e ? &e->value : NULL;
}

const char *toml_kind_name(enum toml_kind kind)
{
	switch (kind) {
	case TOML_STRING:
		return "string";
	case TOML_INTEGER:
		return "integer";
	case TOML_FLOAT:
		return "float";
	case TOML_BOOL:
		return "boolean";
	case TOML_DATETIME:
		return "offset date-time";
	case TOML_DATETIME_LOCAL:
		return "local date-time";
	case TOML_DATE_LOCAL:
		return "local date";
	case TOML_TIME_LOCAL:
		return "local time";
	case TOML_ARRAY:
		return "array";
	case TOML_TABLE:
		return "table";
	}
	return "unknown";
}
