/* SPDX-License-Identifier: BSD-2-Clause */
/* ARM has no constants shared by aarch32 and aarch64: they live in sel4/sel4_arch/constants.h,
 * the per-core ones in constants_cortex_*.h (pulled in by the platform's constants). */
#pragma once
