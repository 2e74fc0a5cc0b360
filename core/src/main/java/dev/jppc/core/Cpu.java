package dev.jppc.core;

import java.nio.ByteOrder;

import dev.jppc.core.spi.Hypervisor;
import dev.jppc.mmu.GuestMemory;

/**
 * One POWER8-class processor thread: its architected state, its view of storage, and the raising of
 * interrupts. The state is in public fields because the instruction semantics in {@code dev.jppc.core.exec}
 * read and write it on every instruction; {@link Interpreter} runs the fetch-decode-execute loop.
 *
 * <p>XER is kept split into its flag bits (one int each, 0 or 1) because the carry and overflow flags change
 * on most arithmetic; {@link #xer()} assembles the architected register.
 */
public final class Cpu {

    public static final long MSR_SF = 1L << 63;
    public static final long MSR_HV = 1L << 60;
    public static final long MSR_VEC = 1L << 25;
    public static final long MSR_VSX = 1L << 23;
    public static final long MSR_EE = 1L << 15;
    public static final long MSR_PR = 1L << 14;
    public static final long MSR_FP = 1L << 13;
    public static final long MSR_ME = 1L << 12;
    public static final long MSR_FE0 = 1L << 11;
    public static final long MSR_SE = 1L << 10;
    public static final long MSR_BE = 1L << 9;
    public static final long MSR_FE1 = 1L << 8;
    public static final long MSR_IR = 1L << 5;
    public static final long MSR_DR = 1L << 4;
    public static final long MSR_PMM = 1L << 2;
    public static final long MSR_RI = 1L << 1;
    public static final long MSR_LE = 1L;

    /** Processor version of a POWER8 (DD2.0), as platform.md fixes it. */
    public static final long PVR_POWER8 = 0x004D_0200L;

    /** Reservation granule of POWER8: 128 bytes. */
    public static final int RESERVATION_GRANULE = 128;

    /** Real addressing ignores the top four bits of the effective address (Book III-S 5.7.3). */
    public static final long REAL_ADDRESS_MASK = 0x0FFF_FFFF_FFFF_FFFFL;

    // ---- architected state --------------------------------------------------------------------------

    public final long[] gpr = new long[32];
    /** Address of the instruction being executed. */
    public long pc;
    /** Address of the next instruction: pc + 4 unless the instruction branches or interrupts. */
    public long nip;
    public long msr;
    public int cr;
    public long lr;
    public long ctr;
    public int xerSo;
    public int xerOv;
    public int xerCa;
    public int xerOv32;
    public int xerCa32;
    /** XER bits 57:63, the byte count of lswx/stswx. */
    public int xerByteCount;
    /** Every other SPR that is plain storage, indexed by SPR number. */
    public final long[] spr = new long[1024];

    public boolean reservationValid;
    /** Real address of the reserved location and its length (the larx size). */
    public long reservationAddress;
    public int reservationLength;

    // ---- machine configuration ----------------------------------------------------------------------

    public final GuestMemory ram;
    public final MmioBus mmio = new MmioBus();
    /**
     * True when the processor implements hypervisor state for its software (the bare machine); false on
     * pseries, where jppc itself is the hypervisor and guest code never runs with MSR[HV]=1.
     */
    public final boolean hypervisorCapable;
    /** Receives {@code sc 1} from a partition (pseries); null on the bare machine. */
    public Hypervisor hypervisor;
    /** Whether {@code attn} stops the machine (the bare machine) or is an illegal instruction. */
    public boolean attnEnabled;

    // ---- derived from the MSR -----------------------------------------------------------------------

    /** Byte order of data and instruction accesses: MSR[LE]. */
    public ByteOrder order = ByteOrder.BIG_ENDIAN;
    /** Effective addresses are truncated to 32 bits when MSR[SF]=0. */
    public long eaMask = -1L;

    // ---- time ---------------------------------------------------------------------------------------

