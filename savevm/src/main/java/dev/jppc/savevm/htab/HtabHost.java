package dev.jppc.savevm.htab;

import dev.jppc.mmu.hash.HashPageTable;

/**
 * What the HTAB fd and the {@code spapr/htab} stream need from the machine that owns a hashed page table. The
 * machine module implements it over its CPUs; {@link LiveHtab} is a ready-made holder.
 */
public interface HtabHost {

    /**
     * The live table, or null when the machine has none (KVM's radix guest, or before the hypervisor allocated
     * one): reads then return 0 (rule R1) and writes fail with EINVAL (W1).
     */
    HashPageTable table();

    /**
     * True while any CPU may execute guest code. Writes are refused with EBUSY while it holds (W1); the machine
     * must not start a CPU during a write call (KVM blocks vCPU entry for the call's duration).
     */
    boolean cpusRunning();

    /**
     * Called after a write or a load changed the table, before the call returns: flush every CPU's TLBs
     * ({@code HashMmu.flushAll()}), since an entry may have been removed or weakened.
     */
    void tableWritten();

    /**
     * The loader met an HPT order in a START section: replace the table by a zeroed one of {@code 2^log2Size}
     * bytes and install it (QEMU {@code spapr_reallocate_hpt}). Returns the new table.
     *
     * @throws HtabException ENOMEM when the size cannot be allocated, EINVAL when this machine cannot change it
     */
    HashPageTable replaceTable(int log2Size) throws HtabException;

    /** The loader met the no-table marker: drop the table (QEMU frees its HPT). */
    void removeTable();
}
