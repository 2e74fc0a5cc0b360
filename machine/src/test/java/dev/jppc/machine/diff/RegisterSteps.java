package dev.jppc.machine.diff;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import dev.jppc.core.asm.PpcAsm;
import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.decode.Op;

/**
 * Steps of the register-to-register families (fixed-point, rotate): one instruction with random register,
 * immediate, shift and mask fields, random OE and Rc where the instruction has them.
 */
final class RegisterSteps implements ProgramGenerator.Steps {

    /** Divide and modulo: operands from constants, so that undefined quotients are known (Book I 3.3.9). */
    static final Set<Op> DIVIDES = EnumSet.of(Op.DIVW, Op.DIVWU, Op.DIVD, Op.DIVDU, Op.DIVWE, Op.DIVWEU, Op.DIVDE,
        Op.DIVDEU, Op.MODSW, Op.MODUW, Op.MODSD, Op.MODUD);

    /**
     * The divides and modulos with a 32-bit result: RT[0:31] is undefined, and so are CR0 LT, GT and EQ in 64-bit
     * mode when Rc=1 (Book I 3.3.9; v3.0 3.3.9 for modsw and moduw).
     */
    static final Set<Op> WORD_RESULTS = EnumSet.of(Op.DIVW, Op.DIVWU, Op.DIVWE, Op.DIVWEU, Op.MODSW, Op.MODUW);

    private static final BigInteger TWO_32 = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final ProgramGenerator program;
    private final Random random;

    RegisterSteps(final ProgramGenerator program) {
        this.program = program;
        this.random = program.random();
    }

    @Override
    public void step(final int index) {
        final Op op = program.ops().get(random.nextInt(program.ops().size()));
        if (DIVIDES.contains(op)) {
            divide(index, op);
            return;
        }
        final int destination = register();
        final int word = Encoding.checked(op, Encoding.base(op) | operands(op, destination) | suffixes(op));
        program.emitStep(index, word);
        program.log(index, Disassembler.disassemble(word, 0), writes(op) ? destination : ProgramGenerator.POOL);
    }

    private int register() {
        return random.nextInt(ProgramGenerator.POOL);
    }

    private int suffixes(final Op op) {
        int bits = 0;
        if (op.has(Op.OE) && random.nextBoolean()) {
            bits |= Encoding.OE;
        }
        if (op.has(Op.RC) && random.nextBoolean()) {
            bits |= Encoding.RC;
        }
        return bits;
    }

    private static boolean writes(final Op op) {
        return switch (op.syntax()) {
            case BF_L_RA_SI, BF_L_RA_UI, BF_L_RA_RB -> false;
            default -> true;
        };
    }

    /** The operand fields; {@code destination} goes in RT or RA, whichever the instruction writes. */
    private int operands(final Op op, final int destination) {
        final int s = register();
        final int b = register();
        return switch (op.syntax()) {
            case RT_RA_SI, RT_RA_UI_SHIFTED -> Encoding.t(destination) | Encoding.a(s) | EdgeValues.immediate16(random);
            case RA_RS_UI -> Encoding.a(destination) | Encoding.t(s) | EdgeValues.immediate16(random);
            case BF_L_RA_SI, BF_L_RA_UI -> Encoding.bfL(random.nextInt(8), random.nextInt(2)) | Encoding.a(s)
                | EdgeValues.immediate16(random);
            case BF_L_RA_RB -> Encoding.bfL(random.nextInt(8), random.nextInt(2)) | Encoding.a(s) | Encoding.b(b);
            case RT_RA_RB -> Encoding.t(destination) | Encoding.a(s) | Encoding.b(b);
            case RT_RA -> Encoding.t(destination) | Encoding.a(s);
            case RA_RS -> Encoding.a(destination) | Encoding.t(s);
            case RA_RS_RB -> Encoding.a(destination) | Encoding.t(s) | Encoding.b(b);
            case RA_RS_SH -> Encoding.a(destination) | Encoding.t(s) | Encoding.b(shift(32));
            case RA_RS_SH6 -> Encoding.a(destination) | Encoding.t(s) | Encoding.sh6(shift(64));
            case RA_RS_SH_MB_ME -> Encoding.a(destination) | Encoding.t(s) | Encoding.b(shift(32))
                | Encoding.c(shift(32)) | Encoding.me(shift(32));
            case RA_RS_RB_MB_ME -> Encoding.a(destination) | Encoding.t(s) | Encoding.b(b) | Encoding.c(shift(32))
                | Encoding.me(shift(32));
            case RA_RS_SH6_MB6, RA_RS_SH6_ME6 -> Encoding.a(destination) | Encoding.t(s) | Encoding.sh6(shift(64))
                | Encoding.mb6(shift(64));
            case RA_RS_RB_MB6, RA_RS_RB_ME6 -> Encoding.a(destination) | Encoding.t(s) | Encoding.b(b)
                | Encoding.mb6(shift(64));
            case RT_RA_RB_BC -> Encoding.t(destination) | Encoding.a(s) | Encoding.b(b) | Encoding.c(random.nextInt(32));
            default -> throw new IllegalStateException("no operand rule for " + op + " (" + op.syntax() + ")");
        };
    }

