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
 * <li>r31 gets the data segment's address; CR, XER, LR, CTR and r0-r30 (and in the VSX families the 64 VSRs, in
 * the FP family the FPRs, and FPSCR and VSCR where the family uses them) are loaded from the input block, which
 * holds random values biased to edge cases ({@link EdgeValues}, {@link FloatValues});</li>
 * <li>the steps run: each is one instruction under test, sometimes with a few set-up instructions before it
 * (operands whose value must be known, addresses, branch targets) and a fix-up after it (below); after each step
 * a log record stores the GPRs (FPR, VSR) it wrote, XER and CR (plus LR and CTR in the branch family, FPSCR and
 * VSCR in the arithmetic families), so a difference is pinned to its step;</li>
 * <li>r0-r29, CR, XER, LR and CTR (and the VSRs, FPRs, FPSCR, VSCR) are stored after the data buffer, and
 * {@code write(1, block, n)}
 * and {@code exit_group(0)} end the program (Linux ppc64 syscall ABI: number in r0, {@code sc}).</li>
 * </ol>
 * Registers: r0-r29 are the pool the steps use; r30 is the harness's scratch register (it holds CR after each log
 * record); r31 points at the data segment throughout. In the FP, VMX and VSX arithmetic families f31 (VSR 31)
 * and v31 (VSR 63) are the harness's too: FPSCR and VSCR are read through them.
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
    /** The arithmetic families' scratch FPR (VSR 31) and VR (VSR 63): FPSCR and VSCR are read through them. */
    static final int FP_SCRATCH = 31;
    static final int VR_SCRATCH = 31;

    // Data segment layout (offsets from ElfWriter.DATA); the first bytes hold the ELFv1 entry descriptor.
    private static final int IN = 0x100;
    private static final int IN_CR = IN + 32 * 8;
    private static final int IN_XER = IN_CR + 8;
    private static final int IN_LR = IN_XER + 8;
    private static final int IN_CTR = IN_LR + 8;
    /** The arithmetic families' initial FPSCR (a doubleword for lfd) and VSCR (a quadword for lxvd2x). */
    private static final int IN_FPSCR = 0x240;
    private static final int IN_VSCR = 0x250;
    /** A doubleword of zeros, and a word the fctiw fix-up goes through. */
    private static final int ZERO = 0x260;
    static final int SCRATCH_WORD = 0x268;
    /** Masks that keep the defined words of a VSX result (xxland), 16 bytes each, doubleword 0 first. */
    private static final int MASKS = 0x280;
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
    private long initialFpscr;
    private long initialVscr;

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
        final int finalFprs = family.usesFprs() ? reserveOutput(32 * 8) : -1;
        final int finalFpscr = family.usesFpscr() ? reserveOutput(8) : -1;
        final int finalVscr = family.usesVscr() ? reserveOutput(16) : -1;
        if (family == Family.FP) {
            for (int at = 0; at < BUFFER_SIZE; at += 8) {
                data.putLong(bufferOffset + at, random.nextBoolean() ? FloatValues.nextDouble(random)
                    : (long) FloatValues.nextSingle(random) << 32 | FloatValues.nextSingle(random) & 0xFFFF_FFFFL);
            }
        }
        loadInitialState();
        final Steps generator = switch (family) {
            case LOADSTORE -> new LoadStoreSteps(this);
            case BRANCH -> new BranchSteps(this);
            case VSX -> new VsxSteps(this);
            case FP -> new FpSteps(this);
            case VMX -> new VmxSteps(this);
            case VSX_ARITH -> new VsxArithSteps(this);
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
                if (!isScratchVsr(v)) {
                    storeVsr(v, finalVsrs + 16 * v, "vs" + v);
                }
            }
        }
        if (finalFprs >= 0) {
            for (int f = 0; f < FP_SCRATCH; f++) {
                storeFpr(f, finalFprs + 8 * f, "f" + f);
            }
        }
        if (finalFpscr >= 0) {
            storeFpscr(finalFpscr, "fpscr");
        }
        if (finalVscr >= 0) {
            storeVscr(finalVscr, "vscr");
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

    /** FPSCR as the program starts (families that use it). */
    long initialFpscr() {
        return initialFpscr;
    }

    /** VSCR as the program starts (the VMX family). */
    long initialVscr() {
        return initialVscr;
    }

    /** Whether VSR {@code vsr} is the harness's scratch register in this family. */
    boolean isScratchVsr(final int vsr) {
        return family.hasVectorScratch() && (vsr == FP_SCRATCH || vsr == 32 + VR_SCRATCH);
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

    /** Loads a doubleword constant into FPR {@code fpr} (lfd from the constant pool). */
    void loadFprConstant(final int fpr, final long value) {
        emit(Encoding.checked(Op.LFD, Encoding.base(Op.LFD) | Encoding.t(fpr) | Encoding.a(BASE)
            | reserveConstant(value)));
    }

    /** Loads a quadword constant (doubleword 0 first) into VSR {@code vsr} (lxvd2x from the constant pool). */
    void loadVsrConstant(final int vsr, final long high, final long low) {
        final int at = reserveConstant(high);
        reserveConstant(low);
        loadVsr(vsr, at);
    }

    /** lxvd2x of VSR {@code vsr} from data offset {@code at} (r30 is the index register). */
    private void loadVsr(final int vsr, final int at) {
        emit(PpcAsm.li(SCRATCH, at));
        emit(Encoding.checked(Op.LXVD2X, Encoding.base(Op.LXVD2X) | Encoding.xt(vsr) | Encoding.a(BASE)
            | Encoding.b(SCRATCH)));
    }

    /** Clears FPSCR fields 0, 1, 2, 3 and 5 (every exception bit, FX, FR, FI, C) with mtfsf from zeros. */
    void clearFpscrExceptions() {
        emit(Encoding.checked(Op.LFD, Encoding.base(Op.LFD) | Encoding.t(FP_SCRATCH) | Encoding.a(BASE) | ZERO));
        emit(Encoding.checked(Op.MTFSF, Encoding.base(Op.MTFSF) | (0xF4 << 17) | Encoding.b(FP_SCRATCH)));
    }

    /**
     * Zeroes the words of VSR {@code vsr} the ISA leaves undefined: {@code mask} has a bit per word (8 = word 0)
     * that is kept (xxland with a mask from the data segment through the scratch VSR 31).
     */
    void keepWords(final int vsr, final int mask) {
        loadVsr(FP_SCRATCH, MASKS + 16 * mask);
        emit(Encoding.checked(Op.XXLAND, Encoding.base(Op.XXLAND) | Encoding.xt(vsr) | Encoding.xa(vsr)
            | Encoding.xb(FP_SCRATCH)));
    }

    /**
     * Gives bits 0:31 of FPR {@code fpr}, undefined after fctiw and its forms (Book I 4.6.7), the value 0:
     * stfiwx, then lfiwzx through a scratch word.
     */
    void zeroHighWord(final int fpr) {
        emit(PpcAsm.li(SCRATCH, SCRATCH_WORD));
        emit(Encoding.checked(Op.STFIWX, Encoding.base(Op.STFIWX) | Encoding.t(fpr) | Encoding.a(BASE)
            | Encoding.b(SCRATCH)));
        emit(Encoding.checked(Op.LFIWZX, Encoding.base(Op.LFIWZX) | Encoding.t(fpr) | Encoding.a(BASE)
            | Encoding.b(SCRATCH)));
    }

    private int reserveConstant(final long value) {
        if (constants + 8 > CONSTANTS_END) {
            throw new IllegalStateException("constant pool full");
        }
        data.putLong(constants, value);
        constants += 8;
        return constants - 8;
    }

    /**
     * Points an indexed access (base + offsetRegister) at {@code address}: with base 0 the offset register holds
     * the address; otherwise a random small offset (zero a quarter of the time) is split between the two.
     */
    void setIndexedAddress(final int base, final int offsetRegister, final long address) {
        if (base == 0) {
            setRegister(offsetRegister, address);
            return;
        }
        final int offset = random.nextInt(4) == 0 ? 0 : random.nextInt(129) - 64;
        setRegister(offsetRegister, offset);
        setRegister(base, address - offset);
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
        if (family.usesFpscr()) {
            storeFpscr(reserveOutput(8), "step " + index + " fpscr (" + text + ")");
        }
        if (family.usesVscr()) {
            storeVscr(reserveOutput(16), "step " + index + " vscr (" + text + ")");
        }
    }

    /** The log record of a step that wrote FPR {@code fpr}: the FPR, then as {@link #log}. */
    void logFpr(final int index, final String text, final int fpr, final int... written) {
        storeFpr(fpr, reserveOutput(8), "step " + index + " f" + fpr + " (" + text + ")");
        log(index, text, written);
    }

    private void storeFpr(final int fpr, final int at, final String name) {
        emit(Encoding.checked(Op.STFD, Encoding.base(Op.STFD) | Encoding.t(fpr) | Encoding.a(BASE) | at));
        slots.add(new DiffProgram.Slot(name, at - OUT, 8, DiffProgram.Kind.VALUE));
    }

    /** mffs f31 and stfd: FPSCR as a slot whose FR is not compared (docs/differential.md). */
    private void storeFpscr(final int at, final String name) {
        emit(Encoding.checked(Op.MFFS, Encoding.base(Op.MFFS) | Encoding.t(FP_SCRATCH)));
        emit(Encoding.checked(Op.STFD, Encoding.base(Op.STFD) | Encoding.t(FP_SCRATCH) | Encoding.a(BASE) | at));
        slots.add(new DiffProgram.Slot(name, at - OUT, 8, DiffProgram.Kind.FPSCR));
    }

    /** mfvscr v31 and stxvd2x: VSCR is the low word of doubleword 1. */
    private void storeVscr(final int at, final String name) {
        emit(Encoding.checked(Op.MFVSCR, Encoding.base(Op.MFVSCR) | Encoding.t(VR_SCRATCH)));
        emit(PpcAsm.li(SCRATCH, at));
        emit(Encoding.checked(Op.STXVD2X, Encoding.base(Op.STXVD2X) | Encoding.xt(32 + VR_SCRATCH)
            | Encoding.a(BASE) | Encoding.b(SCRATCH)));
        slots.add(new DiffProgram.Slot(name, at + 8 - OUT, 8, DiffProgram.Kind.VALUE));
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
        if (family.hasVectorScratch()) {
            loadControlRegisters();
        }
        if (family.usesVsrs()) {
            for (int v = 0; v < 64; v++) {
                if (isScratchVsr(v)) {
                    continue;
                }
                data.putLong(IN_VSR + 16 * v, initialVsrValue(v));
                data.putLong(IN_VSR + 16 * v + 8, initialVsrValue(v));
                emit(PpcAsm.li(SCRATCH, IN_VSR + 16 * v));
                emit(Encoding.checked(Op.LXVD2X, Encoding.base(Op.LXVD2X) | Encoding.xt(v) | Encoding.a(BASE)
                    | Encoding.b(SCRATCH)));
            }
        }
        if (family.usesFprs()) {
            for (int f = 0; f < FP_SCRATCH; f++) {
                data.putLong(IN_VSR + 8 * f, FloatValues.nextDouble(random));
                emit(Encoding.checked(Op.LFD, Encoding.base(Op.LFD) | Encoding.t(f) | Encoding.a(BASE)
                    | (IN_VSR + 8 * f)));
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

    /**
     * FPSCR (mtfsf from lfd) and VSCR (mtvscr from lxvd2x) as the program starts, and the constants the fix-ups
     * use: zeros and the word masks of {@link #keepWords}.
     */
    private void loadControlRegisters() {
        for (int mask = 0; mask < 16; mask++) {
            data.putLong(MASKS + 16 * mask, wordMask(mask >>> 2));
            data.putLong(MASKS + 16 * mask + 8, wordMask(mask & 3));
        }
        if (family.usesFpscr()) {
            initialFpscr = FloatValues.fpscr(random);
            data.putLong(IN_FPSCR, initialFpscr);
            emit(Encoding.checked(Op.LFD, Encoding.base(Op.LFD) | Encoding.t(FP_SCRATCH) | Encoding.a(BASE)
                | IN_FPSCR));
            emit(Encoding.checked(Op.MTFSF, Encoding.base(Op.MTFSF) | (0xFF << 17) | Encoding.b(FP_SCRATCH)));
        }
        if (family.usesVscr()) {
            initialVscr = VmxSteps.vscr(random);
            data.putLong(IN_VSCR + 8, initialVscr);
            loadVsr(32 + VR_SCRATCH, IN_VSCR);
            emit(Encoding.checked(Op.MTVSCR, Encoding.base(Op.MTVSCR) | Encoding.b(VR_SCRATCH)));
        }
    }

    /** Two bits of a {@link #keepWords} mask as a doubleword: bit 1 keeps the high word, bit 0 the low. */
    private static long wordMask(final int bits) {
        return ((bits & 2) != 0 ? 0xFFFF_FFFF_0000_0000L : 0) | ((bits & 1) != 0 ? 0xFFFF_FFFFL : 0);
    }

    private long initialVsrValue(final int vsr) {
        return switch (family) {
            case VMX -> VmxSteps.value(random);
            case VSX_ARITH -> VsxArithSteps.value(random);
            default -> VsxSteps.value(random);
        };
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
