/* SPDX-License-Identifier: BSD-2-Clause */
/* The failed-mapping lookup level is defined in sel4/sel4_arch/mapping.h. */
#pragma once
