/*
 * console-pseries.c: console and exit for jppc's pseries machine, where the
 * guest is a partition and talks to its hypervisor: text goes out through
 * H_PUT_TERM_CHAR (up to 16 bytes a call, first byte in the most significant
 * byte of r6), and the machine stops through RTAS, reached by QEMU's private
 * hypercall 0xF000 with the physical address of the argument buffer.
 *
 * Exit: a failed workout calls ibm,os-term (jppc's exit status 1) before
 * power-off (status 0). The RTAS tokens come from the device tree's /rtas
 * node when r3 held one at entry; power-off falls back to QEMU's 0x2003.
 */
#include "lib.h"

#define H_PUT_TERM_CHAR 0x58
#define H_RTAS 0xf000
#define FDT_MAGIC 0xd00dfeedu
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9
#define RTAS_POWER_OFF_DEFAULT 0x2003
#define FDT_HIGHEST 0x40000000ul /* jppc and QEMU put the tree below 1 GiB */

static char pending[16];
static unsigned npending;
static u32 power_off_token = RTAS_POWER_OFF_DEFAULT;
static u32 os_term_token; /* 0: not found */
static u8 rtas_buffer[4 * 8] __attribute__((aligned(8))); /* big-endian words */

static long hcall(u64 opcode, u64 a4, u64 a5, u64 a6, u64 a7)
{
    register u64 r3 __asm__("r3") = opcode;
    register u64 r4 __asm__("r4") = a4;
    register u64 r5 __asm__("r5") = a5;
    register u64 r6 __asm__("r6") = a6;
    register u64 r7 __asm__("r7") = a7;
    __asm__ volatile("sc 1"
                     : "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7)
                     :
                     : "r0", "r8", "r9", "r10", "r11", "r12", "ctr", "xer", "cr0", "cr1", "cr5", "cr6",
                       "cr7", "memory");
    return (long)r3;
}

static void flush(void)
{
    u64 high = 0;
    u64 low = 0;
    for (unsigned i = 0; i < npending; i++) {
        u64 byte = (u8)pending[i];
        if (i < 8) {
            high |= byte << (56 - 8 * i);
        } else {
            low |= byte << (120 - 8 * i);
        }
    }
    if (npending) {
        hcall(H_PUT_TERM_CHAR, 0, npending, high, low);
    }
    npending = 0;
}

void console_putc(int c)
{
    pending[npending++] = (char)c;
    if (npending == sizeof(pending) || c == '\n') {
        flush();
    }
}

static u32 get_be32(const u8 *p)
{
    return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void put_be32(u8 *p, u32 v)
{
    p[0] = (u8)(v >> 24);
    p[1] = (u8)(v >> 16);
    p[2] = (u8)(v >> 8);
    p[3] = (u8)v;
}

static int same(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

static u32 length_of(const char *s)
{
    u32 n = 0;
    while (s[n]) {
        n++;
    }
    return n;
}

/* Walks the structure block for /rtas's "power-off" and "ibm,os-term". */
void console_init(const void *fdt_address)
{
    const u8 *fdt = fdt_address;
    if ((u64)fdt == 0 || (u64)fdt >= FDT_HIGHEST || ((u64)fdt & 7) || get_be32(fdt) != FDT_MAGIC) {
        return; /* no tree (QEMU's firmware-less boot passes none in r3) */
    }
    const u8 *structure = fdt + get_be32(fdt + 8);
    const char *strings = (const char *)fdt + get_be32(fdt + 12);
    u32 size = get_be32(fdt + 36);
    u32 off = 0;
    int depth = 0;
    int in_rtas = 0;
    while (off + 4 <= size) {
        u32 token = get_be32(structure + off);
        off += 4;
        if (token == FDT_BEGIN_NODE) {
            const char *name = (const char *)structure + off;
            depth++;
            in_rtas = depth == 2 && same(name, "rtas");
            off += (length_of(name) + 1 + 3) & ~3u;
        } else if (token == FDT_END_NODE) {
            in_rtas = 0;
            depth--;
        } else if (token == FDT_PROP) {
            u32 len = get_be32(structure + off);
            const char *name = strings + get_be32(structure + off + 4);
            off += 8;
            if (in_rtas && len == 4 && same(name, "power-off")) {
                power_off_token = get_be32(structure + off);
            } else if (in_rtas && len == 4 && same(name, "ibm,os-term")) {
                os_term_token = get_be32(structure + off);
            }
            off += (len + 3) & ~3u;
        } else if (token != FDT_NOP) {
            return; /* FDT_END or something we do not know */
        }
    }
}

static void rtas_call(u32 token, u32 nargs, u32 nret, u32 arg0, u32 arg1)
{
    put_be32(rtas_buffer, token);
    put_be32(rtas_buffer + 4, nargs);
    put_be32(rtas_buffer + 8, nret);
    put_be32(rtas_buffer + 12, arg0);
    put_be32(rtas_buffer + 16, arg1);
    put_be32(rtas_buffer + 20, 0);
    hcall(H_RTAS, (u64)rtas_buffer, 0, 0, 0); /* real mode: EA = physical */
}

static const char failure_message[] = "workout failed";

void console_exit(int status)
{
    flush();
    if (status != 0 && os_term_token != 0) {
        rtas_call(os_term_token, 1, 1, (u32)(u64)failure_message, 0);
    }
    for (;;) {
        rtas_call(power_off_token, 2, 1, 0, 0);
    }
}
