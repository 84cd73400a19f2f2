/* SPDX-License-Identifier: BSD-2-Clause */
/* The width of seL4_Word and seL4_Int64 is a property of the sel4_arch. */
#pragma once

#include <sel4/sel4_arch/simple_types.h>
