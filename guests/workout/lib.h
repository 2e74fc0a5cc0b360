/*
 * lib.h: the little the workout needs from a C library, written for a
 * freestanding guest: fixed-width types, a console printf and the memory
 * functions that GCC may call on its own.
 */
#ifndef WORKOUT_LIB_H
#define WORKOUT_LIB_H

typedef unsigned long u64;
typedef long s64;
typedef unsigned int u32;
typedef int s32;
typedef unsigned short u16;
typedef unsigned char u8;
typedef unsigned long size_t;

/* Provided by the console backend (console-bare.c, console-pseries.c, ...). */
void console_init(const void *fdt); /* fdt: r3 at entry, maybe not a tree */
void console_putc(int c);
void console_exit(int status) __attribute__((noreturn));

/* %s %c %d %u %x with an optional 0 flag, width and l modifier. */
void print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#endif
