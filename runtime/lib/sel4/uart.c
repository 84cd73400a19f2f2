/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The platform's UART, driven by the root task when the kernel does not print.  Transmit only,
 * polled, with the settings firmware or QEMU left (no baud rate programming).
 *
 *   pc99             COM1, a 16550 at I/O ports 0x3f8..0x3ff, through an I/O port capability
 *                    the root task issues itself from seL4_CapIOPortControl
 *   qemu-arm-virt    PL011 at 0x09000000 (QEMU's virt machine memory map)
 *   sabre (imx6)     UART2 at 0x021e8000 (the board's console: stdout-path of its device tree)
 *   qemu-riscv-virt  16550 at 0x10000000, registers one byte apart (QEMU's virt machine)
 *
 * The memory-mapped ones are mapped by selfe_alloc_init (selfe_console_start), so output
 * before that is dropped; the kernel leaves device memory it does not use to the root task.
 */
#include <selfe/alloc.h>
#include <selfe/console.h>
#include <selfe/runtime.h>

#include "uart.h"

#if !defined(CONFIG_PRINTING)

/* `selfe test` looks for this in the image to know the output is checkable (src/sim). */
__attribute__((used)) static const char console_marker[] = "selfe-runtime: console on the platform UART";

#if defined(CONFIG_PLAT_PC99)
#define COM1 0x3f8
static seL4_CPtr ioport; /* the I/O port capability, in the last empty slot */

seL4_CPtr selfe_console_slot(void)
{
	return ioport;
}

void selfe_rt_console_early(const seL4_BootInfo *bi)
{
	if (bi->empty.end <= bi->empty.start)
		return;
	seL4_CPtr slot = bi->empty.end - 1;
	if (seL4_X86_IOPortControl_Issue(seL4_CapIOPortControl, COM1, COM1 + 7, seL4_CapInitThreadCNode, slot,
					 seL4_WordBits) == seL4_NoError)
		ioport = slot;
	selfe_rt_uart_putc('\n'); /* firmware may have left the line unfinished */
}

void selfe_console_start(struct selfe_alloc *al)
{
	(void)al;
}

static void put_raw(char c)
{
	/* Line status register bit 5: the transmit holding register is empty. */
	for (int spins = 0; spins < 100000; spins++) {
		seL4_X86_IOPort_In8_t lsr = seL4_X86_IOPort_In8(ioport, COM1 + 5);
		if (lsr.error || (lsr.result & 0x20))
			break;
	}
	seL4_X86_IOPort_Out8(ioport, COM1, (seL4_Word)(unsigned char)c);
}

#define READY() (ioport != seL4_CapNull)

#else /* memory-mapped UARTs */

#if defined(CONFIG_PLAT_QEMU_ARM_VIRT)
#define UART_PADDR 0x09000000ul
#elif defined(CONFIG_PLAT_IMX6)
#define UART_PADDR 0x021e8000ul
#elif defined(CONFIG_PLAT_QEMU_RISCV_VIRT)
#define UART_PADDR 0x10000000ul
#endif

static volatile unsigned char *uart;

seL4_CPtr selfe_console_slot(void)
{
	return seL4_CapNull;
}

void selfe_rt_console_early(const seL4_BootInfo *bi)
{
	(void)bi;
}

void selfe_console_start(struct selfe_alloc *al)
{
#ifdef UART_PADDR
	void *p;
	if (!uart && selfe_map_device(al, UART_PADDR, 4096, SELFE_MAP_RW | SELFE_MAP_UNCACHED, &p) == seL4_NoError) {
		uart = p;
		selfe_rt_uart_putc('\n'); /* a loader may have left the line unfinished */
	}
#else
	(void)al;
#endif
}

static uint32_t rd32(unsigned off)
{
	return *(volatile uint32_t *)(uart + off);
}

static void wr32(unsigned off, uint32_t v)
{
	*(volatile uint32_t *)(uart + off) = v;
}

static void put_raw(char c)
{
	int spins = 0;
#if defined(CONFIG_PLAT_QEMU_ARM_VIRT)
	while ((rd32(0x18) & (1u << 5)) && ++spins < 100000) /* FR.TXFF: transmit FIFO full */
		;
	wr32(0x00, (unsigned char)c); /* DR */
#elif defined(CONFIG_PLAT_IMX6)
	while ((rd32(0xb4) & (1u << 4)) && ++spins < 100000) /* UTS.TXFULL */
		;
	wr32(0x40, (unsigned char)c); /* UTXD */
#elif defined(CONFIG_PLAT_QEMU_RISCV_VIRT)
	while (!(uart[5] & 0x20) && ++spins < 100000) /* LSR.THRE */
		;
	uart[0] = (unsigned char)c; /* THR */
	(void)rd32;
	(void)wr32;
#else
	(void)rd32;
	(void)wr32;
	(void)spins;
	(void)c;
#endif
}

#define READY() (uart != NULL)

#endif

void selfe_rt_uart_putc(int c)
{
	if (!READY())
		return;
	if (c == '\n')
		put_raw('\r');
	put_raw((char)c);
}

#else /* the kernel prints: nothing to do here */

seL4_CPtr selfe_console_slot(void)
{
	return seL4_CapNull;
}

void selfe_rt_console_early(const seL4_BootInfo *bi)
{
	(void)bi;
}

void selfe_console_start(struct selfe_alloc *al)
{
	(void)al;
}

void selfe_rt_uart_putc(int c)
{
	(void)c;
}

#endif
