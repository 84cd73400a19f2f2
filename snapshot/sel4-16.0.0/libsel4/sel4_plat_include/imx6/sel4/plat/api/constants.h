/* SPDX-License-Identifier: BSD-2-Clause */
/* i.MX6 (sabre): a Cortex-A9; user space ends where the kernel's window starts, at 0xe0000000. */
#pragma once

#include <sel4/config.h>
#include <sel4/arch/constants_cortex_a9.h>

/* seL4_UserTop, the older name, is the first address user level cannot use. */
#define seL4_UserTop 0xe0000000
#define seL4_UserVSpaceTop (seL4_UserTop - 1)
