package dev.jppc.core.exec;

import static dev.jppc.core.exec.VectorInteger.VSCR_NJ;
import static dev.jppc.core.exec.VectorInteger.WORD;
import static dev.jppc.core.exec.VectorInteger.saturated;
import static dev.jppc.core.exec.VectorInteger.setCr6;
import static dev.jppc.core.exec.VectorInteger.va;
import static dev.jppc.core.exec.VectorInteger.vb;
import static dev.jppc.core.exec.VectorInteger.vc;
import static dev.jppc.core.exec.VectorInteger.vd;

import dev.jppc.core.Cpu;

/**
 * Book I 6.10 vector floating point: single precision words, always rounded to nearest (except the explicit
 * rounding and conversion instructions), no exceptions and no status bits other than VSCR[SAT].
 *
 * <p>Non-Java mode (VSCR[NJ] = 1, 6.5): denormal source elements are used as zero of the same sign, and
 * results that are tiny before rounding become zero of the same sign. QEMU 7.2 does the second but not the
 * first (it uses denormal sources as they are); jppc follows the ISA. A NaN source gives that NaN made quiet,
 * the first of VRA, VRB, VRC that is one; an invalid operation gives the default QNaN 0x7FC00000.
 *
 * <p>The estimates (6.10.3) may return any value within the ISA's accuracy. jppc computes vrefp as 1/x and
 * vrsqrtefp as 1/(sqrt x rounded), each rounded, and vlogefp as log2 x rounded: bit for bit what QEMU returns.
 * vexptefp is 2^x rounded; QEMU 7.2 sums a 15-term series of e^(x ln 2) without range reduction, which agrees
 * for |x| below 2 and is far off (even negative or infinite) for large |x|.
 *
 * <p>vctsxs and vctuxs turn a NaN into 0 without setting SAT, as QEMU does.
 */
public final class VectorFloat {

    public static final int ADD = 0;
    public static final int SUB = 1;
    public static final int MAX = 2;
    public static final int MIN = 3;
    public static final int CMP_EQ = 4;
    public static final int CMP_GE = 5;
    public static final int CMP_GT = 6;
    public static final int CMP_BOUNDS = 7;
    public static final int MADD = 8;
    public static final int NMSUB = 9;
    public static final int ROUND_NEAREST = 10;
    public static final int ROUND_ZERO = 11;
    public static final int ROUND_PLUS = 12;
    public static final int ROUND_MINUS = 13;
    public static final int RECIPROCAL = 14;
    public static final int RECIPROCAL_SQRT = 15;
    public static final int EXP2 = 16;
    public static final int LOG2 = 17;

    private static final int SIGN = 0x8000_0000;
    private static final int EXPONENT = 0x7F80_0000;
    private static final int FRACTION = 0x007F_FFFF;
    private static final int QUIET = 0x0040_0000;
    private static final int DEFAULT_NAN = 0x7FC0_0000;

    private VectorFloat() {
    }

    private static boolean isNan(final int x) {
        return (x & EXPONENT) == EXPONENT && (x & FRACTION) != 0;
    }

    private static boolean isDenormal(final int x) {
        return (x & EXPONENT) == 0 && (x & FRACTION) != 0;
    }

    /** A source element as the instruction sees it: denormals are signed zeros in non-Java mode. */
    private static float in(final boolean nonJava, final int x) {
        return Float.intBitsToFloat(nonJava && isDenormal(x) ? x & SIGN : x);
    }

    /**
     * The bits of a result: the default QNaN for an invalid operation, and in non-Java mode a signed zero when
     * the exact result {@code p + q} (two doubles) is tiny, that is below the smallest normal before rounding.
     */
    private static int out(final boolean nonJava, final float r, final double p, final double q) {
        if (Float.isNaN(r)) {
            return DEFAULT_NAN;
        }
        if (nonJava && tiny(p, q)) {
            // A non-zero exact result rounds to a value of its own sign, zero included.
            return Float.floatToRawIntBits(r) & SIGN;
        }
        return Float.floatToRawIntBits(r);
    }

