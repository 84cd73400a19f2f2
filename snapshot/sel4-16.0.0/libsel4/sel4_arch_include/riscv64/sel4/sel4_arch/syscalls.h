/* SPDX-License-Identifier: BSD-2-Clause */
/* The RISC-V system calls do not depend on the word size: all of them are in
 * sel4/arch/syscalls.h. */
#pragma once
