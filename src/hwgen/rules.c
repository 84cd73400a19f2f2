/* SPDX-License-Identifier: BSD-2-Clause */
#include <ctype.h>
#include <string.h>

#include "hwgen/rules.h"
#include "hwgen/yaml.h"
#include "util/diag.h"

struct reader {
	struct arena *a;
	const char *file;
};

static int wrong(const struct reader *r, const struct yaml_node *n, const char *what)
{
	struct loc at = { r->file, n->line, n->col };
	return diag_error(&at, "%s", what);
}

static int unknown_key(const struct reader *r, const struct yaml_node *m, size_t i, const char *allowed)
{
	struct loc at = { r->file, m->items[i]->line, 1 };
	diag_error(&at, "unknown key '%s'", m->keys[i]);
	diag_note(&at, "allowed here: %s", allowed);
	return -1;
}

static bool key_in(const char *key, const char *const *keys)
{
	for (; *keys; keys++)
		if (!strcmp(key, *keys))
			return true;
	return false;
}

static int check_keys(const struct reader *r, const struct yaml_node *m, const char *const *keys, const char *allowed)
{
	for (size_t i = 0; i < m->n; i++)
		if (!key_in(m->keys[i], keys))
			return unknown_key(r, m, i, allowed);
	return 0;
}

/* A C macro name, optionally negated with '!' (the schema's macro pattern). */
static bool is_macro(const char *s, bool allow_not)
{
	if (allow_not && *s == '!')
		s++;
	if (!*s || !(isalpha((unsigned char)*s) || *s == '_'))
		return false;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_'))
			return false;
	return true;
}

static int get_macro(const struct reader *r, const struct yaml_node *n, const char **out)
{
	if (n->kind != YAML_SCALAR || n->type != YAML_STR || !is_macro(n->str, true))
		return wrong(r, n, "expected a C macro name (optionally starting with '!')");
	*out = n->str;
	return 0;
}

static int get_uint(const struct reader *r, const struct yaml_node *n, uint64_t *out)
{
	if (n->kind != YAML_SCALAR || n->type != YAML_INT)
		return wrong(r, n, "expected a non-negative integer");
	*out = n->num;
	return 0;
}

static int region_rule(const struct reader *r, const struct yaml_node *m, struct hw_region_rule *out)
{
	static const char *const keys[] = { "index", "kernel", "kernel_size", "macro", "user", NULL };
	if (m->kind != YAML_MAP)
		return wrong(r, m, "expected a region (index, kernel, kernel_size, macro, user)");
	if (check_keys(r, m, keys, "index, kernel, kernel_size, macro, user"))
		return -1;
	const struct yaml_node *v;
	memset(out, 0, sizeof(*out));
	if (!(v = yaml_get(m, "index")) || !yaml_get(m, "kernel"))
		return wrong(r, m, "a region needs 'index' and 'kernel'");
	if (get_uint(r, v, &out->index) || get_macro(r, yaml_get(m, "kernel"), &out->kernel))
		return -1;
	if ((v = yaml_get(m, "kernel_size"))) {
		out->has_kernel_size = true;
		if (get_uint(r, v, &out->kernel_size))
			return -1;
	}
	if ((v = yaml_get(m, "macro")) && get_macro(r, v, &out->macro))
		return -1;
	if ((v = yaml_get(m, "user"))) {
		if (v->kind != YAML_SCALAR || v->type != YAML_BOOL)
			return wrong(r, v, "expected true or false");
		out->user = v->num != 0;
	}
	return 0;
}

static int irq_rule(const struct reader *r, const char *name, const struct yaml_node *v, struct hw_irq_rule *out)
{
	memset(out, 0, sizeof(*out));
	out->name = name;
	if (!is_macro(name, false))
		return wrong(r, v, "an interrupt's name must be a C identifier");
	if (v->kind == YAML_SCALAR) {
		if (v->type == YAML_STR && !strcmp(v->str, "boot-cpu")) {
			out->kind = HW_IRQ_BOOT_CPU;
			return 0;
		}
		out->kind = HW_IRQ_INDEX;
		return get_uint(r, v, &out->index);
	}
	static const char *const keys[] = { "enable_macro", "index", "sel_macro", "undef_index", "priority", NULL };
	if (v->kind != YAML_MAP)
		return wrong(r, v, "expected an interrupt index, boot-cpu, or a mapping with index");
	if (check_keys(r, v, keys, "enable_macro, index, sel_macro, undef_index, priority"))
		return -1;
	out->kind = HW_IRQ_SELECT;
	const struct yaml_node *x = yaml_get(v, "index");
	if (!x)
		return wrong(r, v, "an interrupt mapping needs 'index'");
	if (x->kind == YAML_SCALAR && x->type == YAML_STR)
		return wrong(r, x, "'boot-cpu' as the index of an interrupt mapping is not supported (the kernel's generator cannot use it either)");
	if (get_uint(r, x, &out->index))
		return -1;
	if ((x = yaml_get(v, "undef_index"))) {
		out->has_undef = true;
		if (get_uint(r, x, &out->undef_index))
			return -1;
	}
	if ((x = yaml_get(v, "sel_macro")) && get_macro(r, x, &out->sel_macro))
		return -1;
	if ((x = yaml_get(v, "enable_macro")) && get_macro(r, x, &out->enable_macro))
		return -1;
	if (!out->sel_macro != !out->has_undef)
		return wrong(r, v, "'sel_macro' and 'undef_index' go together");
	if ((x = yaml_get(v, "priority"))) {
		uint64_t p = 0;
		if (get_uint(r, x, &p))
			return -1;
		out->priority = (int64_t)p;
	}
	return 0;
}

