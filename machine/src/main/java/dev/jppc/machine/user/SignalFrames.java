package dev.jppc.machine.user;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

import dev.jppc.core.Cpu;
import dev.jppc.core.Spr;

/**
 * Runs a recorded signal handler at the end of a system call (jppc delivers signals only there, synchronously:
 * today only the SIGCHLD that ends an rt_sigsuspend), and returns from it with rt_sigreturn.
 *
 * <p>The interrupted state is kept here, on the Java side, not in the frame on the guest's stack as Linux
 * keeps it: a handler that reads or edits its ucontext sees zeros and changes nothing, but nothing the guest
 * writes can forge a register state. The frame on the stack (below the 288-byte protected zone of the ppc64
 * ABIs) holds the back chain, a siginfo and a zeroed ucontext. The handler returns to a two-instruction
 * trampoline ({@code li r0,172; sc}: rt_sigreturn) on a read-only executable page mapped at the top of the
 * user address space on first use, where Linux would use the vDSO's.
 */
final class SignalFrames {

    /** The trampoline page: the 64 KiB just above the stack, the last page below TASK_SIZE. */
    static final long TRAMPOLINE = UserProcess.STACK_TOP;
    /** {@code li r0,172} (rt_sigreturn) and {@code sc}. */
    private static final int[] TRAMPOLINE_CODE = {0x3800_0000 | LinuxSyscalls.RT_SIGRETURN, 0x4400_0002};
    /** The protected zone below r1 that a signal frame must not overwrite (both ppc64 ABIs). */
    private static final long RED_ZONE = 288;
    private static final int FRAME = 1024;
    private static final int SIGINFO_OFFSET = 256;
    private static final int UCONTEXT_OFFSET = 384;
    private static final int SIGSTOP = 19;
    /** Handlers interrupted by handlers: more than this is a runaway and ends the process. */
    private static final int MAX_DEPTH = 32;

    /** One interrupted state: what rt_sigreturn puts back. */
    private record Saved(long[] gpr, long[] vsr, int cr, long lr, long ctr, long xer, long fpscr, int vscr,
                         long pc, long mask) {
    }

    private final AddressSpace memory;
    private final Deque<Saved> saved = new ArrayDeque<>();
    private boolean functionDescriptors;

    SignalFrames(final AddressSpace memory) {
        this.memory = memory;
    }

    /** ELFv1 programs: a handler address names a function descriptor {entry, TOC, environment}. */
    void useFunctionDescriptors(final boolean value) {
        functionDescriptors = value;
    }

    boolean usesFunctionDescriptors() {
        return functionDescriptors;
    }

    /** A forked child inherits the handlers being run, to return from them as its copy of the stack would. */
    void copyTo(final SignalFrames child) {
        child.saved.addAll(saved);
    }

    /**
     * Saves {@code c}'s state (the system call's result already in r3 and CR0) with {@code restoreMask}, and
     * sets {@code c} up to enter {@code handler} for {@code signal} when the system call returns. False when the
     * frame or the handler cannot be reached: Linux then kills the process with SIGSEGV.
     */
    boolean deliver(final Cpu c, final int signal, final long handler, final long restoreMask) {
        if (saved.size() >= MAX_DEPTH) {
            return false;
        }
        final long sp = (c.gpr[1] - RED_ZONE - FRAME) & ~15L;
        try {
            mapTrampoline();
            final ByteBuffer frame = ByteBuffer.allocate(FRAME).order(memory.order());
            frame.putLong(0, c.gpr[1]);
            frame.putInt(SIGINFO_OFFSET, signal);
            memory.copyOut(sp, frame.array(), 0, FRAME);
            final long entry = functionDescriptors ? memory.readLong(handler) : handler;
            final long toc = functionDescriptors ? memory.readLong(handler + 8) : c.gpr[2];
            saved.push(new Saved(c.gpr.clone(), c.vsr.clone(), c.cr, c.lr, c.ctr, c.xer(), c.fpscr, c.vscr,
                c.spr[Spr.SRR0], restoreMask));
            c.gpr[1] = sp;
            c.gpr[2] = toc;
            c.gpr[3] = signal;
            c.gpr[4] = sp + SIGINFO_OFFSET;
            c.gpr[5] = sp + UCONTEXT_OFFSET;
            c.gpr[12] = entry;
            c.lr = TRAMPOLINE;
            c.spr[Spr.SRR0] = entry;
            return true;
        } catch (final Errno e) {
            return false;
        }
    }

    /**
     * rt_sigreturn: puts back the state the last {@link #deliver} saved, the return address included; returns
     * the signal mask to restore, or nothing when no handler is running (Linux would find garbage and SIGSEGV).
     */
    OptionalLong sigreturn(final Cpu c) {
        final Saved s = saved.poll();
        if (s == null) {
            return OptionalLong.empty();
        }
        System.arraycopy(s.gpr(), 0, c.gpr, 0, c.gpr.length);
        System.arraycopy(s.vsr(), 0, c.vsr, 0, c.vsr.length);
        c.cr = s.cr();
        c.lr = s.lr();
        c.ctr = s.ctr();
        c.setXer(s.xer());
        c.fpscr = s.fpscr();
        c.vscr = s.vscr();
        c.spr[Spr.SRR0] = s.pc();
        return OptionalLong.of(s.mask() & ~(1L << (UserProcess.SIGKILL - 1)) & ~(1L << (SIGSTOP - 1)));
    }

    private void mapTrampoline() throws Errno {
        if (memory.find(TRAMPOLINE) != null) {
            return;
        }
        memory.map(TRAMPOLINE, TRAMPOLINE + AddressSpace.PAGE_SIZE, AddressSpace.PROT_READ | AddressSpace.PROT_EXEC,
            "[sigtramp]");
        final ByteBuffer code = ByteBuffer.allocate(4 * TRAMPOLINE_CODE.length).order(memory.order());
        for (final int word : TRAMPOLINE_CODE) {
            code.putInt(word);
        }
        memory.load(TRAMPOLINE, code.array());
    }
}
