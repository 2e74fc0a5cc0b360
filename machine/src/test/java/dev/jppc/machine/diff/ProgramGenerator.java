package dev.jppc.machine.diff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.jppc.core.asm.PpcAsm;
import dev.jppc.core.decode.Op;

/**
 * Builds the test program of one (family, seed, byte order): deterministic, so CI rebuilds exactly the program
 * whose QEMU output is committed.
 *
 * <p>The program, all written here (see {@link ElfWriter} for the file):
 * <ol>
 * <li>r31 gets the data segment's address; CR, XER, LR, CTR and r0-r30 (and in the VSX family the 64 VSRs) are
 * loaded from the input block, which holds random values biased to edge cases ({@link EdgeValues});</li>
 * <li>the steps run: each is one instruction under test, sometimes with a few set-up instructions before it
 * (operands whose value must be known, addresses, branch targets) and a fix-up after it (below); after each step
 * a log record stores the GPRs it wrote, XER and CR (plus LR and CTR in the branch family), so a difference is
 * pinned to its step;</li>
 * <li>r0-r29, CR, XER, LR and CTR (and the VSRs) are stored after the data buffer, and {@code write(1, block, n)}
 * and {@code exit_group(0)} end the program (Linux ppc64 syscall ABI: number in r0, {@code sc}).</li>
 * </ol>
 * Registers: r0-r29 are the pool the steps use; r30 is the harness's scratch register (it holds CR after each log
 * record); r31 points at the data segment throughout.
 *
 * <p>Results the ISA leaves undefined are made defined by the program itself. A divide or modulo gets its
 * operands loaded from constants chosen here, so the generator knows whether the quotient is undefined (Book I
 * 3.3.9: division by zero, or a quotient that does not fit); when it is, RT is set to 0 and CR0's LT, GT and EQ
 * (undefined if Rc=1) are cleared after it, while XER[OV] and CR0[SO], which are defined, stay as computed.
 */
final class ProgramGenerator {

    static final int POOL = 30;
    static final int SCRATCH = 30;
    static final int BASE = 31;

    // Data segment layout (offsets from ElfWriter.DATA); the first bytes hold the ELFv1 entry descriptor.
    private static final int IN = 0x100;
    private static final int IN_CR = IN + 32 * 8;
    private static final int IN_XER = IN_CR + 8;
    private static final int IN_LR = IN_XER + 8;
    private static final int IN_CTR = IN_LR + 8;
    private static final int CONSTANTS = 0x400;
    private static final int CONSTANTS_END = 0x1000;
    /** The 64 VSRs' initial values, 16 bytes each (doubleword 0 first, as lxvd2x loads them). */
    private static final int IN_VSR = 0x1000;
    /** The output block: data buffer (load/store family), final state, log. */
    private static final int OUT = 0x2000;
    private static final int DATA_SIZE = 0x8000;
    static final int BUFFER_SIZE = 512;
    private static final byte LOG_FILL = (byte) 0xEE;

    private static final int SPR_XER = 1;
    private static final int SPR_LR = 8;
    private static final int SPR_CTR = 9;

    /** Steps per program. */
    static final int STEPS = 24;

    private final Family family;
    private final long seed;
    private final ByteOrder order;
    private final Random random;
    private final List<Op> ops;
    private final Code code = new Code();
    private final ByteBuffer data;
    private final List<DiffProgram.Slot> slots = new ArrayList<>();
    private final List<DiffProgram.Step> steps = new ArrayList<>();
    private int constants = CONSTANTS;
    private int out = OUT;
    private int bufferOffset = -1;
    private int xerByteCount;

    private ProgramGenerator(final Family family, final long seed, final ByteOrder order) {
        this.family = family;
        this.seed = seed;
        this.order = order;
        // java.util.Random's algorithm is fixed by its specification: the same seed gives the same program on
        // every JVM. The family takes part so that two families with one seed do not share their values.
        this.random = new Random(seed * 0x9E37_79B9_7F4A_7C15L + family.id().hashCode());
        this.ops = family.ops(order);
        this.data = ByteBuffer.allocate(DATA_SIZE).order(order);
    }