    /**
     * Whether {@code p + q} is non-zero and below the smallest normal single in magnitude, exactly: the double sum
     * may round up onto the boundary, so the rounding error (Knuth's TwoSum) decides then.
     */
    private static boolean tiny(final double p, final double q) {
        final double s = p + q;
        final double magnitude = Math.abs(s);
        if (magnitude < Float.MIN_NORMAL) {
            return s != 0;
        }
        if (magnitude > Float.MIN_NORMAL || Double.isInfinite(p) || Double.isInfinite(q)) {
            return false;
        }
        final double bq = s - p;
        final double error = (p - (s - bq)) + (q - bq);
        return error != 0 && (error < 0) != (s < 0);
    }

    /** Two- and three-operand arithmetic, compares and min/max, element by element. */
    public static void elementwise(final Cpu c, final int insn, final int kind) {
        final int a = va(insn);
        final int b = vb(insn);
        final int s = vc(insn);
        final boolean nonJava = (c.vscr & VSCR_NJ) != 0;
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long bh = c.vrHigh(b);
        final long bl = c.vrLow(b);
        final long ch = c.vrHigh(s);
        final long cl = c.vrLow(s);
        final long hi = (element(nonJava, kind, (int) (ah >>> 32), (int) (bh >>> 32), (int) (ch >>> 32)) & WORD) << 32
            | (element(nonJava, kind, (int) ah, (int) bh, (int) ch) & WORD);
        final long lo = (element(nonJava, kind, (int) (al >>> 32), (int) (bl >>> 32), (int) (cl >>> 32)) & WORD) << 32
            | (element(nonJava, kind, (int) al, (int) bl, (int) cl) & WORD);
        c.setVr(vd(insn), hi, lo);
        if (kind >= CMP_EQ && kind <= CMP_BOUNDS && (insn & 0x400) != 0) {
            if (kind == CMP_BOUNDS) {
                c.cr = (c.cr & ~0xF0) | ((hi == 0 && lo == 0 ? 0b0010 : 0) << 4);
            } else {
                setCr6(c, hi, lo);
            }
        }
    }

    /** Single-operand instructions on VRB's elements (rounding and estimates). */
    public static void unary(final Cpu c, final int insn, final int kind) {
        final int b = vb(insn);
        final boolean nonJava = (c.vscr & VSCR_NJ) != 0;
        final long bh = c.vrHigh(b);
        final long bl = c.vrLow(b);
        final long hi = (element(nonJava, kind, 0, (int) (bh >>> 32), 0) & WORD) << 32
            | (element(nonJava, kind, 0, (int) bh, 0) & WORD);
        final long lo = (element(nonJava, kind, 0, (int) (bl >>> 32), 0) & WORD) << 32
            | (element(nonJava, kind, 0, (int) bl, 0) & WORD);
        c.setVr(vd(insn), hi, lo);
    }

    private static int element(final boolean nonJava, final int kind, final int a, final int b, final int cc) {
        if (kind >= CMP_EQ && kind <= CMP_BOUNDS) {
            return compare(nonJava, kind, a, b);
        }
        if (kind >= ROUND_NEAREST) {
            return isNan(b) ? b | QUIET : single(nonJava, kind, in(nonJava, b));
        }
        if (isNan(a)) {
            return a | QUIET;
        }
        if (isNan(b)) {
            return b | QUIET;
        }
        if ((kind == MADD || kind == NMSUB) && isNan(cc)) {
            return cc | QUIET;
        }
        final float x = in(nonJava, a);
        final float y = in(nonJava, b);
        return switch (kind) {
            case ADD -> out(nonJava, x + y, x, y);
            case SUB -> out(nonJava, x - y, x, -y);
            case MAX -> Float.floatToRawIntBits(x > y || (x == y && (a & SIGN) == 0) ? x : y);
            case MIN -> Float.floatToRawIntBits(x < y || (x == y && (a & SIGN) != 0) ? x : y);
            default -> multiplyAdd(nonJava, kind, x, y, in(nonJava, cc));
        };
    }

    /** vmaddfp: VRA x VRC + VRB; vnmsubfp: -(VRA x VRC - VRB); one rounding (6.10.1). */
    private static int multiplyAdd(final boolean nonJava, final int kind, final float x, final float addend,
                                   final float m) {
        // The product of two singles is exact in double precision.
        final double product = (double) x * m;
        if (kind == MADD) {
            return out(nonJava, Math.fma(x, m, addend), product, addend);
        }
        final float r = Math.fma(x, m, -addend);
        return out(nonJava, Float.isNaN(r) ? r : -r, -product, addend);
    }

