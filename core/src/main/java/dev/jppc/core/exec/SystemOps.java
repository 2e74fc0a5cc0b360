package dev.jppc.core.exec;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.StopReason;
import dev.jppc.core.decode.Fields;

/** Book III-S system instructions: system call, return from interrupt, MSR access, attn and wait. */
public final class SystemOps {

    /** PAPR return code for a hypercall made from problem state. */
    private static final long H_PRIVILEGE = -3;

    /** attn has no operands: any other bit set makes a different (undefined) word. */
    public static final int ATTN_WORD = 0x0000_0200;

    private SystemOps() {
    }

    /** Throws the privileged-instruction interrupt when the CPU is in problem state. */
    public static void requireSupervisor(final Cpu c) {
        if (c.problemState()) {
            throw c.privileged();
        }
    }

    /** Throws the right interrupt unless the CPU is in hypervisor state. */
    public static void requireHypervisor(final Cpu c, final int insn) {
        if (!c.hypervisorState()) {
            throw c.hypervisorPrivileged(insn);
        }
    }

    /**
     * sc LEV: LEV=1 from a partition (MSR[HV]=0) is a hypercall that jppc, as the hypervisor, answers
     * itself; everything else is the system call interrupt, with SRR0 pointing after the sc. On a processor
     * with hypervisor state, LEV=1 takes it into hypervisor state.
     */
    public static void sc(final Cpu c, final int insn) {
        final int lev = (insn >>> 5) & 0x7F;
        if (lev == 1 && (c.msr & Cpu.MSR_HV) == 0 && c.hypervisor != null) {
            if (c.problemState()) {
                c.gpr[3] = H_PRIVILEGE;
            } else {
                c.hypervisor.hypercall(c);
            }
            c.endSlice();
            return;
        }
        if (lev == 1 && c.hypervisorCapable) {
            Interrupts.deliverHypervisorCall(c, c.nip);
            return;
        }
        Interrupts.deliver(c, Interrupts.SYSTEM_CALL, c.nip, 0);
    }

    /**
     * The MSR an rfid/hrfid/mtmsrd installs from {@code value}: MSR[HV] and MSR[ME] change only in
     * hypervisor state, and MSR[PR]=1 forces EE, IR and DR on (Book III-S 4.4.3).
     */
    private static long sanitizeMsr(final Cpu c, final long value, final boolean mayChangeHv) {
        long v = value;
        if (!mayChangeHv) {
            final long keep = Cpu.MSR_HV | Cpu.MSR_ME;
            v = (v & ~keep) | (c.msr & keep);
        }
        if ((v & Cpu.MSR_PR) != 0) {
            v |= Cpu.MSR_EE | Cpu.MSR_IR | Cpu.MSR_DR;
        }
        return v;
    }

    /** rfid: MSR[HV] can only be cleared (HV = MSR[HV] & SRR1[HV]); MSR[ME] changes only in HV state. */
    public static void rfid(final Cpu c, final int insn) {
        requireSupervisor(c);
        final long srr1 = c.spr[Spr.SRR1];
        final boolean hypervisor = c.hypervisorState();
        long v = sanitizeMsr(c, srr1, hypervisor);
        v = (v & ~Cpu.MSR_HV) | (srr1 & c.msr & Cpu.MSR_HV);
        c.setMsr(v);
        c.nip = c.spr[Spr.SRR0] & ~3L & c.eaMask;
        c.endSlice();
    }

    public static void hrfid(final Cpu c, final int insn) {
        requireHypervisor(c, insn);
        c.setMsr(sanitizeMsr(c, c.spr[Spr.HSRR1], true));
        c.nip = c.spr[Spr.HSRR0] & ~3L & c.eaMask;
        c.endSlice();
    }

    public static void mfmsr(final Cpu c, final int insn) {
        requireSupervisor(c);
        c.gpr[Fields.rt(insn)] = c.msr;
    }

    /**
     * mtmsrd RS,L and mtmsr RS,L (which changes only the low word): L=1 changes only EE and RI. L=0 never
     * alters MSR[HV], MSR[ME] or MSR[LE], in any state (Book III-S 4.4.3; QEMU alike).
     */
    public static void mtmsr(final Cpu c, final int insn, final boolean doubleword) {
        requireSupervisor(c);
        final long rs = c.gpr[Fields.rt(insn)];
        if ((insn & (1 << 16)) != 0) {
            final long bits = Cpu.MSR_EE | Cpu.MSR_RI;
            c.setMsr((c.msr & ~bits) | (rs & bits));
        } else {
            final long writable = (doubleword ? -1L : 0xFFFF_FFFFL) & ~(Cpu.MSR_HV | Cpu.MSR_ME | Cpu.MSR_LE);
            c.setMsr(sanitizeMsr(c, (c.msr & ~writable) | (rs & writable), false));
        }
        c.endSlice();
    }

    /** attn stops the bare machine with the low byte of r3 as exit code; elsewhere it is illegal. */
    public static void attn(final Cpu c, final int insn) {
        if (insn != ATTN_WORD || !c.attnEnabled || !c.hypervisorState()) {
            throw c.illegal(insn);
        }
        c.stop(StopReason.ATTENTION, (int) c.gpr[3] & 0xFF);
    }

    /** wait: the thread idles until an interrupt (or any event) arrives. */
    public static void waitForInterrupt(final Cpu c) {
        c.waiting = true;
        c.endSlice();
    }
}
