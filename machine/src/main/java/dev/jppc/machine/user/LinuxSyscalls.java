package dev.jppc.machine.user;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.jppc.core.Cpu;

/**
 * The Linux system calls of a {@link UserProcess}, by their ppc64 numbers (asm/unistd_64.h), with the ppc64
 * system call ABI: {@code sc} with the number in r0 and the arguments in r3..r8; on return r3 holds the
 * result, or for an error the positive errno with CR0[SO] set. Other registers are left as they were.
 * A number this class does not know returns ENOSYS and is reported once on the log.
 */
final class LinuxSyscalls {

    static final int EXIT = 1;
    static final int FORK = 2;
    static final int EXECVE = 11;
    static final int PAUSE = 29;
    static final int CLONE = 120;
    static final int VFORK = 189;
    static final int WAITID = 272;
    static final int CLONE3 = 435;
    static final int READ = 3;
    static final int WRITE = 4;
    static final int OPEN = 5;
    static final int CLOSE = 6;
    static final int UNLINK = 10;
    static final int CHDIR = 12;
    static final int TIME = 13;
    static final int CHMOD = 15;
    static final int TIMES = 43;
    static final int GETGROUPS = 80;
    static final int FTRUNCATE = 93;
    static final int FCHMOD = 94;
    static final int LLSEEK = 140;
    static final int SCHED_YIELD = 158;
    static final int SYMLINKAT = 295;
    static final int FCHMODAT = 297;
    static final int UTIMENSAT = 304;
    static final int LSEEK = 19;
    static final int GETPID = 20;
    static final int GETUID = 24;
    static final int ACCESS = 33;
    static final int SYNC = 36;
    static final int KILL = 37;
    static final int RENAME = 38;
    static final int MKDIR = 39;
    static final int RMDIR = 40;
    static final int DUP = 41;
    static final int PIPE = 42;
    static final int BRK = 45;
    static final int GETGID = 47;
    static final int GETEUID = 49;
    static final int GETEGID = 50;
    static final int IOCTL = 54;
    static final int FCNTL = 55;
    static final int SETPGID = 57;
    static final int UMASK = 60;
    static final int DUP2 = 63;
    static final int GETPPID = 64;
    static final int GETPGRP = 65;
    static final int SETSID = 66;
    static final int SETRLIMIT = 75;
    static final int GETRLIMIT = 76;
    static final int GETTIMEOFDAY = 78;
    static final int READLINK = 85;
    static final int MMAP = 90;
    static final int MUNMAP = 91;
    static final int STAT = 106;
    static final int LSTAT = 107;
    static final int FSTAT = 108;
    static final int WAIT4 = 114;
    static final int FSYNC = 118;
    static final int UNAME = 122;
    static final int SYSINFO = 116;
    static final int MPROTECT = 125;
    static final int GETPGID = 132;
    static final int FCHDIR = 133;
    static final int READV = 145;
    static final int WRITEV = 146;
    static final int GETSID = 147;
    static final int FDATASYNC = 148;
    static final int NANOSLEEP = 162;
    static final int MREMAP = 163;
    static final int PRCTL = 171;
    static final int RT_SIGACTION = 173;
    static final int RT_SIGPROCMASK = 174;
    static final int RT_SIGRETURN = 172;
    static final int RT_SIGSUSPEND = 178;
    static final int PREAD64 = 179;
    static final int PWRITE64 = 180;
    static final int GETCWD = 182;
    static final int SIGALTSTACK = 185;
    static final int UGETRLIMIT = 190;
    static final int SENDFILE = 186;
    static final int GETDENTS64 = 202;
    static final int MADVISE = 205;
    static final int GETTID = 207;
    static final int TKILL = 208;
    static final int FUTEX = 221;
    static final int SCHED_GETAFFINITY = 223;
    static final int SET_TID_ADDRESS = 232;
    static final int EXIT_GROUP = 234;
    static final int CLOCK_GETTIME = 246;
    static final int CLOCK_GETRES = 247;
    static final int CLOCK_NANOSLEEP = 248;
    static final int TGKILL = 250;
    static final int OPENAT = 286;
    static final int MKDIRAT = 287;
    static final int NEWFSTATAT = 291;
    static final int UNLINKAT = 292;
    static final int RENAMEAT = 293;
    static final int READLINKAT = 296;
    static final int FACCESSAT = 298;
    static final int SET_ROBUST_LIST = 300;
    static final int DUP3 = 316;
    static final int PIPE2 = 317;
    static final int PRLIMIT64 = 325;
    static final int RENAMEAT2 = 357;
    static final int GETRANDOM = 359;
    static final int STATX = 383;
    static final int RSEQ = 387;
    static final int FACCESSAT2 = 439;

