/* SPDX-License-Identifier: BSD-2-Clause */
/* x86 object types, numbered after the sel4_arch ones; absent types get impossible values. */
#pragma once

#include <sel4/config.h>

typedef enum _object {
	seL4_X86_4K = seL4_ModeObjectTypeCount,
	seL4_X86_LargePageObject,
	seL4_X86_PageTableObject,
	seL4_X86_PageDirectoryObject,
#ifdef CONFIG_IOMMU
	seL4_X86_IOPageTableObject,
#endif
#ifdef CONFIG_VTX
	seL4_X86_VCPUObject,
	seL4_X86_EPTPML4Object,
	seL4_X86_EPTPDPTObject,
	seL4_X86_EPTPDObject,
	seL4_X86_EPTPTObject,
#endif
	seL4_ObjectTypeCount
} seL4_ArchObjectType;

typedef seL4_Word object_t;

/* Values no retype accepts, so code naming these types still compiles without the feature. */
#ifndef CONFIG_IOMMU
#define seL4_X86_IOPageTableObject 0xffffff
#endif
#ifndef CONFIG_VTX
#define seL4_X86_VCPUObject 0xfffffe
#define seL4_X86_EPTPML4Object 0xfffffd
#define seL4_X86_EPTPDPTObject 0xfffffc
#define seL4_X86_EPTPDObject 0xfffffb
#define seL4_X86_EPTPTObject 0xfffffa
#endif
