package dev.jppc.mmu.hash;

import static dev.jppc.mmu.hash.MmuFixture.HV_REAL;
import static dev.jppc.mmu.hash.MmuFixture.HV_TRANSLATED;
import static dev.jppc.mmu.hash.MmuFixture.KERNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jppc.mmu.tlb.Tlb;
import dev.jppc.mmu.tlb.TranslationMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashMmuTranslateTest {

    /** WIMG = M, PP = 0b010: read/write for both keys. */
    private static final long RW = 0x12;

    /*
     * Worked by hand (hash-mmu.md §5, §6.4) with a 256 KiB table (2048 groups, mask 0x7FF):
     * SLB: ESID 0, VSID 0x123456, 4K base. EA 0x0ABC_D123: offset 0x0ABC_D123, page 0xABCD.
     * hash = 0x123456 ^ 0xABCD = 0x129F9B; primary group 0x79B, secondary 0x7FF - 0x79B = 0x064.
     * v = VSID << 12 | (0x0ABCD000 >>> 16 & ~0x7F = 0xA80) | V = 0x1_2345_6A81 (secondary: | H = ...6A83).
     * r = 0x5000 | M | PP 0b010 = 0x5012 -> real address 0x5123.
     */
    @Test
    void shouldTranslateTheHandWorkedPrimaryExample() {
        final MmuFixture f = MmuFixture.pseries();
        assertTrue(f.mmu.slbmte(0x1_2345_6000L, 0x0800_0000L));
        f.table.writeEntry(0x79B * 8 + 2, 0x1_2345_6A81L, 0x5012L);
        assertEquals(0x5123L, f.mmu.translate(0x0ABC_D123L, HashMmu.LOAD, KERNEL, false));
        assertEquals(0x79B * 8 + 2, f.mmu.lastHpteIndex);
        assertEquals(12, f.mmu.lastPageShift);
    }

    @Test
    void shouldTranslateTheHandWorkedSecondaryExample() {
        final MmuFixture f = MmuFixture.pseries();
        assertTrue(f.mmu.slbmte(0x1_2345_6000L, 0x0800_0000L));
        f.table.writeEntry(0x064 * 8 + 7, 0x1_2345_6A83L, 0x5012L);
        assertEquals(0x5123L, f.mmu.translate(0x0ABC_D123L, HashMmu.LOAD, KERNEL, false));
        // Without H the entry in the secondary group must not match.
        f.table.writeEntry(0x064 * 8 + 7, 0x1_2345_6A81L, 0x5012L);
        assertEquals(HashMmu.FAULT, f.mmu.translate(0x0ABC_D123L, HashMmu.LOAD, KERNEL, false));
    }

    @ParameterizedTest(name = "{0} segment, base {1}, actual {2}, secondary {3}")
    @CsvSource({
        "false, 12, 12, false", "false, 12, 12, true",
        "false, 12, 16, false", "false, 12, 16, true",
        "false, 12, 24, false", "false, 12, 24, true",
        "false, 16, 16, false", "false, 16, 16, true",
        "false, 16, 24, false", "false, 16, 24, true",
        "false, 24, 24, false", "false, 24, 24, true",
        "true, 12, 12, false", "true, 12, 12, true",
        "true, 16, 16, false", "true, 16, 16, true",
        "true, 16, 24, false", "true, 16, 24, true",
        "true, 24, 24, false", "true, 24, 24, true",
        "true, 34, 34, false", "true, 34, 34, true",
    })
    void shouldTranslateEveryPageSize(final boolean oneTerabyte, final int base, final int actual,
                                      final boolean secondary) {
        final MmuFixture f = MmuFixture.pseries();
        final long vsid = oneTerabyte ? 0x2_3456L : 0x1234_5678L;
        final long ea = oneTerabyte ? 0xC000_0123_4567_89ABL : 0xC000_0000_0765_4321L;
        f.segment(4, ea, vsid, oneTerabyte, base, 0x400);
        final long realPage = actual == 34 ? 0 : 0x0200_0000L;
        final int index = f.map(ea, vsid, oneTerabyte, base, actual, realPage, RW, secondary, 5);
        final long expected = realPage | (ea & ((1L << actual) - 1));
        final long ra = f.mmu.translate(ea, HashMmu.LOAD, KERNEL, true);
        if (expected < MmuFixture.RAM_SIZE) {
            assertEquals(expected, ra);
            assertTrue(f.mmu.loadTlb.hits(ea, TranslationMode.data(KERNEL)));
        } else {
            assertEquals(HashMmu.OUTSIDE_RAM, ra);
            assertEquals(expected, f.mmu.outsideRamAddress);
        }
        assertEquals(index, f.mmu.lastHpteIndex);
        assertEquals(actual, f.mmu.lastPageShift);
    }

    @Test
    void shouldSkipEntriesWhosePageSizeDoesNotDecodeForTheSegment() {
        final MmuFixture f = MmuFixture.pseries();
        final long ea = 0xC000_0000_0001_0000L;
        f.segment(0, ea, 0x77, false, 16, 0x400);
        // Slot 0: same AVPN but a 4K-base encoding (penc 0x07) in a 64K segment: skipped. Slot 1: the real one.
        final long offset = MmuFixture.segmentOffset(ea, false);
        final int group = (int) (MmuFixture.hash(0x77, false, offset, 16) & f.table.groupMask());
        f.table.writeEntry(group * 8, MmuFixture.v(0x77, false, offset, 16, false), 0x0300_7012L);
        f.table.writeEntry(group * 8 + 1, MmuFixture.v(0x77, false, offset, 16, false), 0x0100_1012L);
        assertEquals(0x0100_0000L, f.mmu.translate(ea, HashMmu.LOAD, KERNEL, false));
        assertEquals(group * 8 + 1, f.mmu.lastHpteIndex);
    }

    @Test
    void shouldIgnoreTheAvpnBitInsideA16MPageOfA64KSegment() {
        // MPSS: base 64K, actual 16M. EA bit 23 falls inside the 16M page; Linux clears it in the AVPN.
        final MmuFixture f = MmuFixture.pseries();
        final long ea = 0xC000_0000_0080_1234L;
        f.segment(0, ea, 0x99, false, 16, 0x400);
        final long offset = MmuFixture.segmentOffset(ea, false);
        final long v = MmuFixture.v(0x99, false, offset, 24, false);
        assertEquals(0, v & 0x80);
        f.map(ea, 0x99, false, 16, 24, 0x0100_0000L, RW, false, 0);
        assertEquals(0x0180_1234L, f.mmu.translate(ea, HashMmu.LOAD, KERNEL, false));
    }

    @Test
    void shouldTruncateTheEffectiveAddressIn32BitMode() {
        final MmuFixture f = MmuFixture.pseries();
        f.segment(0, 0x1000_0000L, 0x42, false, 12, 0x400);
        f.map(0x1000_5000L, 0x42, false, 12, 12, 0x9000, RW, false, 0);
        final long msr32 = KERNEL & ~HashMmu.MSR_SF;
        assertEquals(0x9ABCL, f.mmu.translate(0xFFFF_FFFF_1000_5ABCL, HashMmu.LOAD, msr32, true));
        assertTrue(f.mmu.loadTlb.hits(0x1000_5ABCL, TranslationMode.data(msr32)));
    }

    @Test
    void shouldIgnoreTheTopFourBitsInHypervisorRealMode() {
        final MmuFixture f = MmuFixture.bare(0x0100_0000L);
        assertEquals(0x1234L, f.mmu.translate(0xC000_0000_0000_1234L, HashMmu.LOAD, HV_REAL, true));
        assertEquals(-1, f.mmu.lastHpteIndex);
        assertTrue(f.mmu.loadTlb.hits(0xC000_0000_0000_1234L, TranslationMode.data(HV_REAL)));
        assertFalse(f.mmu.loadTlb.hits(0xC000_0000_0000_1234L, TranslationMode.data(HV_TRANSLATED)));
    }

    @Test
    void shouldApplyHrmorUnlessEaBitZeroIsSet() {
        final MmuFixture f = MmuFixture.bare(0x0100_0000L);
        f.mmu.setHrmor(0x0010_0000L);
        assertEquals(0x0010_1234L, f.mmu.translate(0x1234L, HashMmu.FETCH, HV_REAL, false));
        assertEquals(0x1234L, f.mmu.translate(0x8000_0000_0000_1234L, HashMmu.FETCH, HV_REAL, false));
    }

    @Test
    void shouldReportAddressesBeyondRamForMmio() {
        final MmuFixture f = MmuFixture.bare(0x0100_0000L);
        assertEquals(HashMmu.OUTSIDE_RAM, f.mmu.translate(0x0000_6000_0000_0005L, HashMmu.STORE, HV_REAL, true));
        assertEquals(0x0000_6000_0000_0005L, f.mmu.outsideRamAddress);
        assertEquals(0, f.mmu.storeTlb.validCount());
    }

    @Test
    void shouldReportMmioMappedThroughAnHpte() {
        final MmuFixture f = MmuFixture.pseries();
        f.segment(0, 0xD000_0000_0000_0000L, 0x55, false, 12, 0x400);
        f.map(0xD000_0000_0000_0000L, 0x55, false, 12, 12, 0x2_0000_0000L, 0x22, false, 0);
        assertEquals(HashMmu.OUTSIDE_RAM, f.mmu.translate(0xD000_0000_0000_0010L, HashMmu.LOAD, KERNEL, true));
        assertEquals(0x2_0000_0010L, f.mmu.outsideRamAddress);
        assertEquals(0, f.mmu.loadTlb.validCount());
    }

    @Test
    void shouldTreatPseriesRealAddressesAsGuestPhysical() {
        final MmuFixture f = MmuFixture.pseries();
        final long msr = HashMmu.MSR_SF;
        assertEquals(0x0123_4567L, f.mmu.translate(0xC000_0000_0123_4567L, HashMmu.LOAD, msr, true));
        assertEquals(HashMmu.MACHINE_CHECK, f.mmu.translate(MmuFixture.RAM_SIZE, HashMmu.LOAD, msr, true));
        assertEquals(HashMmu.VECTOR_MACHINE_CHECK, f.mmu.faultVector);
    }

    @Test
    void shouldReportAMachineCheckWhenSdr1NamesATableOutsideRam() {
        final MmuFixture f = MmuFixture.bare(0x0100_0000L);
        assertFalse(f.mmu.setSdr1(0x0800_0000L));
        // Without an SLB entry the segment interrupt comes first.
        assertEquals(HashMmu.FAULT, f.mmu.translate(0x1000L, HashMmu.LOAD, HV_TRANSLATED, false));
        assertEquals(HashMmu.VECTOR_DATA_SEGMENT, f.mmu.faultVector);
        f.mmu.slbmte(MmuFixture.slbRs(1, false, 12, 0), MmuFixture.slbRb(0, false, 0));
        assertEquals(HashMmu.MACHINE_CHECK, f.mmu.translate(0x1000L, HashMmu.LOAD, HV_TRANSLATED, false));
        assertTrue(f.mmu.setSdr1(0x0100_0000L));
        assertEquals(HashMmu.FAULT, f.mmu.translate(0x1000L, HashMmu.LOAD, HV_TRANSLATED, false));
    }

    @Test
    void shouldWalkATableInGuestRam() {
        // SDR1: HTABORG 0x0100_0000, HTABSIZE 1 -> 512 KiB, 4096 groups.
        final MmuFixture f = MmuFixture.bare(0x0100_0001L);
        assertEquals(0x0100_0000L, f.table.realBase());
        assertEquals(19, f.table.log2Size());
        f.segment(0, 0, 0x1234, false, 12, 0);
        final long offset = 0x0345_6000L;
        final int group = (int) (MmuFixture.hash(0x1234, false, offset, 12) & 0xFFF);
        // The guest writes the HPTE itself, big-endian, into its RAM.
        final long address = 0x0100_0000L + group * 128L + 3 * 16;
        f.memory.putLong(address, MmuFixture.v(0x1234, false, offset, 12, false), java.nio.ByteOrder.BIG_ENDIAN);
        f.memory.putLong(address + 8, 0x7012L, java.nio.ByteOrder.BIG_ENDIAN);
        assertEquals(0x7ABCL, f.mmu.translate(0x0345_6ABCL, HashMmu.LOAD, HV_TRANSLATED, false));
        assertEquals(group * 8 + 3, f.mmu.lastHpteIndex);
    }

    @Test
    void shouldInstallFourKibSubPagesOfLargePages() {
        final MmuFixture f = MmuFixture.pseries();
        final long ea = 0xC000_0000_0100_0000L;
        f.segment(0, ea, 0x31, false, 24, 0x400);
        f.map(ea, 0x31, false, 24, 24, 0x0100_0000L, RW, false, 0);
        final long ra = f.mmu.translate(ea + 0x5_4321, HashMmu.FETCH, KERNEL, true);
        assertEquals(0x0105_4321L, ra);
        final int i = Tlb.index(ea + 0x5_4321);
        assertEquals(0x0105_4000L, f.mmu.fetchTlb.realPage[i]);
        assertEquals(0x0105_4000, f.mmu.fetchTlb.offset[i]);
        assertEquals(1, f.mmu.fetchTlb.validCount());
        assertFalse(f.mmu.fetchTlb.hits(ea + 0x6_0000, TranslationMode.fetch(KERNEL)));
    }
}
