/* SPDX-License-Identifier: BSD-2-Clause */
/* The one header a program includes: the whole libsel4 interface for this configuration. */
#pragma once

#include <sel4/config.h>
#include <sel4/types.h>
#include <sel4/macros.h>

#include <sel4/syscalls.h>
#include <sel4/arch/syscalls.h>
#include <sel4/sel4_arch/syscalls.h>

#include <sel4/invocation.h>
#include <interfaces/sel4_client.h>
#include <sel4/virtual_client.h>

#include <sel4/bootinfo.h>
#include <sel4/faults.h>
#include <sel4/deprecated.h>

#include <sel4/constants.h>
#include <sel4/sel4_arch/constants.h>
#include <sel4/arch/constants.h>
#include <sel4/plat/api/constants.h>
