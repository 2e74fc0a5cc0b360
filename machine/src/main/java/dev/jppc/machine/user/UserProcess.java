package dev.jppc.machine.user;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interpreter;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.StopReason;
import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.spi.Hypervisor;
import dev.jppc.machine.MachineException;
import dev.jppc.machine.elf.ElfException;
import dev.jppc.machine.elf.ElfImage;
import dev.jppc.machine.elf.ElfSegment;
import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashMmu;

/**
 * One static Linux program running in problem state on a jppc CPU, with jppc as its kernel ({@code jppc user},
 * docs/user-mode.md).
 *
 * <h2>How the "kernel" is entered</h2>
 * The CPU has no hypervisor state (like the pseries machine's), runs the program with MSR[PR,IR,DR]=1
 * through the real hashed MMU (see {@link AddressSpace}), and takes every interrupt architecturally: the
 * vector, in real mode at its physical address, holds {@code sc 1}, which on a processor without hypervisor
 * state is a hypercall to the CPU's {@link Hypervisor}: this class. It finds the vector in the PC, the
 * interrupted state in SRR0/SRR1 (and DAR/DSISR), does what Linux would (a system call, demand paging, a
 * fatal signal) and returns like {@code rfid}: MSR back to the user's, PC from SRR0. The run loop never
 * leaves its slice for a system call, the path needs no change in the core, and the interrupt machinery the
 * guest sees is the architected one. (The alternative of filling the vectors with {@code attn} would need
 * hypervisor state, which would change how the MMU and the interrupts behave.)
 *
 * <h2>Processes</h2>
 * Each process (the first one and every child of fork, vfork or clone without CLONE_THREAD) runs on its own
 * Java thread with its own CPU, MMU and guest RAM; a fork copies the pages the parent has touched. execve
 * builds a new CPU and address space on the process's RAM while the old CPU finishes its system call, and
 * the run loop switches to them. The {@link ProcessTable} keeps pids, exit statuses and the caps on processes
 * and RAM. When the first process ends, every other one is killed.
 *
 * <h2>What is not Linux</h2>
 * One thread per process; the only signal a handler receives is SIGCHLD, ending an rt_sigsuspend
 * ({@link SignalFrames}): other handlers are recorded and never run, and a fatal signal ends the process with
 * status 128 + signal. No vDSO, host time, the files of one host folder.
 */
public final class UserProcess implements Hypervisor {

    /** Top of the initial stack and the 8 MiB stack area below it (Linux's default RLIMIT_STACK). */
    static final long STACK_TOP = 0x7FFF_FFFF_0000L;
    static final long STACK_SIZE = 8L << 20;
    /** mmap places areas top-down from here (below the stack and a guard gap), as Linux's mmap_base does. */
    static final long MMAP_TOP = 0x7FFF_8000_0000L;
    /** Where ET_DYN (static-pie) programs are placed: Linux's ELF_ET_DYN_BASE for 64-bit ppc. */
    static final long DYN_BASE = 0x1_0000_0000L;

    /** Exit status when the instruction budget or the time ran out, as for jppc run. */
    public static final int EXIT_BUDGET = 3;
    /** Exit status when jppc itself failed (a bug). */
    public static final int EXIT_INTERNAL = 4;

    static final int SIGILL = 4;
    static final int SIGTRAP = 5;
    static final int SIGBUS = 7;
    static final int SIGFPE = 8;
    static final int SIGKILL = 9;
    static final int SIGSEGV = 11;
    static final int SIGPIPE = 13;

    /**
     * How long the first process's end waits, in all, for the killed processes' threads (one blocked reading
     * jppc's own standard input cannot be interrupted; its daemon thread is left behind).
     */
    private static final long JOIN_MILLIS = 5_000;
    private static final byte[] ELF_MAGIC = {0x7F, 'E', 'L', 'F'};

    /** The program file a process runs: a host file, or bytes given to {@link UserConfig#program(byte[], String)}. */
    record Program(Path path, byte[] bytes) {
        ElfImage read() throws ElfException, IOException {
            return bytes != null ? ElfImage.parse(bytes) : ElfImage.read(path);
        }
    }

    /** What execve replaces: the CPU with its interpreter, the address space and the system call state. */
    private record Image(Cpu cpu, Interpreter interpreter, AddressSpace memory, LinuxSyscalls syscalls, long userMsr,
                         Program program) {
    }

