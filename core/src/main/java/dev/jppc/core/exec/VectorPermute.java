package dev.jppc.core.exec;

import static dev.jppc.core.exec.VectorInteger.WORD;
import static dev.jppc.core.exec.VectorInteger.clampSigned;
import static dev.jppc.core.exec.VectorInteger.mask;
import static dev.jppc.core.exec.VectorInteger.saturated;
import static dev.jppc.core.exec.VectorInteger.signExtend;
import static dev.jppc.core.exec.VectorInteger.va;
import static dev.jppc.core.exec.VectorInteger.vb;
import static dev.jppc.core.exec.VectorInteger.vc;
import static dev.jppc.core.exec.VectorInteger.vd;

import dev.jppc.core.Cpu;

/**
 * Book I 6.8 vector permute and formatting (pack, unpack, merge, splat, permute, select, shifts of the whole
 * register), 6.12 vgbbd and vbpermq, and the ISA v3.0/v3.1 byte instructions jppc accepts.
 *
 * <p>Byte i of a register is byte i of the ISA's big-endian numbering: bits 8i..8i+7, the most significant
 * byte of doubleword 0 being byte 0.
 */
public final class VectorPermute {

    /** Pack kinds: modulo, unsigned to unsigned saturate, signed to signed saturate, signed to unsigned. */
    public static final int PACK_MODULO = 0;
    public static final int PACK_UNSIGNED = 1;
    public static final int PACK_SIGNED = 2;
    public static final int PACK_SIGNED_TO_UNSIGNED = 3;

    private VectorPermute() {
    }

    static int byteOf(final long hi, final long lo, final int i) {
        return (int) ((i < 8 ? hi >>> (56 - 8 * i) : lo >>> (120 - 8 * i)) & 0xFF);
    }

    // ---- pack and unpack (6.8.1, 6.8.2) ---------------------------------------------------------------------

    /**
     * vpk*: the {@code width}-bit elements of VRA then VRB, each narrowed to half the width (truncated or
     * saturated by {@code kind}).
     */
    public static void pack(final Cpu c, final int insn, final int width, final int kind) {
        final int a = va(insn);
        final int b = vb(insn);
        final long hi = packDoubleword(c, c.vrHigh(a), c.vrLow(a), width, kind);
        final long lo = packDoubleword(c, c.vrHigh(b), c.vrLow(b), width, kind);
        c.setVr(vd(insn), hi, lo);
    }

    private static long packDoubleword(final Cpu c, final long hi, final long lo, final int width, final int kind) {
        return (packHalf(c, hi, width, kind) << 32) | packHalf(c, lo, width, kind);
    }

    private static long packHalf(final Cpu c, final long source, final int width, final int kind) {
        final int narrow = width / 2;
        final long m = mask(width);
        final long narrowMask = mask(narrow);
        long r = 0;
        int out = 32 - narrow;
        for (int sh = 64 - width; sh >= 0; sh -= width, out -= narrow) {
            final long x = (source >>> sh) & m;
            final long v = switch (kind) {
                case PACK_MODULO -> x;
                case PACK_UNSIGNED -> Long.compareUnsigned(x, narrowMask) > 0 ? saturate(c, narrowMask) : x;
                case PACK_SIGNED -> clampSigned(c, signExtend(x, width), narrow);
                default -> clampUnsignedOfSigned(c, signExtend(x, width), narrowMask);
            };
            r |= (v & narrowMask) << out;
        }
        return r;
    }

    private static long saturate(final Cpu c, final long value) {
        saturated(c);
        return value;
    }

    private static long clampUnsignedOfSigned(final Cpu c, final long s, final long max) {
        if (s < 0) {
            return saturate(c, 0);
        }
        return s > max ? saturate(c, max) : s;
    }

    /** vpkpx: each word of VRA then VRB, a 8:8:8:8 pixel, packed to 1:5:5:5 (bits 7, 8:12, 16:20, 24:28). */
    public static void packPixel(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        c.setVr(vd(insn), pixels(c.vrHigh(a), c.vrLow(a)), pixels(c.vrHigh(b), c.vrLow(b)));
    }

    private static long pixels(final long hi, final long lo) {
        return (pixel(hi >>> 32) << 48) | (pixel(hi) << 32) | (pixel(lo >>> 32) << 16) | pixel(lo);
    }