    /** CR0[SO]: set on an error return. */
    static final int CR0_SO = 0x1000_0000;
    private static final long MAX_ERRNO = 4095;

    private static final int MAP_SHARED = 0x01;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_FIXED = 0x10;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final int MAP_FIXED_NOREPLACE = 0x100000;
    private static final int MREMAP_MAYMOVE = 1;
    private static final int MADV_DONTNEED = 4;

    private static final long RLIM_INFINITY = -1L;
    private static final int RLIMIT_STACK = 3;
    private static final int RLIMIT_NOFILE = 7;
    private static final int PR_SET_NAME = 15;
    private static final int PR_GET_NAME = 16;
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final int SIGNALS = 64;

    /** SIG_IGN as rt_sigaction's handler. */
    private static final long SIG_IGN = 1;
    private static final long SA_NODEFER = 0x4000_0000L;
    private static final long SA_RESETHAND = 0x8000_0000L;
    private static final int SIGCHLD = 17;

    private final AddressSpace memory;
    private final FileSyscalls files;
    private final ProcessSyscalls processes;
    private final UserConfig config;
    private final boolean little;
    private final SecureRandom random = new SecureRandom();
    /** Recorded handlers; other processes read them (does a kill reach a SIG_IGN?), hence concurrent. */
    private final Map<Integer, long[]> sigactions = new ConcurrentHashMap<>();
    private final int uid;
    private final int gid;
    private final long brkStart;
    private long brk;
    private long signalMask;
    private final SignalFrames frames;
    /** A signal to deliver when the current system call returns (0: none), and the mask to restore after it. */
    private int deliverSignal;
    private long maskAfterHandler;
    private String name;
    private UserProcess process;

    LinuxSyscalls(final AddressSpace memory, final FileSyscalls files, final UserConfig config,
                  final boolean little, final long brkStart, final String programName) {
        this(memory, files, config, little, brkStart, hostIds());
        name = programName.length() > 15 ? programName.substring(0, 15) : programName;
    }

    private LinuxSyscalls(final AddressSpace memory, final FileSyscalls files, final UserConfig config,
                          final boolean little, final long brkStart, final int[] ids) {
        this.memory = memory;
        this.files = files;
        this.processes = new ProcessSyscalls(memory, files, ids[0]);
        this.frames = new SignalFrames(memory);
        this.config = config;
        this.little = little;
        this.brkStart = brkStart;
        this.brk = brkStart;
        uid = ids[0];
        gid = ids[1];
    }

    /**
     * A forked child's calls on its own memory: a copy of the break, descriptors and signal state (the handlers
     * being run included).
     */
    LinuxSyscalls forkFor(final AddressSpace childMemory, final java.nio.file.Path program) {
        final LinuxSyscalls child = new LinuxSyscalls(childMemory, files.forkFor(childMemory, program), config,
            little, brkStart, new int[] {uid, gid});
        child.brk = brk;
        child.sigactions.putAll(sigactions);
        child.signalMask = signalMask;
        child.name = name;
        child.useFunctionDescriptors(frames.usesFunctionDescriptors());
        frames.copyTo(child.frames);
        return child;
    }

    /**
     * The calls of the program execve loads: the blocked-signal mask and ignored signals carry over, handlers
     * go back to the default, as Linux does.
     */
    LinuxSyscalls execFor(final AddressSpace newMemory, final FileSyscalls newFiles, final boolean newLittle,
                          final long newBrkStart, final String programName) {
        final LinuxSyscalls next = new LinuxSyscalls(newMemory, newFiles, config, newLittle, newBrkStart,
            new int[] {uid, gid});
        for (final Map.Entry<Integer, long[]> e : sigactions.entrySet()) {
            if (e.getValue()[0] == SIG_IGN) {
                next.sigactions.put(e.getKey(), e.getValue());
            }
        }
        next.signalMask = signalMask;
        next.name = programName.length() > 15 ? programName.substring(0, 15) : programName;
        return next;
    }

    void attach(final UserProcess owner) {
        process = owner;
        processes.attach(owner);
    }

    FileSyscalls files() {
        return files;
    }

    /** Closes every descriptor (the process ended). */
    void closeAll() {
        files.closeAll();
    }

