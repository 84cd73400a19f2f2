/* SPDX-License-Identifier: BSD-2-Clause */
/* riscv64 keeps no deprecated names. */
#pragma once
