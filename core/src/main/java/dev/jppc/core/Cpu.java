package dev.jppc.core;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

import dev.jppc.core.spi.Hypervisor;
import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.mmu.tlb.Tlb;
import dev.jppc.mmu.tlb.TranslationMode;
import dev.jppc.mmu.track.DirtyPageTracker;

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

    /**
     * The 64 vector-scalar registers of VSX, two longs each: VSR i is {@code vsr[2i]} (doubleword 0, the
     * most significant in the ISA's big-endian numbering) and {@code vsr[2i + 1]} (doubleword 1). FPR i is
     * doubleword 0 of VSR i, and VMX register VR i is VSR 32+i, so the three register files alias exactly
     * as Book I 7.2.1 describes. Use the accessors below rather than index arithmetic.
     */
    public final long[] vsr = new long[128];
    /** FPSCR (its low 32 bits are the architected register of v2.07; v3.0 adds DRN above them). */
    public long fpscr;
    /** VSCR: NJ (bit 15 of the word, 0x10000) and SAT (bit 31, 0x1). */
    public int vscr;

    public boolean reservationValid;
    /** Real address of the reserved location and its length (the larx size). */
    public long reservationAddress;
    public int reservationLength;

    // ---- machine configuration ----------------------------------------------------------------------

    public final GuestMemory ram;
    public final MmioBus mmio = new MmioBus();
    /** The hashed MMU: SLB, page table, TLBs. */
    public final HashMmu mmu;
    private final Tlb fetchTlb;
    private final Tlb loadTlb;
    private final Tlb storeTlb;
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
    /** TLB tag mode bits of fetches, loads and stores under the current MSR (and reservation). */
    private int fetchMode;
    private int dataMode;
    private int storeMode;

    // ---- time ---------------------------------------------------------------------------------------

    /** Instructions completed since reset; the virtual clock. */
    public long instructions;
    /** Timebase = instructions * TB_TICKS_PER_INSTRUCTION + tbOffset. */
    public long tbOffset;
    /** Timebase ticks per completed instruction in virtual time. */
    public static final long TB_TICKS_PER_INSTRUCTION = 1;
    private long decValue;
    private long decWrittenAt;
    /** Timebase of the next 0 to -1 transition of DEC (and of HDEC). */
    private long nextDecEvent;
    private long nextHdecEvent;
    public boolean decrementerPending;
    private long hdecValue;
    private long hdecWrittenAt;
    public boolean hypervisorDecrementerPending;
    /** Level of the external interrupt line (from the interrupt controller; may be set by other threads). */
    public volatile boolean externalInterrupt;
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
        this(ram, hypervisorCapable, new DirtyPageTracker(ram.size(), DIRTY_PAGE_SHIFT));
    }

    /** Dirty RAM is tracked in 4 KiB pages. */
    public static final int DIRTY_PAGE_SHIFT = 12;

    /** A processor whose stores are reported to {@code dirtyPages} (shared by a machine's readers). */
    public Cpu(final GuestMemory ram, final boolean hypervisorCapable, final DirtyPageTracker dirtyPages) {
        this.ram = ram;
        this.hypervisorCapable = hypervisorCapable;
        this.mmu = new HashMmu(ram, dirtyPages);
        this.fetchTlb = mmu.fetchTlb;
        this.loadTlb = mmu.loadTlb;
        this.storeTlb = mmu.storeTlb;
        spr[Spr.PVR] = PVR_POWER8;
        decValue = 0x7FFF_FFFFL;
        hdecValue = 0x7FFF_FFFFL;
        nextDecEvent = nextZeroCrossing(decValue, 0);
        nextHdecEvent = nextZeroCrossing(hdecValue, 0);
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
        fetchMode = TranslationMode.fetch(v);
        dataMode = TranslationMode.data(v);
        storeMode = reservationValid ? dataMode | RESERVATION_HELD : dataMode;
    }

    public boolean problemState() {
        return (msr & MSR_PR) != 0;
    }

    public boolean hypervisorState() {
        return (msr & (MSR_HV | MSR_PR)) == MSR_HV;
    }

    // ---- FPRs, VRs, VSRs -----------------------------------------------------------------------------

    /** FPR {@code n} as raw IEEE double bits (doubleword 0 of VSR n). */
    public long fpr(final int n) {
        return vsr[n << 1];
    }

    public void setFpr(final int n, final long bits) {
        vsr[n << 1] = bits;
    }

    /** Doubleword 0 (high) of VMX register VR {@code n}, which is VSR 32+n. */
    public long vrHigh(final int n) {
        return vsr[64 + (n << 1)];
    }

    /** Doubleword 1 (low) of VMX register VR {@code n}. */
    public long vrLow(final int n) {
        return vsr[65 + (n << 1)];
    }

    public void setVr(final int n, final long high, final long low) {
        vsr[64 + (n << 1)] = high;
        vsr[65 + (n << 1)] = low;
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

    /** DEC now: a 32-bit register counting down at the timebase frequency (sign-extended here). */
    public long decrementer() {
        return (int) (decValue - (timebase() - decWrittenAt));
    }

    /**
     * mtdec. A decrementer exception is raised when DEC's most significant bit changes from 0 to 1: when the
     * countdown passes zero, or when software writes a negative value over a non-negative one.
     */
    public void setDecrementer(final long value) {
        final long now = timebase();
        if (decrementer() >= 0 && (int) value < 0) {
            decrementerPending = true;
        }
        decValue = (int) value;
        decWrittenAt = now;
        nextDecEvent = nextZeroCrossing(decValue, now);
        endSlice();
    }

    public long hypervisorDecrementer() {
        return (int) (hdecValue - (timebase() - hdecWrittenAt));
    }

    public void setHypervisorDecrementer(final long value) {
        final long now = timebase();
        if (hypervisorDecrementer() >= 0 && (int) value < 0) {
            hypervisorDecrementerPending = true;
        }
        hdecValue = (int) value;
        hdecWrittenAt = now;
        nextHdecEvent = nextZeroCrossing(hdecValue, now);
        endSlice();
    }

    /**
     * The timebase at which a 32-bit counter holding {@code value} at {@code now} next goes from 0 to -1. A
     * negative value first wraps through the most negative number to the most positive one (2^32 ticks a
     * full turn), so there is always a next crossing.
     */
    private static long nextZeroCrossing(final long value, final long now) {
        final long ticks = ((int) value + 1L) & 0xFFFF_FFFFL;
        return now + (ticks == 0 ? 1L << 32 : ticks);
    }

    /** The instruction count at which the next decrementer passes zero; the interpreter ends its slice there. */
    public long nextTimerEvent() {
        long next = eventAt(nextDecEvent);
        if (hypervisorCapable) {
            next = Math.min(next, eventAt(nextHdecEvent));
        }
        return next;
    }

    private long eventAt(final long tb) {
        final long ticks = tb - tbOffset;
        return (ticks + TB_TICKS_PER_INSTRUCTION - 1) / TB_TICKS_PER_INSTRUCTION;
    }

    /** Notes decrementers that have passed zero; called by the run loop between slices. */
    public void updateTimers() {
        final long now = timebase();
        while (now >= nextDecEvent) {
            decrementerPending = true;
            nextDecEvent += 1L << 32;
        }
        if (hypervisorCapable) {
            while (now >= nextHdecEvent) {
                hypervisorDecrementerPending = true;
                nextHdecEvent += 1L << 32;
            }
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

    /** Raised by a floating-point instruction while MSR[FP]=0. */
    public GuestInterrupt floatingPointUnavailable() {
        return raise(Interrupts.FP_UNAVAILABLE, 0);
    }

    /** Raised by a VMX instruction while MSR[VEC]=0. */
    public GuestInterrupt vectorUnavailable() {
        return raise(Interrupts.VMX_UNAVAILABLE, 0);
    }

    /** Raised by a VSX instruction while MSR[VSX]=0. */
    public GuestInterrupt vsxUnavailable() {
        return raise(Interrupts.VSX_UNAVAILABLE, 0);
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

    /** Storage access kinds, for translation and faults (the MMU's numbering). */
    public static final int FETCH = HashMmu.FETCH;
    public static final int LOAD = HashMmu.LOAD;
    public static final int STORE = HashMmu.STORE;

    /**
     * A TLB mode bit that no entry is ever installed with: while this processor holds a reservation, stores
     * look up with it and so all take the slow path, which checks the reservation granule.
     */
    private static final int RESERVATION_HELD = 8;
    private static final int PAGE_BYTES = 1 << Tlb.PAGE_SHIFT;
    private static final int PAGE_OFFSET_MASK = PAGE_BYTES - 1;

    /*
     * The fast paths below read the MMU's TLB arrays directly. They assume: an entry's tag is the 4 KiB
     * effective page ORed with the TranslationMode bits it was installed under, so one compare checks page,
     * relocation, privilege and hypervisor state together; an installed page lies wholly in one RAM chunk
     * (chunks are 1 GiB aligned); store entries exist only for pages already marked dirty whose HPTE has C
     * set and that are not part of a page table in RAM. Accesses that cross a page, miss, or touch MMIO take
     * the slow path through HashMmu.translate.
     */

    /**
     * The real address an instruction fetch at {@code ea} reaches if the fetch TLB already holds its page, else
     * -1 (the caller then fetches the slow way, which fills the TLB or raises the fault).
     */
    public long fetchRealAddress(final long ea) {
        final Tlb t = fetchTlb;
        final int i = Tlb.index(ea);
        if (t.tag[i] == ((ea & Tlb.PAGE_MASK) | fetchMode)) {
            return t.realPage[i] | (ea & PAGE_OFFSET_MASK);
        }
        return -1;
    }

    /** Reads {@code size} bytes (1, 2, 4 or 8) at effective address {@code ea}, zero extended. */
    public long load(final long ea, final int size) {
        final Tlb t = loadTlb;
        final int i = Tlb.index(ea);
        final int within = (int) ea & PAGE_OFFSET_MASK;
        if (t.tag[i] == ((ea & Tlb.PAGE_MASK) | dataMode) && within <= PAGE_BYTES - size) {
            final UnsafeBuffer b = t.buffer[i];
            final int at = t.offset[i] + within;
            return switch (size) {
                case 1 -> b.getByte(at) & 0xFFL;
                case 2 -> b.getShort(at, order) & 0xFFFFL;
                case 4 -> b.getInt(at, order) & 0xFFFF_FFFFL;
                default -> b.getLong(at, order);
            };
        }
        return loadSlow(ea, size);
    }

    private long loadSlow(final long ea, final int size) {
        if (((int) ea & PAGE_OFFSET_MASK) > PAGE_BYTES - size) {
            long value = 0;
            for (int i = 0; i < size; i++) {
                final long b = readReal(translate((ea + i) & eaMask, LOAD), 1, order);
                value |= order == ByteOrder.BIG_ENDIAN ? b << (8 * (size - 1 - i)) : b << (8 * i);
            }
            return value;
        }
        return readReal(translate(ea, LOAD), size, order);
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
        final Tlb t = storeTlb;
        final int i = Tlb.index(ea);
        final int within = (int) ea & PAGE_OFFSET_MASK;
        if (t.tag[i] == ((ea & Tlb.PAGE_MASK) | storeMode) && within <= PAGE_BYTES - size) {
            final UnsafeBuffer b = t.buffer[i];
            final int at = t.offset[i] + within;
            switch (size) {
                case 1 -> b.putByte(at, (byte) value);
                case 2 -> b.putShort(at, (short) value, order);
                case 4 -> b.putInt(at, (int) value, order);
                default -> b.putLong(at, value, order);
            }
            return;
        }
        storeSlow(ea, size, value);
    }

    private void storeSlow(final long ea, final int size, final long value) {
        if (((int) ea & PAGE_OFFSET_MASK) > PAGE_BYTES - size) {
            // Translate both pages before writing a byte, so a fault on the second leaves storage untouched.
            translate(ea, STORE);
            translate((ea + size - 1) & eaMask, STORE);
            for (int i = 0; i < size; i++) {
                final int shift = order == ByteOrder.BIG_ENDIAN ? 8 * (size - 1 - i) : 8 * i;
                writeReal(translate((ea + i) & eaMask, STORE), 1, value >>> shift, order);
            }
            return;
        }
        writeReal(translate(ea, STORE), size, value, order);
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
        final Tlb t = fetchTlb;
        final int i = Tlb.index(ea);
        if (t.tag[i] == ((ea & Tlb.PAGE_MASK) | fetchMode)) {
            return t.buffer[i].getInt(t.offset[i] + ((int) ea & PAGE_OFFSET_MASK), order);
        }
        final long ra = translate(ea, FETCH);
        if (!ram.contains(ra, 4)) {
            throw noStorage(ra);
        }
        return ram.getInt(ra, order);
    }

    /**
     * Translates like a load for a cache-block instruction (dcbst, dcbf, icbi): a translation fault is
     * raised, but an address with no storage behind it is not an error, since nothing is accessed.
     */
    public void touch(final long ea) {
        if (mmu.translate(ea, LOAD, msr, false) == HashMmu.FAULT) {
            translate(ea, LOAD);
        }
    }

    /** The real address a data access of {@code kind} at {@code ea} reaches (raising its fault if any). */
    public long realAddress(final long ea, final int kind) {
        return translate(ea, kind);
    }

    /**
     * Translates through the MMU (which also fills the TLB) and turns a failure into the architected
     * interrupt: DSI/ISI with the MMU's DSISR/SRR1 bits, a segment interrupt, or a machine check.
     */
    private long translate(final long ea, final int kind) {
        final long ra = mmu.translate(ea, kind, msr, true);
        if (ra >= 0) {
            return ra;
        }
        if (ra == HashMmu.OUTSIDE_RAM) {
            return mmu.outsideRamAddress;
        }
        if (ra == HashMmu.MACHINE_CHECK) {
            throw noStorage(ea & REAL_ADDRESS_MASK);
        }
        final int vector = mmu.faultVector;
        if (vector == Interrupts.DATA_STORAGE || vector == Interrupts.DATA_SEGMENT) {
            spr[Spr.DAR] = mmu.faultDar;
            if (vector == Interrupts.DATA_STORAGE) {
                spr[Spr.DSISR] = mmu.faultDsisr;
            }
            return throwInterrupt(raise(vector, 0));
        }
        return throwInterrupt(raise(vector, mmu.faultSrr1));
    }

    private static long throwInterrupt(final GuestInterrupt interrupt) {
        throw interrupt;
    }

    /** A machine check for an access to a real address with neither RAM nor a device behind it. */
    private GuestInterrupt noStorage(final long address) {
        if ((msr & MSR_ME) == 0) {
            stop(StopReason.CHECKSTOP, 1);
        }
        spr[Spr.DAR] = address;
        return raise(Interrupts.MACHINE_CHECK, 0);
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
                clearReservation();
            }
        }
        if (ram.contains(ra, size)) {
            mmu.storeReal(ra, value, size, byteOrder);
            return;
        }
        final int window = mmio.find(ra, size);
        if (window < 0) {
            throw noStorage(ra);
        }
        mmio.write(window, ra, size, value);
    }

    /** Drops this processor's reservation (stcx., a store to the granule). */
    public void clearReservation() {
        reservationValid = false;
        storeMode = dataMode;
    }

    /** Takes a reservation on the granule holding real address {@code ra} (larx). */
    public void reserve(final long ra, final int length) {
        reservationValid = true;
        storeMode = dataMode | RESERVATION_HELD;
        reservationAddress = ra;
        reservationLength = length;
    }
}
