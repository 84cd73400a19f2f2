/* SPDX-License-Identifier: BSD-2-Clause */
/* After a failed map, message register SEL4_MAPPING_LOOKUP_LEVEL holds how many address bits
 * the missing page table would have translated. */
#pragma once

#include <sel4/config.h>

#define SEL4_MAPPING_LOOKUP_LEVEL 2

#ifdef CONFIG_ARM_HYPERVISOR_SUPPORT
#define SEL4_MAPPING_LOOKUP_NO_PT 21
#else
#define SEL4_MAPPING_LOOKUP_NO_PT 20
#endif

LIBSEL4_INLINE_FUNC seL4_Word seL4_MappingFailedLookupLevel(void)
{
    return seL4_GetMR(SEL4_MAPPING_LOOKUP_LEVEL);
}
