package dev.jppc.core.exec;

import java.math.BigInteger;

import dev.jppc.core.Cpu;

/**
 * The IEEE arithmetic of Book I chapter 4 on raw double bits: every operation rounds once, in the FPSCR's
 * rounding mode, to double or single precision, and reports its exceptions in {@link Cpu#fpFlags} (FPSCR
 * masks, see {@link Fpscr}) without touching FPSCR itself.
 *
 * <p>Two paths. The fast path runs in round-to-nearest with results well inside the normal range: Java's
 * double arithmetic rounds exactly as the ISA does there, and an error-free transformation (TwoSum,
 * {@link Math#fma} for products, quotients and roots) gives the sign of the rounding error, hence FI and FR,
 * and lets a double result be rounded once more to single precision correctly. Everything else (directed
 * rounding, results that may overflow or be tiny, exponent-adjusted results of enabled overflow and
 * underflow, multiply-add) takes the slow path: the exact result as a {@link BigInteger} significand and a
 * power of two, rounded by {@link #round}. The slow path allocates; guests rarely take it.
 *
 * <p>Tininess is detected before rounding, as on POWER (Book I 4.4.4). With UE=0 the underflow exception is
 * raised when the result is tiny and inexact; with UE=1 whenever it is tiny, and the result is the exact one
 * multiplied by 2^1536 (2^192 for single precision) and rounded. With OE=1 an overflowing result is divided
 * by the same factor (Book I 4.4.3). FPSCR[NI] does not change results: the ISA leaves non-IEEE mode results
 * implementation dependent, and jppc gives the IEEE ones.
 */
public final class FpMath {

    public static final long SIGN = Long.MIN_VALUE;
    public static final long EXPONENT_MASK = 0x7FF0_0000_0000_0000L;
    public static final long FRACTION_MASK = 0x000F_FFFF_FFFF_FFFFL;
    public static final long QUIET_BIT = 1L << 51;
    public static final long MIN_NORMAL_BITS = 0x0010_0000_0000_0000L;
    /** The QNaN an invalid operation produces when no operand is a NaN. */
    public static final long DEFAULT_NAN = 0x7FF8_0000_0000_0000L;
    public static final long INFINITY = 0x7FF0_0000_0000_0000L;
    public static final long ONE = 0x3FF0_0000_0000_0000L;
    private static final long MAX_DOUBLE = 0x7FEF_FFFF_FFFF_FFFFL;
    /** The largest single-precision value in double format. */
    private static final long MAX_SINGLE = 0x47EF_FFFF_E000_0000L;
    /** Low bits of a double below single precision (for values in the single normal range). */
    private static final long BELOW_SINGLE = (1L << 29) - 1;

    /** Returned by a fast path that cannot decide: an SNaN no operation ever produces. */
    private static final long SLOW = 0x7FF0_0000_0000_0BADL;
    /** Fast-path bounds: products, quotients and roots whose error terms are exact in between. */
    private static final double SAFE_MIN = 0x1p-900;
    private static final double SAFE_MAX = 0x1p900;

    private FpMath() {
    }

    // ---- classification ---------------------------------------------------------------------------------

    public static boolean isNaN(final long bits) {
        return (bits & Long.MAX_VALUE) > EXPONENT_MASK;
    }

    public static boolean isSignalling(final long bits) {
        return isNaN(bits) && (bits & QUIET_BIT) == 0;
    }

    public static boolean isInfinite(final long bits) {
        return (bits & Long.MAX_VALUE) == EXPONENT_MASK;
    }

    public static boolean isZero(final long bits) {
        return (bits & Long.MAX_VALUE) == 0;
    }

    /** NaN or infinity. */
    private static boolean isSpecial(final long bits) {
        return (bits & EXPONENT_MASK) == EXPONENT_MASK;
    }

