/* SPDX-License-Identifier: BSD-2-Clause */
/* aarch32-only object types, numbered after the kernel's generic ones. */
#pragma once

typedef enum _mode_object {
    seL4_ARM_PageDirectoryObject = seL4_NonArchObjectTypeCount,
    seL4_ModeObjectTypeCount,
} seL4_ModeObjectType;
