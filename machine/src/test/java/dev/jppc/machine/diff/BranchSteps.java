package dev.jppc.machine.diff;

import java.util.List;
import java.util.Random;

import dev.jppc.core.asm.PpcAsm;
import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.decode.Op;

/**
 * Steps of the branch and condition-register family. Branches go forward, one to four steps ahead or to the
 * end of the sequence, so every program ends; whether a branch was taken shows in the log records of the steps
 * it skipped (they keep their fill pattern), in LR (LK=1) and in CTR (decrementing BO values).
 *
 * <p>BO takes the values Book I 2.4 (figure 40) defines, with the z bits 0 and the "at" hint never 0b01
 * (reserved); bcctr never decrements CTR (BO[2]=0 is an invalid form); BH is 0, 1 or 3 for bclr and 0 or 3 for
 * bcctr and bctar (0b10 is reserved). The targets of bclr, bcctr and bctar are put into LR, CTR or TAR by the
 * harness just before the branch. mfocrf and mtocrf name exactly one field (otherwise RT or the CR is undefined,
 * 3.3.15).
 */
final class BranchSteps implements ProgramGenerator.Steps {

    private static final int[] BO_ANY = {0, 2, 8, 10, 4, 6, 7, 12, 14, 15, 16, 24, 25, 18, 26, 27, 20};
    private static final int[] BO_KEEPS_CTR = {4, 6, 7, 12, 14, 15, 20};
    private static final List<Op> CR_LOGICAL = List.of(Op.CRAND, Op.CROR, Op.CRXOR, Op.CRNAND, Op.CRNOR, Op.CREQV,
        Op.CRANDC, Op.CRORC);
    private static final int SPR_XER = 1;
    private static final int SPR_LR = 8;
    private static final int SPR_CTR = 9;
    private static final int SPR_TAR = 815;

    private final ProgramGenerator program;
    private final Random random;

    BranchSteps(final ProgramGenerator program) {
        this.program = program;
        this.random = program.random();
    }

    @Override
    public void step(final int index) {
        final int pick = random.nextInt(100);
        if (pick < 20) {
            final int word = Encoding.base(Op.BC) | Encoding.t(bo(BO_ANY)) | Encoding.a(random.nextInt(32)) | link();
            branch(index, Op.BC, word, true);
        } else if (pick < 25) {
            branch(index, Op.B, Encoding.base(Op.B) | link(), false);
        } else if (pick < 35) {
            registerBranch(index, Op.BCLR, SPR_LR, BO_ANY, new int[] {0, 1, 3});
        } else if (pick < 45) {
            registerBranch(index, Op.BCCTR, SPR_CTR, BO_KEEPS_CTR, new int[] {0, 3});
        } else if (pick < 50) {
            registerBranch(index, Op.BCTAR, SPR_TAR, BO_KEEPS_CTR, new int[] {0, 3});
        } else if (pick < 70) {
            final Op op = CR_LOGICAL.get(random.nextInt(CR_LOGICAL.size()));
            plain(index, op, Encoding.base(op) | Encoding.t(random.nextInt(32)) | Encoding.a(random.nextInt(32))
                | Encoding.b(random.nextInt(32)), ProgramGenerator.POOL);
        } else if (pick < 75) {
            plain(index, Op.MCRF, PpcAsm.mcrf(random.nextInt(8), random.nextInt(8)), ProgramGenerator.POOL);
        } else if (pick < 80) {
            final int target = random.nextInt(ProgramGenerator.POOL);
            final int word = random.nextBoolean() ? PpcAsm.mfcr(target) : PpcAsm.mfocrf(target, oneField());
            plain(index, Op.MFCR, word, target);
        } else if (pick < 87) {
            final int source = random.nextInt(ProgramGenerator.POOL);
            final int word = random.nextBoolean() ? PpcAsm.mtcrf(random.nextInt(256), source)
                : PpcAsm.mtocrf(oneField(), source);
            plain(index, Op.MTCRF, word, ProgramGenerator.POOL);
        } else if (pick < 95) {
            final int register = random.nextInt(ProgramGenerator.POOL);
            final int spr = random.nextBoolean() ? SPR_LR : SPR_CTR;
            if (random.nextBoolean()) {
                plain(index, Op.MTSPR, PpcAsm.mtspr(spr, register), ProgramGenerator.POOL);
            } else {
                plain(index, Op.MFSPR, PpcAsm.mfspr(register, random.nextInt(3) == 0 ? SPR_XER : spr), register);
            }
        } else {
            final int register = random.nextInt(ProgramGenerator.POOL);
            plain(index, Op.ADDI, PpcAsm.addi(register, register, 1 + random.nextInt(100)), register);
        }
    }

    private void plain(final int index, final Op op, final int word, final int written) {
        program.emitStep(index, Encoding.checked(op, word));
        program.log(index, Disassembler.disassemble(word, 0), written);
    }

    /** A bc or b to a later step; the offset is filled in once the program is laid out. */
    private void branch(final int index, final Op op, final int word, final boolean conditional) {
        program.emitBranchStep(index, Encoding.checked(op, word), target(index), conditional);
        program.log(index, Disassembler.mnemonic(word));
    }

    /** bclr, bcctr or bctar to a later step whose address the harness puts into {@code spr} first. */
    private void registerBranch(final int index, final Op op, final int spr, final int[] boValues, final int[] bh) {
        program.emitLoadStepAddress(ProgramGenerator.SCRATCH, target(index));
        program.emit(PpcAsm.mtspr(spr, ProgramGenerator.SCRATCH));
        final int word = Encoding.base(op) | Encoding.t(bo(boValues)) | Encoding.a(random.nextInt(32))
            | Encoding.b(bh[random.nextInt(bh.length)]) | link();
        program.emitStep(index, Encoding.checked(op, word));
        program.log(index, Disassembler.disassemble(word, 0));
    }

    private int target(final int index) {
        return Math.min(ProgramGenerator.STEPS, index + 1 + random.nextInt(4));
    }

    private int bo(final int[] values) {
        return values[random.nextInt(values.length)];
    }

    private int link() {
        return random.nextInt(4) == 0 ? 1 : 0;
    }

    private int oneField() {
        return 1 << random.nextInt(8);
    }
}
