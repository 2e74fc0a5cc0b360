package dev.jppc.machine.diff;

import dev.jppc.core.decode.Decoder;
import dev.jppc.core.decode.Op;

/**
 * Builds instruction words from jppc's instruction table ({@link Op}): the opcode bits from the row, the operand
 * fields placed as the ISA's instruction formats place them (Book I 1.6). Each word is checked to decode back to
 * its op, so the generator and the decoder cannot drift apart silently.
 */
final class Encoding {

    private Encoding() {
    }

    /** The primary and extended opcode bits of {@code op}, every operand field zero. */
    static int base(final Op op) {
        int word = op.primary() << 26;
        if (op.extended() >= 0) {
            // The decoder indexes primaries 4, 17, 58 and 62 from bit 31 of the word, the others from bit 30.
            final int rowShift = switch (op.primary()) {
                case 4, 17, 58, 62 -> 0;
                default -> 1;
            };
            word |= (op.extended() << op.encoding().shift()) << rowShift;
            // stcx., slbfee. and friends: an X form whose name has the dot always has Rc=1 (it is part of the
            // opcode; the row ignores it).
            if (op.mnemonic().endsWith(".") && op.encoding() == Op.Encoding.X) {
                word |= RC;
            }
        }
        return word;
    }

    /** RT, RS, BO, TO, BF<<2: bits 6-10. */
    static int t(final int value) {
        return (value & 31) << 21;
    }

    /** RA, BI: bits 11-15. */
    static int a(final int value) {
        return (value & 31) << 16;
    }

    /** RB, SH, NB: bits 16-20. */
    static int b(final int value) {
        return (value & 31) << 11;
    }

    /** MB or BC: bits 21-25. */
    static int c(final int value) {
        return (value & 31) << 6;
    }

    /** ME: bits 26-30. */
    static int me(final int value) {
        return (value & 31) << 1;
    }

    /** MD-form 6-bit shift: sh[0:4] in bits 16-20, sh[5] in bit 30. */
    static int sh6(final int sh) {
        return ((sh & 31) << 11) | (((sh >>> 5) & 1) << 1);
    }

    /** MD/MDS-form 6-bit mask boundary in bits 21-26, its high bit last. */
    static int mb6(final int mb) {
        return (((mb & 31) << 1) | ((mb >>> 5) & 1)) << 5;
    }

    /** BF in bits 6-8 and L in bit 10 of compares. */
    static int bfL(final int bf, final int l) {
        return ((bf & 7) << 23) | ((l & 1) << 21);
    }

    /** XT or XS of X and XX forms: T in bits 6-10, TX in bit 31. */
    static int xt(final int vsr) {
        return t(vsr) | ((vsr >>> 5) & 1);
    }

    /** XA of XX forms: A in bits 11-15, AX in bit 29. */
    static int xa(final int vsr) {
        return a(vsr) | (((vsr >>> 5) & 1) << 2);
    }

    /** XB of XX forms: B in bits 16-20, BX in bit 30. */
    static int xb(final int vsr) {
        return b(vsr) | (((vsr >>> 5) & 1) << 1);
    }

    /** XC of the XX4 form: C in bits 21-25, CX in bit 28. */
    static int xc(final int vsr) {
        return c(vsr) | (((vsr >>> 5) & 1) << 3);
    }

    /** OE (bit 21) for XO forms. */
    static final int OE = 1 << 10;
    /** Rc (bit 31). */
    static final int RC = 1;

    /** {@code word}, checked to be decoded by jppc as {@code op}. */
    static int checked(final Op op, final int word) {
        final Op decoded = Decoder.decodeOp(word);
        if (decoded != op) {
            throw new IllegalStateException(String.format("generated %08x for %s but it decodes as %s", word, op,
                decoded));
        }
        return word;
    }
}
