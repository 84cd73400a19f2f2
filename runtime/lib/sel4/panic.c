/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Stopping for good: selfe_panic, selfe_halt, and the assertion hook libsel4 (and selfe/assert.h)
 * call.  Each is an out-of-line function with a stable name, a place to put a breakpoint.
 */
#include <stdarg.h>

#include <sel4/sel4.h>

#include "selfe/assert.h"
#include "selfe/runtime.h"

_Noreturn void __attribute__((noinline)) selfe_halt(void)
{
#ifdef CONFIG_DEBUG_BUILD
	/* A debug kernel can stop the whole system, which is what a failed root task wants. */
	seL4_DebugHalt();
#endif
	/*
	 * Otherwise stop this thread: receiving on the null capability is a capability fault, and a
	 * thread with no fault handler is left inactive by the kernel.  Whatever happens next
	 * (a handler that resumes us), we never return.
	 */
	for (;;)
		seL4_Wait(seL4_CapNull, NULL);
}

/* The message, then the caller's address on a line of its own (`selfe test` names its source
 * line with addr2line), then halt. */
static _Noreturn void panic_from(void *caller, const char *fmt, va_list ap)
{
	selfe_printf("panic: ");
	selfe_vprintf(fmt, ap);
	selfe_printf("\npanic: called from %p\n", caller);
	selfe_halt();
}

_Noreturn void __attribute__((noinline)) selfe_panic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	panic_from(__builtin_return_address(0), fmt, ap);
}

static _Noreturn void panic_with(void *caller, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	panic_from(caller, fmt, ap);
}

/* libsel4 declares this without _Noreturn; adding it to the definition is allowed and lets the
 * compiler know. */
_Noreturn void __attribute__((noinline)) __assert_fail(const char *str, const char *file, int line,
						       const char *function)
{
	panic_with(__builtin_return_address(0), "assertion failed: %s (%s:%d, %s)", str, file, line, function);
}

#if defined(__arm__)
/*
 * ARM's run-time ABI: integer division helpers (libgcc's __aeabi_uldivmod & co., which the
 * 64-bit divisions in printf's formatting use) call these on a division by zero.  libgcc's own
 * versions, made for Linux, raise a signal and so need a C library.  These live in this file
 * because it is always part of the link (selfe-start calls selfe_panic), so the linker has them
 * before it reaches libgcc, which comes after the runtime archive on the link line.
 */
int __aeabi_idiv0(int return_value);
long long __aeabi_ldiv0(long long return_value);

int __aeabi_idiv0(int return_value)
{
	(void)return_value;
	selfe_panic("integer division by zero");
}

long long __aeabi_ldiv0(long long return_value)
{
	(void)return_value;
	selfe_panic("integer division by zero");
}
#endif
