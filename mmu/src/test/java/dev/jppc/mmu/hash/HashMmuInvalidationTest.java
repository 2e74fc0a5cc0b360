package dev.jppc.mmu.hash;

import static dev.jppc.mmu.hash.MmuFixture.HV_TRANSLATED;
import static dev.jppc.mmu.hash.MmuFixture.KERNEL;
import static dev.jppc.mmu.hash.MmuFixture.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import dev.jppc.mmu.tlb.TranslationMode;
import dev.jppc.mmu.track.ChangeReader;
import org.junit.jupiter.api.Test;

/** What each invalidating operation drops, and the groups tlbie marks for a table in RAM. */
class HashMmuInvalidationTest {

    private static final long EA_C = 0xC000_0000_0000_1000L;
    private static final long EA_D = 0xD000_0000_0000_2000L;
    private static final int DATA = TranslationMode.data(KERNEL);

    private final MmuFixture f = MmuFixture.pseries();

    private void mapBoth() {
        f.segment(1, EA_C, 0xC1, false, 12, 0);
        f.segment(2, EA_D, 0xD1, false, 12, 0);
        f.map(EA_C, 0xC1, false, 12, 12, 0x1000, 0x12, false, 0);
        f.map(EA_D, 0xD1, false, 12, 12, 0x2000, 0x12, false, 0);
        for (final long ea : new long[] {EA_C, EA_D}) {
            f.mmu.translate(ea, HashMmu.LOAD, KERNEL, true);
            f.mmu.translate(ea, HashMmu.STORE, KERNEL, true);
            f.mmu.translate(ea, HashMmu.FETCH, KERNEL, true);
        }
        assertEquals(2, f.mmu.loadTlb.validCount());
    }

    @Test
    void shouldNeedNoFlushWhenPrivilegeOrRelocationChanges() {
        mapBoth();
        assertFalse(f.mmu.loadTlb.hits(EA_C, TranslationMode.data(USER)));
        assertFalse(f.mmu.loadTlb.hits(EA_C, TranslationMode.data(KERNEL & ~TranslationMode.MSR_DR)));
        assertTrue(f.mmu.loadTlb.hits(EA_C, DATA));
        // LE is not part of the mode.
        assertEquals(DATA, TranslationMode.data(KERNEL | 1));
    }

    @Test
    void shouldDropOnlyTheSegmentOnSlbie() {
        mapBoth();
        assertEquals(1, f.mmu.slbie(EA_C & 0xFFFF_FFFF_F000_0000L));
        assertFalse(f.mmu.loadTlb.hits(EA_C, DATA));
        assertFalse(f.mmu.storeTlb.hits(EA_C, DATA));
        assertFalse(f.mmu.fetchTlb.hits(EA_C, TranslationMode.fetch(KERNEL)));
        assertTrue(f.mmu.loadTlb.hits(EA_D, DATA));
        assertEquals(HashMmu.FAULT, f.mmu.translate(EA_C, HashMmu.LOAD, KERNEL, true));
        assertEquals(HashMmu.VECTOR_DATA_SEGMENT, f.mmu.faultVector);
    }

    @Test
    void shouldDropTheOldSegmentWhenSlbmteOverwritesAnEntry() {
        mapBoth();
        assertTrue(f.mmu.slbmte(MmuFixture.slbRs(0x77, false, 12, 0), MmuFixture.slbRb(0xE000_0000_0000_0000L,
            false, 1)));
        assertFalse(f.mmu.loadTlb.hits(EA_C, DATA));
        assertTrue(f.mmu.loadTlb.hits(EA_D, DATA));
    }

    @Test
    void shouldKeepEverythingWhenSlbmteIsRefused() {
        mapBoth();
        assertFalse(f.mmu.slbmte(MmuFixture.slbRs(0x77, false, 12, 0) | (2L << 62), MmuFixture.slbRb(EA_C,
            false, 1)));
        assertTrue(f.mmu.loadTlb.hits(EA_C, DATA));
        assertTrue(f.mmu.slb.isValid(1));
    }

    @Test
    void shouldDropEverythingOnSlbiaAndTlbie() {
        mapBoth();
        f.mmu.slbia(0);
        assertEquals(0, f.mmu.loadTlb.validCount() + f.mmu.storeTlb.validCount() + f.mmu.fetchTlb.validCount());
        mapBoth();
        f.mmu.tlbie(0, false);
        assertEquals(0, f.mmu.loadTlb.validCount() + f.mmu.storeTlb.validCount() + f.mmu.fetchTlb.validCount());
        mapBoth();
        f.mmu.tlbiel(0xC00, false);
        assertEquals(0, f.mmu.loadTlb.validCount());
    }

