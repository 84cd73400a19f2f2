/* SPDX-License-Identifier: BSD-2-Clause */
/* A string-keyed hash table for variables, the cache and macro replacements. */
#include <stdlib.h>
#include <string.h>

#include "kcfg_internal.h"
#include "util/xalloc.h"

static size_t hash(const char *s)
{
	size_t h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

struct kcfg_slot *kcfg_table_find(struct kcfg_table *t, const char *name)
{
	if (!t->nb)
		return NULL;
	for (struct kcfg_slot *s = t->b[hash(name) % t->nb]; s; s = s->next)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

static void grow(struct kcfg_table *t)
{
	size_t nb = t->nb ? t->nb * 4 : 64;
	struct kcfg_slot **b = xcalloc(nb, sizeof *b);
	for (size_t i = 0; i < t->nb; i++) {
		for (struct kcfg_slot *s = t->b[i], *n; s; s = n) {
			n = s->next;
			size_t h = hash(s->name) % nb;
			s->next = b[h];
			b[h] = s;
		}
	}
	free(t->b);
	t->b = b;
	t->nb = nb;
}

/* The value cell for `name` (created with a NULL value when `create`), or NULL. */
char **kcfg_table_ref(struct kcfg_table *t, const char *name, bool create, struct kcfg_slot **slot)
{
	struct kcfg_slot *s = kcfg_table_find(t, name);
	if (!s && create) {
		if (t->count >= t->nb)
			grow(t);
		s = xcalloc(1, sizeof *s);
		s->name = xstrdup(name);
		size_t h = hash(name) % t->nb;
		s->next = t->b[h];
		t->b[h] = s;
		t->count++;
	}
	if (slot)
		*slot = s;
	return s ? &s->value : NULL;
}

void kcfg_table_put(struct kcfg_table *t, const char *name, const char *value)
{
	char **v = kcfg_table_ref(t, name, true, NULL);
	free(*v);
	*v = value ? xstrdup(value) : NULL;
}

void kcfg_table_free(struct kcfg_table *t)
{
	for (size_t i = 0; i < t->nb; i++) {
		for (struct kcfg_slot *s = t->b[i], *n; s; s = n) {
			n = s->next;
			free(s->name);
			free(s->value);
			free(s);
		}
	}
	free(t->b);
	t->b = NULL;
	t->nb = t->count = 0;
}