    private final UserConfig config;
    private final ProcessTable table;
    private final GuestMemory ram;
    private int pid;
    /** The parent, or null for the first process and orphans (guarded by the table). */
    private UserProcess parent;
    private volatile Cpu cpu;
    private Interpreter interpreter;
    private AddressSpace memory;
    private LinuxSyscalls syscalls;
    private long userMsr;
    private Program program;
    /** The image execve built, installed by the run loop once the old CPU has left its system call. */
    private Image pendingImage;
    /** A signal another process sent that ends this one (0: none). */
    private volatile int pendingSignal;
    private volatile Thread thread;
    private PrintStream trace;
    private long budget = Long.MAX_VALUE;
    private boolean exited;
    private int exitStatus;
    /** Linux's wait status: exit code << 8, or the signal number (guarded by the table once a zombie). */
    private int waitStatus;
    private volatile boolean zombie;
    /** A child ended and no SIGCHLD handler has run for it yet (guarded by the table). */
    private boolean childSignal;
    private boolean vforkChild;
    private boolean vforkReleased;
    private long lastFaultPc = -1;
    private long lastFaultAddress = -1;
    private int repeatedFaults;

    private UserProcess(final UserConfig config, final ProcessTable table, final GuestMemory ram,
                        final UserProcess parent) {
        this.config = config;
        this.table = table;
        this.ram = ram;
        this.parent = parent;
    }

    /** Loads the program and builds its initial stack; a bad program or option is a {@link MachineException}. */
    public static UserProcess create(final UserConfig config) throws MachineException {
        final ElfImage image = readImage(config);
        if (image.programHeaders().hasInterpreter()) {
            throw new MachineException(config.program() + ": a dynamically linked program (it has PT_INTERP); "
                + "jppc user runs static programs only");
        }
        final long size = config.memory();
        if (size % GuestMemory.GRANULE != 0 || size < (16L << 20) || size > GuestMemory.MAX_SIZE) {
            throw new MachineException("memory size must be a multiple of 64 KiB from 16 MiB to 64 GiB, not " + size);
        }
        final RootedFileSystem files;
        try {
            files = new RootedFileSystem(config.root());
        } catch (final IOException e) {
            throw new MachineException("--root " + config.root() + ": not a folder (" + e.getMessage() + ")", e);
        }
        final ProcessTable table = new ProcessTable(size);
        final UserProcess process;
        try {
            process = new UserProcess(config, table, table.takeRam(), null);
            process.pid = table.add(process);
        } catch (final Errno e) {
            throw new MachineException("cannot allocate " + size + " bytes of guest RAM (use --memory)", e);
        }
        final Program program = new Program(config.program(), config.programBytes());
        process.install(process.build(image, program, config.argv(), config.environment(),
            memory -> new FileSyscalls(memory, files, config), null));
        return process;
    }

