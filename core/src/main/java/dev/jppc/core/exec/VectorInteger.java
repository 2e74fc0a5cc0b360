package dev.jppc.core.exec;

import dev.jppc.core.Cpu;

/**
 * Book I 6.9 vector integer instructions: add and subtract (modulo, saturating, carry, quadword), multiply,
 * multiply-add and multiply-sum, sum across, average, maximum and minimum, compare, logical, element shifts
 * and rotates, and the v2.07 count instructions (6.12).
 *
 * <p>A vector register is two longs, doubleword 0 (elements 0.. in the ISA's numbering, most significant
 * first) and doubleword 1. Element-wise instructions run one loop over each doubleword, with the operation
 * chosen by a {@code kind} constant: no arrays, no allocation. A saturating instruction that clamps any element
 * sets VSCR[SAT] (6.5); it never clears it.
 */
public final class VectorInteger {

    // Element operations of lanes(): each a pure function of two elements of one width.
    public static final int ADD = 0;
    public static final int SUB = 1;
    public static final int ADD_US = 2;
    public static final int ADD_SS = 3;
    public static final int SUB_US = 4;
    public static final int SUB_SS = 5;
    public static final int ADD_CARRY = 6;
    public static final int SUB_CARRY = 7;
    public static final int AVG_U = 8;
    public static final int AVG_S = 9;
    public static final int MAX_U = 10;
    public static final int MAX_S = 11;
    public static final int MIN_U = 12;
    public static final int MIN_S = 13;
    public static final int CMP_EQ = 14;
    public static final int CMP_NE = 15;
    public static final int CMP_GTU = 16;
    public static final int CMP_GTS = 17;
    public static final int ROTATE = 18;
    public static final int SHIFT_LEFT = 19;
    public static final int SHIFT_RIGHT = 20;
    public static final int SHIFT_RIGHT_ALGEBRAIC = 21;
    public static final int MULTIPLY = 22;
    public static final int COUNT_LEADING_ZEROS = 23;
    public static final int POPULATION_COUNT = 24;

    // Three-input halfword operations of lanes3().
    public static final int MH_ADD = 0;
    public static final int MHR_ADD = 1;
    public static final int ML_ADD = 2;

    // Word operations of the multiply-sum and sum-across family (sumWord()).
    public static final int MSUM_UBM = 0;
    public static final int MSUM_MBM = 1;
    public static final int MSUM_UHM = 2;
    public static final int MSUM_UHS = 3;
    public static final int MSUM_SHM = 4;
    public static final int MSUM_SHS = 5;
    public static final int SUM4_UBS = 6;
    public static final int SUM4_SBS = 7;
    public static final int SUM4_SHS = 8;

    static final long WORD = 0xFFFF_FFFFL;
    /** VSCR[SAT] (bit 31 of the word). */
    public static final int VSCR_SAT = 0x1;
    /** VSCR[NJ] (bit 15): non-Java mode, denormals flushed to zero. */
    public static final int VSCR_NJ = 0x1_0000;

    private VectorInteger() {
    }

    static int vd(final int insn) {
        return (insn >>> 21) & 31;
    }

    static int va(final int insn) {
        return (insn >>> 16) & 31;
    }

    static int vb(final int insn) {
        return (insn >>> 11) & 31;
    }

    static int vc(final int insn) {
        return (insn >>> 6) & 31;
    }

    static long mask(final int width) {
        return width == 64 ? -1L : (1L << width) - 1;
    }

    static long signExtend(final long x, final int width) {
        return (x << (64 - width)) >> (64 - width);
    }

    static void saturated(final Cpu c) {
        c.vscr |= VSCR_SAT;
    }

    /** {@code s} clamped to the signed range of {@code width} bits, setting SAT when it did not fit. */
    static long clampSigned(final Cpu c, final long s, final int width) {
        final long max = (1L << (width - 1)) - 1;
        if (s > max) {
            saturated(c);
            return max;
        }
        if (s < -max - 1) {
            saturated(c);
            return -max - 1;
        }
        return s;
    }

    /** {@code s} clamped to the unsigned range of {@code width} (below 64) bits, setting SAT when it did not fit. */
    static long clampUnsigned(final Cpu c, final long s, final int width) {
        if (s < 0) {
            saturated(c);
            return 0;
        }
        if (s > mask(width)) {
            saturated(c);
            return mask(width);
        }
        return s;
    }

