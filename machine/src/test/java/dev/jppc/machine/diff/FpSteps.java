package dev.jppc.machine.diff;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.decode.Op;
import dev.jppc.core.decode.Syntax;

/**
 * Steps of the floating-point family (Book I chapter 4) over f0-f30 (f31 is the harness's): arithmetic with random
 * Rc, operands either left by earlier steps or fresh constants ({@link FloatValues}), the FPSCR instructions with
 * the enables kept 0, and loads and stores into the data buffer.
 *
 * <p>Where QEMU 7.2 departs from the ISA the program avoids the case, each rule citing its evidence
 * (docs/differential.md, core's QemuDeviations):
 * <ul>
 * <li>FX: QEMU sets FX for every exception an instruction raises, also when the exception bit was already 1
 * (Book I 4.2.2 sets FX only on a 0-to-1 change). The program keeps FX = 1 whenever an exception bit is 1: the
 * initial FPSCR does, and after each instruction that can break it (mtfsf, mtfsfi, mtfsb0 FX, mcrfs of field 0)
 * and its log record the program sets FX (mtfsb1 0) or clears every exception bit. mtfsb1 of an exception bit
 * (which sets FX by the general rule; QEMU does not) follows mtfsb1 0.</li>
 * <li>FR: QEMU never sets it. It is not compared in FPSCR records, and mffs and mcrfs of field 3 follow mtfsb0 FR,
 * so that it reaches no other register.</li>
 * <li>fnmadd, fnmsub and their single forms round, then negate (Book I 4.6.5.2); QEMU negates, then rounds, which
 * differs when rounding toward +infinity or -infinity. They run after mtfsfi 7 sets RN to nearest or zero.</li>
 * <li>fre and fres of +-0 give +-infinity (Book I 4.6.5.1); QEMU gives +-0.5. Their operand is a non-zero
 * constant.</li>
 * <li>fcmpo with a NaN and VE = 0 leaves FPRF[C] alone (Book I 4.6.8); QEMU sets it. fcmpo runs after mtfsb1 C.</li>
 * <li>fcmpu and fcmpo leave FI alone (Book I 4.6.8: they alter CR field BF, FPCC, FX, VXSNAN and, fcmpo,
 * VXVC); QEMU 7.2 clears it. They follow mtfsb0 FI.</li>
 * <li>fcfidu, fcfids, fcfidus set FPRF (Book I 4.6.7); QEMU 7.2 does not. FPRF is cleared after them.</li>
 * </ul>
 * Made defined: FRT[0:31] after fctiw, fctiwz, fctiwu, fctiwuz are undefined (Book I 4.6.7) and are zeroed
 * (stfiwx, lfiwzx); so is FPRF after every conversion to integer (undefined there, Book I 4.6.7).
 */
final class FpSteps implements ProgramGenerator.Steps {

    /** FPSCR bit numbers as mtfsb0/mtfsb1 name them (bit 32 of the 64-bit register is 0). */
    private static final int BT_FX = 0;
    private static final int BT_FR = 13;
    private static final int BT_FI = 14;
    private static final int BT_C = 15;
    /** Exception bits: OX..VXVC (3-12) and VXSOFT, VXSQRT, VXCVI (21-23). */
    private static final int BT_LAST_STICKY = 12;

    /**
     * FPRF is cleared after these: the ISA leaves it undefined after the conversions to integer (Book I 4.6.7),
     * and QEMU 7.2 does not set it after fcfidu, fcfids, fcfidus (which set it by Book I 4.6.7).
     */
    private static final Set<Op> CLEARED_FPRF = EnumSet.of(Op.FCFIDU, Op.FCFIDS, Op.FCFIDUS, Op.FCTIW, Op.FCTIWZ,
        Op.FCTIWU, Op.FCTIWUZ, Op.FCTID, Op.FCTIDZ, Op.FCTIDU, Op.FCTIDUZ);

    /** The double-precision multiply-adds. */
    private static final Set<Op> FUSED = EnumSet.of(Op.FMADD, Op.FMSUB, Op.FNMADD, Op.FNMSUB);

    private final ProgramGenerator program;
    private final Random random;

    FpSteps(final ProgramGenerator program) {
        this.program = program;
        this.random = program.random();
    }

    @Override
    public void step(final int index) {
        final Op op = program.ops().get(random.nextInt(program.ops().size()));
        if (op.has(Op.LOAD) || op.has(Op.STORE)) {
            access(index, op);
            return;
        }
        switch (op) {
            case MFFS -> moveFromFpscr(index, op);
            case MTFSF -> moveToFpscr(index, op);
            case MTFSFI -> moveImmediateToFpscr(index, op);
            case MTFSB0, MTFSB1 -> moveBitToFpscr(index, op);
            case MCRFS -> moveFpscrToCr(index, op);
            case FCMPU, FCMPO, FTDIV, FTSQRT -> compare(index, op);
            default -> arithmetic(index, op);
        }
    }

