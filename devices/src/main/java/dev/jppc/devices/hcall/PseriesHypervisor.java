package dev.jppc.devices.hcall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.random.RandomGenerator;

import dev.jppc.core.Cpu;
import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.snapshot.StateInput;
import dev.jppc.core.snapshot.StateOutput;
import dev.jppc.core.spi.Hypervisor;
import dev.jppc.devices.console.Vterm;
import dev.jppc.devices.rtas.Rtas;
import dev.jppc.devices.xics.Xics;
import dev.jppc.devices.xics.XicsHcalls;

/**
 * jppc as the hypervisor of a PAPR partition: dispatches {@code sc 1} by the hypercall number in r3 to the
 * handler of its function set (console here; {@link HptHcalls}, {@link ModeHcalls}, {@link SplparHcalls},
 * {@link MiscHcalls}). Unknown numbers return H_FUNCTION; bad arguments return a PAPR error code. Nothing here
 * throws into the CPU.
 */
public final class PseriesHypervisor implements Hypervisor, Snapshottable {

    /** Seed of the default H_RANDOM generator: the same numbers in every run, like the rest of virtual time. */
    public static final long DEFAULT_RANDOM_SEED = 0x6A70_7063_5241_4E44L;

    private final Vterm vterm;
    private final Rtas rtas;
    private final HptHcalls pageTable = new HptHcalls();
    private final ModeHcalls modes = new ModeHcalls();
    private final SplparHcalls splpar = new SplparHcalls();
    private final MiscHcalls misc;
    private final XicsHcalls interrupts;
    private final byte[] chars = new byte[16];

    /** A hypervisor whose H_RANDOM is deterministic (seeded with {@link #DEFAULT_RANDOM_SEED}). */
    public PseriesHypervisor(final Vterm vterm, final Rtas rtas, final Xics xics) {
        this(vterm, rtas, xics, new SplitMix64(DEFAULT_RANDOM_SEED));
    }

    /** A hypervisor whose H_RANDOM draws from {@code random} (e.g. a {@code SecureRandom}). */
    public PseriesHypervisor(final Vterm vterm, final Rtas rtas, final Xics xics, final RandomGenerator random) {
        this.vterm = vterm;
        this.rtas = rtas;
        this.misc = new MiscHcalls(random);
        this.interrupts = new XicsHcalls(xics);
    }

    @Override
    public void hypercall(final Cpu cpu) {
        final long number = cpu.gpr[3];
        cpu.gpr[3] = number < 0 || number > Integer.MAX_VALUE ? Hcall.H_FUNCTION : dispatch(cpu, (int) number);
    }

    private long dispatch(final Cpu cpu, final int number) {
        switch (number) {
            case Hcall.H_REMOVE:
                return pageTable.remove(cpu);
            case Hcall.H_ENTER:
                return pageTable.enter(cpu);
            case Hcall.H_READ:
                return pageTable.read(cpu);
            case Hcall.H_CLEAR_MOD:
                return pageTable.clearChange(cpu);
            case Hcall.H_CLEAR_REF:
                return pageTable.clearReference(cpu);
            case Hcall.H_PROTECT:
                return pageTable.protect(cpu);
            case Hcall.H_BULK_REMOVE:
                return pageTable.bulkRemove(cpu);
            case Hcall.H_SET_DABR:
                return modes.setDabr(cpu);
            case Hcall.H_SET_XDABR:
                return modes.setExtendedDabr(cpu);
            case Hcall.H_SET_MODE:
                return modes.setMode(cpu);
            case Hcall.H_LOGICAL_CI_LOAD:
                return misc.logicalLoad(cpu);
            case Hcall.H_LOGICAL_CI_STORE:
                return misc.logicalStore(cpu);
            case Hcall.H_GET_CPU_CHARACTERISTICS:
                return misc.cpuCharacteristics(cpu);
            case Hcall.H_RANDOM:
                return misc.random(cpu);
            case Hcall.H_REGISTER_VPA:
                return splpar.registerVpa(cpu);
            case Hcall.H_CEDE:
                return splpar.cede(cpu);
            case Hcall.H_CONFER:
                return splpar.confer(cpu);
            case Hcall.H_PROD:
                return splpar.prod(cpu);
            case Hcall.H_PUT_TERM_CHAR:
                return putTermChar(cpu);
            case Hcall.H_GET_TERM_CHAR:
                return getTermChar(cpu);
            case Hcall.H_CPPR:
                return interrupts.setCppr(cpu);
            case Hcall.H_EOI:
                return interrupts.endOfInterrupt(cpu);
            case Hcall.H_IPI:
                return interrupts.ipi(cpu);
            case Hcall.H_XIRR:
                return interrupts.accept(cpu);
            case Hcall.H_XIRR_X:
                return interrupts.acceptTimed(cpu);
            case Hcall.H_IPOLL:
                return interrupts.poll(cpu);
            case Hcall.KVMPPC_H_RTAS:
                return rtas.call(cpu, cpu.gpr[4]) ? Hcall.H_SUCCESS : Hcall.H_PARAMETER;
            default:
                return Hcall.H_FUNCTION;
        }
    }

