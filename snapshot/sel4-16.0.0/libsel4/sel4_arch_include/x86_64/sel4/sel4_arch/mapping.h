/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * When a page or table cannot be mapped because a paging level is missing, the kernel's
 * failed-lookup reply says which one: message register SEL4_MAPPING_LOOKUP_LEVEL then holds
 * one of the SEL4_MAPPING_LOOKUP_NO_* values.
 */
#pragma once

#define SEL4_MAPPING_LOOKUP_LEVEL 2
#define SEL4_MAPPING_LOOKUP_NO_PT 21
#define SEL4_MAPPING_LOOKUP_NO_PD 30
#define SEL4_MAPPING_LOOKUP_NO_PDPT 39

LIBSEL4_INLINE_FUNC seL4_Word seL4_MappingFailedLookupLevel(void)
{
	return seL4_GetMR(SEL4_MAPPING_LOOKUP_LEVEL);
}
