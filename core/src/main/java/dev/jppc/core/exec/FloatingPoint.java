package dev.jppc.core.exec;

import static dev.jppc.core.decode.Fields.ra;
import static dev.jppc.core.decode.Fields.rb;
import static dev.jppc.core.decode.Fields.rc5;
import static dev.jppc.core.decode.Fields.rt;

import dev.jppc.core.Cpu;
import dev.jppc.core.decode.Fields;

/**
 * Book I chapter 4 floating-point arithmetic, rounding, conversion, compare, move and FPSCR instructions. The
 * arithmetic itself is {@link FpMath}'s; this class reads operands, merges exceptions into FPSCR
 * ({@link Fpscr#merge}), writes the target, sets CR1 for Rc=1 and raises the enabled-exception interrupt.
 */
public final class FloatingPoint {

    private FloatingPoint() {
    }

    /** Every FP instruction, loads and stores included, needs MSR[FP]=1 (Book III-S 6.5.10). */
    static void check(final Cpu c) {
        if ((c.msr & Cpu.MSR_FP) == 0) {
            throw c.floatingPointUnavailable();
        }
    }

    private static long a(final Cpu c, final int insn) {
        return c.fpr(ra(insn));
    }

    private static long b(final Cpu c, final int insn) {
        return c.fpr(rb(insn));
    }

    private static long cOperand(final Cpu c, final int insn) {
        return c.fpr(rc5(insn));
    }

    private static boolean single(final int insn) {
        return insn >>> 26 == 59;
    }

    /** Completes an arithmetic instruction whose result sets FPRF, FR and FI. */
    private static void complete(final Cpu c, final int insn, final long result) {
        if (Fpscr.merge(c, result, true, true)) {
            c.setFpr(rt(insn), result);
        }
        if (Fields.rc(insn)) {
            Fpscr.setCr1(c);
        }
        Fpscr.finish(c);
    }

    private static void start(final Cpu c) {
        check(c);
        c.fpFlags = 0;
    }

    // ---- arithmetic ---------------------------------------------------------------------------------------

    public static void fadd(final Cpu c, final int insn) {
        start(c);
        complete(c, insn, FpMath.add(c, a(c, insn), b(c, insn), single(insn)));
    }

    public static void fsub(final Cpu c, final int insn) {
        start(c);
        complete(c, insn, FpMath.add(c, a(c, insn), FpMath.negateOperand(b(c, insn)), single(insn)));
    }

    public static void fmul(final Cpu c, final int insn) {
        start(c);
        complete(c, insn, FpMath.multiply(c, a(c, insn), cOperand(c, insn), single(insn)));
    }

    public static void fdiv(final Cpu c, final int insn) {
        start(c);
        complete(c, insn, FpMath.divide(c, a(c, insn), b(c, insn), single(insn)));
    }

    public static void fsqrt(final Cpu c, final int insn) {
        start(c);
        complete(c, insn, FpMath.sqrt(c, b(c, insn), single(insn)));
    }

    /**
     * fmadd, fmsub, fnmadd, fnmsub and their single forms: FRA * FRC +/- FRB rounded once, then negated for
     * the fnm forms unless the result is a NaN (Book I 4.6.5.2: rounded, then negated).
     */
    public static void multiplyAdd(final Cpu c, final int insn, final boolean subtract, final boolean negate) {
        start(c);
        final long addend = subtract ? FpMath.negateOperand(b(c, insn)) : b(c, insn);
        long result = FpMath.multiplyAdd(c, a(c, insn), cOperand(c, insn), addend, single(insn));
        if (negate && !FpMath.isNaN(result)) {
            result ^= FpMath.SIGN;
        }
        complete(c, insn, result);
    }

    /**
     * fre, fres: the reciprocal estimate. jppc returns the correctly rounded reciprocal, which lies within
     * the ISA's 1/256 relative error and is what QEMU computes.
     */
    public static void fre(final Cpu c, final int insn) {
        start(c);
        complete(c, insn, FpMath.divide(c, FpMath.ONE, b(c, insn), single(insn)));
    }

    /**
     * frsqrte, frsqrtes: the reciprocal square root estimate, computed as QEMU does: the rounded square root,
     * then the rounded reciprocal of it (within the ISA's 1/32 relative error).
     */
    public static void frsqrte(final Cpu c, final int insn) {
        start(c);
        final long root = FpMath.sqrt(c, b(c, insn), false);
        complete(c, insn, FpMath.divide(c, FpMath.ONE, root, single(insn)));
    }

    public static void frsp(final Cpu c, final int insn) {
        start(c);
        complete(c, insn, FpMath.roundToSingle(c, b(c, insn)));
    }