    /** Applies {@code kind} to each pair of {@code width}-bit elements of VRA and VRB. */
    public static void elementwise(final Cpu c, final int insn, final int kind, final int width) {
        final int a = va(insn);
        final int b = vb(insn);
        final long hi = lanes(c, kind, width, c.vrHigh(a), c.vrHigh(b));
        final long lo = lanes(c, kind, width, c.vrLow(a), c.vrLow(b));
        c.setVr(vd(insn), hi, lo);
    }

    /** A compare: elementwise, then with Rc (bit 21) CR6 = all true (0b1000) / none true (0b0010). */
    public static void compare(final Cpu c, final int insn, final int kind, final int width) {
        elementwise(c, insn, kind, width);
        if ((insn & 0x400) != 0) {
            final int d = vd(insn);
            setCr6(c, c.vrHigh(d), c.vrLow(d));
        }
    }

    static void setCr6(final Cpu c, final long hi, final long lo) {
        final int all = hi == -1 && lo == -1 ? 0b1000 : 0;
        final int none = hi == 0 && lo == 0 ? 0b0010 : 0;
        c.cr = (c.cr & ~0xF0) | ((all | none) << 4);
    }

    /** Applies {@code kind} to each lone element of VRB (count instructions). */
    public static void unary(final Cpu c, final int insn, final int kind, final int width) {
        final int b = vb(insn);
        c.setVr(vd(insn), lanes(c, kind, width, c.vrHigh(b), 0), lanes(c, kind, width, c.vrLow(b), 0));
    }

    private static long lanes(final Cpu c, final int kind, final int width, final long a, final long b) {
        final long m = mask(width);
        long r = 0;
        for (int sh = 64 - width; sh >= 0; sh -= width) {
            r |= (lane(c, kind, width, (a >>> sh) & m, (b >>> sh) & m) & m) << sh;
        }
        return r;
    }

    private static long lane(final Cpu c, final int kind, final int width, final long x, final long y) {
        return switch (kind) {
            case ADD -> x + y;
            case SUB -> x - y;
            case ADD_US -> clampUnsigned(c, x + y, width);
            case ADD_SS -> clampSigned(c, signExtend(x, width) + signExtend(y, width), width);
            case SUB_US -> clampUnsigned(c, x - y, width);
            case SUB_SS -> clampSigned(c, signExtend(x, width) - signExtend(y, width), width);
            case ADD_CARRY -> (x + y) >>> width;
            case SUB_CARRY -> x >= y ? 1 : 0;
            case AVG_U -> (x + y + 1) >>> 1;
            case AVG_S -> (signExtend(x, width) + signExtend(y, width) + 1) >> 1;
            case MAX_U -> Long.compareUnsigned(x, y) >= 0 ? x : y;
            case MAX_S -> signExtend(x, width) >= signExtend(y, width) ? x : y;
            case MIN_U -> Long.compareUnsigned(x, y) <= 0 ? x : y;
            case MIN_S -> signExtend(x, width) <= signExtend(y, width) ? x : y;
            case CMP_EQ -> x == y ? -1 : 0;
            case CMP_NE -> x != y ? -1 : 0;
            case CMP_GTU -> Long.compareUnsigned(x, y) > 0 ? -1 : 0;
            case CMP_GTS -> signExtend(x, width) > signExtend(y, width) ? -1 : 0;
            case ROTATE -> rotate(x, (int) y & (width - 1), width);
            case SHIFT_LEFT -> x << (y & (width - 1));
            case SHIFT_RIGHT -> x >>> (y & (width - 1));
            case SHIFT_RIGHT_ALGEBRAIC -> signExtend(x, width) >> (y & (width - 1));
            case MULTIPLY -> x * y;
            case COUNT_LEADING_ZEROS -> Long.numberOfLeadingZeros(x) - (64 - width);
            case POPULATION_COUNT -> Long.bitCount(x);
            default -> throw new IllegalArgumentException("element operation " + kind);
        };
    }

    private static long rotate(final long x, final int n, final int width) {
        return n == 0 ? x : (x << n) | (x >>> (width - n));
    }

    // ---- logical (6.9.5) ------------------------------------------------------------------------------------

    public static void and(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        c.setVr(vd(insn), c.vrHigh(a) & c.vrHigh(b), c.vrLow(a) & c.vrLow(b));
    }

