/* SPDX-License-Identifier: BSD-2-Clause */
#include <string.h>

#include "hwgen/irq.h"
#include "util/diag.h"

enum ctl_kind { CTL_UNKNOWN, CTL_GIC, CTL_RAW, CTL_PASS, CTL_NEXUS };

struct ctl {
	enum ctl_kind kind;
	struct fdt_node *node;
};

static const struct {
	const char *compat;
	enum ctl_kind kind;
} kinds[] = {
	{ "arm,gic-400", CTL_GIC },
	{ "arm,cortex-a7-gic", CTL_GIC },
	{ "arm,cortex-a9-gic", CTL_GIC },
	{ "arm,cortex-a15-gic", CTL_GIC },
	{ "arm,gic-v3", CTL_GIC },
	{ "qcom,msm-qgic2", CTL_GIC },
	{ "brcm,bcm2836-l1-intc", CTL_RAW },
	{ "fsl,avic", CTL_RAW },
	{ "ti,am33xx-intc", CTL_RAW },
	{ "ti,omap3-intc", CTL_RAW },
	{ "riscv,cpu-intc", CTL_RAW },
	{ "riscv,plic0", CTL_RAW },
	{ "fsl,imx6q-gpc", CTL_PASS },
	{ "fsl,imx6sx-gpc", CTL_PASS },
	{ "fsl,imx7d-gpc", CTL_PASS },
	{ "nvidia,tegra124-ictlr", CTL_PASS },
};

/* How deep controllers may hand a specifier on (nexus -> pass-through -> ...): a loop of
 * phandles would otherwise never end. */
enum { MAX_HOPS = 32 };

void irq_find_controllers(struct fdt *t)
{
	for (size_t i = 0; i < t->nnodes; i++) {
		struct fdt_node *n = t->nodes[i];
		const struct fdt_prop *ph = fdt_prop(n, "phandle");
		if (!fdt_is_cells(ph) || fdt_cell(ph, 0) == 0)
			continue;
		if (!fdt_prop(n, "interrupt-controller") && !fdt_prop(n, "interrupt-map"))
			continue;
		struct ctl *c = arena_alloc(t->a, sizeof(*c));
		c->node = n;
		if (fdt_prop(n, "interrupt-map")) {
			c->kind = CTL_NEXUS;
		} else if (fdt_is_strings(fdt_prop(n, "compatible"))) {
			const char *s[32];
			size_t k = fdt_strings(t->a, fdt_prop(n, "compatible"), s, 32);
			for (size_t j = 0; j < k && j < 32 && c->kind == CTL_UNKNOWN; j++)
				for (size_t m = 0; m < sizeof(kinds) / sizeof(kinds[0]); m++)
					if (!strcmp(s[j], kinds[m].compat)) {
						c->kind = kinds[m].kind;
						break;
					}
		}
		n->irq = c;
	}
}

/* A cursor over a list of cells that reports running out. */
struct cells {
	const struct fdt_prop *p;
	size_t pos, n;
	const struct fdt_node *owner;
	const char *prop;
};

static int short_cells(const struct fdt *t, const struct cells *c)
{
	struct loc at = { t->file, 0, 0 };
	return diag_error(&at, "property '%s' of node %s ends in the middle of an entry", c->prop, c->owner->path);
}

static int pop(const struct fdt *t, struct cells *c, uint32_t *v)
{
	if (c->pos >= c->n)
		return short_cells(t, c);
	*v = fdt_cell(c->p, c->pos++);
	return 0;
}

/* `cells` cells as one number (the low 64 bits when more than two). */
static int pop_number(const struct fdt *t, struct cells *c, uint32_t cells, uint64_t *v)
{
	*v = 0;
	for (uint32_t i = 0; i < cells; i++) {
		uint32_t w = 0;
		if (pop(t, c, &w))
			return -1;
		*v = *v << 32 | w;
	}
	return 0;
}

