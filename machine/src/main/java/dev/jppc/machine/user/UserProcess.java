package dev.jppc.machine.user;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;

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
 * <h2>What is not Linux</h2>
 * One thread, no fork/exec, no signal delivery (handlers are recorded and never run; a fatal signal ends the
 * program with status 128 + signal), no vDSO, host time, the files of one host folder.
 */
public final class UserProcess implements Hypervisor {

    /** {@code sc 1}, the word at every interrupt vector. */
    private static final int SC_1 = 0x4400_0022;
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

    private static final int SIGILL = 4;
    private static final int SIGTRAP = 5;
    private static final int SIGBUS = 7;
    private static final int SIGFPE = 8;
    private static final int SIGKILL = 9;
    private static final int SIGSEGV = 11;

    private final UserConfig config;
    private final Cpu cpu;
    private final Interpreter interpreter;
    private final AddressSpace memory;
    private final LinuxSyscalls syscalls;
    private final long userMsr;
    private boolean exited;
    private int exitStatus;
    private long lastFaultPc = -1;
    private long lastFaultAddress = -1;
    private int repeatedFaults;

    private UserProcess(final UserConfig config, final Cpu cpu, final AddressSpace memory,
                        final LinuxSyscalls syscalls, final long userMsr) {
        this.config = config;
        this.cpu = cpu;
        this.interpreter = new Interpreter(cpu);
        this.memory = memory;
        this.syscalls = syscalls;
        this.userMsr = userMsr;
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
        final GuestMemory ram = new GuestMemory(size);
        final Cpu cpu = new Cpu(ram, false);
        for (long vector = 0x100; vector < 0x1000; vector += 0x20) {
            ram.putInt(vector, SC_1, ByteOrder.BIG_ENDIAN);
        }
        final boolean little = image.byteOrder() == ByteOrder.LITTLE_ENDIAN;
        final long userMsr = Cpu.MSR_SF | Cpu.MSR_EE | Cpu.MSR_PR | Cpu.MSR_FP | Cpu.MSR_VEC | Cpu.MSR_VSX
            | Cpu.MSR_ME | Cpu.MSR_IR | Cpu.MSR_DR | Cpu.MSR_RI | (little ? Cpu.MSR_LE : 0);
        final AddressSpace memory = new AddressSpace(ram, cpu.mmu, image.byteOrder(), userMsr);
        final long bias = image.type() == ElfImage.Type.DYNAMIC ? DYN_BASE : 0;
        final long imageEnd = load(config, image, memory, bias);
        final LinuxSyscalls syscalls = new LinuxSyscalls(memory, files, config, little,
            AddressSpace.pageUp(imageEnd));
        final UserProcess process = new UserProcess(config, cpu, memory, syscalls, userMsr);
        syscalls.attach(process);
        cpu.hypervisor = process;
        process.start(image, bias);
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
     * Maps every PT_LOAD segment at p_vaddr (+ bias) with its R/W/X flags and copies its file bytes; a 64 KiB
     * page shared by two segments gets the union of their protections. Returns the end of the highest one.
     */
    private static long load(final UserConfig config, final ElfImage image, final AddressSpace memory,
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
                    + "address space", config.program(), s.index(), start, s.memSize()));
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
                throw new MachineException(config.program() + ": does not fit in guest RAM of " + config.memory()
                    + " bytes (use --memory)", e);
            }
        }
        return end;
    }

    private void start(final ElfImage image, final long bias) throws MachineException {
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
            final long sp = stack.build(config.argv(), config.environment(), phdr, image.programHeaders().count(),
                image.entry() + bias);
            cpu.gpr[1] = sp;
            cpu.gpr[2] = toc;
            cpu.gpr[3] = stack.argc();
            cpu.gpr[4] = stack.argv();
            cpu.gpr[5] = stack.envp();
            cpu.gpr[6] = stack.auxv();
            cpu.gpr[12] = entry;
        } catch (final Errno e) {
            throw new MachineException(config.program() + ": cannot set up the process (errno " + e.code()
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
     * Runs until the program exits or {@code maxInstructions} have been executed; returns the exit status:
     * the guest's, 128 + signal after a fatal signal, {@link #EXIT_BUDGET} when the budget ran out or
     * {@link #requestStop()} was called, {@link #EXIT_INTERNAL} for a jppc bug.
     */
    public int run(final long maxInstructions) {
        final StopReason reason = interpreter.run(maxInstructions);
        config.log().flush();
        if (exited) {
            return exitStatus;
        }
        switch (reason) {
            case BUDGET -> config.log().printf("jppc user: instruction limit reached after %d instructions "
                + "(pc 0x%x)%n", cpu.instructions, cpu.pc);
            case REQUESTED -> config.log().printf("jppc user: stopped after %d instructions (pc 0x%x)%n",
                cpu.instructions, cpu.pc);
            default -> {
                config.log().printf("jppc user: internal error (a bug in jppc) at pc 0x%x%n", cpu.pc);
                if (interpreter.internalError() != null) {
                    interpreter.internalError().printStackTrace(config.log());
                }
                return EXIT_INTERNAL;
            }
        }
        return EXIT_BUDGET;
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

    /** Ends the program with {@code status} (exit_group, a fatal signal). */
    void exit(final int status) {
        exited = true;
        exitStatus = status;
        cpu.stop(StopReason.POWER_OFF, status & 0xFF);
    }

    /** Ends the program as the default action of {@code signal} would, with Linux's shell status 128 + n. */
    void killedBy(final int signal, final String what) {
        config.log().println("jppc user: " + what);
        exit(128 + signal);
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
