/*
 * A mix of integer, branch, atomic, byte-reverse, bit-manipulation and a little floating-point and vector
 * code, compiled for DisasmObjdumpTest (see rebuild.sh). Never run: only its instruction words matter.
 */
#include <stdint.h>

typedef unsigned long u64;
typedef unsigned int u32;

volatile u64 sink;
static int counter;
static long big_counter;
static unsigned char byte_lock;
static unsigned short half_lock;

u64 arith(u64 a, u64 b, long c, int d)
{
    u64 r = a * b + (a / (b | 1)) - (a % (b | 3));
    r ^= (u64)((long)a / (c | 1)) + (u64)(c % 7);
    r += (u32)a / ((u32)b | 1) + (u32)((int)a / (d | 1));
    r += (u64)(((__int128)a * b) >> 64);
    r += (u64)(((unsigned __int128)a * b) >> 64);
    r += (u64)(int)((long long)(int)a * (int)b >> 32);
    r += a > b ? a : b;
    r += (long)a < c ? 3 : 9;
    return r + (a << (b & 63)) + (a >> (b & 31)) + ((long)a >> (b & 15)) + ((int)a >> 3);
}

u64 bits(u64 a, u32 b)
{
    u64 r = (u64)__builtin_popcountl(a) + (u64)__builtin_popcount(b);
    r += (u64)__builtin_clzl(a | 1) + (u64)__builtin_ctzl(a | 1) + (u64)__builtin_clz(b | 1);
    r += (u64)__builtin_parityl(a) + (u64)__builtin_parity(b);
    r += __builtin_bswap64(a) ^ __builtin_bswap32(b) ^ __builtin_bswap16((unsigned short)b);
    r += (a << 13 | a >> 51) ^ (u64)((b << 7) | (b >> 25));
    r += (a & 0x0000ffff00000000ul) | (a & 0xff) | ((u64)b << 40);
    r += (u64)(signed char)a + (u64)(short)b + (u64)(int)a;
    r += ~a & b;
    r += a | ~(u64)b;
    r += ~(a ^ b);
    r += ~(a & b);
    r += ~(a | b);
    return r;
}

u64 loads(const u64 *p, const u32 *q, const unsigned short *h, const unsigned char *c, long i)
{
    u64 r = p[i] + q[i] + h[i] + c[i] + (u64)(int)q[i + 1] + (u64)(short)h[i + 2];
    r += __builtin_bswap64(p[i + 1]) + __builtin_bswap32(q[i + 2]) + __builtin_bswap16(h[i + 3]);
    return r;
}

void stores(u64 *p, u32 *q, unsigned short *h, unsigned char *c, long i, u64 v)
{
    p[i] = v;
    q[i] = (u32)v;
    h[i] = (unsigned short)v;
    c[i] = (unsigned char)v;
    p[i + 3] = __builtin_bswap64(v);
    q[i + 5] = __builtin_bswap32((u32)v);
    h[i + 7] = __builtin_bswap16((unsigned short)v);
}

int atomics(int v)
{
    int old = __atomic_fetch_add(&counter, v, __ATOMIC_SEQ_CST);
    long o2 = __atomic_exchange_n(&big_counter, (long)v, __ATOMIC_ACQ_REL);
    int expected = 5;
    __atomic_compare_exchange_n(&counter, &expected, v, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
    unsigned char b = __atomic_fetch_or(&byte_lock, 1, __ATOMIC_ACQUIRE);
    unsigned short s = __atomic_fetch_and(&half_lock, 3, __ATOMIC_RELEASE);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    return old + (int)o2 + b + s;
}

int dispatch(int k, int x)
{
    switch (k) {
    case 0: return x + 1;
    case 1: return x * 3;
    case 2: return x - 7;
    case 3: return x << 2;
    case 4: return x ^ 0x55;
    case 5: return x / 5;
    case 6: return -x;
    case 7: return x & 0x0f0f;
    default: return 0;
    }
}

u64 loop(const u64 *p, long n)
{
    u64 s = 0;
    for (long i = 0; i < n; i++) {
        s += p[i] * 3;
        if (s > 1000000) {
            break;
        }
    }
    return s;
}

int compare(long a, long b, unsigned long c, unsigned long d, int e, unsigned f)
{
    int r = 0;
    r += a < b;
    r += c < d;
    r += e > 17;
    r += f <= 200u;
    r += a == -5;
    r += c >= 70000;
    return r;
}

u64 spr_reads(void)
{
    u64 tb, lr, ctr, cr;
    __asm__ volatile("mftb %0" : "=r"(tb));
    __asm__ volatile("mflr %0" : "=r"(lr));
    __asm__ volatile("mfctr %0" : "=r"(ctr));
    __asm__ volatile("mfcr %0" : "=r"(cr));
    __asm__ volatile("mtocrf 0x10, %0" : : "r"(cr));
    __asm__ volatile("isync" ::: "memory");
    __asm__ volatile("eieio" ::: "memory");
    __asm__ volatile("dcbt 0,%0" : : "r"(&sink));
    __asm__ volatile("dcbst 0,%0; icbi 0,%0" : : "r"(&sink) : "memory");
    __asm__ volatile("tdnei %0,0" : : "r"(tb));
    return tb + lr + ctr + cr;
}

double fp(double a, double b, float c)
{
    return a * b + (double)c - a / (b + 1.0);
}

typedef int v4si __attribute__((vector_size(16)));

void vec(v4si *dst, const v4si *a, const v4si *b)
{
    dst[0] = a[0] + b[0];
    dst[1] = a[1] ^ b[1];
}

void _start(void)
{
    static u64 buf[64];
    static u32 wbuf[64];
    static unsigned short hbuf[64];
    static unsigned char cbuf[64];
    sink = arith(sink, 3, 5, 7) + bits(sink, 9) + loads(buf, wbuf, hbuf, cbuf, 2);
    stores(buf, wbuf, hbuf, cbuf, 1, sink);
    sink += (u64)atomics(3) + (u64)dispatch((int)sink & 7, 4) + loop(buf, 8) + compare(1, 2, 3, 4, 5, 6);
    sink += spr_reads() + (u64)fp(1.0, 2.0, 3.0f);
    vec((v4si *)buf, (const v4si *)buf + 2, (const v4si *)buf + 4);
    for (;;) {
        __asm__ volatile("" ::: "memory");
    }
}
