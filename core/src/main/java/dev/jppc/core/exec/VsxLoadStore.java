package dev.jppc.core.exec;

import static dev.jppc.core.decode.Fields.ra;
import static dev.jppc.core.decode.Fields.rb;
import static dev.jppc.core.decode.Fields.xt;
import static dev.jppc.core.decode.Fields.xtDq;

import java.nio.ByteOrder;

import dev.jppc.core.Cpu;
import dev.jppc.core.decode.Fields;

/**
 * Book I 7.6 VSX storage access instructions, and the moves between GPRs and VSRs.
 *
 * <p>Byte order: the v2.06 vector forms keep their element order in both modes. lxvd2x puts the doubleword at
 * EA into doubleword 0 and the one at EA+8 into doubleword 1, each read in the MSR[LE] byte order; lxvw4x does
 * the same with four words. That is why little-endian code follows lxvd2x with xxswapd. The v3.0 lxv, stxv,
 * lxvl and stxvl instead treat the 16 bytes as one little-endian quadword in LE mode: byte 15 of the register
 * (its least significant) comes from EA.
 *
 * <p>The scalar loads write doubleword 0 only. The ISA leaves doubleword 1 undefined; jppc keeps it, as QEMU
 * does. Misaligned accesses are performed, as on POWER8 for cacheable storage. A 16-byte store translates both
 * ends before it writes, so a fault on its second page leaves storage untouched.
 */
public final class VsxLoadStore {

    /** The smallest page: a 16-byte access that crosses one may fault in its second half. */
    private static final int SMALLEST_PAGE = 4096;

    private VsxLoadStore() {
    }

    private static long eaX(final Cpu c, final int insn) {
        return (FixedPoint.raOrZero(c, insn) + c.gpr[rb(insn)]) & c.eaMask;
    }

    private static long plus8(final Cpu c, final long ea) {
        return (ea + 8) & c.eaMask;
    }

    private static boolean littleEndian(final Cpu c) {
        return c.order == ByteOrder.LITTLE_ENDIAN;
    }

    /** Translates the first and the last byte of a store of {@code length} bytes that crosses a page. */
    private static void translateStore(final Cpu c, final long ea, final int length) {
        if ((ea & (SMALLEST_PAGE - 1)) > SMALLEST_PAGE - length) {
            c.realAddress(ea, Cpu.STORE);
            c.realAddress((ea + length - 1) & c.eaMask, Cpu.STORE);
        }
    }

    // ---- scalar -----------------------------------------------------------------------------------------

    /** lxsdx: doubleword 0 = the doubleword at EA. */
    public static void lxsdx(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        c.vsr[xt(insn) << 1] = c.load64(eaX(c, insn));
    }

    /** lxsiwax: doubleword 0 = the word at EA, sign extended. */
    public static void lxsiwax(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        c.vsr[xt(insn) << 1] = (int) c.load32(eaX(c, insn));
    }

    /** lxsiwzx: doubleword 0 = the word at EA, zero extended. */
    public static void lxsiwzx(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        c.vsr[xt(insn) << 1] = c.load32(eaX(c, insn));
    }

    /** lxsspx: doubleword 0 = the single-precision value at EA in double format (exact, as lfs). */
    public static void lxsspx(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        c.vsr[xt(insn) << 1] = singleToDouble((int) c.load32(eaX(c, insn)));
    }

    /** stxsdx: the doubleword at EA = doubleword 0. */
    public static void stxsdx(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        c.store64(eaX(c, insn), c.vsr[xt(insn) << 1]);
    }

    /** stxsiwx: the word at EA = word 1 (the low half of doubleword 0). */
    public static void stxsiwx(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        c.store32(eaX(c, insn), c.vsr[xt(insn) << 1]);
    }

    /** stxsspx: the word at EA = doubleword 0 in single format (not rounded, as stfs). */
    public static void stxsspx(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        c.store32(eaX(c, insn), doubleToSingle(c.vsr[xt(insn) << 1]));
    }

    /**
     * The exact single-to-double conversion of the floating-point loads (Book I 4.6, DOUBLE): the fraction moves to
     * the top of the double's, a signalling NaN stays signalling, and a denormal single is normalized.
     */
    static long singleToDouble(final int single) {
        final long sign = (single & 0x8000_0000L) << 32;
        final int exponent = (single >>> 23) & 0xFF;
        final long fraction = single & 0x7F_FFFFL;
        if (exponent == 0xFF) {
            return sign | 0x7FF0_0000_0000_0000L | (fraction << 29);
        }
        if (exponent != 0) {
            return sign | ((long) (exponent - 127 + 1023) << 52) | (fraction << 29);
        }
        if (fraction == 0) {
            return sign;
        }
        // Denormal: shift the leading 1 up to the implicit bit's place (bit 23), one exponent step per shift.
        final int shift = Long.numberOfLeadingZeros(fraction) - 40;
        final long normalized = (fraction << shift) & 0x7F_FFFFL;
        return sign | ((long) (1 - 127 - shift + 1023) << 52) | (normalized << 29);
    }

