/* SPDX-License-Identifier: BSD-2-Clause */
/* x86 has no deprecated names of its own in this release. */
#pragma once

#include <sel4/config.h>
