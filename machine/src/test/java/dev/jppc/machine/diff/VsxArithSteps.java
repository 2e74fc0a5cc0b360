package dev.jppc.machine.diff;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.decode.Op;
import dev.jppc.core.decode.Syntax;

/**
 * Steps of the VSX floating-point family (Book I 7.6) over VSRs 0-30 and 32-62 (31 and 63 are the harness's):
 * scalar and vector double- and single-precision arithmetic, multiply-add, conversions, rounding and compares,
 * operands either left by earlier steps or fresh constants, FPSCR compared after every step. The rounding mode
 * changes now and then (mtfsfi 7 before a step).
 *
 * <p>Where QEMU 7.2 departs from the ISA the program avoids the case (docs/differential.md, core's
 * QemuDeviations):
 * <ul>
 * <li>xsnmadd*, xsnmsub* round, then negate (Book I 7.6); QEMU negates, then rounds: they run with RN nearest or
 * toward zero, where both agree.</li>
 * <li>xsaddsp, xssubsp, xsmulsp, xsdivsp round once to single (Book I 7.6); QEMU rounds to double, then to
 * single. Their operands are single-format constants, for which rounding twice gives the same result (the
 * double format has more than twice single's precision plus two bits).</li>
 * <li>xscmpodp with a NaN leaves FPRF[C] alone (Book I 7.6, xscmpodp); QEMU sets it: xscmpodp follows mtfsb1 C.</li>
 * <li>The vector instructions alter neither FI nor FR (Book I 7.6, each xv instruction's "Special Registers
 * Altered"); QEMU sets FI to whether the instruction was inexact. FI is cleared after them, before the log
 * record.</li>
 * <li>A vector instruction in which one lane overflows and another underflows sets OX and UX (Book I 7.6); QEMU
 * drops UX (core's QemuDeviations). The vector instructions that round run with UX = 1 (mtfsb1 FX, mtfsb1 UX
 * before them), and UX is cleared after their log record.</li>
 * <li>xscvsxdsp and xscvuxdsp round once to single (Book I 7.6); QEMU converts to double first, then rounds to
 * single (new, docs/differential.md). Their operand is a constant integer the double format holds exactly.</li>
 * <li>xvcvdpsxds whose doubleword 0 is an invalid conversion: QEMU's stale invalid flag turns doubleword 1 into
 * the invalid result too. Doubleword 0 of its operand is a constant in range.</li>
 * </ul>
 * Made defined: what v2.07 leaves undefined in XT (doubleword 1 of scalar results, the words beside a single or
 * word result) is zeroed with xxland.
 */
final class VsxArithSteps implements ProgramGenerator.Steps {

    /** The instructions of the family: jppc's VSX floating-point rows. */
    static final List<Op> OPS = List.of(Op.XSADDDP, Op.XSSUBDP, Op.XSMULDP, Op.XSDIVDP, Op.XSMADDADP, Op.XSMADDMDP,
        Op.XSMSUBADP, Op.XSMSUBMDP, Op.XSNMADDADP, Op.XSNMADDMDP, Op.XSNMSUBADP, Op.XSNMSUBMDP, Op.XSMAXDP,
        Op.XSMINDP, Op.XSCPSGNDP, Op.XSADDSP, Op.XSSUBSP, Op.XSMULSP, Op.XSDIVSP, Op.XVADDDP, Op.XVSUBDP,
        Op.XVMULDP, Op.XVDIVDP, Op.XVMADDADP, Op.XVCPSGNDP, Op.XVADDSP, Op.XVMULSP, Op.XSCMPUDP, Op.XSCMPODP,
        Op.XSSQRTDP, Op.XSABSDP, Op.XSNABSDP, Op.XSNEGDP, Op.XSRDPI, Op.XSRDPIZ, Op.XSRDPIP, Op.XSRDPIM, Op.XSRDPIC,
        Op.XSRSP, Op.XSCVDPSXDS, Op.XSCVDPSXWS, Op.XSCVDPUXDS, Op.XSCVDPUXWS, Op.XSCVSXDDP, Op.XSCVUXDDP,
        Op.XSCVSXDSP, Op.XSCVUXDSP, Op.XSCVDPSP, Op.XSCVSPDP, Op.XSCVDPSPN, Op.XSCVSPDPN, Op.XVABSDP, Op.XVNEGDP,
        Op.XVCVSXDDP, Op.XVCVDPSXDS, Op.XVCVSPDP, Op.XVCVDPSP);

