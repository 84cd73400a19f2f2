/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel's hardware rules (tools/hardware.yml): for each set of compatible strings, which
 * memory regions of the device the kernel maps (under which macro name, how much, whether user
 * level may have it too) and which of its interrupts the kernel uses.  Checked as its schema
 * (tools/hardware_schema.yml) says, with file:line:col for anything else.
 */
#ifndef SELFE_HWGEN_RULES_H
#define SELFE_HWGEN_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

struct hw_region_rule {
	uint64_t index;
	const char *kernel;     /* the kernel's name for the mapping (UART_PPTR) */
	bool has_kernel_size;
	uint64_t kernel_size;
	const char *macro;      /* NULL, or the config macro guarding the mapping */
	bool user;
};

enum hw_irq_kind { HW_IRQ_INDEX, HW_IRQ_BOOT_CPU, HW_IRQ_SELECT };

struct hw_irq_rule {
	const char *name;
	enum hw_irq_kind kind;
	uint64_t index;
	const char *sel_macro, *enable_macro;
	bool has_undef;
	uint64_t undef_index;
	int64_t priority;
};

struct hw_rule {
	const char **compat;
	size_t ncompat;
	struct hw_region_rule *regions; /* in first-appearance order of their index */
	size_t nregions;
	struct hw_irq_rule *irqs;
	size_t nirqs;
};

struct hw_rules {
	struct hw_rule *rules;
	size_t n;
};

/* Read the rules file `file` (its text).  0, or -1 after reporting. */
int hw_rules_read(struct arena *a, const char *file, const char *text, struct hw_rules *out);

/* The rule for compatible string `compat` (a later rule naming it wins), or NULL. */
const struct hw_rule *hw_rules_find(const struct hw_rules *r, const char *compat);

#endif
