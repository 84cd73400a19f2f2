/* SPDX-License-Identifier: BSD-2-Clause */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "hwgen/irq.h"
#include "hwgen/model.h"
#include "hwgen/pyset.h"
#include "util/diag.h"
#include "util/sb.h"

int hw_cfg_init(struct hw_cfg *c, const char *sel4arch, uint64_t addrspace_max)
{
	memset(c, 0, sizeof(*c));
	c->sel4arch = sel4arch;
	c->addrspace_max = addrspace_max;
	c->dev_page_bits = 12;
	if (!strcmp(sel4arch, "aarch32") || !strcmp(sel4arch, "aarch64") || !strcmp(sel4arch, "arm_hyp")) {
		c->arm = true;
		/* an AArch32 kernel needs its physical base on a super section (16 MiB; 32 MiB with
		 * the hypervisor's page sizes) */
		c->phys_align = !strcmp(sel4arch, "arm_hyp") ? 25 : !strcmp(sel4arch, "aarch32") ? 24 : 0;
	} else if (!strcmp(sel4arch, "riscv32")) {
		c->dev_page_bits = 22; /* 4 MiB megapages */
	} else if (!strcmp(sel4arch, "riscv64")) {
		c->dev_page_bits = 21; /* 2 MiB megapages */
	} else {
		diag_error(NULL, "unsupported sel4arch '%s'", sel4arch);
		diag_note(NULL, "expected aarch32, aarch64, arm_hyp, riscv32 or riscv64");
		return -1;
	}
	return 0;
}

void hw_hex(struct sb *s, hw_addr v)
{
	char buf[40];
	size_t i = sizeof(buf);
	buf[--i] = '\0';
	do {
		buf[--i] = "0123456789abcdef"[(unsigned)(v & 15)];
		v >>= 4;
	} while (v);
	sb_addf(s, "0x%s", buf + i);
}

void hw_dec(struct sb *s, hw_addr v)
{
	char buf[48];
	size_t i = sizeof(buf);
	buf[--i] = '\0';
	do {
		buf[--i] = (char)('0' + (unsigned)(v % 10));
		v /= 10;
	} while (v);
	sb_adds(s, buf + i);
}

/* An error about the blob: "FILE: error: ..." */
__attribute__((format(printf, 2, 3))) static int err(const struct hw_model *m, const char *fmt, ...)
{
	struct loc at = { m->tree->file, 0, 0 };
	struct sb s = SB_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&s, fmt, ap);
	va_end(ap);
	diag_error(&at, "%s", sb_str(&s));
	sb_release(&s);
	return -1;
}

/* The value of a single-cell property, or `dflt` when absent. */
static int cell_or(const struct hw_model *m, const struct fdt_node *n, const char *name, uint32_t dflt, uint32_t *v)
{
	*v = dflt;
	if (!fdt_prop(n, name))
		return 0;
	const struct fdt_prop *p;
	if (fdt_cells(m->tree, n, name, &p) < 0)
		return -1;
	*v = fdt_cell(p, 0);
	return 0;
}

static uint64_t number(const struct fdt_prop *p, size_t *pos, uint32_t cells)
{
	uint64_t v = 0;
	for (uint32_t i = 0; i < cells; i++)
		v = v << 32 | fdt_cell(p, (*pos)++);
	return v;
}

/* An address in node `bus`'s child address space to its parent's, entry by entry of `ranges`
 * (child address, parent address, length); unmatched addresses pass unchanged. */