    /** Instructions completed since reset; the virtual clock. */
    public long instructions;
    /** Timebase = instructions * TB_TICKS_PER_INSTRUCTION + tbOffset. */
    public long tbOffset;
    /** Timebase ticks per completed instruction in virtual time. */
    public static final long TB_TICKS_PER_INSTRUCTION = 1;
    private long decValue;
    private long decWrittenAt;
    public boolean decrementerPending;
    private long hdecValue;
    private long hdecWrittenAt;
    public boolean hypervisorDecrementerPending;
    /** Level of the external interrupt line (from the interrupt controller; may be set by other threads). */
    public volatile boolean externalInterrupt;
    /** Set from other threads to make the run loop look at {@link #externalInterrupt} and stop requests. */
    public volatile boolean attention;
    /** Set by H_CEDE / wait: the thread sleeps until the next interrupt. */
    public boolean waiting;

    // ---- run control --------------------------------------------------------------------------------

    /** The interpreter leaves its inner loop when {@link #instructions} reaches this. */
    public long sliceEnd;
    public StopReason stopReason;
    public int exitCode;
    public volatile boolean stopRequested;

    final GuestInterrupt interrupt = new GuestInterrupt();
    int pendingVector;
    long pendingSrr0;
    long pendingReason;

    public Cpu(final GuestMemory ram, final boolean hypervisorCapable) {
        this.ram = ram;
        this.hypervisorCapable = hypervisorCapable;
        spr[Spr.PVR] = PVR_POWER8;
        decValue = 0x7FFF_FFFFL;
        hdecValue = 0x7FFF_FFFFL;
    }

    // ---- MSR ----------------------------------------------------------------------------------------

    /** Writes the whole MSR and updates what depends on it. */
    public void setMsr(final long value) {
        long v = value;
        if (!hypervisorCapable) {
            v &= ~MSR_HV;
        }
        msr = v;
        order = (v & MSR_LE) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        eaMask = (v & MSR_SF) != 0 ? -1L : 0xFFFF_FFFFL;
    }

    public boolean problemState() {
        return (msr & MSR_PR) != 0;
    }

    public boolean hypervisorState() {
        return (msr & (MSR_HV | MSR_PR)) == MSR_HV;
    }

    // ---- XER ----------------------------------------------------------------------------------------

    /** The architected XER. */
    public long xer() {
        return ((long) xerSo << 31) | ((long) xerOv << 30) | ((long) xerCa << 29) | ((long) xerOv32 << 19)
            | ((long) xerCa32 << 18) | (xerByteCount & 0x7F);
    }

    public void setXer(final long value) {
        xerSo = (int) (value >>> 31) & 1;
        xerOv = (int) (value >>> 30) & 1;
        xerCa = (int) (value >>> 29) & 1;
        xerOv32 = (int) (value >>> 19) & 1;
        xerCa32 = (int) (value >>> 18) & 1;
        xerByteCount = (int) value & 0x7F;
    }

    // ---- time ---------------------------------------------------------------------------------------

    /** The timebase now. */
    public long timebase() {
        return instructions * TB_TICKS_PER_INSTRUCTION + tbOffset;
    }

    /** Sets the timebase (mttbl/mttbu); the decrementers keep counting from their current values. */
    public void setTimebase(final long value) {
        final long dec = decrementer();
        final long hdec = hypervisorDecrementer();
        tbOffset = value - instructions * TB_TICKS_PER_INSTRUCTION;
        setDecrementer(dec);
        setHypervisorDecrementer(hdec);
    }

    /** DEC now: a 32-bit register counting down at the timebase frequency. */
    public long decrementer() {
        return (int) (decValue - (timebase() - decWrittenAt));
    }

    /**
     * mtdec: a decrementer exception is raised when DEC's most significant bit changes from 0 to 1 (the
     * countdown passes zero), not merely because it is negative.
     */
    public void setDecrementer(final long value) {
        decValue = (int) value;
        decWrittenAt = timebase();
        endSlice();
    }

    public long hypervisorDecrementer() {
        return (int) (hdecValue - (timebase() - hdecWrittenAt));
    }

    public void setHypervisorDecrementer(final long value) {
        hdecValue = (int) value;
        hdecWrittenAt = timebase();
        endSlice();
    }

    /**
     * The instruction count at which the next timer event (a decrementer passing zero) happens, or
     * Long.MAX_VALUE. Used to end the interpreter's slice exactly there.
     */
    public long nextTimerEvent() {
        long next = Long.MAX_VALUE;
        if (decValue >= 0) {
            next = eventAt(decWrittenAt + decValue + 1);
        }
        if (hypervisorCapable && hdecValue >= 0) {
            next = Math.min(next, eventAt(hdecWrittenAt + hdecValue + 1));
        }
        return next;
    }

