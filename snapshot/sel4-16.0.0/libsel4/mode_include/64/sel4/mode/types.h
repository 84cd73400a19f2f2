/* SPDX-License-Identifier: BSD-2-Clause */
/* Widths of a capability's guard and badge on 64-bit kernels. */
#pragma once

#define seL4_GuardSizeBits 6
#define seL4_GuardBits 58
#define seL4_BadgeBits 64
