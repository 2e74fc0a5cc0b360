package dev.jppc.core.exec;

import static dev.jppc.core.exec.VectorInteger.WORD;
import static dev.jppc.core.exec.VectorInteger.va;
import static dev.jppc.core.exec.VectorInteger.vb;
import static dev.jppc.core.exec.VectorInteger.vd;
import static dev.jppc.core.exec.VectorPermute.byteOf;

import dev.jppc.core.Cpu;

/**
 * Book I 6.11 vector cryptography (v2.07): AES rounds and S-box (FIPS-197; the state is the register's 16
 * bytes in ISA order, column j being bytes 4j..4j+3), SHA-2 sigma functions (FIPS 180-4), and the
 * carry-less polynomial multiply-sum instructions.
 */
public final class VectorCrypto {

    private static final int[] SBOX = new int[256];
    private static final int[] INVERSE_SBOX = new int[256];

    static {
        // The S-box from its definition: multiplicative inverse in GF(2^8) followed by the affine map.
        for (int x = 0; x < 256; x++) {
            final int inverse = x == 0 ? 0 : inverse(x);
            int s = inverse;
            for (int k = 1; k <= 4; k++) {
                s ^= ((inverse << k) | (inverse >>> (8 - k))) & 0xFF;
            }
            s ^= 0x63;
            SBOX[x] = s;
            INVERSE_SBOX[s] = x;
        }
    }

    private VectorCrypto() {
    }

    private static int multiply(final int x, final int y) {
        int a = x;
        int b = y;
        int r = 0;
        while (b != 0) {
            if ((b & 1) != 0) {
                r ^= a;
            }
            a = xtime(a);
            b >>>= 1;
        }
        return r;
    }

    private static int xtime(final int x) {
        return ((x << 1) ^ ((x & 0x80) != 0 ? 0x1B : 0)) & 0xFF;
    }

    private static int inverse(final int x) {
        // x^254 = x^-1 in GF(2^8).
        int r = 1;
        for (int i = 0; i < 254; i++) {
            r = multiply(r, x);
        }
        return r;
    }

    /** vcipher (mix) and vcipherlast: SubBytes, ShiftRows, [MixColumns], then XOR with the round key VRB. */
    public static void cipher(final Cpu c, final int insn, final boolean last) {
        final int a = va(insn);
        final int b = vb(insn);
        final long sh = c.vrHigh(a);
        final long sl = c.vrLow(a);
        long hi = 0;
        long lo = 0;
        for (int col = 0; col < 4; col++) {
            // ShiftRows: row r of column col comes from column (col + r) mod 4.
            final int s0 = SBOX[byteOf(sh, sl, 4 * col)];
            final int s1 = SBOX[byteOf(sh, sl, 4 * ((col + 1) & 3) + 1)];
            final int s2 = SBOX[byteOf(sh, sl, 4 * ((col + 2) & 3) + 2)];
            final int s3 = SBOX[byteOf(sh, sl, 4 * ((col + 3) & 3) + 3)];
            final long column = last ? column(s0, s1, s2, s3) : mixColumn(s0, s1, s2, s3);
            if (col < 2) {
                hi |= column << (32 - 32 * col);
            } else {
                lo |= column << (32 - 32 * (col - 2));
            }
        }
        c.setVr(vd(insn), hi ^ c.vrHigh(b), lo ^ c.vrLow(b));
    }

