package dev.jppc.core.exec;

import dev.jppc.core.Cpu;
import dev.jppc.core.GuestInterrupt;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.decode.Fields;

/**
 * mfspr, mtspr and mftb (Book I 3.3.17, Book III-S 4.4.4): the privilege rules and the registers whose
 * accesses are more than storage.
 *
 * <p>An SPR number jppc does not implement behaves as ISA v2.07 says for its privilege (and as QEMU does):
 * numbers with bit 0x10 set are privileged, so problem state gets a privileged-instruction interrupt and
 * privileged state a no-op; other numbers are a no-op in privileged state except 0, 4, 5 and 6, which, like
 * any of them in problem state, raise the hypervisor emulation assistance interrupt (a privileged program
 * interrupt where jppc is the hypervisor). A no-op mfspr leaves RT unchanged.
 */
public final class SystemRegisters {

    private SystemRegisters() {
    }

    /** Checks the access; returns false when it is a no-op, throws when it is an interrupt. */
    private static boolean mayAccess(final Cpu c, final int insn, final int n, final byte level) {
        final boolean problem = c.problemState();
        switch (level) {
            case Spr.USER:
                return true;
            case Spr.SUPERVISOR:
                if (problem) {
                    throw c.privileged();
                }
                return true;
            case Spr.HYPERVISOR:
                if (!c.hypervisorState()) {
                    throw c.hypervisorPrivileged(insn);
                }
                return true;
            case Spr.NO_ACCESS:
                throw c.privileged();
            default:
                if ((n & 0x10) != 0) {
                    if (problem) {
                        throw c.privileged();
                    }
                    return false;
                }
                if (problem || n == 0 || n == 4 || n == 5 || n == 6) {
                    throw emulationAssistance(c, insn);
                }
                return false;
        }
    }

    /**
     * The hypervisor emulation assistance interrupt, in problem state too, where the processor has HV; a
     * privileged-instruction program interrupt where jppc is the hypervisor.
     */
    private static GuestInterrupt emulationAssistance(final Cpu c, final int insn) {
        if (c.hypervisorCapable) {
            c.spr[Spr.HEIR] = insn & 0xFFFF_FFFFL;
            return c.raise(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE, 0);
        }
        return c.privileged();
    }

    public static void mfspr(final Cpu c, final int insn) {
        final int n = Fields.spr(insn);
        if (mayAccess(c, insn, n, Spr.readLevel(n))) {
            c.gpr[Fields.rt(insn)] = read(c, n);
        }
    }

    /** mftb reads only the timebase: TB (268) or TBU (269); anything else is an invalid form. */
    public static void mftb(final Cpu c, final int insn) {
        final int n = Fields.spr(insn);
        if (n != Spr.TB && n != Spr.TBU) {
            throw c.illegal(insn);
        }
        c.gpr[Fields.rt(insn)] = read(c, n);
    }

    public static void mtspr(final Cpu c, final int insn) {
        final int n = Fields.spr(insn);
        if (mayAccess(c, insn, n, Spr.writeLevel(n))) {
            write(c, n, c.gpr[Fields.rt(insn)]);
        }
    }

    /** The value mfspr reads from an implemented SPR. */
    public static long read(final Cpu c, final int n) {
        return switch (n) {
            case Spr.XER -> c.xer();
            case Spr.LR -> c.lr;
            case Spr.CTR -> c.ctr;
            // 32-bit registers (no large decrementer on POWER8): read zero extended.
            case Spr.DEC -> c.decrementer() & 0xFFFF_FFFFL;
            case Spr.HDEC -> c.hypervisorDecrementer() & 0xFFFF_FFFFL;
            case Spr.TB, Spr.PURR, Spr.SPURR, Spr.VTB -> c.timebase();
            case Spr.TBU -> c.timebase() >>> 32;
            case Spr.IC -> c.instructions;
            case Spr.DSCR_USER -> c.spr[Spr.DSCR];
            case Spr.AMR, Spr.AMR_USER -> c.mmu.amr();
            case Spr.IAMR -> c.mmu.iamr();
            case Spr.UAMOR -> c.mmu.uamor();
            case Spr.AMOR -> c.mmu.amor();
            case Spr.SDR1 -> c.mmu.sdr1();
            case Spr.HRMOR -> c.mmu.hrmor();
            case Spr.SPRG3_USER -> c.spr[Spr.SPRG3];
            case Spr.CTRL_READ -> c.spr[Spr.CTRL_WRITE];
            case Spr.PPR32 -> c.spr[Spr.PPR] >>> 32;
            case Spr.PIR, Spr.TIR -> 0;
            default -> c.spr[n];
        };
    }

    /** The effect of mtspr on an implemented SPR. */
    public static void write(final Cpu c, final int n, final long value) {
        switch (n) {
            case Spr.XER -> c.setXer(value);
            case Spr.LR -> c.lr = value;
            case Spr.CTR -> c.ctr = value;
            case Spr.DEC -> c.setDecrementer(value);
            case Spr.HDEC -> c.setHypervisorDecrementer(value);
            case Spr.TBL_WRITE -> c.setTimebase((c.timebase() & 0xFFFF_FFFF_0000_0000L) | (value & 0xFFFF_FFFFL));
            case Spr.TBU_WRITE -> c.setTimebase((c.timebase() & 0xFFFF_FFFFL) | (value << 32));
            case Spr.TBU40 -> c.setTimebase((value & 0xFFFF_FFFF_FF00_0000L) | (c.timebase() & 0xFF_FFFFL));
            case Spr.DSCR_USER -> c.spr[Spr.DSCR] = value;
            case Spr.AMR, Spr.AMR_USER -> c.mmu.writeAmr(value, c.msr);
            case Spr.IAMR -> c.mmu.writeIamr(value, c.msr);
            case Spr.UAMOR -> c.mmu.writeUamor(value, c.msr);
            case Spr.AMOR -> c.mmu.setAmor(value);
            case Spr.SDR1 -> c.mmu.setSdr1(value);
            case Spr.HRMOR -> c.mmu.setHrmor(value);
            // The hypervisor clears the HMER bits it has handled: the write is ANDed in (Book III-S, mtspr).
            case Spr.HMER -> c.spr[Spr.HMER] &= value;
            case Spr.CTRL_WRITE -> c.spr[Spr.CTRL_WRITE] = value & 1;
            case Spr.PPR32 -> c.spr[Spr.PPR] = (value << 32) | (c.spr[Spr.PPR] & 0xFFFF_FFFFL);
            default -> c.spr[n] = value;
        }
    }
}