    @Test
    void shouldDropEverythingWhenTheTableOrHrmorChanges() {
        mapBoth();
        f.mmu.setHypervisorTable(f.table);
        assertEquals(0, f.mmu.loadTlb.validCount());
        mapBoth();
        f.mmu.setHrmor(0x1000);
        assertEquals(0, f.mmu.loadTlb.validCount());
        mapBoth();
        f.mmu.setHrmor(0x1000);
        assertEquals(2, f.mmu.loadTlb.validCount());
    }

    // ---- tlbie marks the groups the invalidated VA hashes to (table in RAM) ----

    private static Set<Integer> drain(final ChangeReader reader) {
        final Set<Integer> seen = new HashSet<>();
        final int[] out = new int[64];
        int n;
        while ((n = reader.drain(0, out)) > 0) {
            for (int i = 0; i < n; i++) {
                seen.add(out[i]);
            }
        }
        return seen;
    }

    private static Set<Integer> groupsOf(final long hash, final int mask) {
        final Set<Integer> entries = new HashSet<>();
        for (final long g : new long[] {hash & mask, ~hash & mask}) {
            for (int slot = 0; slot < 8; slot++) {
                entries.add((int) g * 8 + slot);
            }
        }
        return entries;
    }

    @Test
    void shouldMarkBothGroupsOfA4KPage() {
        final MmuFixture bare = MmuFixture.bare(0x0100_0000L);
        final ChangeReader reader = bare.table.changes().openReader(false);
        final long vsid = 0x1234;
        final long offset = 0x0345_6000L;
        final long va = (vsid << 28) | offset;
        // Linux (hash_native.c, 4K base): RB = VPN << 12 with the top 16 bits cleared, B << 8, sllp << 5.
        final long rb = ((va >>> 12) << 12) & ~(0xFFFFL << 48);
        bare.mmu.tlbie(rb, false);
        assertEquals(groupsOf(MmuFixture.hash(vsid, false, offset, 12), bare.table.groupMask()), drain(reader));
    }

    @Test
    void shouldMarkBothGroupsOfA64KPage() {
        final MmuFixture bare = MmuFixture.bare(0x0100_0002L);
        final ChangeReader reader = bare.table.changes().openReader(false);
        final long vsid = 0x1234;
        final long offset = 0x0345_0000L;
        final long va = (vsid << 28) | offset;
        final long vpn = va >>> 12;
        // Large base page: VA with the page bits cleared, penc 0x01 << 12, B << 8, AVAL = vpn & 0xFE, L = 1.
        final long rb = (va & ~0xFFFFL) | (0x01 << 12) | (vpn & 0xFE) | 1;
        bare.mmu.tlbie(rb, true);
        assertEquals(groupsOf(MmuFixture.hash(vsid, false, offset, 16), bare.table.groupMask()), drain(reader));
    }

    @Test
    void shouldUseTheFullVsidOfAMatchingSlbEntry() {
        final MmuFixture bare = MmuFixture.bare(0x0100_0000L);
        final long vsid = 0x1_2345L;
        bare.segment(3, 0x0000_0500_0000_0000L, vsid, true, 12, 0);
        final ChangeReader reader = bare.table.changes().openReader(false);
        final long offset = 0x12_3456_7000L;
        final long va = (vsid << 40) | offset;
        final long rb = (((va >>> 12) << 12) & ~(0xFFFFL << 48)) | (1L << 8);
        bare.mmu.tlbie(rb, false);
        final Set<Integer> marked = drain(reader);
        assertTrue(marked.containsAll(groupsOf(MmuFixture.hash(vsid, true, offset, 12), bare.table.groupMask())));
        assertTrue(marked.size() <= 32);
    }

    @Test
    void shouldMarkEverySubPageGroupOfA16MPageInA64KSegment() {
        final MmuFixture bare = MmuFixture.bare(0x0100_0000L);
        final ChangeReader reader = bare.table.changes().openReader(false);
        final long vsid = 0x4321;
        final long offset = 0x0135_0000L;
        final long va = (vsid << 28) | offset;
        final long vpn = va >>> 12;
        final long rb = (va & ~0xFF_FFFFL) | (0x08 << 12) | (vpn & 0xFE) | 1;
        bare.mmu.tlbie(rb, true);
        final Set<Integer> marked = drain(reader);
        assertTrue(marked.containsAll(groupsOf(MmuFixture.hash(vsid, false, offset, 16), bare.table.groupMask())));
        assertTrue(marked.size() <= 16 * 16);
    }

    @Test
    void shouldMarkNothingForSetForms() {
        final MmuFixture bare = MmuFixture.bare(0x0100_0000L);
        final ChangeReader reader = bare.table.changes().openReader(false);
        bare.mmu.tlbiel(0x0000_0000_0012_3C00L, false);
        assertEquals(-1, reader.nextChanged(0));
        bare.mmu.translate(0, HashMmu.LOAD, HV_TRANSLATED, false);
    }
}