    /** A shift amount or mask boundary below {@code limit}, biased to 0, 1 and the ends of the word halves. */
    private int shift(final int limit) {
        final int pick = random.nextInt(8);
        return switch (pick) {
            case 0 -> 0;
            case 1 -> limit - 1;
            case 2 -> limit == 64 ? 31 + random.nextInt(3) : 1;
            default -> random.nextInt(limit);
        };
    }

    private void divide(final int index, final Op op) {
        final int destination = register();
        final int dividendRegister = register();
        final boolean same = random.nextInt(10) == 0;
        int divisorRegister = same ? dividendRegister : register();
        while (!same && divisorRegister == dividendRegister) {
            divisorRegister = register();
        }
        long divisor = divisor();
        long dividend = same ? divisor : dividend(op, divisor);
        while (op == Op.DIVDE && qemuMissesOverflow(dividend, divisor)) {
            divisor = divisor();
            dividend = same ? divisor : dividend(op, divisor);
        }
        program.loadConstant(dividendRegister, dividend);
        if (!same) {
            program.loadConstant(divisorRegister, divisor);
        }
        final int suffixes = suffixes(op);
        final int word = Encoding.checked(op, Encoding.base(op) | Encoding.t(destination) | Encoding.a(dividendRegister)
            | Encoding.b(divisorRegister) | suffixes);
        program.emitStep(index, word);
        // Give what the ISA leaves undefined one value on every implementation: RT when the quotient is
        // undefined, RT[0:31] of a word result, and (Rc=1) CR0 LT, GT, EQ in either case.
        final boolean definedQuotient = defined(op, dividend, divisor);
        if (!definedQuotient) {
            program.emit(PpcAsm.li(destination, 0));
        } else if (WORD_RESULTS.contains(op)) {
            program.emit(PpcAsm.rldicl(destination, destination, 0, 32));
        }
        if ((!definedQuotient || WORD_RESULTS.contains(op)) && (suffixes & Encoding.RC) != 0) {
            program.emit(PpcAsm.crxor(0, 0, 0));
            program.emit(PpcAsm.crxor(1, 1, 1));
            program.emit(PpcAsm.crxor(2, 2, 2));
        }
        program.log(index, Disassembler.disassemble(word, 0), destination);
    }

    private long divisor() {
        final int pick = random.nextInt(8);
        return switch (pick) {
            case 0 -> 0;
            case 1 -> random.nextBoolean() ? -1 : 1;
            case 2 -> random.nextBoolean() ? 0xFFFF_FFFFL : 0x8000_0000L;
            default -> EdgeValues.next(random);
        };
    }

    /** Extended divides need |dividend| < |divisor| to be defined: make that likely. */
    private long dividend(final Op op, final long divisor) {
        final long value = EdgeValues.next(random);
        final boolean extended = op == Op.DIVWE || op == Op.DIVWEU || op == Op.DIVDE || op == Op.DIVDEU;
        if (extended && random.nextBoolean()) {
            return value >> (1 + random.nextInt(63)) ^ (divisor >>> 40);
        }
        return value;
    }

    /** Whether the ISA defines the quotient (Book I 3.3.9) or remainder (v3.0 3.3.9) of {@code op}. */
    static boolean defined(final Op op, final long a, final long b) {
        final int a32 = (int) a;
        final int b32 = (int) b;
        return switch (op) {
            case DIVW, MODSW -> b32 != 0 && !(a32 == Integer.MIN_VALUE && b32 == -1);
            case DIVWU, MODUW -> b32 != 0;
            case DIVD, MODSD -> b != 0 && !(a == Long.MIN_VALUE && b == -1);
            case DIVDU, MODUD -> b != 0;
            case DIVWE -> b32 != 0 && fits(BigInteger.valueOf(a32).shiftLeft(32).divide(BigInteger.valueOf(b32)), 32);
            case DIVWEU -> b32 != 0 && BigInteger.valueOf(a32 & 0xFFFF_FFFFL).shiftLeft(32)
                .divide(BigInteger.valueOf(b32 & 0xFFFF_FFFFL)).compareTo(TWO_32) < 0;
            case DIVDE -> b != 0 && fits(BigInteger.valueOf(a).shiftLeft(64).divide(BigInteger.valueOf(b)), 64);
            case DIVDEU -> b != 0 && unsigned(a).shiftLeft(64).divide(unsigned(b)).compareTo(TWO_64) < 0;
            default -> throw new IllegalArgumentException(op + " is not a divide");
        };
    }

    /**
     * A QEMU bug: QEMU 7.2's divde reports overflow only when RB = 0 or |RA| >= |RB|, so a quotient of magnitude
     * 2^63..2^64 with |RA| < |RB| (0xffffffff55555555 / 0x100000002 is -0xaaaaaaa9aaaaaaac) leaves OV = 0, where
     * Book I 3.3.9 (divde: the quotient cannot be represented in 64 bits) sets it. Such operands are not
     * generated (docs/differential.md).
     */
    static boolean qemuMissesOverflow(final long a, final long b) {
        return b != 0 && Long.compareUnsigned(Math.abs(a), Math.abs(b)) < 0 && !defined(Op.DIVDE, a, b);
    }

    private static boolean fits(final BigInteger value, final int bits) {
        return value.bitLength() < bits;
    }

    private static BigInteger unsigned(final long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }
}