static struct ctl *controller(const struct fdt *t, uint32_t phandle, const struct fdt_node *user)
{
	struct fdt_node *n = fdt_by_phandle(t, phandle);
	if (n && n->irq && fdt_prop(n, "phandle"))
		return n->irq;
	struct loc at = { t->file, 0, 0 };
	diag_error(&at, "node %s names interrupt parent phandle 0x%x, which is not an interrupt controller", user->path,
		   phandle);
	return NULL;
}

static int single_cell(const struct fdt *t, const struct fdt_node *n, const char *name, uint32_t *v)
{
	const struct fdt_prop *p;
	if (fdt_cells(t, n, name, &p) < 0)
		return -1;
	*v = fdt_cell(p, 0);
	return 0;
}

static int interrupt_parent(const struct fdt *t, const struct fdt_node *n, uint32_t *ph)
{
	for (const struct fdt_node *m = n; m; m = m->parent)
		if (fdt_prop(m, "interrupt-parent"))
			return single_cell(t, m, "interrupt-parent", ph);
	struct loc at = { t->file, 0, 0 };
	return diag_error(&at, "node %s has interrupts but neither it nor a parent names an interrupt-parent", n->path);
}

/* #address-cells of n, else of the nearest parent that has it, else 2 (Linux's rule for
 * nexus matching). */
static int recursive_addr_cells(const struct fdt *t, const struct fdt_node *n, uint32_t *v)
{
	for (const struct fdt_node *m = n; m; m = m->parent)
		if (fdt_prop(m, "#address-cells"))
			return single_cell(t, m, "#address-cells", v);
	*v = 2;
	return 0;
}

static uint64_t mask_of(uint32_t cells)
{
	return cells >= 2 ? UINT64_MAX : cells == 1 ? 0xffffffffu : 0;
}

static int parse(struct fdt *t, struct ctl *c, const struct fdt_node *child, struct cells *data, int64_t *irq,
		 unsigned hops);

static int parse_nexus(struct fdt *t, struct ctl *c, const struct fdt_node *child, struct cells *data, int64_t *irq,
		       unsigned hops)
{
	const struct fdt_prop *map;
	long nmap = fdt_cells(t, c->node, "interrupt-map", &map);
	if (nmap < 0)
		return -1;
	struct cells nexus = { map, 0, (size_t)nmap, c->node, "interrupt-map" };
	uint32_t addr_cells, spec_cells;
	if (recursive_addr_cells(t, c->node, &addr_cells) || single_cell(t, c->node, "#interrupt-cells", &spec_cells))
		return -1;
	uint64_t addr = 0, spec;
	const struct fdt_prop *reg = fdt_prop(child, "reg");
	if (reg) {
		if (!fdt_is_cells(reg)) {
			fdt_cells(t, child, "reg", &reg); /* reports why */
			return -1;
		}
		struct cells r = { reg, 0, reg->len / 4, child, "reg" };
		if (pop_number(t, &r, addr_cells, &addr))
			return -1;
	}
	if (pop_number(t, data, spec_cells, &spec))
		return -1;
	uint64_t addr_mask = mask_of(addr_cells), spec_mask = mask_of(spec_cells);
	if (fdt_prop(c->node, "interrupt-map-mask")) {
		const struct fdt_prop *mp;
		long nm = fdt_cells(t, c->node, "interrupt-map-mask", &mp);
		if (nm < 0)
			return -1;
		struct cells m = { mp, 0, (size_t)nm, c->node, "interrupt-map-mask" };
		if (pop_number(t, &m, addr_cells, &addr_mask) || pop_number(t, &m, spec_cells, &spec_mask))
			return -1;
	}
	addr &= addr_mask;
	spec &= spec_mask;
	while (nexus.pos < nexus.n) {
		uint64_t ent_addr, ent_spec;
		uint32_t ph;
		if (pop_number(t, &nexus, addr_cells, &ent_addr) || pop_number(t, &nexus, spec_cells, &ent_spec) ||
		    pop(t, &nexus, &ph))
			return -1;
		struct ctl *parent = controller(t, ph, c->node);
		if (!parent)
			return -1;
		if ((ent_addr & addr_mask) == addr && (ent_spec & spec_mask) == spec)
			return parse(t, parent, child, &nexus, irq, hops + 1);
		uint32_t skip = 0, ic;
		if (fdt_prop(parent->node, "#address-cells") && single_cell(t, parent->node, "#address-cells", &skip))
			return -1;
		if (single_cell(t, parent->node, "#interrupt-cells", &ic))
			return -1;
		skip += ic;
		nexus.pos = nexus.pos + skip > nexus.n ? nexus.n : nexus.pos + skip;
	}
	/* no matching entry: the interrupt is unknown (-1), as the kernel's generator has it */
	*irq = -1;
	return 0;
}

