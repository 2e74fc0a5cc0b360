package dev.jppc.machine;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.jppc.core.Cpu;
import dev.jppc.core.CpuSnapshot;
import dev.jppc.core.Interpreter;
import dev.jppc.core.Spr;
import dev.jppc.core.StopReason;
import dev.jppc.core.snapshot.MmuSnapshot;
import dev.jppc.core.snapshot.RamSnapshot;
import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.spi.MmioDevice;
import dev.jppc.devices.console.Vterm;
import dev.jppc.devices.hcall.PseriesHypervisor;
import dev.jppc.devices.rtas.Rtas;
import dev.jppc.devices.uart.Uart16550;
import dev.jppc.devices.uart.UartSink;
import dev.jppc.devices.xics.Xics;
import dev.jppc.machine.elf.ElfException;
import dev.jppc.machine.elf.ElfImage;
import dev.jppc.machine.elf.FunctionDescriptor;
import dev.jppc.machine.elf.LoadExtent;
import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.savevm.snapshot.HptSnapshot;
import dev.jppc.savevm.snapshot.SnapshotFile;
import dev.jppc.savevm.snapshot.SnapshotWriter;

/**
 * A whole jppc machine: RAM, one CPU, the board's devices, and the loaded image, ready to run. This is the
 * public Java API that the command line and the tests use:
 *
 * <pre>{@code
 * Machine m = Machine.create(new MachineConfig().type(MachineType.BARE).image(Path.of("hello.elf")));
 * StopReason why = m.run(1_000_000);
 * int status = m.exitStatus(why);
 * }</pre>
 */
public final class Machine {

    /** pseries loads images at 0x400000 + (p_paddr & 0x0FFFFFFF), as QEMU's pseries does. */
    public static final long PSERIES_KERNEL_BASE = 0x40_0000L;
    /** pseries firmware (--bios) is loaded at 0 and started here. */
    public static final long PSERIES_BIOS_ENTRY = 0x100;
    /** Granule for placing the initrd, FDT and RTAS: Linux's 64 KiB page. */
    private static final long PAGE = 64 * 1024;
    private static final int RTAS_SIZE = 0x1_0000;
    private static final long ONE_GIB = 1L << 30;

    private final MachineConfig config;
    private final GuestMemory ram;
    private final Cpu cpu;
    private final Interpreter interpreter;
    private final Vterm vterm;
    private final Uart16550 uart;
    private final Xics xics;
    private final Rtas rtas;
    private final PseriesHypervisor hypervisor;
    private final long fdtAddress;

    /** A bare machine. */
    private Machine(final MachineConfig config, final GuestMemory ram, final Cpu cpu, final Uart16550 uart,
                    final long fdtAddress) {
        this(config, ram, cpu, null, uart, null, null, fdtAddress);
    }

    /** A pseries machine. */
    private Machine(final MachineConfig config, final GuestMemory ram, final Cpu cpu, final Vterm vterm,
                    final Xics xics, final Rtas rtas, final long fdtAddress) {
        this(config, ram, cpu, vterm, null, xics, rtas, fdtAddress);
    }

    private Machine(final MachineConfig config, final GuestMemory ram, final Cpu cpu, final Vterm vterm,
                    final Uart16550 uart, final Xics xics, final Rtas rtas, final long fdtAddress) {
        this.config = config;
        this.ram = ram;
        this.cpu = cpu;
        this.interpreter = new Interpreter(cpu);
        this.vterm = vterm;
        this.uart = uart;
        this.xics = xics;
        this.rtas = rtas;
        this.hypervisor = cpu.hypervisor instanceof PseriesHypervisor h ? h : null;
        this.fdtAddress = fdtAddress;
    }

    /** Builds the machine and loads its image; a bad image or layout is a {@link MachineException}. */
    public static Machine create(final MachineConfig config) throws MachineException {
        checkMemory(config.memory());
        final ElfImage image = readImage(config);
        return config.type() == MachineType.BARE ? createBare(config, image) : createPseries(config, image);
    }