    private long eventAt(final long tb) {
        final long ticks = tb - tbOffset;
        return (ticks + TB_TICKS_PER_INSTRUCTION - 1) / TB_TICKS_PER_INSTRUCTION;
    }

    /** Notes decrementers that have passed zero; called by the run loop between slices. */
    public void updateTimers() {
        if (decValue >= 0 && decrementer() < 0) {
            decrementerPending = true;
            // Remember the wrap so that the exception is raised once per pass through zero.
            decValue = decrementer();
            decWrittenAt = timebase();
        }
        if (hypervisorCapable && hdecValue >= 0 && hypervisorDecrementer() < 0) {
            hypervisorDecrementerPending = true;
            hdecValue = hypervisorDecrementer();
            hdecWrittenAt = timebase();
        }
    }

    // ---- run control --------------------------------------------------------------------------------

    /** Makes the interpreter leave its inner loop after the current instruction (to look at interrupts). */
    public void endSlice() {
        sliceEnd = 0;
    }

    /** Stops the machine after the current instruction. */
    public void stop(final StopReason reason, final int code) {
        stopReason = reason;
        exitCode = code;
        endSlice();
    }

    // ---- interrupts ---------------------------------------------------------------------------------

    /**
     * Abandons the current instruction with interrupt {@code vector}: SRR0 will hold this instruction's
     * address and SRR1 the MSR plus {@code reason}.
     */
    public GuestInterrupt raise(final int vector, final long reason) {
        pendingVector = vector;
        pendingSrr0 = pc;
        pendingReason = reason;
        return interrupt;
    }

    /** An illegal instruction: hypervisor emulation assistance where the processor has HV, else program. */
    public GuestInterrupt illegal(final int insn) {
        if (hypervisorCapable) {
            spr[Spr.HEIR] = insn & 0xFFFF_FFFFL;
            return raise(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE, 0);
        }
        return raise(Interrupts.PROGRAM, Interrupts.SRR1_ILLEGAL);
    }

    /** A privileged instruction in problem state. */
    public GuestInterrupt privileged() {
        return raise(Interrupts.PROGRAM, Interrupts.SRR1_PRIVILEGED);
    }

    /**
     * A hypervisor-privileged instruction or SPR outside hypervisor state: a privileged-instruction program
     * interrupt in problem state; in privileged non-hypervisor state the hypervisor's emulation assistance
     * where the processor has HV (the bare machine), and as QEMU's pseries a privileged-instruction program
     * interrupt where jppc is the hypervisor.
     */
    public GuestInterrupt hypervisorPrivileged(final int insn) {
        if (!problemState() && hypervisorCapable) {
            spr[Spr.HEIR] = insn & 0xFFFF_FFFFL;
            return raise(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE, 0);
        }
        return privileged();
    }

    /** Data storage interrupt with the given DAR and DSISR. */
    public GuestInterrupt dataStorage(final long dar, final long dsisr) {
        spr[Spr.DAR] = dar;
        spr[Spr.DSISR] = dsisr;
        return raise(Interrupts.DATA_STORAGE, 0);
    }

    /** Alignment interrupt (Book III-S 6.5.8): DAR = the effective address; DSISR is not set on POWER8. */
    public GuestInterrupt alignment(final long ea) {
        spr[Spr.DAR] = ea;
        return raise(Interrupts.ALIGNMENT, 0);
    }

    /** Delivers the interrupt recorded by {@link #raise}. */
    void deliverRaised() {
        Interrupts.deliver(this, pendingVector, pendingSrr0, pendingReason);
    }

    /** The vector of the interrupt most recently raised by an instruction (for tests and traces). */
    public int lastRaisedVector() {
        return pendingVector;
    }

    // ---- storage ------------------------------------------------------------------------------------

    /** Storage access kinds, for translation and faults. */
    public static final int FETCH = 0;
    public static final int LOAD = 1;
    public static final int STORE = 2;

    private static final long DSISR_NO_TRANSLATION = 1L << 30;
    private static final long DSISR_STORE = 1L << 25;