static int translate_one(struct hw_model *m, const struct fdt_node *bus, uint64_t *addr)
{
	const struct fdt_prop *r = fdt_prop(bus, "ranges");
	const char *type = fdt_prop(bus, "device_type") ? fdt_first_string(bus, "device_type") : NULL;
	if (fdt_prop(bus, "device_type") && !type)
		return err(m, "property 'device_type' of node %s is not a string", bus->path);
	uint32_t child, parent, size;
	if (cell_or(m, bus, "#address-cells", 2, &child) || cell_or(m, bus->parent, "#address-cells", 2, &parent) ||
	    cell_or(m, bus, "#size-cells", 1, &size))
		return -1;
	if (type && (!strcmp(type, "pci") || !strcmp(type, "pciex"))) {
		/* the top cell of a PCI address holds flags; the kernel's generator masks the rest
		 * with 4 bits per remaining cell, and so must we to match it */
		child -= 1;
		*addr &= (4 * child >= 64) ? UINT64_MAX : ((uint64_t)1 << (4 * child)) - 1;
	}
	size_t n = r->len / 4, per = (size_t)child + parent + size;
	if (per == 0 || n % per)
		return err(m, "property 'ranges' of node %s is not a whole number of (child, parent, length) entries", bus->path);
	for (size_t pos = 0; pos < n;) {
		uint64_t c = number(r, &pos, child), p = number(r, &pos, parent), l = number(r, &pos, size);
		if (*addr >= c && *addr - c < l) {
			*addr = *addr - c + p;
			return 0;
		}
	}
	diag_info("%s: could not translate 0x%llx at %s, not translating", m->tree->file, (unsigned long long)*addr,
		  bus->path);
	return 0;
}

/* An address of a child of `bus` to a CPU address, up through every bus to the root. */
static int translate(struct hw_model *m, const struct fdt_node *bus, uint64_t *addr)
{
	for (; bus->parent; bus = bus->parent) {
		const struct fdt_prop *r = fdt_prop(bus, "ranges");
		if (!r)
			return err(m, "cannot translate an address through node %s: it has no 'ranges'", bus->path);
		if (fdt_is_cells(r) && translate_one(m, bus, addr))
			return -1;
	}
	return 0;
}

int hw_node_regions(struct hw_model *m, const struct fdt_node *n, struct hw_region **out, size_t *count)
{
	*out = NULL;
	*count = 0;
	if (!fdt_prop(n, "reg"))
		return 0;
	if (!n->parent)
		return err(m, "the root node has a 'reg' property");
	const struct fdt_prop *p;
	long cells = fdt_cells(m->tree, n, "reg", &p);
	if (cells < 0)
		return -1;
	uint32_t ac, sc;
	if (cell_or(m, n->parent, "#address-cells", 2, &ac) || cell_or(m, n->parent, "#size-cells", 1, &sc))
		return -1;
	size_t per = (size_t)ac + sc;
	if (per == 0 || (size_t)cells % per) {
		struct loc at = { m->tree->file, 0, 0 };
		diag_error(&at, "property 'reg' of node %s has %ld cells, not a multiple of #address-cells + #size-cells = %zu",
			   n->path, cells, per);
		diag_note(&at, "the parent %s sets #address-cells = %u and #size-cells = %u", n->parent->path, ac, sc);
		return -1;
	}
	*out = arena_alloc(m->a, ((size_t)cells / per) * sizeof(**out));
	for (size_t pos = 0; pos < (size_t)cells;) {
		uint64_t base = number(p, &pos, ac);
		hw_addr size = number(p, &pos, sc);
		if (translate(m, n->parent, &base))
			return -1;
		(*out)[(*count)++] = (struct hw_region){ base, size, n };
	}
	return 0;
}

static bool same(struct hw_region a, struct hw_region b)
{
	return a.base == b.base && a.size == b.size;
}

/* Append r unless an equal region (base and size) is there already: a set of regions. */
static void set_add(struct arena *a, struct hw_region **set, size_t *n, size_t *cap, struct hw_region r)
{
	for (size_t i = 0; i < *n; i++)
		if (same((*set)[i], r))
			return;
	*set = arena_grow(a, *set, cap, *n + 1, sizeof(**set));
	(*set)[(*n)++] = r;
}

