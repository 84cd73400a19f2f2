/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What -fstack-protector code links against, so a root task compiled with it (some toolchains
 * turn it on by default) still links and reports a smashed stack.  aarch32, aarch64 and riscv64
 * read the canary from the global __stack_chk_guard; x86_64 reads it from the thread's TLS block
 * (%fs:0x28) instead, which selfe-start does not fill, so x86_64 root tasks are built with
 * -fno-stack-protector.  No entropy is available this early: the canary is a fixed pattern with
 * a zero byte (string copies stop at it) — it catches overruns, not attackers.
 */
#include <stdint.h>

#include "selfe/runtime.h"

extern uintptr_t __stack_chk_guard;
uintptr_t __stack_chk_guard = (uintptr_t)0x00e3b5a1c7d9f20bULL;

_Noreturn void __stack_chk_fail(void);
_Noreturn void __stack_chk_fail(void)
{
	selfe_panic("stack smashing detected");
}