static int parse(struct fdt *t, struct ctl *c, const struct fdt_node *child, struct cells *data, int64_t *irq,
		 unsigned hops)
{
	if (hops > MAX_HOPS) {
		struct loc at = { t->file, 0, 0 };
		return diag_error(&at, "interrupt parents of node %s form a loop (through %s)", child->path, c->node->path);
	}
	uint32_t cells = 0, type = 0, num = 0, ph = 0, skip = 0;
	switch (c->kind) {
	case CTL_NEXUS:
		return parse_nexus(t, c, child, data, irq, hops);
	case CTL_PASS: {
		if (interrupt_parent(t, c->node, &ph))
			return -1;
		struct ctl *parent = controller(t, ph, c->node);
		return parent ? parse(t, parent, child, data, irq, hops + 1) : -1;
	}
	case CTL_GIC:
		if (single_cell(t, c->node, "#interrupt-cells", &cells) || pop(t, data, &type) || pop(t, data, &num))
			return -1;
		for (uint32_t i = 2; i < cells; i++)
			if (pop(t, data, &skip))
				return -1;
		/* SGIs are 0-15, PPIs 16-31, SPIs from 32; extended ranges are not supported (-1) */
		*irq = (int64_t)num + 16 + (type != 1 ? 16 : 0);
		if (type != 0 && type != 1)
			*irq = -1;
		return 0;
	case CTL_RAW:
		if (single_cell(t, c->node, "#interrupt-cells", &cells) || pop(t, data, &num))
			return -1;
		for (uint32_t i = 1; i < cells; i++)
			if (pop(t, data, &skip))
				return -1;
		*irq = num;
		return 0;
	case CTL_UNKNOWN:
		break;
	}
	if (single_cell(t, c->node, "#interrupt-cells", &cells))
		return -1;
	for (uint32_t i = 0; i < cells; i++)
		if (pop(t, data, &skip))
			return -1;
	*irq = -1;
	return 0;
}

int irq_of_node(struct fdt *t, const struct fdt_node *n, int64_t **out, size_t *count)
{
	const struct fdt_prop *p;
	bool extended = fdt_prop(n, "interrupts-extended") != NULL;
	const char *name = extended ? "interrupts-extended" : "interrupts";
	*count = 0;
	*out = NULL;
	if (!fdt_prop(n, name))
		return 0;
	long nc = fdt_cells(t, n, name, &p);
	if (nc < 0)
		return -1;
	struct cells data = { p, 0, (size_t)nc, n, name };
	size_t cap = 0;
	struct ctl *c = NULL;
	if (!extended) {
		uint32_t ph;
		if (interrupt_parent(t, n, &ph) || !(c = controller(t, ph, n)))
			return -1;
	}
	while (data.pos < data.n) {
		if (extended) {
			uint32_t ph;
			if (pop(t, &data, &ph) || !(c = controller(t, ph, n)))
				return -1;
		}
		size_t before = data.pos;
		int64_t irq;
		if (parse(t, c, n, &data, &irq, 0))
			return -1;
		if (data.pos == before) {
			struct loc at = { t->file, 0, 0 };
			return diag_error(&at, "interrupt controller %s takes no cells per interrupt (node %s)", c->node->path,
					  n->path);
		}
		*out = arena_grow(t->a, *out, &cap, *count + 1, sizeof(**out));
		(*out)[(*count)++] = irq;
	}
	return 0;
}
