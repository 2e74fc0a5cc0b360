package dev.jppc.core.exec;

import static dev.jppc.core.decode.Fields.ra;
import static dev.jppc.core.decode.Fields.rb;
import static dev.jppc.core.decode.Fields.rt;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interrupts;
import dev.jppc.core.decode.Fields;

/**
 * Book I chapter 3.3 fixed-point arithmetic, compare, trap, logical and select instructions.
 *
 * <p>XER[OV32] and XER[CA32] are computed as ISA v3.0 defines them (QEMU's default Linux-user CPU does the
 * same); on a real POWER8 those two bits are reserved and read as zero.
 */
public final class FixedPoint {

    private FixedPoint() {
    }

    // ---- shared helpers -------------------------------------------------------------------------------

    /** (RA|0): register RA, or 0 when the field is 0. */
    static long raOrZero(final Cpu c, final int insn) {
        final int a = ra(insn);
        return a == 0 ? 0 : c.gpr[a];
    }

    /** Sets CR field 0 from a result: LT, GT, EQ by signed comparison with 0, and SO from XER. */
    public static void setCr0(final Cpu c, final long result) {
        final long value = (c.msr & Cpu.MSR_SF) != 0 ? result : (int) result;
        final int bits = value < 0 ? 8 : value > 0 ? 4 : 2;
        c.cr = (c.cr & 0x0FFF_FFFF) | ((bits | c.xerSo) << 28);
    }

    /** Sets CR field {@code bf} to LT/GT/EQ from a comparison result (-1, 0, 1) plus XER[SO]. */
    static void setCrField(final Cpu c, final int bf, final int comparison) {
        final int bits = (comparison < 0 ? 8 : comparison > 0 ? 4 : 2) | c.xerSo;
        final int shift = 28 - 4 * bf;
        c.cr = (c.cr & ~(0xF << shift)) | (bits << shift);
    }

    /**
     * Carry out of bit 0 (64-bit) and bit 32 (32-bit) of a + b (+ carry in) = sum. In 32-bit mode CA is the
     * carry out of bit 32 (Book I 3.2.2).
     */
    private static void setCarry(final Cpu c, final long a, final long b, final long sum) {
        final long carries = (a & b) | ((a | b) & ~sum);
        c.xerCa32 = (int) (carries >>> 31) & 1;
        c.xerCa = (c.msr & Cpu.MSR_SF) != 0 ? (int) (carries >>> 63) : c.xerCa32;
    }

    /**
     * Signed overflow of a + b (+ carry in) = sum, in 64 and 32 bits; also sticks SO. In 32-bit mode OV is the
     * overflow of the low word (Book I 3.2.2).
     */
    private static void setOverflow(final Cpu c, final long a, final long b, final long sum) {
        final long overflows = (a ^ sum) & (b ^ sum);
        final int ov32 = (int) (overflows >>> 31) & 1;
        setOv(c, (c.msr & Cpu.MSR_SF) != 0 ? (int) (overflows >>> 63) : ov32, ov32);
    }

    private static void setOv(final Cpu c, final int ov, final int ov32) {
        c.xerOv = ov;
        c.xerOv32 = ov32;
        c.xerSo |= ov;
    }

    /** The common tail of XO-form add/subtract: write RT, then OE and Rc. */
    private static void addTail(final Cpu c, final int insn, final long a, final long b, final long sum,
                                final boolean carry) {
        c.gpr[rt(insn)] = sum;
        if (carry) {
            setCarry(c, a, b, sum);
        }
        if (Fields.oe(insn)) {
            setOverflow(c, a, b, sum);
        }
        if (Fields.rc(insn)) {
            setCr0(c, sum);
        }
    }

    // ---- add and subtract ---------------------------------------------------------------------------

    public static void addi(final Cpu c, final int insn) {
        c.gpr[rt(insn)] = raOrZero(c, insn) + Fields.si(insn);
    }

    public static void addis(final Cpu c, final int insn) {
        c.gpr[rt(insn)] = raOrZero(c, insn) + (Fields.si(insn) << 16);
    }

    public static void addic(final Cpu c, final int insn, final boolean record) {
        final long a = c.gpr[ra(insn)];
        final long b = Fields.si(insn);
        final long sum = a + b;
        c.gpr[rt(insn)] = sum;
        setCarry(c, a, b, sum);
        if (record) {
            setCr0(c, sum);
        }
    }

