package dev.jppc.core.exec;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interrupts;

/**
 * The Floating-Point Status and Control Register (Power ISA v2.07 Book I 4.2.2, v3.0 adds DRN above bit 32)
 * and the rules that merge an instruction's exceptions into it (Book I 4.4): sticky exception bits, FX when
 * one of them goes from 0 to 1, the VX and FEX summaries, FR/FI, FPRF, the enabled-exception actions and the
 * floating-point enabled program interrupt.
 *
 * <p>Masks are Java bit positions of the 64-bit register: ISA bit n is {@code 1L << (63 - n)}. The engine
 * ({@link FpMath}) reports an instruction's exceptions in {@link Cpu#fpFlags} with these same masks.
 */
public final class Fpscr {

    public static final long FX = 1L << 31;
    public static final int FEX = 1 << 30;
    public static final int VX = 1 << 29;
    public static final int OX = 1 << 28;
    public static final int UX = 1 << 27;
    public static final int ZX = 1 << 26;
    public static final int XX = 1 << 25;
    public static final int VXSNAN = 1 << 24;
    public static final int VXISI = 1 << 23;
    public static final int VXIDI = 1 << 22;
    public static final int VXZDZ = 1 << 21;
    public static final int VXIMZ = 1 << 20;
    public static final int VXVC = 1 << 19;
    public static final int FR = 1 << 18;
    public static final int FI = 1 << 17;
    /** FPRF: C and FPCC (FL, FG, FE, FU), ISA bits 47:51. */
    public static final int FPRF_SHIFT = 12;
    public static final int FPRF = 0x1F << FPRF_SHIFT;
    public static final int FPCC = 0xF << FPRF_SHIFT;
    public static final int VXSOFT = 1 << 10;
    public static final int VXSQRT = 1 << 9;
    public static final int VXCVI = 1 << 8;
    public static final int VE = 1 << 7;
    public static final int OE = 1 << 6;
    public static final int UE = 1 << 5;
    public static final int ZE = 1 << 4;
    public static final int XE = 1 << 3;
    public static final int NI = 1 << 2;
    public static final int RN = 3;
    /** v3.0 decimal rounding mode, ISA bits 29:31. */
    public static final long DRN = 7L << 32;

    /** The invalid-operation exception bits that VX summarises. */
    public static final int VX_ALL = VXSNAN | VXISI | VXIDI | VXZDZ | VXIMZ | VXVC | VXSOFT | VXSQRT | VXCVI;
    /** The sticky exception bits: setting one from 0 to 1 sets FX. */
    public static final int EXCEPTIONS = OX | UX | ZX | XX | VX_ALL;
    /** Bits an FPSCR write may hold: everything but reserved bit 52 and bits above DRN. */
    public static final long WRITABLE = DRN | 0xFFFF_F7FFL;

    /** Rounding modes, the RN field values. */
    public static final int ROUND_NEAREST = 0;
    public static final int ROUND_ZERO = 1;
    public static final int ROUND_UP = 2;
    public static final int ROUND_DOWN = 3;

    /** FPRF class codes (Book I table 4-2): C || FL FG FE FU. */
    public static final int CLASS_QNAN = 0x11;
    public static final int CLASS_NEG_INF = 0x09;
    public static final int CLASS_NEG_NORMAL = 0x08;
    public static final int CLASS_NEG_DENORMAL = 0x18;
    public static final int CLASS_NEG_ZERO = 0x12;
    public static final int CLASS_POS_ZERO = 0x02;
    public static final int CLASS_POS_DENORMAL = 0x14;
    public static final int CLASS_POS_NORMAL = 0x04;
    public static final int CLASS_POS_INF = 0x05;

    private Fpscr() {
    }

    /** The FPRF code of a double-format value. */
    public static int classify(final long bits) {
        final boolean negative = bits < 0;
        final long magnitude = bits & Long.MAX_VALUE;
        if (magnitude > FpMath.EXPONENT_MASK) {
            return CLASS_QNAN;
        }
        if (magnitude == FpMath.EXPONENT_MASK) {
            return negative ? CLASS_NEG_INF : CLASS_POS_INF;
        }
        if (magnitude == 0) {
            return negative ? CLASS_NEG_ZERO : CLASS_POS_ZERO;
        }
        if (magnitude < FpMath.MIN_NORMAL_BITS) {
            return negative ? CLASS_NEG_DENORMAL : CLASS_POS_DENORMAL;
        }
        return negative ? CLASS_NEG_NORMAL : CLASS_POS_NORMAL;
    }

