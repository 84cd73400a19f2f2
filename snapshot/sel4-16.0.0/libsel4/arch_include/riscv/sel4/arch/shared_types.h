/* SPDX-License-Identifier: BSD-2-Clause */
/* What the generated shared bitfield types rely on: the word-size constants and the
 * object-type enumerations. */
#pragma once

#include <sel4/sel4_arch/constants.h>

#include <sel4/sel4_arch/objecttype.h>
#include <sel4/arch/objecttype.h>
