package dev.jppc.mmu.hash;

import static dev.jppc.mmu.hash.MmuFixture.HV_REAL;
import static dev.jppc.mmu.hash.MmuFixture.HV_TRANSLATED;
import static dev.jppc.mmu.hash.MmuFixture.KERNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import dev.jppc.mmu.tlb.TranslationMode;
import dev.jppc.mmu.track.ChangeReader;
import org.junit.jupiter.api.Test;

/** R/C recording, its write-back and change marks, and when store-TLB entries may exist (hash-mmu.md §11). */
class HashMmuReferenceChangeTest {

    private static final long EA = 0xC000_0000_0000_3000L;
    private static final int DATA = TranslationMode.data(KERNEL);

    private final MmuFixture f = MmuFixture.pseries();
    private final int index;

    HashMmuReferenceChangeTest() {
        f.segment(0, EA, 0x321, false, 12, 0x400);
        index = f.map(EA, 0x321, false, 12, 12, 0x8000, 0x10, false, 6);
    }

    @Test
    void shouldSetOnlyReferencedOnALoad() {
        final ChangeReader reader = f.table.changes().openReader(false);
        assertEquals(0x8000L, f.mmu.translate(EA, HashMmu.LOAD, KERNEL, true));
        assertEquals(0x8110L, f.table.r(index));
        assertEquals(index, reader.nextChanged(0));
        assertTrue(f.mmu.loadTlb.hits(EA, DATA));
        assertFalse(f.mmu.storeTlb.hits(EA, DATA));
    }

    @Test
    void shouldSetReferencedAndChangedOnAStoreBeforeInstalling() {
        assertEquals(0x8000L, f.mmu.translate(EA, HashMmu.STORE, KERNEL, true));
        assertEquals(0x8190L, f.table.r(index));
        assertTrue(f.mmu.storeTlb.hits(EA, DATA));
    }

    @Test
    void shouldNotInstallAStoreEntryFromLoads() {
        f.mmu.translate(EA, HashMmu.LOAD, KERNEL, true);
        f.mmu.translate(EA, HashMmu.FETCH, KERNEL, true);
        assertEquals(0, f.mmu.storeTlb.validCount());
        assertEquals(0, f.table.r(index) & Hpte.R_CHANGED);
    }

    @Test
    void shouldWriteRAndCIntoBytes14And15OfTheEntry() {
        final MmuFixture bare = MmuFixture.bare(0x0100_0000L);
        bare.segment(0, 0x4000_0000L, 0x5, false, 12, 0);
        final int i = bare.map(0x4000_0000L, 0x5, false, 12, 12, 0x9000, 0x10 | 0x3, false, 1);
        final long entry = 0x0100_0000L + i * 16L;
        bare.mmu.translate(0x4000_0000L, HashMmu.LOAD, HV_TRANSLATED, false);
        assertEquals((byte) 0x91, bare.memory.getByte(entry + 14));
        assertEquals(0x13, bare.memory.getByte(entry + 15));
        bare.mmu.translate(0x4000_0000L, HashMmu.STORE, HV_TRANSLATED | TranslationMode.MSR_PR, false);
        // pp 0b011 is read-only: the store faults and C stays clear.
        assertEquals(0x13, bare.memory.getByte(entry + 15));
        bare.table.updateR(i, 0x3, 0x2);
        bare.mmu.translate(0x4000_0000L, HashMmu.STORE, HV_TRANSLATED, false);
        assertEquals((byte) 0x92, bare.memory.getByte(entry + 15));
        assertEquals(0x9192L, bare.memory.getLong(entry + 8, ByteOrder.BIG_ENDIAN));
    }

    @Test
    void shouldNotMarkAnEntryWhoseBitsAreAlreadySet() {
        f.mmu.translate(EA, HashMmu.STORE, KERNEL, false);
        final ChangeReader reader = f.table.changes().openReader(false);
        f.mmu.translate(EA, HashMmu.STORE, KERNEL, false);
        f.mmu.translate(EA, HashMmu.LOAD, KERNEL, false);
        assertEquals(-1, reader.nextChanged(0));
    }

    @Test
    void shouldMarkOnceMoreWhenCIsSetAfterR() {
        f.mmu.translate(EA, HashMmu.LOAD, KERNEL, false);
        final ChangeReader reader = f.table.changes().openReader(false);
        f.mmu.translate(EA, HashMmu.STORE, KERNEL, false);
        assertTrue(reader.consume(index));
        assertEquals(0x8190L, f.table.r(index));
    }

