package dev.jppc.core.exec;

import static dev.jppc.core.exec.VectorInteger.va;
import static dev.jppc.core.exec.VectorInteger.vb;
import static dev.jppc.core.exec.VectorInteger.vd;

import dev.jppc.core.Cpu;

/**
 * Book I 6.13 (v2.07) bcdadd. and bcdsub.: signed packed decimal, 31 digits and a sign code in the low nibble.
 * Nibble k of the register counted from the right is digit k (1..31); the sign codes A, C, E, F are plus and B,
 * D minus. The result's sign is C (PS = 0) or F (PS = 1) for plus and D for minus; a zero (unbounded) result
 * is plus. CR6 is LT, GT or EQ by the unbounded result, with SO for an overflow past 31 digits (the result keeps
 * the low 31). An invalid digit or sign code makes CR6 0b0001 and the result undefined; jppc then writes all
 * ones, as QEMU does. The digits are worked on in place: no conversion to binary, no allocation.
 *
 * <p>QEMU 7.2 departs from this in three corners: the sum of two zeros of the same sign keeps that sign and sets
 * CR6 to GT|EQ or LT|EQ; an overflow whose low 31 digits are zero adds EQ; and operands of opposite signs with an
 * invalid digit above their first differing digit give zero (EQ) instead of the invalid-operand result.
 */
public final class VectorDecimal {

    private static final int LT = 0b1000;
    private static final int GT = 0b0100;
    private static final int EQ = 0b0010;
    private static final int SO = 0b0001;

    private VectorDecimal() {
    }

    private static int nibble(final long hi, final long lo, final int k) {
        return (int) ((k < 16 ? lo >>> (4 * k) : hi >>> (4 * (k - 16))) & 0xF);
    }

    /** +1, -1, or 0 for an invalid sign code. */
    private static int sign(final long lo) {
        return switch ((int) lo & 0xF) {
            case 0xA, 0xC, 0xE, 0xF -> 1;
            case 0xB, 0xD -> -1;
            default -> 0;
        };
    }

    private static boolean digitsValid(final long hi, final long lo) {
        for (int k = 1; k < 32; k++) {
            if (nibble(hi, lo, k) > 9) {
                return false;
            }
        }
        return true;
    }

    /** bcdadd. ({@code subtract} false) and bcdsub.: VRA plus or minus VRB. */
    public static void addSubtract(final Cpu c, final int insn, final boolean subtract) {
        final int a = va(insn);
        final int b = vb(insn);
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long bh = c.vrHigh(b);
        final long bl = c.vrLow(b);
        final int signA = sign(al);
        final int signB = subtract ? -sign(bl) : sign(bl);
        if (signA == 0 || signB == 0 || !digitsValid(ah, al) || !digitsValid(bh, bl)) {
            c.setVr(vd(insn), -1, -1);
            setCr6(c, SO);
            return;
        }
        final boolean positiveF = ((insn >>> 9) & 1) != 0;
        if (signA == signB) {
            sum(c, insn, ah, al, bh, bl, signA, positiveF);
            return;
        }
        final int order = compareMagnitudes(ah, al, bh, bl);
        if (order == 0) {
            c.setVr(vd(insn), 0, preferredSign(1, positiveF));
            setCr6(c, EQ);
        } else if (order > 0) {
            difference(c, insn, ah, al, bh, bl, signA, positiveF);
        } else {
            difference(c, insn, bh, bl, ah, al, signB, positiveF);
        }
    }

    private static long preferredSign(final int sign, final boolean positiveF) {
        return sign < 0 ? 0xD : positiveF ? 0xF : 0xC;
    }

    private static void setCr6(final Cpu c, final int field) {
        c.cr = (c.cr & ~0xF0) | (field << 4);
    }

    /** +1, 0 or -1 as |x| is greater than, equal to or less than |y|. */
    private static int compareMagnitudes(final long xh, final long xl, final long yh, final long yl) {
        for (int k = 31; k > 0; k--) {
            final int d = nibble(xh, xl, k) - nibble(yh, yl, k);
            if (d != 0) {
                return d > 0 ? 1 : -1;
            }
        }
        return 0;
    }

    private static void sum(final Cpu c, final int insn, final long xh, final long xl, final long yh, final long yl,
                            final int sign, final boolean positiveF) {
        long hi = 0;
        long lo = preferredSign(sign, positiveF);
        int carry = 0;
        boolean zero = true;
        for (int k = 1; k < 32; k++) {
            int digit = nibble(xh, xl, k) + nibble(yh, yl, k) + carry;
            carry = digit > 9 ? 1 : 0;
            digit -= 10 * carry;
            zero &= digit == 0;
            if (k < 16) {
                lo |= (long) digit << (4 * k);
            } else {
                hi |= (long) digit << (4 * (k - 16));
            }
        }
        if (zero && carry == 0) {
            // An unbounded result of zero is plus, whatever the operands' signs.
            c.setVr(vd(insn), 0, preferredSign(1, positiveF));
            setCr6(c, EQ);
            return;
        }
        c.setVr(vd(insn), hi, lo);
        setCr6(c, (sign > 0 ? GT : LT) | (carry != 0 ? SO : 0));
    }

    /** |x| - |y| with |x| greater, signed {@code sign}. */
    private static void difference(final Cpu c, final int insn, final long xh, final long xl, final long yh,
                                   final long yl, final int sign, final boolean positiveF) {
        long hi = 0;
        long lo = preferredSign(sign, positiveF);
        int borrow = 0;
        for (int k = 1; k < 32; k++) {
            int digit = nibble(xh, xl, k) - nibble(yh, yl, k) - borrow;
            borrow = digit < 0 ? 1 : 0;
            digit += 10 * borrow;
            if (k < 16) {
                lo |= (long) digit << (4 * k);
            } else {
                hi |= (long) digit << (4 * (k - 16));
            }
        }
        c.setVr(vd(insn), hi, lo);
        setCr6(c, sign > 0 ? GT : LT);
    }
}