    public static void andc(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        c.setVr(vd(insn), c.vrHigh(a) & ~c.vrHigh(b), c.vrLow(a) & ~c.vrLow(b));
    }

    public static void or(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        c.setVr(vd(insn), c.vrHigh(a) | c.vrHigh(b), c.vrLow(a) | c.vrLow(b));
    }

    public static void orc(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        c.setVr(vd(insn), c.vrHigh(a) | ~c.vrHigh(b), c.vrLow(a) | ~c.vrLow(b));
    }

    public static void xor(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        c.setVr(vd(insn), c.vrHigh(a) ^ c.vrHigh(b), c.vrLow(a) ^ c.vrLow(b));
    }

    public static void nor(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        c.setVr(vd(insn), ~(c.vrHigh(a) | c.vrHigh(b)), ~(c.vrLow(a) | c.vrLow(b)));
    }

    public static void nand(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        c.setVr(vd(insn), ~(c.vrHigh(a) & c.vrHigh(b)), ~(c.vrLow(a) & c.vrLow(b)));
    }

    public static void eqv(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        c.setVr(vd(insn), ~(c.vrHigh(a) ^ c.vrHigh(b)), ~(c.vrLow(a) ^ c.vrLow(b)));
    }

    // ---- quadword add and subtract (6.9.1, v2.07) -----------------------------------------------------------

    /**
     * VRA + (VRB or its complement) + carry-in as one 128-bit sum: the sum itself, or (with {@code carryOut})
     * the carry out of bit 0 as the quadword 0 or 1. Subtraction is VRA + ~VRB + 1 (6.9.1).
     */
    public static void quadword(final Cpu c, final int insn, final boolean subtract, final boolean extended,
                                final boolean carryOut) {
        final int a = va(insn);
        final int b = vb(insn);
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long bh = subtract ? ~c.vrHigh(b) : c.vrHigh(b);
        final long bl = subtract ? ~c.vrLow(b) : c.vrLow(b);
        final long carryIn = extended ? c.vrLow(vc(insn)) & 1 : subtract ? 1 : 0;
        final long t = al + bl;
        final long lo = t + carryIn;
        final long carryLo = (Long.compareUnsigned(t, al) < 0 || (carryIn != 0 && t == -1)) ? 1 : 0;
        final long th = ah + bh;
        final long hi = th + carryLo;
        if (carryOut) {
            final boolean carry = Long.compareUnsigned(th, ah) < 0 || (carryLo != 0 && th == -1);
            c.setVr(vd(insn), 0, carry ? 1 : 0);
        } else {
            c.setVr(vd(insn), hi, lo);
        }
    }

    // ---- multiply (6.9.1) -----------------------------------------------------------------------------------

    /**
     * vmule and vmulo: the even- or odd-numbered {@code width}-bit elements multiplied into elements of twice
     * the width. Element 2i is the upper half of the double-width element i.
     */
    public static void multiplyEvenOdd(final Cpu c, final int insn, final int width, final boolean signed,
                                       final boolean odd) {
        final int a = va(insn);
        final int b = vb(insn);
        final long hi = products(c.vrHigh(a), c.vrHigh(b), width, signed, odd);
        final long lo = products(c.vrLow(a), c.vrLow(b), width, signed, odd);
        c.setVr(vd(insn), hi, lo);
    }

    private static long products(final long a, final long b, final int width, final boolean signed,
                                 final boolean odd) {
        final int wide = 2 * width;
        final long m = mask(width);
        final long wideMask = mask(wide);
        final int half = odd ? 0 : width;
        long r = 0;
        for (int sh = 64 - wide; sh >= 0; sh -= wide) {
            long x = (a >>> (sh + half)) & m;
            long y = (b >>> (sh + half)) & m;
            if (signed) {
                x = signExtend(x, width);
                y = signExtend(y, width);
            }
            r |= ((x * y) & wideMask) << sh;
        }
        return r;
    }

    /** vmhaddshs, vmhraddshs and vmladduhm: halfword products of VRA and VRB added to VRC. */
    public static void multiplyAddHalfwords(final Cpu c, final int insn, final int kind) {
        final int a = va(insn);
        final int b = vb(insn);
        final int cc = vc(insn);
        final long hi = lanes3(c, kind, c.vrHigh(a), c.vrHigh(b), c.vrHigh(cc));
        final long lo = lanes3(c, kind, c.vrLow(a), c.vrLow(b), c.vrLow(cc));
        c.setVr(vd(insn), hi, lo);
    }