    /**
     * The single format the floating-point stores write (Book I 4.6, SINGLE), without rounding: exponents above 896
     * (and zero, infinities, NaNs) keep their top exponent bits and the fraction's first 23 bits; exponents 874
     * to 896 are denormalized; smaller ones, undefined by the ISA, become a signed zero as in QEMU.
     */
    static int doubleToSingle(final long dw) {
        final int exponent = (int) (dw >>> 52) & 0x7FF;
        if (exponent > 896 || (dw & Long.MAX_VALUE) == 0) {
            return (int) (((dw >>> 32) & 0xC000_0000L) | ((dw >>> 29) & 0x3FFF_FFFFL));
        }
        final int sign = (int) (dw >>> 32) & 0x8000_0000;
        if (exponent < 874) {
            return sign;
        }
        final long fraction = (1L << 52) | (dw & 0xF_FFFF_FFFF_FFFFL);
        return sign | (int) (fraction >>> (896 + 30 - exponent));
    }

    // ---- vector, element order kept ---------------------------------------------------------------------

    /** lxvd2x: doubleword 0 from EA, doubleword 1 from EA+8. */
    public static void lxvd2x(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final long ea = eaX(c, insn);
        final long high = c.load64(ea);
        final long low = c.load64(plus8(c, ea));
        final int t = xt(insn) << 1;
        c.vsr[t] = high;
        c.vsr[t + 1] = low;
    }

    /** lxvdsx: the doubleword at EA into both doublewords. */
    public static void lxvdsx(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final long value = c.load64(eaX(c, insn));
        final int t = xt(insn) << 1;
        c.vsr[t] = value;
        c.vsr[t + 1] = value;
    }

    /**
     * lxvw4x: word i from EA+4i. A doubleword load gets two words at once; in little-endian mode it returns
     * them swapped, which a rotation by 32 undoes.
     */
    public static void lxvw4x(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final long ea = eaX(c, insn);
        final int rotation = littleEndian(c) ? 32 : 0;
        final long high = Long.rotateLeft(c.load64(ea), rotation);
        final long low = Long.rotateLeft(c.load64(plus8(c, ea)), rotation);
        final int t = xt(insn) << 1;
        c.vsr[t] = high;
        c.vsr[t + 1] = low;
    }

    /** stxvd2x: doubleword 0 to EA, doubleword 1 to EA+8. */
    public static void stxvd2x(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final long ea = eaX(c, insn);
        final int s = xt(insn) << 1;
        translateStore(c, ea, 16);
        c.store64(ea, c.vsr[s]);
        c.store64(plus8(c, ea), c.vsr[s + 1]);
    }

    /** stxvw4x: word i to EA+4i. */
    public static void stxvw4x(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final long ea = eaX(c, insn);
        final int s = xt(insn) << 1;
        final int rotation = littleEndian(c) ? 32 : 0;
        translateStore(c, ea, 16);
        c.store64(ea, Long.rotateLeft(c.vsr[s], rotation));
        c.store64(plus8(c, ea), Long.rotateLeft(c.vsr[s + 1], rotation));
    }

    // ---- v3.0: one quadword in the MSR[LE] byte order ---------------------------------------------------

    /** lxv XT,DQ(RA): in little-endian mode doubleword 1 comes from EA and doubleword 0 from EA+8. */
    public static void lxv(final Cpu c, final int insn) {
        final int t = xtDq(insn);
        VsxFacility.requireVsxOrVector(c, t);
        final long ea = (FixedPoint.raOrZero(c, insn) + Fields.dq(insn)) & c.eaMask;
        final long first = c.load64(ea);
        final long second = c.load64(plus8(c, ea));
        final boolean little = littleEndian(c);
        c.vsr[t << 1] = little ? second : first;
        c.vsr[(t << 1) + 1] = little ? first : second;
    }

    /** stxv XS,DQ(RA). */
    public static void stxv(final Cpu c, final int insn) {
        final int s = xtDq(insn);
        VsxFacility.requireVsxOrVector(c, s);
        final long ea = (FixedPoint.raOrZero(c, insn) + Fields.dq(insn)) & c.eaMask;
        final boolean little = littleEndian(c);
        translateStore(c, ea, 16);
        c.store64(ea, c.vsr[(s << 1) + (little ? 1 : 0)]);
        c.store64(plus8(c, ea), c.vsr[(s << 1) + (little ? 0 : 1)]);
    }

    /** The byte count of lxvl/stxvl: RB bits 0-7, at most 16. */
    private static int lengthOf(final Cpu c, final int insn) {
        return (int) Math.min(c.gpr[rb(insn)] >>> 56, 16);
    }

