package dev.jppc.machine.diff;

import java.util.Random;

import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.decode.Op;
import dev.jppc.core.decode.Syntax;

/**
 * Steps of the load/store family. Each access lands in the data buffer: before the instruction the harness sets
 * its address registers (RA, and RB for X forms) to values the generator chose, so the effective address is
 * known here while RT/RS and the buffer's contents stay random.
 *
 * <p>Forms are kept valid (Book I 3.3.2-3.3.7): no update form with RA=0 or (loads) RA=RT, no lmw/lswi/lswx
 * range holding RA or RB, even register pairs for the quadword forms, natural alignment where the ISA makes a
 * misaligned access an Alignment interrupt (larx/stcx., lq/stq; lmw/stmw word-aligned), and string lengths of
 * 1..32 bytes. A load-and-reserve is always followed, in the next step, by a store conditional of the same size
 * to the same address: a stcx. of another size or address, or after an intervening store to the granule, is
 * left to the implementation (Book II 1.7.3.1, 4.4.2), and QEMU's user mode (which compares the old value)
 * and a real processor differ there. A store conditional with no reservation (at the start, or after another
 * stcx.) must fail and is generated too.
 *
 * <p>Excluded, a QEMU bug: lqarx followed by its stqcx. QEMU 7.2's user mode fails the stqcx. although the
 * reservation is intact (Book II 4.4.2 says the quadword is stored and CR0[EQ] set); QEMU 8.0 fixed it (the
 * "reserve_val was incorrect" note of its "Use tcg_gen_atomic_cmpxchg_i128 for STQCX" change). An lqarx is
 * generated alone, and no lone store conditional follows it.
 */
final class LoadStoreSteps implements ProgramGenerator.Steps {

    private final ProgramGenerator program;
    private final Random random;
    /** The store conditional the next step must be, after a load-and-reserve; null otherwise. */
    private Op pendingConditional;
    private long pendingAddress;
    /** After an unpaired lqarx: a lone store conditional would then find a reservation (of another address). */
    private boolean reservationMayBeHeld;

    LoadStoreSteps(final ProgramGenerator program) {
        this.program = program;
        this.random = program.random();
    }

    @Override
    public void step(final int index) {
        if (pendingConditional != null) {
            final Op op = pendingConditional;
            pendingConditional = null;
            indexed(index, op, pendingAddress);
            return;
        }
        Op op = program.ops().get(random.nextInt(program.ops().size()));
        while (isReserve(op) && op != Op.LQARX && index == ProgramGenerator.STEPS - 1
            || isConditional(op) && reservationMayBeHeld) {
            op = program.ops().get(random.nextInt(program.ops().size()));
        }
        final int size = size(op);
        switch (op) {
            case LMW, STMW -> multiple(index, op);
            case LSWI, STSWI -> stringImmediate(index, op);
            case LSWX, STSWX -> stringIndexed(index, op);
            default -> {
                final long address = address(size, mustAlign(op) ? size : alignOrNot(size));
                if (op.syntax() == Syntax.RT_D_RA || op.syntax() == Syntax.RT_DS_RA || op.syntax() == Syntax.RT_DQ_RA) {
                    displacement(index, op, address);
                } else {
                    indexed(index, op, address);
                }
                if (op == Op.LQARX) {
                    // Never followed by its stqcx.: QEMU 7.2 fails that store conditional (docs/differential.md).
                    reservationMayBeHeld = true;
                } else if (isReserve(op)) {
                    pendingConditional = conditionalFor(op);
                    pendingAddress = address;
                    reservationMayBeHeld = false;
                }
            }
        }
    }

    // ---- forms ------------------------------------------------------------------------------------------

    /** D, DS and DQ forms: EA = (RA) + displacement. */
    private void displacement(final int index, final Op op, final long address) {
        final int granule = op.syntax() == Syntax.RT_DQ_RA ? 16 : op.syntax() == Syntax.RT_DS_RA ? 4 : 1;
        final int displacement = (random.nextInt(4) == 0 ? 0 : random.nextInt(512) - 256) & -granule;
        final int base = 1 + random.nextInt(ProgramGenerator.POOL - 1);
        final int target = dataRegister(op, base, -1);
        program.setRegister(base, address - displacement);
        final int word = Encoding.checked(op, Encoding.base(op) | Encoding.t(target) | Encoding.a(base)
            | (displacement & 0xFFFF));
        finish(index, op, word, target, base);
    }

