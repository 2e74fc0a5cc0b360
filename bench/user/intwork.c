/*
 * intwork.c: the bundled integer workload of jppc (machine/.../bench/IntegerWorkload.java) as a Linux user
 * program, so `jppc user` and qemu-ppc64le can be timed on the same work. Each round: a bitwise reflected
 * CRC-32 and an FNV-1a 64-bit hash over a 4 KiB buffer (byte i = i * i + 3), then 64 numbers from a linear
 * congruential generator sorted by insertion sort (signed). It prints the results of the last round, which
 * IntegerWorkload.expectedResults(rounds) also computes. No libc: raw write and exit_group system calls.
 *
 * Rebuild (see scripts/bench-user-vs-qemu.sh):
 *   powerpc64le-linux-gnu-gcc -O2 -static -nostdlib -no-pie -Wl,--build-id=none \
 *       -o bench/user/intwork-le.elf bench/user/intwork.c
 *
 * Usage: intwork-le.elf [ROUNDS]   (default 2000)
 */

#define LENGTH 4096
#define COUNT 64

/* ELFv2 entry: the TOC from r12, argc at r1; a fresh 16-byte aligned frame for cstart. */
__asm__(
    "    .text\n"
    "    .globl _start\n"
    "    .type _start, @function\n"
    "_start:\n"
    "    addis 2, 12, (.TOC. - _start)@ha\n"
    "    addi 2, 2, (.TOC. - _start)@l\n"
    "    mr 3, 1\n"
    "    clrrdi 1, 1, 4\n"
    "    li 0, 0\n"
    "    stdu 0, -128(1)\n"
    "    bl cstart\n"
    "    nop\n"
    "    b .\n");

static unsigned char buffer[LENGTH];
static long numbers[COUNT];

static long syscall3(long number, long a, long b, long c)
{
    register long r0 __asm__("r0") = number;
    register long r3 __asm__("r3") = a;
    register long r4 __asm__("r4") = b;
    register long r5 __asm__("r5") = c;
    __asm__ volatile("sc" : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5)
                     : : "r6", "r7", "r8", "r9", "r10", "r11", "r12", "cr0", "ctr", "memory");
    return r3;
}

static void put(const char *text, unsigned long length)
{
    syscall3(4, 1, (long) text, (long) length); /* write(1, ...) */
}

static void put_hex(const char *name, unsigned long value)
{
    char line[64];
    unsigned long n = 0;
    while (name[n] != 0) {
        line[n] = name[n];
        n++;
    }
    line[n++] = ' ';
    for (int shift = 60; shift >= 0; shift -= 4) {
        line[n++] = "0123456789abcdef"[(value >> shift) & 15];
    }
    line[n++] = '\n';
    put(line, n);
}

static unsigned long parse(const char *text, unsigned long fallback)
{
    if (text == 0 || *text == 0) {
        return fallback;
    }
    unsigned long value = 0;
    for (; *text >= '0' && *text <= '9'; text++) {
        value = value * 10 + (unsigned long) (*text - '0');
    }
    return value;
}

void cstart(long *sp)
{
    const long argc = sp[0];
    char **argv = (char **) (sp + 1);
    const unsigned long rounds = parse(argc > 1 ? argv[1] : 0, 2000);
    for (unsigned long i = 0; i < LENGTH; i++) {
        buffer[i] = (unsigned char) (i * i + 3);
    }
    unsigned long crc = 0;
    unsigned long hash = 0;
    unsigned long state = 1;
    for (unsigned long round = 0; round < rounds; round++) {
        /* The buffer might have changed: the compiler must not keep the CRC from one round to the next. */
        __asm__ volatile("" : : : "memory");
        crc = ~0UL;
        hash = 0xFFFFFFFFCBF20000UL;
        for (unsigned long i = 0; i < LENGTH; i++) {
            const unsigned long b = buffer[i];
            crc ^= b;
            for (int bit = 0; bit < 8; bit++) {
                const unsigned long low = crc & 1;
                crc >>= 1;
                if (low) {
                    crc ^= 0xEDB88320UL;
                }
            }
            hash = (hash ^ b) * 0x100000001B3UL;
        }
        for (int i = 0; i < COUNT; i++) {
            state = state * 0x5851F42D4C957F2DUL + 12345;
            numbers[i] = (long) state;
        }
        for (int i = 1; i < COUNT; i++) {
            const long key = numbers[i];
            int j = i;
            while (j > 0 && numbers[j - 1] > key) {
                numbers[j] = numbers[j - 1];
                j--;
            }
            numbers[j] = key;
        }
    }
    put_hex("crc", crc);
    put_hex("hash", hash);
    put_hex("min", (unsigned long) numbers[0]);
    put_hex("max", (unsigned long) numbers[COUNT - 1]);
    put_hex("rounds", rounds);
    syscall3(234, 0, 0, 0); /* exit_group(0) */
}
