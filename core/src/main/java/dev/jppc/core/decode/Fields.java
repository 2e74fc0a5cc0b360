package dev.jppc.core.decode;

/**
 * Instruction fields by their ISA names. The ISA numbers bits from the most significant end, so a field at
 * ISA bits a..b of the 32-bit word is {@code (insn >>> (31 - b)) & ((1 << (b - a + 1)) - 1)}.
 */
public final class Fields {

    private Fields() {
    }

    /** RT, RS, BO, TO, FRT: bits 6-10. */
    public static int rt(final int insn) {
        return (insn >>> 21) & 31;
    }

    /** RA, BI: bits 11-15. */
    public static int ra(final int insn) {
        return (insn >>> 16) & 31;
    }

    /** RB, SH (32-bit), NB: bits 16-20. */
    public static int rb(final int insn) {
        return (insn >>> 11) & 31;
    }

    /** RC or BC (isel): bits 21-25. */
    public static int rc5(final int insn) {
        return (insn >>> 6) & 31;
    }

    /** VSX XT or XS of XX1 to XX4 forms: TX (bit 31) above T (bits 6-10), naming VSR 0-63. */
    public static int xt(final int insn) {
        return ((insn & 1) << 5) | ((insn >>> 21) & 31);
    }

    /** VSX XA: AX (bit 29) above A (bits 11-15). */
    public static int xa(final int insn) {
        return ((insn & 4) << 3) | ((insn >>> 16) & 31);
    }

    /** VSX XB: BX (bit 30) above B (bits 16-20). */
    public static int xb(final int insn) {
        return ((insn & 2) << 4) | ((insn >>> 11) & 31);
    }

    /** VSX XC of the XX4 form: CX (bit 28) above C (bits 21-25). */
    public static int xc(final int insn) {
        return ((insn & 8) << 2) | ((insn >>> 6) & 31);
    }

    /** VSX XT or XS of the DQ form (lxv, stxv): TX/SX (bit 28) above T (bits 6-10). */
    public static int xtDq(final int insn) {
        return ((insn & 8) << 2) | ((insn >>> 21) & 31);
    }

    /** The 16-bit immediate, sign extended (SI, D). */
    public static long si(final int insn) {
        return (short) insn;
    }

    /** The 16-bit immediate, zero extended (UI). */
    public static long ui(final int insn) {
        return insn & 0xFFFFL;
    }

    /** DS-form displacement: bits 16-29 with two zero bits appended, sign extended. */
    public static long ds(final int insn) {
        return (short) (insn & 0xFFFC);
    }

    /** DQ-form displacement: bits 16-27 with four zero bits appended, sign extended. */
    public static long dq(final int insn) {
        return (short) (insn & 0xFFF0);
    }

    /** M-form MB: bits 21-25. */
    public static int mb5(final int insn) {
        return (insn >>> 6) & 31;
    }

    /** M-form ME: bits 26-30. */
    public static int me5(final int insn) {
        return (insn >>> 1) & 31;
    }

    /** MD/MDS-form 6-bit mask boundary: bits 21-26, stored with its high bit last. */
    public static int mb6(final int insn) {
        final int field = (insn >>> 5) & 63;
        return ((field & 1) << 5) | (field >>> 1);
    }

    /** MD/XS-form 6-bit shift: sh[0:4] in bits 16-20 and sh[5] in bit 30. */
    public static int sh6(final int insn) {
        return ((insn >>> 11) & 31) | ((insn & 2) << 4);
    }

    /** BF: bits 6-8. */
    public static int bf(final int insn) {
        return (insn >>> 23) & 7;
    }

    /** BFA: bits 11-13. */
    public static int bfa(final int insn) {
        return (insn >>> 18) & 7;
    }

    /** L of compares: bit 10. */
    public static boolean l10(final int insn) {
        return (insn & (1 << 21)) != 0;
    }

    /** The SPR number, whose two 5-bit halves are swapped in bits 11-20. */
    public static int spr(final int insn) {
        return ((insn >>> 16) & 31) | (((insn >>> 11) & 31) << 5);
    }

    /** FXM of mtcrf/mfocrf: bits 12-19. */
    public static int fxm(final int insn) {
        return (insn >>> 12) & 0xFF;
    }

    /** Rc: bit 31. */
    public static boolean rc(final int insn) {
        return (insn & 1) != 0;
    }

    /** OE: bit 21 of XO forms. */
    public static boolean oe(final int insn) {
        return (insn & (1 << 10)) != 0;
    }

    /** I-form branch displacement LI||0b00, sign extended. */
    public static long li(final int insn) {
        return ((insn & 0x03FFFFFC) << 6) >> 6;
    }

    /** B-form branch displacement BD||0b00, sign extended. */
    public static long bd(final int insn) {
        return (short) (insn & 0xFFFC);
    }

    /** AA: bit 30. */
    public static boolean aa(final int insn) {
        return (insn & 2) != 0;
    }

    /** LK: bit 31. */
    public static boolean lk(final int insn) {
        return (insn & 1) != 0;
    }

    /** BH of bclr/bcctr/bctar: bits 19-20. */
    public static int bh(final int insn) {
        return (insn >>> 11) & 3;
    }
}
