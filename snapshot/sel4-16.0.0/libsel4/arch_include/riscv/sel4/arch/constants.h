/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V has no constants shared by its sel4_arches: see sel4/sel4_arch/constants.h. */
#pragma once
