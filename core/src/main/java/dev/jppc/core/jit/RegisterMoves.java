package dev.jppc.core.jit;

import dev.jppc.core.Cpu;

/**
 * The moves to and from LR and CTR, which translated blocks call instead of the general mtspr/mfspr: those
 * two registers are plain user state with no side effects, and a method this small is always inlined
 * (the general one, a switch over every SPR, is not).
 */
public final class RegisterMoves {

    private RegisterMoves() {
    }

    /** mtlr RS (mtspr 8). */
    public static void mtlr(final Cpu c, final int insn) {
        c.lr = c.gpr[(insn >>> 21) & 31];
    }

    /** mtctr RS (mtspr 9). */
    public static void mtctr(final Cpu c, final int insn) {
        c.ctr = c.gpr[(insn >>> 21) & 31];
    }

    /** mflr RT (mfspr 8). */
    public static void mflr(final Cpu c, final int insn) {
        c.gpr[(insn >>> 21) & 31] = c.lr;
    }

    /** mfctr RT (mfspr 9). */
    public static void mfctr(final Cpu c, final int insn) {
        c.gpr[(insn >>> 21) & 31] = c.ctr;
    }
}