    private static void checkMemory(final long memory) throws MachineException {
        if (memory % GuestMemory.GRANULE != 0 || memory < (16L << 20) || memory > GuestMemory.MAX_SIZE) {
            throw new MachineException("memory size must be a multiple of 64 KiB from 16 MiB to 64 GiB, not "
                + memory);
        }
    }

    /**
     * The board of {@code config} with nothing loaded and RAM zero: the target of a snapshot restore, which
     * brings RAM, registers and devices.
     */
    static Machine createEmpty(final MachineConfig config) throws MachineException {
        checkMemory(config.memory());
        final GuestMemory ram = new GuestMemory(config.memory());
        if (config.type() == MachineType.BARE) {
            return bareBoard(config, ram, ram.size() - (1L << 20));
        }
        return pseriesBoard(config, ram, Math.min(ram.size(), ONE_GIB) - (1L << 20));
    }

    private static Machine bareBoard(final MachineConfig config, final GuestMemory ram, final long fdtAddress) {
        final Cpu cpu = new Cpu(ram, true);
        cpu.attnEnabled = true;
        final Uart16550 uart = new Uart16550(UartSink.of(config.console()));
        cpu.mmio.map(DeviceTrees.UART_BASE, Uart16550.REGISTER_COUNT, new UartWindow(uart));
        return new Machine(config, ram, cpu, uart, fdtAddress);
    }

    private static Machine pseriesBoard(final MachineConfig config, final GuestMemory ram, final long fdtAddress) {
        final Cpu cpu = new Cpu(ram, false);
        final Vterm vterm = new Vterm(config.console());
        final Xics xics = new Xics(cpu);
        // As QEMU's spapr_vty: new input sends one message on the console's (message-signalled) source.
        vterm.setInputListener(() -> xics.pulse(DeviceTrees.VTY_IRQ));
        final Rtas rtas = new Rtas(ram, config.log(), config.bootTime(), xics);
        cpu.hypervisor = new PseriesHypervisor(vterm, rtas, xics);
        // As QEMU's pseries: the partition may write AMR freely; LPCR gives big-endian interrupts.
        cpu.mmu.setAmor(-1L);
        // The partition's hashed page table belongs to jppc, outside guest RAM (ibm,pft-size).
        cpu.mmu.setHypervisorTable(HashPageTable.allocate(pftShift(ram.size())));
        return new Machine(config, ram, cpu, vterm, xics, rtas, fdtAddress);
    }

    private static ElfImage readImage(final MachineConfig config) throws MachineException {
        try {
            if (config.imageBytes() != null) {
                return ElfImage.parse(config.imageBytes());
            }
            if (config.image() == null) {
                if (config.bios() != null) {
                    return null;
                }
                throw new MachineException("no image given");
            }
            return ElfImage.read(config.image());
        } catch (final java.nio.file.NoSuchFileException e) {
            throw new MachineException("no such file: " + config.image(), e);
        } catch (final IOException e) {
            throw new MachineException("cannot read " + config.image() + ": " + e.getMessage(), e);
        } catch (final ElfException e) {
            throw new MachineException(name(config) + ": " + e.getMessage(), e);
        }
    }

    private static String name(final MachineConfig config) {
        return config.image() != null ? config.image().toString() : "image";
    }

    private static Machine createBare(final MachineConfig config, final ElfImage image) throws MachineException {
        if (config.bios() != null || config.initrd() != null) {
            throw new MachineException("--bios and --initrd are for the pseries machine");
        }
        if (image == null) {
            throw new MachineException("the bare machine needs an ELF image");
        }
        final GuestMemory ram = new GuestMemory(config.memory());
        final LoadExtent extent = load(config, image, ram, paddr -> paddr & Cpu.REAL_ADDRESS_MASK);
        final long fdtAddress = ram.size() - (1L << 20);
        if (fdtAddress < extent.end()) {
            throw new MachineException("no room above the image for the device tree");
        }
        final Machine machine = bareBoard(config, ram, fdtAddress);
        final Cpu cpu = machine.cpu;
        final byte[] fdt = DeviceTrees.bare(ram.size(), new long[] {extent.start(), extent.size(),
            fdtAddress, 1L << 20});
        ram.putBytes(fdtAddress, fdt, 0, fdt.length);
        final boolean little = image.byteOrder() == ByteOrder.LITTLE_ENDIAN;
        cpu.setMsr(Cpu.MSR_SF | Cpu.MSR_HV | Cpu.MSR_ME | (little ? Cpu.MSR_LE : 0));
        if (little) {
            cpu.spr[Spr.HID0] |= dev.jppc.core.Interrupts.HID0_HILE;
        }
        startAt(cpu, image, entry -> entry & Cpu.REAL_ADDRESS_MASK);
        cpu.gpr[3] = fdtAddress;
        return machine;
    }

