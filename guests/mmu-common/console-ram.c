/*
 * console-ram.c: console and exit for validating the MMU guests on QEMU's
 * powernv8 machine (make check-qemu-powernv), which has no UART where jppc's
 * bare machine has one and no attn. The output goes into RAM at CONSOLE_RAM,
 * NUL-terminated; the exit status goes to the word before it, and the CPU
 * then spins. The make target reads the buffer back with QEMU's monitor.
 */
#include "../workout/lib.h"

#define CONSOLE_RAM 0x00E00000ul
#define CONSOLE_SIZE 0x10000ul

static u64 used;

void console_init(const void *fdt)
{
    (void)fdt;
    *(volatile u64 *)(CONSOLE_RAM - 8) = ~0ul; /* "still running" */
}

void console_putc(int c)
{
    if (used < CONSOLE_SIZE - 1) {
        *(volatile char *)(CONSOLE_RAM + used++) = (char)c;
        *(volatile char *)(CONSOLE_RAM + used) = 0;
    }
}

void console_exit(int status)
{
    *(volatile u64 *)(CONSOLE_RAM - 8) = (u64)status;
    for (;;) {
    }
}
