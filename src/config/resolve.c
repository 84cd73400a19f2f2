/* SPDX-License-Identifier: BSD-2-Clause */
/* Contextualizing: fold the layers that apply to a selection into one ordered list, later wins. */
#include <string.h>

#include "config.h"

bool cfg_layer_applies(const struct cfg_layer *layer, const struct cfg_selection *sel)
{
	switch (layer->kind) {
	case CFG_LAYER_SHARED:
		return true;
	case CFG_LAYER_PROFILE:
		return !strcmp(layer->name, cfg_profile_name(sel->profile));
	case CFG_LAYER_ARCH:
		return !strcmp(layer->name, sel->arch);
	case CFG_LAYER_SEL4_ARCH:
		return !strcmp(layer->name, sel->sel4_arch);
	case CFG_LAYER_PLATFORM:
		return !strcmp(layer->name, sel->platform);
	}
	return false;
}

const char *cfg_layer_title(struct arena *a, const struct cfg_layered *sec, const struct cfg_layer *layer)
{
	if (!layer->name)
		return arena_printf(a, "[%s]", sec->section);
	return arena_printf(a, "[%s.%s]", sec->section, layer->name);
}

const struct cfg_resolved_item *cfg_resolved_get(const struct cfg_resolved_list *l, const char *key)
{
	if (l->index.len != l->len) { /* a list built or extended by hand, its index not kept up */
		for (size_t i = 0; i < l->len; i++)
			if (!strcmp(l->items[i].key, key))
				return &l->items[i];
		return NULL;
	}
	long i = str_index_get(&l->index, key);
	return i >= 0 ? &l->items[i] : NULL;
}

static void apply_layer(struct arena *a, struct cfg_resolved_list *out, const struct cfg_layer *layer)
{
	for (size_t i = 0; i < layer->len; i++) {
		const struct cfg_setting *s = &layer->items[i];
		struct cfg_resolved_item *it = (struct cfg_resolved_item *)cfg_resolved_get(out, s->key);
		if (!it) {
			out->items = arena_grow(a, out->items, &out->cap, out->len + 1, sizeof(*out->items));
			it = &out->items[out->len];
			it->key = s->key;
			str_index_put(a, &out->index, s->key, out->len++);
		}
		it->value = s->value;
		it->at = s->at;
		it->layer = layer;
	}
}

/* Layers in resolution order: shared, profile, arch, sel4_arch, platform. */
static void resolve_section(struct arena *a, struct cfg_resolved_list *out, const struct cfg_layered *sec,
			    const struct cfg_selection *sel)
{
	static const enum cfg_layer_kind order[] = { CFG_LAYER_PROFILE, CFG_LAYER_ARCH, CFG_LAYER_SEL4_ARCH, CFG_LAYER_PLATFORM };
	apply_layer(a, out, &sec->shared);
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++)
		for (size_t i = 0; i < sec->nsubs; i++)
			if (sec->subs[i].kind == order[k] && cfg_layer_applies(&sec->subs[i], sel))
				apply_layer(a, out, &sec->subs[i]);
}

struct cfg_resolved *cfg_resolve(struct arena *a, const struct cfg_model *m, const struct cfg_selection *sel)
{
	struct cfg_resolved *r = arena_alloc(a, sizeof(*r));
	r->model = m;
	r->sel = *sel;
	resolve_section(a, &r->config, &m->sel4_config, sel);
	resolve_section(a, &r->metadata, &m->metadata, sel);
	for (size_t i = 0; i < m->nbuilds; i++) {
		if (strcmp(m->builds[i].platform, sel->platform))
			continue;
		r->build = &m->builds[i];
		const struct cfg_build_profile *bp = sel->profile == CFG_RELEASE ? &r->build->release : &r->build->debug;
		r->build_profile = bp->present ? bp : NULL;
	}
	return r;
}
