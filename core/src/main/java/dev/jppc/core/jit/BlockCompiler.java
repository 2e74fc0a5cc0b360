package dev.jppc.core.jit;

import java.lang.invoke.MethodHandles;
import java.util.function.IntUnaryOperator;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Turns a block of decoded instructions into a hidden class whose {@link CompiledBlock#run} makes, for each
 * instruction, the same call the interpreter makes, with the instruction word as a constant. Before each
 * instruction that may raise an interrupt or computes from its address (storage accesses, branches, VSX; see
 * {@link JitOps#needsPc}) it stores the instruction's address in {@code c.pc}, so an interrupt reports the
 * right address; fixed-point and rotate instructions get no store. After a storage access it leaves early if
 * the access ended the slice (a device stopped the machine) or rewrote the block's own code.
 *
 * <p>Branches with a relative target inside the block jump there without leaving: a conditional branch
 * forward skips instructions, a branch backward (a loop) first adds the instructions done so far to
 * {@code c.instructions} and goes on only while the slice has room for the rest of the block, so a block
 * never runs past the slice end. A local {@code base} keeps the count right: at instruction {@code k} the
 * block has completed {@code base + k} instructions not yet added to {@code c.instructions}. An interrupt
 * adds {@code base} on its way out, and the dispatch loop adds {@code k} from {@code c.pc}. A relative bc
 * without LK computes its target in the block and calls only the condition test; other branches call the
 * interpreter's method, and all leave the block with {@code c.nip} set as the interpreter sets it.
 *
 * <p>Java equivalent of a block "addi; lwz; beq +8; stw; b start":
 * <pre>{@code
 * int run(Cpu c, long pc) {
 *   int base = 0;
 *   try {
 *     L0:                 FixedPoint.addi(c, 0x38630001);
 *     L1: c.pc = pc + 4;  LoadStore.loadD(c, 0x80830000, 4, false, false);
 *         if (c.sliceEnd == 0 || dropped) { c.nip = (pc + 8) & c.eaMask; return base + 2; }
 *     L2: if (Branch.conditionHolds(c, 0x41820008)) { base -= 1; goto L4; }
 *     L3: c.pc = pc + 12; LoadStore.storeD(c, 0x90830000, 4, false);
 *         if (c.sliceEnd == 0 || dropped) { c.nip = (pc + 16) & c.eaMask; return base + 4; }
 *     L4: c.pc = pc + 16; c.nip = (pc + 20) & c.eaMask;  Branch.b(c, 0x4bfffff0);
 *         c.instructions += base + 5;
 *         if (c.instructions + 5 > c.sliceEnd) return 0;
 *         base = 0; goto L0;
 *   } catch (GuestInterrupt e) { c.instructions += base; throw e; }
 * }
 * }</pre>
 */
final class BlockCompiler {

    private static final String CPU = "dev/jppc/core/Cpu";
    private static final String SUPER = "dev/jppc/core/jit/CompiledBlock";
    private static final String INTERRUPT = "dev/jppc/core/GuestInterrupt";
    private static final String BRANCH = "dev/jppc/core/exec/Branch";
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    /** Local variable slots of run(Cpu c, long pc) and its instruction count adjustment. */
    private static final int THIS = 0;
    private static final int C = 1;
    private static final int PC = 2;
    private static final int BASE = 4;

    private final MethodVisitor m;
    private final int[] words;
    private final JitOps.Call[] calls;
    private final int length;
    private final Label[] starts;

    private BlockCompiler(final MethodVisitor m, final int[] words, final JitOps.Call[] calls, final int length) {
        this.m = m;
        this.words = words;
        this.calls = calls;
        this.length = length;
        this.starts = new Label[length];
        for (int k = 0; k < length; k++) {
            starts[k] = new Label();
        }
    }

    /** Compiles {@code length} instructions ({@code words}, their {@code calls}). */
    static CompiledBlock compile(final int[] words, final JitOps.Call[] calls, final int length) {
        final ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "dev/jppc/core/jit/Block", null, SUPER, null);
        final MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, THIS);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, SUPER, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        final MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "(L" + CPU + ";J)I", null, null);
        m.visitCode();
        new BlockCompiler(m, words, calls, length).body();
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        try {
            final Class<?> type = LOOKUP.defineHiddenClass(cw.toByteArray(), true).lookupClass();
            return (CompiledBlock) type.getDeclaredConstructor().newInstance();
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException("cannot define a translated block", e);
        }
    }

    private void body() {
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, BASE);
        final Label tryStart = new Label();
        final Label tryEnd = new Label();
        final Label handler = new Label();
        m.visitTryCatchBlock(tryStart, tryEnd, handler, INTERRUPT);
        m.visitLabel(tryStart);
        boolean endsWithBranch = false;
        for (int k = 0; k < length; k++) {
            final JitOps.Call call = calls[k];
            m.visitLabel(starts[k]);
            if (isDirectConditional(k)) {
                directConditional(k);
                continue;
            }
            final boolean branch = call.kind() == JitOps.BRANCH || call.kind() == JitOps.CONDITIONAL;
            if (JitOps.needsPc(call)) {
                setField("pc", 4L * k, false);
            }
            if (branch) {
                setField("nip", 4L * (k + 1), true);
                endsWithBranch = k == length - 1;
            }
            invoke(call, words[k]);
            if (call.kind() == JitOps.STORAGE && k < length - 1) {
                leaveIfStorageEndedBlock(k);
            } else if (call.kind() == JitOps.CONDITIONAL) {
                afterConditional(k);
            } else if (call.kind() == JitOps.BRANCH) {
                final int target = targetInBlock(k);
                if (target >= 0) {
                    backEdge(k, target);
                }
            }
        }
        if (!endsWithBranch) {
            setField("nip", 4L * length, true);
        }
        returnDone(length);
        m.visitLabel(tryEnd);
        // Interrupt: count what this pass completed before the instruction at c.pc (the loop adds the rest).
        m.visitLabel(handler);
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitInsn(Opcodes.DUP);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "instructions", "J");
        m.visitVarInsn(Opcodes.ILOAD, BASE);
        m.visitInsn(Opcodes.I2L);
        m.visitInsn(Opcodes.LADD);
        m.visitFieldInsn(Opcodes.PUTFIELD, CPU, "instructions", "J");
        m.visitInsn(Opcodes.ATHROW);
    }

    /**
     * {@code if (c.sliceEnd == 0 || this.dropped) { c.nip = next; return base + k + 1; }}: a device ended the
     * slice, or a store rewrote code of this block (the interpreter must fetch the new words).
     */
    private void leaveIfStorageEndedBlock(final int k) {
        final Label leave = new Label();
        final Label goOn = new Label();
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "sliceEnd", "J");
        m.visitInsn(Opcodes.LCONST_0);
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFEQ, leave);
        m.visitVarInsn(Opcodes.ALOAD, THIS);
        m.visitFieldInsn(Opcodes.GETFIELD, SUPER, "dropped", "Z");
        m.visitJumpInsn(Opcodes.IFEQ, goOn);
        m.visitLabel(leave);
        setField("nip", 4L * (k + 1), true);
        returnDone(k + 1);
        m.visitLabel(goOn);
    }

    /**
     * After a bc at {@code k}: not taken (c.nip still the next address), go on; taken, jump to the target when
     * it is inside the block, else leave (c.nip holds the target). The last instruction just falls to the end.
     */
    private void afterConditional(final int k) {
        final int target = targetInBlock(k);
        if (target == k + 1 || (target < 0 && k == length - 1)) {
            return;
        }
        final Label notTaken = new Label();
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "nip", "J");
        pcPlus(4L * (k + 1), true);
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFEQ, notTaken);
        if (target < 0) {
            returnDone(k + 1);
        } else if (target > k) {
            // Skipping target - k - 1 instructions: base + target must still count those completed.
            m.visitIincInsn(BASE, k + 1 - target);
            m.visitJumpInsn(Opcodes.GOTO, starts[target]);
        } else {
            backEdge(k, target);
        }
        m.visitLabel(notTaken);
    }

    /** A bc without AA and LK: the block computes its target and calls only the condition test. */
    private boolean isDirectConditional(final int k) {
        return calls[k].kind() == JitOps.CONDITIONAL && (words[k] & 3) == 0;
    }

    /**
     * A bc at {@code k} without AA and LK, which needs neither c.pc nor c.nip unless taken: {@code if
     * (Branch.conditionHolds(c, insn)) { <jump inside the block, or c.nip = target; return base + k + 1> }}.
     */
    private void directConditional(final int k) {
        final long displacement = (short) (words[k] & 0xFFFC);
        final int target = targetInBlock(k);
        final Label notTaken = new Label();
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitLdcInsn(words[k]);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, BRANCH, "conditionHolds", "(L" + CPU + ";I)Z", false);
        m.visitJumpInsn(Opcodes.IFEQ, notTaken);
        if (target > k) {
            m.visitIincInsn(BASE, k + 1 - target);
            m.visitJumpInsn(Opcodes.GOTO, starts[target]);
        } else {
            // Leaving, or a loop that may leave when the slice is full: c.nip holds the target either way.
            setField("nip", 4L * k + displacement, true);
            if (target >= 0) {
                backEdge(k, target);
            } else {
                returnDone(k + 1);
            }
        }
        m.visitLabel(notTaken);
    }

    /**
     * A jump from {@code k} back to {@code target}: {@code c.instructions += base + k + 1; if
     * (c.instructions + length - target > c.sliceEnd) return 0; base = -target; goto target;}. c.nip already
     * holds the target's address for the return.
     */
    private void backEdge(final int k, final int target) {
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitInsn(Opcodes.DUP);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "instructions", "J");
        m.visitVarInsn(Opcodes.ILOAD, BASE);
        m.visitLdcInsn(k + 1);
        m.visitInsn(Opcodes.IADD);
        m.visitInsn(Opcodes.I2L);
        m.visitInsn(Opcodes.LADD);
        m.visitFieldInsn(Opcodes.PUTFIELD, CPU, "instructions", "J");
        m.visitLdcInsn(-target);
        m.visitVarInsn(Opcodes.ISTORE, BASE);
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "instructions", "J");
        m.visitLdcInsn((long) (length - target));
        m.visitInsn(Opcodes.LADD);
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "sliceEnd", "J");
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFLE, starts[target]);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitInsn(Opcodes.IRETURN);
    }

    /** {@code return base + done}. */
    private void returnDone(final int done) {
        m.visitVarInsn(Opcodes.ILOAD, BASE);
        m.visitLdcInsn(done);
        m.visitInsn(Opcodes.IADD);
        m.visitInsn(Opcodes.IRETURN);
    }

    /**
     * The index of the instruction a relative b or bc at {@code k} targets when that is inside the block, else
     * -1 (blocks never cross a page, so the target address cannot wrap).
     */
    private int targetInBlock(final int k) {
        final int word = words[k];
        if ((word & 2) != 0) {
            return -1;
        }
        final long displacement;
        if ("b".equals(calls[k].method())) {
            displacement = (word << 6) >> 6 & ~3;
        } else if ("bc".equals(calls[k].method())) {
            displacement = (short) (word & 0xFFFC);
        } else {
            return -1;
        }
        final long target = k + displacement / 4;
        return target >= 0 && target < length ? (int) target : -1;
    }

    private void invoke(final JitOps.Call call, final int word) {
        if (call.owner() == null) {
            return;
        }
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitLdcInsn(word);
        for (final Object extra : call.extra()) {
            if (extra instanceof Boolean b) {
                m.visitInsn(b ? Opcodes.ICONST_1 : Opcodes.ICONST_0);
            } else if (extra instanceof Integer i) {
                m.visitLdcInsn(i);
            } else {
                m.visitLdcInsn(((IntUnaryOperator) extra).applyAsInt(word));
            }
        }
        m.visitMethodInsn(Opcodes.INVOKESTATIC, call.owner(), call.method(), call.descriptor(), false);
    }

    /** {@code c.<field> = pc + offset}, masked with {@code c.eaMask} when {@code masked}. */
    private void setField(final String field, final long offset, final boolean masked) {
        m.visitVarInsn(Opcodes.ALOAD, C);
        pcPlus(offset, masked);
        m.visitFieldInsn(Opcodes.PUTFIELD, CPU, field, "J");
    }

    /** Pushes {@code pc + offset}, masked with {@code c.eaMask} when {@code masked}. */
    private void pcPlus(final long offset, final boolean masked) {
        m.visitVarInsn(Opcodes.LLOAD, PC);
        if (offset != 0) {
            m.visitLdcInsn(offset);
            m.visitInsn(Opcodes.LADD);
        }
        if (masked) {
            m.visitVarInsn(Opcodes.ALOAD, C);
            m.visitFieldInsn(Opcodes.GETFIELD, CPU, "eaMask", "J");
            m.visitInsn(Opcodes.LAND);
        }
    }
}
