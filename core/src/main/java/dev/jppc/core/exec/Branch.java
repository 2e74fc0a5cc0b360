package dev.jppc.core.exec;

import dev.jppc.core.Cpu;
import dev.jppc.core.Spr;
import dev.jppc.core.decode.Fields;

/** Book I chapter 2: branches and the condition register instructions. */
public final class Branch {

    private static final int BO_IGNORE_CONDITION = 0x10;
    private static final int BO_CONDITION_VALUE = 0x08;
    private static final int BO_KEEP_CTR = 0x04;
    private static final int BO_CTR_ZERO = 0x02;

    private Branch() {
    }

    public static void b(final Cpu c, final int insn) {
        final long base = Fields.aa(insn) ? 0 : c.pc;
        if (Fields.lk(insn)) {
            c.lr = c.nip;
        }
        c.nip = (base + Fields.li(insn)) & c.eaMask;
    }

    /**
     * Decrements CTR when BO says so and returns whether the branch is taken: the CTR test (unless BO[2])
     * and the CR bit BI compared with BO[1] (unless BO[0]). Public for translated blocks, which compute a
     * relative bc's target themselves.
     */
    public static boolean conditionHolds(final Cpu c, final int insn) {
        final int bo = Fields.rt(insn);
        boolean ctrOk = true;
        if ((bo & BO_KEEP_CTR) == 0) {
            c.ctr--;
            final long counter = c.ctr & c.eaMask;
            ctrOk = (counter == 0) == ((bo & BO_CTR_ZERO) != 0);
        }
        if ((bo & BO_IGNORE_CONDITION) != 0) {
            return ctrOk;
        }
        final int bit = (c.cr >>> (31 - Fields.ra(insn))) & 1;
        return ctrOk && bit == ((bo & BO_CONDITION_VALUE) != 0 ? 1 : 0);
    }

    public static void bc(final Cpu c, final int insn) {
        final boolean taken = conditionHolds(c, insn);
        if (Fields.lk(insn)) {
            c.lr = c.nip;
        }
        if (taken) {
            final long base = Fields.aa(insn) ? 0 : c.pc;
            c.nip = (base + Fields.bd(insn)) & c.eaMask;
        }
    }

    public static void bclr(final Cpu c, final int insn) {
        final long target = c.lr & ~3L;
        final boolean taken = conditionHolds(c, insn);
        if (Fields.lk(insn)) {
            c.lr = c.nip;
        }
        if (taken) {
            c.nip = target & c.eaMask;
        }
    }

    /**
     * bcctr must not decrement CTR: BO[2]=0 is an invalid form (illegal, as QEMU). bctar may: it decrements
     * and tests CTR like bc (Book I 2.4).
     */
    public static void bcctr(final Cpu c, final int insn, final boolean tar) {
        if (!tar && (Fields.rt(insn) & BO_KEEP_CTR) == 0) {
            throw c.illegal(insn);
        }
        final long target = (tar ? c.spr[Spr.TAR] : c.ctr) & ~3L;
        final boolean taken = conditionHolds(c, insn);
        if (Fields.lk(insn)) {
            c.lr = c.nip;
        }
        if (taken) {
            c.nip = target & c.eaMask;
        }
    }

    // ---- condition register ---------------------------------------------------------------------

    /** The CR logical instructions: {@code op} is the ISA's extended opcode, which names the function. */
    public static void crLogical(final Cpu c, final int insn, final int op) {
        final int a = (c.cr >>> (31 - Fields.ra(insn))) & 1;
        final int b = (c.cr >>> (31 - Fields.rb(insn))) & 1;
        final int result = switch (op) {
            case 257 -> a & b;
            case 449 -> a | b;
            case 193 -> a ^ b;
            case 225 -> (a & b) ^ 1;
            case 33 -> (a | b) ^ 1;
            case 289 -> (a ^ b) ^ 1;
            case 129 -> a & (b ^ 1);
            default -> a | (b ^ 1);
        };
        final int shift = 31 - Fields.rt(insn);
        c.cr = (c.cr & ~(1 << shift)) | (result << shift);
    }

    public static void mcrf(final Cpu c, final int insn) {
        final int field = (c.cr >>> (28 - 4 * Fields.bfa(insn))) & 0xF;
        final int shift = 28 - 4 * Fields.bf(insn);
        c.cr = (c.cr & ~(0xF << shift)) | (field << shift);
    }

    /** mfcr, and mfocrf (bit 11 set) which with one FXM bit reads only that field, the rest zero. */
    public static void mfcr(final Cpu c, final int insn) {
        final int fxm = Fields.fxm(insn);
        if ((insn & (1 << 20)) != 0 && Integer.bitCount(fxm) == 1) {
            c.gpr[Fields.rt(insn)] = c.cr & fieldMask(fxm) & 0xFFFF_FFFFL;
        } else {
            c.gpr[Fields.rt(insn)] = c.cr & 0xFFFF_FFFFL;
        }
    }

    /** mtcrf, and mtocrf (bit 11 set): the CR fields selected by FXM take their value from RS. */
    public static void mtcrf(final Cpu c, final int insn) {
        final int mask = fieldMask(Fields.fxm(insn));
        c.cr = (c.cr & ~mask) | ((int) c.gpr[Fields.rt(insn)] & mask);
    }

    /** The CR bits of the fields FXM selects: FXM bit 7-i (from the left, i = 0..7) selects field i. */
    private static int fieldMask(final int fxm) {
        int mask = 0;
        for (int i = 0; i < 8; i++) {
            if ((fxm & (0x80 >>> i)) != 0) {
                mask |= 0xF << (28 - 4 * i);
            }
        }
        return mask;
    }
}
