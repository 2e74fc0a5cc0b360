package dev.jppc.machine.diff;

import java.util.Random;

import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.decode.Op;

/**
 * Steps of the VSX family (Book I 7.6): loads and stores between the data buffer and any of the 64 VSRs (the
 * harness sets RA and RB to an address in the buffer first), moves between GPRs and VSRs, and the logical,
 * select, permute and splat instructions with every DM, SHW and UIM value.
 */
final class VsxSteps implements ProgramGenerator.Steps {

    /**
     * Doubleword bit patterns that mean something to the scalar loads and stores that convert (lxsspx,
     * stxsspx): signed zeros, infinities, quiet and signalling NaNs, denormals, the largest and smallest normal
     * numbers in double and single format, and values just outside single range.
     */
    private static final long[] FLOAT_EDGES = {
        0x0000_0000_0000_0000L, 0x8000_0000_0000_0000L, 0x7FF0_0000_0000_0000L, 0xFFF0_0000_0000_0000L,
        0x7FF8_0000_0000_0000L, 0x7FF4_0000_0000_0001L, 0xFFF0_0000_0000_0001L, 0x0000_0000_0000_0001L,
        0x000F_FFFF_FFFF_FFFFL, 0x7FEF_FFFF_FFFF_FFFFL, 0x0010_0000_0000_0000L, 0x3FF0_0000_0000_0000L,
        0x47EF_FFFF_E000_0000L, 0x47F0_0000_0000_0000L, 0x3810_0000_0000_0000L, 0x36A0_0000_0000_0000L,
        0x380F_FFFF_F000_0000L, 0x41E0_0000_0000_0000L, 0x4340_0000_0000_0000L, 0xC3E0_0000_0000_0000L,
    };

    private final ProgramGenerator program;
    private final Random random;

    VsxSteps(final ProgramGenerator program) {
        this.program = program;
        this.random = program.random();
    }

    /** A doubleword for a VSR: an integer edge value or a floating-point one. */
    static long value(final Random random) {
        return random.nextBoolean() ? EdgeValues.next(random) : FLOAT_EDGES[random.nextInt(FLOAT_EDGES.length)];
    }

    @Override
    public void step(final int index) {
        final Op op = program.ops().get(random.nextInt(program.ops().size()));
        if (op.has(Op.LOAD) || op.has(Op.STORE)) {
            access(index, op);
            return;
        }
        final int t = random.nextInt(64);
        final int a = random.nextInt(64);
        final int b = random.nextInt(64);
        switch (op) {
            case MFVSRD, MFVSRWZ -> {
                final int gpr = random.nextInt(ProgramGenerator.POOL);
                final int word = Encoding.checked(op, Encoding.base(op) | Encoding.xt(t) | Encoding.a(gpr));
                program.emitStep(index, word);
                program.log(index, Disassembler.disassemble(word, 0), gpr);
            }
            case MTVSRD, MTVSRWA, MTVSRWZ -> vector(index, op, Encoding.xt(t) | Encoding.a(
                random.nextInt(ProgramGenerator.POOL)), t);
            case XXSEL -> vector(index, op, Encoding.xt(t) | Encoding.xa(a) | Encoding.xb(b)
                | Encoding.xc(random.nextInt(64)), t);
            case XXPERMDI, XXSLDWI -> vector(index, op, Encoding.xt(t) | Encoding.xa(a) | Encoding.xb(b)
                | (random.nextInt(4) << 8), t);
            case XXSPLTW -> vector(index, op, Encoding.xt(t) | Encoding.xb(b) | (random.nextInt(4) << 16), t);
            default -> vector(index, op, Encoding.xt(t) | Encoding.xa(a) | Encoding.xb(b), t);
        }
    }

    private void vector(final int index, final Op op, final int fields, final int target) {
        final int word = Encoding.checked(op, Encoding.base(op) | fields);
        program.emitStep(index, word);
        program.logVsr(index, Disassembler.disassemble(word, 0), target);
    }

    /** An X-form load or store: EA = (RA|0) + (RB) inside the buffer, any alignment one time in four. */
    private void access(final int index, final Op op) {
        final int size = switch (op) {
            case LXVD2X, LXVW4X, STXVD2X, STXVW4X -> 16;
            case LXSIWAX, LXSIWZX, LXSSPX, STXSIWX, STXSSPX -> 4;
            default -> 8;
        };
        final int alignment = random.nextInt(4) == 0 ? 1 : Math.min(size, 8);
        final long address = program.bufferAddress()
            + (random.nextInt(ProgramGenerator.BUFFER_SIZE - size + 1) & -alignment);
        final int base = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(ProgramGenerator.POOL - 1);
        int offsetRegister = 1 + random.nextInt(ProgramGenerator.POOL - 1);
        while (offsetRegister == base) {
            offsetRegister = 1 + random.nextInt(ProgramGenerator.POOL - 1);
        }
        program.setIndexedAddress(base, offsetRegister, address);
        final int vsr = random.nextInt(64);
        final int word = Encoding.checked(op, Encoding.base(op) | Encoding.xt(vsr) | Encoding.a(base)
            | Encoding.b(offsetRegister));
        program.emitStep(index, word);
        if (op.has(Op.LOAD)) {
            program.logVsr(index, Disassembler.disassemble(word, 0), vsr);
        } else {
            program.log(index, Disassembler.disassemble(word, 0));
        }
    }
}
