package dev.jppc.core.exec;

/**
 * Raw instruction words for what {@link dev.jppc.core.asm.PpcAsm} deliberately refuses to assemble (invalid
 * forms) or does not offer.
 */
final class Words {

    private Words() {
    }

    /** {@code word} with its RA field (bits 11:15) replaced. */
    static int withRa(final int word, final int ra) {
        return (word & ~(31 << 16)) | (ra << 16);
    }

    /** {@code word} with its RT/RS/BO field (bits 6:10) replaced. */
    static int withRt(final int word, final int rt) {
        return (word & ~(31 << 21)) | (rt << 21);
    }

    /** An X-form word under a primary opcode: fields at bits 6:10, 11:15, 16:20, XO at 21:30, bit 31. */
    static int x(final int primary, final int xo, final int f6, final int f11, final int f16, final int bit31) {
        return (primary << 26) | (f6 << 21) | (f11 << 16) | (f16 << 11) | (xo << 1) | bit31;
    }

    /** A D-form word. */
    static int d(final int primary, final int f6, final int f11, final int imm16) {
        return (primary << 26) | (f6 << 21) | (f11 << 16) | (imm16 & 0xFFFF);
    }

    /** {@code mftb RT,TBR} in its own X-form encoding (31/371), which GNU as no longer emits. */
    static int mftbX(final int rt, final int tbr) {
        return x(31, 371, rt, tbr & 31, tbr >>> 5, 0);
    }

    /** {@code wait} (31/62). */
    static int waitInstruction() {
        return x(31, 62, 0, 0, 0, 0);
    }

    /** {@code icbt CT,RA,RB} (31/22). */
    static int icbt(final int ra, final int rb) {
        return x(31, 22, 0, ra, rb, 0);
    }
}