    /** Whether {@code signal} is set to SIG_IGN. */
    boolean ignores(final int signal) {
        final long[] action = sigactions.get(signal);
        return action != null && action[0] == SIG_IGN;
    }

    /** The host user and group (what files created by the guest will belong to), or 1000 when unknown. */
    private static int[] hostIds() {
        try {
            final Path self = Path.of("/proc/self");
            return new int[] {(Integer) Files.getAttribute(self, "unix:uid"),
                (Integer) Files.getAttribute(self, "unix:gid")};
        } catch (final Exception e) {
            return new int[] {1000, 1000};
        }
    }

    int uid() {
        return uid;
    }

    int gid() {
        return gid;
    }

    /** ELFv1 programs name handlers by function descriptors. */
    void useFunctionDescriptors(final boolean value) {
        frames.useFunctionDescriptors(value);
    }

    /** Handles the system call the CPU's r0 names and writes the result as the ABI wants. */
    void dispatch(final Cpu c) {
        if (c.gpr[0] == RT_SIGRETURN) {
            sigreturn(c);
            return;
        }
        long result;
        try {
            result = call(c.gpr[0], c.gpr[3], c.gpr[4], c.gpr[5], c.gpr[6], c.gpr[7], c.gpr[8]);
        } catch (final Errno e) {
            result = -e.code();
            if (e.code() == Errno.EPIPE && writes(c.gpr[0])) {
                brokenPipe();
            }
        }
        if (result < 0 && result >= -MAX_ERRNO) {
            c.cr |= CR0_SO;
            c.gpr[3] = -result;
        } else {
            c.cr &= ~CR0_SO;
            c.gpr[3] = result;
        }
        if (deliverSignal != 0) {
            deliverPending(c);
        }
    }

    /** Enters the handler of {@link #deliverSignal} as the system call returns (its result is saved with it). */
    private void deliverPending(final Cpu c) {
        final int s = deliverSignal;
        deliverSignal = 0;
        final long[] action = sigactions.get(s);
        if (action == null || action[0] <= SIG_IGN) {
            signalMask = maskAfterHandler;
            return;
        }
        if (!frames.deliver(c, s, action[0], maskAfterHandler)) {
            process.killedBy(UserProcess.SIGSEGV, "SIGSEGV: no room for the frame of signal " + s);
            return;
        }
        long mask = maskAfterHandler | action[3];
        if ((action[1] & SA_NODEFER) == 0) {
            mask |= 1L << (s - 1);
        }
        signalMask = mask;
        if ((action[1] & SA_RESETHAND) != 0) {
            sigactions.remove(s);
        }
    }

    private void sigreturn(final Cpu c) {
        final java.util.OptionalLong mask = frames.sigreturn(c);
        if (mask.isEmpty()) {
            process.killedBy(UserProcess.SIGSEGV, String.format("SIGSEGV at 0x%x: rt_sigreturn without a signal "
                + "frame", c.spr[dev.jppc.core.Spr.SRR0]));
            return;
        }
        signalMask = mask.getAsLong();
    }

    /**
     * rt_sigsuspend: waits with the given mask until a signal comes. The only one jppc delivers is SIGCHLD to
     * a handler (when a child has ended since the last delivery); then the handler runs and the call returns
     * EINTR, the old mask back. Any other wait ends when another process kills this one.
     */
    private long sigsuspend(final long maskAddress, final long size) throws Errno {
        if (size != 8) {
            throw new Errno(Errno.EINVAL);
        }
        final long temporary = memory.readLong(maskAddress);
        final long previous = signalMask;
        final long[] action = sigactions.get(SIGCHLD);
        final boolean childSignals = action != null && action[0] > SIG_IGN && (temporary & (1L << (SIGCHLD - 1))) == 0;
        signalMask = temporary;
        try {
            if (childSignals) {
                process.table().awaitChildSignal(process);
            } else {
                pause();
            }
        } catch (final Errno e) {
            signalMask = previous;
            throw e;
        }
        deliverSignal = SIGCHLD;
        maskAfterHandler = previous;
        throw new Errno(Errno.EINTR);
    }

    private static boolean writes(final long number) {
        return number == WRITE || number == WRITEV || number == PWRITE64 || number == SENDFILE;
    }

    /** A write to a pipe without readers raises SIGPIPE, whose default action ends the writer quietly. */
    private void brokenPipe() {
        if (!ignores(UserProcess.SIGPIPE)) {
            process.killedQuietly(UserProcess.SIGPIPE);
        }
    }

