package dev.jppc.core.exec;

import dev.jppc.core.Cpu;
import dev.jppc.core.decode.Fields;
import dev.jppc.mmu.hash.Slb;

/**
 * Book III-S chapter 5 SLB and TLB management instructions; the MMU does the work, this class applies the
 * privilege rules and moves registers.
 */
public final class MmuOps {

    private MmuOps() {
    }

    /** slbmte RS,RB: an index beyond the SLB or a reserved segment size is an illegal instruction. */
    public static void slbmte(final Cpu c, final int insn) {
        SystemOps.requireSupervisor(c);
        if (!c.mmu.slbmte(c.gpr[Fields.rt(insn)], c.gpr[Fields.rb(insn)])) {
            throw c.illegal(insn);
        }
    }

    public static void slbmfee(final Cpu c, final int insn) {
        SystemOps.requireSupervisor(c);
        final long value = c.mmu.slb.slbmfee(c.gpr[Fields.rb(insn)]);
        if (value == Slb.BAD_INDEX) {
            throw c.illegal(insn);
        }
        c.gpr[Fields.rt(insn)] = value;
    }

    public static void slbmfev(final Cpu c, final int insn) {
        SystemOps.requireSupervisor(c);
        final long value = c.mmu.slb.slbmfev(c.gpr[Fields.rb(insn)]);
        if (value == Slb.BAD_INDEX) {
            throw c.illegal(insn);
        }
        c.gpr[Fields.rt(insn)] = value;
    }

    public static void slbie(final Cpu c, final int insn) {
        SystemOps.requireSupervisor(c);
        c.mmu.slbie(c.gpr[Fields.rb(insn)]);
    }

    public static void slbia(final Cpu c, final int insn) {
        SystemOps.requireSupervisor(c);
        c.mmu.slbia((insn >>> 21) & 7);
    }

    /** slbfee. RT,RB: the VSID word of the entry translating RB (0 if none); CR0[EQ] says whether one did. */
    public static void slbfee(final Cpu c, final int insn) {
        SystemOps.requireSupervisor(c);
        final long value = c.mmu.slb.slbfee(c.gpr[Fields.rb(insn)] & c.eaMask);
        final boolean found = value != Slb.NOT_FOUND;
        c.gpr[Fields.rt(insn)] = found ? value : 0;
        c.cr = (c.cr & 0x0FFF_FFFF) | (((found ? 2 : 0) | c.xerSo) << 28);
    }

    /** tlbie RB,RS and tlbiel RB,RS: L (bit 10) says whether RB names a large page. */
    public static void tlbie(final Cpu c, final int insn, final boolean local) {
        SystemOps.requireHypervisor(c, insn);
        final boolean large = (insn & (1 << 21)) != 0;
        if (local) {
            c.mmu.tlbiel(c.gpr[Fields.rb(insn)], large);
        } else {
            c.mmu.tlbie(c.gpr[Fields.rb(insn)], large);
        }
    }

    public static void tlbsync(final Cpu c, final int insn) {
        SystemOps.requireHypervisor(c, insn);
    }
}
