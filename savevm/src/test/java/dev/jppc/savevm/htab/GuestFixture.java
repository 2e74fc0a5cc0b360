package dev.jppc.savevm.htab;

import java.nio.ByteOrder;

import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.HptHash;
import dev.jppc.mmu.tlb.TranslationMode;
import dev.jppc.mmu.track.DirtyPageTracker;

/**
 * A CPU's MMU over a table, for tests that change the table the way a guest does: one 256 MiB segment with 4 KiB
 * pages at {@link #EA_BASE}, pages mapped into their primary group, loads and stores that set R and C, and (bare
 * machine) stores into the table itself.
 */
final class GuestFixture {

    static final long EA_BASE = 0xC000_0000_0000_0000L;
    static final long VSID = 0x1234;
    /** 64-bit translated supervisor; with HV on a bare machine. */
    static final long KERNEL = HashMmu.MSR_SF | TranslationMode.MSR_IR | TranslationMode.MSR_DR;

    final GuestMemory memory;
    final HashMmu mmu;
    final HashPageTable table;
    final long msr;
    private final long slbWord = VSID << 12;

    private GuestFixture(final GuestMemory memory, final HashMmu mmu, final long msr) {
        this.memory = memory;
        this.mmu = mmu;
        this.table = mmu.table();
        this.msr = msr;
        if (!mmu.slbmte(slbWord, (EA_BASE & 0xFFFF_FFFF_F000_0000L) | 0x0800_0000L)) {
            throw new IllegalStateException("slbmte refused");
        }
    }

    /** pseries: a hypervisor-owned table of {@code 2^log2Size} bytes. */
    static GuestFixture pseries(final int log2Size) {
        final GuestMemory memory = new GuestMemory(1L << 20);
        final HashMmu mmu = new HashMmu(memory, new DirtyPageTracker(memory.size(), 12));
        mmu.setHypervisorTable(HashPageTable.allocate(log2Size));
        return new GuestFixture(memory, mmu, KERNEL);
    }

    /** bare: a 256 KiB table in RAM at 1 MiB, named by SDR1. */
    static GuestFixture bare() {
        final GuestMemory memory = new GuestMemory(2L << 20);
        final HashMmu mmu = new HashMmu(memory, new DirtyPageTracker(memory.size(), 12));
        if (!mmu.setSdr1(0x10_0000L)) {
            throw new IllegalStateException("SDR1 refused");
        }
        return new GuestFixture(memory, mmu, KERNEL | TranslationMode.MSR_HV);
    }

    /** The first doubleword of an entry mapping page {@code page} of the segment. */
    long pageV(final int page) {
        return HptHash.wantedV(slbWord, false, (long) page << 12, 12, false);
    }

    /** The index of slot {@code slot} of page {@code page}'s primary group. */
    int pageIndex(final int page, final int slot) {
        final long hash = HptHash.hash256M(VSID, (long) page << 12, 12);
        return HptHash.entryIndex(HptHash.primaryGroup(hash, table.groupMask()), slot);
    }

    /** Maps page {@code page} in slot {@code slot} to real page {@code realPage}, read-write; returns its index. */
    int map(final int page, final int slot, final long realPage, final long extraV) {
        final int index = pageIndex(page, slot);
        table.writeEntry(index, pageV(page) | extraV, (realPage << 12) | 0x10 | 0x2);
        return index;
    }

    /** A load or store at page {@code page}: sets R (and C); returns the translation result. */
    long touch(final int page, final boolean store) {
        return mmu.translate(EA_BASE + ((long) page << 12), store ? HashMmu.STORE : HashMmu.LOAD, msr, false);
    }

    /** Bare machine: the guest writes entry {@code index} with two 8-byte stores, r first (a Linux-like order). */
    void guestStore(final int index, final long v, final long r) {
        final long address = table.realBase() + index * 16L;
        mmu.storeReal(address + 8, r, 8, ByteOrder.BIG_ENDIAN);
        mmu.storeReal(address, v, 8, ByteOrder.BIG_ENDIAN);
    }

    /** Bare machine: the guest writes entry {@code index} with one 16-byte store (stq, a vector store). */
    void guestStoreQuad(final int index, final long v, final long r) {
        final long address = table.realBase() + index * 16L;
        mmu.beginGuestStore(address, 16);
        memory.putLong(address, v, ByteOrder.BIG_ENDIAN);
        memory.putLong(address + 8, r, ByteOrder.BIG_ENDIAN);
        mmu.endGuestStore(address, 16);
    }
}