    /** X forms: EA = (RA|0) + (RB). */
    private void indexed(final int index, final Op op, final long address) {
        final boolean update = op.has(Op.UPDATE);
        final int base = update || random.nextInt(4) != 0 ? 1 + random.nextInt(ProgramGenerator.POOL - 1) : 0;
        int offsetRegister = 1 + random.nextInt(ProgramGenerator.POOL - 1);
        while (offsetRegister == base) {
            offsetRegister = 1 + random.nextInt(ProgramGenerator.POOL - 1);
        }
        final int target = dataRegister(op, base, offsetRegister);
        program.setIndexedAddress(base, offsetRegister, address);
        int word = Encoding.base(op) | Encoding.a(base) | Encoding.b(offsetRegister);
        if (op.syntax() != Syntax.RA_RB) {
            word |= Encoding.t(target);
        }
        if (op.syntax() == Syntax.RT_RA_RB_EH) {
            word |= random.nextInt(2);
        }
        finish(index, op, Encoding.checked(op, word), target, base);
    }

    /** lmw/stmw: word-aligned, RA below the loaded range (3.3.6). */
    private void multiple(final int index, final Op op) {
        final int first = op == Op.LMW ? 2 + random.nextInt(ProgramGenerator.POOL - 2) : random.nextInt(32);
        final long address = address(4 * (32 - first), 4);
        final int base = op == Op.LMW ? 1 + random.nextInt(first - 1) : 1 + random.nextInt(ProgramGenerator.POOL - 1);
        final int displacement = (random.nextInt(256) - 128) & -4;
        program.setRegister(base, address - displacement);
        final int word = Encoding.checked(op, Encoding.base(op) | Encoding.t(first) | Encoding.a(base)
            | (displacement & 0xFFFF));
        program.emitStep(index, word);
        if (op == Op.LMW) {
            program.restoreBase();
            program.log(index, Disassembler.disassemble(word, 0), first, first + 1);
        } else {
            program.log(index, Disassembler.disassemble(word, 0));
        }
    }

    /** lswi/stswi: NB bytes (0 means 32) from (RA); a load's registers wrap no further than r29 here. */
    private void stringImmediate(final int index, final Op op) {
        final int bytes = 1 + random.nextInt(32);
        final int registers = (bytes + 3) / 4;
        final boolean load = op == Op.LSWI;
        final int first = load ? random.nextInt(ProgramGenerator.POOL - registers + 1) : random.nextInt(32);
        int base = 1 + random.nextInt(ProgramGenerator.POOL - 1);
        while (load && base >= first && base < first + registers) {
            base = 1 + random.nextInt(ProgramGenerator.POOL - 1);
        }
        program.setRegister(base, address(bytes, 1));
        final int word = Encoding.checked(op, Encoding.base(op) | Encoding.t(first) | Encoding.a(base)
            | Encoding.b(bytes & 31));
        program.emitStep(index, word);
        final String text = Disassembler.disassemble(word, 0);
        if (load) {
            program.log(index, text, first, registers > 1 ? first + 1 : ProgramGenerator.POOL);
        } else {
            program.log(index, text);
        }
    }

    /** lswx/stswx: XER[57:63] bytes (1..32 in this family) from (RA|0) + (RB). */
    private void stringIndexed(final int index, final Op op) {
        final int bytes = program.xerByteCount();
        final int registers = (bytes + 3) / 4;
        final boolean load = op == Op.LSWX;
        final int first = load ? random.nextInt(ProgramGenerator.POOL - registers + 1) : random.nextInt(32);
        int base;
        int offsetRegister;
        do {
            base = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(ProgramGenerator.POOL - 1);
            offsetRegister = 1 + random.nextInt(ProgramGenerator.POOL - 1);
        } while (offsetRegister == base || load && (inRange(base, first, registers) && base != 0
            || inRange(offsetRegister, first, registers)));
        final long address = address(bytes, 1);
        if (base == 0) {
            program.setRegister(offsetRegister, address);
        } else {
            final int offset = random.nextInt(65) - 32;
            program.setRegister(offsetRegister, offset);
            program.setRegister(base, address - offset);
        }
        final int word = Encoding.checked(op, Encoding.base(op) | Encoding.t(first) | Encoding.a(base)
            | Encoding.b(offsetRegister));
        program.emitStep(index, word);
        final String text = Disassembler.disassemble(word, 0);
        if (load) {
            program.log(index, text, first, registers > 1 ? first + 1 : ProgramGenerator.POOL);
        } else {
            program.log(index, text);
        }
    }