    // ---- select, moves ------------------------------------------------------------------------------------

    /** fsel: FRC when FRA >= 0 (either zero included, NaN excluded), else FRB. FPSCR is unchanged. */
    public static void fsel(final Cpu c, final int insn) {
        check(c);
        final long a = a(c, insn);
        final boolean notNegative = !FpMath.isNaN(a) && (a >= 0 || FpMath.isZero(a));
        c.setFpr(rt(insn), notNegative ? cOperand(c, insn) : b(c, insn));
        recordMove(c, insn);
    }

    private static void recordMove(final Cpu c, final int insn) {
        if (Fields.rc(insn)) {
            Fpscr.setCr1(c);
        }
    }

    public static void fmr(final Cpu c, final int insn) {
        check(c);
        c.setFpr(rt(insn), b(c, insn));
        recordMove(c, insn);
    }

    public static void fneg(final Cpu c, final int insn) {
        check(c);
        c.setFpr(rt(insn), b(c, insn) ^ FpMath.SIGN);
        recordMove(c, insn);
    }

    public static void fabs(final Cpu c, final int insn) {
        check(c);
        c.setFpr(rt(insn), b(c, insn) & ~FpMath.SIGN);
        recordMove(c, insn);
    }

    public static void fnabs(final Cpu c, final int insn) {
        check(c);
        c.setFpr(rt(insn), b(c, insn) | FpMath.SIGN);
        recordMove(c, insn);
    }

    public static void fcpsgn(final Cpu c, final int insn) {
        check(c);
        c.setFpr(rt(insn), (a(c, insn) & FpMath.SIGN) | (b(c, insn) & ~FpMath.SIGN));
        recordMove(c, insn);
    }

    /** fmrgew: the even (high) words of FRA and FRB. */
    public static void fmrgew(final Cpu c, final int insn) {
        check(c);
        c.setFpr(rt(insn), (a(c, insn) & 0xFFFF_FFFF_0000_0000L) | (b(c, insn) >>> 32));
    }

    /** fmrgow: the odd (low) words of FRA and FRB. */
    public static void fmrgow(final Cpu c, final int insn) {
        check(c);
        c.setFpr(rt(insn), (a(c, insn) << 32) | (b(c, insn) & 0xFFFF_FFFFL));
    }

    // ---- conversions and rounding to integer ------------------------------------------------------------

    /** fcfid, fcfidu, fcfids, fcfidus. */
    public static void fcfid(final Cpu c, final int insn, final boolean unsigned) {
        start(c);
        complete(c, insn, FpMath.fromInteger(c, b(c, insn), unsigned, single(insn)));
    }

    /**
     * fctid, fctidz, fctidu, fctiduz, fctiw, fctiwz, fctiwu, fctiwuz. FPRF is undefined after these; jppc leaves
     * it unchanged, or sets the QNaN class after an invalid conversion, as QEMU does. A word result fills
     * FRT[32:63]; FRT[0:31] is undefined and jppc writes the sign extension (signed; 0 for the NaN result
     * 0x8000_0000) or zero (unsigned) there, as QEMU does.
     */
    public static void fcti(final Cpu c, final int insn, final boolean toZero, final boolean unsigned,
                            final boolean word) {
        start(c);
        final int mode = toZero ? Fpscr.ROUND_ZERO : Fpscr.roundingMode(c);
        long result = FpMath.toInteger(c, b(c, insn), mode, unsigned, word);
        if (word && unsigned) {
            result &= 0xFFFF_FFFFL;
        }
        if (Fpscr.merge(c, 0, false, true)) {
            c.setFpr(rt(insn), result);
            if ((c.fpFlags & Fpscr.VXCVI) != 0) {
                // FPRF is undefined after an invalid conversion; jppc gives the QNaN class, as QEMU does.
                c.fpscr = (c.fpscr & ~(long) Fpscr.FPRF) | ((long) Fpscr.CLASS_QNAN << Fpscr.FPRF_SHIFT);
            }
        }
        if (Fields.rc(insn)) {
            Fpscr.setCr1(c);
        }
        Fpscr.finish(c);
    }

    /** frin, friz, frip, frim: round to an integral value; never inexact (Book I 4.6.6.2). */
    public static void fri(final Cpu c, final int insn, final int mode) {
        start(c);
        complete(c, insn, FpMath.roundToIntegral(c, b(c, insn), mode, false));
    }

    // ---- compare and test -------------------------------------------------------------------------------

    /** The FPCC code of a comparison: FL, FG, FE or FU. */
    static int compareCode(final long a, final long b) {
        if (FpMath.isNaN(a) || FpMath.isNaN(b)) {
            return 1;
        }
        final double x = Double.longBitsToDouble(a);
        final double y = Double.longBitsToDouble(b);
        return x < y ? 8 : x > y ? 4 : 2;
    }

