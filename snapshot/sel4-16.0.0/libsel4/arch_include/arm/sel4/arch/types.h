/* SPDX-License-Identifier: BSD-2-Clause */
/* Capability types and mapping/cache attributes shared by both ARM sel4_arches. */
#pragma once

#include <sel4/macros.h>
#include <sel4/simple_types.h>
#include <sel4/sel4_arch/types.h>

/* Every object below is named by a capability pointer; the typedefs only document intent. */
typedef seL4_CPtr seL4_ARM_Page;
typedef seL4_CPtr seL4_ARM_PageTable;
typedef seL4_CPtr seL4_ARM_PageDirectory;
typedef seL4_CPtr seL4_ARM_ASIDControl;
typedef seL4_CPtr seL4_ARM_ASIDPool;
typedef seL4_CPtr seL4_ARM_VCPU;
typedef seL4_CPtr seL4_ARM_IOSpace;
typedef seL4_CPtr seL4_ARM_IOPageTable;
typedef seL4_CPtr seL4_ARM_SIDControl;
typedef seL4_CPtr seL4_ARM_SID;
typedef seL4_CPtr seL4_ARM_CBControl;
typedef seL4_CPtr seL4_ARM_CB;
typedef seL4_CPtr seL4_ARM_SMC;
typedef seL4_CPtr seL4_ARM_SGI_Signal;

/* Attribute bits for mapping a frame; the default is cacheable with parity on. */
typedef enum {
    seL4_ARM_PageCacheable = 1 << 0,
    seL4_ARM_ParityEnabled = 1 << 1,
    seL4_ARM_Default_VMAttributes = seL4_ARM_PageCacheable | seL4_ARM_ParityEnabled,
    seL4_ARM_ExecuteNever = 1 << 2,
    SEL4_FORCE_LONG_ENUM(seL4_ARM_VMAttributes),
} seL4_ARM_VMAttributes;

/* Which cache a cache-maintenance invocation acts on: instruction, data, or both. */
typedef enum {
    seL4_ARM_CacheI = 1,
    seL4_ARM_CacheD = 2,
    seL4_ARM_CacheID = seL4_ARM_CacheI | seL4_ARM_CacheD,
    SEL4_FORCE_LONG_ENUM(seL4_ARM_CacheType),
} seL4_ARM_CacheType;
