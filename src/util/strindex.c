/* SPDX-License-Identifier: BSD-2-Clause */
#include <string.h>

#include "util/hash.h"
#include "util/strindex.h"

static struct str_slot *find(struct str_slot *slot, size_t nslot, const char *key)
{
	size_t mask = nslot - 1;
	for (size_t j = (size_t)hash_add(HASH_INIT, key, strlen(key)) & mask;; j = (j + 1) & mask)
		if (!slot[j].key || !strcmp(slot[j].key, key))
			return &slot[j];
}

long str_index_get(const struct str_index *ix, const char *key)
{
	if (!ix->nslot)
		return -1;
	const struct str_slot *s = find(ix->slot, ix->nslot, key);
	return s->key ? (long)s->pos : -1;
}

void str_index_put(struct arena *a, struct str_index *ix, const char *key, size_t pos)
{
	if ((ix->len + 1) * 2 > ix->nslot) {
		size_t n = ix->nslot ? 2 * ix->nslot : 64;
		struct str_slot *slot = arena_alloc(a, n * sizeof(*slot)); /* zeroed */
		for (size_t i = 0; i < ix->nslot; i++)
			if (ix->slot[i].key)
				*find(slot, n, ix->slot[i].key) = ix->slot[i];
		ix->slot = slot;
		ix->nslot = n;
	}
	struct str_slot *s = find(ix->slot, ix->nslot, key);
	if (!s->key)
		ix->len++;
	s->key = key;
	s->pos = pos;
}
