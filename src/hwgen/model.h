/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the kernel's generator computes from a device tree and the rules: the physical memory
 * (memory nodes, adjacent ranges merged, no-map reserved memory cut out, the first range's base
 * aligned as the arch's kernel image needs), the kernel's device mappings (page-aligned groups
 * of page chunks, each labelled with its macro names) and the kernel's interrupts.
 */
#ifndef SELFE_HWGEN_MODEL_H
#define SELFE_HWGEN_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "hwgen/fdt.h"
#include "hwgen/rules.h"
#include "util/sb.h"

struct hw_cfg {
	const char *sel4arch;
	bool arm;             /* aarch32, aarch64, arm_hyp (else riscv32, riscv64) */
	unsigned phys_align;  /* bits the first memory region's base is aligned to (0: none) */
	unsigned dev_page_bits;
	uint64_t addrspace_max;
};

/* The configuration of a sel4_arch; -1 after reporting an unknown one. */
int hw_cfg_init(struct hw_cfg *c, const char *sel4arch, uint64_t addrspace_max);

/*
 * Addresses and sizes in 128 bits: a region may end exactly at 2^64 (reserved memory reaching
 * the top of a 64-bit space), and the kernel's generator computes with unbounded integers.
 */
__extension__ typedef unsigned __int128 hw_addr;

struct hw_region {
	hw_addr base, size;
	const struct fdt_node *owner;
};

struct hw_label {
	const char *name;
	hw_addr offset; /* within the group */
};

struct hw_group {
	hw_addr base, size;
	unsigned page_bits;
	const char *macro;
	bool user;
	const char *desc; /* the node paths, ", " between them */
	struct hw_label *labels;
	size_t nlabels, cap_labels;
	hw_addr kernel_offset;
};

struct hw_irq {
	const char *label;
	int64_t irq, false_irq;
	int64_t prio;
	const char *sel_macro, *enable_macro;
	const char *desc; /* NULL for boot-cpu interrupts (printed as "None", as the kernel's generator does) */
};

struct hw_model {
	struct arena *a;
	struct fdt *tree;
	const struct hw_rules *rules;
	const struct hw_cfg *cfg;
	struct fdt_node **kdevs; /* /chosen's seL4,kernel-devices, resolved */
	size_t nkdevs;
};

/* Python's "0x{:x}" and "{}" of a non-negative integer. */
void hw_hex(struct sb *s, hw_addr v);
void hw_dec(struct sb *s, hw_addr v);

/* Physical memory in base order; *phys_base the first region's base.  0, or -1 after reporting. */
int hw_physical_memory(struct hw_model *m, struct hw_region **out, size_t *n, hw_addr *phys_base);

/* The nodes /chosen's property `prop` lists (paths or aliases).  0, or -1 after reporting. */
int hw_devices_list(struct hw_model *m, const char *prop, struct fdt_node ***out, size_t *n);

/* The rule for node n and the compatible string that matched it.  0, or -1 after reporting. */
int hw_rule_of(struct hw_model *m, const struct fdt_node *n, const struct hw_rule **rule, const char **compat);

/* The region groups the rules map for kernel device n (made once per node).  0 or -1. */
int hw_device_groups(struct hw_model *m, struct fdt_node *n, struct hw_group ***out, size_t *count);

/* The regions of node n's reg property, translated to CPU addresses.  0, or -1 after reporting. */
int hw_node_regions(struct hw_model *m, const struct fdt_node *n, struct hw_region **out, size_t *count);

/* The kernel's interrupts, by label.  0, or -1 after reporting. */
int hw_kernel_irqs(struct hw_model *m, struct hw_irq **out, size_t *n);

/* Region arithmetic shared with the outputs: `regs` minus `cut`, into a new array. */
void hw_subtract(struct arena *a, struct hw_region **regs, size_t *n, struct hw_region cut);
void hw_sort_regions(struct hw_region *r, size_t n);

#endif
