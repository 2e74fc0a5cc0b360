package dev.jppc.core.exec;

import static dev.jppc.core.decode.Fields.ra;
import static dev.jppc.core.decode.Fields.rb;
import static dev.jppc.core.decode.Fields.rt;

import dev.jppc.core.Cpu;
import dev.jppc.core.decode.Fields;

/**
 * Book I chapter 7 VSX scalar and vector floating-point arithmetic, on the engine of chapter 4
 * ({@link FpMath}). Scalar (xs) instructions use doubleword 0 of their VSRs, set FPRF, FR and FI like the FP
 * instructions and leave the target unchanged on an enabled invalid-operation or zero-divide exception.
 * Vector (xv) instructions leave FPRF, FR and FI alone, and write their target only when no lane raised an
 * exception whose enable bit is set (Book I 7.6, the {@code ex_flag} of each vector instruction's pseudocode).
 */
public final class VsxArithmetic {

    private VsxArithmetic() {
    }

    /** XT: T in bits 6-10 and TX in bit 31. */
    static int xt(final int insn) {
        return rt(insn) | ((insn & 1) << 5);
    }

    /** XA of XX3 forms: A in bits 11-15 and AX in bit 29. */
    static int xa(final int insn) {
        return ra(insn) | ((insn & 4) << 3);
    }

    /** XB: B in bits 16-20 and BX in bit 30. */
    static int xb(final int insn) {
        return rb(insn) | ((insn & 2) << 4);
    }

    private static void start(final Cpu c) {
        if ((c.msr & Cpu.MSR_VSX) == 0) {
            throw c.vsxUnavailable();
        }
        c.fpFlags = 0;
    }

    private static long high(final Cpu c, final int vsr) {
        return c.vsr[vsr << 1];
    }

    private static long low(final Cpu c, final int vsr) {
        return c.vsr[(vsr << 1) + 1];
    }

    private static void set(final Cpu c, final int vsr, final long high, final long low) {
        c.vsr[vsr << 1] = high;
        c.vsr[(vsr << 1) + 1] = low;
    }

    /** Completes a scalar instruction: FPRF, FR, FI, and doubleword 1 of XT set to 0 (as QEMU and v3.0). */
    private static void scalar(final Cpu c, final int insn, final long result) {
        if (Fpscr.merge(c, result, true, true)) {
            set(c, xt(insn), result, 0);
        }
        Fpscr.finish(c);
    }

    // ---- scalar arithmetic --------------------------------------------------------------------------------

    /** The operation numbers of {@link #arith}. */
    public static final int ADD = 0;
    public static final int SUB = 1;
    public static final int MUL = 2;
    public static final int DIV = 3;

    private static long binary(final Cpu c, final int operation, final long a, final long b, final boolean single) {
        return switch (operation) {
            case ADD -> FpMath.add(c, a, b, single);
            case SUB -> FpMath.add(c, a, FpMath.negateOperand(b), single);
            case MUL -> FpMath.multiply(c, a, b, single);
            default -> FpMath.divide(c, a, b, single);
        };
    }

    /** xsadddp, xssubdp, xsmuldp, xsdivdp and the sp forms. */
    public static void arith(final Cpu c, final int insn, final int operation, final boolean single) {
        start(c);
        scalar(c, insn, binary(c, operation, high(c, xa(insn)), high(c, xb(insn)), single));
    }

    public static void xssqrtdp(final Cpu c, final int insn) {
        start(c);
        scalar(c, insn, FpMath.sqrt(c, high(c, xb(insn)), false));
    }

    /**
     * The scalar multiply-adds. The "a" forms use XT as the addend (XT = XA * XB + XT), the "m" forms as a
     * multiplicand (XT = XA * XT + XB).
     */
    public static void multiplyAdd(final Cpu c, final int insn, final boolean addendForm, final boolean subtract,
                                   final boolean negate) {
        start(c);
        final long a = high(c, xa(insn));
        final long t = high(c, xt(insn));
        final long b = high(c, xb(insn));
        final long multiplicand = addendForm ? b : t;
        final long addend = addendForm ? t : b;
        long result = FpMath.multiplyAdd(c, a, multiplicand, subtract ? FpMath.negateOperand(addend) : addend,
            false);
        if (negate && !FpMath.isNaN(result)) {
            result ^= FpMath.SIGN;
        }
        scalar(c, insn, result);
    }