    private static boolean inRange(final int register, final int first, final int count) {
        return register >= first && register < first + count;
    }

    private void finish(final int index, final Op op, final int word, final int target, final int base) {
        program.emitStep(index, word);
        final String text = Disassembler.disassemble(word, 0);
        final int none = ProgramGenerator.POOL;
        final boolean load = op.has(Op.LOAD);
        final int first = load ? target : none;
        final int second = load && size(op) == 16 ? target + 1 : none;
        final int updated = op.has(Op.UPDATE) ? base : none;
        program.log(index, text, first, second, updated);
    }

    // ---- registers and addresses ------------------------------------------------------------------------

    /**
     * RT or RS: any pool register, except that a load with update must not target RA, a quadword names an even
     * pair that holds neither RA nor RB, and a load-and-reserve's RT may not be RA or RB.
     */
    private int dataRegister(final Op op, final int base, final int offsetRegister) {
        final boolean quad = size(op) == 16;
        while (true) {
            final int register = quad ? 2 * random.nextInt(ProgramGenerator.POOL / 2) : random.nextInt(
                ProgramGenerator.POOL);
            final boolean load = op.has(Op.LOAD);
            if (load && (op.has(Op.UPDATE) || quad || isReserve(op)) && (register == base
                || register == offsetRegister)) {
                continue;
            }
            if (quad && load && (register + 1 == base || register + 1 == offsetRegister)) {
                continue;
            }
            return register;
        }
    }

    /** An address in the data buffer with room for {@code size} bytes, a multiple of {@code alignment}. */
    private long address(final int size, final int alignment) {
        final int room = ProgramGenerator.BUFFER_SIZE - size;
        final int offset = random.nextInt(room + 1) & -alignment;
        return program.bufferAddress() + offset;
    }

    /** Natural alignment three times in four; any byte otherwise (misaligned loads and stores are legal). */
    private int alignOrNot(final int size) {
        return random.nextInt(4) == 0 ? 1 : size;
    }

    private static boolean mustAlign(final Op op) {
        return isReserve(op) || isConditional(op) || size(op) == 16;
    }

    private static boolean isReserve(final Op op) {
        return op == Op.LBARX || op == Op.LHARX || op == Op.LWARX || op == Op.LDARX || op == Op.LQARX;
    }

    private static boolean isConditional(final Op op) {
        return op == Op.STBCX_ || op == Op.STHCX_ || op == Op.STWCX_ || op == Op.STDCX_ || op == Op.STQCX_;
    }

    private static Op conditionalFor(final Op reserve) {
        return switch (reserve) {
            case LBARX -> Op.STBCX_;
            case LHARX -> Op.STHCX_;
            case LWARX -> Op.STWCX_;
            case LDARX -> Op.STDCX_;
            default -> Op.STQCX_;
        };
    }

    /** Bytes accessed (1 for the cache instructions, whose block lies inside the 128-aligned buffer). */
    static int size(final Op op) {
        return switch (op) {
            case LBZ, LBZU, LBZX, LBZUX, STB, STBU, STBX, STBUX, LBARX, STBCX_ -> 1;
            case LHZ, LHZU, LHZX, LHZUX, LHA, LHAU, LHAX, LHAUX, STH, STHU, STHX, STHUX, LHBRX, STHBRX, LHARX,
                STHCX_ -> 2;
            case LWZ, LWZU, LWZX, LWZUX, LWA, LWAX, LWAUX, STW, STWU, STWX, STWUX, LWBRX, STWBRX, LWARX, STWCX_ -> 4;
            case LD, LDU, LDX, LDUX, STD, STDU, STDX, STDUX, LDBRX, STDBRX, LDARX, STDCX_ -> 8;
            case LQ, STQ, LQARX, STQCX_ -> 16;
            default -> 1;
        };
    }
}