    /** The program of ({@code family}, {@code seed}) in byte order {@code order}. */
    static DiffProgram generate(final Family family, final long seed, final ByteOrder order) {
        return new ProgramGenerator(family, seed, order).build();
    }

    private DiffProgram build() {
        if (family.usesBuffer()) {
            bufferOffset = reserveOutput(BUFFER_SIZE);
            final byte[] contents = new byte[BUFFER_SIZE];
            random.nextBytes(contents);
            data.put(bufferOffset, contents);
            slots.add(new DiffProgram.Slot("buffer", bufferOffset - OUT, BUFFER_SIZE, DiffProgram.Kind.BYTES));
        }
        final int finalState = reserveOutput(34 * 8);
        final int finalVsrs = family.usesVsrs() ? reserveOutput(64 * 16) : -1;
        loadInitialState();
        final Steps generator = switch (family) {
            case LOADSTORE -> new LoadStoreSteps(this);
            case BRANCH -> new BranchSteps(this);
            case VSX -> new VsxSteps(this);
            default -> new RegisterSteps(this);
        };
        for (int i = 0; i < STEPS; i++) {
            code.bindStep(i);
            generator.step(i);
        }
        code.bindStep(STEPS);
        storeFinalState(finalState);
        if (finalVsrs >= 0) {
            for (int v = 0; v < 64; v++) {
                storeVsr(v, finalVsrs + 16 * v, "vs" + v);
            }
        }
        exit();
        final int[] words = code.resolve();
        resolveListing(words);
        final byte[] image = new byte[out];
        data.get(0, image);
        final byte[] elf = ElfWriter.write(order, words, image);
        return new DiffProgram(family, seed, order, elf, List.copyOf(slots), out - OUT, List.copyOf(steps));
    }

    // ---- what the step generators use -------------------------------------------------------------------

    Random random() {
        return random;
    }

    Family family() {
        return family;
    }

    ByteOrder order() {
        return order;
    }

    List<Op> ops() {
        return ops;
    }

    /** The address of the data buffer of the load/store family. */
    long bufferAddress() {
        return ElfWriter.DATA + bufferOffset;
    }

    /** XER[57:63] as the program starts (no instruction of the families changes it). */
    int xerByteCount() {
        return xerByteCount;
    }

    /** Emits a harness instruction. */
    void emit(final int word) {
        code.emit(word);
    }

    /** Emits the instruction under test of step {@code index}. */
    void emitStep(final int index, final int word) {
        steps.add(new DiffProgram.Step(index, ElfWriter.CODE + 4L * code.size(), word));
        code.emit(word);
    }

    /**
     * Emits the branch under test of step {@code index}, to the start of step {@code target} ({@link #STEPS}: the
     * end of the sequence); {@code conditional} says whether the offset goes in BD (bc) or LI (b).
     */
    void emitBranchStep(final int index, final int word, final int target, final boolean conditional) {
        steps.add(new DiffProgram.Step(index, ElfWriter.CODE + 4L * code.size(), word));
        code.emitBranch(word, target, conditional);
    }

    /** Puts the listing's words in line with the laid-out program (branch offsets are filled in last). */
    private void resolveListing(final int[] words) {
        for (int i = 0; i < steps.size(); i++) {
            final DiffProgram.Step step = steps.get(i);
            final int word = words[(int) ((step.address() - ElfWriter.CODE) / 4)];
            steps.set(i, new DiffProgram.Step(step.index(), step.address(), word));
        }
    }

    /** Puts the address of step {@code target}'s first word into {@code register} (lis/ori, filled in last). */
    void emitLoadStepAddress(final int register, final int target) {
        code.emitAddressOf(register, target);
    }

    /** Loads a 64-bit constant into {@code register} from the constant pool. */
    void loadConstant(final int register, final long value) {
        if (constants + 8 > CONSTANTS_END) {
            throw new IllegalStateException("constant pool full");
        }
        data.putLong(constants, value);
        emit(PpcAsm.ld(register, constants, BASE));
        constants += 8;
    }

