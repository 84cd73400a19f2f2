/* SPDX-License-Identifier: BSD-2-Clause */
/* The values a failed EPT mapping reports for a missing EPT level (see sel4_arch/mapping.h). */
#pragma once

#include <sel4/sel4_arch/mapping.h>

#define SEL4_MAPPING_LOOKUP_NO_EPTPDPT 39
#define SEL4_MAPPING_LOOKUP_NO_EPTPD 30
#define SEL4_MAPPING_LOOKUP_NO_EPTPT 21