    /** The FPRF code of a single-format value. */
    public static int classifySingle(final int word) {
        final boolean negative = word < 0;
        final int exponent = (word >>> 23) & 0xFF;
        final int fraction = word & 0x7F_FFFF;
        if (exponent == 0xFF) {
            return fraction != 0 ? CLASS_QNAN : negative ? CLASS_NEG_INF : CLASS_POS_INF;
        }
        if (exponent == 0) {
            if (fraction == 0) {
                return negative ? CLASS_NEG_ZERO : CLASS_POS_ZERO;
            }
            return negative ? CLASS_NEG_DENORMAL : CLASS_POS_DENORMAL;
        }
        return negative ? CLASS_NEG_NORMAL : CLASS_POS_NORMAL;
    }

    /** FEX as the ISA defines it: some exception bit whose enable bit is set. */
    private static long summarise(final long value) {
        long v = value & ~(long) (VX | FEX);
        if ((v & VX_ALL) != 0) {
            v |= VX;
        }
        final int enabledExceptions = (int) ((((v & VX) != 0 ? VE : 0) | ((v >>> 22) & (OE | UE | ZE | XE))) & v);
        if (enabledExceptions != 0) {
            v |= FEX;
        }
        return v;
    }

    /**
     * Merges the exceptions of the instruction that just ran ({@link Cpu#fpFlags}) into FPSCR and tells whether
     * its target may be written: an enabled invalid-operation or zero-divide exception leaves the target (and
     * FPRF) unchanged and clears FR and FI (Book I 4.4.1, 4.4.2). {@code fprfOf} is the result whose class
     * goes to FPRF when {@code setFprf}. Afterwards, call {@link #finish} to raise an enabled interrupt.
     */
    public static boolean merge(final Cpu c, final long result, final boolean setFprf, final boolean setFrFi) {
        final int flags = c.fpFlags;
        final long old = c.fpscr;
        long v = old | (flags & EXCEPTIONS);
        final boolean suppressed = suppressed(old, flags);
        if (setFrFi) {
            v &= ~(long) (FR | FI);
            if (!suppressed) {
                v |= flags & (FR | FI);
            }
        }
        if (setFprf && !suppressed) {
            v = (v & ~(long) FPRF) | ((long) classify(result) << FPRF_SHIFT);
        }
        if ((v & ~old & EXCEPTIONS) != 0) {
            v |= FX;
        }
        c.fpscr = summarise(v);
        return !suppressed;
    }

    /** True when an enabled invalid-operation or zero-divide exception in {@code flags} suppresses the write. */
    public static boolean suppressed(final long fpscr, final int flags) {
        return ((flags & VX_ALL) != 0 && (fpscr & VE) != 0) || ((flags & ZX) != 0 && (fpscr & ZE) != 0);
    }

    /**
     * Takes the floating-point enabled exception type program interrupt when the instruction raised an
     * exception whose enable bit is set and MSR[FE0 FE1] selects any enabled mode (all treated as precise:
     * SRR0 names the instruction, whose FPSCR and target updates have been made, Book I 4.4 and Book III-S
     * 6.5.9).
     */
    public static void finish(final Cpu c) {
        final int flags = c.fpFlags;
        if ((flags & EXCEPTIONS) == 0 || (c.msr & (Cpu.MSR_FE0 | Cpu.MSR_FE1)) == 0) {
            return;
        }
        final long fp = c.fpscr;
        final boolean enabled = ((flags & VX_ALL) != 0 && (fp & VE) != 0) || (((flags >>> 22) & fp & (OE | UE | ZE
            | XE)) != 0);
        if (enabled) {
            throw c.raise(Interrupts.PROGRAM, Interrupts.SRR1_FP_ENABLED);
        }
    }

    /**
     * Writes FPSCR from a move-to instruction: FEX and VX are recomputed, never taken from the source. Returns
     * true when the enabled-exception interrupt follows (MSR[FE0 FE1] != 0): when FEX went from 0 to 1, or,
     * with {@code whenSet} (mtfsf, mtfsfi, mtfsb1, which set FEX by recomputing it), whenever FEX ends up 1, as
     * QEMU does. The caller completes the instruction (CR1) and then throws {@link #enabledInterrupt}.
     */
    public static boolean write(final Cpu c, final long value, final boolean whenSet) {
        final long old = c.fpscr;
        c.fpscr = summarise(value & WRITABLE);
        final boolean raised = (whenSet || (old & FEX) == 0) && (c.fpscr & FEX) != 0;
        return raised && (c.msr & (Cpu.MSR_FE0 | Cpu.MSR_FE1)) != 0;
    }

    /** The floating-point enabled exception type program interrupt. */
    public static RuntimeException enabledInterrupt(final Cpu c) {
        return c.raise(Interrupts.PROGRAM, Interrupts.SRR1_FP_ENABLED);
    }

    /** CR1 of an Rc=1 floating-point instruction: FX, FEX, VX, OX. */
    public static void setCr1(final Cpu c) {
        c.cr = (c.cr & ~0x0F00_0000) | ((int) ((c.fpscr >>> 28) & 0xF) << 24);
    }

    /** The rounding mode field. */
    public static int roundingMode(final Cpu c) {
        return (int) c.fpscr & RN;
    }
}