    // ---- scalar moves and compares --------------------------------------------------------------------------

    /** xsabsdp (0), xsnabsdp (1), xsnegdp (2): sign operations on doubleword 0; doubleword 1 becomes 0. */
    public static void sign(final Cpu c, final int insn, final int kind) {
        if ((c.msr & Cpu.MSR_VSX) == 0) {
            throw c.vsxUnavailable();
        }
        final long b = high(c, xb(insn));
        final long result = kind == 0 ? b & ~FpMath.SIGN : kind == 1 ? b | FpMath.SIGN : b ^ FpMath.SIGN;
        set(c, xt(insn), result, 0);
    }

    public static void xscpsgndp(final Cpu c, final int insn) {
        if ((c.msr & Cpu.MSR_VSX) == 0) {
            throw c.vsxUnavailable();
        }
        final long result = (high(c, xa(insn)) & FpMath.SIGN) | (high(c, xb(insn)) & ~FpMath.SIGN);
        set(c, xt(insn), result, 0);
    }

    public static void compare(final Cpu c, final int insn, final boolean ordered) {
        start(c);
        FloatingPoint.compare(c, Fields.bf(insn), high(c, xa(insn)), high(c, xb(insn)), ordered);
    }

    /**
     * xsmaxdp and xsmindp: a NaN operand yields the other operand when that one is a number (an SNaN raises
     * VXSNAN first), two NaNs give the first one quieted; +0 is greater than -0.
     */
    public static void maxMin(final Cpu c, final int insn, final boolean max) {
        start(c);
        final long a = high(c, xa(insn));
        final long b = high(c, xb(insn));
        final long result;
        if (FpMath.isNaN(a) || FpMath.isNaN(b)) {
            if (FpMath.isSignalling(a) || FpMath.isSignalling(b)) {
                c.fpFlags |= Fpscr.VXSNAN;
            }
            if (FpMath.isNaN(a) && FpMath.isNaN(b)) {
                result = a | FpMath.QUIET_BIT;
            } else if (FpMath.isSignalling(a) || FpMath.isSignalling(b)) {
                result = (FpMath.isNaN(a) ? a : b) | FpMath.QUIET_BIT;
            } else {
                result = FpMath.isNaN(a) ? b : a;
            }
        } else if (FpMath.isZero(a) && FpMath.isZero(b)) {
            result = max ? a & b : a | b;
        } else {
            final double x = Double.longBitsToDouble(a);
            final double y = Double.longBitsToDouble(b);
            result = (max ? x > y : x < y) ? a : b;
        }
        if (!Fpscr.suppressed(c.fpscr, c.fpFlags)) {
            set(c, xt(insn), result, 0);
        }
        Fpscr.merge(c, 0, false, false);
        Fpscr.finish(c);
    }

    /** xsrdpi (nearest away), xsrdpiz, xsrdpip, xsrdpim, xsrdpic (current mode, reports inexact). */
    public static void roundToIntegral(final Cpu c, final int insn, final int mode, final boolean current) {
        start(c);
        final int m = current ? Fpscr.roundingMode(c) : mode;
        scalar(c, insn, FpMath.roundToIntegral(c, high(c, xb(insn)), m, current));
    }

    public static void xsrsp(final Cpu c, final int insn) {
        start(c);
        scalar(c, insn, FpMath.roundToSingle(c, high(c, xb(insn))));
    }

    // ---- scalar conversions -------------------------------------------------------------------------------

    /**
     * xscvdpsxds, xscvdpuxds (doubleword 0) and xscvdpsxws, xscvdpuxws (word 1, copied into word 0): truncating
     * conversions.
     * FPRF is not changed; FR and FI are.
     */
    public static void toInteger(final Cpu c, final int insn, final boolean unsigned, final boolean word) {
        start(c);
        long result = FpMath.toInteger(c, high(c, xb(insn)), Fpscr.ROUND_ZERO, unsigned, word);
        if (word) {
            // Word 1 holds the result; jppc copies it into word 0 (undefined in v2.07) as QEMU and POWER9 do.
            result = (result & 0xFFFF_FFFFL) * 0x1_0000_0001L;
        }
        if (Fpscr.merge(c, 0, false, true)) {
            set(c, xt(insn), result, 0);
        }
        Fpscr.finish(c);
    }