    /** vncipher and vncipherlast: InvShiftRows, InvSubBytes, XOR with VRB, then [InvMixColumns]. */
    public static void inverseCipher(final Cpu c, final int insn, final boolean last) {
        final int a = va(insn);
        final int b = vb(insn);
        final long sh = c.vrHigh(a);
        final long sl = c.vrLow(a);
        final long kh = c.vrHigh(b);
        final long kl = c.vrLow(b);
        long hi = 0;
        long lo = 0;
        for (int col = 0; col < 4; col++) {
            // InvShiftRows: row r of column col comes from column (col - r) mod 4.
            final int s0 = INVERSE_SBOX[byteOf(sh, sl, 4 * col)] ^ byteOf(kh, kl, 4 * col);
            final int s1 = INVERSE_SBOX[byteOf(sh, sl, 4 * ((col + 3) & 3) + 1)] ^ byteOf(kh, kl, 4 * col + 1);
            final int s2 = INVERSE_SBOX[byteOf(sh, sl, 4 * ((col + 2) & 3) + 2)] ^ byteOf(kh, kl, 4 * col + 2);
            final int s3 = INVERSE_SBOX[byteOf(sh, sl, 4 * ((col + 1) & 3) + 3)] ^ byteOf(kh, kl, 4 * col + 3);
            final long column = last ? column(s0, s1, s2, s3) : inverseMixColumn(s0, s1, s2, s3);
            if (col < 2) {
                hi |= column << (32 - 32 * col);
            } else {
                lo |= column << (32 - 32 * (col - 2));
            }
        }
        c.setVr(vd(insn), hi, lo);
    }

    /** vsbox: SubBytes on each byte of VRA. */
    public static void sbox(final Cpu c, final int insn) {
        final int a = va(insn);
        c.setVr(vd(insn), sboxBytes(c.vrHigh(a)), sboxBytes(c.vrLow(a)));
    }

    private static long sboxBytes(final long x) {
        long r = 0;
        for (int sh = 56; sh >= 0; sh -= 8) {
            r |= (long) SBOX[(int) (x >>> sh) & 0xFF] << sh;
        }
        return r;
    }

    private static long column(final int b0, final int b1, final int b2, final int b3) {
        return ((long) b0 << 24) | ((long) b1 << 16) | ((long) b2 << 8) | b3;
    }

    private static long mixColumn(final int s0, final int s1, final int s2, final int s3) {
        return column(xtime(s0) ^ xtime(s1) ^ s1 ^ s2 ^ s3, s0 ^ xtime(s1) ^ xtime(s2) ^ s2 ^ s3,
            s0 ^ s1 ^ xtime(s2) ^ xtime(s3) ^ s3, xtime(s0) ^ s0 ^ s1 ^ s2 ^ xtime(s3));
    }

    private static long inverseMixColumn(final int s0, final int s1, final int s2, final int s3) {
        return column(multiply(s0, 14) ^ multiply(s1, 11) ^ multiply(s2, 13) ^ multiply(s3, 9),
            multiply(s0, 9) ^ multiply(s1, 14) ^ multiply(s2, 11) ^ multiply(s3, 13),
            multiply(s0, 13) ^ multiply(s1, 9) ^ multiply(s2, 14) ^ multiply(s3, 11),
            multiply(s0, 11) ^ multiply(s1, 13) ^ multiply(s2, 9) ^ multiply(s3, 14));
    }

    // ---- SHA-2 (6.11.2) -------------------------------------------------------------------------------------

    /**
     * vshasigmaw: for each word i, ST (bit 16) selects the lower-case sigma (0) or upper-case Sigma (1)
     * functions of SHA-256 and bit i of SIX (bits 17:20) selects function 0 or 1.
     */
    public static void sigmaWords(final Cpu c, final int insn) {
        final int a = va(insn);
        final boolean upper = ((insn >>> 15) & 1) != 0;
        final int six = (insn >>> 11) & 0xF;
        final long ah = c.vrHigh(a);
        final long al = c.vrLow(a);
        final long hi = (sigma32((int) (ah >>> 32), upper, (six & 8) != 0) << 32)
            | sigma32((int) ah, upper, (six & 4) != 0);
        final long lo = (sigma32((int) (al >>> 32), upper, (six & 2) != 0) << 32)
            | sigma32((int) al, upper, (six & 1) != 0);
        c.setVr(vd(insn), hi, lo);
    }

