/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The debug console sink: characters go to the kernel's debug putchar, which exists only when
 * the kernel prints (CONFIG_PRINTING).  Without it everything here still formats (so return
 * values stay the same) and drops the output.
 */
#include <stdarg.h>

#include <sel4/sel4.h>

#include "selfe/runtime.h"

void selfe_putchar(int c)
{
#ifdef CONFIG_PRINTING
	seL4_DebugPutChar((char)c);
#else
	(void)c;
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