    /** xscvsxddp, xscvuxddp, xscvsxdsp, xscvuxdsp. */
    public static void fromInteger(final Cpu c, final int insn, final boolean unsigned, final boolean single) {
        start(c);
        scalar(c, insn, FpMath.fromInteger(c, high(c, xb(insn)), unsigned, single));
    }

    /** xscvdpsp: doubleword 0 rounded to single precision, in single format in word 0 (and word 1). */
    public static void xscvdpsp(final Cpu c, final int insn) {
        start(c);
        final long rounded = FpMath.roundToSingle(c, high(c, xb(insn)));
        final long word = FpLoadStore.doubleToSingle(rounded) & 0xFFFF_FFFFL;
        if (Fpscr.merge(c, rounded, true, true)) {
            set(c, xt(insn), word << 32 | word, 0);
            // FPRF describes the result in single format (Book I 7.6 xscvdpsp): a single denormal is denormal.
            c.fpscr = (c.fpscr & ~(long) Fpscr.FPRF) | (long) Fpscr.classifySingle((int) word) << Fpscr.FPRF_SHIFT;
        }
        Fpscr.finish(c);
    }

    /** xscvspdp: word 0, a single, to double; an SNaN raises VXSNAN and is quieted. */
    public static void xscvspdp(final Cpu c, final int insn) {
        start(c);
        final long value = FpLoadStore.singleToDouble((int) (high(c, xb(insn)) >>> 32));
        scalar(c, insn, quietOperand(c, value));
    }

    private static long quietOperand(final Cpu c, final long value) {
        if (FpMath.isSignalling(value)) {
            c.fpFlags |= Fpscr.VXSNAN;
            return value | FpMath.QUIET_BIT;
        }
        return value;
    }

    /** xscvdpspn: doubleword 0 to single format without exceptions or FPSCR changes (word 0 and word 1). */
    public static void xscvdpspn(final Cpu c, final int insn) {
        if ((c.msr & Cpu.MSR_VSX) == 0) {
            throw c.vsxUnavailable();
        }
        final long word = FpLoadStore.doubleToSingle(high(c, xb(insn))) & 0xFFFF_FFFFL;
        set(c, xt(insn), word << 32 | word, 0);
    }

    /** xscvspdpn: word 0 to double format without exceptions; SNaNs stay signalling. */
    public static void xscvspdpn(final Cpu c, final int insn) {
        if ((c.msr & Cpu.MSR_VSX) == 0) {
            throw c.vsxUnavailable();
        }
        set(c, xt(insn), FpLoadStore.singleToDouble((int) (high(c, xb(insn)) >>> 32)), 0);
    }

    // ---- vector -------------------------------------------------------------------------------------------

    /** Whether a vector instruction may write its target: no lane raised an enabled exception. */
    private static boolean vectorWrite(final Cpu c) {
        final int flags = c.fpFlags;
        final long fpscr = c.fpscr;
        final boolean enabled = ((flags & Fpscr.VX_ALL) != 0 && (fpscr & Fpscr.VE) != 0)
            || (((flags >>> 22) & fpscr & (Fpscr.OE | Fpscr.UE | Fpscr.ZE | Fpscr.XE)) != 0);
        Fpscr.merge(c, 0, false, false);
        return !enabled;
    }

    private static void vector(final Cpu c, final int insn, final long high, final long low) {
        if (vectorWrite(c)) {
            set(c, xt(insn), high, low);
        }
        Fpscr.finish(c);
    }

    /** xvadddp, xvsubdp, xvmuldp, xvdivdp. */
    public static void vectorArith(final Cpu c, final int insn, final int operation) {
        start(c);
        final int a = xa(insn);
        final int b = xb(insn);
        final long high = binary(c, operation, high(c, a), high(c, b), false);
        final long low = binary(c, operation, low(c, a), low(c, b), false);
        vector(c, insn, high, low);
    }