    private static long sigma32(final int x, final boolean upper, final boolean one) {
        final int r;
        if (!upper) {
            r = one ? Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10)
                : Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
        } else {
            r = one ? Integer.rotateRight(x, 6) ^ Integer.rotateRight(x, 11) ^ Integer.rotateRight(x, 25)
                : Integer.rotateRight(x, 2) ^ Integer.rotateRight(x, 13) ^ Integer.rotateRight(x, 22);
        }
        return r & WORD;
    }

    /** vshasigmad: the SHA-512 functions, doubleword i selected by SIX bit 2i. */
    public static void sigmaDoublewords(final Cpu c, final int insn) {
        final int a = va(insn);
        final boolean upper = ((insn >>> 15) & 1) != 0;
        final int six = (insn >>> 11) & 0xF;
        c.setVr(vd(insn), sigma64(c.vrHigh(a), upper, (six & 8) != 0), sigma64(c.vrLow(a), upper, (six & 2) != 0));
    }

    private static long sigma64(final long x, final boolean upper, final boolean one) {
        if (!upper) {
            return one ? Long.rotateRight(x, 19) ^ Long.rotateRight(x, 61) ^ (x >>> 6)
                : Long.rotateRight(x, 1) ^ Long.rotateRight(x, 8) ^ (x >>> 7);
        }
        return one ? Long.rotateRight(x, 14) ^ Long.rotateRight(x, 18) ^ Long.rotateRight(x, 41)
            : Long.rotateRight(x, 28) ^ Long.rotateRight(x, 34) ^ Long.rotateRight(x, 39);
    }

    // ---- polynomial multiply-sum (6.11.3) -------------------------------------------------------------------

    /**
     * vpmsumb/h/w: the carry-less products of each even-odd pair of {@code width}-bit elements, XORed, in an
     * element of twice the width.
     */
    public static void polynomialMultiplySum(final Cpu c, final int insn, final int width) {
        final int a = va(insn);
        final int b = vb(insn);
        if (width == 64) {
            polynomialMultiplySumDoublewords(c, insn, a, b);
            return;
        }
        c.setVr(vd(insn), pairs(c.vrHigh(a), c.vrHigh(b), width), pairs(c.vrLow(a), c.vrLow(b), width));
    }

    private static long pairs(final long a, final long b, final int width) {
        final int wide = 2 * width;
        final long m = VectorInteger.mask(width);
        final long wideMask = VectorInteger.mask(wide);
        long r = 0;
        for (int sh = 64 - wide; sh >= 0; sh -= wide) {
            final long even = clmulLow((a >>> (sh + width)) & m, (b >>> (sh + width)) & m);
            final long odd = clmulLow((a >>> sh) & m, (b >>> sh) & m);
            r |= ((even ^ odd) & wideMask) << sh;
        }
        return r;
    }

    /** Carry-less product of two values of at most 32 bits (fits in a long). */
    private static long clmulLow(final long x, final long y) {
        long r = 0;
        for (int i = 0; i < 32; i++) {
            if (((y >>> i) & 1) != 0) {
                r ^= x << i;
            }
        }
        return r;
    }

    /** vpmsumd: the two 128-bit carry-less products of the doublewords, XORed. */
    private static void polynomialMultiplySumDoublewords(final Cpu c, final int insn, final int a, final int b) {
        final long x0 = c.vrHigh(a);
        final long x1 = c.vrLow(a);
        final long y0 = c.vrHigh(b);
        final long y1 = c.vrLow(b);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 64; i++) {
            if (((y0 >>> i) & 1) != 0) {
                lo ^= x0 << i;
                hi ^= i == 0 ? 0 : x0 >>> (64 - i);
            }
            if (((y1 >>> i) & 1) != 0) {
                lo ^= x1 << i;
                hi ^= i == 0 ? 0 : x1 >>> (64 - i);
            }
        }
        c.setVr(vd(insn), hi, lo);
    }
}