    private static Machine createPseries(final MachineConfig config, final ElfImage image)
        throws MachineException {
        final GuestMemory ram = new GuestMemory(config.memory());
        long end = 0;
        long imageStart = 0;
        if (image != null) {
            final LoadExtent extent = load(config, image, ram, Machine::pseriesPlace);
            imageStart = extent.start();
            end = extent.end();
        }
        if (config.bios() != null) {
            final byte[] bios = readFile(config.bios(), "--bios");
            if (bios.length > PSERIES_KERNEL_BASE) {
                throw new MachineException("--bios " + config.bios() + " is larger than 4 MiB");
            }
            ram.putBytes(0, bios, 0, bios.length);
            end = Math.max(end, bios.length);
        }
        long initrdStart = 0;
        long initrdEnd = 0;
        if (config.initrd() != null) {
            final byte[] initrd = readFile(config.initrd(), "--initrd");
            initrdStart = align(end, PAGE);
            initrdEnd = initrdStart + initrd.length;
            if (initrdEnd > ram.size()) {
                throw new MachineException("initrd " + config.initrd() + " (" + initrd.length
                    + " bytes) does not fit in RAM above the image");
            }
            ram.putBytes(initrdStart, initrd, 0, initrd.length);
            end = initrdEnd;
        }
        // FDT and RTAS sit below 1 GiB (read in real mode, RTAS runs 32-bit) and above everything else.
        final long top = Math.min(ram.size(), ONE_GIB);
        final long fdtAddress = top - (1L << 20);
        final long rtasBase = fdtAddress - RTAS_SIZE;
        if (rtasBase < align(end, PAGE)) {
            throw new MachineException("no room below 1 GiB for the device tree and RTAS above the image");
        }
        final Machine machine = pseriesBoard(config, ram, fdtAddress);
        final Cpu cpu = machine.cpu;
        writeRtasBlob(ram, rtasBase);
        final long[] reservations = image == null && config.bios() == null ? new long[0] : new long[] {
            imageStart, Math.max(end, 1) - imageStart, rtasBase, RTAS_SIZE, fdtAddress, 1L << 20};
        final byte[] fdt = DeviceTrees.pseries(new DeviceTrees.PseriesLayout(ram.size(), pftShift(ram.size()),
            rtasBase, RTAS_SIZE, initrdStart, initrdEnd, config.append(), reservations));
        ram.putBytes(fdtAddress, fdt, 0, fdt.length);
        cpu.setMsr(Cpu.MSR_SF | Cpu.MSR_ME);
        if (config.bios() != null) {
            cpu.pc = PSERIES_BIOS_ENTRY;
        } else {
            startAt(cpu, image, Machine::pseriesPlace);
        }
        cpu.gpr[3] = fdtAddress;
        cpu.gpr[4] = 0;
        cpu.gpr[5] = 0;
        return machine;
    }

    private static long pseriesPlace(final long paddr) {
        return PSERIES_KERNEL_BASE + (paddr & 0x0FFF_FFFFL);
    }

    /**
     * QEMU's rule for the hashed page table size: about 1/128 of RAM, a power of two, at least 256 KiB.
     */
    static int pftShift(final long memory) {
        int shift = 18;
        while ((1L << shift) < memory / 128) {
            shift++;
        }
        return shift;
    }

    /**
     * RTAS entry routine, as QEMU's: r3 holds the argument buffer; hand it to the hypervisor through the
     * private hypercall 0xF000 and return. Big-endian, since Linux enters RTAS big-endian.
     */
    private static void writeRtasBlob(final GuestMemory ram, final long base) {
        final int[] words = {
            0x7c641b78, // mr r4,r3
            0x3c600000, // lis r3,0
            0x6063f000, // ori r3,r3,0xf000
            0x44000022, // sc 1
            0x4e800020, // blr
        };
        for (int i = 0; i < words.length; i++) {
            ram.putInt(base + 4L * i, words[i], ByteOrder.BIG_ENDIAN);
        }
    }

