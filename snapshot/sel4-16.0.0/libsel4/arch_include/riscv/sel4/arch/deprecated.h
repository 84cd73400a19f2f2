/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V keeps no deprecated names. */
#pragma once