    /** xvmaddadp: XT = XA * XB + XT per doubleword. */
    public static void xvmaddadp(final Cpu c, final int insn) {
        start(c);
        final int a = xa(insn);
        final int b = xb(insn);
        final int t = xt(insn);
        final long high = FpMath.multiplyAdd(c, high(c, a), high(c, b), high(c, t), false);
        final long low = FpMath.multiplyAdd(c, low(c, a), low(c, b), low(c, t), false);
        vector(c, insn, high, low);
    }

    /** xvaddsp, xvmulsp: four single-precision lanes. */
    public static void vectorArithSingle(final Cpu c, final int insn, final int operation) {
        start(c);
        final int a = xa(insn);
        final int b = xb(insn);
        final long high = singleLanes(c, operation, high(c, a), high(c, b));
        final long low = singleLanes(c, operation, low(c, a), low(c, b));
        vector(c, insn, high, low);
    }

    private static long singleLanes(final Cpu c, final int operation, final long a, final long b) {
        final long first = singleLane(c, operation, (int) (a >>> 32), (int) (b >>> 32));
        final long second = singleLane(c, operation, (int) a, (int) b);
        return first << 32 | second;
    }

    private static long singleLane(final Cpu c, final int operation, final int a, final int b) {
        final long result = binary(c, operation, FpLoadStore.singleToDouble(a), FpLoadStore.singleToDouble(b),
            true);
        return FpLoadStore.doubleToSingle(result) & 0xFFFF_FFFFL;
    }

    /** xvcpsgndp (xvmovdp when XA = XB), xvabsdp, xvnegdp: sign operations on both doublewords. */
    public static void vectorSign(final Cpu c, final int insn, final int kind) {
        if ((c.msr & Cpu.MSR_VSX) == 0) {
            throw c.vsxUnavailable();
        }
        final int b = xb(insn);
        final long high;
        final long low;
        switch (kind) {
            case 0 -> {
                high = high(c, b) & ~FpMath.SIGN;
                low = low(c, b) & ~FpMath.SIGN;
            }
            case 2 -> {
                high = high(c, b) ^ FpMath.SIGN;
                low = low(c, b) ^ FpMath.SIGN;
            }
            default -> {
                final int a = xa(insn);
                high = (high(c, a) & FpMath.SIGN) | (high(c, b) & ~FpMath.SIGN);
                low = (low(c, a) & FpMath.SIGN) | (low(c, b) & ~FpMath.SIGN);
            }
        }
        set(c, xt(insn), high, low);
    }

    /** xvcvsxddp: both doublewords, signed integers to double. */
    public static void xvcvsxddp(final Cpu c, final int insn) {
        start(c);
        final int b = xb(insn);
        final long high = FpMath.fromInteger(c, high(c, b), false, false);
        final long low = FpMath.fromInteger(c, low(c, b), false, false);
        vector(c, insn, high, low);
    }

    /** xvcvdpsxds: both doublewords, double to signed integer, truncating. */
    public static void xvcvdpsxds(final Cpu c, final int insn) {
        start(c);
        final int b = xb(insn);
        final long high = FpMath.toInteger(c, high(c, b), Fpscr.ROUND_ZERO, false, false);
        final long low = FpMath.toInteger(c, low(c, b), Fpscr.ROUND_ZERO, false, false);
        vector(c, insn, high, low);
    }

    /** xvcvspdp: words 0 and 2 to doubles. */
    public static void xvcvspdp(final Cpu c, final int insn) {
        start(c);
        final int b = xb(insn);
        final long high = quietOperand(c, FpLoadStore.singleToDouble((int) (high(c, b) >>> 32)));
        final long low = quietOperand(c, FpLoadStore.singleToDouble((int) (low(c, b) >>> 32)));
        vector(c, insn, high, low);
    }

    /** xvcvdpsp: both doublewords rounded to single, into words 0 and 2 (copied into words 1 and 3). */
    public static void xvcvdpsp(final Cpu c, final int insn) {
        start(c);
        final int b = xb(insn);
        final long high = FpLoadStore.doubleToSingle(FpMath.roundToSingle(c, high(c, b))) & 0xFFFF_FFFFL;
        final long low = FpLoadStore.doubleToSingle(FpMath.roundToSingle(c, low(c, b))) & 0xFFFF_FFFFL;
        vector(c, insn, high << 32 | high, low << 32 | low);
    }
}
