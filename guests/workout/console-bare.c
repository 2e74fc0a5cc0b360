/*
 * console-bare.c: console and exit for jppc's bare machine: a 16550 UART at
 * physical 0x0000600000000000 (we run in real mode with MSR[HV]=1, where an
 * effective address is the physical address) and the attn instruction.
 */
#include "lib.h"

#define UART_BASE 0x0000600000000000ul
#define UART_THR 0 /* transmit holding register */
#define UART_LSR 5 /* line status register */
#define UART_LSR_THRE 0x20 /* transmitter can take a byte */

static void uart_write(unsigned reg, u8 value)
{
    *(volatile u8 *)(UART_BASE + reg) = value;
}

static u8 uart_read(unsigned reg)
{
    return *(volatile u8 *)(UART_BASE + reg);
}

void console_init(const void *fdt)
{
    (void)fdt; /* the UART needs no setup: jppc's is always ready */
}

void console_putc(int c)
{
    while (!(uart_read(UART_LSR) & UART_LSR_THRE)) {
    }
    uart_write(UART_THR, (u8)c);
}

void console_exit(int status)
{
    /* attn (0x00000200) stops the machine; the exit status is r3's low byte. */
    register u64 r3 __asm__("r3") = (u64)status;
    for (;;) {
        __asm__ volatile(".long 0x00000200" : : "r"(r3) : "memory");
    }
}