    /**
     * fcmpu and fcmpo (and the VSX scalar compares): CR field BF and FPSCR[FPCC] get the relation. An SNaN
     * raises VXSNAN; the ordered compare also raises VXVC for a QNaN, and for an SNaN when VE=0.
     */
    public static void compare(final Cpu c, final int bf, final long a, final long b, final boolean ordered) {
        c.fpFlags = 0;
        final int code = compareCode(a, b);
        if (FpMath.isSignalling(a) || FpMath.isSignalling(b)) {
            c.fpFlags |= Fpscr.VXSNAN;
            if (ordered && (c.fpscr & Fpscr.VE) == 0) {
                c.fpFlags |= Fpscr.VXVC;
            }
        } else if (ordered && code == 1) {
            c.fpFlags |= Fpscr.VXVC;
        }
        Fpscr.merge(c, 0, false, false);
        c.fpscr = (c.fpscr & ~(long) Fpscr.FPCC) | ((long) code << Fpscr.FPRF_SHIFT);
        final int shift = 28 - 4 * bf;
        c.cr = (c.cr & ~(0xF << shift)) | (code << shift);
        Fpscr.finish(c);
    }

    public static void fcmp(final Cpu c, final int insn, final boolean ordered) {
        check(c);
        compare(c, Fields.bf(insn), a(c, insn), b(c, insn), ordered);
    }

    /** The unbiased exponent of a double (denormals and zero: -1023). */
    static int unbiasedExponent(final long bits) {
        return (int) ((bits >>> 52) & 0x7FF) - 1023;
    }

    /** ftdiv: whether FRA / FRB may need software help (Book I 4.6.8): 0b1 || fg || fe || 0. */
    public static int testDivide(final long a, final long b) {
        boolean fe = false;
        boolean fg = false;
        if (FpMath.isInfinite(a) || FpMath.isInfinite(b) || FpMath.isZero(b)) {
            fe = true;
            fg = true;
        } else {
            final int ea = unbiasedExponent(a);
            final int eb = unbiasedExponent(b);
            if (FpMath.isNaN(a) || FpMath.isNaN(b) || eb <= -1022 || eb >= 1021) {
                fe = true;
            } else if (!FpMath.isZero(a) && (ea - eb >= 1023 || ea - eb <= -1021 || ea <= -970)) {
                fe = true;
            }
            if ((b & FpMath.EXPONENT_MASK) == 0) {
                fg = true;
            }
        }
        return 8 | (fg ? 4 : 0) | (fe ? 2 : 0);
    }

    /** ftsqrt: whether the square root of FRB may need software help: 0b1 || fg || fe || 0. */
    public static int testSqrt(final long b) {
        boolean fe = false;
        boolean fg = false;
        if (FpMath.isInfinite(b) || FpMath.isZero(b)) {
            fe = true;
            fg = true;
        } else {
            if (FpMath.isNaN(b) || b < 0 || unbiasedExponent(b) <= -970) {
                fe = true;
            }
            if ((b & FpMath.EXPONENT_MASK) == 0) {
                fg = true;
            }
        }
        return 8 | (fg ? 4 : 0) | (fe ? 2 : 0);
    }

    private static void setCrField(final Cpu c, final int bf, final int code) {
        final int shift = 28 - 4 * bf;
        c.cr = (c.cr & ~(0xF << shift)) | (code << shift);
    }

    public static void ftdiv(final Cpu c, final int insn) {
        check(c);
        setCrField(c, Fields.bf(insn), testDivide(a(c, insn), b(c, insn)));
    }

    public static void ftsqrt(final Cpu c, final int insn) {
        check(c);
        setCrField(c, Fields.bf(insn), testSqrt(b(c, insn)));
    }

    // ---- FPSCR ----------------------------------------------------------------------------------------------

    /** The control fields: DRN, VE, OE, UE, ZE, XE, NI, RN. */
    private static final long CONTROL = Fpscr.DRN | 0xFF;
    /** mffsl: the control fields and FR, FI, FPRF (Book I v3.0 4.6.10). */
    private static final long LIGHTWEIGHT = CONTROL | Fpscr.FR | Fpscr.FI | Fpscr.FPRF;