    private int fpr() {
        return random.nextInt(ProgramGenerator.FP_SCRATCH);
    }

    private int rc(final Op op) {
        return op.has(Op.RC) && random.nextBoolean() ? Encoding.RC : 0;
    }

    /** A source FPR: as earlier steps left it, or (one time in three, always for fre/fres) a fresh constant. */
    private int source(final Op op) {
        final int register = fpr();
        final boolean estimate = op == Op.FRE || op == Op.FRES;
        if (estimate || random.nextInt(3) == 0) {
            long value = operand(op);
            while (estimate && (value & Long.MAX_VALUE) == 0) {
                value = operand(op);
            }
            program.loadFprConstant(register, value);
        }
        return register;
    }

    private long operand(final Op op) {
        return switch (op) {
            case FCFID, FCFIDU, FCFIDS, FCFIDUS -> random.nextBoolean() ? EdgeValues.next(random)
                : FloatValues.nextDouble(random);
            default -> op.primary() == 59 && random.nextBoolean() ? FloatValues.nextSingleValued(random)
                : FloatValues.nextDouble(random);
        };
    }

    private void arithmetic(final int index, final Op op) {
        final int fields = FUSED.contains(op) && random.nextInt(4) == 0 ? cancellingOperands() : sources(op);
        if (op == Op.FNMADD || op == Op.FNMSUB || op == Op.FNMADDS || op == Op.FNMSUBS) {
            setRoundingSymmetric(program, random);
        }
        final int target = fpr();
        final int word = Encoding.checked(op, Encoding.base(op) | Encoding.t(target) | fields | rc(op));
        program.emitStep(index, word);
        if (CLEARED_FPRF.contains(op)) {
            program.emit(mtfsfi(4, 0));
            program.emit(mtfsb(Op.MTFSB0, BT_C));
        }
        if (op == Op.FCTIW || op == Op.FCTIWZ || op == Op.FCTIWU || op == Op.FCTIWUZ) {
            program.zeroHighWord(target);
        }
        program.logFpr(index, Disassembler.disassemble(word, 0), target);
    }

    /** The source fields of an arithmetic instruction. */
    private int sources(final Op op) {
        return switch (op.syntax()) {
            case FRT_FRB -> Encoding.b(source(op));
            case FRT_FRA_FRB -> Encoding.a(source(op)) | Encoding.b(source(op));
            case FRT_FRA_FRC -> Encoding.a(source(op)) | Encoding.c(source(op));
            case FRT_FRA_FRC_FRB -> Encoding.a(source(op)) | Encoding.c(source(op)) | Encoding.b(source(op));
            default -> throw new IllegalStateException("no operand rule for " + op + " (" + op.syntax() + ")");
        };
    }

    /**
     * FRA, FRC and FRB of a double-precision multiply-add whose addend is the product rounded, negated or not:
     * the fused result is then the rounding error of the product (or twice the product), which only a fused
     * operation gets right.
     */
    private int cancellingOperands() {
        final int a = fpr();
        int c = fpr();
        while (c == a) {
            c = fpr();
        }
        int b = fpr();
        while (b == a || b == c) {
            b = fpr();
        }
        final long multiplicand = FloatValues.nextDouble(random);
        final long multiplier = FloatValues.nextDouble(random);
        final double product = Double.longBitsToDouble(multiplicand) * Double.longBitsToDouble(multiplier);
        program.loadFprConstant(a, multiplicand);
        program.loadFprConstant(c, multiplier);
        program.loadFprConstant(b, Double.doubleToRawLongBits(random.nextBoolean() ? product : -product));
        return Encoding.a(a) | Encoding.c(c) | Encoding.b(b);
    }

    /**
     * mtfsfi 7 with RN = nearest or toward zero (XE and NI 0): the rounding modes in which rounding and negating
     * commute, for the negative multiply-adds.
     */
    static void setRoundingSymmetric(final ProgramGenerator program, final Random random) {
        program.emit(mtfsfi(7, random.nextInt(2)));
    }

    private void compare(final int index, final Op op) {
        int fields = Encoding.t(random.nextInt(8) << 2) | Encoding.b(source(op));
        if (op != Op.FTSQRT) {
            fields |= Encoding.a(source(op));
        }
        if (op == Op.FCMPU || op == Op.FCMPO) {
            program.emit(mtfsb(Op.MTFSB0, BT_FI));
        }
        if (op == Op.FCMPO) {
            program.emit(mtfsb(Op.MTFSB1, BT_C));
        }
        final int word = Encoding.checked(op, Encoding.base(op) | fields);
        program.emitStep(index, word);
        program.log(index, Disassembler.disassemble(word, 0));
    }

    private void moveFromFpscr(final int index, final Op op) {
        program.emit(mtfsb(Op.MTFSB0, BT_FR));
        final int target = fpr();
        final int word = Encoding.checked(op, Encoding.base(op) | Encoding.t(target) | rc(op));
        program.emitStep(index, word);
        program.logFpr(index, Disassembler.disassemble(word, 0), target);
    }

