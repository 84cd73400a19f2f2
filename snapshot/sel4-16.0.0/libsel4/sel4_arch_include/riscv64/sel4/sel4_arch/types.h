/* SPDX-License-Identifier: BSD-2-Clause */
/* riscv64 adds no types of its own to the RISC-V ones (sel4/arch/types.h). */
#pragma once

#include <sel4/config.h>
#include <sel4/simple_types.h>
