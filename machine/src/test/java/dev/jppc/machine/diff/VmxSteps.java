package dev.jppc.machine.diff;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.decode.Op;
import dev.jppc.core.exec.VectorInteger;

/**
 * Steps of the VMX family (Book I chapter 6) over v0-v30 (v31 is the harness's): every v2.07 VMX instruction
 * jppc has except the loads and stores, vexptefp and the decimal ones, with random Rc on the compares, VSCR[NJ]
 * switched by mtvscr steps, and operands either left by earlier steps or fresh constants (lane edges, single
 * floats).
 *
 * <p>Where QEMU 7.2 departs from the ISA (docs/differential.md): with VSCR[NJ] = 1 a denormal source element is
 * used as zero (Book I 6.5), while QEMU uses it as it is (core's VmxQemuReferenceTest). In non-Java mode the
 * floating-point instructions take fresh constants without denormals as their operands. vexptefp is an estimate
 * QEMU computes by a series that is far off once |x| passes a few units (VmxQemuReferenceTest): left out.
 *
 * <p>Made defined: vsl and vsr give an undefined result unless the low three bits of every byte of VB agree (Book
 * I 6.8, vsl and vsr); their VB is a constant whose bytes agree.
 */
final class VmxSteps implements ProgramGenerator.Steps {

    /** The instructions of the family. */
    static final List<Op> OPS = Arrays.stream(Op.values())
        .filter(op -> op.primary() == 4 && !op.has(Op.V3) || op == Op.LVSL || op == Op.LVSR)
        .filter(op -> op != Op.VEXPTEFP && op != Op.BCDADD_ && op != Op.BCDSUB_)
        .toList();

    /** The instructions whose operands are single-precision floats (Book I 6.10). */
    private static final Set<Op> FLOAT_INPUTS = EnumSet.of(Op.VADDFP, Op.VSUBFP, Op.VMAXFP, Op.VMINFP, Op.VMADDFP,
        Op.VNMSUBFP, Op.VCTUXS, Op.VCTSXS, Op.VRFIN, Op.VRFIZ, Op.VRFIP, Op.VRFIM, Op.VREFP, Op.VRSQRTEFP,
        Op.VLOGEFP, Op.VCMPEQFP, Op.VCMPGEFP, Op.VCMPGTFP, Op.VCMPBFP);

    private static final int[] LANE_BYTES = {0x00, 0x01, 0x7F, 0x80, 0x81, 0xFE, 0xFF};
    private static final int[] LANE_HALVES = {0x0000, 0x0001, 0x7FFF, 0x8000, 0x8001, 0xFFFE, 0xFFFF};

    private final ProgramGenerator program;
    private final Random random;
    private boolean nonJava;

    VmxSteps(final ProgramGenerator program) {
        this.program = program;
        this.random = program.random();
        this.nonJava = (program.initialVscr() & VectorInteger.VSCR_NJ) != 0;
    }

    /** A doubleword for a VR: integer edges, bytes or halfwords at the lane limits, or two single floats. */
    static long value(final Random random) {
        final int pick = random.nextInt(10);
        if (pick < 3) {
            return EdgeValues.next(random);
        }
        if (pick < 6) {
            long lanes = 0;
            final boolean bytes = random.nextBoolean();
            for (int i = 0; i < (bytes ? 8 : 4); i++) {
                final int lane = lane(random, bytes);
                lanes = bytes ? lanes << 8 | lane : lanes << 16 | lane;
            }
            return lanes;
        }
        return FloatValues.singlePair(random);
    }

    /** A byte or halfword lane: a lane limit or its neighbour three times in four, else random. */
    private static int lane(final Random random, final boolean bytes) {
        final int[] edges = bytes ? LANE_BYTES : LANE_HALVES;
        return random.nextInt(4) == 0 ? random.nextInt(bytes ? 256 : 0x1_0000) : edges[random.nextInt(edges.length)];
    }

    /** A VSCR value (the low word of doubleword 1): NJ and SAT at random, the reserved bits 0. */
    static long vscr(final Random random) {
        return (random.nextBoolean() ? VectorInteger.VSCR_NJ : 0) | (random.nextBoolean() ? VectorInteger.VSCR_SAT : 0);
    }