static bool overlaps(struct hw_region a, struct hw_region b)
{
	return (a.base <= b.base && a.base + a.size > b.base) || (b.base <= a.base && b.base + b.size > a.base);
}

void hw_subtract(struct arena *a, struct hw_region **regs, size_t *n, struct hw_region cut)
{
	struct hw_region *out = NULL;
	size_t cnt = 0, cap = 0;
	for (size_t i = 0; i < *n; i++) {
		struct hw_region r = (*regs)[i];
		hw_addr end = r.base + r.size, cut_end = cut.base + cut.size;
		if (!overlaps(r, cut)) {
			set_add(a, &out, &cnt, &cap, r);
			continue;
		}
		if (r.base < cut.base)
			set_add(a, &out, &cnt, &cap, (struct hw_region){ r.base, cut.base - r.base, r.owner });
		if (cut_end < end && (r.base < cut.base || end > cut_end))
			set_add(a, &out, &cnt, &cap, (struct hw_region){ cut_end, end - cut_end, r.owner });
	}
	*regs = out;
	*n = cnt;
}

static int by_base(const void *x, const void *y)
{
	const struct hw_region *a = x, *b = y;
	return a->base < b->base ? -1 : a->base > b->base;
}

void hw_sort_regions(struct hw_region *r, size_t n)
{
	/* insertion sort: stable, and the lists are short */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && by_base(&r[j - 1], &r[j]) > 0; j--) {
			struct hw_region t = r[j];
			r[j] = r[j - 1];
			r[j - 1] = t;
		}
}

/* Region r minus `cut`: the pieces left, in the generator's order (below the cut, then above). */
static size_t cut_region(struct hw_region r, struct hw_region cut, struct hw_region out[2])
{
	if (!overlaps(r, cut)) {
		out[0] = r;
		return 1;
	}
	size_t n = 0;
	hw_addr end = r.base + r.size, cut_end = cut.base + cut.size;
	if (r.base < cut.base)
		out[n++] = (struct hw_region){ r.base, cut.base - r.base, r.owner };
	if (cut_end < end)
		out[n++] = (struct hw_region){ cut_end, end - cut_end, r.owner };
	return n;
}

/*
 * Sets of regions here behave as the generator's Python sets (pyset.h): when two memory nodes
 * overlap, equal pieces from both collapse into one, and which node it keeps follows the
 * set's order.
 */
