/*
 * user-tour.c: a Linux user program without libc that walks through what
 * `jppc user` provides: the initial stack (argv, envp, auxv), write/writev,
 * brk, mmap/munmap/mprotect/mremap, files under the root folder (openat,
 * read, fstat, lseek, pread64, getdents64, readlinkat, mkdirat, renameat,
 * unlinkat, getcwd, chdir), escapes from the root that must fail, bad
 * pointers (EFAULT), an unknown system call (ENOSYS), pipes and dup.
 *
 * It prints one line per check and ends with "RESULT: N checks, M failed";
 * the exit status is the number of failures. Its first argument selects a
 * way to end instead: "exit N", "segv", "rowrite" (a store to read-only data),
 * "ill" (an illegal instruction), "trap" (tw 31,0,0), "kill" (SIGABRT to
 * itself).
 *
 * Run it with the root folder of this directory (root/) copied somewhere
 * writable: `jppc user --root COPY user-tour-le.elf`.
 */

typedef unsigned long u64;
typedef long s64;

#define SYS_exit_group 234
#define SYS_read 3
#define SYS_write 4
#define SYS_close 6
#define SYS_lseek 19
#define SYS_getpid 20
#define SYS_brk 45
#define SYS_ioctl 54
#define SYS_fcntl 55
#define SYS_dup2 63
#define SYS_mmap 90
#define SYS_munmap 91
#define SYS_fstat 108
#define SYS_uname 122
#define SYS_mprotect 125
#define SYS_writev 146
#define SYS_mremap 163
#define SYS_pread64 179
#define SYS_getcwd 182
#define SYS_chdir 12
#define SYS_getdents64 202
#define SYS_tgkill 250
#define SYS_openat 286
#define SYS_mkdirat 287
#define SYS_newfstatat 291
#define SYS_unlinkat 292
#define SYS_renameat 293
#define SYS_readlinkat 296
#define SYS_faccessat 298
#define SYS_pipe2 317
#define SYS_getrandom 359
#define SYS_clock_gettime 246

#define AT_FDCWD (-100)
#define O_RDONLY 0
#define O_WRONLY 1
#define O_CREAT 0100
#define O_EXCL 0200
#define O_DIRECTORY 040000
#define AT_REMOVEDIR 0x200

#define ENOENT 2
#define EBADF 9
#define EFAULT 14
#define EEXIST 17
#define ENOTTY 25
#define ENOSYS 38

/* A system call: the result, or -errno when the kernel set CR0[SO]. */
static long sys6(long n, long a, long b, long c, long d, long e, long f)
{
    register long r0 __asm__("r0") = n;
    register long r3 __asm__("r3") = a;
    register long r4 __asm__("r4") = b;
    register long r5 __asm__("r5") = c;
    register long r6 __asm__("r6") = d;
    register long r7 __asm__("r7") = e;
    register long r8 __asm__("r8") = f;
    __asm__ volatile("sc\n\tbns+ 1f\n\tneg %1, %1\n1:"
                     : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7), "+r"(r8)
                     :
                     : "r9", "r10", "r11", "r12", "cr0", "ctr", "xer", "memory");
    return r3;
}

#define sys0(n) sys6(n, 0, 0, 0, 0, 0, 0)
#define sys1(n, a) sys6(n, (long)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b) sys6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c) sys6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sys6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

void *memset(void *s, int c, unsigned long n)
{
    unsigned char *p = s;
    while (n--) {
        *p++ = (unsigned char)c;
    }
    return s;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
    unsigned char *p = d;
    const unsigned char *q = s;
    while (n--) {
        *p++ = *q++;
    }
    return d;
}

