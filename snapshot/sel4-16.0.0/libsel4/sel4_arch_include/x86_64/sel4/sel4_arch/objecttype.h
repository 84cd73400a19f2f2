/* SPDX-License-Identifier: BSD-2-Clause */
/* x86_64 object types, numbered after the generic ones. */
#pragma once

#include <sel4/config.h>

typedef enum _mode_object {
	seL4_X86_PDPTObject = seL4_NonArchObjectTypeCount,
	seL4_X64_PML4Object,
#ifdef CONFIG_HUGE_PAGE
	seL4_X64_HugePageObject,
#endif
	seL4_ModeObjectTypeCount
} seL4_seL4ArchObjectType;

#define seL4_IA32_PDPTObject seL4_X86_PDPTObject

/* A value no retype accepts, so code naming 1 GiB pages still compiles without them. */
#ifndef CONFIG_HUGE_PAGE
#define seL4_X64_HugePageObject 0xfffffffe
#endif
