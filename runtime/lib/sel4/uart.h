/* SPDX-License-Identifier: BSD-2-Clause */
/* The runtime's own UART driver, for kernels that do not print (uart.c). */
#ifndef SELFE_RT_UART_H
#define SELFE_RT_UART_H

/* Writes c (a '\n' as "\r\n") when the UART is reachable; drops it otherwise. */
void selfe_rt_uart_putc(int c);

#endif