    /**
     * lxvl XT,RA,RB: the first min(RB[0:7], 16) bytes at (RA|0) fill the register from its most significant byte
     * (big-endian mode) or from its least significant byte (little-endian mode); the other bytes become 0.
     */
    public static void lxvl(final Cpu c, final int insn) {
        final int t = xt(insn);
        VsxFacility.requireVsxOrVector(c, t);
        final long ea = FixedPoint.raOrZero(c, insn) & c.eaMask;
        final int length = lengthOf(c, insn);
        final boolean little = littleEndian(c);
        long high = 0;
        long low = 0;
        for (int i = 0; i < length; i++) {
            final long b = c.load8((ea + i) & c.eaMask);
            final int index = little ? 15 - i : i;
            if (index < 8) {
                high |= b << (56 - 8 * index);
            } else {
                low |= b << (120 - 8 * index);
            }
        }
        c.vsr[t << 1] = high;
        c.vsr[(t << 1) + 1] = low;
    }

    /** stxvl XS,RA,RB: the inverse of lxvl for min(RB[0:7], 16) bytes. */
    public static void stxvl(final Cpu c, final int insn) {
        final int s = xt(insn);
        VsxFacility.requireVsxOrVector(c, s);
        final long ea = FixedPoint.raOrZero(c, insn) & c.eaMask;
        final int length = lengthOf(c, insn);
        if (length == 0) {
            return;
        }
        final boolean little = littleEndian(c);
        final long high = c.vsr[s << 1];
        final long low = c.vsr[(s << 1) + 1];
        translateStore(c, ea, length);
        for (int i = 0; i < length; i++) {
            final int index = little ? 15 - i : i;
            final long b = index < 8 ? high >>> (56 - 8 * index) : low >>> (120 - 8 * index);
            c.store8((ea + i) & c.eaMask, b);
        }
    }

    // ---- moves between GPRs and VSRs --------------------------------------------------------------------

    /** mfvsrd RA,XS: RA = doubleword 0. */
    public static void mfvsrd(final Cpu c, final int insn) {
        final int s = xt(insn);
        VsxFacility.requireFpOrVector(c, s);
        c.gpr[ra(insn)] = c.vsr[s << 1];
    }

    /** mfvsrwz RA,XS: RA = word 1, zero extended. */
    public static void mfvsrwz(final Cpu c, final int insn) {
        final int s = xt(insn);
        VsxFacility.requireFpOrVector(c, s);
        c.gpr[ra(insn)] = c.vsr[s << 1] & 0xFFFF_FFFFL;
    }

    /** mtvsrd XT,RA: doubleword 0 = RA; doubleword 1 is undefined and kept, as by QEMU. */
    public static void mtvsrd(final Cpu c, final int insn) {
        final int t = xt(insn);
        VsxFacility.requireFpOrVector(c, t);
        c.vsr[t << 1] = c.gpr[ra(insn)];
    }

    /** mtvsrwa XT,RA: doubleword 0 = RA[32:63] sign extended. */
    public static void mtvsrwa(final Cpu c, final int insn) {
        final int t = xt(insn);
        VsxFacility.requireFpOrVector(c, t);
        c.vsr[t << 1] = (int) c.gpr[ra(insn)];
    }

    /** mtvsrwz XT,RA: doubleword 0 = RA[32:63] zero extended. */
    public static void mtvsrwz(final Cpu c, final int insn) {
        final int t = xt(insn);
        VsxFacility.requireFpOrVector(c, t);
        c.vsr[t << 1] = c.gpr[ra(insn)] & 0xFFFF_FFFFL;
    }

    /** mfvsrld RA,XS: RA = doubleword 1. */
    public static void mfvsrld(final Cpu c, final int insn) {
        final int s = xt(insn);
        VsxFacility.requireVsxOrVector(c, s);
        c.gpr[ra(insn)] = c.vsr[(s << 1) + 1];
    }

    /** mtvsrdd XT,RA,RB: doubleword 0 = (RA|0), doubleword 1 = RB. */
    public static void mtvsrdd(final Cpu c, final int insn) {
        final int t = xt(insn);
        VsxFacility.requireVsxOrVector(c, t);
        final long high = FixedPoint.raOrZero(c, insn);
        c.vsr[t << 1] = high;
        c.vsr[(t << 1) + 1] = c.gpr[rb(insn)];
    }

    /** mtvsrws XT,RA: RA[32:63] into all four words. */
    public static void mtvsrws(final Cpu c, final int insn) {
        final int t = xt(insn);
        VsxFacility.requireVsxOrVector(c, t);
        final long word = c.gpr[ra(insn)] & 0xFFFF_FFFFL;
        final long value = (word << 32) | word;
        c.vsr[t << 1] = value;
        c.vsr[(t << 1) + 1] = value;
    }
}