    /** The state of the mode and breakpoint calls (DABR, DABRX). */
    public ModeHcalls modes() {
        return modes;
    }

    /** The registered per-processor areas. */
    public SplparHcalls splpar() {
        return splpar;
    }

    /** H_PUT_TERM_CHAR: r4 = terminal, r5 = length (0..16), r6 and r7 = the bytes, first byte highest. */
    private long putTermChar(final Cpu cpu) {
        final long length = cpu.gpr[5];
        if (!Vterm.isThisTerminal(cpu.gpr[4]) || length < 0 || length > 16) {
            return Hcall.H_PARAMETER;
        }
        final int n = (int) length;
        for (int i = 0; i < n; i++) {
            final long word = i < 8 ? cpu.gpr[6] : cpu.gpr[7];
            chars[i] = (byte) (word >>> (56 - 8 * (i & 7)));
        }
        try {
            vterm.write(chars, n);
        } catch (final UncheckedIOException e) {
            return Hcall.H_HARDWARE;
        }
        return Hcall.H_SUCCESS;
    }

    /** H_GET_TERM_CHAR: r4 = terminal; returns r4 = count and r5, r6 = up to 16 bytes, first byte highest. */
    private long getTermChar(final Cpu cpu) {
        if (!Vterm.isThisTerminal(cpu.gpr[4])) {
            return Hcall.H_PARAMETER;
        }
        final int n = vterm.read(chars, 16);
        long high = 0;
        long low = 0;
        for (int i = 0; i < n; i++) {
            final long b = chars[i] & 0xFFL;
            if (i < 8) {
                high |= b << (56 - 8 * i);
            } else {
                low |= b << (56 - 8 * (i - 8));
            }
        }
        cpu.gpr[4] = n;
        cpu.gpr[5] = high;
        cpu.gpr[6] = low;
        return Hcall.H_SUCCESS;
    }

    // ---- snapshot: DABR/DABRX, the registered areas, the H_PROD flag, the H_RANDOM generator -----------

    /** Generator kinds in the {@code hcall} section. */
    private static final int RANDOM_UNSAVED = 0;
    private static final int RANDOM_SPLITMIX64 = 1;

    @Override
    public String snapshotName() {
        return "hcall";
    }

    @Override
    public int snapshotVersion() {
        return 1;
    }

    @Override
    public void save(final StateOutput out) throws IOException {
        out.u64(modes.dabr());
        out.u64(modes.dabrx());
        out.u64(splpar.vpa());
        out.u64(splpar.slbShadow());
        out.u64(splpar.slbShadowSize());
        out.u64(splpar.dtl());
        out.u64(splpar.dtlSize());
        out.bool(splpar.prodded());
        if (misc.random() instanceof SplitMix64 generator) {
            out.u8(RANDOM_SPLITMIX64);
            out.u64(generator.state());
        } else {
            // A non-deterministic source (SecureRandom) has no state worth keeping.
            out.u8(RANDOM_UNSAVED);
            out.u64(0);
        }
    }

    @Override
    public Restore prepareRestore(final StateInput in, final int version) throws SnapshotException, IOException {
        final long dabr = in.u64("DABR");
        final long dabrx = in.u64("DABRX");
        final long[] areas = new long[5];
        final String[] names = {"the VPA", "the SLB shadow", "the SLB shadow size", "the DTL", "the DTL size"};
        for (int i = 0; i < areas.length; i++) {
            areas[i] = in.u64(names[i]);
        }
        final boolean prodded = in.bool("the prod flag");
        final int kind = in.u8("the H_RANDOM generator kind");
        final long state = in.u64("the H_RANDOM generator state");
        if (kind > RANDOM_SPLITMIX64) {
            throw in.problem("H_RANDOM generator kind " + kind + " is not 0 or 1");
        }
        if ((areas[1] != 0 || areas[3] != 0) && areas[0] == 0) {
            throw in.problem("an SLB shadow or DTL is registered without a VPA");
        }
        return () -> {
            modes.restore(dabr, dabrx);
            splpar.restore(areas, prodded);
            if (kind == RANDOM_SPLITMIX64 && misc.random() instanceof SplitMix64 generator) {
                generator.setState(state);
            }
        };
    }
}