    private static LoadExtent load(final MachineConfig config, final ElfImage image, final GuestMemory ram,
                                   final java.util.function.LongUnaryOperator place) throws MachineException {
        try {
            return image.loadInto(ram, place);
        } catch (final ElfException e) {
            throw new MachineException(name(config) + ": " + e.getMessage(), e);
        }
    }

    /** Sets the PC (and for an ELFv1 entry descriptor, the TOC pointer) from the image's entry point. */
    private static void startAt(final Cpu cpu, final ElfImage image,
                                final java.util.function.LongUnaryOperator place) {
        final Optional<FunctionDescriptor> descriptor = image.entryDescriptor();
        if (descriptor.isPresent()) {
            cpu.pc = place.applyAsLong(descriptor.get().entry()) & ~3L;
            cpu.gpr[2] = descriptor.get().toc();
        } else {
            // Instruction addresses are word aligned; the low bits of an odd entry point are ignored.
            cpu.pc = place.applyAsLong(image.entry()) & ~3L;
        }
    }

    private static byte[] readFile(final Path path, final String option) throws MachineException {
        try {
            return Files.readAllBytes(path);
        } catch (final java.nio.file.NoSuchFileException e) {
            throw new MachineException(option + ": no such file: " + path, e);
        } catch (final IOException | OutOfMemoryError e) {
            throw new MachineException("cannot read " + option + " " + path + ": " + e.getMessage(), e);
        }
    }

    private static long align(final long value, final long granule) {
        return (value + granule - 1) & -granule;
    }

    // ---- snapshots ----------------------------------------------------------------------------------

    /**
     * The parts a snapshot of this machine holds, in the order they are saved and restored: the configuration,
     * the processor, the MMU, RAM, then the board's table and devices (docs/snapshot-format.md).
     */
    public List<Snapshottable> snapshotParts() {
        final List<Snapshottable> parts = new ArrayList<>();
        parts.add(new MachineSection(this));
        parts.add(new CpuSnapshot(cpu));
        parts.add(new MmuSnapshot(cpu.mmu));
        parts.add(new RamSnapshot(ram));
        if (uart != null) {
            parts.add(uart);
        } else {
            parts.add(new HptSnapshot(cpu.mmu));
            parts.add(xics);
            parts.add(rtas);
            parts.add(hypervisor);
            parts.add(vterm);
        }
        return parts;
    }

    /** Saves the (stopped) machine to {@code file}, atomically. Returns the file's length. */
    public long saveSnapshot(final Path file) throws IOException {
        return SnapshotWriter.write(file, snapshotParts());
    }

    /**
     * Loads {@code file} into this (stopped) machine. Everything is checked before anything changes: a bad or
     * mismatched file is a {@link SnapshotException} naming the section and the problem, and the machine is
     * left exactly as it was.
     */
    public void loadSnapshot(final Path file) throws SnapshotException, IOException {
        try (SnapshotFile snapshot = SnapshotFile.open(file)) {
            snapshot.restore(snapshotParts());
        }
        // RAM was rewritten behind the code watcher's back: blocks translated from the old contents must go.
        if (interpreter.codeCache() != null) {
            interpreter.codeCache().clear();
        }
    }

    /**
     * Builds the machine a snapshot was taken on and restores it: board and RAM size from its {@code machine}
     * section; console, log and the rest from {@code io}.
     */
    public static Machine restore(final Path file, final MachineConfig io)
        throws SnapshotException, IOException, MachineException {
        try (SnapshotFile snapshot = SnapshotFile.open(file)) {
            final SnapshotFile.Section section = snapshot.section(MachineSection.NAME);
            if (section == null) {
                throw new SnapshotException(MachineSection.NAME, "missing: the snapshot does not say what machine"
                    + " it was taken on");
            }
            final MachineSection.Description saved = MachineSection.read(snapshot.input(section));
            final MachineConfig config = new MachineConfig().type(saved.type()).memory(saved.memory())
                .append(saved.append()).console(io.console()).log(io.log());
            config.image(saved.image().isEmpty() ? null : Path.of(saved.image()));
            config.initrd(saved.initrd().isEmpty() ? null : Path.of(saved.initrd()));
            config.bios(saved.bios().isEmpty() ? null : Path.of(saved.bios()));
            final Machine machine = createEmpty(config);
            snapshot.restore(machine.snapshotParts());
            return machine;
        }
    }