    private static long pixel(final long w) {
        return (((w >>> 24) & 1) << 15) | (((w >>> 19) & 0x1F) << 10) | (((w >>> 11) & 0x1F) << 5)
            | ((w >>> 3) & 0x1F);
    }

    /** vupkh/vupkl s b/h/w: the elements of doubleword 0 (high) or 1 (low) of VRB, sign extended to twice the width. */
    public static void unpack(final Cpu c, final int insn, final int width, final boolean high) {
        final int b = vb(insn);
        final long source = high ? c.vrHigh(b) : c.vrLow(b);
        c.setVr(vd(insn), widen(source >>> 32, width), widen(source & WORD, width));
    }

    private static long widen(final long half, final int width) {
        final int wide = 2 * width;
        long r = 0;
        int out = 64 - wide;
        for (int sh = 32 - width; sh >= 0; sh -= width, out -= wide) {
            r |= (signExtend(half >>> sh, width) & mask(wide)) << out;
        }
        return r;
    }

    /** vupkhpx/vupklpx: 1:5:5:5 pixels to 8:8:8:8 words, the 1-bit field sign extended to a byte. */
    public static void unpackPixel(final Cpu c, final int insn, final boolean high) {
        final int b = vb(insn);
        final long source = high ? c.vrHigh(b) : c.vrLow(b);
        c.setVr(vd(insn), (unpixel(source >>> 48) << 32) | unpixel(source >>> 32),
            (unpixel(source >>> 16) << 32) | unpixel(source));
    }

    private static long unpixel(final long h) {
        final long alpha = (h & 0x8000) != 0 ? 0xFF : 0;
        return (alpha << 24) | (((h >>> 10) & 0x1F) << 16) | (((h >>> 5) & 0x1F) << 8) | (h & 0x1F);
    }

    // ---- merge and splat (6.8.3, 6.8.4) ---------------------------------------------------------------------

    /** vmrgh and vmrgl: the elements of one half of VRA and VRB interleaved, VRA's first. */
    public static void merge(final Cpu c, final int insn, final int width, final boolean high) {
        final int a = va(insn);
        final int b = vb(insn);
        final long x = high ? c.vrHigh(a) : c.vrLow(a);
        final long y = high ? c.vrHigh(b) : c.vrLow(b);
        c.setVr(vd(insn), interleave(x >>> 32, y >>> 32, width), interleave(x & WORD, y & WORD, width));
    }

    private static long interleave(final long x, final long y, final int width) {
        final long m = mask(width);
        long r = 0;
        int out = 64 - width;
        for (int sh = 32 - width; sh >= 0; sh -= width, out -= 2 * width) {
            r |= (((x >>> sh) & m) << out) | (((y >>> sh) & m) << (out - width));
        }
        return r;
    }

    /** vmrgew (even) and vmrgow (odd), v2.07: words 0 and 2 (or 1 and 3) of VRA and VRB interleaved. */
    public static void mergeWords(final Cpu c, final int insn, final boolean odd) {
        final int a = va(insn);
        final int b = vb(insn);
        if (odd) {
            c.setVr(vd(insn), (c.vrHigh(a) << 32) | (c.vrHigh(b) & WORD), (c.vrLow(a) << 32) | (c.vrLow(b) & WORD));
        } else {
            c.setVr(vd(insn), (c.vrHigh(a) & ~WORD) | (c.vrHigh(b) >>> 32), (c.vrLow(a) & ~WORD) | (c.vrLow(b) >>> 32));
        }
    }

    /** vsplt b/h/w: element UIMM (low bits of the VRA field) of VRB in every element. */
    public static void splat(final Cpu c, final int insn, final int width) {
        final int b = vb(insn);
        final int index = va(insn) & (128 / width - 1);
        final int bit = index * width;
        final long source = bit < 64 ? c.vrHigh(b) : c.vrLow(b);
        final long element = (source >>> (64 - width - (bit & 63))) & mask(width);
        final long r = replicate(element, width);
        c.setVr(vd(insn), r, r);
    }

    /** vspltis b/h/w: the 5-bit signed immediate in the VRA field, sign extended into every element. */
    public static void splatImmediate(final Cpu c, final int insn, final int width) {
        final long r = replicate(signExtend(va(insn), 5) & mask(width), width);
        c.setVr(vd(insn), r, r);
    }