    @Override
    public void step(final int index) {
        final Op op = program.ops().get(random.nextInt(program.ops().size()));
        final int d = vr();
        final int fields = switch (op.syntax()) {
            case VD_VA_VB -> Encoding.a(source(op)) | Encoding.b(op == Op.VSL || op == Op.VSR ? shiftCount()
                : source(op));
            case VD_VA_VB_VC -> Encoding.a(source(op)) | Encoding.b(source(op)) | Encoding.c(source(op));
            case VD_VA_VC_VB -> Encoding.a(source(op)) | Encoding.c(source(op)) | Encoding.b(source(op));
            case VD_VA_VB_SHB -> Encoding.a(source(op)) | Encoding.b(source(op)) | random.nextInt(16) << 6;
            case VD_VB -> Encoding.b(source(op));
            case VD_VA -> Encoding.a(source(op));
            case VD_VB_UIMM -> Encoding.b(source(op)) | Encoding.a(random.nextInt(switch (op) {
                case VSPLTB -> 16;
                case VSPLTH -> 8;
                case VSPLTW -> 4;
                default -> 32;
            }));
            case VD_SIMM -> Encoding.a(random.nextInt(32));
            case VD_VA_ST_SIX -> Encoding.a(source(op)) | random.nextInt(2) << 15 | random.nextInt(16) << 11;
            case VD_RA_RB -> Encoding.a(random.nextInt(ProgramGenerator.POOL))
                | Encoding.b(random.nextInt(ProgramGenerator.POOL));
            case VD -> 0;
            case VB -> Encoding.b(newVscr());
            default -> throw new IllegalStateException("no operand rule for " + op + " (" + op.syntax() + ")");
        };
        final int rc = op.has(Op.RC) && random.nextBoolean() ? Encoding.OE : 0;
        final int word = Encoding.checked(op, Encoding.base(op) | (op == Op.MTVSCR ? 0 : Encoding.t(d)) | fields | rc);
        program.emitStep(index, word);
        if (op == Op.MTVSCR) {
            program.log(index, Disassembler.disassemble(word, 0));
        } else {
            program.logVsr(index, Disassembler.disassemble(word, 0), 32 + d);
        }
    }

    private int vr() {
        return random.nextInt(ProgramGenerator.VR_SCRATCH);
    }

    /**
     * A source VR: as earlier steps left it, or a fresh constant; in non-Java mode the operands of a
     * floating-point instruction are always fresh constants without denormals.
     */
    private int source(final Op op) {
        final int register = vr();
        final boolean floating = FLOAT_INPUTS.contains(op);
        if (floating && nonJava) {
            program.loadVsrConstant(32 + register, normalPair(), normalPair());
        } else if (random.nextInt(3) == 0) {
            if (floating) {
                program.loadVsrConstant(32 + register, FloatValues.singlePair(random), FloatValues.singlePair(random));
            } else {
                program.loadVsrConstant(32 + register, value(random), value(random));
            }
        }
        return register;
    }

    private long normalPair() {
        return (long) FloatValues.nextNormalSingle(random) << 32 | FloatValues.nextNormalSingle(random) & 0xFFFF_FFFFL;
    }

    /** A VB for vsl/vsr: random bytes whose low three bits (the shift count) agree. */
    private int shiftCount() {
        final int register = vr();
        final long count = random.nextInt(8) * 0x0101_0101_0101_0101L;
        final long mask = 0xF8F8_F8F8_F8F8_F8F8L;
        program.loadVsrConstant(32 + register, random.nextLong() & mask | count, random.nextLong() & mask | count);
        return register;
    }

    /** The VB of mtvscr: a constant with NJ and SAT at random (and random bits in the words mtvscr ignores). */
    private int newVscr() {
        final int register = vr();
        final long vscr = vscr(random);
        nonJava = (vscr & VectorInteger.VSCR_NJ) != 0;
        program.loadVsrConstant(32 + register, random.nextLong(), random.nextLong() & 0xFFFF_FFFF_0000_0000L | vscr);
        return register;
    }
}