    /** A description of a snapshot file: its sections, versions and sizes. */
    public static String describeSnapshot(final Path file) throws SnapshotException, IOException {
        try (SnapshotFile snapshot = SnapshotFile.open(file)) {
            final StringBuilder out = new StringBuilder(snapshot.describe());
            final SnapshotFile.Section section = snapshot.section(MachineSection.NAME);
            if (section != null) {
                final MachineSection.Description d = MachineSection.read(snapshot.input(section));
                out.append(String.format("  machine %s, %d MiB of RAM%s%s%n", d.type().name().toLowerCase(
                    java.util.Locale.ROOT), d.memory() >> 20, d.image().isEmpty() ? "" : ", image " + d.image(),
                    d.append().isEmpty() ? "" : ", append '" + d.append() + "'"));
            }
            return out.toString();
        }
    }

    // ---- running ------------------------------------------------------------------------------------

    /** Runs at most {@code maxInstructions} more instructions; never throws. */
    public StopReason run(final long maxInstructions) {
        return interpreter.run(maxInstructions);
    }

    /**
     * Runs until the instruction count reaches {@code count} exactly (or the guest stops). {@link #run} counts a
     * delivered interrupt against its budget, so one call may stop a little short; this calls it again while
     * instructions still complete.
     */
    public StopReason runTo(final long count) {
        StopReason reason = StopReason.BUDGET;
        while (cpu.instructions < count) {
            final long before = cpu.instructions;
            reason = run(count - before);
            if (reason != StopReason.BUDGET || cpu.instructions == before) {
                break;
            }
        }
        return reason;
    }

    /** Asks a running machine (on another thread) to stop after its current slice. */
    public void requestStop() {
        cpu.stopRequested = true;
    }

    /** Offers host keyboard input to the guest console; any thread. */
    public void offerInput(final byte[] bytes) {
        if (vterm != null) {
            vterm.offerInput(bytes);
        } else {
            uart.offerInput(bytes);
        }
    }

    /**
     * The exit status of {@code jppc run} for a stop (spec/platform.md): 0 after power-off (or attn with
     * r3 = 0), the low byte of r3 after attn, 1 after ibm,os-term or a checkstop, 3 when the instruction
     * budget or time ran out, 4 for an internal error.
     */
    public int exitStatus(final StopReason reason) {
        return switch (reason) {
            case POWER_OFF, REBOOT -> 0;
            case ATTENTION -> cpu.exitCode & 0xFF;
            case OS_TERM, CHECKSTOP -> 1;
            case BUDGET, REQUESTED -> 3;
            case INTERNAL_ERROR -> 4;
        };
    }

    public Cpu cpu() {
        return cpu;
    }

    public GuestMemory ram() {
        return ram;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    public MachineConfig config() {
        return config;
    }

    /** Guest physical address of the device tree handed over in r3. */
    public long fdtAddress() {
        return fdtAddress;
    }

    /** Adapts the UART's byte registers to the CPU's MMIO bus. */
    private static final class UartWindow implements MmioDevice {
        private final Uart16550 uart;

        UartWindow(final Uart16550 uart) {
            this.uart = uart;
        }

        @Override
        public long read(final long offset, final int size) {
            long value = 0;
            for (int i = 0; i < size; i++) {
                value = (value << 8) | (uart.read((int) offset + i) & 0xFF);
            }
            return value;
        }

        @Override
        public void write(final long offset, final int size, final long value) {
            for (int i = 0; i < size; i++) {
                uart.write((int) offset + i, (int) (value >>> (8 * (size - 1 - i))) & 0xFF);
            }
        }
    }
}