    /**
     * mffs and the ISA v3.0 variants on the same extended opcode, told apart by bits 11-15: mffsce (1),
     * mffscdrn (20), mffscdrni (21), mffscrn (22), mffscrni (23), mffsl (24).
     */
    public static void mffs(final Cpu c, final int insn) {
        check(c);
        final long fpscr = c.fpscr;
        final int t = rt(insn);
        switch (ra(insn)) {
            case 0 -> c.setFpr(t, fpscr);
            case 1 -> {
                c.setFpr(t, fpscr);
                writeFpscr(c, insn, fpscr & ~(long) (Fpscr.VE | Fpscr.OE | Fpscr.UE | Fpscr.ZE | Fpscr.XE));
            }
            case 20 -> {
                c.setFpr(t, fpscr & CONTROL);
                writeFpscr(c, insn, (fpscr & ~Fpscr.DRN) | (b(c, insn) & Fpscr.DRN));
            }
            case 21 -> {
                c.setFpr(t, fpscr & CONTROL);
                writeFpscr(c, insn, (fpscr & ~Fpscr.DRN) | ((long) ((insn >>> 11) & 7) << 32));
            }
            case 22 -> {
                c.setFpr(t, fpscr & CONTROL);
                writeFpscr(c, insn, (fpscr & ~(long) Fpscr.RN) | (b(c, insn) & Fpscr.RN));
            }
            case 23 -> {
                c.setFpr(t, fpscr & CONTROL);
                writeFpscr(c, insn, (fpscr & ~(long) Fpscr.RN) | ((insn >>> 11) & Fpscr.RN));
            }
            case 24 -> c.setFpr(t, fpscr & LIGHTWEIGHT);
            default -> throw c.illegal(insn);
        }
        recordMove(c, insn);
    }

    private static void writeFpscr(final Cpu c, final int insn, final long value) {
        writeFpscr(c, insn, value, false);
    }

    private static void writeFpscr(final Cpu c, final int insn, final long value, final boolean whenSet) {
        final boolean raise = Fpscr.write(c, value, whenSet);
        recordMove(c, insn);
        if (raise) {
            throw Fpscr.enabledInterrupt(c);
        }
    }

    /**
     * mtfsf FLM,FRB,L,W: the fields selected by FLM (of the upper word when W=1), or the whole register when
     * L=1. FX and OX are taken from FRB like the other bits; FEX and VX are recomputed (Book I 4.6.10).
     */
    public static void mtfsf(final Cpu c, final int insn) {
        check(c);
        final long frb = b(c, insn);
        final boolean whole = (insn & (1 << 25)) != 0;
        final boolean upper = (insn & (1 << 16)) != 0;
        final int flm = (insn >>> 17) & 0xFF;
        long mask = 0;
        if (whole) {
            mask = -1L;
        } else {
            for (int field = 0; field < 8; field++) {
                if ((flm & (0x80 >>> field)) != 0) {
                    mask |= 0xFL << ((upper ? 60 : 28) - 4 * field);
                }
            }
        }
        writeFpscr(c, insn, (c.fpscr & ~mask) | (frb & mask), true);
    }

    /** mtfsfi BF,U,W: one field (of the upper word when W=1) from an immediate. */
    public static void mtfsfi(final Cpu c, final int insn) {
        check(c);
        final int bf = Fields.bf(insn);
        final boolean upper = (insn & (1 << 16)) != 0;
        final int shift = (upper ? 60 : 28) - 4 * bf;
        final long value = (long) ((insn >>> 12) & 0xF) << shift;
        writeFpscr(c, insn, (c.fpscr & ~(0xFL << shift)) | value, true);
    }

    /**
     * mtfsb0, mtfsb1: FPSCR bit 32+BT. FEX and VX cannot be set or cleared this way; setting an exception
     * bit that was 0 also sets FX.
     */
    public static void mtfsb(final Cpu c, final int insn, final boolean set) {
        check(c);
        final long bit = 1L << (31 - rt(insn));
        if (bit == Fpscr.FEX || bit == Fpscr.VX) {
            writeFpscr(c, insn, c.fpscr, set);
            return;
        }
        long value = set ? c.fpscr | bit : c.fpscr & ~bit;
        if (set && (bit & Fpscr.EXCEPTIONS) != 0 && (c.fpscr & bit) == 0) {
            value |= Fpscr.FX;
        }
        writeFpscr(c, insn, value, set);
    }

    /** mcrfs BF,BFA: CR field BF from FPSCR field BFA, whose exception bits are then cleared. */
    public static void mcrfs(final Cpu c, final int insn) {
        check(c);
        final int shift = 28 - 4 * Fields.bfa(insn);
        final long fpscr = c.fpscr;
        setCrField(c, Fields.bf(insn), (int) (fpscr >>> shift) & 0xF);
        final long cleared = (0xFL << shift) & (Fpscr.FX | Fpscr.EXCEPTIONS);
        Fpscr.write(c, fpscr & ~cleared, false);
    }
}