    /** Puts {@code value}, a small number or an address below 2^31, into {@code register} with li or lis/ori. */
    void setRegister(final int register, final long value) {
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            emit(PpcAsm.li(register, (int) value));
            return;
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("value out of li/lis range: " + value);
        }
        emit(PpcAsm.lis(register, (int) (value >>> 16)));
        if ((value & 0xFFFF) != 0) {
            emit(PpcAsm.ori(register, register, (int) (value & 0xFFFF)));
        }
    }

    /** Sets r31 back to the data segment (after lmw, which loads up to r31). */
    void restoreBase() {
        emit(PpcAsm.lis(BASE, (int) (ElfWriter.DATA >>> 16)));
    }

    /**
     * The log record of step {@code index}: the GPRs it wrote, then (in the branch family) LR and CTR, then XER
     * and CR. The harness's own stores go to the log, far from the data buffer.
     */
    void log(final int index, final String text, final int... written) {
        for (final int register : written) {
            if (register >= POOL) {
                continue;
            }
            final int at = reserveOutput(8);
            emit(PpcAsm.std(register, at, BASE));
            slot("step " + index + " r" + register + " (" + text + ")", at, DiffProgram.Kind.VALUE);
        }
        if (family == Family.BRANCH) {
            logSpecial(index, text, PpcAsm.mflr(SCRATCH), "lr", DiffProgram.Kind.VALUE);
            logSpecial(index, text, PpcAsm.mfctr(SCRATCH), "ctr", DiffProgram.Kind.VALUE);
        }
        logSpecial(index, text, PpcAsm.mfxer(SCRATCH), "xer", DiffProgram.Kind.XER);
        logSpecial(index, text, PpcAsm.mfcr(SCRATCH), "cr", DiffProgram.Kind.VALUE);
    }

    /** The log record of a step that wrote VSR {@code vsr}: the VSR, then XER and CR. */
    void logVsr(final int index, final String text, final int vsr) {
        storeVsr(vsr, reserveOutput(16), "step " + index + " vs" + vsr + " (" + text + ")");
        log(index, text);
    }

    /** stxvd2x of VSR {@code vsr} at data offset {@code at} (r30 is the index register), as two slots. */
    private void storeVsr(final int vsr, final int at, final String name) {
        emit(PpcAsm.li(SCRATCH, at));
        emit(Encoding.checked(Op.STXVD2X, Encoding.base(Op.STXVD2X) | Encoding.xt(vsr) | Encoding.a(BASE)
            | Encoding.b(SCRATCH)));
        slots.add(new DiffProgram.Slot(name + " dw0", at - OUT, 8, DiffProgram.Kind.VALUE));
        slots.add(new DiffProgram.Slot(name + " dw1", at + 8 - OUT, 8, DiffProgram.Kind.VALUE));
    }

    private void logSpecial(final int index, final String text, final int move, final String name,
                            final DiffProgram.Kind kind) {
        final int at = reserveOutput(8);
        emit(move);
        emit(PpcAsm.std(SCRATCH, at, BASE));
        slot("step " + index + " " + name + " (" + text + ")", at, kind);
    }

    // ---- program frame ----------------------------------------------------------------------------------

    private void loadInitialState() {
        restoreBase();
        if (family.usesVsrs()) {
            for (int v = 0; v < 64; v++) {
                data.putLong(IN_VSR + 16 * v, VsxSteps.value(random));
                data.putLong(IN_VSR + 16 * v + 8, VsxSteps.value(random));
                emit(PpcAsm.li(SCRATCH, IN_VSR + 16 * v));
                emit(Encoding.checked(Op.LXVD2X, Encoding.base(Op.LXVD2X) | Encoding.xt(v) | Encoding.a(BASE)
                    | Encoding.b(SCRATCH)));
            }
        }
        for (int r = 0; r < 32; r++) {
            data.putLong(IN + 8 * r, r < POOL ? EdgeValues.next(random) : 0);
        }
        data.putLong(IN_CR, random.nextInt() & 0xFFFF_FFFFL);
        data.putLong(IN_XER, initialXer());
        data.putLong(IN_LR, EdgeValues.next(random));
        data.putLong(IN_CTR, initialCtr());
        emit(PpcAsm.ld(SCRATCH, IN_CR, BASE));
        emit(PpcAsm.mtcrf(0xFF, SCRATCH));
        emit(PpcAsm.ld(SCRATCH, IN_XER, BASE));
        emit(PpcAsm.mtspr(SPR_XER, SCRATCH));
        emit(PpcAsm.ld(SCRATCH, IN_LR, BASE));
        emit(PpcAsm.mtspr(SPR_LR, SCRATCH));
        emit(PpcAsm.ld(SCRATCH, IN_CTR, BASE));
        emit(PpcAsm.mtspr(SPR_CTR, SCRATCH));
        for (int r = 0; r <= SCRATCH; r++) {
            emit(PpcAsm.ld(r, IN + 8 * r, BASE));
        }
    }

    /** SO, OV, CA (and OV32, CA32 where the reference implements them) and the string byte count. */
    private long initialXer() {
        long xer = (long) random.nextInt(8) << 29;
        if (!family.masksXer32()) {
            xer |= (long) random.nextInt(4) << 18;
        }
        // lswx/stswx: a count of 0 leaves RT undefined (3.3.7), so the load/store family uses 1..32.
        xerByteCount = family == Family.LOADSTORE ? 1 + random.nextInt(32) : random.nextInt(128);
        return xer | xerByteCount;
    }

    private long initialCtr() {
        final int pick = random.nextInt(4);
        return pick == 0 ? random.nextInt(4) : pick == 1 ? -random.nextInt(3) : EdgeValues.next(random);
    }

    private void storeFinalState(final int at) {
        for (int r = 0; r < POOL; r++) {
            emit(PpcAsm.std(r, at + 8 * r, BASE));
            slot("r" + r, at + 8 * r, DiffProgram.Kind.VALUE);
        }
        final int special = at + 8 * POOL;
        emit(PpcAsm.mfcr(SCRATCH));
        emit(PpcAsm.std(SCRATCH, special, BASE));
        slot("cr", special, DiffProgram.Kind.VALUE);
        emit(PpcAsm.mfxer(SCRATCH));
        emit(PpcAsm.std(SCRATCH, special + 8, BASE));
        slot("xer", special + 8, DiffProgram.Kind.XER);
        emit(PpcAsm.mflr(SCRATCH));
        emit(PpcAsm.std(SCRATCH, special + 16, BASE));
        slot("lr", special + 16, DiffProgram.Kind.VALUE);
        emit(PpcAsm.mfctr(SCRATCH));
        emit(PpcAsm.std(SCRATCH, special + 24, BASE));
        slot("ctr", special + 24, DiffProgram.Kind.VALUE);
    }

    /** write(1, OUT, n); exit_group(0). */
    private void exit() {
        emit(PpcAsm.li(0, 4));
        emit(PpcAsm.li(3, 1));
        setRegister(4, ElfWriter.DATA + OUT);
        setRegister(5, out - OUT);
        emit(PpcAsm.sc());
        emit(PpcAsm.li(0, 234));
        emit(PpcAsm.li(3, 0));
        emit(PpcAsm.sc());
    }

    private int reserveOutput(final int size) {
        final int at = out;
        out += size;
        if (out > DATA_SIZE || out > Short.MAX_VALUE) {
            throw new IllegalStateException("output block too large");
        }
        // Log records start out filled, so a step a branch skipped shows as such.
        for (int i = at; i < out; i++) {
            data.put(i, LOG_FILL);
        }
        return at;
    }

    private void slot(final String name, final int at, final DiffProgram.Kind kind) {
        slots.add(new DiffProgram.Slot(name, at - OUT, 8, kind));
    }

    /** Generates the steps of one family. */
    interface Steps {
        void step(int index);
    }
}