int hw_physical_memory(struct hw_model *m, struct hw_region **out, size_t *n, hw_addr *phys_base)
{
	struct rset all;
	rset_init(&all, m->a);
	for (size_t i = 0; i < m->tree->nnodes; i++) {
		const struct fdt_node *node = m->tree->nodes[i];
		const char *type = fdt_first_string(node, "device_type");
		if (!type || strcmp(type, "memory"))
			continue;
		if (!fdt_prop(node, "reg")) {
			err(m, "memory node %s has no 'reg' property", node->path);
			diag_note(NULL, "a memory node says where the memory is with reg = <base size>");
			return -1;
		}
		struct hw_region *r;
		size_t k;
		if (hw_node_regions(m, node, &r, &k))
			return -1;
		for (size_t j = 0; j < k; j++)
			rset_add(&all, r[j]);
	}
	size_t nmem;
	struct hw_region *mem = rset_list(&all, &nmem);
	/* merge ranges of one node that follow each other into one */
	long *right = arena_alloc(m->a, (nmem + 1) * sizeof(long));
	bool *has_left = arena_alloc(m->a, nmem + 1);
	for (size_t i = 0; i < nmem; i++)
		right[i] = -1;
	for (size_t i = 0; i < nmem; i++)
		for (size_t j = i + 1; j < nmem; j++) {
			if (mem[i].owner != mem[j].owner)
				continue;
			if (mem[j].base == mem[i].base + mem[i].size) {
				right[i] = (long)j;
				has_left[j] = true;
			} else if (mem[i].base == mem[j].base + mem[j].size) {
				right[j] = (long)i;
				has_left[i] = true;
			}
		}
	struct rset merged;
	rset_init(&merged, m->a);
	for (size_t i = 0; i < nmem; i++) {
		if (has_left[i])
			continue;
		hw_addr size = mem[i].size;
		size_t steps = 0;
		for (long r = right[i]; r >= 0 && steps < nmem; r = right[r], steps++)
			size += mem[r].size;
		rset_add(&merged, (struct hw_region){ mem[i].base, size, mem[i].owner });
	}
	/* memory the firmware keeps (reserved-memory children with no-map) is not the kernel's */
	struct rset reserved;
	rset_init(&reserved, m->a);
	struct fdt_node *res = fdt_by_path(m->tree, "/reserved-memory");
	for (size_t i = 0; res && i < res->nchildren; i++) {
		struct fdt_node *c = res->children[i];
		if (!fdt_prop(c, "reg") || !fdt_prop(c, "no-map"))
			continue;
		struct hw_region *r;
		size_t k;
		if (hw_node_regions(m, c, &r, &k))
			return -1;
		for (size_t j = 0; j < k; j++)
			rset_add(&reserved, r[j]);
	}
	struct rset left;
	rset_copy(&left, &merged);
	while (reserved.used > 0) {
		struct hw_region cut = rset_pop(&reserved);
		size_t nl;
		struct hw_region *l = rset_list(&left, &nl);
		rset_init(&left, m->a);
		for (size_t i = 0; i < nl; i++) {
			struct hw_region pieces[2];
			size_t np = cut_region(l[i], cut, pieces);
			for (size_t j = 0; j < np; j++)
				rset_add(&left, pieces[j]);
		}
	}
	size_t nleft;
	struct hw_region *list = rset_list(&left, &nleft);
	if (nleft == 0)
		return err(m, "the device tree describes no usable memory (no node with device_type = \"memory\")");
	rset_sort(list, nleft);
	if (m->cfg->phys_align) {
		hw_addr align = (hw_addr)1 << m->cfg->phys_align;
		hw_addr base = (list[0].base + align - 1) & ~(align - 1);
		if (list[0].size < base - list[0].base) {
			struct loc at = { m->tree->file, 0, 0 };
			diag_error(&at, "the first memory region (at 0x%llx, 0x%llx bytes) of %s is too small to align its base to %u bits",
				   (unsigned long long)list[0].base, (unsigned long long)list[0].size, list[0].owner->path,
				   m->cfg->phys_align);
			return -1;
		}
		list[0].size -= base - list[0].base;
		list[0].base = base;
	}
	*out = list;
	*n = nleft;
	*phys_base = list[0].base;
	return 0;
}

int hw_devices_list(struct hw_model *m, const char *prop, struct fdt_node ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct fdt_node *chosen = fdt_by_path(m->tree, "/chosen");
	if (!chosen)
		return err(m, "the device tree has no /chosen node (where %s lists the kernel's devices)", prop);
	const struct fdt_prop *p = fdt_prop(chosen, prop);
	if (!p)
		return 0;
	if (!fdt_is_strings(p))
		return err(m, "property '%s' of /chosen is not a list of paths", prop);
	const char *paths[256];
	size_t k = fdt_strings(m->a, p, paths, 256);
	if (k > 256)
		return err(m, "property '%s' of /chosen lists more than 256 devices", prop);
	*out = arena_alloc(m->a, (k + 1) * sizeof(**out));
	for (size_t i = 0; i < k; i++) {
		const char *path = paths[i];
		if (path[0] != '/') {
			/* an alias, up to an optional ":options" */
			const char *alias = arena_strndup(m->a, path, strcspn(path, ":"));
			struct fdt_node *aliases = fdt_by_path(m->tree, "/aliases");
			const char *target = aliases ? fdt_first_string(aliases, alias) : NULL;
			if (!target)
				return err(m, "/chosen %s names '%s', which is neither a path nor an alias in /aliases", prop, path);
			path = target;
		}
		struct fdt_node *d = fdt_by_path(m->tree, path);
		if (!d)
			return err(m, "/chosen %s names %s, which does not exist in the device tree", prop, path);
		(*out)[(*n)++] = d;
	}
	return 0;
}