static int same(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

static int starts(const char *s, const char *prefix)
{
    while (*prefix) {
        if (*s++ != *prefix++) {
            return 0;
        }
    }
    return 1;
}

/* ---- output ------------------------------------------------------------ */

static char out[512];
static unsigned used;

static void flush(void)
{
    if (used) {
        sys3(SYS_write, 1, out, used);
        used = 0;
    }
}

static void put(const char *s)
{
    if (!s) {
        s = "(null)";
    }
    while (*s) {
        if (used == sizeof(out)) {
            flush();
        }
        out[used++] = *s++;
        if (s[-1] == '\n') {
            flush();
        }
    }
}

static void putdec(long v)
{
    char b[24];
    int i = 23;
    int neg = v < 0;
    unsigned long u = neg ? -(unsigned long)v : (unsigned long)v;
    b[i] = 0;
    do {
        b[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg) {
        b[--i] = '-';
    }
    put(b + i);
}

static void puthex(unsigned long v)
{
    char b[20];
    int i = 19;
    b[i] = 0;
    do {
        b[--i] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    b[--i] = 'x';
    b[--i] = '0';
    put(b + i);
}

static int checks;
static int failures;

/* One check: prints "name: ok" or "name: FAIL (got V, want W)". */
static void check(const char *name, long got, long want)
{
    checks++;
    put(name);
    if (got == want) {
        put(": ok\n");
    } else {
        failures++;
        put(": FAIL (got ");
        putdec(got);
        put(", want ");
        putdec(want);
        put(")\n");
    }
}

static void exit_group(long status)
{
    flush();
    for (;;) {
        sys1(SYS_exit_group, status);
    }
}

/* ---- the tour ---------------------------------------------------------- */

#define AT_PHDR 3
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_ENTRY 9
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_RANDOM 25
#define AT_HWCAP2 26
#define AT_EXECFN 31

extern char _start[];
/* Read-only data: mapped without write permission. */
static const char read_only[64] = "read-only data";

static u64 aux(u64 *auxv, u64 type)
{
    for (; auxv[0]; auxv += 2) {
        if (auxv[0] == type) {
            return auxv[1];
        }
    }
    return 0;
}

static void stack_tour(long argc, char **argv, char **envp)
{
    u64 *auxv;
    char **e = envp;
    put("argc ");
    putdec(argc);
    put("\n");
    for (long i = 0; i < argc; i++) {
        put("argv[");
        putdec(i);
        put("] ");
        put(argv[i]);
        put("\n");
    }
    check("argv[argc] is NULL", (long)argv[argc], 0);
    while (*e) {
        if (starts(*e, "JPPC_")) {
            put("env ");
            put(*e);
            put("\n");
        }
        e++;
    }
    auxv = (u64 *)(e + 1);
    check("AT_PAGESZ", (long)aux(auxv, AT_PAGESZ), 65536);
    put("AT_HWCAP ");
    puthex(aux(auxv, AT_HWCAP));
    put("\nAT_HWCAP2 ");
    puthex(aux(auxv, AT_HWCAP2));
    put("\nAT_PLATFORM ");
    put((const char *)aux(auxv, AT_PLATFORM));
    put("\n");
    check("AT_ENTRY is _start", (long)aux(auxv, AT_ENTRY), (long)_start);
    check("AT_PHDR set", aux(auxv, AT_PHDR) != 0, 1);
    check("AT_PHNUM set", aux(auxv, AT_PHNUM) != 0, 1);
    check("AT_RANDOM on the stack", aux(auxv, AT_RANDOM) > (u64)argv, 1);
    check("AT_EXECFN is argv[0]", same((const char *)aux(auxv, AT_EXECFN), argv[0]), 1);
    check("stack 16-byte aligned", ((u64)argv - 8) % 16, 0);
}

static void memory_tour(void)
{
    long b0 = sys1(SYS_brk, 0);
    char *p;
    char *m;
    long r;

    check("brk grows", sys1(SYS_brk, b0 + 200000), b0 + 200000);
    p = (char *)b0;
    p[0] = 1;
    p[199999] = 2;
    check("brk memory", p[0] + p[199999], 3);
    check("brk shrinks", sys1(SYS_brk, b0 + 10), b0 + 10);
    check("brk below start refused", sys1(SYS_brk, 4096), b0 + 10);

    m = (char *)sys6(SYS_mmap, 0, 3 * 65536, 3, 0x22, -1, 0);
    check("mmap anonymous", (long)m > 0 && ((long)m & 0xffff) == 0, 1);
    check("mmap is zeroed", m[0] + m[65536] + m[3 * 65536 - 1], 0);
    m[0] = 5;
    m[2 * 65536] = 7;
    check("munmap middle page", sys2(SYS_munmap, m + 65536, 65536), 0);
    check("pages around survive", m[0] + m[2 * 65536], 12);
    check("mprotect read-only", sys3(SYS_mprotect, m, 65536, 1), 0);
    check("read-only page reads", m[0], 5);
    check("mprotect unmapped: ENOMEM", sys3(SYS_mprotect, m + 65536, 65536, 3), -12);
    r = sys6(SYS_mremap, (long)(m + 2 * 65536), 65536, 4 * 65536, 1, 0, 0);
    check("mremap grows", r > 0, 1);
    check("mremap keeps contents", ((char *)r)[0], 7);
    ((char *)r)[4 * 65536 - 1] = 9;
    check("mremap tail writable", ((char *)r)[4 * 65536 - 1], 9);
    r = sys6(SYS_mremap, r, 4 * 65536, 9 * 65536, 1, 0, 0);
    check("mremap grows again", r > 0 && ((char *)r)[0] == 7 && ((char *)r)[4 * 65536 - 1] == 9, 1);
    ((char *)r)[9 * 65536 - 1] = 1;
    check("mremap shrinks", sys6(SYS_mremap, r, 9 * 65536, 65536, 0, 0, 0), r);
    m = (char *)sys6(SYS_mmap, 0, 65536, 0, 0x22, -1, 0);
    check("mmap PROT_NONE", (long)m > 0, 1);
    check("mprotect to read-write", sys3(SYS_mprotect, m, 65536, 3), 0);
    m[100] = 42;
    check("now writable", m[100], 42);
    check("mmap unaligned fixed: EINVAL", sys6(SYS_mmap, 0x12345, 65536, 3, 0x32, -1, 0), -22);
}

struct stat64k {
    u64 dev, ino, nlink;
    unsigned mode, uid, gid, pad;
    u64 rdev;
    s64 size;
    u64 blksize, blocks, atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns, unused[3];
};

static char buf[1024];

static long open_read(const char *path)
{
    return sys4(SYS_openat, AT_FDCWD, path, O_RDONLY, 0);
}

static void list_dir(const char *path)
{
    long fd = sys4(SYS_openat, AT_FDCWD, path, O_RDONLY | O_DIRECTORY, 0);
    long n;
    put("ls ");
    put(path);
    put(":");
    while ((n = sys3(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
        long at = 0;
        while (at < n) {
            unsigned short reclen = *(unsigned short *)(buf + at + 16);
            unsigned char type = (unsigned char)buf[at + 18];
            put(" ");
            put(buf + at + 19);
            put(type == 4 ? "/" : type == 10 ? "@" : "");
            at += reclen;
        }
    }
    put("\n");
    check("getdents64 end", n, 0);
    sys1(SYS_close, fd);
}

static void file_tour(void)
{
    struct stat64k st;
    long fd;
    long n;

    fd = open_read("hello.txt");
    check("open hello.txt", fd, 3);
    n = sys3(SYS_read, fd, buf, sizeof(buf));
    buf[n < 0 ? 0 : n] = 0;
    put("hello.txt says: ");
    put(buf);
    check("fstat size", (sys2(SYS_fstat, fd, &st), st.size), 13);
    check("fstat regular file", (long)(st.mode & 0170000), 0100000);
    check("lseek", sys3(SYS_lseek, fd, 7, 0), 7);
    n = sys3(SYS_read, fd, buf, 4);
    buf[n] = 0;
    check("read after lseek", same(buf, "file"), 1);
    n = sys4(SYS_pread64, fd, buf, 5, 0);
    buf[n] = 0;
    check("pread64", same(buf, "Hello"), 1);
    check("close", sys1(SYS_close, fd), 0);
    check("close again: EBADF", sys1(SYS_close, fd), -EBADF);
    check("stat sub is a directory", (sys4(SYS_newfstatat, AT_FDCWD, "sub", &st, 0), (long)(st.mode & 0170000)),
          040000);
    check("lstat link is a link", (sys4(SYS_newfstatat, AT_FDCWD, "link", &st, 0x100), (long)(st.mode & 0170000)),
          0120000);
    n = sys4(SYS_readlinkat, AT_FDCWD, "link", buf, sizeof(buf));
    buf[n < 0 ? 0 : n] = 0;
    check("readlinkat", same(buf, "hello.txt"), 1);
    fd = open_read("link");
    n = sys3(SYS_read, fd, buf, 5);
    buf[n] = 0;
    check("open through a link", same(buf, "Hello"), 1);
    sys1(SYS_close, fd);
    check("faccessat", sys4(SYS_faccessat, AT_FDCWD, "sub/inner.txt", 4, 0), 0);
    list_dir(".");
    list_dir("/sub");

    check("mkdirat", sys3(SYS_mkdirat, AT_FDCWD, "newdir", 0755), 0);
    check("mkdirat again: EEXIST", sys3(SYS_mkdirat, AT_FDCWD, "newdir", 0755), -EEXIST);
    fd = sys4(SYS_openat, AT_FDCWD, "newdir/f.txt", O_WRONLY | O_CREAT | O_EXCL, 0644);
    check("create a file", fd >= 3, 1);
    check("write it", sys3(SYS_write, fd, "data\n", 5), 5);
    sys1(SYS_close, fd);
    check("renameat", sys4(SYS_renameat, AT_FDCWD, "newdir/f.txt", AT_FDCWD, "newdir/g.txt"), 0);
    check("old name gone", open_read("newdir/f.txt"), -ENOENT);
    check("new name's size", (sys4(SYS_newfstatat, AT_FDCWD, "newdir/g.txt", &st, 0), st.size), 5);
    check("unlinkat file", sys3(SYS_unlinkat, AT_FDCWD, "newdir/g.txt", 0), 0);
    check("unlinkat folder", sys3(SYS_unlinkat, AT_FDCWD, "newdir", AT_REMOVEDIR), 0);

    n = sys2(SYS_getcwd, buf, sizeof(buf));
    check("getcwd is /", n == 2 && same(buf, "/"), 1);
    check("chdir sub", sys1(SYS_chdir, "sub"), 0);
    sys2(SYS_getcwd, buf, sizeof(buf));
    put("cwd ");
    put(buf);
    put("\n");
    fd = open_read("../hello.txt");
    check("open ../hello.txt from sub", fd >= 3, 1);
    sys1(SYS_close, fd);
    check("chdir /../..", sys1(SYS_chdir, "/../.."), 0);
    sys2(SYS_getcwd, buf, sizeof(buf));
    put("cwd ");
    put(buf);
    put("\n");

    /* Escapes: every one of these names a file outside the root on the host. */
    check("../../etc/passwd stays inside", open_read("../../etc/passwd"), -ENOENT);
    check("/etc/passwd stays inside", open_read("/etc/passwd"), -ENOENT);
    check("sub/../../../etc/passwd stays inside", open_read("sub/../../../etc/passwd"), -ENOENT);
    check("relative link out stays inside", open_read("escape"), -ENOENT);
    check("absolute link out stays inside", open_read("abs-escape"), -ENOENT);
}

static void misc_tour(void)
{
    long fds[1];
    int pipefd[2];
    long n;
    struct {
        const void *base;
        u64 len;
    } iov[2] = {{"writev ", 7}, {"works\n", 6}};
    char uts[6 * 65];

    (void)fds;
    flush();
    check("writev", sys3(SYS_writev, 1, iov, 2), 13);
    check("write from a bad pointer: EFAULT", sys3(SYS_write, 1, 0x123, 5), -EFAULT);
    n = open_read("hello.txt");
    check("read into NULL: EFAULT", sys3(SYS_read, n, 0, 5), -EFAULT);
    check("read into read-only data: EFAULT", sys3(SYS_read, n, read_only, 5), -EFAULT);
    check("nothing was consumed", sys3(SYS_read, n, buf, 5) == 5 && buf[0] == 'H' && buf[4] == 'o', 1);
    sys1(SYS_close, n);
    check("open a bad path pointer: EFAULT", sys4(SYS_openat, AT_FDCWD, 0x7000, 0, 0), -EFAULT);
    check("unknown system call: ENOSYS", sys0(9999), -ENOSYS);
    check("again: ENOSYS (reported once)", sys0(9999), -ENOSYS);
    check("ioctl TCGETS: ENOTTY", sys3(SYS_ioctl, 1, 0x402c7413, buf), -ENOTTY);
    check("pipe2", sys2(SYS_pipe2, pipefd, 0), 0);
    check("write to the pipe", sys3(SYS_write, pipefd[1], "abc", 3), 3);
    n = sys3(SYS_read, pipefd[0], buf, sizeof(buf));
    buf[n < 0 ? 0 : n] = 0;
    check("read it back", same(buf, "abc"), 1);
    check("dup2 stdout to 9", sys2(SYS_dup2, 1, 9), 9);
    flush();
    check("write through fd 9", sys3(SYS_write, 9, "fd 9 says hi\n", 13), 13);
    check("fcntl F_GETFD", sys3(SYS_fcntl, 9, 1, 0), 0);
    sys2(SYS_uname, uts, 0);
    put("uname ");
    put(uts);
    put(" ");
    put(uts + 4 * 65);
    put("\n");
    check("getrandom", sys3(SYS_getrandom, buf, 16, 0), 16);
    check("clock_gettime", sys2(SYS_clock_gettime, 1, buf), 0);
    check("getpid", sys0(SYS_getpid) > 0, 1);
}

static long number(const char *s)
{
    long v = 0;
    while (*s >= '0' && *s <= '9') {
        v = v * 10 + (*s++ - '0');
    }
    return v;
}

void cstart(long *sp)
{
    long argc = sp[0];
    char **argv = (char **)(sp + 1);
    char **envp = argv + argc + 1;

    if (argc >= 2) {
        if (same(argv[1], "exit")) {
            exit_group(argc >= 3 ? number(argv[2]) : 0);
        }
        if (same(argv[1], "segv")) {
            put("touching 0x8000\n");
            flush();
            *(volatile int *)0x8000 = 1;
        }
        if (same(argv[1], "rowrite")) {
            put("writing to read-only data\n");
            flush();
            *(volatile char *)(void *)read_only = 1;
        }
        if (same(argv[1], "ill")) {
            __asm__ volatile(".long 0");
        }
        if (same(argv[1], "trap")) {
            __asm__ volatile("tw 31, 0, 0");
        }
        if (same(argv[1], "kill")) {
            sys3(SYS_tgkill, sys0(SYS_getpid), sys0(SYS_getpid), 6);
        }
        if (same(argv[1], "segv") || same(argv[1], "rowrite") || same(argv[1], "ill") || same(argv[1], "trap")
            || same(argv[1], "kill")) {
            put("still alive: FAIL\n");
            exit_group(99);
        }
    }
    stack_tour(argc, argv, envp);
    memory_tour();
    file_tour();
    misc_tour();
    put("RESULT: ");
    putdec(checks);
    put(" checks, ");
    putdec(failures);
    put(" failed\n");
    exit_group(failures);
}