    private long call(final long number, final long a, final long b, final long c, final long d, final long e,
                      final long f) throws Errno {
        if (number < 0 || number > Integer.MAX_VALUE) {
            return unknown(-1);
        }
        final int n = (int) number;
        return switch (n) {
            case EXIT, EXIT_GROUP -> {
                process.exit((int) a & 0xFF);
                yield 0;
            }
            case READ -> files.read(a, b, c);
            case WRITE -> files.write(a, b, c);
            case READV -> files.readv(a, b, c);
            case WRITEV -> files.writev(a, b, c);
            case PREAD64 -> files.pread(a, b, c, d);
            case PWRITE64 -> files.pwrite(a, b, c, d);
            case LSEEK -> files.lseek(a, b, c);
            case LLSEEK -> files.llseek(a, b, c, d, e);
            case SENDFILE -> files.sendfile(a, b, c, d);
            case FTRUNCATE -> files.ftruncate(a, b);
            case CHMOD -> files.fchmodat(FileSyscalls.AT_FDCWD, a, b);
            case FCHMODAT -> files.fchmodat(a, b, c);
            case FCHMOD -> files.fchmod(a, b);
            case SYMLINKAT -> files.symlinkat(a, b, c);
            case UTIMENSAT -> files.utimensat(a, b, c, d);
            case OPEN -> files.openat(FileSyscalls.AT_FDCWD, a, b, c);
            case OPENAT -> files.openat(a, b, c, d);
            case CLOSE -> files.close(a);
            case FSTAT -> files.fstat(a, b);
            case STAT -> files.newfstatat(FileSyscalls.AT_FDCWD, a, b, 0);
            case LSTAT -> files.newfstatat(FileSyscalls.AT_FDCWD, a, b, FileSyscalls.AT_SYMLINK_NOFOLLOW);
            case NEWFSTATAT -> files.newfstatat(a, b, c, d);
            case STATX -> files.statx(a, b, c, e);
            case GETDENTS64 -> files.getdents64(a, b, c);
            case READLINK -> files.readlinkat(FileSyscalls.AT_FDCWD, a, b, c);
            case READLINKAT -> files.readlinkat(a, b, c, d);
            case ACCESS -> files.faccessat(FileSyscalls.AT_FDCWD, a, b, 0);
            case FACCESSAT -> files.faccessat(a, b, c, 0);
            case FACCESSAT2 -> files.faccessat(a, b, c, d);
            case GETCWD -> files.getcwd(a, b);
            case CHDIR -> files.chdir(a);
            case FCHDIR -> files.fchdir(a);
            case UNLINK -> files.unlinkat(FileSyscalls.AT_FDCWD, a, 0);
            case RMDIR -> files.unlinkat(FileSyscalls.AT_FDCWD, a, FileSyscalls.AT_REMOVEDIR);
            case UNLINKAT -> files.unlinkat(a, b, c);
            case MKDIR -> files.mkdirat(FileSyscalls.AT_FDCWD, a, b);
            case MKDIRAT -> files.mkdirat(a, b, c);
            case RENAME -> files.renameat(FileSyscalls.AT_FDCWD, a, FileSyscalls.AT_FDCWD, b, 0);
            case RENAMEAT -> files.renameat(a, b, c, d, 0);
            case RENAMEAT2 -> files.renameat(a, b, c, d, e);
            case DUP -> files.dup(a);
            case DUP2 -> files.dup3(a, b, 0, true);
            case DUP3 -> files.dup3(a, b, c, false);
            case FCNTL -> files.fcntl(a, b, c);
            case PIPE -> files.pipe2(a, 0);
            case PIPE2 -> files.pipe2(a, b);
            case IOCTL -> files.ioctl(a, b);
            case UMASK -> files.umask(a);
            case SYNC, FSYNC, FDATASYNC -> 0;
            default -> callProcess(n, a, b, c, d, e, f);
        };
    }

