/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The console sink.  On a kernel that prints (CONFIG_PRINTING) characters go to the kernel's
 * debug putchar.  Otherwise the runtime drives the platform's UART itself, once it can reach
 * it (uart.c): on pc99 from the start (selfe-start issues the COM1 I/O port capability), on
 * ARM and RISC-V from selfe_alloc_init on (which maps the UART's device frame).  Before that,
 * or on a platform without a known UART, output is formatted and dropped.
 */
#include <stdarg.h>

#include <sel4/sel4.h>

#include "selfe/runtime.h"
#include "uart.h"

void selfe_putchar(int c)
{
#ifdef CONFIG_PRINTING
	seL4_DebugPutChar((char)c);
#else
	selfe_rt_uart_putc(c);
#endif
}

static void emit_to_console(char c, void *ctx)
{
	(void)ctx;
	selfe_putchar(c);
}

int selfe_vprintf(const char *fmt, va_list ap)
{
	return selfe_vformat(emit_to_console, NULL, fmt, ap);
}

int selfe_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = selfe_vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int selfe_puts(const char *s)
{
	int n = 0;
	for (; s[n]; n++)
		selfe_putchar(s[n]);
	selfe_putchar('\n');
	return n + 1;
}
