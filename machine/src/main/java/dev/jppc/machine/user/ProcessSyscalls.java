package dev.jppc.machine.user;

import java.util.ArrayList;
import java.util.List;

/**
 * The process system calls of one program image: clone (fork and vfork semantics), execve, wait4, waitid and
 * kill. The mechanics live in {@link UserProcess} and {@link ProcessTable}; this class reads and checks the
 * guest's arguments and writes its results.
 */
final class ProcessSyscalls {

    /** The low byte of clone's flags: the signal sent to the parent when the child ends. */
    static final int CSIGNAL = 0xFF;
    static final int CLONE_VM = 0x100;
    static final int CLONE_FS = 0x200;
    static final int CLONE_FILES = 0x400;
    static final int CLONE_SIGHAND = 0x800;
    static final int CLONE_VFORK = 0x4000;
    static final int CLONE_PARENT = 0x8000;
    static final int CLONE_THREAD = 0x10000;
    static final int CLONE_SETTLS = 0x80000;
    static final int CLONE_PARENT_SETTID = 0x100000;
    static final int CLONE_CHILD_CLEARTID = 0x200000;
    static final int CLONE_CHILD_SETTID = 0x1000000;
    /** Flags accepted by clone here: what fork, vfork and posix_spawn pass. */
    private static final long SUPPORTED_CLONE = CSIGNAL | CLONE_VM | CLONE_VFORK | CLONE_SETTLS
        | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID;

    static final int WNOHANG = 1;
    static final int WUNTRACED = 2;
    static final int WEXITED = 4;
    static final int WCONTINUED = 8;
    static final int WNOWAIT = 0x0100_0000;
    private static final long WAIT4_OPTIONS = WNOHANG | WUNTRACED | WCONTINUED | 0xE000_0000L;
    private static final int P_ALL = 0;
    private static final int P_PID = 1;
    private static final int P_PGID = 2;

    private static final int SIGCHLD = 17;
    private static final int CLD_EXITED = 1;
    private static final int CLD_KILLED = 2;
    private static final int SIGINFO_SIZE = 128;
    private static final int RUSAGE_SIZE = 144;

    /** Linux's limits on execve's argument and environment strings (MAX_ARG_STRLEN, a 2 MiB total). */
    private static final int MAX_ARG_STRLEN = 128 * 1024;
    private static final int MAX_ARG_TOTAL = 2 << 20;
    private static final int MAX_ARG_COUNT = 0x7FFF;

    private final AddressSpace memory;
    private final FileSyscalls files;
    private final int uid;
    private UserProcess process;

    ProcessSyscalls(final AddressSpace memory, final FileSyscalls files, final int uid) {
        this.memory = memory;
        this.files = files;
        this.uid = uid;
    }

    void attach(final UserProcess owner) {
        process = owner;
    }

    // ---- clone ------------------------------------------------------------------------------------------

    /** fork(2): clone(SIGCHLD). */
    long fork() throws Errno {
        return clone(SIGCHLD, 0, 0, 0, 0);
    }

    /** vfork(2): clone(CLONE_VM | CLONE_VFORK | SIGCHLD). */
    long vfork() throws Errno {
        return clone(CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0);
    }

