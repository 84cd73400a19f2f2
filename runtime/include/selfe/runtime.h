/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * selfe-runtime: console output, panic and halt for a C root task.  No errno, no host libc.
 * Output goes to the kernel's debug console (seL4_DebugPutChar) when the kernel was built with
 * printing (CONFIG_PRINTING).  Otherwise the runtime writes to the platform's UART itself:
 * on pc99 (COM1, through an I/O port capability selfe-start issues into the last empty slot)
 * from the start; on qemu-arm-virt (PL011), sabre (imx UART2) and qemu-riscv-virt (16550)
 * once selfe_alloc_init has mapped the UART (output before that is dropped).  The formatting
 * itself is pure and also runs on a host (selfe_vformat, selfe_[v]snprintf).
 *
 * Conversions: %c %s %d %i %u %x %X %p %% with the length modifiers hh, h, l, ll, z, j, t;
 * flags '-' (left-justify), '0' (zero-pad), '+' and ' ' (sign of %d/%i), '#' (0x/0X before a
 * non-zero %x/%X); a decimal or '*' field width and precision ("%.3s", "%.5d") — all as in C.
 * %p prints 0x and the address in lowercase hex (0x0 for null).  An unknown conversion is
 * printed as written and takes no argument.  "%s" of a null pointer prints "(null)".
 */
#ifndef SELFE_RT_RUNTIME_H
#define SELFE_RT_RUNTIME_H

#include <stdarg.h>
#include <stddef.h>

#define SELFE_PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))

/* The pure formatter: calls `emit(c, ctx)` once per output character, returns their count. */
typedef void (*selfe_emit_fn)(char c, void *ctx);
int selfe_vformat(selfe_emit_fn emit, void *ctx, const char *fmt, va_list ap);

/*
 * Like C's snprintf: writes at most n - 1 characters and a terminating NUL (nothing when n is
 * 0; buf may then be NULL), returns the length the whole output would have had.
 */
int selfe_snprintf(char *buf, size_t n, const char *fmt, ...) SELFE_PRINTF(3, 4);
int selfe_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);

/* Debug console (silent without CONFIG_PRINTING).  Return the number of characters formatted. */
int selfe_printf(const char *fmt, ...) SELFE_PRINTF(1, 2);
int selfe_vprintf(const char *fmt, va_list ap);
/* Writes s and a newline. */
int selfe_puts(const char *s);
void selfe_putchar(int c);

/*
 * Prints "panic: <message>" and a newline, then "panic: called from 0x..." (the caller's
 * address, which `selfe test` turns into a function and source line), then halts.  selfe_halt() stops the calling thread
 * for good: on a debug kernel (CONFIG_DEBUG_BUILD) it halts the whole system with
 * seL4_DebugHalt; otherwise the thread faults on purpose (a receive on the null capability)
 * and, having no fault handler, is never scheduled again.  Both are out-of-line functions with
 * these names, so a debugger can break on them.
 */
_Noreturn void selfe_panic(const char *fmt, ...) SELFE_PRINTF(1, 2);
_Noreturn void selfe_halt(void);

#endif
