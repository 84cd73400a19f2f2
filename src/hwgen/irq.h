/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Interrupt specifiers to interrupt numbers, per interrupt controller kind, as the kernel's
 * generator decodes them: ARM GICs (SPI n -> n+32, PPI n -> n+16), controllers whose first
 * cell is the number (RISC-V PLIC and CPU controllers, BCM2836, TI, i.MX AVIC), controllers
 * that pass to their own parent (i.MX GPC, Tegra ICTLR), interrupt nexuses (interrupt-map,
 * matched the way Linux matches), and a fallback that yields -1.
 */
#ifndef SELFE_HWGEN_IRQ_H
#define SELFE_HWGEN_IRQ_H

#include <stdint.h>

#include "hwgen/fdt.h"

/* Mark the interrupt controllers of the tree (nodes with a phandle and interrupt-controller
 * or interrupt-map). */
void irq_find_controllers(struct fdt *t);

/* The interrupts of `n` (interrupts-extended, else interrupts): count in *count, numbers in
 * *out (arena).  0, or -1 after reporting. */
int irq_of_node(struct fdt *t, const struct fdt_node *n, int64_t **out, size_t *count);

#endif