    public static void subfic(final Cpu c, final int insn) {
        final long a = ~c.gpr[ra(insn)];
        final long b = Fields.si(insn);
        final long sum = a + b + 1;
        c.gpr[rt(insn)] = sum;
        setCarry(c, a, b, sum);
    }

    public static void add(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        addTail(c, insn, a, b, a + b, false);
    }

    public static void addc(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        addTail(c, insn, a, b, a + b, true);
    }

    public static void adde(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        addTail(c, insn, a, b, a + b + c.xerCa, true);
    }

    public static void addme(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        addTail(c, insn, a, -1L, a - 1 + c.xerCa, true);
    }

    public static void addze(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        addTail(c, insn, a, 0L, a + c.xerCa, true);
    }

    public static void subf(final Cpu c, final int insn) {
        final long a = ~c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        addTail(c, insn, a, b, a + b + 1, false);
    }

    public static void subfc(final Cpu c, final int insn) {
        final long a = ~c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        addTail(c, insn, a, b, a + b + 1, true);
    }

    public static void subfe(final Cpu c, final int insn) {
        final long a = ~c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        addTail(c, insn, a, b, a + b + c.xerCa, true);
    }

    public static void subfme(final Cpu c, final int insn) {
        final long a = ~c.gpr[ra(insn)];
        addTail(c, insn, a, -1L, a - 1 + c.xerCa, true);
    }

    public static void subfze(final Cpu c, final int insn) {
        final long a = ~c.gpr[ra(insn)];
        addTail(c, insn, a, 0L, a + c.xerCa, true);
    }

    public static void neg(final Cpu c, final int insn) {
        final long a = ~c.gpr[ra(insn)];
        addTail(c, insn, a, 0L, a + 1, false);
    }

    // ---- multiply -----------------------------------------------------------------------------------

    public static void mulli(final Cpu c, final int insn) {
        c.gpr[rt(insn)] = c.gpr[ra(insn)] * Fields.si(insn);
    }

    public static void mullw(final Cpu c, final int insn) {
        final long product = (long) (int) c.gpr[ra(insn)] * (int) c.gpr[rb(insn)];
        c.gpr[rt(insn)] = product;
        if (Fields.oe(insn)) {
            final int ov = product != (int) product ? 1 : 0;
            setOv(c, ov, ov);
        }
        if (Fields.rc(insn)) {
            setCr0(c, product);
        }
    }

    public static void mulld(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        final long product = a * b;
        c.gpr[rt(insn)] = product;
        if (Fields.oe(insn)) {
            final int ov = Math.multiplyHigh(a, b) != (product >> 63) ? 1 : 0;
            setOv(c, ov, ov);
        }
        if (Fields.rc(insn)) {
            setCr0(c, product);
        }
    }