    @Test
    void shouldRecordNothingForAFaultingStore() {
        f.table.updateR(index, 0, 0x3);
        assertEquals(HashMmu.FAULT, f.mmu.translate(EA, HashMmu.STORE, KERNEL, true));
        assertEquals(0x8013L, f.table.r(index));
        assertEquals(0, f.mmu.storeTlb.validCount());
    }

    @Test
    void shouldRecordWithoutInstalling() {
        f.mmu.translate(EA, HashMmu.STORE, KERNEL, false);
        assertEquals(0x8190L, f.table.r(index));
        assertEquals(0, f.mmu.storeTlb.validCount());
    }

    @Test
    void shouldMarkTheRamPageDirtyOnAStoreTranslation() {
        final ChangeReader dirty = f.dirty.openReader(false);
        f.mmu.translate(EA, HashMmu.LOAD, KERNEL, true);
        assertEquals(-1, dirty.nextChanged(0));
        f.mmu.translate(EA | 0x123, HashMmu.STORE, KERNEL, true);
        assertEquals(8, dirty.nextChanged(0));
    }

    @Test
    void shouldNeverInstallStoreEntriesOverABareTable() {
        final MmuFixture bare = MmuFixture.bare(0x0100_0000L);
        final long inTable = 0x0100_2000L;
        assertEquals(inTable, bare.mmu.translate(inTable, HashMmu.STORE, HV_REAL, true));
        assertEquals(0, bare.mmu.storeTlb.validCount());
        assertEquals(inTable, bare.mmu.translate(inTable, HashMmu.LOAD, HV_REAL, true));
        assertEquals(1, bare.mmu.loadTlb.validCount());
        // Just below and just above the 256 KiB table, stores may be cached.
        bare.mmu.translate(0x00FF_F000L, HashMmu.STORE, HV_REAL, true);
        bare.mmu.translate(0x0104_0000L, HashMmu.STORE, HV_REAL, true);
        assertEquals(2, bare.mmu.storeTlb.validCount());
    }

    @Test
    void shouldNeverInstallStoreEntriesOverABareTableThroughATranslation() {
        final MmuFixture bare = MmuFixture.bare(0x0100_0000L);
        bare.segment(0, 0x4000_0000L, 0x5, false, 16, 0);
        bare.map(0x4000_0000L, 0x5, false, 16, 16, 0x0100_0000L, 0x10, false, 0);
        assertEquals(0x0100_0040L, bare.mmu.translate(0x4000_0040L, HashMmu.STORE, HV_TRANSLATED, true));
        assertEquals(0, bare.mmu.storeTlb.validCount());
    }

    @Test
    void shouldTrackGuestStoresIntoABareTable() {
        final MmuFixture bare = MmuFixture.bare(0x0100_0000L);
        final ChangeReader reader = bare.table.changes().openReader(false);
        final ChangeReader dirty = bare.dirty.openReader(false);
        // Entry 5's r doubleword: table + 5 * 16 + 8.
        bare.mmu.storeReal(0x0100_0058L, 0x1234L, 8, ByteOrder.BIG_ENDIAN);
        assertEquals(0x1234L, bare.table.r(5));
        assertEquals(5, reader.nextChanged(0));
        assertEquals(-1, reader.nextChanged(6));
        assertEquals(0x0100_0000L >>> 12, dirty.nextChanged(0));
        // A 128-byte dcbz-like store over group 1 marks its 8 entries.
        reader.consume(5);
        bare.mmu.beginGuestStore(0x0100_0080L, 128);
        bare.memory.fill(0x0100_0080L, 128, (byte) 0);
        bare.mmu.endGuestStore(0x0100_0080L, 128);
        assertEquals(8, reader.nextChanged(0));
        assertEquals(15, reader.nextChanged(15));
        assertEquals(-1, reader.nextChanged(16));
    }

    @Test
    void shouldNotTrackStoresOutsideTheTable() {
        final MmuFixture bare = MmuFixture.bare(0x0100_0000L);
        final ChangeReader reader = bare.table.changes().openReader(false);
        bare.mmu.storeReal(0x00FF_FFF8L, 1, 8, ByteOrder.BIG_ENDIAN);
        bare.mmu.storeReal(0x0104_0000L, 1, 8, ByteOrder.BIG_ENDIAN);
        assertEquals(-1, reader.nextChanged(0));
        // A store straddling the table's start marks entry 0 only.
        bare.mmu.storeReal(0x00FF_FFFCL, -1L, 8, ByteOrder.BIG_ENDIAN);
        assertEquals(0, reader.nextChanged(0));
        assertEquals(-1, reader.nextChanged(1));
    }
}