int hw_rule_of(struct hw_model *m, const struct fdt_node *n, const struct hw_rule **rule, const char **compat)
{
	const struct fdt_prop *c = fdt_prop(n, "compatible");
	if (!c || !fdt_is_strings(c))
		return err(m, "kernel device %s has no 'compatible' strings, so no hardware rule can match it", n->path);
	const char *s[64];
	size_t k = fdt_strings(m->a, c, s, 64);
	for (size_t i = 0; i < k && i < 64; i++)
		if ((*rule = hw_rules_find(m->rules, s[i]))) {
			*compat = s[i];
			return 0;
		}
	struct loc at = { m->tree->file, 0, 0 };
	struct sb all = SB_INIT;
	for (size_t i = 0; i < k && i < 64; i++)
		sb_addf(&all, "%s%s", i ? ", " : "", s[i]);
	diag_error(&at, "no hardware rule matches the compatible strings \"%s\" of kernel device %s", sb_str(&all), n->path);
	diag_note(NULL, "the kernel's tools/hardware.yml says which devices the kernel can use");
	sb_release(&all);
	return -1;
}

struct groups_memo {
	struct hw_group **g;
	size_t n;
};

int hw_device_groups(struct hw_model *m, struct fdt_node *n, struct hw_group ***out, size_t *count)
{
	if (n->groups) {
		struct groups_memo *memo = n->groups;
		*out = memo->g;
		*count = memo->n;
		return 0;
	}
	const struct hw_rule *rule;
	const char *compat;
	struct hw_region *regs;
	size_t nregs;
	if (hw_rule_of(m, n, &rule, &compat) || hw_node_regions(m, n, &regs, &nregs))
		return -1;
	struct groups_memo *memo = arena_alloc(m->a, sizeof(*memo));
	memo->g = arena_alloc(m->a, (rule->nregions + 1) * sizeof(*memo->g));
	unsigned bits = m->cfg->dev_page_bits;
	hw_addr page = (hw_addr)1 << bits;
	for (size_t i = 0; i < rule->nregions; i++) {
		const struct hw_region_rule *rr = &rule->regions[i];
		if (rr->index >= nregs)
			continue; /* the device has fewer regions than the rule knows: nothing to map */
		struct hw_region r = regs[rr->index];
		hw_addr max = page;
		if (rr->has_kernel_size)
			max = rr->kernel_size;
		else if (max < r.size)
			diag_info("only mapping %llu/%llu bytes from node %s, region %llu; set kernel_size in the rules to silence",
				  (unsigned long long)max, (unsigned long long)r.size, n->path, (unsigned long long)rr->index);
		hw_addr size = r.size < max ? r.size : max;
		struct hw_group *g = arena_alloc(m->a, sizeof(*g));
		g->page_bits = bits;
		g->macro = rr->macro;
		g->user = rr->user;
		/* the base goes down to a page, the size (not the end) up to pages */
		g->base = r.base & ~(page - 1);
		g->size = (size + page - 1) & ~(page - 1);
		g->desc = n->path;
		g->labels = arena_grow(m->a, NULL, &g->cap_labels, 1, sizeof(*g->labels));
		g->labels[g->nlabels++] = (struct hw_label){ rr->kernel, r.base - g->base };
		memo->g[memo->n++] = g;
	}
	n->groups = memo;
	*out = memo->g;
	*count = memo->n;
	return 0;
}

static const char *irq_desc(struct hw_model *m, const char *name, const struct fdt_node *n)
{
	return arena_printf(m->a, "%s generated from %s", name, n->path);
}