    /** The high words of 32x32-bit products; the result's high word is zero, as QEMU leaves it. */
    public static void mulhw(final Cpu c, final int insn, final boolean signed) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        final long product = signed ? (long) (int) a * (int) b : (a & 0xFFFF_FFFFL) * (b & 0xFFFF_FFFFL);
        final long result = product >>> 32;
        c.gpr[rt(insn)] = result;
        if (Fields.rc(insn)) {
            setCr0(c, result);
        }
    }

    public static void mulhd(final Cpu c, final int insn, final boolean signed) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        final long result = signed ? Math.multiplyHigh(a, b) : unsignedMultiplyHigh(a, b);
        c.gpr[rt(insn)] = result;
        if (Fields.rc(insn)) {
            setCr0(c, result);
        }
    }

    static long unsignedMultiplyHigh(final long a, final long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    // ---- divide -------------------------------------------------------------------------------------
    // A quotient the ISA leaves undefined (division by zero, or a quotient that does not fit) is 0 in jppc.

    private static void divTail(final Cpu c, final int insn, final long result, final boolean invalid) {
        c.gpr[rt(insn)] = result;
        if (Fields.oe(insn)) {
            final int ov = invalid ? 1 : 0;
            setOv(c, ov, ov);
        }
        if (Fields.rc(insn)) {
            setCr0(c, result);
        }
    }

    public static void divw(final Cpu c, final int insn) {
        final int a = (int) c.gpr[ra(insn)];
        final int b = (int) c.gpr[rb(insn)];
        final boolean invalid = b == 0 || (a == Integer.MIN_VALUE && b == -1);
        divTail(c, insn, invalid ? 0 : (a / b) & 0xFFFF_FFFFL, invalid);
    }

    public static void divwu(final Cpu c, final int insn) {
        final int a = (int) c.gpr[ra(insn)];
        final int b = (int) c.gpr[rb(insn)];
        final boolean invalid = b == 0;
        divTail(c, insn, invalid ? 0 : Integer.divideUnsigned(a, b) & 0xFFFF_FFFFL, invalid);
    }

    public static void divd(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        final boolean invalid = b == 0 || (a == Long.MIN_VALUE && b == -1);
        divTail(c, insn, invalid ? 0 : a / b, invalid);
    }

    public static void divdu(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        final boolean invalid = b == 0;
        divTail(c, insn, invalid ? 0 : Long.divideUnsigned(a, b), invalid);
    }

    /** divwe: (RA[32:63] || 32 zeros) / RB[32:63], signed; the quotient must fit in 32 bits. */
    public static void divwe(final Cpu c, final int insn) {
        final long dividend = (long) (int) c.gpr[ra(insn)] << 32;
        final int divisor = (int) c.gpr[rb(insn)];
        long quotient = 0;
        boolean invalid = divisor == 0;
        if (!invalid) {
            quotient = dividend / divisor;
            invalid = quotient != (int) quotient;
        }
        divTail(c, insn, invalid ? 0 : quotient & 0xFFFF_FFFFL, invalid);
    }

    /** divweu: (RA[32:63] || 32 zeros) / RB[32:63], unsigned; the quotient must fit in 32 bits. */
    public static void divweu(final Cpu c, final int insn) {
        final long high = c.gpr[ra(insn)] & 0xFFFF_FFFFL;
        final long divisor = c.gpr[rb(insn)] & 0xFFFF_FFFFL;
        final boolean invalid = divisor == 0 || high >= divisor;
        divTail(c, insn, invalid ? 0 : Long.divideUnsigned(high << 32, divisor), invalid);
    }

    /** divde: (RA || 64 zeros) / RB, signed; the quotient must fit in 64 bits. */
    public static void divde(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        boolean invalid = b == 0;
        long quotient = 0;
        if (!invalid) {
            final long absA = Math.abs(a);
            final long absB = Math.abs(b);
            // |a| and |b| as unsigned 64-bit values (Math.abs(MIN_VALUE) stays 2^63, right when unsigned).
            if (Long.compareUnsigned(absA, absB) >= 0) {
                invalid = true;
            } else {
                final long magnitude = divideHighByUnsigned(absA, absB);
                final boolean negative = (a < 0) != (b < 0);
                if (negative) {
                    invalid = Long.compareUnsigned(magnitude, Long.MIN_VALUE) > 0;
                    quotient = -magnitude;
                } else {
                    invalid = magnitude < 0;
                    quotient = magnitude;
                }
            }
        }
        divTail(c, insn, invalid ? 0 : quotient, invalid);
    }

    /** divdeu: (RA || 64 zeros) / RB, unsigned; the quotient must fit in 64 bits (RA < RB). */
    public static void divdeu(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        final boolean invalid = b == 0 || Long.compareUnsigned(a, b) >= 0;
        divTail(c, insn, invalid ? 0 : divideHighByUnsigned(a, b), invalid);
    }

    /** (high || 64 zeros) / divisor, unsigned, for high < divisor: restoring division, one bit a step. */
    static long divideHighByUnsigned(final long high, final long divisor) {
        long remainder = high;
        long quotient = 0;
        for (int i = 0; i < 64; i++) {
            final boolean carry = remainder < 0;
            remainder <<= 1;
            quotient <<= 1;
            if (carry || Long.compareUnsigned(remainder, divisor) >= 0) {
                remainder -= divisor;
                quotient |= 1;
            }
        }
        return quotient;
    }

    public static void modsw(final Cpu c, final int insn) {
        final int a = (int) c.gpr[ra(insn)];
        final int b = (int) c.gpr[rb(insn)];
        c.gpr[rt(insn)] = b == 0 || (a == Integer.MIN_VALUE && b == -1) ? 0 : a % b;
    }

    public static void moduw(final Cpu c, final int insn) {
        final int a = (int) c.gpr[ra(insn)];
        final int b = (int) c.gpr[rb(insn)];
        c.gpr[rt(insn)] = b == 0 ? 0 : Integer.remainderUnsigned(a, b) & 0xFFFF_FFFFL;
    }

    public static void modsd(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        c.gpr[rt(insn)] = b == 0 || (a == Long.MIN_VALUE && b == -1) ? 0 : a % b;
    }

    public static void modud(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        c.gpr[rt(insn)] = b == 0 ? 0 : Long.remainderUnsigned(a, b);
    }

    // ---- compare ------------------------------------------------------------------------------------

    public static void cmpi(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = Fields.si(insn);
        setCrField(c, Fields.bf(insn), Fields.l10(insn) ? Long.compare(a, b) : Long.compare((int) a, b));
    }

    public static void cmpli(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = Fields.ui(insn);
        setCrField(c, Fields.bf(insn),
            Fields.l10(insn) ? Long.compareUnsigned(a, b) : Long.compare(a & 0xFFFF_FFFFL, b));
    }

    public static void cmp(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        setCrField(c, Fields.bf(insn), Fields.l10(insn) ? Long.compare(a, b) : Integer.compare((int) a, (int) b));
    }

    public static void cmpl(final Cpu c, final int insn) {
        final long a = c.gpr[ra(insn)];
        final long b = c.gpr[rb(insn)];
        setCrField(c, Fields.bf(insn),
            Fields.l10(insn) ? Long.compareUnsigned(a, b) : Integer.compareUnsigned((int) a, (int) b));
    }

    // ---- trap ---------------------------------------------------------------------------------------

    /** True when TO selects a condition that holds between a and b. */
    static boolean trapCondition(final int to, final long a, final long b) {
        return ((to & 0x10) != 0 && a < b)
            || ((to & 0x08) != 0 && a > b)
            || ((to & 0x04) != 0 && a == b)
            || ((to & 0x02) != 0 && Long.compareUnsigned(a, b) < 0)
            || ((to & 0x01) != 0 && Long.compareUnsigned(a, b) > 0);
    }

    /**
     * tw/twi compare the low words. Sign-extending both keeps their signed order and, since words with the
     * top bit set land at the top of the 64-bit range, their unsigned order too.
     */
    public static void tw(final Cpu c, final int insn, final long b) {
        if (trapCondition(rt(insn), (int) c.gpr[ra(insn)], (int) b)) {
            throw c.raise(Interrupts.PROGRAM, Interrupts.SRR1_TRAP);
        }
    }

    public static void td(final Cpu c, final int insn, final long b) {
        if (trapCondition(rt(insn), c.gpr[ra(insn)], b)) {
            throw c.raise(Interrupts.PROGRAM, Interrupts.SRR1_TRAP);
        }
    }

    // ---- select -------------------------------------------------------------------------------------

    public static void isel(final Cpu c, final int insn) {
        final int bc = Fields.rc5(insn);
        final boolean bit = ((c.cr >>> (31 - bc)) & 1) != 0;
        c.gpr[rt(insn)] = bit ? raOrZero(c, insn) : c.gpr[rb(insn)];
    }

    // ---- logical ------------------------------------------------------------------------------------
    // X-form logical instructions write RA from RS (the rt field) and RB.

    private static void logicalTail(final Cpu c, final int insn, final long result) {
        c.gpr[ra(insn)] = result;
        if (Fields.rc(insn)) {
            setCr0(c, result);
        }
    }

    public static void andi(final Cpu c, final int insn, final int shift) {
        final long result = c.gpr[rt(insn)] & (Fields.ui(insn) << shift);
        c.gpr[ra(insn)] = result;
        setCr0(c, result);
    }

    public static void ori(final Cpu c, final int insn, final int shift) {
        c.gpr[ra(insn)] = c.gpr[rt(insn)] | (Fields.ui(insn) << shift);
    }

    public static void xori(final Cpu c, final int insn, final int shift) {
        c.gpr[ra(insn)] = c.gpr[rt(insn)] ^ (Fields.ui(insn) << shift);
    }

    public static void and(final Cpu c, final int insn) {
        logicalTail(c, insn, c.gpr[rt(insn)] & c.gpr[rb(insn)]);
    }

    public static void andc(final Cpu c, final int insn) {
        logicalTail(c, insn, c.gpr[rt(insn)] & ~c.gpr[rb(insn)]);
    }

    public static void or(final Cpu c, final int insn) {
        logicalTail(c, insn, c.gpr[rt(insn)] | c.gpr[rb(insn)]);
    }

    public static void orc(final Cpu c, final int insn) {
        logicalTail(c, insn, c.gpr[rt(insn)] | ~c.gpr[rb(insn)]);
    }

    public static void xor(final Cpu c, final int insn) {
        logicalTail(c, insn, c.gpr[rt(insn)] ^ c.gpr[rb(insn)]);
    }

    public static void nand(final Cpu c, final int insn) {
        logicalTail(c, insn, ~(c.gpr[rt(insn)] & c.gpr[rb(insn)]));
    }

    public static void nor(final Cpu c, final int insn) {
        logicalTail(c, insn, ~(c.gpr[rt(insn)] | c.gpr[rb(insn)]));
    }

    public static void eqv(final Cpu c, final int insn) {
        logicalTail(c, insn, ~(c.gpr[rt(insn)] ^ c.gpr[rb(insn)]));
    }

    public static void extsb(final Cpu c, final int insn) {
        logicalTail(c, insn, (byte) c.gpr[rt(insn)]);
    }

    public static void extsh(final Cpu c, final int insn) {
        logicalTail(c, insn, (short) c.gpr[rt(insn)]);
    }

    public static void extsw(final Cpu c, final int insn) {
        logicalTail(c, insn, (int) c.gpr[rt(insn)]);
    }

    public static void cntlzw(final Cpu c, final int insn) {
        logicalTail(c, insn, Integer.numberOfLeadingZeros((int) c.gpr[rt(insn)]));
    }

    public static void cntlzd(final Cpu c, final int insn) {
        logicalTail(c, insn, Long.numberOfLeadingZeros(c.gpr[rt(insn)]));
    }

    public static void cnttzw(final Cpu c, final int insn) {
        logicalTail(c, insn, Integer.numberOfTrailingZeros((int) c.gpr[rt(insn)]));
    }

    public static void cnttzd(final Cpu c, final int insn) {
        logicalTail(c, insn, Long.numberOfTrailingZeros(c.gpr[rt(insn)]));
    }

    /** popcntb: each byte of RA gets the number of one bits in the same byte of RS. */
    public static void popcntb(final Cpu c, final int insn) {
        long x = c.gpr[rt(insn)];
        x = x - ((x >>> 1) & 0x5555_5555_5555_5555L);
        x = (x & 0x3333_3333_3333_3333L) + ((x >>> 2) & 0x3333_3333_3333_3333L);
        x = (x + (x >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
        c.gpr[ra(insn)] = x;
    }

    public static void popcntw(final Cpu c, final int insn) {
        final long x = c.gpr[rt(insn)];
        c.gpr[ra(insn)] = ((long) Integer.bitCount((int) (x >>> 32)) << 32) | Integer.bitCount((int) x);
    }

    public static void popcntd(final Cpu c, final int insn) {
        c.gpr[ra(insn)] = Long.bitCount(c.gpr[rt(insn)]);
    }

    /** prtyw: each word of RA gets the parity of the least significant bits of the bytes of that word. */
    public static void prtyw(final Cpu c, final int insn) {
        long x = c.gpr[rt(insn)] & 0x0101_0101_0101_0101L;
        x ^= x >>> 16;
        x ^= x >>> 8;
        c.gpr[ra(insn)] = x & 0x0000_0001_0000_0001L;
    }

    public static void prtyd(final Cpu c, final int insn) {
        final long x = c.gpr[rt(insn)] & 0x0101_0101_0101_0101L;
        c.gpr[ra(insn)] = Long.bitCount(x) & 1;
    }

    /** cmpb: each byte of RA is 0xFF where the bytes of RS and RB are equal, else 0x00. */
    public static void cmpb(final Cpu c, final int insn) {
        final long x = c.gpr[rt(insn)] ^ c.gpr[rb(insn)];
        long result = 0;
        for (int i = 0; i < 64; i += 8) {
            if (((x >>> i) & 0xFF) == 0) {
                result |= 0xFFL << i;
            }
        }
        c.gpr[ra(insn)] = result;
    }

    /**
     * bpermd: byte i of RS (from the most significant) selects bit RS.byte[i] of RB (ISA numbering, 0 is the
     * most significant); indexes of 64 and above select 0. The eight bits form the low byte of RA.
     */
    public static void bpermd(final Cpu c, final int insn) {
        final long rs = c.gpr[rt(insn)];
        final long rbValue = c.gpr[rb(insn)];
        long result = 0;
        for (int i = 0; i < 8; i++) {
            final int index = (int) (rs >>> (56 - 8 * i)) & 0xFF;
            final long bit = index < 64 ? (rbValue >>> (63 - index)) & 1 : 0;
            result |= bit << (7 - i);
        }
        c.gpr[ra(insn)] = result;
    }
}
