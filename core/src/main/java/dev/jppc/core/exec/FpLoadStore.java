package dev.jppc.core.exec;

import static dev.jppc.core.decode.Fields.ra;
import static dev.jppc.core.decode.Fields.rb;
import static dev.jppc.core.decode.Fields.rt;

import java.nio.ByteOrder;

import dev.jppc.core.Cpu;
import dev.jppc.core.decode.Fields;

/**
 * Book I 4.6.2-4.6.3 floating-point loads and stores, with the single-precision load and store conversions
 * of Book I 4.6.1 (no rounding, no exceptions; SNaNs stay signalling). Update forms with RA=0 are invalid
 * forms and raise the illegal-instruction interrupt.
 */
public final class FpLoadStore {

    private FpLoadStore() {
    }

    private static long ea(final Cpu c, final int insn, final boolean indexed, final boolean update) {
        if (update && ra(insn) == 0) {
            throw c.illegal(insn);
        }
        final long offset = indexed ? c.gpr[rb(insn)] : Fields.si(insn);
        return (FixedPoint.raOrZero(c, insn) + offset) & c.eaMask;
    }

    private static void updateBase(final Cpu c, final int insn, final boolean update, final long ea) {
        if (update) {
            c.gpr[ra(insn)] = ea;
        }
    }

    /** lfs, lfsu, lfsx, lfsux. */
    public static void loadSingle(final Cpu c, final int insn, final boolean indexed, final boolean update) {
        FloatingPoint.check(c);
        final long ea = ea(c, insn, indexed, update);
        c.setFpr(rt(insn), singleToDouble((int) c.load32(ea)));
        updateBase(c, insn, update, ea);
    }

    /** lfd, lfdu, lfdx, lfdux. */
    public static void loadDouble(final Cpu c, final int insn, final boolean indexed, final boolean update) {
        FloatingPoint.check(c);
        final long ea = ea(c, insn, indexed, update);
        c.setFpr(rt(insn), c.load64(ea));
        updateBase(c, insn, update, ea);
    }

    /** stfs, stfsu, stfsx, stfsux. */
    public static void storeSingle(final Cpu c, final int insn, final boolean indexed, final boolean update) {
        FloatingPoint.check(c);
        final long ea = ea(c, insn, indexed, update);
        c.store32(ea, doubleToSingle(c.fpr(rt(insn))));
        updateBase(c, insn, update, ea);
    }

    /** stfd, stfdu, stfdx, stfdux. */
    public static void storeDouble(final Cpu c, final int insn, final boolean indexed, final boolean update) {
        FloatingPoint.check(c);
        final long ea = ea(c, insn, indexed, update);
        c.store64(ea, c.fpr(rt(insn)));
        updateBase(c, insn, update, ea);
    }

    /** lfiwax (sign extended) and lfiwzx (zero extended): a word into FRT as an integer. */
    public static void loadIntegerWord(final Cpu c, final int insn, final boolean signed) {
        FloatingPoint.check(c);
        final long word = c.load32(ea(c, insn, true, false));
        c.setFpr(rt(insn), signed ? (int) word : word & 0xFFFF_FFFFL);
    }

    /** stfiwx: the low word of FRS. */
    public static void stfiwx(final Cpu c, final int insn) {
        FloatingPoint.check(c);
        c.store32(ea(c, insn, true, false), c.fpr(rt(insn)));
    }

    /**
     * lfdp, lfdpx: an even-odd FPR pair from a quadword. In little-endian mode the doubleword at the lower
     * address goes to the odd register, as for lq (the quadword is byte-reversed as a whole). An odd FRTp is
     * an invalid form.
     */
    public static void loadPair(final Cpu c, final int insn, final boolean indexed) {
        FloatingPoint.check(c);
        final int t = rt(insn);
        if ((t & 1) != 0) {
            throw c.illegal(insn);
        }
        final long ea = indexed ? ea(c, insn, true, false)
            : (FixedPoint.raOrZero(c, insn) + Fields.ds(insn)) & c.eaMask;
        final long first = c.load64(ea);
        final long second = c.load64((ea + 8) & c.eaMask);
        final boolean little = c.order == ByteOrder.LITTLE_ENDIAN;
        c.setFpr(t, little ? second : first);
        c.setFpr(t + 1, little ? first : second);
    }

    /** stfdp, stfdpx: the even-odd pair FRSp into a quadword (see {@link #loadPair}). */
    public static void storePair(final Cpu c, final int insn, final boolean indexed) {
        FloatingPoint.check(c);
        final int s = rt(insn);
        if ((s & 1) != 0) {
            throw c.illegal(insn);
        }
        final long ea = indexed ? ea(c, insn, true, false)
            : (FixedPoint.raOrZero(c, insn) + Fields.ds(insn)) & c.eaMask;
        final boolean little = c.order == ByteOrder.LITTLE_ENDIAN;
        // Translate the second half first so that a fault leaves storage untouched.
        c.realAddress((ea + 8) & c.eaMask, Cpu.STORE);
        c.store64(ea, little ? c.fpr(s + 1) : c.fpr(s));
        c.store64((ea + 8) & c.eaMask, little ? c.fpr(s) : c.fpr(s + 1));
    }

    /**
     * The single-precision load conversion (Book I 4.6.1): exact, denormals normalised, infinities and NaNs
     * (signalling ones too) keep their fraction.
     */
    public static long singleToDouble(final int word) {
        final long sign = (long) (word >>> 31) << 63;
        final int exponent = (word >>> 23) & 0xFF;
        final long fraction = word & 0x7F_FFFFL;
        if (exponent == 0xFF) {
            return sign | FpMath.EXPONENT_MASK | (fraction << 29);
        }
        if (exponent == 0) {
            if (fraction == 0) {
                return sign;
            }
            return sign | Double.doubleToRawLongBits(Math.scalb((double) fraction, -149));
        }
        return sign | ((long) (exponent - 127 + 1023) << 52) | (fraction << 29);
    }

    /**
     * The single-precision store conversion (Book I 4.6.1): no rounding. Values in the single normal range,
     * infinities and NaNs keep their top fraction bits; values in the single denormal range are denormalised
     * by truncation; smaller ones (undefined by the ISA) store a zero of their sign, as POWER8 and QEMU do.
     */
    public static int doubleToSingle(final long bits) {
        final int exponent = (int) ((bits >>> 52) & 0x7FF);
        if (exponent > 896 || (bits & Long.MAX_VALUE) == 0) {
            return (int) ((bits >>> 62) << 30) | (int) ((bits >>> 29) & 0x3FFF_FFFF);
        }
        int word = (int) (bits >>> 63) << 31;
        if (exponent >= 874) {
            final long significand = (1L << 52) | (bits & FpMath.FRACTION_MASK);
            word |= (int) (significand >>> (896 + 30 - exponent));
        }
        return word;
    }
}
