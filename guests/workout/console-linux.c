/*
 * console-linux.c: console and exit for running the workout as a Linux
 * program under qemu-ppc64 / qemu-ppc64le. Not part of any jppc guest: it
 * exists to check the reference functions against a second implementation
 * of the instructions and to produce the .expected files.
 */
#include "lib.h"

#define SYS_WRITE 4
#define SYS_EXIT_GROUP 234

static char line[256];
static unsigned used;

static long syscall3(long nr, long a, long b, long c)
{
    register long r0 __asm__("r0") = nr;
    register long r3 __asm__("r3") = a;
    register long r4 __asm__("r4") = b;
    register long r5 __asm__("r5") = c;
    __asm__ volatile("sc"
                     : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5)
                     :
                     : "r6", "r7", "r8", "r9", "r10", "r11", "r12", "cr0", "ctr", "memory");
    return r3;
}

static void flush(void)
{
    unsigned done = 0;
    while (done < used) {
        long n = syscall3(SYS_WRITE, 1, (long)(line + done), (long)(used - done));
        if (n <= 0) {
            break;
        }
        done += (unsigned)n;
    }
    used = 0;
}

void console_init(const void *fdt)
{
    (void)fdt;
}

void console_putc(int c)
{
    line[used++] = (char)c;
    if (c == '\n' || used == sizeof(line)) {
        flush();
    }
}

void console_exit(int status)
{
    flush();
    for (;;) {
        syscall3(SYS_EXIT_GROUP, status, 0, 0);
    }
}
