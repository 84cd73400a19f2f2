/* SPDX-License-Identifier: BSD-2-Clause */
/* --explain KEY: which tables set a key, in the order they are applied, and which one wins. */
#include <string.h>

#include "config_internal.h"

static const enum cfg_layer_kind order[] = { CFG_LAYER_SHARED, CFG_LAYER_PROFILE, CFG_LAYER_ARCH, CFG_LAYER_SEL4_ARCH,
					     CFG_LAYER_PLATFORM };

static const struct cfg_setting *layer_find(const struct cfg_layer *l, const char *key)
{
	for (size_t i = 0; i < l->len; i++)
		if (!strcmp(l->items[i].key, key))
			return &l->items[i];
	return NULL;
}

static void explain_line(struct sb *out, struct arena *a, const struct cfg_layered *sec, const struct cfg_layer *l,
			 const struct cfg_setting *s, const char *mark)
{
	sb_addf(out, "  %-28s %s:%u:%u  %s = ", cfg_layer_title(a, sec, l), s->at.path, s->at.line, s->at.col, s->key);
	cfg_value_write_toml(out, &s->value);
	sb_addf(out, "%s\n", mark);
}

/* Lists one section's tables that set `key`; returns how many applied. */
static size_t explain_section(struct sb *out, struct arena *a, const struct cfg_layered *sec, const struct cfg_resolved *r,
			      const char *key)
{
	const struct cfg_resolved_list *list = sec == &r->model->sel4_config ? &r->config : &r->metadata;
	const struct cfg_resolved_item *win = cfg_resolved_get(list, key);
	size_t applied = 0, skipped = 0;
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		for (size_t i = 0; i < (order[k] == CFG_LAYER_SHARED ? 1 : sec->nsubs); i++) {
			const struct cfg_layer *l = order[k] == CFG_LAYER_SHARED ? &sec->shared : &sec->subs[i];
			if (l->kind != order[k])
				continue;
			const struct cfg_setting *s = layer_find(l, key);
			if (!s)
				continue;
			if (!cfg_layer_applies(l, &r->sel)) {
				skipped++;
				continue;
			}
			if (!applied)
				sb_addf(out, "%s in [%s], applied in this order (later wins):\n", key, sec->section);
			explain_line(out, a, sec, l, s, win && win->layer == l ? "   <- wins" : "");
			applied++;
		}
	}
	if (!skipped)
		return applied;
	sb_addf(out, "%s in [%s], set but not applied to this selection:\n", key, sec->section);
	for (size_t i = 0; i < sec->nsubs; i++) {
		const struct cfg_layer *l = &sec->subs[i];
		const struct cfg_setting *s = layer_find(l, key);
		if (s && !cfg_layer_applies(l, &r->sel))
			explain_line(out, a, sec, l, s, "");
	}
	return applied;
}

int cfg_explain(struct sb *out, struct arena *a, const struct cfg_resolved *r, const char *key)
{
	size_t before = out->len;
	size_t applied = explain_section(out, a, &r->model->sel4_config, r, key);
	applied += explain_section(out, a, &r->model->metadata, r, key);
	if (out->len == before)
		return -1;
	if (!applied)
		sb_addf(out, "%s: not set for platform %s, sel4_arch %s, arch %s, profile %s\n", key, r->sel.platform,
			r->sel.sel4_arch, r->sel.arch, cfg_profile_name(r->sel.profile));
	return 0;
}