    private static int compare(final boolean nonJava, final int kind, final int a, final int b) {
        final float x = in(nonJava, a);
        final float y = in(nonJava, b);
        return switch (kind) {
            case CMP_EQ -> x == y ? -1 : 0;
            case CMP_GE -> x >= y ? -1 : 0;
            case CMP_GT -> x > y ? -1 : 0;
            default -> (x <= y ? 0 : SIGN) | (x >= -y ? 0 : 0x4000_0000);
        };
    }

    private static int single(final boolean nonJava, final int kind, final float x) {
        return switch (kind) {
            case ROUND_NEAREST -> Float.floatToRawIntBits((float) Math.rint(x));
            case ROUND_ZERO -> Float.floatToRawIntBits(x < 0 ? (float) Math.ceil(x) : (float) Math.floor(x));
            case ROUND_PLUS -> Float.floatToRawIntBits((float) Math.ceil(x));
            case ROUND_MINUS -> Float.floatToRawIntBits((float) Math.floor(x));
            case RECIPROCAL -> out(nonJava, 1 / x, 1 / (double) x, 0);
            case RECIPROCAL_SQRT -> reciprocalSqrt(nonJava, x);
            case EXP2 -> out(nonJava, (float) Math.pow(2, x), Math.pow(2, x), 0);
            default -> out(nonJava, (float) log2(x), log2(x), 0);
        };
    }

    private static int reciprocalSqrt(final boolean nonJava, final float x) {
        final float root = (float) Math.sqrt(x);
        return out(nonJava, 1 / root, 1 / (double) root, 0);
    }

    private static double log2(final float x) {
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        final int exponent = Math.getExponent(x);
        if (exponent >= Float.MIN_EXPONENT && x > 0 && x != Float.POSITIVE_INFINITY) {
            // Split off the exponent so that powers of two are exact.
            return exponent + Math.log(x / Math.scalb(1.0, exponent)) / Math.log(2);
        }
        return Math.log(x) / Math.log(2);
    }

    // ---- conversions (6.10.2) -------------------------------------------------------------------------------

    /** vcfux / vcfsx: each (unsigned / signed) word converted and divided by 2^UIM (VRA field). */
    public static void convertFromInteger(final Cpu c, final int insn, final boolean signed) {
        final int b = vb(insn);
        final int scale = -va(insn);
        final long bh = c.vrHigh(b);
        final long bl = c.vrLow(b);
        final long hi = (fromInteger(bh >>> 32, signed, scale) << 32) | fromInteger(bh & WORD, signed, scale);
        final long lo = (fromInteger(bl >>> 32, signed, scale) << 32) | fromInteger(bl & WORD, signed, scale);
        c.setVr(vd(insn), hi, lo);
    }

    private static long fromInteger(final long word, final boolean signed, final int scale) {
        final float f = signed ? (float) (int) word : (float) word;
        return Float.floatToRawIntBits(Math.scalb(f, scale)) & WORD;
    }

    /**
     * vctuxs / vctsxs: each element times 2^UIM, truncated to an (unsigned / signed) word with saturation
     * (SAT). A NaN element converts to 0 without SAT, as QEMU does.
     */
    public static void convertToInteger(final Cpu c, final int insn, final boolean signed) {
        final int b = vb(insn);
        final int scale = va(insn);
        final boolean nonJava = (c.vscr & VSCR_NJ) != 0;
        final long bh = c.vrHigh(b);
        final long bl = c.vrLow(b);
        final long hi = (toInteger(c, nonJava, (int) (bh >>> 32), signed, scale) << 32)
            | toInteger(c, nonJava, (int) bh, signed, scale);
        final long lo = (toInteger(c, nonJava, (int) (bl >>> 32), signed, scale) << 32)
            | toInteger(c, nonJava, (int) bl, signed, scale);
        c.setVr(vd(insn), hi, lo);
    }

    private static long toInteger(final Cpu c, final boolean nonJava, final int bits, final boolean signed,
                                  final int scale) {
        if (isNan(bits)) {
            return 0;
        }
        final long v = (long) Math.scalb((double) in(nonJava, bits), scale);
        final long min = signed ? Integer.MIN_VALUE : 0;
        final long max = signed ? Integer.MAX_VALUE : WORD;
        if (v < min) {
            saturated(c);
            return min & WORD;
        }
        if (v > max) {
            saturated(c);
            return max & WORD;
        }
        return v & WORD;
    }
}
