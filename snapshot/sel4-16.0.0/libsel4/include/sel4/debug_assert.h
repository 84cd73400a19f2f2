/* SPDX-License-Identifier: BSD-2-Clause */
/* Assertions that disappear under NDEBUG (the generated bitfield code uses them). */
#pragma once

#ifdef NDEBUG
#define seL4_DebugAssert(expr) ((void)(0))
#else
#include <sel4/assert.h>
#define seL4_DebugAssert(expr) seL4_Assert(expr)
#endif