    private long callProcess(final int n, final long a, final long b, final long c, final long d, final long e,
                             final long f) throws Errno {
        return switch (n) {
            case BRK -> brk(a);
            case MMAP -> mmap(a, b, c, d, e, f);
            case MUNMAP -> munmap(a, b);
            case MPROTECT -> mprotect(a, b, c);
            case MREMAP -> mremap(a, b, c, d);
            case MADVISE -> madvise(a, b, c);
            case UNAME -> uname(a);
            case SYSINFO -> sysinfo(a);
            case CLOCK_GETTIME -> clockGettime(a, b);
            case CLOCK_GETRES -> clockGetres(b);
            case GETTIMEOFDAY -> gettimeofday(a);
            case TIME -> time(a);
            case NANOSLEEP -> sleep(a, b);
            case CLOCK_NANOSLEEP -> sleep(c, d);
            case GETRANDOM -> getrandom(a, b);
            case SET_TID_ADDRESS, GETPID, GETTID -> process.pid();
            case GETPGRP, GETSID, GETPGID, SETSID -> ProcessTable.FIRST_PID;
            case GETPPID -> process.parentPid();
            case FORK -> processes.fork();
            case VFORK -> processes.vfork();
            case CLONE -> processes.clone(a, b, c, d, e);
            // glibc tries clone3 first for posix_spawn and falls back to clone on ENOSYS: not worth a line.
            case CLONE3 -> throw new Errno(Errno.ENOSYS);
            case EXECVE -> processes.execve(a, b, c);
            case PAUSE -> pause();
            case WAIT4 -> processes.wait4(a, b, c, d);
            case WAITID -> processes.waitid(a, b, c, d, e);
            case GETUID, GETEUID -> uid;
            case GETGID, GETEGID -> gid;
            case SETPGID, SCHED_YIELD, GETGROUPS -> 0;
            case TIMES -> times(a);
            case SET_ROBUST_LIST -> 0;
            // glibc probes rseq and carries on without it; not worth a line on stderr.
            case RSEQ -> throw new Errno(Errno.ENOSYS);
            case RT_SIGACTION -> sigaction(a, b, c);
            case RT_SIGPROCMASK -> sigprocmask(a, b, c);
            case RT_SIGSUSPEND -> sigsuspend(a, b);
            case SIGALTSTACK -> sigaltstack(b);
            case KILL -> kill(a, b);
            case TKILL -> kill(process.pid(), b);
            case TGKILL -> kill(a, c);
            case PRLIMIT64 -> prlimit(a, b, c, d);
            case GETRLIMIT, UGETRLIMIT -> prlimit(0, a, 0, b);
            case SETRLIMIT -> 0;
            case PRCTL -> prctl(a, b);
            case FUTEX -> futex(b);
            case SCHED_GETAFFINITY -> schedGetaffinity(b, c);
            default -> unknown(n);
        };
    }

    private long unknown(final int n) throws Errno {
        if (process.table().firstReport(n)) {
            config.log().println("jppc user: unknown system call " + n + " (returns ENOSYS)");
        }
        throw new Errno(Errno.ENOSYS);
    }

    // ---- memory -----------------------------------------------------------------------------------------

    /** brk: the break starts page-aligned after the image; it never shrinks below that nor runs into a mapping. */
    private long brk(final long requested) {
        if (requested < brkStart || requested >= AddressSpace.TASK_SIZE) {
            return brk;
        }
        final long oldTop = AddressSpace.pageUp(brk);
        final long newTop = AddressSpace.pageUp(requested);
        if (newTop > oldTop) {
            if (!memory.isFree(oldTop, newTop)) {
                return brk;
            }
            memory.map(oldTop, newTop, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, "heap");
        } else if (newTop < oldTop) {
            memory.unmap(newTop, oldTop);
        }
        brk = requested;
        return brk;
    }

