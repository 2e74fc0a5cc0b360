package dev.jppc.core.snapshot;

import java.io.IOException;

import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.Slb;

/**
 * The MMU's registers as the {@code mmu} section: the 32 SLB entries (the words slbmte wrote), SDR1 and how it
 * names the table, HRMOR and the key registers AMR, IAMR, UAMOR and AMOR. The TLBs are caches: a restore empties
 * them and they refill from the table. A table in guest RAM (the bare machine) is restored by the {@code ram}
 * section plus SDR1; a hypervisor-owned table (pseries) by the {@code hpt} section.
 */
public final class MmuSnapshot implements Snapshottable {

    public static final String NAME = "mmu";
    public static final int VERSION = 1;

    /** How translations find their table. */
    static final int NO_TABLE = 0;
    static final int TABLE_IN_RAM = 1;
    static final int TABLE_OUTSIDE_RAM = 2;
    static final int HYPERVISOR_TABLE = 3;

    private final HashMmu mmu;

    public MmuSnapshot(final HashMmu mmu) {
        this.mmu = mmu;
    }

    @Override
    public String snapshotName() {
        return NAME;
    }

    @Override
    public int snapshotVersion() {
        return VERSION;
    }

    @Override
    public void save(final StateOutput out) throws IOException {
        for (int i = 0; i < Slb.SIZE; i++) {
            out.u64(mmu.slb.esidWord(i));
            out.u64(mmu.slb.vsidWord(i));
        }
        out.u8(tableMode(mmu));
        out.u64(mmu.sdr1());
        out.u64(mmu.hrmor());
        out.u64(mmu.amr());
        out.u64(mmu.iamr());
        out.u64(mmu.uamor());
        out.u64(mmu.amor());
    }

    private static int tableMode(final HashMmu mmu) {
        final HashPageTable table = mmu.table();
        if (table == null) {
            return mmu.isTableOutsideRam() ? TABLE_OUTSIDE_RAM : NO_TABLE;
        }
        return table.isInGuestMemory() ? TABLE_IN_RAM : HYPERVISOR_TABLE;
    }

    @Override
    public Restore prepareRestore(final StateInput in, final int version) throws SnapshotException, IOException {
        final long[] esid = new long[Slb.SIZE];
        final long[] vsid = new long[Slb.SIZE];
        final Slb trial = new Slb();
        for (int i = 0; i < Slb.SIZE; i++) {
            esid[i] = in.u64("the ESID word of SLB entry " + i);
            vsid[i] = in.u64("the VSID word of SLB entry " + i);
            if ((esid[i] & ~(Slb.ESID_MASK | Slb.ESID_VALID)) != 0 || !trial.slbmte(vsid[i], esid[i] | i)) {
                throw in.problem(String.format("SLB entry %d (ESID word 0x%x, VSID word 0x%x) is not one slbmte"
                    + " can write", i, esid[i], vsid[i]));
            }
        }
        final int mode = in.u8("the table mode");
        if (mode > HYPERVISOR_TABLE) {
            throw in.problem("table mode " + mode + " is not 0..3");
        }
        final boolean hypervisorOwned = tableMode(mmu) == HYPERVISOR_TABLE;
        if ((mode == HYPERVISOR_TABLE) != hypervisorOwned) {
            throw in.problem(mode == HYPERVISOR_TABLE ? "saved with a hypervisor-owned page table (pseries), this"
                + " machine's table is named by SDR1" : "saved with a page table named by SDR1, this machine's"
                + " table is owned by the hypervisor (pseries)");
        }
        final long sdr1 = in.u64("SDR1");
        final long hrmor = in.u64("HRMOR");
        final long amr = in.u64("AMR");
        final long iamr = in.u64("IAMR");
        final long uamor = in.u64("UAMOR");
        final long amor = in.u64("AMOR");
        return () -> {
            final HashPageTable hypervisorTable = mode == HYPERVISOR_TABLE ? mmu.table() : null;
            mmu.reset();
            for (int i = 0; i < Slb.SIZE; i++) {
                mmu.slb.slbmte(vsid[i], esid[i] | i);
            }
            if (mode == TABLE_IN_RAM || mode == TABLE_OUTSIDE_RAM) {
                mmu.setSdr1(sdr1);
            } else if (mode == HYPERVISOR_TABLE) {
                mmu.setHypervisorTable(hypervisorTable);
            }
            mmu.setHrmor(hrmor);
            mmu.setAmr(amr);
            mmu.setIamr(iamr);
            mmu.setUamor(uamor);
            mmu.setAmor(amor);
            mmu.flushAll();
        };
    }
}
