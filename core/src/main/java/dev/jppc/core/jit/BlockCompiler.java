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
 * address, and the JIT drops the stores nobody can see); after a storage access it leaves early if the access
 * ended the slice (a device stopped the machine); a branch, always last, finds {@code c.nip} set as the
 * interpreter sets it.
 *
 * <p>Java equivalent of a block "addi; lwz; b":
 * <pre>{@code
 * int run(Cpu c, long pc) {
 *     c.pc = pc;      FixedPoint.addi(c, 0x38630001);
 *     c.pc = pc + 4;  LoadStore.loadD(c, 0x80830000, 4, false, false);
 *     if (c.sliceEnd == 0) { c.nip = (pc + 8) & c.eaMask; return 2; }
 *     c.pc = pc + 8;  c.nip = (pc + 12) & c.eaMask;  Branch.b(c, 0x4bfffff4);
 *     return 3;
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
        boolean endsWithBranch = false;
        for (int k = 0; k < length; k++) {
            final JitOps.Call call = calls[k];
            setField(m, "pc", 4L * k, false);
            if (call.kind() == JitOps.BRANCH) {
                setField(m, "nip", 4L * (k + 1), true);
                endsWithBranch = true;
            }
            if (call.owner() != null) {
                m.visitVarInsn(Opcodes.ALOAD, C);
                m.visitLdcInsn(words[k]);
                for (final Object extra : call.extra()) {
                    if (extra instanceof Boolean b) {
                        m.visitInsn(b ? Opcodes.ICONST_1 : Opcodes.ICONST_0);
                    } else if (extra instanceof Integer i) {
                        m.visitLdcInsn(i);
                    } else {
                        m.visitLdcInsn(((IntUnaryOperator) extra).applyAsInt(words[k]));
                    }
                }
                m.visitMethodInsn(Opcodes.INVOKESTATIC, call.owner(), call.method(), call.descriptor(), false);
            }
            if (call.kind() == JitOps.STORAGE && k < length - 1) {
                // if (c.sliceEnd == 0) { c.nip = (pc + 4(k+1)) & c.eaMask; return k + 1; }
                final Label goOn = new Label();
                m.visitVarInsn(Opcodes.ALOAD, C);
                m.visitFieldInsn(Opcodes.GETFIELD, CPU, "sliceEnd", "J");
                m.visitInsn(Opcodes.LCONST_0);
                m.visitInsn(Opcodes.LCMP);
                m.visitJumpInsn(Opcodes.IFNE, goOn);
                setField(m, "nip", 4L * (k + 1), true);
                m.visitLdcInsn(k + 1);
                m.visitInsn(Opcodes.IRETURN);
                m.visitLabel(goOn);
            }
        }
        if (!endsWithBranch) {
            setField(m, "nip", 4L * length, true);
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

    /** {@code c.<field> = pc + offset}, masked with {@code c.eaMask} when {@code masked}. */
    private static void setField(final MethodVisitor m, final String field, final long offset, final boolean masked) {
        m.visitVarInsn(Opcodes.ALOAD, C);
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
        m.visitFieldInsn(Opcodes.PUTFIELD, CPU, field, "J");
    }
}
