package dev.jppc.mmu.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jppc.mmu.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HptHashTest {

    /*
     * Worked by hand from hash-mmu.md §5 with a 4 MiB table (htabMask 0x7FFF):
     *  256M, vsid 0x123456, offset 0x0ABCD000, p 12: 0x123456 ^ 0xABCD       = 0x129F9B
     *  256M, same, p 16:                          0x123456 ^ 0xABC        = 0x123EEA
     *  1T, vsid 0x1F, offset 0x12_3456_7000, p 12: 0x1F ^ 0x3E00_0000 ^ 0x123_4567 = 0x3F23_4578
     *  1T, same, p 24:                            0x1F ^ 0x3E00_0000 ^ 0x1234 = 0x3E00_122B
     * primary = hash & 0x7FFF, secondary = ~hash & 0x7FFF = 0x7FFF - primary.
     */
    @ParameterizedTest
    @CsvSource({
        "false, 0x123456, 0x0ABCD000, 12, 0x129F9B, 0x1F9B, 0x6064",
        "false, 0x123456, 0x0ABCD000, 16, 0x123EEA, 0x3EEA, 0x4115",
        "true, 0x1F, 0x1234567000, 12, 0x3F234578, 0x4578, 0x3A87",
        "true, 0x1F, 0x1234567000, 24, 0x3E00122B, 0x122B, 0x6DD4",
    })
    void shouldHashAsTheSpecSays(final boolean oneTerabyte, final String vsid, final String offset, final int p,
                                 final String hash, final String primary, final String secondary) {
        final long h = HptHash.hash(oneTerabyte, Hex.parse(vsid), Hex.parse(offset), p);
        assertEquals(Hex.parse(hash), h);
        assertEquals((int) Hex.parse(primary), HptHash.primaryGroup(h, 0x7FFF));
        assertEquals((int) Hex.parse(secondary), HptHash.secondaryGroup(h, 0x7FFF));
    }

    @Test
    void shouldKeepOnly39HashBits() {
        assertEquals(0x7F_FFFF_FFFFL, HptHash.hash256M(0x3_FFFF_FFFF_FFFFL, 0, 12));
    }

    @Test
    void shouldNumberEntriesAndGroups() {
        assertEquals(0x79B * 8 + 3, HptHash.entryIndex(0x79B, 3));
        assertEquals(0x100000L + 0x79B * 128, HptHash.groupAddress(0x100000L, 0x79B));
    }

    /*
     * hash-mmu.md §6.4, 256M segment, SLB VSID word 0x1_2345_6000 (VSID 0x123456 at bit 12), offset 0x0ABCD000,
     * p 12: epn >>> 16 = 0xABC, AVPN bits (& ~0x7F) = 0xA80, plus V: 0x1_2345_6A81; secondary adds H (0x2).
     * 1T segment, SLB word (1 << 62) | (0x1F << 24), offset 0x12_3456_7000, p 24:
     * epn = 0x12_3400_0000, epn >>> 16 = 0x12_3400, AVPN bits = 0x12_3400 -> v = 0x4000_0000_1F12_3401.
     */
    @Test
    void shouldBuildTheWantedFirstDoubleword() {
        assertEquals(0x1_2345_6A81L, HptHash.wantedV(0x1_2345_6000L, false, 0x0ABCD000L, 12, false));
        assertEquals(0x1_2345_6A83L, HptHash.wantedV(0x1_2345_6000L | 0xC00, false, 0x0ABCD000L, 12, true));
        assertEquals(0x4000_0000_1F12_3401L,
            HptHash.wantedV((1L << 62) | (0x1FL << 24) | 0x100, true, 0x12_3456_7000L, 24, false));
    }
}
