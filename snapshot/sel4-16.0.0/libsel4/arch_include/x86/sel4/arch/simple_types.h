/* SPDX-License-Identifier: BSD-2-Clause */
/* x86 leaves the integer model to the sel4_arch (ia32 or x86_64). */
#pragma once

#include <sel4/sel4_arch/simple_types.h>