    private static long lanes3(final Cpu c, final int kind, final long a, final long b, final long cc) {
        long r = 0;
        for (int sh = 48; sh >= 0; sh -= 16) {
            final long x = signExtend(a >>> sh, 16);
            final long y = signExtend(b >>> sh, 16);
            final long z = signExtend(cc >>> sh, 16);
            final long v = switch (kind) {
                case MH_ADD -> clampSigned(c, ((x * y) >> 15) + z, 16);
                case MHR_ADD -> clampSigned(c, ((x * y + 0x4000) >> 15) + z, 16);
                default -> x * y + z;
            };
            r |= (v & 0xFFFF) << sh;
        }
        return r;
    }

    /**
     * The word-wise multiply-sum (VA form: products of VRA and VRB elements within each word plus VRC's word)
     * and sum-across-quarter (VX form: VRA's elements within each word plus VRB's word) instructions.
     */
    public static void sumWords(final Cpu c, final int insn, final int kind) {
        final int a = va(insn);
        final int b = vb(insn);
        final boolean sum4 = kind >= SUM4_UBS;
        final int addend = sum4 ? b : vc(insn);
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long bh = c.vrHigh(b);
        final long bl = c.vrLow(b);
        final long ch = c.vrHigh(addend);
        final long cl = c.vrLow(addend);
        final long hi = (sumWord(c, kind, ah >>> 32, bh >>> 32, ch >>> 32) << 32)
            | (sumWord(c, kind, ah & WORD, bh & WORD, ch & WORD) & WORD);
        final long lo = (sumWord(c, kind, al >>> 32, bl >>> 32, cl >>> 32) << 32)
            | (sumWord(c, kind, al & WORD, bl & WORD, cl & WORD) & WORD);
        c.setVr(vd(insn), hi, lo);
    }

    private static long sumWord(final Cpu c, final int kind, final long a, final long b, final long addend) {
        long s = 0;
        switch (kind) {
            case MSUM_UBM, MSUM_MBM, SUM4_UBS, SUM4_SBS -> {
                for (int sh = 24; sh >= 0; sh -= 8) {
                    final long x = (a >>> sh) & 0xFF;
                    final long y = (b >>> sh) & 0xFF;
                    s += switch (kind) {
                        case MSUM_UBM -> x * y;
                        case MSUM_MBM -> signExtend(x, 8) * y;
                        case SUM4_UBS -> x;
                        default -> signExtend(x, 8);
                    };
                }
            }
            default -> {
                for (int sh = 16; sh >= 0; sh -= 16) {
                    final long x = (a >>> sh) & 0xFFFF;
                    final long y = (b >>> sh) & 0xFFFF;
                    s += switch (kind) {
                        case MSUM_UHM, MSUM_UHS -> x * y;
                        case SUM4_SHS -> signExtend(x, 16);
                        default -> signExtend(x, 16) * signExtend(y, 16);
                    };
                }
            }
        }
        return switch (kind) {
            case MSUM_UBM, MSUM_UHM, MSUM_MBM, MSUM_SHM -> s + addend;
            case MSUM_UHS, SUM4_UBS -> clampUnsigned(c, s + addend, 32);
            default -> clampSigned(c, s + signExtend(addend, 32), 32);
        };
    }

    /** vsumsws: the four signed words of VRA plus word 3 of VRB, saturated, in word 3; words 0-2 zero. */
    public static void sumAcross(final Cpu c, final int insn) {
        final int a = va(insn);
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long s = (ah >> 32) + (long) (int) ah + (al >> 32) + (long) (int) al + (long) (int) c.vrLow(vb(insn));
        c.setVr(vd(insn), 0, clampSigned(c, s, 32) & WORD);
    }

    /** vsum2sws: words 0+1 of VRA plus word 1 of VRB into word 1, words 2+3 plus word 3 into word 3. */
    public static void sumAcrossHalf(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long hi = clampSigned(c, (ah >> 32) + (long) (int) ah + (long) (int) c.vrHigh(b), 32) & WORD;
        final long lo = clampSigned(c, (al >> 32) + (long) (int) al + (long) (int) c.vrLow(b), 32) & WORD;
        c.setVr(vd(insn), hi, lo);
    }
}
