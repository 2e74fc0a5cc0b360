package dev.jppc.core;

import java.io.IOException;

import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.snapshot.StateInput;
import dev.jppc.core.snapshot.StateOutput;

/**
 * The processor's architected state as the {@code cpu} section of a snapshot: all registers and SPRs (FP, VMX
 * and VSX included), the reservation, the pending interrupt flags, the idle state, the instruction count and
 * the timebase and decrementer model exactly as {@link Cpu} keeps it, so that a restored processor takes its
 * next timer interrupt at the same instruction as the original. The TLBs are caches and are not saved (the
 * {@code mmu} section's restore empties them); the interrupt being raised inside an instruction does not exist
 * between instructions, where snapshots are taken.
 */
public final class CpuSnapshot implements Snapshottable {

    public static final String NAME = "cpu";
    public static final int VERSION = 1;

    private static final int[] RESERVATION_LENGTHS = {1, 2, 4, 8, 16};

    private final Cpu cpu;

    public CpuSnapshot(final Cpu cpu) {
        this.cpu = cpu;
    }

    @Override
    public String snapshotName() {
        return NAME;
    }

    @Override
    public int snapshotVersion() {
        return VERSION;
    }

    @Override
    public void save(final StateOutput out) throws IOException {
        final Cpu c = cpu;
        out.bool(c.hypervisorCapable);
        for (final long r : c.gpr) {
            out.u64(r);
        }
        out.u64(c.pc);
        out.u64(c.nip);
        out.u64(c.msr);
        out.u32(c.cr & 0xFFFF_FFFFL);
        out.u64(c.lr);
        out.u64(c.ctr);
        out.u64(c.xer());
        int sprs = 0;
        for (final long value : c.spr) {
            sprs += value != 0 ? 1 : 0;
        }
        out.u16(sprs);
        for (int i = 0; i < c.spr.length; i++) {
            if (c.spr[i] != 0) {
                out.u16(i);
                out.u64(c.spr[i]);
            }
        }
        for (final long half : c.vsr) {
            out.u64(half);
        }
        out.u64(c.fpscr);
        out.u32(c.vscr & 0xFFFF_FFFFL);
        out.bool(c.reservationValid);
        out.u64(c.reservationAddress);
        out.u32(c.reservationLength);
        out.u64(c.instructions);
        out.u64(c.tbOffset);
        out.u64(c.decValue);
        out.u64(c.decWrittenAt);
        out.u64(c.nextDecEvent);
        out.u64(c.hdecValue);
        out.u64(c.hdecWrittenAt);
        out.u64(c.nextHdecEvent);
        out.bool(c.decrementerPending);
        out.bool(c.hypervisorDecrementerPending);
        out.bool(c.externalInterrupt);
        out.bool(c.waiting);
        out.bool(c.attnEnabled);
    }

    @Override
    public Restore prepareRestore(final StateInput in, final int version) throws SnapshotException, IOException {
        final Image image = new Image();
        final boolean hypervisorCapable = in.bool("the hypervisor-capable flag");
        if (hypervisorCapable != cpu.hypervisorCapable) {
            throw in.problem("saved from a processor " + (hypervisorCapable ? "with" : "without")
                + " hypervisor state (" + (hypervisorCapable ? "bare" : "pseries") + " machine), this one is "
                + (cpu.hypervisorCapable ? "bare" : "pseries"));
        }
        for (int i = 0; i < image.gpr.length; i++) {
            image.gpr[i] = in.u64("r" + i);
        }
        image.pc = in.u64("the PC");
        image.nip = in.u64("the next PC");
        image.msr = in.u64("the MSR");
        if (!hypervisorCapable && (image.msr & Cpu.MSR_HV) != 0) {
            throw in.problem(String.format("MSR 0x%x has HV set on a processor without hypervisor state",
                image.msr));
        }
        image.cr = (int) in.u32("CR");
        image.lr = in.u64("LR");
        image.ctr = in.u64("CTR");
        image.xer = in.u64("XER");
        final int sprs = in.u16("the SPR count");
        if (sprs > image.spr.length) {
            throw in.problem(sprs + " SPRs, more than the " + image.spr.length + " there are");
        }
        int previous = -1;
        for (int k = 0; k < sprs; k++) {
            final int number = in.u16("an SPR number");
            if (number <= previous || number >= image.spr.length) {
                throw in.problem("SPR number " + number + " out of order or beyond 1023 (entry " + k + ")");
            }
            previous = number;
            image.spr[number] = in.u64("SPR " + number);
        }
        for (int i = 0; i < image.vsr.length; i++) {
            image.vsr[i] = in.u64("VSR " + i / 2);
        }
        image.fpscr = in.u64("FPSCR");
        image.vscr = (int) in.u32("VSCR");
        readTime(in, image);
        return () -> apply(image);
    }