    static long replicate(final long element, final int width) {
        long r = element;
        for (int w = width; w < 64; w *= 2) {
            r |= r << w;
        }
        return r;
    }

    // ---- permute and select (6.8.5, 6.8.6) ------------------------------------------------------------------

    /** vperm: byte i is byte (VRC byte i & 31) of the 32-byte VRA || VRB. */
    public static void permute(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        final int s = vc(insn);
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long bh = c.vrHigh(b);
        final long bl = c.vrLow(b);
        final long sh = c.vrHigh(s);
        final long sl = c.vrLow(s);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 16; i++) {
            final int index = byteOf(sh, sl, i) & 31;
            final long v = index < 16 ? byteOf(ah, al, index) : byteOf(bh, bl, index - 16);
            if (i < 8) {
                hi |= v << (56 - 8 * i);
            } else {
                lo |= v << (120 - 8 * i);
            }
        }
        c.setVr(vd(insn), hi, lo);
    }

    /** vpermxor (v2.07): byte i is VRA byte (VRC byte i bits 0:3) XOR VRB byte (bits 4:7). */
    public static void permuteXor(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        final int s = vc(insn);
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long bh = c.vrHigh(b);
        final long bl = c.vrLow(b);
        final long sh = c.vrHigh(s);
        final long sl = c.vrLow(s);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 16; i++) {
            final int index = byteOf(sh, sl, i);
            final long v = byteOf(ah, al, index >>> 4) ^ byteOf(bh, bl, index & 0xF);
            if (i < 8) {
                hi |= v << (56 - 8 * i);
            } else {
                lo |= v << (120 - 8 * i);
            }
        }
        c.setVr(vd(insn), hi, lo);
    }

    /** vsel: each bit from VRB where VRC's bit is 1, else from VRA. */
    public static void select(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        final int s = vc(insn);
        final long sh = c.vrHigh(s);
        final long sl = c.vrLow(s);
        c.setVr(vd(insn), (c.vrHigh(a) & ~sh) | (c.vrHigh(b) & sh), (c.vrLow(a) & ~sl) | (c.vrLow(b) & sl));
    }

    // ---- whole-register shifts (6.8.7) ----------------------------------------------------------------------

    /** vsldoi: bytes SHB..SHB+15 of VRA || VRB. */
    public static void shiftLeftDoubleByOctet(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        final int n = (insn >>> 6) & 0xF;
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long bh = c.vrHigh(b);
        final long bl = c.vrLow(b);
        final long hi;
        final long lo;
        if (n == 0) {
            hi = ah;
            lo = al;
        } else if (n < 8) {
            hi = (ah << (8 * n)) | (al >>> (64 - 8 * n));
            lo = (al << (8 * n)) | (bh >>> (64 - 8 * n));
        } else if (n == 8) {
            hi = al;
            lo = bh;
        } else {
            hi = (al << (8 * n - 64)) | (bh >>> (128 - 8 * n));
            lo = (bh << (8 * n - 64)) | (bl >>> (128 - 8 * n));
        }
        c.setVr(vd(insn), hi, lo);
    }

    /**
     * vsl and vsr: VRA shifted by bits 125:127 of VRB. v2.07 leaves the result undefined unless every byte of
     * VRB holds the same count; jppc, like POWER8 and QEMU, uses byte 15's.
     */
    public static void shiftBits(final Cpu c, final int insn, final boolean left) {
        final int a = va(insn);
        final int n = (int) c.vrLow(vb(insn)) & 7;
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        if (n == 0) {
            c.setVr(vd(insn), ah, al);
        } else if (left) {
            c.setVr(vd(insn), (ah << n) | (al >>> (64 - n)), al << n);
        } else {
            c.setVr(vd(insn), ah >>> n, (al >>> n) | (ah << (64 - n)));
        }
    }

    /** vslo and vsro: VRA shifted by whole octets, the count in bits 121:124 of VRB. */
    public static void shiftOctets(final Cpu c, final int insn, final boolean left) {
        final int a = va(insn);
        final int bits = 8 * (((int) c.vrLow(vb(insn)) >>> 3) & 0xF);
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long hi;
        final long lo;
        if (bits == 0) {
            hi = ah;
            lo = al;
        } else if (left) {
            hi = bits < 64 ? (ah << bits) | (al >>> (64 - bits)) : al << (bits - 64);
            lo = bits < 64 ? al << bits : 0;
        } else {
            hi = bits < 64 ? ah >>> bits : 0;
            lo = bits < 64 ? (al >>> bits) | (ah << (64 - bits)) : ah >>> (bits - 64);
        }
        c.setVr(vd(insn), hi, lo);
    }

    // ---- bit permutes (6.12, v2.07) -------------------------------------------------------------------------

    /** vgbbd: each doubleword read as an 8x8 bit matrix (byte = row) and transposed. */
    public static void gatherBitsByBytes(final Cpu c, final int insn) {
        final int b = vb(insn);
        c.setVr(vd(insn), transpose(c.vrHigh(b)), transpose(c.vrLow(b)));
    }

    private static long transpose(final long x) {
        long r = 0;
        for (int row = 0; row < 8; row++) {
            for (int col = 0; col < 8; col++) {
                final long bit = (x >>> (63 - (8 * row + col))) & 1;
                r |= bit << (63 - (8 * col + row));
            }
        }
        return r;
    }

    /**
     * vbpermq: for each byte i of VRB, bit (VRB byte i) of VRA when below 128, else 0, gathered into bits 48:63
     * of doubleword 0; the rest is zero.
     */
    public static void bitPermuteQuadword(final Cpu c, final int insn) {
        final int a = va(insn);
        final int b = vb(insn);
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long bh = c.vrHigh(b);
        final long bl = c.vrLow(b);
        long r = 0;
        for (int i = 0; i < 16; i++) {
            final int index = byteOf(bh, bl, i);
            if (index < 128) {
                final long bit = (index < 64 ? ah >>> (63 - index) : al >>> (127 - index)) & 1;
                r |= bit << (15 - i);
            }
        }
        c.setVr(vd(insn), r, 0);
    }

    // ---- ISA v3.0 / v3.1 ------------------------------------------------------------------------------------

    /**
     * The 31/1538 row, told apart by VRA: vclzlsbb (0) counts the leading bytes of VRB whose least significant
     * bit is 0, vctzlsbb (1) the trailing ones (ISA v3.0 6.8.9). Other VRA values are other instructions.
     */
    public static void countLsbBytes(final Cpu c, final int insn) {
        final int select = va(insn);
        if (select > 1) {
            throw c.illegal(insn);
        }
        final int b = vb(insn);
        final long lsbs = lsbs(c.vrHigh(b), c.vrLow(b));
        c.gpr[vd(insn)] = select == 0 ? Long.numberOfLeadingZeros(lsbs) - 48 : Math.min(16,
            Long.numberOfTrailingZeros(lsbs));
    }

    /** The least significant bit of each byte, byte 0's the most significant of 16 bits. */
    private static long lsbs(final long hi, final long lo) {
        long r = 0;
        for (int i = 0; i < 16; i++) {
            r |= (long) (byteOf(hi, lo, i) & 1) << (15 - i);
        }
        return r;
    }

    /** vextubrx (ISA v3.0): RT = byte (15 - (RA & 15)) of VRB, zero extended. */
    public static void extractByteRightIndexed(final Cpu c, final int insn) {
        final int b = vb(insn);
        final int index = (int) c.gpr[va(insn)] & 0xF;
        c.gpr[vd(insn)] = byteOf(c.vrHigh(b), c.vrLow(b), 15 - index);
    }

    /**
     * The 4/1602 row, told apart by VRA: vextractbm, hm, wm, dm (8-11, ISA v3.1) gather the most significant
     * bit of each element of VRB into the low bits of RT, element 0's the most significant.
     */
    public static void extractMask(final Cpu c, final int insn) {
        final int select = va(insn);
        if (select < 8 || select > 11) {
            throw c.illegal(insn);
        }
        final int width = 8 << (select - 8);
        final int b = vb(insn);
        long r = 0;
        for (int bit = 0; bit < 128; bit += width) {
            final long v = bit < 64 ? c.vrHigh(b) >>> (63 - bit) : c.vrLow(b) >>> (127 - bit);
            r = (r << 1) | (v & 1);
        }
        c.gpr[vd(insn)] = r;
    }
}
