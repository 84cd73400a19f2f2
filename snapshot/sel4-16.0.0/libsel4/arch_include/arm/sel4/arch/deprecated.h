/* SPDX-License-Identifier: BSD-2-Clause */
/* ARM keeps no deprecated names common to aarch32 and aarch64 (see sel4/sel4_arch/deprecated.h). */
#pragma once

#include <sel4/config.h>
