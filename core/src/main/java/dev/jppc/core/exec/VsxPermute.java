package dev.jppc.core.exec;

import static dev.jppc.core.decode.Fields.xa;
import static dev.jppc.core.decode.Fields.xb;
import static dev.jppc.core.decode.Fields.xc;
import static dev.jppc.core.decode.Fields.xt;

import dev.jppc.core.Cpu;

/**
 * Book I 7.6 VSX logical, select, merge, permute, shift and splat instructions: bit movements on whole
 * 128-bit registers, with no floating-point semantics and no status bits.
 *
 * <p>Registers are doubleword pairs ({@link Cpu#vsr}); word 0 is the high half of doubleword 0. Every method
 * reads all its sources before writing XT, since XT may be one of them.
 */
public final class VsxPermute {

    private static final long HIGH_WORD = 0xFFFF_FFFF_0000_0000L;
    private static final long LOW_WORD = 0xFFFF_FFFFL;

    private VsxPermute() {
    }

    private static void write(final Cpu c, final int insn, final long high, final long low) {
        final int t = xt(insn) << 1;
        c.vsr[t] = high;
        c.vsr[t + 1] = low;
    }

    // ---- logical ----------------------------------------------------------------------------------------

    public static void xxland(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int a = xa(insn) << 1;
        final int b = xb(insn) << 1;
        write(c, insn, c.vsr[a] & c.vsr[b], c.vsr[a + 1] & c.vsr[b + 1]);
    }

    public static void xxlandc(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int a = xa(insn) << 1;
        final int b = xb(insn) << 1;
        write(c, insn, c.vsr[a] & ~c.vsr[b], c.vsr[a + 1] & ~c.vsr[b + 1]);
    }

    /** xxlor; with XA = XB it is xxmr. */
    public static void xxlor(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int a = xa(insn) << 1;
        final int b = xb(insn) << 1;
        write(c, insn, c.vsr[a] | c.vsr[b], c.vsr[a + 1] | c.vsr[b + 1]);
    }

    public static void xxlxor(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int a = xa(insn) << 1;
        final int b = xb(insn) << 1;
        write(c, insn, c.vsr[a] ^ c.vsr[b], c.vsr[a + 1] ^ c.vsr[b + 1]);
    }

    /** xxlnor; with XA = XB it is xxlnot. */
    public static void xxlnor(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int a = xa(insn) << 1;
        final int b = xb(insn) << 1;
        write(c, insn, ~(c.vsr[a] | c.vsr[b]), ~(c.vsr[a + 1] | c.vsr[b + 1]));
    }

    public static void xxlorc(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int a = xa(insn) << 1;
        final int b = xb(insn) << 1;
        write(c, insn, c.vsr[a] | ~c.vsr[b], c.vsr[a + 1] | ~c.vsr[b + 1]);
    }

    public static void xxlnand(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int a = xa(insn) << 1;
        final int b = xb(insn) << 1;
        write(c, insn, ~(c.vsr[a] & c.vsr[b]), ~(c.vsr[a + 1] & c.vsr[b + 1]));
    }

    public static void xxleqv(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int a = xa(insn) << 1;
        final int b = xb(insn) << 1;
        write(c, insn, ~(c.vsr[a] ^ c.vsr[b]), ~(c.vsr[a + 1] ^ c.vsr[b + 1]));
    }

    /** xxsel XT,XA,XB,XC: each bit from XB where XC has a 1, from XA where it has a 0. */
    public static void xxsel(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int a = xa(insn) << 1;
        final int b = xb(insn) << 1;
        final int m = xc(insn) << 1;
        final long high = (c.vsr[a] & ~c.vsr[m]) | (c.vsr[b] & c.vsr[m]);
        final long low = (c.vsr[a + 1] & ~c.vsr[m + 1]) | (c.vsr[b + 1] & c.vsr[m + 1]);
        write(c, insn, high, low);
    }

    // ---- merge and permute ------------------------------------------------------------------------------

    /**
     * xxpermdi XT,XA,XB,DM: doubleword 0 is XA's doubleword DM[0], doubleword 1 is XB's doubleword DM[1]
     * (xxswapd, xxspltd, xxmrghd and xxmrgld are its extended mnemonics).
     */
    public static void xxpermdi(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int dm = (insn >>> 8) & 3;
        final long high = c.vsr[(xa(insn) << 1) + (dm >>> 1)];
        final long low = c.vsr[(xb(insn) << 1) + (dm & 1)];
        write(c, insn, high, low);
    }

    /** xxmrghw: words 0 and 1 of XA and XB interleaved (A0 B0 A1 B1). */
    public static void xxmrghw(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        merge(c, insn, c.vsr[xa(insn) << 1], c.vsr[xb(insn) << 1]);
    }

    /** xxmrglw: words 2 and 3 of XA and XB interleaved (A2 B2 A3 B3). */
    public static void xxmrglw(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        merge(c, insn, c.vsr[(xa(insn) << 1) + 1], c.vsr[(xb(insn) << 1) + 1]);
    }

    private static void merge(final Cpu c, final int insn, final long a, final long b) {
        write(c, insn, (a & HIGH_WORD) | (b >>> 32), (a << 32) | (b & LOW_WORD));
    }

    /** xxsldwi XT,XA,XB,SHW: words SHW to SHW+3 of the eight-word concatenation XA || XB. */
    public static void xxsldwi(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int a = xa(insn) << 1;
        final int b = xb(insn) << 1;
        final long a0 = c.vsr[a];
        final long a1 = c.vsr[a + 1];
        final long b0 = c.vsr[b];
        switch ((insn >>> 8) & 3) {
            case 0 -> write(c, insn, a0, a1);
            case 1 -> write(c, insn, (a0 << 32) | (a1 >>> 32), (a1 << 32) | (b0 >>> 32));
            case 2 -> write(c, insn, a1, b0);
            default -> write(c, insn, (a1 << 32) | (b0 >>> 32), (b0 << 32) | (c.vsr[b + 1] >>> 32));
        }
    }

    // ---- splat ------------------------------------------------------------------------------------------

    /** xxspltw XT,XB,UIM: word UIM of XB into all four words. */
    public static void xxspltw(final Cpu c, final int insn) {
        VsxFacility.requireVsx(c);
        final int uim = (insn >>> 16) & 3;
        final long dw = c.vsr[(xb(insn) << 1) + (uim >>> 1)];
        final long word = (uim & 1) == 0 ? dw >>> 32 : dw & LOW_WORD;
        final long value = (word << 32) | word;
        write(c, insn, value, value);
    }

    /**
     * xxspltib XT,IMM8 (v3.0): IMM8 into all sixteen bytes. Bits 11-12 must be 0: v3.1 puts lxvkq in the same
     * extended opcode with 0b11 there.
     */
    public static void xxspltib(final Cpu c, final int insn) {
        if (((insn >>> 19) & 3) != 0) {
            throw c.illegal(insn);
        }
        final int t = xt(insn);
        VsxFacility.requireVsxOrVector(c, t);
        final long value = ((insn >>> 11) & 0xFFL) * 0x0101_0101_0101_0101L;
        write(c, insn, value, value);
    }
}