    private void moveToFpscr(final int index, final Op op) {
        final int source = fpr();
        program.loadFprConstant(source, FloatValues.fpscr(random) | random.nextLong() << 32);
        final int mask = 1 + random.nextInt(255);
        final int word = Encoding.checked(op, Encoding.base(op) | mask << 17 | Encoding.b(source) | rc(op));
        program.emitStep(index, word);
        program.log(index, Disassembler.disassemble(word, 0));
        restoreFxRule();
    }

    private void moveImmediateToFpscr(final int index, final Op op) {
        final int field = random.nextInt(8);
        final int value = switch (field) {
            case 5 -> random.nextInt(8);
            case 6 -> 0;
            case 7 -> random.nextInt(4);
            default -> random.nextInt(16);
        };
        final int word = Encoding.checked(op, mtfsfi(field, value) | rc(op));
        program.emitStep(index, word);
        program.log(index, Disassembler.disassemble(word, 0));
        restoreFxRule();
    }

    private void moveBitToFpscr(final int index, final Op op) {
        int bit = random.nextInt(32);
        // Not the reserved bit 20 (FPSCR 52), nor (mtfsb1) an enable or NI.
        while (bit == 20 || op == Op.MTFSB1 && bit >= 24 && bit <= 29) {
            bit = random.nextInt(32);
        }
        final boolean sticky = bit >= 3 && bit <= BT_LAST_STICKY || bit >= 21 && bit <= 23;
        if (op == Op.MTFSB1 && sticky) {
            program.emit(mtfsb(Op.MTFSB1, BT_FX));
        }
        final int word = Encoding.checked(op, mtfsb(op, bit) | rc(op));
        program.emitStep(index, word);
        program.log(index, Disassembler.disassemble(word, 0));
        if (op == Op.MTFSB0 && bit == BT_FX) {
            restoreFxRule();
        }
    }

    private void moveFpscrToCr(final int index, final Op op) {
        final int field = random.nextInt(8);
        if (field == 3) {
            program.emit(mtfsb(Op.MTFSB0, BT_FR));
        }
        final int word = Encoding.checked(op, Encoding.base(op) | random.nextInt(8) << 23 | field << 18);
        program.emitStep(index, word);
        program.log(index, Disassembler.disassemble(word, 0));
        if (field == 0) {
            restoreFxRule();
        }
    }

    /** After its log record, a step that may have left FX = 0 with an exception bit 1 is followed by a fix-up. */
    private void restoreFxRule() {
        if (random.nextBoolean()) {
            program.emit(mtfsb(Op.MTFSB1, BT_FX));
        } else {
            program.clearFpscrExceptions();
        }
    }

    static int mtfsfi(final int field, final int value) {
        return Encoding.checked(Op.MTFSFI, Encoding.base(Op.MTFSFI) | field << 23 | value << 12);
    }

    static int mtfsb(final Op op, final int bit) {
        return Encoding.checked(op, Encoding.base(op) | Encoding.t(bit));
    }

    /** A load or store between an FPR and the buffer: D form (RA + D) or X form ((RA|0) + RB), update forms too. */
    private void access(final int index, final Op op) {
        final int size = switch (op) {
            case LFD, LFDU, LFDX, LFDUX, STFD, STFDU, STFDX, STFDUX -> 8;
            default -> 4;
        };
        final int alignment = random.nextInt(8) == 0 ? 1 : size;
        final long address = program.bufferAddress()
            + (random.nextInt(ProgramGenerator.BUFFER_SIZE - size + 1) & -alignment);
        final boolean update = op.has(Op.UPDATE);
        final int fpr = fpr();
        final int word;
        final int base;
        if (op.syntax() == Syntax.FRT_RA_RB) {
            base = update || random.nextInt(4) != 0 ? gpr() : 0;
            int offsetRegister = gpr();
            while (offsetRegister == base) {
                offsetRegister = gpr();
            }
            program.setIndexedAddress(base, offsetRegister, address);
            word = Encoding.checked(op, Encoding.base(op) | Encoding.t(fpr) | Encoding.a(base)
                | Encoding.b(offsetRegister));
        } else {
            base = gpr();
            final int displacement = random.nextInt(129) - 64;
            program.setRegister(base, address - displacement);
            word = Encoding.checked(op, Encoding.base(op) | Encoding.t(fpr) | Encoding.a(base)
                | displacement & 0xFFFF);
        }
        program.emitStep(index, word);
        final int written = update ? base : ProgramGenerator.POOL;
        if (op.has(Op.LOAD)) {
            program.logFpr(index, Disassembler.disassemble(word, 0), fpr, written);
        } else {
            program.log(index, Disassembler.disassemble(word, 0), written);
        }
    }

    private int gpr() {
        return 1 + random.nextInt(ProgramGenerator.POOL - 1);
    }
}