    private static ElfImage readImage(final UserConfig config) throws MachineException {
        try {
            if (config.programBytes() != null) {
                return ElfImage.parse(config.programBytes());
            }
            if (config.program() == null) {
                throw new MachineException("no program given");
            }
            return ElfImage.read(config.program());
        } catch (final java.nio.file.NoSuchFileException e) {
            throw new MachineException("no such file: " + config.program(), e);
        } catch (final IOException e) {
            throw new MachineException("cannot read " + config.program() + ": " + e.getMessage(), e);
        } catch (final ElfException e) {
            throw new MachineException(config.program() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new CPU and address space on this process's RAM with {@code image} loaded and its initial stack built;
     * the file table comes from {@code fileTable} and the signal state from {@code predecessor} (the image
     * execve replaces; null for the first program).
     */
    private Image build(final ElfImage image, final Program source, final List<String> argv, final List<String> env,
                        final Function<AddressSpace, FileSyscalls> fileTable, final LinuxSyscalls predecessor)
        throws MachineException {
        ram.setCodeWatcher(null);
        ram.unwatchAllCode();
        final Cpu c = new Cpu(ram, false);
        final boolean little = image.byteOrder() == ByteOrder.LITTLE_ENDIAN;
        final long msr = Cpu.MSR_SF | Cpu.MSR_EE | Cpu.MSR_PR | Cpu.MSR_FP | Cpu.MSR_VEC | Cpu.MSR_VSX
            | Cpu.MSR_ME | Cpu.MSR_IR | Cpu.MSR_DR | Cpu.MSR_RI | (little ? Cpu.MSR_LE : 0);
        final AddressSpace space = new AddressSpace(ram, c.mmu, image.byteOrder(), msr);
        final long bias = image.type() == ElfImage.Type.DYNAMIC ? DYN_BASE : 0;
        final long imageEnd = load(source.path(), config.memory(), image, space, bias);
        final FileSyscalls files = fileTable.apply(space);
        final String name = source.path() == null ? "" : String.valueOf(source.path().getFileName());
        final LinuxSyscalls calls = predecessor == null
            ? new LinuxSyscalls(space, files, config, little, AddressSpace.pageUp(imageEnd), name)
            : predecessor.execFor(space, files, little, AddressSpace.pageUp(imageEnd), name);
        calls.attach(this);
        calls.useFunctionDescriptors(image.byteOrder() == ByteOrder.BIG_ENDIAN && image.abi() != ElfImage.Abi.ELF_V2);
        c.hypervisor = this;
        final Interpreter runner = new Interpreter(c);
        runner.setTrace(trace);
        start(c, space, calls, image, bias, argv, env, msr, source.path());
        return new Image(c, runner, space, calls, msr, source);
    }

    private void install(final Image image) {
        interpreter = image.interpreter();
        memory = image.memory();
        syscalls = image.syscalls();
        userMsr = image.userMsr();
        program = image.program();
        cpu = image.cpu();
    }

    /**
     * Maps every PT_LOAD segment at p_vaddr (+ bias) with its R/W/X flags and copies its file bytes; a 64 KiB
     * page shared by two segments gets the union of their protections. Returns the end of the highest one.
     */
    private static long load(final Path name, final long ramSize, final ElfImage image, final AddressSpace memory,
                             final long bias) throws MachineException {
        final TreeMap<Long, Integer> pageProt = new TreeMap<>();
        long end = 0;
        for (final ElfSegment s : image.segments()) {
            if (s.memSize() == 0) {
                continue;
            }
            final long start = s.vaddr() + bias;
            if (start < AddressSpace.PAGE_SIZE || start >= AddressSpace.TASK_SIZE
                || s.memSize() > AddressSpace.TASK_SIZE - start) {
                throw new MachineException(String.format("%s: segment %d at 0x%x (0x%x bytes) is outside the user "
                    + "address space", name, s.index(), start, s.memSize()));
            }
            final int prot = (s.isExecutable() ? AddressSpace.PROT_EXEC : 0)
                | (s.isWritable() ? AddressSpace.PROT_WRITE : 0) | AddressSpace.PROT_READ;
            for (long p = AddressSpace.pageDown(start); p < start + s.memSize(); p += AddressSpace.PAGE_SIZE) {
                pageProt.merge(p, prot, (a, b) -> a | b);
            }
            end = Math.max(end, start + s.memSize());
        }
        Map.Entry<Long, Integer> run = null;
        long runEnd = 0;
        for (final Map.Entry<Long, Integer> e : pageProt.entrySet()) {
            if (run != null && (e.getKey() != runEnd || !e.getValue().equals(run.getValue()))) {
                memory.map(run.getKey(), runEnd, run.getValue(), "image");
                run = null;
            }
            if (run == null) {
                run = e;
            }
            runEnd = e.getKey() + AddressSpace.PAGE_SIZE;
        }
        if (run != null) {
            memory.map(run.getKey(), runEnd, run.getValue(), "image");
        }
        for (final ElfSegment s : image.segments()) {
            final ByteBuffer data = s.data();
            final byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            try {
                memory.load(s.vaddr() + bias, bytes);
            } catch (final Errno e) {
                throw new MachineException(name + ": does not fit in guest RAM of " + ramSize
                    + " bytes (use --memory)", e);
            }
        }
        return end;
    }

    private static void start(final Cpu cpu, final AddressSpace memory, final LinuxSyscalls syscalls,
                              final ElfImage image, final long bias, final List<String> argv, final List<String> env,
                              final long userMsr, final Path name) throws MachineException {
        final long entry;
        final long toc;
        final boolean v1 = image.byteOrder() == ByteOrder.BIG_ENDIAN && image.abi() != ElfImage.Abi.ELF_V2;
        try {
            if (v1) {
                // ELFv1: e_entry names a function descriptor {code, TOC, environment}, as Linux reads it.
                entry = memory.readLong(image.entry() + bias);
                toc = memory.readLong(image.entry() + bias + 8);
            } else {
                entry = image.entry() + bias;
                toc = 0;
            }
            final InitialStack stack = new InitialStack(memory, syscalls.uid(), syscalls.gid());
            final long phdr = programHeaderAddress(image, bias);
            final long sp = stack.build(argv, env, phdr, image.programHeaders().count(), image.entry() + bias);
            cpu.gpr[1] = sp;
            cpu.gpr[2] = toc;
            cpu.gpr[3] = stack.argc();
            cpu.gpr[4] = stack.argv();
            cpu.gpr[5] = stack.envp();
            cpu.gpr[6] = stack.auxv();
            cpu.gpr[12] = entry;
        } catch (final Errno e) {
            throw new MachineException(name + ": cannot set up the process (errno " + e.code()
                + ": an entry point outside the image, or too little --memory for the stack)", e);
        }
        cpu.setMsr(userMsr);
        cpu.pc = entry & ~3L;
    }

    /** AT_PHDR: where the program headers are in memory (inside the segment whose file range holds them). */
    private static long programHeaderAddress(final ElfImage image, final long bias) {
        final long offset = image.programHeaders().offset();
        for (final ElfSegment s : image.segments()) {
            if (offset >= s.offset() && offset < s.offset() + s.fileSize()) {
                return s.vaddr() + bias + (offset - s.offset());
            }
        }
        return 0;
    }

    // ---- running ------------------------------------------------------------------------------------

    /**
     * Runs the first process until it exits or has executed {@code maxInstructions} (each child gets the same
     * budget), then kills every process still running; returns the exit status: the guest's, 128 + signal
     * after a fatal signal, {@link #EXIT_BUDGET} when the budget ran out or {@link #requestStop()} was called,
     * {@link #EXIT_INTERNAL} for a jppc bug.
     */
    public int run(final long maxInstructions) {
        budget = maxInstructions;
        thread = Thread.currentThread();
        try {
            final int status = runLoop();
            ended();
            return status;
        } finally {
            // Also when runLoop throws (an Error the interpreter does not catch): no child may outlive the run.
            stopOthers();
            Thread.interrupted();
        }
    }

    /** Runs images (more than one after execve) until the process ends; returns its exit status. */
    private int runLoop() {
        long left = budget;
        while (true) {
            final Cpu c = cpu;
            if (pendingSignal != 0 && !exited) {
                killedQuietly(pendingSignal);
            }
            if (exited) {
                return exitStatus;
            }
            final long before = c.instructions;
            final StopReason reason = interpreter.run(left);
            if (left != Long.MAX_VALUE) {
                left -= c.instructions - before;
            }
            config.log().flush();
            if (exited) {
                return exitStatus;
            }
            if (pendingImage != null) {
                install(pendingImage);
                pendingImage = null;
                releaseVforkParent();
                continue;
            }
            if (pendingSignal != 0) {
                continue;
            }
            waitStatus = SIGKILL;
            switch (reason) {
                case BUDGET -> config.log().printf("jppc user: instruction limit reached after %d instructions "
                    + "(pc 0x%x)%n", c.instructions, c.pc);
                case REQUESTED -> config.log().printf("jppc user: stopped after %d instructions (pc 0x%x)%n",
                    c.instructions, c.pc);
                default -> {
                    config.log().printf("jppc user: internal error (a bug in jppc) at pc 0x%x%n", c.pc);
                    if (interpreter.internalError() != null) {
                        interpreter.internalError().printStackTrace(config.log());
                    }
                    return EXIT_INTERNAL;
                }
            }
            return EXIT_BUDGET;
        }
    }

    /** The end of a process's thread: its descriptors close, its parent hears of it, its RAM is free again. */
    private void ended() {
        syscalls.closeAll();
        // The RAM goes back before the parent can reap this process: a fork right after its wait must find it.
        table.giveBackRam(ram);
        synchronized (table) {
            zombie = true;
            vforkReleased = true;
            table.exited(this);
        }
    }

    /** Kills every other process and waits (a bounded time) for their threads. */
    private void stopOthers() {
        table.shutDown();
        final List<UserProcess> others = table.all();
        for (final UserProcess p : others) {
            if (p != this) {
                p.signal(SIGKILL);
            }
        }
        final long deadline = System.nanoTime() + JOIN_MILLIS * 1_000_000L;
        for (final UserProcess p : others) {
            final Thread t = p.thread;
            final long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (p != this && t != null && left > 0) {
                try {
                    t.join(left);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Asks a running program (from another thread) to stop after its current slice. */
    public void requestStop() {
        cpu.stopRequested = true;
    }

    /** True once the program has exited (by exit_group or a fatal signal). */
    public boolean exited() {
        return exited;
    }

    public Cpu cpu() {
        return cpu;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    /** Prints every instruction of this process and of the programs it execs or forks (null: off). */
    public void setTrace(final PrintStream out) {
        trace = out;
        interpreter.setTrace(out);
    }

    /** The number of processes alive or unreaped (1 when the program never forked). */
    public int processCount() {
        return table.count();
    }

    int pid() {
        return pid;
    }

    /** The parent's pid; 1 (init) for an orphan; {@code FIRST_PID - 1} for the first process. */
    int parentPid() {
        synchronized (table) {
            if (parent != null) {
                return parent.pid;
            }
            return pid == ProcessTable.FIRST_PID ? ProcessTable.FIRST_PID - 1 : 1;
        }
    }

    UserProcess parent() {
        return parent;
    }

    void orphan() {
        parent = null;
    }

    void childEnded() {
        childSignal = true;
    }

    /** True (once) when a child ended since the last call. */
    boolean takeChildSignal() {
        final boolean pending = childSignal;
        childSignal = false;
        return pending;
    }

    boolean isZombie() {
        return zombie;
    }

    int waitStatus() {
        return waitStatus;
    }

    boolean releasedVforkParent() {
        return vforkReleased;
    }

    ProcessTable table() {
        return table;
    }

    Program program() {
        return program;
    }

    /** True when {@code signal}, sent to this process, would be ignored (SIG_IGN recorded by rt_sigaction). */
    boolean ignores(final int signal) {
        return syscalls.ignores(signal);
    }

    /**
     * Ends this process (from any thread) as {@code signal} would: its run loop stops after the current slice,
     * and a system call it is blocked in gives up.
     */
    void signal(final int signal) {
        if (pendingSignal == 0) {
            pendingSignal = signal;
        }
        final Cpu c = cpu;
        if (c != null) {
            // Not yet set while a fork is still building the child, whose run loop looks at pendingSignal first.
            c.stopRequested = true;
        }
        final Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }

    /** Ends the program with {@code status} (exit_group, a fatal signal). */
    void exit(final int status) {
        exited = true;
        exitStatus = status;
        waitStatus = (status & 0xFF) << 8;
        cpu.stop(StopReason.POWER_OFF, status & 0xFF);
    }

    /** Ends the program as the default action of {@code signal} would, with Linux's shell status 128 + n. */
    void killedBy(final int signal, final String what) {
        config.log().println("jppc user: " + what);
        killedQuietly(signal);
    }

    /** Ends the program by {@code signal} without a message (SIGPIPE, a kill from another process). */
    void killedQuietly(final int signal) {
        exit(128 + signal);
        waitStatus = signal & 0x7F;
    }

    // ---- fork and exec ------------------------------------------------------------------------------

    /**
     * fork, vfork and clone without CLONE_THREAD: a child with a copy of this process's registers (r3 = 0, the
     * system call's success), touched pages, descriptors and signal state, on its own thread; it starts at the
     * instruction after the {@code sc}, on {@code newStack} when that is not 0, with r13 = {@code tls} when
     * {@code setTls}, and its pid stored at {@code childTid} (in its own memory) when that is not 0. A vfork parent waits here until the child has exec'ed or ended. Returns the child.
     */
    UserProcess fork(final long newStack, final boolean setTls, final long tls, final long childTid,
                     final boolean vfork) throws Errno {
        final GuestMemory childRam = table.takeRam();
        final UserProcess child = new UserProcess(config, table, childRam, this);
        try {
            child.pid = table.add(child);
        } catch (final Errno e) {
            table.giveBackRam(childRam);
            throw e;
        }
        final Cpu c = new Cpu(childRam, false);
        final AddressSpace space = memory.forkInto(childRam, c.mmu);
        final LinuxSyscalls calls = syscalls.forkFor(space, program.path());
        calls.attach(child);
        copyUserState(cpu, c);
        c.gpr[3] = 0;
        c.cr &= ~LinuxSyscalls.CR0_SO;
        if (newStack != 0) {
            c.gpr[1] = newStack;
        }
        if (setTls) {
            c.gpr[13] = tls;
        }
        c.pc = cpu.spr[Spr.SRR0] & ~3L;
        c.setMsr(userMsr);
        c.hypervisor = child;
        if (childTid != 0) {
            try {
                // CLONE_CHILD_SETTID: glibc's fork keeps the child's tid in its thread block this way.
                space.writeInt(childTid, child.pid);
            } catch (final Errno e) {
                // Linux ignores a bad address here as well.
            }
        }
        child.trace = trace;
        final Interpreter runner = new Interpreter(c);
        runner.setTrace(trace);
        child.install(new Image(c, runner, space, calls, userMsr, program));
        child.budget = budget;
        child.vforkChild = vfork;
        if (!child.startThread()) {
            calls.closeAll();
            table.remove(child.pid);
            table.giveBackRam(childRam);
            throw new Errno(Errno.EAGAIN);
        }
        if (vfork) {
            try {
                table.awaitRelease(child);
            } catch (final Errno e) {
                // This process is being killed; the child carries on alone.
            }
        }
        return child;
    }

    private boolean startThread() {
        final Thread t = new Thread(this::runChild, "jppc-user-" + pid);
        t.setDaemon(true);
        thread = t;
        try {
            t.start();
            return true;
        } catch (final OutOfMemoryError e) {
            thread = null;
            return false;
        }
    }

    /** A child's thread: nothing may escape it, and the process always ends as a zombie for its parent. */
    private void runChild() {
        try {
            runLoop();
        } catch (final RuntimeException | Error e) {
            config.log().println("jppc user: internal error (a bug in jppc) in process " + pid + ": " + e);
            exited = true;
            exitStatus = EXIT_INTERNAL;
            waitStatus = SIGKILL;
        } finally {
            ended();
        }
    }

    /** The registers a forked child inherits: all user-visible state, and the timebase carried on. */
    private static void copyUserState(final Cpu from, final Cpu to) {
        System.arraycopy(from.gpr, 0, to.gpr, 0, from.gpr.length);
        System.arraycopy(from.vsr, 0, to.vsr, 0, from.vsr.length);
        System.arraycopy(from.spr, 0, to.spr, 0, from.spr.length);
        to.cr = from.cr;
        to.lr = from.lr;
        to.ctr = from.ctr;
        to.setXer(from.xer());
        to.fpscr = from.fpscr;
        to.vscr = from.vscr;
        to.tbOffset = from.timebase();
    }

    /**
     * execve: checks that {@code target} is a static ELF this runner can load (ENOEXEC otherwise, the old
     * program carrying on), then replaces the program: a new CPU and address space on this process's RAM,
     * descriptors without the close-on-exec ones, recorded handlers reset. The switch happens when this
     * system call returns; past the point of no return a failure kills the process (as Linux's SIGKILL).
     */
    void exec(final Program target, final List<String> argv, final List<String> env) throws Errno {
        checkSize(target.path());
        final ElfImage image;
        try {
            image = target.read();
        } catch (final ElfException | IOException | IllegalArgumentException e) {
            throw new Errno(Errno.ENOEXEC);
        }
        if (image.programHeaders().hasInterpreter()) {
            throw new Errno(Errno.ENOEXEC);
        }
        final LinuxSyscalls old = syscalls;
        try {
            pendingImage = build(image, target, argv, env, space -> old.files().execFor(space, target.path()), old);
            cpu.stop(StopReason.REQUESTED, 0);
        } catch (final MachineException e) {
            killedBy(SIGKILL, "execve of " + target.path() + " failed after the point of no return: "
                + e.getMessage());
        }
    }

    /**
     * A file larger than guest RAM cannot be loaded, and reading it whole (the guest can make a sparse one of
     * 2 GiB) could exhaust jppc's heap: ENOEXEC when it is not an ELF file at all, as for any other, else ENOMEM.
     */
    private void checkSize(final Path path) throws Errno {
        if (path == null) {
            return;
        }
        try {
            if (Files.size(path) <= config.memory()) {
                return;
            }
            final byte[] magic;
            try (InputStream in = Files.newInputStream(path)) {
                magic = in.readNBytes(ELF_MAGIC.length);
            }
            throw new Errno(Arrays.equals(magic, ELF_MAGIC) ? Errno.ENOMEM : Errno.ENOEXEC);
        } catch (final IOException e) {
            throw new Errno(Errno.ENOEXEC);
        }
    }

    private void releaseVforkParent() {
        if (vforkChild) {
            synchronized (table) {
                vforkReleased = true;
                table.changed();
            }
        }
    }

    // ---- the kernel entry ---------------------------------------------------------------------------

    /** Every interrupt arrives here, through the {@code sc 1} at its vector. */
    @Override
    public void hypercall(final Cpu c) {
        final int vector = (int) c.pc;
        final long srr0 = c.spr[Spr.SRR0];
        final long srr1 = c.spr[Spr.SRR1];
        // As Linux on every exception exit: a reservation does not survive the kernel.
        c.clearReservation();
        switch (vector) {
            case Interrupts.SYSTEM_CALL -> {
                repeatedFaults = 0;
                syscalls.dispatch(c);
            }
            case Interrupts.DATA_STORAGE, Interrupts.DATA_SEGMENT -> {
                final long dar = c.spr[Spr.DAR];
                final boolean store = vector == Interrupts.DATA_STORAGE
                    && (c.spr[Spr.DSISR] & HashMmu.DSISR_STORE) != 0;
                pageFault(dar, store ? HashMmu.STORE : HashMmu.LOAD, srr0);
            }
            case Interrupts.INSTRUCTION_STORAGE, Interrupts.INSTRUCTION_SEGMENT -> pageFault(srr0, HashMmu.FETCH, srr0);
            case Interrupts.PROGRAM -> programInterrupt(srr0, srr1);
            case Interrupts.ALIGNMENT -> killedBy(SIGBUS, String.format("SIGBUS at 0x%x (pc 0x%x): alignment",
                c.spr[Spr.DAR], srr0));
            case Interrupts.FP_UNAVAILABLE, Interrupts.VMX_UNAVAILABLE, Interrupts.VSX_UNAVAILABLE,
                Interrupts.FACILITY_UNAVAILABLE -> killedBy(SIGILL, String.format("SIGILL at 0x%x (pc 0x%x): "
                + "facility unavailable (interrupt 0x%x)", srr0, srr0, vector));
            case Interrupts.DECREMENTER -> c.setDecrementer(0x7FFF_FFFFL);
            case Interrupts.EXTERNAL, Interrupts.PERFORMANCE_MONITOR, Interrupts.TRACE -> {
                // Nothing of the kind is wired up; carry on.
            }
            default -> killedBy(SIGKILL, String.format("unexpected interrupt 0x%x at pc 0x%x (a bug in jppc)",
                vector, srr0));
        }
        if (!exited) {
            c.setMsr(userMsr);
            c.nip = c.spr[Spr.SRR0] & ~3L;
        }
    }

    private void pageFault(final long address, final int kind, final long pc) {
        if (memory.fault(address, kind)) {
            if (address == lastFaultAddress && pc == lastFaultPc) {
                if (++repeatedFaults > 4) {
                    killedBy(SIGSEGV, String.format("SIGSEGV at 0x%x (pc 0x%x): the same fault keeps recurring",
                        address, pc));
                }
            } else {
                repeatedFaults = 0;
            }
            lastFaultAddress = address;
            lastFaultPc = pc;
            return;
        }
        if (memory.outOfMemory) {
            killedBy(SIGKILL, String.format("out of guest memory at 0x%x (pc 0x%x): %d MiB are not enough "
                + "(use --memory)", address, pc, config.memory() >> 20));
            return;
        }
        killedBy(SIGSEGV, String.format("SIGSEGV at 0x%x (pc 0x%x)", address, pc));
    }

    private void programInterrupt(final long pc, final long srr1) {
        if ((srr1 & Interrupts.SRR1_TRAP) != 0) {
            killedBy(SIGTRAP, String.format("SIGTRAP at 0x%x (pc 0x%x): trap", pc, pc));
        } else if ((srr1 & Interrupts.SRR1_FP_ENABLED) != 0) {
            killedBy(SIGFPE, String.format("SIGFPE at 0x%x (pc 0x%x)", pc, pc));
        } else {
            final String why = (srr1 & Interrupts.SRR1_PRIVILEGED) != 0 ? "privileged" : "illegal";
            killedBy(SIGILL, String.format("SIGILL at 0x%x (pc 0x%x): %s instruction %s", pc, pc, why,
                describeInstruction(pc)));
        }
    }

    private String describeInstruction(final long pc) {
        try {
            final int word = memory.readInt(pc);
            return String.format("0x%08x (%s)", word, Disassembler.disassemble(word, pc));
        } catch (final Errno e) {
            return "(unreadable)";
        }
    }
}
