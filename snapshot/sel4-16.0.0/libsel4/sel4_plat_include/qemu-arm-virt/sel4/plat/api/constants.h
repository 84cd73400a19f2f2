/* SPDX-License-Identifier: BSD-2-Clause */
/* QEMU's virt machine: the core is whichever one the kernel was configured to emulate. */
#pragma once

#include <sel4/config.h>

#if defined(CONFIG_ARM_CORTEX_A15)
#include <sel4/arch/constants_cortex_a15.h>
#elif defined(CONFIG_ARM_CORTEX_A53)
#include <sel4/arch/constants_cortex_a53.h>
#elif defined(CONFIG_ARM_CORTEX_A57)
#include <sel4/arch/constants_cortex_a57.h>
#elif defined(CONFIG_ARM_CORTEX_A72)
#include <sel4/arch/constants_cortex_a72.h>
#else
#error "unsupported core"
#endif

/* On 32-bit the user range comes from the kernel configuration (aarch64 defines it in
 * sel4/sel4_arch/constants.h); seL4_UserTop, the older name, is the first address past it. */
#if CONFIG_WORD_SIZE == 32
#define seL4_UserTop CONFIG_USER_TOP
#define seL4_UserVSpaceTop (CONFIG_USER_TOP - 1)
#endif