    /**
     * clone with powerpc's argument order (flags, newsp, parent_tidptr, tls, child_tidptr). Threads
     * (CLONE_THREAD, sharing files or handlers) are refused with EINVAL; CLONE_VM without CLONE_THREAD is
     * taken as a copy, which is what vfork and posix_spawn callers can observe of it except writes the child
     * makes before exec (documented).
     */
    long clone(final long rawFlags, final long newStack, final long parentTid, final long tls, final long childTid)
        throws Errno {
        // Linux's clone takes the low 32 bits of its flags argument only (lower_32_bits in kernel/fork.c).
        final long flags = rawFlags & 0xFFFF_FFFFL;
        if ((flags & ~SUPPORTED_CLONE) != 0) {
            throw new Errno(Errno.EINVAL);
        }
        final UserProcess child = process.fork(newStack, (flags & CLONE_SETTLS) != 0, tls,
            (flags & CLONE_CHILD_SETTID) != 0 ? childTid : 0, (flags & CLONE_VFORK) != 0);
        final int pid = child.pid();
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            try {
                memory.writeInt(parentTid, pid);
            } catch (final Errno e) {
                // The child exists by now; like Linux, a bad parent_tidptr does not undo the fork.
            }
        }
        return pid;
    }

    // ---- execve -----------------------------------------------------------------------------------------

    /**
     * execve: {@code /proc/self/exe} is the running program wherever it lies; any other path is resolved under
     * the root. Only returns on failure (ENOENT, EACCES, ENOEXEC for a script or dynamic program, E2BIG,
     * EFAULT).
     */
    long execve(final long pathAddress, final long argvAddress, final long envpAddress) throws Errno {
        final String path = files.path(pathAddress);
        final int[] total = {0};
        final List<String> argv = strings(argvAddress, total);
        final List<String> env = strings(envpAddress, total);
        final UserProcess.Program target = path.equals("/proc/self/exe") ? process.program()
            : new UserProcess.Program(files.executable(path), null);
        process.exec(target, argv, env);
        return 0;
    }

    /** A NULL-terminated array of string pointers (NULL itself: empty), within Linux's limits. */
    private List<String> strings(final long array, final int[] total) throws Errno {
        final List<String> result = new ArrayList<>();
        if (array == 0) {
            return result;
        }
        for (int i = 0; ; i++) {
            if (i > MAX_ARG_COUNT) {
                throw new Errno(Errno.E2BIG);
            }
            final long pointer = memory.readLong(array + 8L * i);
            if (pointer == 0) {
                return result;
            }
            final byte[] bytes;
            try {
                bytes = memory.readString(pointer, MAX_ARG_STRLEN - 1);
            } catch (final Errno e) {
                throw e.code() == Errno.ENAMETOOLONG ? new Errno(Errno.E2BIG) : e;
            }
            total[0] += bytes.length + 1 + 8;
            if (total[0] > MAX_ARG_TOTAL) {
                throw new Errno(Errno.E2BIG);
            }
            result.add(RootedFileSystem.text(bytes));
        }
    }

    // ---- wait ---------------------------------------------------------------------------------------------

    /** wait4: pid -1, 0 or a negative group id means any child (there is one process group). */
    long wait4(final long pid, final long statusAddress, final long options, final long rusage) throws Errno {
        if ((options & ~WAIT4_OPTIONS) != 0) {
            throw new Errno(Errno.EINVAL);
        }
        if (statusAddress != 0) {
            memory.checkWritable(statusAddress, 4);
        }
        if (rusage != 0) {
            memory.checkWritable(rusage, RUSAGE_SIZE);
        }
        final UserProcess child = process.table().reap(process, wantedPid(pid), (options & WNOHANG) != 0, false);
        if (child == null) {
            return 0;
        }
        if (statusAddress != 0) {
            memory.writeInt(statusAddress, child.waitStatus());
        }
        if (rusage != 0) {
            memory.copyOut(rusage, new byte[RUSAGE_SIZE], 0, RUSAGE_SIZE);
        }
        return child.pid();
    }

    private static int wantedPid(final long pid) {
        return pid > 0 && pid <= Integer.MAX_VALUE ? (int) pid : -1;
    }

    /** waitid for exited children (WEXITED required: stopped and continued children do not exist here). */
    long waitid(final long idType, final long id, final long info, final long options, final long rusage)
        throws Errno {
        if ((options & WEXITED) == 0 || (options & ~(WNOHANG | WEXITED | WNOWAIT | WUNTRACED | WCONTINUED
            | 0xE000_0000L)) != 0) {
            throw new Errno(Errno.EINVAL);
        }
        final int pid = switch ((int) idType) {
            case P_ALL, P_PGID -> -1;
            case P_PID -> {
                if (id <= 0 || id > Integer.MAX_VALUE) {
                    throw new Errno(Errno.EINVAL);
                }
                yield (int) id;
            }
            default -> throw new Errno(Errno.EINVAL);
        };
        if (info != 0) {
            memory.checkWritable(info, SIGINFO_SIZE);
        }
        if (rusage != 0) {
            memory.checkWritable(rusage, RUSAGE_SIZE);
        }
        final UserProcess child = process.table().reap(process, pid, (options & WNOHANG) != 0,
            (options & WNOWAIT) != 0);
        if (info != 0) {
            final java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(SIGINFO_SIZE).order(memory.order());
            if (child != null) {
                final int status = child.waitStatus();
                final boolean killed = (status & 0x7F) != 0;
                b.putInt(0, SIGCHLD);
                b.putInt(8, killed ? CLD_KILLED : CLD_EXITED);
                b.putInt(16, child.pid());
                b.putInt(20, uid);
                b.putInt(24, killed ? status & 0x7F : (status >>> 8) & 0xFF);
            }
            memory.copyOut(info, b.array(), 0, SIGINFO_SIZE);
        }
        if (rusage != 0) {
            memory.copyOut(rusage, new byte[RUSAGE_SIZE], 0, RUSAGE_SIZE);
        }
        return 0;
    }

    // ---- kill -------------------------------------------------------------------------------------------

    /**
     * The processes a kill of {@code pid} reaches (LinuxSyscalls decides what the signal does to each). A
     * zombie exists for kill, as on Linux, but has nothing left to end: it is not listed. pid 0 and pids below
     * -1 (process groups: there is one) reach every process, this one last; -1 reaches every process but this
     * one, ESRCH when there is none.
     */
    List<UserProcess> targets(final long pid) throws Errno {
        final List<UserProcess> all = process.table().all();
        if (pid > 0) {
            for (final UserProcess p : all) {
                if (p.pid() == pid) {
                    return p.isZombie() ? List.of() : List.of(p);
                }
            }
            throw new Errno(Errno.ESRCH);
        }
        final List<UserProcess> result = new ArrayList<>();
        for (final UserProcess p : all) {
            if (p != process && !p.isZombie()) {
                result.add(p);
            }
        }
        if (pid != -1) {
            result.add(process);
        } else if (result.isEmpty()) {
            throw new Errno(Errno.ESRCH);
        }
        return result;
    }

    /** Whether a signal's default action leaves a process running (ignore, stop and continue are not kept). */
    static boolean harmlessByDefault(final int signal) {
        return signal == SIGCHLD || signal == 18 || signal == 19 || signal == 20 || signal == 21 || signal == 22
            || signal == 23 || signal == 28;
    }
}
