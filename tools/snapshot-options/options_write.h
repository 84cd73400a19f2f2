/* SPDX-License-Identifier: BSD-2-Clause */
/* Writing the snapshot's option table from a seL4 tree (a tool's code, not selfe's). */
#ifndef SELFE_OPTIONS_WRITE_H
#define SELFE_OPTIONS_WRITE_H

#include "util/sb.h"

/*
 * The table for seL4 tree `tree`: every supported offline configuration (the embedded default
 * sel4.toml resolved for pc99, sabre, qemu-arm-virt and qemu-riscv-virt, debug and release, plus
 * KernelIsMCS = true for pc99 and qemu-arm-virt) evaluated natively.  Returns 0, or -1 after
 * reporting.  Needs what evaluating those platforms needs (dtc, QEMU for the qemu-* platforms).
 */
int snapshot_options_write(struct sb *out, const char *tree);

#endif
