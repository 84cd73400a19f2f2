/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Variable scopes and the cache.  A function or directory scope starts as a copy of its parent;
 * we look through to the parent instead of copying, and keep the copy's meaning by pinning the old
 * value locally before a PARENT_SCOPE write.  Normal variables shadow cache entries.  set(CACHE)
 * follows policy CMP0126 OLD (the kernel asks for CMake 3.16): it drops the normal variable of the
 * same name when the entry is new, was untyped, or is forced.
 */
#include <stdlib.h>
#include <string.h>

#include "kcfg_internal.h"
#include "util/xalloc.h"

/* The binding visible in `s` or its ancestors: a slot (value NULL = unset there) or NULL. */
static struct kcfg_slot *lookup(struct kcfg_scope *s, const char *name)
{
	for (; s; s = s->parent) {
		struct kcfg_slot *sl = kcfg_table_find(&s->vars, name);
		if (sl)
			return sl;
	}
	return NULL;
}

const char *kcfg_get(struct kcfg *k, const char *name)
{
	struct kcfg_slot *sl = lookup(k->scope, name);
	if (sl && sl->value)
		return sl->value;
	sl = kcfg_table_find(&k->cache, name);
	return sl ? sl->value : NULL;
}

bool kcfg_is_defined(struct kcfg *k, const char *name)
{
	return kcfg_get(k, name) != NULL;
}

void kcfg_set(struct kcfg *k, const char *name, const char *value)
{
	k->spent += value ? strlen(value) : 0; /* kcfg_limit_work: checked after the command */
	kcfg_table_put(&k->scope->vars, name, value);
}

void kcfg_unset(struct kcfg *k, const char *name)
{
	/* A tombstone only matters when an ancestor still binds the name. */
	if (k->scope->parent && lookup(k->scope->parent, name))
		kcfg_table_put(&k->scope->vars, name, NULL);
	else if (kcfg_table_find(&k->scope->vars, name))
		kcfg_table_put(&k->scope->vars, name, NULL);
}

void kcfg_set_parent(struct kcfg *k, const char *name, const char *value)
{
	struct kcfg_scope *p = k->scope->parent;
	if (!p)
		return;
	if (!kcfg_table_find(&k->scope->vars, name)) {
		struct kcfg_slot *old = lookup(p, name);
		kcfg_table_put(&k->scope->vars, name, old ? old->value : NULL);
	}
	if (value) {
		kcfg_table_put(&p->vars, name, value);
	} else {
		struct kcfg_scope *save = k->scope;
		k->scope = p;
		kcfg_unset(k, name);
		k->scope = save;
	}
}

void kcfg_cache_set(struct kcfg *k, const char *name, const char *value, int type, bool force)
{
	struct kcfg_slot *sl;
	kcfg_table_ref(&k->cache, name, false, &sl);
	if (type == KCFG_INTERNAL)
		force = true;
	bool exists = sl && sl->value;
	bool drop_normal = !exists || sl->type == KCFG_UNINIT || force;
	if (!exists) {
		kcfg_table_ref(&k->cache, name, true, &sl);
		free(sl->value);
		sl->value = xstrdup(value);
	} else if (force) {
		free(sl->value);
		sl->value = xstrdup(value);
	}
	sl->type = type;
	if (drop_normal)
		kcfg_unset(k, name);
}

void kcfg_cache_unset(struct kcfg *k, const char *name)
{
	struct kcfg_slot *sl = kcfg_table_find(&k->cache, name);
	if (!sl)
		return;
	/* Removing from a chained bucket: rebuild simply by clearing the value and type. */
	free(sl->value);
	sl->value = NULL;
	sl->type = KCFG_UNINIT;
}
