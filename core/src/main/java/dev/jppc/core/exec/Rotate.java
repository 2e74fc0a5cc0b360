package dev.jppc.core.exec;

import static dev.jppc.core.decode.Fields.ra;
import static dev.jppc.core.decode.Fields.rb;
import static dev.jppc.core.decode.Fields.rt;

import dev.jppc.core.Cpu;
import dev.jppc.core.decode.Fields;

/** Book I 3.3.14 rotate and shift instructions. RS is the word's rt field; the result goes to RA. */
public final class Rotate {

    private Rotate() {
    }

    /**
     * MASK(begin, end) of the ISA: ones from bit {@code begin} to bit {@code end} (0 is the most significant),
     * wrapping around when begin > end.
     */
    public static long mask(final int begin, final int end) {
        final long fromBegin = -1L >>> begin;
        final long toEnd = -1L << (63 - end);
        return begin <= end ? fromBegin & toEnd : fromBegin | toEnd;
    }

    /** ROTL32 of the ISA: the low word doubled into both halves, then rotated as 64 bits. */
    private static long rotateWord(final long value, final int n) {
        final long word = value & 0xFFFF_FFFFL;
        return Long.rotateLeft(word | (word << 32), n);
    }

    private static void tail(final Cpu c, final int insn, final long result) {
        c.gpr[ra(insn)] = result;
        if (Fields.rc(insn)) {
            FixedPoint.setCr0(c, result);
        }
    }

    public static void rlwinm(final Cpu c, final int insn) {
        final long rotated = rotateWord(c.gpr[rt(insn)], Fields.rb(insn));
        tail(c, insn, rotated & mask(Fields.mb5(insn) + 32, Fields.me5(insn) + 32));
    }

    public static void rlwnm(final Cpu c, final int insn) {
        final long rotated = rotateWord(c.gpr[rt(insn)], (int) c.gpr[rb(insn)] & 31);
        tail(c, insn, rotated & mask(Fields.mb5(insn) + 32, Fields.me5(insn) + 32));
    }

    public static void rlwimi(final Cpu c, final int insn) {
        final long rotated = rotateWord(c.gpr[rt(insn)], Fields.rb(insn));
        final long m = mask(Fields.mb5(insn) + 32, Fields.me5(insn) + 32);
        tail(c, insn, (rotated & m) | (c.gpr[ra(insn)] & ~m));
    }

    public static void rldicl(final Cpu c, final int insn) {
        tail(c, insn, Long.rotateLeft(c.gpr[rt(insn)], Fields.sh6(insn)) & mask(Fields.mb6(insn), 63));
    }

    public static void rldicr(final Cpu c, final int insn) {
        tail(c, insn, Long.rotateLeft(c.gpr[rt(insn)], Fields.sh6(insn)) & mask(0, Fields.mb6(insn)));
    }

    public static void rldic(final Cpu c, final int insn) {
        final int sh = Fields.sh6(insn);
        tail(c, insn, Long.rotateLeft(c.gpr[rt(insn)], sh) & mask(Fields.mb6(insn), 63 - sh));
    }

    public static void rldimi(final Cpu c, final int insn) {
        final int sh = Fields.sh6(insn);
        final long m = mask(Fields.mb6(insn), 63 - sh);
        tail(c, insn, (Long.rotateLeft(c.gpr[rt(insn)], sh) & m) | (c.gpr[ra(insn)] & ~m));
    }

    public static void rldcl(final Cpu c, final int insn) {
        final int n = (int) c.gpr[rb(insn)] & 63;
        tail(c, insn, Long.rotateLeft(c.gpr[rt(insn)], n) & mask(Fields.mb6(insn), 63));
    }

    public static void rldcr(final Cpu c, final int insn) {
        final int n = (int) c.gpr[rb(insn)] & 63;
        tail(c, insn, Long.rotateLeft(c.gpr[rt(insn)], n) & mask(0, Fields.mb6(insn)));
    }

    public static void slw(final Cpu c, final int insn) {
        final int n = (int) c.gpr[rb(insn)] & 63;
        tail(c, insn, n > 31 ? 0 : (c.gpr[rt(insn)] << n) & 0xFFFF_FFFFL);
    }

    public static void srw(final Cpu c, final int insn) {
        final int n = (int) c.gpr[rb(insn)] & 63;
        tail(c, insn, n > 31 ? 0 : (c.gpr[rt(insn)] & 0xFFFF_FFFFL) >>> n);
    }

    public static void sld(final Cpu c, final int insn) {
        final int n = (int) c.gpr[rb(insn)] & 127;
        tail(c, insn, n > 63 ? 0 : c.gpr[rt(insn)] << n);
    }

    public static void srd(final Cpu c, final int insn) {
        final int n = (int) c.gpr[rb(insn)] & 127;
        tail(c, insn, n > 63 ? 0 : c.gpr[rt(insn)] >>> n);
    }

    /** Algebraic word shift: CA is set when the word is negative and one bits were shifted out. */
    private static void shiftWordAlgebraic(final Cpu c, final int insn, final int n) {
        final long word = (int) c.gpr[rt(insn)];
        final long result;
        final boolean lost;
        if (n > 31) {
            result = word >> 31;
            lost = word != 0;
        } else {
            result = word >> n;
            lost = (word & ((1L << n) - 1)) != 0;
        }
        final int ca = word < 0 && lost ? 1 : 0;
        c.xerCa = ca;
        c.xerCa32 = ca;
        tail(c, insn, result);
    }

    public static void sraw(final Cpu c, final int insn) {
        shiftWordAlgebraic(c, insn, (int) c.gpr[rb(insn)] & 63);
    }

    public static void srawi(final Cpu c, final int insn) {
        shiftWordAlgebraic(c, insn, Fields.rb(insn));
    }

    private static void shiftDoubleAlgebraic(final Cpu c, final int insn, final int n) {
        final long value = c.gpr[rt(insn)];
        final long result;
        final boolean lost;
        if (n > 63) {
            result = value >> 63;
            lost = value != 0;
        } else {
            result = value >> n;
            lost = n != 0 && (value << (64 - n)) != 0;
        }
        final int ca = value < 0 && lost ? 1 : 0;
        c.xerCa = ca;
        c.xerCa32 = ca;
        tail(c, insn, result);
    }

    public static void srad(final Cpu c, final int insn) {
        shiftDoubleAlgebraic(c, insn, (int) c.gpr[rb(insn)] & 127);
    }

    public static void sradi(final Cpu c, final int insn) {
        shiftDoubleAlgebraic(c, insn, Fields.sh6(insn));
    }
}