    private long mmap(final long address, final long length, final long prot, final long flags, final long fd,
                      final long offset) throws Errno {
        final int fl = (int) flags;
        final boolean anonymous = (fl & MAP_ANONYMOUS) != 0;
        if (length <= 0 || length > AddressSpace.TASK_SIZE || (fl & (MAP_SHARED | MAP_PRIVATE)) == 0
            || (prot & ~7L) != 0) {
            throw new Errno(Errno.EINVAL);
        }
        if (!anonymous && (offset & (AddressSpace.PAGE_SIZE - 1)) != 0) {
            throw new Errno(Errno.EINVAL);
        }
        final long size = AddressSpace.pageUp(length);
        final long start;
        if ((fl & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0) {
            if ((address & (AddressSpace.PAGE_SIZE - 1)) != 0 || address < AddressSpace.PAGE_SIZE
                || address > AddressSpace.TASK_SIZE - size) {
                throw new Errno(Errno.EINVAL);
            }
            if ((fl & MAP_FIXED) == 0 && !memory.isFree(address, address + size)) {
                throw new Errno(Errno.EEXIST);
            }
            start = address;
        } else if (address != 0 && (address & (AddressSpace.PAGE_SIZE - 1)) == 0
            && memory.isFree(address, address + size)) {
            start = address;
        } else {
            start = memory.findFreeBelow(UserProcess.MMAP_TOP, size);
            if (start < 0) {
                throw new Errno(Errno.ENOMEM);
            }
        }
        // A file mapping is copied in at once: refuse it before reading when RAM could not hold it.
        if (!anonymous && (size / AddressSpace.PAGE_SIZE > memory.freeFrameCount() || length > 1L << 30)) {
            throw new Errno(Errno.ENOMEM);
        }
        final byte[] contents = anonymous ? null : files.mapContents(fd, offset, (int) length);
        memory.map(start, start + size, (int) prot, anonymous ? "anonymous" : "file");
        if (contents != null) {
            if (prot == 0) {
                memory.protect(start, start + size, AddressSpace.PROT_READ);
                memory.load(start, contents);
                memory.protect(start, start + size, 0);
            } else {
                memory.load(start, contents);
            }
        }
        return start;
    }

    private static void checkAligned(final long address, final long length) throws Errno {
        if ((address & (AddressSpace.PAGE_SIZE - 1)) != 0 || length < 0 || address < 0
            || address > AddressSpace.TASK_SIZE || length > AddressSpace.TASK_SIZE - address) {
            throw new Errno(Errno.EINVAL);
        }
    }

    private long munmap(final long address, final long length) throws Errno {
        checkAligned(address, length);
        if (length == 0) {
            throw new Errno(Errno.EINVAL);
        }
        memory.unmap(address, address + AddressSpace.pageUp(length));
        return 0;
    }

    private long mprotect(final long address, final long length, final long prot) throws Errno {
        checkAligned(address, length);
        if ((prot & ~7L) != 0) {
            throw new Errno(Errno.EINVAL);
        }
        if (length == 0) {
            return 0;
        }
        if (!memory.protect(address, address + AddressSpace.pageUp(length), (int) prot)) {
            throw new Errno(Errno.ENOMEM);
        }
        return 0;
    }

    private long mremap(final long old, final long oldLength, final long newLength, final long flags)
        throws Errno {
        checkAligned(old, oldLength);
        if (newLength <= 0 || (flags & ~MREMAP_MAYMOVE) != 0) {
            throw new Errno(Errno.EINVAL);
        }
        final long oldSize = AddressSpace.pageUp(oldLength);
        final long newSize = AddressSpace.pageUp(newLength);
        final AddressSpace.Area area = memory.find(old + oldSize - 1);
        if (area == null || !memory.isMapped(old, old + oldSize)) {
            throw new Errno(Errno.EFAULT);
        }
        if (newSize <= oldSize) {
            if (newSize < oldSize) {
                memory.unmap(old + newSize, old + oldSize);
            }
            return old;
        }
        if (memory.isFree(old + oldSize, old + newSize)) {
            memory.map(old + oldSize, old + newSize, area.prot, area.name);
            return old;
        }
        if ((flags & MREMAP_MAYMOVE) == 0) {
            throw new Errno(Errno.ENOMEM);
        }
        final long target = memory.findFreeBelow(UserProcess.MMAP_TOP, newSize);
        if (target < 0) {
            throw new Errno(Errno.ENOMEM);
        }
        memory.move(old, oldSize, target);
        memory.map(target + oldSize, target + newSize, area.prot, area.name);
        return target;
    }

    private long madvise(final long address, final long length, final long advice) throws Errno {
        checkAligned(address, length);
        if (advice == MADV_DONTNEED && length > 0) {
            memory.discard(address, address + AddressSpace.pageUp(length));
        }
        return 0;
    }

    // ---- identity and time ------------------------------------------------------------------------------

    /** uname: six 65-byte fields; the machine is ppc64le or ppc64 after the program's byte order. */
    private long uname(final long buffer) throws Errno {
        final String[] fields = {"Linux", "jppc", "6.1.0-jppc", "#1 SMP jppc user mode", little ? "ppc64le" : "ppc64",
            "(none)"};
        final byte[] out = new byte[65 * fields.length];
        for (int i = 0; i < fields.length; i++) {
            final byte[] b = RootedFileSystem.bytes(fields[i]);
            System.arraycopy(b, 0, out, 65 * i, Math.min(b.length, 64));
        }
        memory.copyOut(buffer, out, 0, out.length);
        return 0;
    }

    /**
     * sysinfo: struct sysinfo of a 64-bit kernel (112 bytes): uptime, three loads, then total/free/shared/buffer
     * RAM and total/free swap as unsigned longs, procs (u16) at 80, high memory at 88 and 96, mem_unit (u32) at
     * 104. RAM is the guest's RAM; busybox sort sizes its buffers from it.
     */
    private long sysinfo(final long buffer) throws Errno {
        final ByteBuffer info = ByteBuffer.allocate(112).order(memory.order());
        info.putLong(0, System.nanoTime() / 1_000_000_000L);
        info.putLong(32, memory.ramSize());
        info.putLong(40, (long) memory.freeFrameCount() * AddressSpace.PAGE_SIZE);
        info.putShort(80, (short) 1);
        info.putInt(104, 1);
        memory.copyOut(buffer, info.array(), 0, 112);
        return 0;
    }

    private static long nowNanos(final long clock) {
        if (clock == 0 || clock == 5 || clock == 8 || clock == 11) {
            final Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
        return System.nanoTime();
    }

    private void putPair(final long address, final long first, final long second) throws Errno {
        final byte[] b = ByteBuffer.allocate(16).order(memory.order()).putLong(first).putLong(second).array();
        memory.copyOut(address, b, 0, 16);
    }

    private long clockGettime(final long clock, final long timespec) throws Errno {
        if (clock < 0 || clock > 11) {
            throw new Errno(Errno.EINVAL);
        }
        final long ns = nowNanos(clock);
        putPair(timespec, Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
        return 0;
    }

    private long clockGetres(final long timespec) throws Errno {
        if (timespec != 0) {
            putPair(timespec, 0, 1);
        }
        return 0;
    }

    private long gettimeofday(final long timeval) throws Errno {
        if (timeval != 0) {
            final long ns = nowNanos(0);
            putPair(timeval, Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L) / 1000);
        }
        return 0;
    }

    private long time(final long address) throws Errno {
        final long seconds = Instant.now().getEpochSecond();
        if (address != 0) {
            memory.writeLong(address, seconds);
        }
        return seconds;
    }

    /** nanosleep and clock_nanosleep (relative): sleeps on the host. */
    private long sleep(final long request, final long remaining) throws Errno {
        final long seconds = memory.readLong(request);
        final long nanos = memory.readLong(request + 8);
        if (seconds < 0 || nanos < 0 || nanos >= 1_000_000_000L) {
            throw new Errno(Errno.EINVAL);
        }
        try {
            Thread.sleep(Math.min(seconds, Long.MAX_VALUE / 1000) * 1000 + nanos / 1_000_000,
                (int) (nanos % 1_000_000));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Errno(Errno.EINTR);
        }
        if (remaining != 0) {
            putPair(remaining, 0, 0);
        }
        return 0;
    }

    /** times: no child processes; the process's own CPU time is not kept, so all four counts are 0. */
    private long times(final long buffer) throws Errno {
        if (buffer != 0) {
            putPair(buffer, 0, 0);
            putPair(buffer + 16, 0, 0);
        }
        return System.nanoTime() / 10_000_000L;
    }

    private long getrandom(final long buffer, final long length) throws Errno {
        if (length < 0) {
            throw new Errno(Errno.EINVAL);
        }
        final byte[] bytes = new byte[(int) Math.min(length, 1 << 16)];
        random.nextBytes(bytes);
        memory.copyOut(buffer, bytes, 0, bytes.length);
        return bytes.length;
    }

    // ---- signals and limits -----------------------------------------------------------------------------

    /** rt_sigaction: recorded (struct sigaction: handler, flags, restorer, mask) and never delivered. */
    private long sigaction(final long signal, final long action, final long old) throws Errno {
        if (signal < 1 || signal > SIGNALS || signal == 9 || signal == 19) {
            if (action != 0 || signal < 1 || signal > SIGNALS) {
                throw new Errno(Errno.EINVAL);
            }
        }
        final int s = (int) signal;
        final long[] previous = sigactions.getOrDefault(s, new long[4]);
        long[] next = null;
        if (action != 0) {
            next = new long[4];
            for (int i = 0; i < 4; i++) {
                next[i] = memory.readLong(action + 8L * i);
            }
        }
        if (old != 0) {
            for (int i = 0; i < 4; i++) {
                memory.writeLong(old + 8L * i, previous[i]);
            }
        }
        if (next != null) {
            sigactions.put(s, next);
        }
        return 0;
    }

    private long sigprocmask(final long how, final long set, final long old) throws Errno {
        final long previous = signalMask;
        if (set != 0) {
            final long value = memory.readLong(set);
            switch ((int) how) {
                case 0 -> signalMask |= value;
                case 1 -> signalMask &= ~value;
                case 2 -> signalMask = value;
                default -> throw new Errno(Errno.EINVAL);
            }
        }
        if (old != 0) {
            memory.writeLong(old, previous);
        }
        return 0;
    }

    private long sigaltstack(final long old) throws Errno {
        if (old != 0) {
            // stack_t {ss_sp, ss_flags (int, padded), ss_size}: SS_DISABLE (2), no alternate stack.
            memory.writeLong(old, 0);
            memory.writeLong(old + 8, 0);
            memory.writeInt(old + 8, 2);
            memory.writeLong(old + 16, 0);
        }
        return 0;
    }

    /**
     * kill: signal 0 checks that the target exists; a signal a target ignores (SIG_IGN, or a default action of
     * ignoring, stopping or continuing, which jppc does not model) does nothing; any other ends the target as
     * its default action would (handlers of a kill are not run). See {@link ProcessSyscalls#targets}.
     */
    private long kill(final long pid, final long signal) throws Errno {
        if (signal < 0 || signal > SIGNALS) {
            throw new Errno(Errno.EINVAL);
        }
        final java.util.List<UserProcess> targets = processes.targets(pid);
        final int s = (int) signal;
        if (s == 0) {
            return 0;
        }
        for (final UserProcess target : targets) {
            if (target.ignores(s) || ProcessSyscalls.harmlessByDefault(s)) {
                continue;
            }
            if (target == process) {
                final long[] action = sigactions.get(s);
                process.killedBy(s, "killed by signal " + s + (action != null && action[0] > SIG_IGN
                    ? " (its handler is not run: jppc user runs handlers only for SIGCHLD in rt_sigsuspend)" : ""));
            } else {
                target.signal(s);
            }
        }
        return 0;
    }

    /** pause: no signal is ever delivered, so it waits until a signal from another process ends this one. */
    private static long pause() throws Errno {
        try {
            while (true) {
                Thread.sleep(Long.MAX_VALUE);
            }
        } catch (final InterruptedException e) {
            throw new Errno(Errno.EINTR);
        }
    }

    private long prlimit(final long pid, final long resource, final long newLimit, final long old) throws Errno {
        if (pid != 0 && pid != process.pid()) {
            throw new Errno(Errno.ESRCH);
        }
        if (resource < 0 || resource > 15) {
            throw new Errno(Errno.EINVAL);
        }
        if (old != 0) {
            final long current = switch ((int) resource) {
                case RLIMIT_STACK -> UserProcess.STACK_SIZE;
                case RLIMIT_NOFILE -> FileSyscalls.MAX_FDS;
                default -> RLIM_INFINITY;
            };
            final long max = resource == RLIMIT_NOFILE ? FileSyscalls.MAX_FDS : RLIM_INFINITY;
            putPair(old, current, max);
        }
        if (newLimit != 0) {
            memory.readLong(newLimit);
        }
        return 0;
    }

    private long prctl(final long option, final long argument) throws Errno {
        switch ((int) option) {
            case PR_SET_NAME -> {
                final byte[] b = memory.readString(argument, 4096);
                name = RootedFileSystem.text(java.util.Arrays.copyOf(b, Math.min(b.length, 15)));
                return 0;
            }
            case PR_GET_NAME -> {
                final byte[] out = java.util.Arrays.copyOf(RootedFileSystem.bytes(name), 16);
                out[15] = 0;
                memory.copyOut(argument, out, 0, 16);
                return 0;
            }
            default -> throw new Errno(Errno.EINVAL);
        }
    }

    /** futex with one thread: a wake finds nobody; a wait would never end, so it reports EAGAIN. */
    private long futex(final long operation) throws Errno {
        final int op = (int) operation & 0x7F;
        if (op == FUTEX_WAKE) {
            return 0;
        }
        if (op == FUTEX_WAIT) {
            throw new Errno(Errno.EAGAIN);
        }
        throw new Errno(Errno.ENOSYS);
    }

    /** One CPU: bit 0 of the mask. */
    private long schedGetaffinity(final long length, final long mask) throws Errno {
        if (length < 8 || (length & 7) != 0) {
            throw new Errno(Errno.EINVAL);
        }
        memory.writeLong(mask, 1);
        return 8;
    }
}
