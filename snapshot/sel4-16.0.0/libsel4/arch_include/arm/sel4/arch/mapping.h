/* SPDX-License-Identifier: BSD-2-Clause */
/* Which paging level was missing when a map failed: defined per sel4_arch. */
#pragma once

#include <sel4/sel4_arch/mapping.h>