    private static double d(final long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long bits(final double value) {
        return Double.doubleToRawLongBits(value);
    }

    /** A single-precision result in double format keeps only the fraction bits single precision has. */
    public static long toSinglePrecisionNaN(final long nan) {
        return nan & ~BELOW_SINGLE;
    }

    /** The NaN result for NaN operands (first NaN of a, b, c quieted); flags VXSNAN for a signalling one. */
    private static long propagate(final Cpu c, final long a, final long b, final long cc) {
        if (isSignalling(a) || isSignalling(b) || isSignalling(cc)) {
            c.fpFlags |= Fpscr.VXSNAN;
        }
        final long nan = isNaN(a) ? a : isNaN(b) ? b : cc;
        return nan | QUIET_BIT;
    }

    private static long invalid(final Cpu c, final int flag) {
        c.fpFlags |= flag;
        return DEFAULT_NAN;
    }

    private static long narrowNaN(final long nan, final boolean single) {
        return single ? toSinglePrecisionNaN(nan) : nan;
    }

    // ---- operations -------------------------------------------------------------------------------------

    /** a + b (fadd, fadds, xsadddp, ...). fsub passes b with its sign flipped unless b is a NaN. */
    public static long add(final Cpu c, final long a, final long b, final boolean single) {
        if (isSpecial(a) || isSpecial(b)) {
            if (isNaN(a) || isNaN(b)) {
                return narrowNaN(propagate(c, a, b, 0), single);
            }
            if (isInfinite(a) && isInfinite(b) && (a ^ b) < 0) {
                return invalid(c, Fpscr.VXISI);
            }
            return isInfinite(a) ? a : b;
        }
        if (Fpscr.roundingMode(c) == Fpscr.ROUND_NEAREST) {
            final double x = d(a);
            final double y = d(b);
            final double r = x + y;
            if (Math.abs(r) > Double.MIN_NORMAL && Math.abs(r) <= Double.MAX_VALUE) {
                final double yv = r - x;
                final double err = (x - (r - yv)) + (y - yv);
                final long result = nearest(c, r, Double.compare(err, 0.0), single);
                if (result != SLOW) {
                    return result;
                }
                c.fpFlags &= ~(Fpscr.FI | Fpscr.FR);
            }
        }
        return sum(c, a >>> 63 == 1, significand(a), exponent(a), b >>> 63 == 1, significand(b), exponent(b),
            single);
    }

    /** b with its sign flipped unless it is a NaN: the subtrahend of fsub and the addend of fmsub. */
    public static long negateOperand(final long b) {
        return isNaN(b) ? b : b ^ SIGN;
    }

    /** a * b. */
    public static long multiply(final Cpu c, final long a, final long b, final boolean single) {
        if (isSpecial(a) || isSpecial(b)) {
            if (isNaN(a) || isNaN(b)) {
                return narrowNaN(propagate(c, a, b, 0), single);
            }
            if (isZero(a) || isZero(b)) {
                return invalid(c, Fpscr.VXIMZ);
            }
            return INFINITY | ((a ^ b) & SIGN);
        }
        if (Fpscr.roundingMode(c) == Fpscr.ROUND_NEAREST) {
            final double x = d(a);
            final double y = d(b);
            final double r = x * y;
            final double abs = Math.abs(r);
            if (abs > SAFE_MIN && abs < SAFE_MAX) {
                final long result = nearest(c, r, Double.compare(Math.fma(x, y, -r), 0.0), single);
                if (result != SLOW) {
                    return result;
                }
                c.fpFlags &= ~(Fpscr.FI | Fpscr.FR);
            }
        }
        final boolean negative = (a ^ b) < 0;
        final BigInteger product = significand(a).multiply(significand(b));
        if (product.signum() == 0) {
            return negative ? SIGN : 0;
        }
        return round(c, negative, product, exponent(a) + exponent(b), single);
    }

    /** a / b. */
    public static long divide(final Cpu c, final long a, final long b, final boolean single) {
        final long sign = (a ^ b) & SIGN;
        if (isSpecial(a) || isSpecial(b)) {
            if (isNaN(a) || isNaN(b)) {
                return narrowNaN(propagate(c, a, b, 0), single);
            }
            if (isInfinite(a) && isInfinite(b)) {
                return invalid(c, Fpscr.VXIDI);
            }
            return isInfinite(a) ? INFINITY | sign : sign;
        }
        if (isZero(b)) {
            if (isZero(a)) {
                return invalid(c, Fpscr.VXZDZ);
            }
            c.fpFlags |= Fpscr.ZX;
            return INFINITY | sign;
        }
        if (isZero(a)) {
            return sign;
        }
        if (Fpscr.roundingMode(c) == Fpscr.ROUND_NEAREST) {
            final double x = d(a);
            final double y = d(b);
            final double q = x / y;
            if (inSafeRange(x) && inSafeRange(y) && inSafeRange(q)) {
                // x - q*y is exact here; the true quotient lies beyond q on the side of its sign times y's.
                final int tail = Double.compare(Math.fma(-q, y, x), 0.0) * (y < 0 ? -1 : 1);
                final long result = nearest(c, q, tail, single);
                if (result != SLOW) {
                    return result;
                }
                c.fpFlags &= ~(Fpscr.FI | Fpscr.FR);
            }
        }
        final BigInteger ma = significand(a);
        final BigInteger mb = significand(b);
        final int k = Math.max(0, 60 + mb.bitLength() - ma.bitLength());
        final BigInteger[] qr = ma.shiftLeft(k).divideAndRemainder(mb);
        final BigInteger mag = qr[0].shiftLeft(1).add(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
        return round(c, sign != 0, mag, exponent(a) - exponent(b) - k - 1, single);
    }

    private static boolean inSafeRange(final double x) {
        final double abs = Math.abs(x);
        return abs > SAFE_MIN && abs < SAFE_MAX;
    }

    /** The square root of b. */
    public static long sqrt(final Cpu c, final long b, final boolean single) {
        if (isNaN(b)) {
            return narrowNaN(propagate(c, b, 0, 0), single);
        }
        if (isZero(b)) {
            return b;
        }
        if (b < 0) {
            return invalid(c, Fpscr.VXSQRT);
        }
        if (isInfinite(b)) {
            return b;
        }
        if (Fpscr.roundingMode(c) == Fpscr.ROUND_NEAREST) {
            final double x = d(b);
            if (x > SAFE_MIN) {
                final double r = Math.sqrt(x);
                final long result = nearest(c, r, Double.compare(Math.fma(-r, r, x), 0.0), single);
                if (result != SLOW) {
                    return result;
                }
                c.fpFlags &= ~(Fpscr.FI | Fpscr.FR);
            }
        }
        BigInteger m = significand(b);
        int e = exponent(b);
        if ((e & 1) != 0) {
            m = m.shiftLeft(1);
            e -= 1;
        }
        final int k = Math.max(0, (130 - m.bitLength()) / 2 + 1);
        final BigInteger s = m.shiftLeft(2 * k);
        final BigInteger root = s.sqrt();
        final BigInteger mag = root.shiftLeft(1).add(root.multiply(root).equals(s) ? BigInteger.ZERO
            : BigInteger.ONE);
        return round(c, false, mag, e / 2 - k - 1, single);
    }

    /**
     * a * cc + b, rounded once (fmadd; fmsub passes {@link #negateOperand}(b)). NaN operands propagate in the
     * order a, b, cc (Book I 4.3.2: FRA, FRB, FRC).
     */
    public static long multiplyAdd(final Cpu c, final long a, final long cc, final long b, final boolean single) {
        if (isSpecial(a) || isSpecial(b) || isSpecial(cc)) {
            if (isNaN(a) || isNaN(b) || isNaN(cc)) {
                final boolean productInvalid = !isNaN(a) && !isNaN(cc)
                    && (isInfinite(a) && isZero(cc) || isZero(a) && isInfinite(cc));
                if (productInvalid) {
                    c.fpFlags |= Fpscr.VXIMZ;
                }
                return narrowNaN(propagate(c, a, b, cc), single);
            }
            final boolean productInfinite = isInfinite(a) || isInfinite(cc);
            if (productInfinite && (isZero(a) || isZero(cc))) {
                return invalid(c, Fpscr.VXIMZ);
            }
            final long productSign = (a ^ cc) & SIGN;
            if (productInfinite) {
                if (isInfinite(b) && (b & SIGN) != productSign) {
                    return invalid(c, Fpscr.VXISI);
                }
                return INFINITY | productSign;
            }
            return b;
        }
        if (Fpscr.roundingMode(c) == Fpscr.ROUND_NEAREST) {
            final long result = multiplyAddNearest(c, d(a), d(cc), d(b), single);
            if (result != SLOW) {
                return result;
            }
            c.fpFlags &= ~(Fpscr.FI | Fpscr.FR);
        }
        return multiplyAddExact(c, a, cc, b, single);
    }

    /** The finite a * cc + b through the exact sum (any rounding mode, any range). */
    static long multiplyAddExact(final Cpu c, final long a, final long cc, final long b, final boolean single) {
        final boolean productNegative = (a ^ cc) < 0;
        return sum(c, productNegative, significand(a).multiply(significand(cc)), exponent(a) + exponent(cc),
            b < 0, significand(b), exponent(b), single);
    }

    /**
     * Round-to-nearest a * x + b without allocating: {@link Math#fma} rounds once, and the error-free
     * transformation ErrFma (Boldo and Muller, "Exact and approximated error of the FMA", IEEE Trans. Computers
     * 60(2), 2011) writes the exact error as r2 + r3 with |r3| at most half an ulp of r2, so the error's sign
     * is r2's (r2 = RN(gamma + alpha2) is zero only when that sum is, and then r3 is zero too). That holds
     * when no step overflows or underflows, which the range checks ensure; otherwise (and for a
     * single-precision result on a tie) this returns {@link #SLOW}.
     */
    static long multiplyAddNearest(final Cpu c, final double a, final double x, final double b,
                                   final boolean single) {
        final double r1 = Math.fma(a, x, b);
        final double u1 = a * x;
        if (!inSafeRange(r1) || !inSafeRange(u1) || (b != 0 && !inSafeRange(b))) {
            return SLOW;
        }
        final double u2 = Math.fma(a, x, -u1);
        final double alpha1 = b + u2;
        final double alpha2 = twoSumError(b, u2, alpha1);
        final double beta1 = u1 + alpha1;
        final double beta2 = twoSumError(u1, alpha1, beta1);
        final double gamma = (beta1 - r1) + beta2;
        final double r2 = gamma + alpha2;
        return nearest(c, r1, (int) Math.signum(r2), single);
    }

    /** The rounding error of {@code sum = x + y} (Knuth's TwoSum: exact for any two finite doubles). */
    private static double twoSumError(final double x, final double y, final double sum) {
        final double yv = sum - x;
        final double xv = sum - yv;
        return (x - xv) + (y - yv);
    }

    /** The exact sum of two signed terms m * 2^e, rounded. */
    private static long sum(final Cpu c, final boolean negativeA, final BigInteger ma, final int ea,
                            final boolean negativeB, final BigInteger mb, final int eb, final boolean single) {
        final int e = Math.min(ea, eb);
        final BigInteger x = ma.shiftLeft(ea - e);
        final BigInteger y = mb.shiftLeft(eb - e);
        final BigInteger total = (negativeA ? x.negate() : x).add(negativeB ? y.negate() : y);
        if (total.signum() == 0) {
            // An exact zero sum is +0, or -0 when rounding toward -infinity; two zeros of one sign keep it.
            final boolean negative = negativeA == negativeB ? negativeA
                : Fpscr.roundingMode(c) == Fpscr.ROUND_DOWN;
            return negative ? SIGN : 0;
        }
        return round(c, total.signum() < 0, total.abs(), e, single);
    }

    /** Rounds a finite double to single precision (frsp, xsrsp, fadds' last step, ...). */
    public static long roundToSingle(final Cpu c, final long b) {
        if (isSpecial(b)) {
            if (isNaN(b)) {
                return toSinglePrecisionNaN(propagate(c, b, 0, 0));
            }
            return b;
        }
        if (isZero(b)) {
            return b;
        }
        if (Fpscr.roundingMode(c) == Fpscr.ROUND_NEAREST) {
            final long result = nearest(c, d(b), 0, true);
            if (result != SLOW) {
                return result;
            }
            c.fpFlags &= ~(Fpscr.FI | Fpscr.FR);
        }
        return round(c, b < 0, significand(b), exponent(b), true);
    }

    /** A signed or unsigned 64-bit integer converted to floating point (fcfid family, xscvsxddp, ...). */
    public static long fromInteger(final Cpu c, final long value, final boolean unsigned, final boolean single) {
        final long limit = 1L << (single ? 24 : 53);
        if (unsigned ? Long.compareUnsigned(value, limit) <= 0 : value >= -limit && value <= limit) {
            return bits((double) value);
        }
        final boolean negative = !unsigned && value < 0;
        BigInteger mag = BigInteger.valueOf(value);
        if (unsigned && value < 0) {
            mag = mag.add(BigInteger.ONE.shiftLeft(64));
        }
        return round(c, negative, mag.abs(), 0, single);
    }

    /** Rounding of {@link #roundToIntegral} and {@link #toInteger}: the RN field values plus this one. */
    public static final int ROUND_NEAREST_AWAY = 4;

    private static double integral(final double x, final int mode) {
        return switch (mode) {
            case Fpscr.ROUND_NEAREST -> Math.rint(x);
            case Fpscr.ROUND_ZERO -> x < 0 ? Math.ceil(x) : Math.floor(x);
            case Fpscr.ROUND_UP -> Math.ceil(x);
            case Fpscr.ROUND_DOWN -> Math.floor(x);
            default -> {
                final double whole = Math.floor(Math.abs(x));
                yield Math.copySign(Math.abs(x) - whole >= 0.5 ? whole + 1 : whole, x);
            }
        };
    }

    /**
     * b rounded to an integral value in double format (fri*, xsrdpi*). These do not report inexact
     * (Book I 4.6.6.2); xsrdpic does, through {@code reportInexact}.
     */
    public static long roundToIntegral(final Cpu c, final long b, final int mode, final boolean reportInexact) {
        if (isNaN(b)) {
            return propagate(c, b, 0, 0);
        }
        if (isSpecial(b) || isZero(b)) {
            return b;
        }
        final double x = d(b);
        final double r = integral(x, mode);
        if (reportInexact && r != x) {
            c.fpFlags |= Fpscr.FI | Fpscr.XX;
            if (Math.abs(r) > Math.abs(x)) {
                c.fpFlags |= Fpscr.FR;
            }
        }
        return bits(r);
    }

    /**
     * b converted to a 64-bit ({@code word} false) or 32-bit integer, signed or unsigned, rounded by
     * {@code mode} (fcti*, xscvdp*x*s). NaNs and out-of-range values raise VXCVI and give the saturated value
     * (the most negative one for a signed NaN conversion, 0 for an unsigned one). A 32-bit result is returned
     * in the low word, sign extended when signed.
     */
    public static long toInteger(final Cpu c, final long b, final int mode, final boolean unsigned,
                                 final boolean word) {
        final long min = unsigned ? 0 : word ? Integer.MIN_VALUE : Long.MIN_VALUE;
        final long max = unsigned ? (word ? 0xFFFF_FFFFL : -1L) : word ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (isNaN(b)) {
            c.fpFlags |= Fpscr.VXCVI | (isSignalling(b) ? Fpscr.VXSNAN : 0);
            // The NaN result of a signed word conversion is 0x8000_0000 with FRT[0:31] zero (QEMU, POWER8).
            return word ? min & 0xFFFF_FFFFL : min;
        }
        final double x = d(b);
        final double r = integral(x, mode);
        final double upper = unsigned ? (word ? 0x1p32 : 0x1p64) : (word ? 0x1p31 : 0x1p63);
        final double lower = unsigned ? 0 : -upper;
        if (r >= upper || r < lower) {
            c.fpFlags |= Fpscr.VXCVI;
            return r > 0 ? max : min;
        }
        if (r != x) {
            c.fpFlags |= Fpscr.FI | Fpscr.XX;
            if (Math.abs(r) > Math.abs(x)) {
                c.fpFlags |= Fpscr.FR;
            }
        }
        if (r >= 0x1p63) {
            return (long) (r - 0x1p63) | Long.MIN_VALUE;
        }
        return (long) r;
    }

    // ---- rounding ---------------------------------------------------------------------------------------

    /**
     * Finishes a round-to-nearest fast path: r is the double nearest the exact result and {@code tail} the
     * sign of (exact - r). Sets FI and FR. Returns {@link #SLOW} when the result needs the slow path.
     */
    private static long nearest(final Cpu c, final double r, final int tail, final boolean single) {
        if (!single) {
            if (tail != 0) {
                c.fpFlags |= Fpscr.FI | Fpscr.XX;
                if ((r > 0) == (tail < 0)) {
                    c.fpFlags |= Fpscr.FR;
                }
            }
            return bits(r);
        }
        final double abs = Math.abs(r);
        if (abs <= Float.MIN_NORMAL || abs >= Float.MAX_VALUE) {
            return SLOW;
        }
        final double f = (float) r;
        final boolean exactInDouble = f == r;
        if (tail != 0 && !exactInDouble && (bits(r) & BELOW_SINGLE) == 1L << 28) {
            return SLOW;
        }
        final int direction = exactInDouble ? tail : Double.compare(f, r);
        if (!exactInDouble || tail != 0) {
            c.fpFlags |= Fpscr.FI | Fpscr.XX;
            // exactInDouble: f = r and the exact value lies beyond r by tail; otherwise f lies beyond r, and
            // the exact value is on r's side of f.
            final int away = exactInDouble ? -tail : direction;
            if ((r > 0) == (away > 0)) {
                c.fpFlags |= Fpscr.FR;
            }
        }
        return bits(f);
    }

    /** The significand of a finite double as a non-negative integer. */
    static BigInteger significand(final long bits) {
        final long fraction = bits & FRACTION_MASK;
        return BigInteger.valueOf((bits & EXPONENT_MASK) == 0 ? fraction : fraction | (1L << 52));
    }

    /** The power of two that scales {@link #significand} to the value. */
    static int exponent(final long bits) {
        final int biased = (int) ((bits & EXPONENT_MASK) >>> 52);
        return (biased == 0 ? 1 : biased) - 1075;
    }

    /**
     * Rounds the exact value (-1)^negative * mag * 2^exp (mag > 0; a caller whose value is not exact appends
     * a sticky 1 below at least three more bits than the target precision) to double or single precision
     * under the FPSCR rounding mode, with the overflow and underflow actions of Book I 4.4.3 and 4.4.4.
     */
    static long round(final Cpu c, final boolean negative, final BigInteger mag, final int exp,
                      final boolean single) {
        final int precision = single ? 24 : 53;
        final int emin = single ? -126 : -1022;
        final int emax = single ? 127 : 1023;
        final int adjust = single ? 192 : 1536;
        final long fpscr = c.fpscr;
        int e = exp;
        final int leading = e + mag.bitLength() - 1;
        final boolean tiny = leading < emin;
        if (tiny && (fpscr & Fpscr.UE) != 0) {
            c.fpFlags |= Fpscr.UX;
            e += adjust;
        }
        final boolean denormal = tiny && (fpscr & Fpscr.UE) == 0;
        final int shift = denormal ? (emin - precision + 1) - e : mag.bitLength() - precision;
        long q;
        int resultExp = e;
        boolean inexact = false;
        if (shift > 0) {
            final BigInteger kept = mag.shiftRight(shift);
            q = kept.longValueExact();
            final BigInteger rest = mag.subtract(kept.shiftLeft(shift));
            if (rest.signum() != 0) {
                inexact = true;
                c.fpFlags |= Fpscr.FI | Fpscr.XX;
                if (roundsUp(c, negative, q, rest.compareTo(BigInteger.ONE.shiftLeft(shift - 1)))) {
                    q++;
                    c.fpFlags |= Fpscr.FR;
                }
            }
            resultExp += shift;
        } else {
            q = mag.longValueExact() << -shift;
            resultExp += shift;
        }
        if (q == 1L << precision) {
            q >>>= 1;
            resultExp++;
        }
        if (denormal && inexact) {
            c.fpFlags |= Fpscr.UX;
        }
        final int resultLeading = resultExp + 63 - Long.numberOfLeadingZeros(q);
        if (resultLeading > emax) {
            c.fpFlags |= Fpscr.OX;
            if ((fpscr & Fpscr.OE) != 0) {
                resultExp -= adjust;
            } else {
                return overflowed(c, negative, single);
            }
        }
        final long magnitude = bits(Math.scalb((double) q, resultExp));
        return negative ? magnitude | SIGN : magnitude;
    }

    /** Whether a discarded nonzero remainder (compared with half an ulp: {@code half}) rounds q up. */
    private static boolean roundsUp(final Cpu c, final boolean negative, final long q, final int half) {
        return switch (Fpscr.roundingMode(c)) {
            case Fpscr.ROUND_NEAREST -> half > 0 || (half == 0 && (q & 1) != 0);
            case Fpscr.ROUND_ZERO -> false;
            case Fpscr.ROUND_UP -> !negative;
            default -> negative;
        };
    }

    /** The disabled-overflow result: infinity or the largest finite number, per rounding mode and sign. */
    private static long overflowed(final Cpu c, final boolean negative, final boolean single) {
        c.fpFlags |= Fpscr.XX | Fpscr.FI;
        final int mode = Fpscr.roundingMode(c);
        final boolean toInfinity = mode == Fpscr.ROUND_NEAREST || (mode == Fpscr.ROUND_UP && !negative)
            || (mode == Fpscr.ROUND_DOWN && negative);
        final long magnitude = toInfinity ? INFINITY : single ? MAX_SINGLE : MAX_DOUBLE;
        if (toInfinity) {
            c.fpFlags |= Fpscr.FR;
        } else {
            c.fpFlags &= ~Fpscr.FR;
        }
        return negative ? magnitude | SIGN : magnitude;
    }
}
