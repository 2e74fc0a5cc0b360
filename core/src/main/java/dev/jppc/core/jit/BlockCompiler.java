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
 * instruction it stores the instruction's address in {@code c.pc} (an interrupt then reports the right
 * address, and the JIT drops the stores nobody can see). After a storage access it leaves early if the access
 * ended the slice (a device stopped the machine). A conditional branch inside the block leaves when taken; the
 * branch that ends a block finds {@code c.nip} set as the interpreter sets it, and when it targets the block's
 * own start the block runs again without returning, while the slice has room.
 *
 * <p>Java equivalent of a block "addi; lwz; beq +8; stw; b start":
 * <pre>{@code
 * int run(Cpu c, long pc) {
 *   for (;;) {
 *     c.pc = pc;      FixedPoint.addi(c, 0x38630001);
 *     c.pc = pc + 4;  LoadStore.loadD(c, 0x80830000, 4, false, false);
 *     if (c.sliceEnd == 0) { c.nip = (pc + 8) & c.eaMask; return 2; }
 *     c.pc = pc + 8;  c.nip = (pc + 12) & c.eaMask;  Branch.bc(c, 0x41820008);
 *     if (c.nip != ((pc + 12) & c.eaMask)) return 3;
 *     c.pc = pc + 12; LoadStore.storeD(c, 0x90830000, 4, false);
 *     c.pc = pc + 16; c.nip = (pc + 20) & c.eaMask;  Branch.b(c, 0x4bfffff0);
 *     if (c.nip != pc) return 5;
 *     c.instructions += 5;
 *     if (c.instructions + 5 > c.sliceEnd) return 0;
 *   }
 * }
 * }</pre>
 */
final class BlockCompiler {

    private static final String CPU = "dev/jppc/core/Cpu";
    private static final String SUPER = "dev/jppc/core/jit/CompiledBlock";
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    /** Local variable slots of run(Cpu c, long pc). */
    private static final int THIS = 0;
    private static final int C = 1;
    private static final int PC = 2;

    private BlockCompiler() {
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
        final Label top = new Label();
        m.visitLabel(top);
        boolean endsWithBranch = false;
        for (int k = 0; k < length; k++) {
            final JitOps.Call call = calls[k];
            final boolean branch = call.kind() == JitOps.BRANCH || call.kind() == JitOps.CONDITIONAL;
            setField(m, "pc", 4L * k, false);
            if (branch) {
                setField(m, "nip", 4L * (k + 1), true);
                endsWithBranch = k == length - 1;
            }
            invoke(m, call, words[k]);
            if (k < length - 1 && call.kind() == JitOps.STORAGE) {
                // A device behind the access ended the slice: stop after this instruction.
                exitIf(m, () -> {
                    m.visitVarInsn(Opcodes.ALOAD, C);
                    m.visitFieldInsn(Opcodes.GETFIELD, CPU, "sliceEnd", "J");
                    m.visitInsn(Opcodes.LCONST_0);
                    m.visitInsn(Opcodes.LCMP);
                }, Opcodes.IFNE, k + 1, true);
            } else if (k < length - 1 && call.kind() == JitOps.CONDITIONAL) {
                // Taken: leave for the target (c.nip is already set).
                final long next = 4L * (k + 1);
                exitIf(m, () -> {
                    m.visitVarInsn(Opcodes.ALOAD, C);
                    m.visitFieldInsn(Opcodes.GETFIELD, CPU, "nip", "J");
                    pcPlus(m, next, true);
                    m.visitInsn(Opcodes.LCMP);
                }, Opcodes.IFEQ, k + 1, false);
            }
        }
        if (!endsWithBranch) {
            setField(m, "nip", 4L * length, true);
        } else if (branchesToStart(words[length - 1], calls[length - 1], length)) {
            loopBack(m, top, length);
        }
        m.visitLdcInsn(length);
        m.visitInsn(Opcodes.IRETURN);
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

    private static void invoke(final MethodVisitor m, final JitOps.Call call, final int word) {
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

    /**
     * Emits {@code if (!(<test> <continueOn>)) return done}: {@code test} leaves a comparison result and
     * {@code continueOn} is the jump that goes on with the block. When {@code setNip}, the exit first sets
     * c.nip to the next instruction.
     */
    private static void exitIf(final MethodVisitor m, final Runnable test, final int continueOn, final int done,
                               final boolean setNip) {
        final Label goOn = new Label();
        test.run();
        m.visitJumpInsn(continueOn, goOn);
        if (setNip) {
            setField(m, "nip", 4L * done, true);
        }
        m.visitLdcInsn(done);
        m.visitInsn(Opcodes.IRETURN);
        m.visitLabel(goOn);
    }

    /**
     * Whether the block's last instruction, a branch, targets the block's own start: a relative b or bc whose
     * displacement leads back over the whole block (blocks never cross a page, so no address wraps).
     */
    private static boolean branchesToStart(final int word, final JitOps.Call call, final int length) {
        final long back = -4L * (length - 1);
        if ((word & 2) != 0) {
            return false;
        }
        if ("b".equals(call.method())) {
            return ((word << 6) >> 6 & ~3) == back;
        }
        return "bc".equals(call.method()) && (short) (word & 0xFFFC) == back;
    }

    /**
     * A block that branches to itself runs again without returning while the slice has room for a whole
     * pass: {@code if (c.nip == pc) { c.instructions += length; if (c.instructions + length <= c.sliceEnd)
     * goto top; return 0; }}. Completed passes are counted here, so an interrupt still counts right.
     */
    private static void loopBack(final MethodVisitor m, final Label top, final int length) {
        final Label leave = new Label();
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "nip", "J");
        m.visitVarInsn(Opcodes.LLOAD, PC);
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFNE, leave);
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitInsn(Opcodes.DUP);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "instructions", "J");
        m.visitLdcInsn((long) length);
        m.visitInsn(Opcodes.LADD);
        m.visitFieldInsn(Opcodes.PUTFIELD, CPU, "instructions", "J");
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "instructions", "J");
        m.visitLdcInsn((long) length);
        m.visitInsn(Opcodes.LADD);
        m.visitVarInsn(Opcodes.ALOAD, C);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "sliceEnd", "J");
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFLE, top);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitInsn(Opcodes.IRETURN);
        m.visitLabel(leave);
    }

    /** {@code c.<field> = pc + offset}, masked with {@code c.eaMask} when {@code masked}. */
    private static void setField(final MethodVisitor m, final String field, final long offset, final boolean masked) {
        m.visitVarInsn(Opcodes.ALOAD, C);
        pcPlus(m, offset, masked);
        m.visitFieldInsn(Opcodes.PUTFIELD, CPU, field, "J");
    }

    /** Pushes {@code pc + offset}, masked with {@code c.eaMask} when {@code masked}. */
    private static void pcPlus(final MethodVisitor m, final long offset, final boolean masked) {
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
