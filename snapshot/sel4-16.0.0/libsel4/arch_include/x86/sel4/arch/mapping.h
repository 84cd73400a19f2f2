/* SPDX-License-Identifier: BSD-2-Clause */
/* Which missing EPT level a failed guest mapping reports (the bits a missing level would cover). */
#pragma once

#include <sel4/sel4_arch/mapping.h>

#define SEL4_MAPPING_LOOKUP_NO_EPTPDPT 39
#define SEL4_MAPPING_LOOKUP_NO_EPTPD 30
#define SEL4_MAPPING_LOOKUP_NO_EPTPT 21