static int boot_cpu_irq(struct hw_model *m, const struct fdt_node *n, const int64_t *irqs, size_t nirqs, int64_t *irq)
{
	struct fdt_node *chosen = fdt_by_path(m->tree, "/chosen");
	const struct fdt_prop *bc;
	if (!chosen || !fdt_prop(chosen, "seL4,boot-cpu"))
		return err(m, "kernel device %s has a boot-cpu interrupt, but /chosen has no seL4,boot-cpu", n->path);
	if (fdt_cells(m->tree, chosen, "seL4,boot-cpu", &bc) < 0)
		return -1;
	const struct fdt_prop *aff = fdt_prop(n, "interrupt-affinity");
	long naff = 0;
	if (aff && (naff = fdt_cells(m->tree, n, "interrupt-affinity", &aff)) < 0)
		return -1;
	for (long i = 0; i < naff; i++)
		if (fdt_cell(aff, (size_t)i) == fdt_cell(bc, 0)) {
			if ((size_t)i >= nirqs)
				return err(m, "kernel device %s has fewer interrupts than interrupt-affinity entries", n->path);
			*irq = irqs[i];
			return 0;
		}
	return err(m, "the seL4,boot-cpu of /chosen is not in the interrupt-affinity of %s", n->path);
}

int hw_kernel_irqs(struct hw_model *m, struct hw_irq **out, size_t *n)
{
	struct hw_irq *list = NULL;
	size_t cnt = 0, cap = 0;
	for (size_t d = 0; d < m->nkdevs; d++) {
		struct fdt_node *dev = m->kdevs[d];
		const struct hw_rule *rule;
		const char *compat;
		if (hw_rule_of(m, dev, &rule, &compat))
			return -1;
		if (rule->nirqs == 0)
			continue;
		int64_t *irqs;
		size_t nirqs;
		if (irq_of_node(m->tree, dev, &irqs, &nirqs))
			return -1;
		for (size_t i = 0; i < rule->nirqs; i++) {
			const struct hw_irq_rule *ir = &rule->irqs[i];
			struct hw_irq k = { ir->name, 0, -1, 0, NULL, NULL, irq_desc(m, ir->name, dev) };
			if (ir->kind == HW_IRQ_SELECT) {
				if (ir->index >= nirqs)
					continue;
				k.irq = irqs[ir->index];
				k.sel_macro = ir->sel_macro;
				k.enable_macro = ir->enable_macro;
				k.prio = ir->priority;
				if (ir->has_undef) {
					if (ir->undef_index >= nirqs)
						return err(m, "kernel device %s has no interrupt at the undef_index of rule %s", dev->path,
							   ir->name);
					k.false_irq = irqs[ir->undef_index];
				}
			} else if (ir->kind == HW_IRQ_INDEX) {
				if (ir->index >= nirqs)
					continue;
				k.irq = irqs[ir->index];
			} else {
				k.desc = NULL;
				if (boot_cpu_irq(m, dev, irqs, nirqs, &k.irq))
					return -1;
			}
			/* one interrupt per label: a higher priority replaces, in place */
			size_t j = 0;
			while (j < cnt && strcmp(list[j].label, k.label))
				j++;
			if (j < cnt) {
				if (k.prio > list[j].prio)
					list[j] = k;
				continue;
			}
			list = arena_grow(m->a, list, &cap, cnt + 1, sizeof(*list));
			list[cnt++] = k;
		}
	}
	/* by label (stable insertion sort; labels are unique) */
	for (size_t i = 1; i < cnt; i++)
		for (size_t j = i; j > 0 && strcmp(list[j - 1].label, list[j].label) > 0; j--) {
			struct hw_irq t = list[j];
			list[j] = list[j - 1];
			list[j - 1] = t;
		}
	*out = list;
	*n = cnt;
	return 0;
}