    /**
     * Translates an effective address for an access of {@code kind}. Real mode (MSR[IR] for fetches,
     * MSR[DR] for data off) ignores the top four address bits. Relocated accesses are the MMU's job; until
     * it is attached every relocated access faults as with an empty page table.
     */
    long translate(final long ea, final int kind) {
        final long relocate = kind == FETCH ? MSR_IR : MSR_DR;
        if ((msr & relocate) == 0) {
            return ea & REAL_ADDRESS_MASK;
        }
        if (kind == FETCH) {
            throw raise(Interrupts.INSTRUCTION_STORAGE, 1L << 30);
        }
        throw dataStorage(ea, DSISR_NO_TRANSLATION | (kind == STORE ? DSISR_STORE : 0));
    }

    /** A machine check for an access to a real address with neither RAM nor a device behind it. */
    private GuestInterrupt noStorage(final long ra) {
        if ((msr & MSR_ME) == 0) {
            stop(StopReason.CHECKSTOP, 1);
        }
        spr[Spr.DAR] = ra;
        return raise(Interrupts.MACHINE_CHECK, 0);
    }

    /** Reads {@code size} bytes (1, 2, 4 or 8) at effective address {@code ea}, zero extended. */
    public long load(final long ea, final int size) {
        final long ra = translate(ea, LOAD);
        return readReal(ra, size, order);
    }

    public long load8(final long ea) {
        return load(ea, 1);
    }

    public long load16(final long ea) {
        return load(ea, 2);
    }

    public long load32(final long ea) {
        return load(ea, 4);
    }

    public long load64(final long ea) {
        return load(ea, 8);
    }

    /** Writes the low {@code size} bytes of {@code value} at effective address {@code ea}. */
    public void store(final long ea, final int size, final long value) {
        final long ra = translate(ea, STORE);
        writeReal(ra, size, value, order);
    }

    public void store8(final long ea, final long value) {
        store(ea, 1, value);
    }

    public void store16(final long ea, final long value) {
        store(ea, 2, value);
    }

    public void store32(final long ea, final long value) {
        store(ea, 4, value);
    }

    public void store64(final long ea, final long value) {
        store(ea, 8, value);
    }

    /** Fetches the instruction word at {@code ea}. */
    public int fetch(final long ea) {
        final long ra = translate(ea, FETCH);
        if (!ram.contains(ra, 4)) {
            throw noStorage(ra);
        }
        return ram.getInt(ra, order);
    }

    /** The real address a data access of {@code kind} at {@code ea} reaches (raising its fault if any). */
    public long realAddress(final long ea, final int kind) {
        return translate(ea, kind);
    }

    private long readReal(final long ra, final int size, final ByteOrder byteOrder) {
        if (ram.contains(ra, size)) {
            return switch (size) {
                case 1 -> ram.getByte(ra) & 0xFFL;
                case 2 -> ram.getShort(ra, byteOrder) & 0xFFFFL;
                case 4 -> ram.getInt(ra, byteOrder) & 0xFFFF_FFFFL;
                default -> ram.getLong(ra, byteOrder);
            };
        }
        final int window = mmio.find(ra, size);
        if (window < 0) {
            throw noStorage(ra);
        }
        return mmio.read(window, ra, size);
    }

    private void writeReal(final long ra, final int size, final long value, final ByteOrder byteOrder) {
        if (reservationValid) {
            final long granule = reservationAddress & -RESERVATION_GRANULE;
            if (ra < granule + RESERVATION_GRANULE && granule < ra + size) {
                reservationValid = false;
            }
        }
        if (ram.contains(ra, size)) {
            switch (size) {
                case 1 -> ram.putByte(ra, (byte) value);
                case 2 -> ram.putShort(ra, (short) value, byteOrder);
                case 4 -> ram.putInt(ra, (int) value, byteOrder);
                default -> ram.putLong(ra, value, byteOrder);
            }
            return;
        }
        final int window = mmio.find(ra, size);
        if (window < 0) {
            throw noStorage(ra);
        }
        mmio.write(window, ra, size, value);
    }

    /** Takes a reservation on the granule holding real address {@code ra} (larx). */
    public void reserve(final long ra, final int length) {
        reservationValid = true;
        reservationAddress = ra;
        reservationLength = length;
    }
}