    private static void readTime(final StateInput in, final Image image) throws SnapshotException, IOException {
        image.reservationValid = in.bool("the reservation flag");
        image.reservationAddress = in.u64("the reservation address");
        image.reservationLength = (int) in.u32("the reservation length");
        if (image.reservationValid && java.util.Arrays.stream(RESERVATION_LENGTHS)
            .noneMatch(n -> n == image.reservationLength)) {
            throw in.problem("reservation length " + image.reservationLength + " is not 1, 2, 4, 8 or 16");
        }
        image.instructions = in.u64("the instruction count");
        if (image.instructions < 0) {
            throw in.problem("negative instruction count " + image.instructions);
        }
        image.tbOffset = in.u64("the timebase offset");
        image.decValue = in.u64("DEC");
        image.decWrittenAt = in.u64("the time DEC was written");
        image.nextDecEvent = in.u64("the next DEC event");
        image.hdecValue = in.u64("HDEC");
        image.hdecWrittenAt = in.u64("the time HDEC was written");
        image.nextHdecEvent = in.u64("the next HDEC event");
        image.decrementerPending = in.bool("the DEC pending flag");
        image.hypervisorDecrementerPending = in.bool("the HDEC pending flag");
        image.externalInterrupt = in.bool("the external interrupt line");
        image.waiting = in.bool("the waiting flag");
        image.attnEnabled = in.bool("the attn flag");
    }

    private void apply(final Image image) {
        final Cpu c = cpu;
        System.arraycopy(image.gpr, 0, c.gpr, 0, c.gpr.length);
        System.arraycopy(image.spr, 0, c.spr, 0, c.spr.length);
        System.arraycopy(image.vsr, 0, c.vsr, 0, c.vsr.length);
        c.pc = image.pc;
        c.nip = image.nip;
        c.cr = image.cr;
        c.lr = image.lr;
        c.ctr = image.ctr;
        c.setXer(image.xer);
        c.fpscr = image.fpscr;
        c.vscr = image.vscr;
        c.instructions = image.instructions;
        c.tbOffset = image.tbOffset;
        c.decValue = image.decValue;
        c.decWrittenAt = image.decWrittenAt;
        c.nextDecEvent = image.nextDecEvent;
        c.hdecValue = image.hdecValue;
        c.hdecWrittenAt = image.hdecWrittenAt;
        c.nextHdecEvent = image.nextHdecEvent;
        c.decrementerPending = image.decrementerPending;
        c.hypervisorDecrementerPending = image.hypervisorDecrementerPending;
        c.externalInterrupt = image.externalInterrupt;
        c.waiting = image.waiting;
        c.attnEnabled = image.attnEnabled;
        c.clearReservation();
        c.setMsr(image.msr);
        if (image.reservationValid) {
            c.reserve(image.reservationAddress, image.reservationLength);
        } else {
            // A dropped reservation keeps its last address, as the original's fields did.
            c.reservationAddress = image.reservationAddress;
            c.reservationLength = image.reservationLength;
        }
        c.stopReason = null;
        c.endSlice();
    }

    /** A parsed, checked {@code cpu} section. */
    private static final class Image {
        final long[] gpr = new long[32];
        final long[] spr = new long[1024];
        final long[] vsr = new long[128];
        long pc;
        long nip;
        long msr;
        int cr;
        long lr;
        long ctr;
        long xer;
        long fpscr;
        int vscr;
        boolean reservationValid;
        long reservationAddress;
        int reservationLength;
        long instructions;
        long tbOffset;
        long decValue;
        long decWrittenAt;
        long nextDecEvent;
        long hdecValue;
        long hdecWrittenAt;
        long nextHdecEvent;
        boolean decrementerPending;
        boolean hypervisorDecrementerPending;
        boolean externalInterrupt;
        boolean waiting;
        boolean attnEnabled;
    }
}
