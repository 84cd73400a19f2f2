/* SPDX-License-Identifier: BSD-2-Clause */
/* QEMU's RISC-V virt machine adds no platform constants. */
#pragma once

#include <sel4/config.h>