    private static final Set<Op> NEGATIVE_MULTIPLY_ADDS = EnumSet.of(Op.XSNMADDADP, Op.XSNMADDMDP, Op.XSNMSUBADP,
        Op.XSNMSUBMDP);
    private static final Set<Op> SINGLE_SCALARS = EnumSet.of(Op.XSADDSP, Op.XSSUBSP, Op.XSMULSP, Op.XSDIVSP);
    /** Operands that are integers or singles in words, not doubles. */
    private static final Set<Op> INTEGER_INPUTS = EnumSet.of(Op.XSCVSXDDP, Op.XSCVUXDDP, Op.XSCVSXDSP,
        Op.XSCVUXDSP, Op.XVCVSXDDP);
    private static final Set<Op> SINGLE_INPUTS = EnumSet.of(Op.XVADDSP, Op.XVMULSP, Op.XSCVSPDP, Op.XSCVSPDPN,
        Op.XVCVSPDP);

    /** Vector instructions that round and can overflow or underflow in some lanes. */
    private static final Set<Op> VECTOR_ROUNDING = EnumSet.of(Op.XVADDDP, Op.XVSUBDP, Op.XVMULDP, Op.XVDIVDP,
        Op.XVMADDADP, Op.XVADDSP, Op.XVMULSP, Op.XVCVDPSP);
    /** The other vector instructions that report exceptions. */
    private static final Set<Op> VECTOR_CONVERSIONS = EnumSet.of(Op.XVCVSXDDP, Op.XVCVDPSXDS, Op.XVCVSPDP);

    /** FPSCR bits as mtfsb0/mtfsb1 number them. */
    private static final int BT_FX = 0;
    private static final int BT_UX = 4;
    private static final int BT_FI = 14;

    /** keepWords masks: a bit per word, 8 = word 0. */
    private static final int WORD_0 = 0b1000;
    private static final int WORD_1 = 0b0100;
    private static final int DOUBLEWORD_0 = 0b1100;
    private static final int WORDS_0_2 = 0b1010;

    private final ProgramGenerator program;
    private final Random random;

    VsxArithSteps(final ProgramGenerator program) {
        this.program = program;
        this.random = program.random();
    }

    /** A doubleword for a VSR: a double operand most of the time, else two singles or an integer. */
    static long value(final Random random) {
        final int pick = random.nextInt(10);
        if (pick < 6) {
            return FloatValues.nextDouble(random);
        }
        return pick < 8 ? FloatValues.singlePair(random) : EdgeValues.next(random);
    }

