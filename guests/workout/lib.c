/*
 * lib.c: console printing and memory functions for the freestanding
 * workout. Built with -fno-tree-loop-distribute-patterns so that GCC does not
 * turn the loops below back into calls to themselves.
 */
#include "lib.h"

static void put_string(const char *s)
{
    while (*s) {
        console_putc(*s++);
    }
}

/* Writes value in the given base, at least width digits wide. */
static void put_number(u64 value, unsigned base, unsigned width, char pad)
{
    char digits[24];
    unsigned n = 0;
    do {
        unsigned d = (unsigned)(value % base);
        digits[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        value /= base;
    } while (value != 0);
    while (width > n) {
        console_putc(pad);
        width--;
    }
    while (n > 0) {
        console_putc(digits[--n]);
    }
}

void print(const char *fmt, ...)
{
    __builtin_va_list ap;
    __builtin_va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            console_putc(*fmt);
            continue;
        }
        fmt++;
        char pad = ' ';
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        unsigned width = 0;
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10 + (unsigned)(*fmt++ - '0');
        }
        int is_long = 0;
        if (*fmt == 'l') {
            is_long = 1;
            fmt++;
        }
        switch (*fmt) {
        case 's':
            put_string(__builtin_va_arg(ap, const char *));
            break;
        case 'c':
            console_putc(__builtin_va_arg(ap, int));
            break;
        case 'd': {
            s64 v = is_long ? __builtin_va_arg(ap, s64) : __builtin_va_arg(ap, int);
            if (v < 0) {
                console_putc('-');
                put_number(-(u64)v, 10, width, pad);
            } else {
                put_number((u64)v, 10, width, pad);
            }
            break;
        }
        case 'u':
            put_number(is_long ? __builtin_va_arg(ap, u64) : __builtin_va_arg(ap, unsigned), 10, width, pad);
            break;
        case 'x':
            put_number(is_long ? __builtin_va_arg(ap, u64) : __builtin_va_arg(ap, unsigned), 16, width, pad);
            break;
        case '%':
            console_putc('%');
            break;
        default:
            /* Unknown conversion: show it rather than guess. */
            console_putc('%');
            console_putc(*fmt);
            break;
        }
    }
    __builtin_va_end(ap);
}

void *memset(void *dst, int c, size_t n)
{
    u8 *d = dst;
    while (n--) {
        *d++ = (u8)c;
    }
    return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
    u8 *d = dst;
    const u8 *s = src;
    while (n--) {
        *d++ = *s++;
    }
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    u8 *d = dst;
    const u8 *s = src;
    if (d < s) {
        while (n--) {
            *d++ = *s++;
        }
    } else {
        while (n--) {
            d[n] = s[n];
        }
    }
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const u8 *x = a;
    const u8 *y = b;
    for (; n; n--, x++, y++) {
        if (*x != *y) {
            return *x < *y ? -1 : 1;
        }
    }
    return 0;
}
