package dev.jppc.machine.user;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack a Linux kernel hands a new ppc64 process (the ELF ABI's process initialisation, as
 * fs/binfmt_elf.c lays it out): from the top, an 8-byte end marker, the program name (AT_EXECFN), the
 * environment and argument strings, the platform string, 16 random bytes (AT_RANDOM); then, 16-byte aligned,
 * argc, argv[] and NULL, envp[] and NULL, and the auxiliary vector ending with AT_NULL. The stack pointer
 * points at argc.
 */
final class InitialStack {

    static final int AT_NULL = 0;
    static final int AT_PHDR = 3;
    static final int AT_PHENT = 4;
    static final int AT_PHNUM = 5;
    static final int AT_PAGESZ = 6;
    static final int AT_BASE = 7;
    static final int AT_FLAGS = 8;
    static final int AT_ENTRY = 9;
    static final int AT_UID = 11;
    static final int AT_EUID = 12;
    static final int AT_GID = 13;
    static final int AT_EGID = 14;
    static final int AT_PLATFORM = 15;
    static final int AT_HWCAP = 16;
    static final int AT_CLKTCK = 17;
    static final int AT_DCACHEBSIZE = 19;
    static final int AT_ICACHEBSIZE = 20;
    static final int AT_UCACHEBSIZE = 21;
    static final int AT_IGNOREPPC = 22;
    static final int AT_SECURE = 23;
    static final int AT_RANDOM = 25;
    static final int AT_HWCAP2 = 26;
    static final int AT_EXECFN = 31;

    /**
     * AT_HWCAP of a POWER8 under Linux (cputable's COMMON_USER_POWER8 plus the ibm,vmx and ibm,vsx
     * properties): 32 | 64 | ALTIVEC | FPU | MMU | SMT | ICACHE_SNOOP | ARCH_2_06 | VSX |
     * PSERIES_PERFMON_COMPAT | TRUE_LE. HAS_DFP (0x400), which a real POWER8 also has, is left out: jppc has
     * no decimal floating point. TRUE_LE is in Linux's POWER8 set for both byte orders.
     */
    static final long HWCAP_POWER8 = 0x8000_0000L | 0x4000_0000L | 0x1000_0000L | 0x0800_0000L | 0x0400_0000L
        | 0x4000L | 0x2000L | 0x100L | 0x80L | 0x40L | 0x2L;
    /**
     * AT_HWCAP2 of a POWER8 (COMMON_USER2_POWER8) without the transactional memory bits, which jppc does not
     * implement: ARCH_2_07 | DSCR | ISEL | TAR | VEC_CRYPTO.
     */
    static final long HWCAP2_POWER8 = 0x8000_0000L | 0x2000_0000L | 0x0800_0000L | 0x0400_0000L | 0x0200_0000L;
    /** AT_PLATFORM, as Linux names a POWER8. */
    static final String PLATFORM = "power8";
    /** POWER8's 128-byte cache blocks (dcbz, glibc's memset), reported in AT_DCACHEBSIZE/AT_ICACHEBSIZE. */
    static final int CACHE_BLOCK = 128;

    private final AddressSpace memory;
    private final int uid;
    private final int gid;
    private long argc;
    private long argvAddress;
    private long envpAddress;
    private long auxvAddress;

    InitialStack(final AddressSpace memory, final int uid, final int gid) {
        this.memory = memory;
        this.uid = uid;
        this.gid = gid;
    }

    /** Writes the stack below {@link UserProcess#STACK_TOP}; returns the initial stack pointer. */
    long build(final List<String> args, final List<String> env, final long phdr, final int phnum,
               final long elfEntry) throws Errno {
        memory.map(UserProcess.STACK_TOP - UserProcess.STACK_SIZE, UserProcess.STACK_TOP,
            AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, "stack");
        long p = UserProcess.STACK_TOP - 8;
        p = push(p, args.isEmpty() ? "" : args.get(0));
        final long execfn = p;
        final List<Long> envAddresses = new ArrayList<>();
        for (int i = env.size() - 1; i >= 0; i--) {
            p = push(p, env.get(i));
            envAddresses.add(0, p);
        }
        final List<Long> argAddresses = new ArrayList<>();
        for (int i = args.size() - 1; i >= 0; i--) {
            p = push(p, args.get(i));
            argAddresses.add(0, p);
        }
        p = push(p, PLATFORM);
        final long platform = p;
        final byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        p -= 16;
        memory.copyOut(p, random, 0, 16);
        final long randomAddress = p;

        final long[] aux = {
            AT_IGNOREPPC, AT_IGNOREPPC,
            AT_IGNOREPPC, AT_IGNOREPPC,
            AT_DCACHEBSIZE, CACHE_BLOCK,
            AT_ICACHEBSIZE, CACHE_BLOCK,
            AT_UCACHEBSIZE, 0,
            AT_HWCAP, HWCAP_POWER8,
            AT_PAGESZ, AddressSpace.PAGE_SIZE,
            AT_CLKTCK, 100,
            AT_PHDR, phdr,
            AT_PHENT, 56,
            AT_PHNUM, phnum,
            AT_BASE, 0,
            AT_FLAGS, 0,
            AT_ENTRY, elfEntry,
            AT_UID, uid,
            AT_EUID, uid,
            AT_GID, gid,
            AT_EGID, gid,
            AT_SECURE, 0,
            AT_RANDOM, randomAddress,
            AT_HWCAP2, HWCAP2_POWER8,
            AT_EXECFN, execfn,
            AT_PLATFORM, platform,
            AT_NULL, 0,
        };
        final int words = 1 + argAddresses.size() + 1 + envAddresses.size() + 1 + aux.length;
        final long sp = (p - 8L * words) & -16L;
        final ByteBuffer table = ByteBuffer.allocate(8 * words).order(memory.order());
        table.putLong(argAddresses.size());
        argAddresses.forEach(table::putLong);
        table.putLong(0);
        envAddresses.forEach(table::putLong);
        table.putLong(0);
        for (final long value : aux) {
            table.putLong(value);
        }
        memory.copyOut(sp, table.array(), 0, table.capacity());
        argc = argAddresses.size();
        argvAddress = sp + 8;
        envpAddress = argvAddress + 8L * (argAddresses.size() + 1);
        auxvAddress = envpAddress + 8L * (envAddresses.size() + 1);
        return sp;
    }

    private long push(final long p, final String s) throws Errno {
        final byte[] bytes = RootedFileSystem.bytes(s);
        final long at = p - bytes.length - 1;
        memory.copyOut(at, bytes, 0, bytes.length);
        memory.copyOut(at + bytes.length, new byte[1], 0, 1);
        return at;
    }

    long argc() {
        return argc;
    }

    long argv() {
        return argvAddress;
    }

    long envp() {
        return envpAddress;
    }

    long auxv() {
        return auxvAddress;
    }
}