    @Override
    public void step(final int index) {
        final Op op = program.ops().get(random.nextInt(program.ops().size()));
        if (random.nextInt(6) == 0 || NEGATIVE_MULTIPLY_ADDS.contains(op)) {
            // mtfsfi 7: XE and NI 0, RN as chosen.
            final int mode = NEGATIVE_MULTIPLY_ADDS.contains(op) ? random.nextInt(2) : random.nextInt(4);
            program.emit(FpSteps.mtfsfi(7, mode));
        }
        final int fields = op.syntax() == Syntax.XT_XB ? Encoding.xb(source(op, op == Op.XVCVDPSXDS))
            : Encoding.xa(source(op, false)) | Encoding.xb(source(op, false));
        if (op == Op.XSCMPUDP || op == Op.XSCMPODP) {
            if (op == Op.XSCMPODP) {
                program.emit(FpSteps.mtfsb(Op.MTFSB1, 15));
            }
            final int word = Encoding.checked(op, Encoding.base(op) | random.nextInt(8) << 23 | fields);
            program.emitStep(index, word);
            program.log(index, Disassembler.disassemble(word, 0));
            return;
        }
        final boolean lanesRound = VECTOR_ROUNDING.contains(op);
        if (lanesRound) {
            program.emit(FpSteps.mtfsb(Op.MTFSB1, BT_FX));
            program.emit(FpSteps.mtfsb(Op.MTFSB1, BT_UX));
        }
        final int target = vsr();
        final int word = Encoding.checked(op, Encoding.base(op) | Encoding.xt(target) | fields);
        program.emitStep(index, word);
        final int kept = definedWords(op);
        if (kept != 0) {
            program.keepWords(target, kept);
        }
        if (lanesRound || VECTOR_CONVERSIONS.contains(op)) {
            program.emit(FpSteps.mtfsb(Op.MTFSB0, BT_FI));
        }
        program.logVsr(index, Disassembler.disassemble(word, 0), target);
        if (lanesRound) {
            program.emit(FpSteps.mtfsb(Op.MTFSB0, BT_UX));
        }
    }

    /**
     * {@code value} with the low bits of its magnitude cleared so that at most 53 significant bits remain: an
     * integer the double format holds exactly. QEMU 7.2 converts xscvsxdsp's and xscvuxdsp's integer to double
     * and then rounds that to single, which differs from rounding once (Book I 7.6) when the first rounding
     * lands on a halfway point (0x0080000080000002 gives 2^55 on QEMU, 2^55 + 2^32 by the ISA).
     */
    static long exactInDouble(final long value, final boolean signed) {
        final boolean negative = signed && value < 0;
        final long magnitude = negative ? -value : value;
        final int width = 64 - Long.numberOfLeadingZeros(magnitude);
        final long kept = width <= 53 ? magnitude : magnitude & -(1L << (width - 53));
        return negative ? -kept : kept;
    }

    /** The words of XT v2.07 defines after {@code op} (0: all of them). */
    private static int definedWords(final Op op) {
        return switch (op) {
            case XSCVDPSP, XSCVDPSPN -> WORD_0;
            case XSCVDPSXWS, XSCVDPUXWS -> WORD_1;
            case XVCVDPSP -> WORDS_0_2;
            default -> op.mnemonic().startsWith("xs") ? DOUBLEWORD_0 : 0;
        };
    }

    private int vsr() {
        final int vsr = random.nextInt(62);
        return vsr < ProgramGenerator.FP_SCRATCH ? vsr : vsr + 1;
    }

    /** A source VSR: as earlier steps left it, or a fresh constant (always for the single-precision scalars). */
    private int source(final Op op, final boolean convertibleFirst) {
        final int register = vsr();
        if (SINGLE_SCALARS.contains(op)) {
            program.loadVsrConstant(register, FloatValues.nextSingleValued(random), FloatValues.nextDouble(random));
        } else if (op == Op.XSCVSXDSP || op == Op.XSCVUXDSP) {
            program.loadVsrConstant(register, exactInDouble(EdgeValues.next(random), op == Op.XSCVSXDSP),
                EdgeValues.next(random));
        } else if (convertibleFirst) {
            long first = FloatValues.nextDouble(random);
            while (Double.isNaN(Double.longBitsToDouble(first)) || Math.abs(Double.longBitsToDouble(first)) >= 0x1p63) {
                first = FloatValues.nextDouble(random);
            }
            program.loadVsrConstant(register, first, FloatValues.nextDouble(random));
        } else if (random.nextInt(3) == 0) {
            if (INTEGER_INPUTS.contains(op)) {
                program.loadVsrConstant(register, EdgeValues.next(random), EdgeValues.next(random));
            } else if (SINGLE_INPUTS.contains(op)) {
                program.loadVsrConstant(register, FloatValues.singlePair(random), FloatValues.singlePair(random));
            } else {
                program.loadVsrConstant(register, FloatValues.nextDouble(random), FloatValues.nextDouble(random));
            }
        }
        return register;
    }
}