static int device_rule(const struct reader *r, const struct yaml_node *d, struct hw_rule *out)
{
	static const char *const keys[] = { "compatible", "regions", "interrupts", NULL };
	if (d->kind != YAML_MAP)
		return wrong(r, d, "expected a device rule (compatible, regions, interrupts)");
	if (check_keys(r, d, keys, "compatible, regions, interrupts"))
		return -1;
	const struct yaml_node *c = yaml_get(d, "compatible");
	if (!c)
		return wrong(r, d, "a device rule needs 'compatible'");
	if (c->kind != YAML_SEQ || c->n == 0)
		return wrong(r, c, "'compatible' must be a list of one or more strings");
	out->compat = arena_alloc(r->a, c->n * sizeof(*out->compat));
	for (size_t i = 0; i < c->n; i++) {
		const struct yaml_node *s = c->items[i];
		if (s->kind != YAML_SCALAR || s->type != YAML_STR)
			return wrong(r, s, "expected a compatible string");
		for (size_t j = 0; j < i; j++)
			if (!strcmp(out->compat[j], s->str))
				return wrong(r, s, "compatible string listed twice in one rule");
		out->compat[out->ncompat++] = s->str;
	}
	const struct yaml_node *regs = yaml_get(d, "regions");
	if (regs) {
		if (regs->kind != YAML_SEQ)
			return wrong(r, regs, "'regions' must be a list");
		out->regions = arena_alloc(r->a, (regs->n + 1) * sizeof(*out->regions));
		for (size_t i = 0; i < regs->n; i++) {
			struct hw_region_rule rr;
			if (region_rule(r, regs->items[i], &rr))
				return -1;
			/* a later rule for the same index replaces the earlier one in its place */
			size_t j = 0;
			while (j < out->nregions && out->regions[j].index != rr.index)
				j++;
			out->regions[j] = rr;
			if (j == out->nregions)
				out->nregions++;
		}
	}
	const struct yaml_node *irqs = yaml_get(d, "interrupts");
	if (irqs) {
		if (irqs->kind != YAML_MAP)
			return wrong(r, irqs, "'interrupts' must map names to interrupt rules");
		out->irqs = arena_alloc(r->a, (irqs->n + 1) * sizeof(*out->irqs));
		for (size_t i = 0; i < irqs->n; i++)
			if (irq_rule(r, irqs->keys[i], irqs->items[i], &out->irqs[out->nirqs++]))
				return -1;
	}
	return 0;
}

int hw_rules_read(struct arena *a, const char *file, const char *text, struct hw_rules *out)
{
	struct reader r = { a, file };
	memset(out, 0, sizeof(*out));
	struct yaml_node *root = yaml_parse(a, file, text);
	if (!root)
		return -1;
	static const char *const keys[] = { "devices", NULL };
	if (root->kind != YAML_MAP)
		return wrong(&r, root, "expected a mapping with 'devices'");
	if (check_keys(&r, root, keys, "devices"))
		return -1;
	const struct yaml_node *devs = yaml_get(root, "devices");
	if (!devs)
		return wrong(&r, root, "the rules need 'devices'");
	if (devs->kind != YAML_SEQ)
		return wrong(&r, devs, "'devices' must be a list of device rules");
	out->rules = arena_alloc(a, (devs->n + 1) * sizeof(*out->rules));
	for (size_t i = 0; i < devs->n; i++)
		if (device_rule(&r, devs->items[i], &out->rules[out->n++]))
			return -1;
	return 0;
}

const struct hw_rule *hw_rules_find(const struct hw_rules *r, const char *compat)
{
	for (size_t i = r->n; i-- > 0;)
		for (size_t j = 0; j < r->rules[i].ncompat; j++)
			if (!strcmp(r->rules[i].compat[j], compat))
				return &r->rules[i];
	return NULL;
}
