/* SPDX-License-Identifier: BSD-2-Clause */
/* Widths of a capability's guard and badge on 32-bit kernels. */
#pragma once

#define seL4_GuardSizeBits 5
#define seL4_GuardBits 18
#define seL4_BadgeBits 28
